//! Targets from the parse: whom a cue is directed at, read from its dependents.
//!
//! Rules (each checked by a row of `tests/data/stances/en.tsv`):
//! - **object**: the cue's object or indirect object ("urged Israel to wait": Israel);
//! - **class preposition**: a noun hanging from the cue by one of its class's prepositions of
//!   `data/stance_frames.tsv` ("negotiates with Russia over Syria": Russia, not Syria);
//! - **the infinitive's object**: for a refusal or an intention, the object of the infinitive it
//!   governs ("declined to threaten Moscow": Moscow);
//!
//! Where the parse names no actor so, the target read from word order stays (the subject of a
//! demanded act, "the US demands Iran cease": Iran). Dropping names found inside the content a
//! cue governs ("denied it will miss a repayment to the IMF") was tried and lowered PLOVER's
//! source+target more than it raised precision: the gold gives statements their content's
//! subject as target.

use crate::lexicon::StanceClass;
use crate::syntax::{Rel, SentenceSyntax};

/// The words the parse offers as the target of the cue at word `cue`, best first: its object
/// or indirect object (not for speech: the one told is the listener), a noun after one of the
/// class's `prepositions`, and for a refusal or an intention the object of its infinitive.
pub(crate) fn target_words(syn: SentenceSyntax<'_>, text: &str, cue: usize, class: StanceClass, prepositions: &[&str]) -> Vec<usize> {
    let mut out = Vec::new();
    let case_of = |n: usize| {
        syn.children(n)
            .filter_map(|c| syn.word(c).filter(|x| x.rel == Rel::Case))
            .find_map(|x| text.get(x.start..x.end))
            .map(|s| s.to_ascii_lowercase())
    };
    let objects = |v: usize, out: &mut Vec<usize>| {
        for c in syn.children(v) {
            if syn.word(c).is_some_and(|x| matches!(x.rel, Rel::Obj | Rel::Iobj)) {
                out.push(c);
            }
        }
    };
    if class != StanceClass::Statement {
        objects(cue, &mut out);
    }
    for c in syn.children(cue) {
        let Some(x) = syn.word(c) else { continue };
        if matches!(x.rel, Rel::Obl | Rel::Nmod) && case_of(c).is_some_and(|p| prepositions.contains(&p.as_str())) {
            out.push(c);
        }
    }
    if out.is_empty() && matches!(class, StanceClass::Reject | StanceClass::Intend) {
        if let Some(x) = syn.children(cue).find(|&c| syn.word(c).is_some_and(|x| x.rel == Rel::Xcomp)) {
            objects(x, &mut out);
        }
    }
    out
}
