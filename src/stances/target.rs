//! Targets from the parse: whom a cue is directed at, read from its dependents.
//!
//! One function, [`targets`], gives the words the parse offers as a cue's target, best first,
//! each with the rule that found it; which actor a word names (a name, a pronoun, a description,
//! the owner of a thing) is the caller's question. Each rule is a row of
//! `tests/data/stances/en.tsv`.

use crate::lexicon::StanceClass;
use crate::syntax::{Rel, SentenceSyntax};

/// The rule of the parse that found a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// The cue's object or indirect object: "Washington urged Israel to wait" (Israel).
    Object,
    /// A noun after one of the class's prepositions (`data/stance_frames.tsv`): "Iran negotiates
    /// with Russia over Syria" (Russia, not Syria).
    ClassPreposition,
    /// For a refusal or an intention, the object of the infinitive it governs: "Obama declined to
    /// threaten Moscow" (Moscow).
    InfinitiveObject,
    /// The subject of a passive whose agent holds the stance: "Israel was urged by Washington" (Israel).
    PassiveSubject,
    /// The noun a relative clause describes, when the relative pronoun is the cue's object:
    /// "Moscow, which U.S. agencies accused of hacking" (Moscow).
    RelativeObject,
}

impl Rule {
    /// Whether a thing at this place stands for its owner: rejecting, criticising, fearing,
    /// supporting or striking Russia's plan, Iran's sites or the U.S. request is a stance toward
    /// Russia, Iran or the U.S.; demanding or seeking U.N. sanctions is no stance toward the U.N.
    pub(crate) fn owner_counts(self, class: StanceClass) -> bool {
        match self {
            Rule::Object | Rule::ClassPreposition => matches!(
                class,
                StanceClass::Reject | StanceClass::Criticize | StanceClass::Concern | StanceClass::Cooperate | StanceClass::UseForce
            ),
            _ => false,
        }
    }
}

/// The words the parse offers as the target of the cue at word `cue`, best first: its object or
/// indirect object (not for speech: the one told is the listener), a noun after one of the
/// class's `prepositions`, for a refusal or an intention the object of its infinitive, a
/// passive's subject, and a relative clause's antecedent when the relative pronoun is the object.
pub(crate) fn targets(syn: SentenceSyntax<'_>, text: &str, cue: usize, class: StanceClass, prepositions: &[&str]) -> Vec<(usize, Rule)> {
    let mut out = Vec::new();
    let rel = |c: usize| syn.word(c).map(|x| x.rel);
    let case_of = |n: usize| {
        syn.children(n)
            .filter_map(|c| syn.word(c).filter(|x| x.rel == Rel::Case))
            .find_map(|x| text.get(x.start..x.end))
            .map(|s| s.to_ascii_lowercase())
    };
    let statement = class == StanceClass::Statement;
    let listener = statement && syn.word(cue).and_then(|w| text.get(w.start..w.end)).is_some_and(|w| is_listener_verb(&w.to_ascii_lowercase()));
    for c in syn.children(cue) {
        match rel(c) {
            Some(Rel::Obj | Rel::Iobj) if !listener => {
                let relative = syn.word(c).is_some_and(|x| is_relative_pronoun(text, x));
                match syn.word(cue).filter(|w| relative && w.rel == Rel::AclRelcl).and_then(|w| w.head) {
                    Some(noun) => out.push((noun, Rule::RelativeObject)),
                    None if !relative => {
                        out.push((c, Rule::Object));
                        // "imposed sanctions on North Korea", "closed its borders with Syria": the
                        // class's preposition on the object noun.
                        for n in syn.children(c) {
                            if matches!(rel(n), Some(Rel::Nmod)) && case_of(n).is_some_and(|p| prepositions.contains(&p.as_str())) {
                                out.push((n, Rule::ClassPreposition));
                            }
                        }
                    }
                    None => {}
                }
            }
            Some(Rel::Obl | Rel::Nmod) if case_of(c).is_some_and(|p| prepositions.contains(&p.as_str())) => out.push((c, Rule::ClassPreposition)),
            Some(Rel::NsubjPass) if syn.children(cue).any(|a| rel(a) == Some(Rel::OblAgent)) => out.push((c, Rule::PassiveSubject)),
            _ => {}
        }
    }
    if out.is_empty() && matches!(class, StanceClass::Reject | StanceClass::Intend) {
        if let Some(x) = syn.children(cue).find(|&c| rel(c) == Some(Rel::Xcomp)) {
            out.extend(syn.children(x).filter(|&c| matches!(rel(c), Some(Rel::Obj | Rel::Iobj))).map(|o| (o, Rule::InfinitiveObject)));
        }
    }
    out
}

/// "who", "which", "that", "whom": a relative pronoun standing for the noun its clause describes.
pub(crate) fn is_relative_pronoun(text: &str, w: &crate::syntax::Word) -> bool {
    matches!(text.get(w.start..w.end).map(str::to_ascii_lowercase).as_deref(), Some("who" | "which" | "that" | "whom"))
}

/// A speech verb whose object is the one spoken to ("told reporters"): `listener` frames of
/// `data/stance_frames.tsv`.
pub(crate) fn is_listener_verb(word: &str) -> bool {
    crate::lexicon::LISTENER_VERBS.binary_search(&word).is_ok()
}
