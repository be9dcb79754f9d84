//! The part-of-speech tagger: a greedy left-to-right linear model over hashed features of the
//! word, its affixes and shape, its neighbours and the tags already given to the two before it.
//!
//! "The Pentagon think tank said": "think" after "Pentagon" and before "tank" is a NOUN, which a
//! stance-verb list alone would read as a verb.

use super::atoms::{key, mix, Atoms, Keys, ALL_CAPS, CAPITALIZED, HAS_DIGIT, HAS_HYPHEN};
use super::Scorer;

/// The universal parts of speech, in the order of the tagger's classes.
pub(crate) const UPOS: [&str; 17] =
    ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"];

/// The index of a UPOS name in [`UPOS`].
#[cfg(any(test, feature = "train"))]
pub(crate) fn upos_index(name: &str) -> Option<u8> {
    UPOS.iter().position(|&u| u == name).map(|i| i as u8)
}

/// The tag value of a position before the sentence.
const START: u64 = 0x5354_4152_54;
/// The tag value of a position after the sentence (right context).
const END: u64 = 0x454e_44;

/// Appends the feature keys for the word at `i` given the tags of the words before it and, in
/// the second pass, the first pass's tags of the words after it (`right`): the word's own
/// features and its context's.
#[cfg(any(test, feature = "train"))]
pub(crate) fn features(atoms: &[Atoms], tags: &[u8], right: Option<&[u8]>, i: usize, out: &mut Keys) {
    word_features(atoms, i, out);
    context_features(atoms, tags, right, i, out);
}

/// The atoms at `j` (those of no word outside the sentence).
fn at(atoms: &[Atoms], j: isize) -> Atoms {
    usize::try_from(j).ok().and_then(|j| atoms.get(j)).copied().unwrap_or_else(Atoms::none)
}

/// Adds the key of template `template` over `values`.
#[inline(always)]
fn push(out: &mut Keys, template: u64, values: &[u64]) {
    let h = values.iter().fold(mix(0, template), |h, &v| mix(h, v));
    out.push(key(h));
}

/// The features of the word at `i` that no tag enters: its form, affixes, shape and what the
/// lexicons say, and its neighbours' words. The same in both passes, so scored once.
pub(crate) fn word_features(atoms: &[Atoms], i: usize, out: &mut Keys) {
    let i = i as isize;
    let (w, p1, p2, n1, n2) = (at(atoms, i), at(atoms, i - 1), at(atoms, i - 2), at(atoms, i + 1), at(atoms, i + 2));
    let f = |out: &mut Keys, template: u64, values: &[u64]| push(out, template, values);
    f(out, 0, &[]);
    f(out, 1, &[w.lower]);
    f(out, 2, &[w.suffix[0]]);
    f(out, 3, &[w.suffix[1]]);
    f(out, 4, &[w.suffix[2]]);
    f(out, 5, &[w.suffix[3]]);
    f(out, 6, &[w.prefix[0]]);
    f(out, 7, &[w.prefix[1]]);
    f(out, 8, &[w.prefix[2]]);
    f(out, 9, &[w.shape]);
    f(out, 10, &[w.flags & (CAPITALIZED | ALL_CAPS | HAS_DIGIT | HAS_HYPHEN), u64::from(i == 0)]);
    f(out, 14, &[p1.lower]);
    f(out, 15, &[p1.suffix[2]]);
    f(out, 16, &[p2.lower]);
    f(out, 17, &[n1.lower]);
    f(out, 18, &[n1.suffix[2]]);
    f(out, 19, &[n2.lower]);
    f(out, 20, &[p1.lower, w.lower]);
    f(out, 21, &[w.lower, n1.lower]);
    f(out, 23, &[n1.shape]);
    f(out, 24, &[p1.shape, w.shape]);
    f(out, 26, &[n1.suffix[1]]);
    f(out, 27, &[n2.suffix[2]]);
    // "she plans", "Trump urges": the word before with the word's ending.
    f(out, 35, &[p1.lower, w.suffix[0]]);
    f(out, 36, &[p1.lower, w.suffix[1]]);
    f(out, 37, &[p1.shape, w.suffix[1]]);
    // The lexicons' word ("a stance verb", "a name").
    f(out, 40, &[w.lexicon]);
    f(out, 42, &[w.lexicon, w.flags & CAPITALIZED, u64::from(i == 0)]);
    f(out, 43, &[n1.lexicon, w.flags & CAPITALIZED]);
    if w.flags & CAPITALIZED != 0 {
        // "Trump" is not "trump": the form with its capitals, apart at a sentence's start.
        f(out, 28, &[w.form, u64::from(i == 0)]);
    }
}

/// The features of the word at `i` that the tags around it enter: those of the two words
/// before, and in the second pass the first pass's tags of the two after (`right`).
pub(crate) fn context_features(atoms: &[Atoms], tags: &[u8], right: Option<&[u8]>, i: usize, out: &mut Keys) {
    let i = i as isize;
    let (w, p1) = (at(atoms, i), at(atoms, i - 1));
    let n1 = at(atoms, i + 1);
    let tag = |j: isize| -> u64 {
        if j < 0 {
            START
        } else {
            tags.get(j as usize).map_or(END, |&t| u64::from(t) + 1)
        }
    };
    let (t1, t2) = (tag(i - 1), tag(i - 2));
    let f = |out: &mut Keys, template: u64, values: &[u64]| push(out, template, values);
    f(out, 11, &[t1]);
    f(out, 12, &[t2, t1]);
    f(out, 13, &[t1, w.lower]);
    f(out, 22, &[t1, n1.lower]);
    f(out, 25, &[t1, w.suffix[2]]);
    f(out, 41, &[w.lexicon, t1]);
    if let Some(right) = right {
        // The second pass sees the tags after the word: "urges supporters" (a verb before a
        // noun phrase) against "the urges" or "urges to".
        let r = |j: isize| right.get(j as usize).map_or(END, |&t| u64::from(t) + 1);
        let (r1, r2) = (r(i + 1), r(i + 2));
        f(out, 29, &[r1]);
        f(out, 30, &[r1, r2]);
        f(out, 31, &[t1, r1]);
        f(out, 32, &[w.lower, r1]);
        f(out, 33, &[w.suffix[2], r1]);
        f(out, 34, &[t1, w.lower, r1]);
        f(out, 38, &[w.suffix[1], r1]);
        f(out, 39, &[p1.lower, w.suffix[0], r1]);
        f(out, 44, &[w.lexicon, r1]);
    }
}

/// Tags a sentence, one UPOS index per word, in two passes: left to right with the tags
/// before each word, then again with the first pass's tags after it too. Each word's own
/// features are scored once for both.
pub(crate) fn tag(model: &impl Scorer, atoms: &[Atoms], tags: &mut Vec<u8>) {
    let n = atoms.len();
    let mut own = vec![[0f32; UPOS.len()]; n];
    let mut keys = Keys::default();
    for (i, scores) in own.iter_mut().enumerate() {
        keys.clear();
        word_features(atoms, i, &mut keys);
        model.score(&keys, scores);
    }
    let mut first = Vec::with_capacity(n);
    pass_with(model, atoms, &own, None, &mut first, &mut keys);
    pass_with(model, atoms, &own, Some(&first), tags, &mut keys);
}

/// One left-to-right pass over words whose own features scored `own`.
fn pass_with(model: &impl Scorer, atoms: &[Atoms], own: &[[f32; 17]], right: Option<&[u8]>, tags: &mut Vec<u8>, keys: &mut Keys) {
    tags.clear();
    for (i, base) in own.iter().enumerate() {
        keys.clear();
        context_features(atoms, tags, right, i, keys);
        let mut scores = *base;
        model.score(keys, &mut scores);
        tags.push(argmax(&scores, |_| true) as u8);
    }
}

/// One left-to-right pass of the tagger (`right`: the first pass's tags, in the second).
#[cfg(any(test, feature = "train"))]
pub(crate) fn pass(model: &impl Scorer, atoms: &[Atoms], right: Option<&[u8]>, tags: &mut Vec<u8>) {
    tags.clear();
    let mut feats = Keys::default();
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
