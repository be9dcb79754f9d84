//! The part-of-speech tagger: a greedy left-to-right linear model over hashed features of the
//! word, its affixes and shape, its neighbours and the tags already given to the two before it.
//!
//! "The Pentagon think tank said": "think" after "Pentagon" and before "tank" is a NOUN, which a
//! stance-verb list alone would read as a verb.

use super::atoms::{key, mix, Atoms, ALL_CAPS, CAPITALIZED, HAS_DIGIT, HAS_HYPHEN};
use super::Scorer;

/// The universal parts of speech, in the order of the tagger's classes.
pub(crate) const UPOS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ",
    "SYM", "VERB", "X",
];

/// The index of a UPOS name in [`UPOS`].
pub(crate) fn upos_index(name: &str) -> Option<u8> {
    UPOS.iter().position(|&u| u == name).map(|i| i as u8)
}

/// The tag value of a position before the sentence.
const START: u64 = 0x5354_4152_54;
/// The tag value of a position after the sentence (right context).
const END: u64 = 0x454e_44;

/// Appends the feature keys for the word at `i` given the tags of the words before it and, in
/// the second pass, the first pass's tags of the words after it (`right`).
pub(crate) fn features(atoms: &[Atoms], tags: &[u8], right: Option<&[u8]>, i: usize, out: &mut Vec<u32>) {
    let none = Atoms::none();
    let at = |j: isize| -> &Atoms {
        if j < 0 {
            &none
        } else {
            atoms.get(j as usize).unwrap_or(&none)
        }
    };
    let i = i as isize;
    let w = at(i);
    let (p1, p2, n1, n2) = (at(i - 1), at(i - 2), at(i + 1), at(i + 2));
    let tag = |j: isize| -> u64 {
        if j < 0 {
            START
        } else {
            tags.get(j as usize).map_or(END, |&t| u64::from(t) + 1)
        }
    };
    let (t1, t2) = (tag(i - 1), tag(i - 2));
    let mut f = |template: u64, values: &[u64]| {
        let h = values.iter().fold(mix(0, template), |h, &v| mix(h, v));
        out.push(key(h));
    };
    f(0, &[]);
    f(1, &[w.lower]);
    f(2, &[w.suffix[0]]);
    f(3, &[w.suffix[1]]);
    f(4, &[w.suffix[2]]);
    f(5, &[w.suffix[3]]);
    f(6, &[w.prefix[0]]);
    f(7, &[w.prefix[1]]);
    f(8, &[w.prefix[2]]);
    f(9, &[w.shape]);
    f(10, &[w.flags & (CAPITALIZED | ALL_CAPS | HAS_DIGIT | HAS_HYPHEN), u64::from(i == 0)]);
    f(11, &[t1]);
    f(12, &[t2, t1]);
    f(13, &[t1, w.lower]);
    f(14, &[p1.lower]);
    f(15, &[p1.suffix[2]]);
    f(16, &[p2.lower]);
    f(17, &[n1.lower]);
    f(18, &[n1.suffix[2]]);
    f(19, &[n2.lower]);
    f(20, &[p1.lower, w.lower]);
    f(21, &[w.lower, n1.lower]);
    f(22, &[t1, n1.lower]);
    f(23, &[n1.shape]);
    f(24, &[p1.shape, w.shape]);
    f(25, &[t1, w.suffix[2]]);
    f(26, &[n1.suffix[1]]);
    f(27, &[n2.suffix[2]]);
    // "she plans", "Trump urges": the word before with the word's ending.
    f(35, &[p1.lower, w.suffix[0]]);
    f(36, &[p1.lower, w.suffix[1]]);
    f(37, &[p1.shape, w.suffix[1]]);
    if w.flags & CAPITALIZED != 0 {
        // "Trump" is not "trump": the form with its capitals, apart at a sentence's start.
        f(28, &[w.form, u64::from(i == 0)]);
    }
    if let Some(right) = right {
        // The second pass sees the tags after the word: "urges supporters" (a verb before a
        // noun phrase) against "the urges" or "urges to".
        let r = |j: isize| right.get(j as usize).map_or(END, |&t| u64::from(t) + 1);
        let (r1, r2) = (r(i + 1), r(i + 2));
        f(29, &[r1]);
        f(30, &[r1, r2]);
        f(31, &[t1, r1]);
        f(32, &[w.lower, r1]);
        f(33, &[w.suffix[2], r1]);
        f(34, &[t1, w.lower, r1]);
        f(38, &[w.suffix[1], r1]);
        f(39, &[p1.lower, w.suffix[0], r1]);
    }
}

/// Tags a sentence, one UPOS index per word, in two passes: left to right with the tags
/// before each word, then again with the first pass's tags after it too.
pub(crate) fn tag(model: &impl Scorer, atoms: &[Atoms], tags: &mut Vec<u8>) {
    let mut first = Vec::with_capacity(atoms.len());
    pass(model, atoms, None, &mut first);
    pass(model, atoms, Some(&first), tags);
}

/// One left-to-right pass of the tagger (`right`: the first pass's tags, in the second).
pub(crate) fn pass(model: &impl Scorer, atoms: &[Atoms], right: Option<&[u8]>, tags: &mut Vec<u8>) {
    tags.clear();
    let mut feats = Vec::with_capacity(40);
    let mut scores = [0f32; UPOS.len()];
    for i in 0..atoms.len() {
        feats.clear();
        features(atoms, tags, right, i, &mut feats);
        scores.fill(0.0);
        model.score(&feats, &mut scores);
        tags.push(argmax(&scores, |_| true) as u8);
    }
}

/// The index of the highest score among the classes `allowed` lets through (0 if none does).
pub(crate) fn argmax(scores: &[f32], allowed: impl Fn(usize) -> bool) -> usize {
    let mut best = (0, f32::NEG_INFINITY);
    for (c, &s) in scores.iter().enumerate() {
        if s > best.1 && allowed(c) {
            best = (c, s);
        }
    }
    best.0
}
