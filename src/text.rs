//! Small text helpers shared by the stages: a word tokenizer that keeps byte offsets, and the
//! folding of typographic variants (curly quotes, dashes) that matching treats as one.

/// What a token is, as far as the stages care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters (and digits inside them), with inner apostrophes: "Tehran", "don't", "B2".
    Word,
    /// Digits, with inner separators: "12", "1,000", "3.5".
    Number,
    /// A possessive ending split off its word: the "’s" of "Washington’s".
    Possessive,
    /// Any other single character that is not white space.
    Punct,
}

/// A token: a byte span of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Whether the token is a word starting with an upper-case letter. Asked of most tokens by
    /// several stages: an ASCII first byte answers without slicing or decoding.
    ///
    /// Inlined, with the rare non-ASCII start decoded out of line: the call cost as much as the
    /// test.
    #[inline(always)]
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.kind == TokenKind::Word
            && match text.as_bytes().get(self.start) {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => self.opens_with_capital(text),
            }
    }

    /// Whether the token's first character is an upper-case letter.
    #[inline(never)]
    fn opens_with_capital(&self, text: &str) -> bool {
        self.text(text).chars().next().is_some_and(char::is_uppercase)
    }
}

/// A [`WordList`] of string literals: `word_list!["said", "says"]`.
///
/// The words are stored as one string and a byte of length each, rather than as a slice of
/// `&str`: the 1,200 words of the pipeline's lists then cost their letters and one byte in the
/// .wasm, not 8 bytes more each for a pointer and a length.
macro_rules! word_list {
    ($($word:literal),* $(,)?) => {
        const {
            const LENS: &[u8] = &[$($word.len() as u8),*];
            $crate::text::WordList::new(concat!($($word),*), LENS)
        }
    };
}
pub(crate) use word_list;

/// A short list of lower-case words, for `contains` checks in the stages' inner loops.
///
/// Two 64-bit masks made at compile time, of the (length, first byte) and (length, last byte)
/// pairs of its words, turn most misses away at once; the rest compare only entries of the
/// word's length.
///
/// A list the stages ask about for nearly every token also has a memo slot: the words layer
/// then answers for each distinct word once (see `SentenceWords::in_list`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordList {
    /// The words, one after the other.
    letters: &'static str,
    /// The length of each word in `letters`, in order.
    lens: &'static [u8],
    heads: u64,
    tails: u64,
    slot: u8,
}

/// How many lists can have a memo slot.
pub(crate) const MEMO_SLOTS: u8 = 32;

impl WordList {
    /// The list of words whose letters are `letters` and lengths `lens` (see [`word_list!`]).
    pub const fn new(letters: &'static str, lens: &'static [u8]) -> WordList {
        let (mut heads, mut tails) = (0, 0);
        let (mut rest, mut i) = (letters.as_bytes(), 0);
        while i < lens.len() {
            assert!(lens[i] as usize <= rest.len(), "a word of a word list is longer than 255 bytes");
            let (word, after) = rest.split_at(lens[i] as usize);
            let (head, tail) = Self::bits(word);
            heads |= head;
            tails |= tail;
            rest = after;
            i += 1;
        }
        assert!(rest.is_empty(), "a word of a word list is longer than 255 bytes");
        WordList { letters, lens, heads, tails, slot: MEMO_SLOTS }
    }

    /// The list with memo slot `slot` (below [`MEMO_SLOTS`], one per list).
    pub const fn memo(self, slot: u8) -> WordList {
        assert!(slot < MEMO_SLOTS);
        WordList { slot, ..self }
    }

    /// Its memo slot, if it has one.
    pub const fn slot(&self) -> Option<u8> {
        if self.slot < MEMO_SLOTS {
            Some(self.slot)
        } else {
            None
        }
    }

    /// Its words one after the other, and their lengths: for tables built from lists at compile time.
    pub const fn parts(&self) -> (&'static str, &'static [u8]) {
        (self.letters, self.lens)
    }

    /// The word's bit in each mask.
    #[inline(always)]
    const fn bits(word: &[u8]) -> (u64, u64) {
        let (first, last) = match word {
            [] => (0, 0),
            [first, .., last] => (*first as usize, *last as usize),
            [only] => (*only as usize, *only as usize),
        };
        (1 << ((word.len() * 7 + first) % 64), 1 << ((word.len() * 13 + last * 3) % 64))
    }

    /// Whether the masks let `word` through: `false` means it is not in the list. Always inlined
    /// (and `bits` too): a call cost more than the test in the hot `contains`.
    #[inline(always)]
    pub fn may_hold(&self, word: &str) -> bool {
        let (head, tail) = Self::bits(word.as_bytes());
        self.heads & head != 0 && self.tails & tail != 0
    }

    /// Whether `word` is in the list.
    pub fn contains(&self, word: &&str) -> bool {
        if !self.may_hold(word) {
            return false;
        }
        let bytes = word.as_bytes();
        let Some(&first) = bytes.first() else { return false };
        let (letters, n) = (self.letters.as_bytes(), bytes.len());
        let mut at = 0;
        for &len in self.lens {
            // Only the length is tested of most entries: a word that passed the masks is still
            // compared with every entry of a long list. The first byte then turns most entries
            // of its length away before a comparison (a call in wasm).
            if usize::from(len) == n && letters.get(at) == Some(&first) && letters.get(at..at + n) == Some(bytes) {
                return true;
            }
            at += usize::from(len);
        }
        false
    }

    /// The words of the list.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        let letters = self.letters;
        self.lens.iter().scan(0, move |at, &len| {
            let word = letters.get(*at..*at + usize::from(len));
            *at += usize::from(len);
            word
        })
    }
}

/// Whether `c` is an apostrophe in any of its pasted forms.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// Whether `c` is a dash or hyphen in any of its pasted forms.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Whether `s` is one dash or hyphen.
pub(crate) fn is_dash_str(s: &str) -> bool {
    let mut it = s.chars();
    it.next().is_some_and(is_dash) && it.next().is_none()
}

/// Whether `c` closes a quotation or bracket (may follow a sentence's final stop).
pub(crate) fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{2019}' | '\u{201D}' | '\u{00BB}' | ')' | ']' | '}')
}

/// Whether `c` opens a quotation or bracket (may precede a sentence's first word).
pub(crate) fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{2018}' | '\u{201C}' | '\u{00AB}' | '(' | '[')
}

/// Up to 64 phrases of two bytes or more to find in a text, indexed by their first two bytes:
/// one pass over the text compares a phrase only where its first two bytes are, where a
/// `contains` per phrase would scan the text once for each. `clean` finds notices and credits
/// with it ("all rights reserved"), `takeaways` the clutter the cleaner left ("(pictured)").
pub(crate) struct Phrases {
    phrases: &'static [&'static str],
    /// Per [`Phrases::bucket`] of two bytes, the phrases that may start with them, as bits of
    /// their indices.
    by_head: [u64; 256],
}

impl Phrases {
    pub const fn new(phrases: &'static [&'static str]) -> Phrases {
        assert!(phrases.len() <= 64);
        let mut by_head = [0u64; 256];
        let mut k = 0;
        while k < phrases.len() {
            let [a, b, ..] = phrases[k].as_bytes() else { panic!("a phrase of one byte") };
            by_head[Self::bucket(*a, *b)] |= 1 << k;
            k += 1;
        }
        Phrases { phrases, by_head }
    }

    const fn bucket(a: u8, b: u8) -> usize {
        (a ^ b.rotate_left(4)) as usize
    }

    /// The first phrase (by index) that `accept`s and starts at byte `i` of `bytes`.
    #[inline(always)]
    fn first_at(&self, bytes: &[u8], i: usize, accept: impl Fn(usize) -> bool) -> Option<usize> {
        let mut candidates = match bytes.get(i..i + 2) {
            Some(&[a, b]) => self.by_head[Self::bucket(a, b)],
            _ => return None,
        };
        while candidates != 0 {
            let k = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            if accept(k) && self.phrases.get(k).is_some_and(|p| bytes[i..].starts_with(p.as_bytes())) {
                return Some(k);
            }
        }
        None
    }

    /// Whether some phrase occurs anywhere in `text`: "(pictured)" in "Smith (pictured) said".
    pub fn found_in(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        (0..bytes.len()).any(|i| self.first_at(bytes, i, |_| true).is_some())
    }

    /// The index of the first phrase that `accept`s and starts a word of `text` (no letter or
    /// digit before it), at the earliest place one does; the lowest index where several do.
    /// "uses cookies" in "This site uses cookies", not in "refuses cookies".
    pub fn find_at_word_start(&self, text: &str, accept: impl Fn(usize) -> bool) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut prev_alnum = false;
        for (i, &b) in bytes.iter().enumerate() {
            let alnum = b.is_ascii_alphanumeric() || b >= 0x80;
            if !(prev_alnum && alnum) {
                if let Some(k) = self.first_at(bytes, i, &accept) {
                    return Some(k);
                }
            }
            prev_alnum = alnum;
        }
        None
    }
}

/// Splits `text[start..end]` into tokens with absolute byte offsets.
///
/// Hyphens and dashes are tokens of their own, so "U.S.-Iran" gives "U.S.", "-", "Iran"; an
/// initialism with dots is one word ("U.S.", "a.m."); "Washington’s" gives "Washington" and "’s".
#[cfg(test)]
pub(crate) fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, start, end, &mut tokens);
    tokens
}

/// [`tokenize`], appending to `tokens`.
pub(crate) fn tokenize_into(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    let s = &text[start..end];
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        if is_space(c) {
            i += c.len_utf8();
            continue;
        }
        if c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphabetic()) {
            let numeric = c.is_ascii_digit();
            let mut j = i + c.len_utf8();
            // An initialism: letter '.' letter '.' ... ("U.S.", "a.m.").
            if !numeric && bytes.get(j) == Some(&b'.') {
                if let Some(len) = initialism_len(&s[i..]) {
                    tokens.push(Token { start: start + i, end: start + i + len, kind: TokenKind::Word });
                    i += len;
                    continue;
                }
            }
            loop {
                // ASCII letters and digits, most of any word, a byte at a time without decoding.
                while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                }
                let Some(d) = char_at(s, j) else { break };
                // Letters and digits go on the word at once; only a separator needs a look ahead.
                let joins = d.is_alphanumeric() || {
                    let next = char_at(s, j + d.len_utf8());
                    let inner_sep = numeric && matches!(d, ',' | '.') && next.is_some_and(|n| n.is_ascii_digit());
                    let inner_apostrophe = !numeric && is_apostrophe(d) && next.is_some_and(char::is_alphabetic) && !is_possessive_at(s, j);
                    inner_sep || inner_apostrophe
                };
                if !joins {
                    break;
                }
                j += d.len_utf8();
            }
            let kind = if numeric && s[i..j].bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            tokens.push(Token { start: start + i, end: start + j, kind });
            i = j;
        } else if is_apostrophe(c) && is_possessive_at(s, i) && i > 0 && bytes[i - 1] != b' ' {
            let j = i + c.len_utf8() + 1;
            tokens.push(Token { start: start + i, end: start + j, kind: TokenKind::Possessive });
            i = j;
        } else {
            tokens.push(Token { start: start + i, end: start + i + c.len_utf8(), kind: TokenKind::Punct });
            i += c.len_utf8();
        }
    }
}

/// `char::is_whitespace`, with ASCII answered inline (a call per character otherwise in wasm).
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        is_ascii_space(c as u8)
    } else {
        c.is_whitespace()
    }
}

/// Whether ASCII byte `b` is white space as `char::is_whitespace` has it (which, unlike
/// `u8::is_ascii_whitespace`, counts \x0B).
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The character starting at byte `i` of `s` (`None` at the end): ASCII without decoding, which
/// is most of any English text.
fn char_at(s: &str, i: usize) -> Option<char> {
    match *s.as_bytes().get(i)? {
        b if b < 0x80 => Some(char::from(b)),
        _ => s.get(i..)?.chars().next(),
    }
}

/// Length in bytes of an initialism at the start of `s` ("U.S." → 4), if there is one.
fn initialism_len(s: &str) -> Option<usize> {
    let mut len = 0;
    let mut letters = 0;
    let mut it = s.char_indices();
    loop {
        match (it.next(), it.next()) {
            (Some((_, a)), Some((k, '.'))) if a.is_alphabetic() => {
                letters += 1;
                len = k + 1;
            }
            _ => break,
        }
    }
    // "U.S." yes; a lone "A." is an initial, left to the name rules; "U.Sa" is no initialism.
    let next = s[len..].chars().next();
    (letters >= 2 && !next.is_some_and(char::is_alphanumeric)).then_some(len)
}

/// Whether the apostrophe at byte `i` of `s` starts a possessive "’s" ending a word.
fn is_possessive_at(s: &str, i: usize) -> bool {
    let rest = &s[i..];
    let after = rest.chars().next().map_or(0, char::len_utf8);
    let tail = &rest[after..];
    (tail.starts_with('s') || tail.starts_with('S')) && !tail[1..].chars().next().is_some_and(char::is_alphanumeric)
}

/// The lower case of a letter, for the scripts news text is written in: Latin (with its
/// extensions and the Vietnamese letters), Greek, Cyrillic and Armenian; other characters as
/// they are. `char::to_lowercase` would link the whole Unicode case table (about 5 KB of gzip
/// in the .wasm) for scripts that have no capitals in the lexicons; "İ" gives a plain "i".
pub(crate) fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let u = c as u32;
    let even = u % 2 == 0;
    let l = match u {
        0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F | 0xFF21..=0xFF3A => u + 32,
        0x400..=0x40F => u + 80,
        0x531..=0x556 => u + 48,
        0x130 => 0x69,
        0x178 => 0xFF,
        0x1E9E => 0xDF,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 37,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 63,
        0x1AF => 0x1B0,
        0x1C4 | 0x1C7 | 0x1CA | 0x1F1 => u + 2,
        0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F4 => u + 1,
        0x4C0 => 0x4CF,
        0x1F6 => 0x195,
        0x1F7 => 0x1BF,
        0x220 => 0x19E,
        // Capital and small letters alternate in these blocks, the capital on the even code point…
        0x100..=0x12F
        | 0x132..=0x137
        | 0x14A..=0x177
        | 0x1A0..=0x1A5
        | 0x1DE..=0x1EF
        | 0x1F8..=0x21F
        | 0x222..=0x233
        | 0x460..=0x481
        | 0x48A..=0x4BF
        | 0x4D0..=0x52F
        | 0x1E00..=0x1E95
        | 0x1EA0..=0x1EFF
            if even =>
        {
            u + 1
        }
        // …and on the odd one in these.
        0x139..=0x148 | 0x179..=0x17E | 0x1CD..=0x1DC | 0x4C1..=0x4CE if !even => u + 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// `s` in lower case, by [`lower`].
///
/// Runs of ASCII (nearly all of a sentence with a curly quote in it) are copied whole and
/// lowered in place at the end; only the other characters are decoded, one by one. [`lower`]
/// never gives an ASCII capital, so the last pass leaves them as it made them.
pub(crate) fn lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.bytes().position(|b| !b.is_ascii()) {
        let (run, other) = rest.split_at(at);
        out.push_str(run);
        let mut chars = other.chars();
        out.extend(chars.next().map(lower));
        rest = chars.as_str();
    }
    out.push_str(rest);
    out.make_ascii_lowercase();
    out
}

/// Lower-cases a word and folds curly apostrophes, for lexicon lookups.
pub(crate) fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`], appending to `out`.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        let at = out.len(); // most words: no char decoding
        out.push_str(word);
        out[at..].make_ascii_lowercase();
        return;
    }
    out.extend(word.chars().map(|c| if is_apostrophe(c) { '\'' } else { lower(c) }));
}

/// Turns a canonical name into a stable id: "Benjamin Netanyahu" → "benjamin-netanyahu".
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().map(lower) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len()).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn tokens_keep_initialisms_and_split_compounds() {
        assert_eq!(words("U.S.-Iran talks"), ["U.S.", "-", "Iran", "talks"]);
        assert_eq!(words("Washington’s plea"), ["Washington", "’s", "plea"]);
        assert_eq!(words("Washington–Jerusalem"), ["Washington", "–", "Jerusalem"]);
        assert_eq!(words("don't cost 1,000.5 at 9 a.m."), ["don't", "cost", "1,000.5", "at", "9", "a.m."]);
        assert_eq!(words("the talks' prospects"), ["the", "talks", "'", "prospects"]);
    }

    #[test]
    fn word_lists_hold_their_words_and_no_others() {
        const LIST: WordList = word_list!["said", "says", "a", "told", "n't", "café"];
        assert_eq!(LIST.iter().collect::<Vec<_>>(), ["said", "says", "a", "told", "n't", "café"]);
        for word in LIST.iter() {
            assert!(LIST.contains(&word), "{word}");
        }
        for word in ["", "sai", "saids", "b", "tol", "t", "caf", "Said", "café!", "nt"] {
            assert!(!LIST.contains(&word), "{word}");
        }
        assert!(!word_list![].contains(&"a"));
    }

    #[test]
    fn phrases_are_found_anywhere_or_at_a_word_start() {
        static SET: Phrases = Phrases::new(&["uses cookies", "(pictured)", "cookies"]);
        assert!(SET.found_in("smith (pictured) said"));
        assert!(SET.found_in("he refuses cookies") && !SET.found_in("he refuses cake"));
        assert_eq!(SET.find_at_word_start("this site uses cookies", |_| true), Some(0));
        assert_eq!(SET.find_at_word_start("this site uses cookies", |k| k != 0), Some(2));
        assert_eq!(SET.find_at_word_start("he refuses cookies", |k| k == 0), None);
        assert_eq!(SET.find_at_word_start("", |_| true), None);
    }

    #[test]
    fn lower_agrees_with_the_standard_library_on_the_scripts_it_covers() {
        let blocks =
            [0..0x180, 0x1A0..0x1A6, 0x1AF..0x1B1, 0x1C4..0x234, 0x386..0x3CF, 0x400..0x530, 0x531..0x557, 0x1E00..0x1F00, 0xFF21..0xFF3B];
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            let mut std_lower = c.to_lowercase();
            if let (Some(l), None) = (std_lower.next(), std_lower.next()) {
                assert_eq!(lower(c), l, "U+{:04X}", c as u32);
            }
        }
        assert_eq!(lower('İ'), 'i');
        assert_eq!(lowercase("ÇA VA, Ελλάδα, МОСКВА"), "ça va, ελλάδα, москва");
    }

    #[test]
    fn slugs_are_stable() {
        assert_eq!(slug("Benjamin Netanyahu"), "benjamin-netanyahu");
        assert_eq!(slug("United States"), "united-states");
        assert_eq!(slug("  Côte d'Ivoire "), "côte-d-ivoire");
    }
}
