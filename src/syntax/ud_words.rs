//! UD's words from the tokenizer's tokens: what the treebank the models learnt from calls a word.
//!
//! The tokenizer keeps "don't" whole and a run of dots as single dots; UD English writes
//! "do" + "n't", "I" + "'m", "can" + "not", "..." and "--". Each UD word keeps its byte span in
//! the text and the token it came from.

use crate::text::{is_apostrophe, Token, TokenKind};

/// A UD word: a byte span of the text and the index (in its sentence) of the token it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UdWord {
    pub start: usize,
    pub end: usize,
    pub token: usize,
}

/// Clitics that UD writes as words of their own after an apostrophe: "I'm", "we're", "they've",
/// "she'll", "he'd", "it's".
const CLITICS: [&str; 6] = ["m", "re", "ve", "ll", "d", "s"];

/// Words written as two in UD without an apostrophe: "cannot" is "can" + "not", "gonna" is
/// "gon" + "na" (where the first part ends).
const FUSED: [(&str, usize); 4] = [("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3)];

/// Appends the UD words of one sentence's `tokens` to `out`.
pub(crate) fn ud_words(text: &str, tokens: &[Token], out: &mut Vec<UdWord>) {
    let mut i = 0;
    while let Some(t) = tokens.get(i) {
        // A run of the same dot or hyphen with nothing between: "...", "--".
        if t.kind == TokenKind::Punct && matches!(t.text(text), "." | "-") {
            let mut j = i + 1;
            while tokens.get(j).is_some_and(|u| u.start == tokens[j - 1].end && u.text(text) == t.text(text)) {
                j += 1;
            }
            out.push(UdWord { start: t.start, end: tokens[j - 1].end, token: i });
            i = j;
            continue;
        }
        if t.kind == TokenKind::Word {
            if let Some(at) = split_point(t.text(text)) {
                out.push(UdWord { start: t.start, end: t.start + at, token: i });
                out.push(UdWord { start: t.start + at, end: t.end, token: i });
                i += 1;
                continue;
            }
        }
        out.push(UdWord { start: t.start, end: t.end, token: i });
        i += 1;
    }
}

/// Where UD splits `word` in two, as a byte offset: before "n't" ("do|n't", "ca|n't"), before an
/// apostrophe that opens a clitic ("I|'m"), or inside a fused form ("can|not"). None for most
/// words, and for names with an apostrophe ("O'Brien", "o'clock").
fn split_point(word: &str) -> Option<usize> {
    if let Some((at, c)) = word.char_indices().find(|&(_, c)| is_apostrophe(c)) {
        let after = &word[at + c.len_utf8()..];
        let before = &word[..at];
        if (after == "t" || after == "T") && (before.ends_with('n') || before.ends_with('N')) && before.len() > 1 {
            return Some(at - 1);
        }
        if !before.is_empty() && CLITICS.iter().any(|c| after.eq_ignore_ascii_case(c)) {
            return Some(at);
        }
        return None;
    }
    FUSED.iter().find(|(w, _)| word.eq_ignore_ascii_case(w)).map(|&(_, at)| at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn words(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        ud_words(s, &tokenize(s, 0, s.len()), &mut out);
        out.iter().map(|w| &s[w.start..w.end]).collect()
    }

    #[test]
    fn contractions_and_dots_are_split_as_ud_writes_them() {
        assert_eq!(words("I don't think we can't, I'm sure."), ["I", "do", "n't", "think", "we", "ca", "n't", ",", "I", "'m", "sure", "."]);
        assert_eq!(words("They cannot wait... O'Brien's team"), ["They", "can", "not", "wait", "...", "O'Brien", "'s", "team"]);
        assert_eq!(words("It’s the U.S.-Iran deal -- or not"), ["It", "’s", "the", "U.S.", "-", "Iran", "deal", "--", "or", "not"]);
    }
}
