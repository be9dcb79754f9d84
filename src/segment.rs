//! Stage 2: sentences, with kinds and byte offsets of the original text.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets after it) when
//! the next word can start a sentence. The hard cases are the full stops that end no sentence:
//! "U.S. officials", "Feb. 5", "Mr. Smith", "J. R. Tolkien", "3.5"; and the ones that do with no
//! space after them ("community.Dr Venter"). Lines that [`clean`](crate::clean) marked as
//! headings, captions or furniture are one sentence each.

use crate::clean::{BlockKind, Cleaned};
use crate::text::{is_closing, is_opening};

/// A sentence: a byte span of the original text and the kind of its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
}

/// Abbreviations after which a full stop never ends a sentence when a name or number follows.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "cpt", "sgt", "maj", "adm",
    "st", "jr", "sr", "rev", "hon", "pres", "supt", "messrs", "mt", "ft", "no", "nos", "vol", "fig", "figs", "art",
    "vs", "v", "etc", "approx", "dept", "est", "inc", "ltd", "co", "corp", "al", "e.g", "i.e", "cf", "ca", "p", "pp",
];
/// Month abbreviations: "Feb. 5" is one sentence.
const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];
/// Words that start sentences: after an initialism ("the U.S. The talks") they show a real end.
const STARTERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There", "But",
    "And", "In", "On", "At", "For", "If", "When", "While", "As", "After", "Before", "However", "Its", "His", "Her",
    "Their", "Our", "Some", "Many", "Most", "Officials", "Yet", "So", "Still", "Meanwhile",
];

/// Splits every block of `cleaned` into sentences.
pub(crate) fn segment(text: &str, cleaned: &Cleaned) -> Vec<Sentence> {
    let mut out = Vec::new();
    for block in &cleaned.blocks {
        match block.kind {
            BlockKind::Body | BlockKind::Bullet | BlockKind::AuthorTakeaway => {
                split(text, block.start, block.end, |start, end| out.push(Sentence { start, end, kind: block.kind }))
            }
            kind => out.push(Sentence { start: block.start, end: block.end, kind }),
        }
    }
    out
}

/// Calls `emit` with the span of each sentence of `text[start..end]`, white space trimmed.
fn split(text: &str, start: usize, end: usize, mut emit: impl FnMut(usize, usize)) {
    let s = &text[start..end];
    let mut sentence_start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Take the whole run of final punctuation and closers: `?!`, `...`, `.’’`, `.)`.
        let mut stop = i + c.len_utf8();
        while let Some(&(k, d)) = chars.peek() {
            if matches!(d, '.' | '!' | '?' | '…') || is_closing(d) {
                stop = k + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if ends_sentence(s, i, c, stop) {
            emit_trimmed(start, &s[sentence_start..stop], sentence_start, &mut emit);
            sentence_start = stop;
        }
    }
    emit_trimmed(start, &s[sentence_start..], sentence_start, &mut emit);
}

fn emit_trimmed(base: usize, piece: &str, offset: usize, emit: &mut impl FnMut(usize, usize)) {
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let lead = piece.len() - piece.trim_start().len();
        emit(base + offset + lead, base + offset + lead + trimmed.len());
    }
}

/// Whether the stop `c` at byte `i` of `s` (its run of punctuation ending at `stop`) ends a sentence.
fn ends_sentence(s: &str, i: usize, c: char, stop: usize) -> bool {
    let rest = &s[stop..];
    let gap = rest.len() - rest.trim_start().len();
    let next_word: &str = rest.trim_start().split(|ch: char| ch.is_whitespace()).next().unwrap_or("");
    let next = next_word.chars().find(|ch| !is_opening(*ch));
    let Some(next) = next else { return true }; // end of the block
    let word_before = word_before(s, i);
    if gap == 0 {
        // No space: "community.Dr Venter" ends a sentence; "3.5", "U.S.-Iran", "example.com" do not.
        return c != '.'
            || (next.is_uppercase()
                && word_before.chars().count() >= 2
                && word_before.chars().all(char::is_lowercase)
                && next_word.chars().nth(1).is_some_and(char::is_lowercase));
    }
    if c != '.' || stop > i + 1 {
        // `?`, `!`, an ellipsis or a stop followed by a closing quote: a sentence ends if the next word can start one.
        return next.is_uppercase() || next.is_ascii_digit() || is_opening(rest.trim_start().chars().next().unwrap_or(' '));
    }
    let lower = word_before.to_lowercase();
    if TITLES.contains(&lower.as_str()) {
        return false;
    }
    if MONTHS.contains(&lower.as_str()) && next.is_ascii_digit() {
        return false;
    }
    if word_before.chars().count() == 1 && word_before.chars().all(char::is_uppercase) {
        return false; // an initial: "J. R. Tolkien"
    }
    if word_before.contains('.') {
        // An initialism: "U.S." ends a sentence only before a word that starts one.
        return STARTERS.contains(&next_word.trim_start_matches(is_opening));
    }
    next.is_uppercase() || next.is_ascii_digit() || is_opening(rest.trim_start().chars().next().unwrap_or(' '))
}

/// The word that ends just before byte `i` of `s` (letters, digits and inner dots).
fn word_before(s: &str, i: usize) -> &str {
    let before = &s[..i];
    let start = before
        .char_indices()
        .rev()
        .find(|(_, ch)| !(ch.is_alphanumeric() || *ch == '.'))
        .map_or(0, |(k, ch)| k + ch.len_utf8());
    &before[start..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text, &clean(text)).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Israeli officials said on Feb. 5 that U.S. envoys met Mr. Smith. The talks went on."),
            ["Israeli officials said on Feb. 5 that U.S. envoys met Mr. Smith.", "The talks went on."]
        );
        assert_eq!(sentences("It cost $3.50 in the U.S. The price rose."), ["It cost $3.50 in the U.S.", "The price rose."]);
    }

    #[test]
    fn doubled_quotes_and_missing_spaces() {
        assert_eq!(
            sentences("They judge it ‘‘vanishingly unlikely.’’ Some in Jerusalem disagree."),
            ["They judge it ‘‘vanishingly unlikely.’’", "Some in Jerusalem disagree."]
        );
        assert_eq!(sentences("It helped the community.Dr Venter agreed."), ["It helped the community.", "Dr Venter agreed."]);
    }
}
