//! How sure a stance is: a logistic weighing of what is known about how it was read, with
//! weights fitted on the stance gold (`data/stance_confidence.tsv`, written by
//! `scripts/calibrate_stances.py`), so that a confidence of 0.8 means about 8 in 10 such stances
//! are right and the widget's threshold ([`THRESHOLD`]) holds back the unsure ones.
//!
//! The features are facts a reader would weigh too: which rule found the holder ("Washington
//! urged": a subject; "the company said": a resolved description), whether the parse agrees that
//! the holder is the cue's subject or agent, whether the holder is an actor the actors stage is
//! unsure of, whether the cue is a noun, sits inside a quotation, or is negated or hypothetical.

use std::sync::OnceLock;

use super::{holder, StanceEntry, Via};
use crate::actors::{ActorKind, Cast, Mention};
use crate::lexicon::{StanceClass, STANCE_WEIGHTS};
use crate::syntax::{Rel, SentenceSyntax, Upos};

/// The default threshold: stances under it are held back as unsure. Chosen on the tuning half
/// of the stance gold for a precision of about 0.85 (see `scripts/calibrate_stances.py`).
pub(crate) const THRESHOLD: f32 = 0.65;

/// Every feature's name, by bit: the names `data/stance_confidence.tsv` gives weights to.
pub(crate) const FEATURES: [&str; 41] = [
    "bias",
    // The rule that found the holder (`Via::name`).
    "rule:subject",
    "rule:coordinated",
    "rule:speaker_after",
    "rule:passive_agent",
    "rule:shared_subject",
    "rule:reference",
    "rule:controller",
    "rule:hyphen_owner",
    "rule:possessor",
    "rule:modifier",
    "rule:compound_pair",
    "rule:by_phrase",
    "rule:between",
    "rule:topic",
    "rule:speaker_label",
    "rule:signed_quote",
    "rule:according_to",
    "rule:reported_demand",
    "rule:relative_antecedent",
    "rule:speech_content",
    "rule:quoted_speaker",
    // What the parse says of the holder.
    "parse:agrees",
    "parse:differs",
    // The holder.
    "actor:unsure",
    "actor:person",
    "actor:country",
    "actor:organization",
    "actor:group",
    "actor:place",
    // The cue and its clause.
    "class:statement",
    "class:use_force",
    "class:intend",
    "cue:noun",
    "cue:quoted",
    "negated",
    "hypothetical",
    "target",
    "title",
    "parse:target_agrees",
    "parse:target_differs",
];

fn bit(name: &str) -> u64 {
    FEATURES.iter().position(|f| *f == name).map_or(0, |k| 1 << k)
}

/// The weight of each feature, by bit, from the compiled data file (0 for a feature it omits).
fn weights() -> &'static [f32; FEATURES.len()] {
    static W: OnceLock<[f32; FEATURES.len()]> = OnceLock::new();
    W.get_or_init(|| {
        let mut w = [0.0; FEATURES.len()];
        for (name, weight) in STANCE_WEIGHTS {
            if let Some(k) = FEATURES.iter().position(|f| f == name) {
                w[k] = *weight;
            }
        }
        w
    })
}

/// The confidence of a stance with these features: the logistic of their summed weights.
pub(crate) fn of_features(features: u64) -> f32 {
    let w = weights();
    let z: f32 = (0..FEATURES.len()).filter(|k| features >> k & 1 == 1).map(|k| w[k]).sum();
    1.0 / (1.0 + (-z).exp())
}

/// What one sentence offers the weighing: its parse, its mentions, and where quotations open and close.
pub(crate) struct Context<'a> {
    pub text: &'a str,
    pub syntax: SentenceSyntax<'a>,
    pub mentions: &'a [Mention],
    pub cast: &'a Cast,
    pub title_case: bool,
    /// The sentence's byte span.
    pub span: (usize, usize),
}

/// Sets the features and confidence of the stances of one sentence.
pub(crate) fn weigh(stances: &mut [StanceEntry], cx: &Context<'_>) {
    for s in stances {
        s.features = features(s, cx);
        s.confidence = of_features(s.features);
    }
}

fn features(s: &StanceEntry, cx: &Context<'_>) -> u64 {
    let mut f = bit("bias") | bit(&format!("rule:{}", s.via.name()));
    if let Some(actor) = cx.cast.actors.get(s.actor) {
        if actor.confidence < 0.6 {
            f |= bit("actor:unsure");
        }
        f |= bit(match actor.kind {
            ActorKind::Person => "actor:person",
            ActorKind::Country => "actor:country",
            ActorKind::Organization => "actor:organization",
            ActorKind::Group => "actor:group",
            ActorKind::Place => "actor:place",
        });
    }
    match s.class {
        StanceClass::Statement => f |= bit("class:statement"),
        StanceClass::UseForce => f |= bit("class:use_force"),
        StanceClass::Intend => f |= bit("class:intend"),
        _ => {}
    }
    if s.negated {
        f |= bit("negated");
    }
    if s.hypothetical {
        f |= bit("hypothetical");
    }
    if s.target.is_some() {
        f |= bit("target");
    }
    if cx.title_case {
        f |= bit("title");
    }
    if quoted(cx.text, cx.span.0, s.verb.0) {
        f |= bit("cue:quoted");
    }
    let cue = cx.syntax.words.iter().position(|w| w.start <= s.verb.0 && s.verb.0 < w.end.max(w.start + 1));
    if let Some(j) = cue {
        if cx.syntax.word(j).is_some_and(|w| matches!(w.upos, Upos::Noun | Upos::Propn)) {
            f |= bit("cue:noun");
        }
        let holders = holder_words(cx.syntax, cx.text, j);
        if !holders.is_empty() {
            let agrees = holders
                .iter()
                .any(|&h| names(cx, h, s.actor) || (s.via == Via::Pronoun && cx.syntax.word(h).is_some_and(|w| w.start == s.evidence.0)));
            f |= bit(if agrees { "parse:agrees" } else { "parse:differs" });
        }
        if let Some(t) = s.target {
            let targets = target_words(cx.syntax, j);
            if !targets.is_empty() {
                let agrees = targets.iter().any(|&h| names(cx, h, t));
                f |= bit(if agrees { "parse:target_agrees" } else { "parse:target_differs" });
            }
        }
    }
    f
}

/// Whether byte `at` lies inside a quotation opened earlier in the sentence (an odd number of
/// straight double quotes, or more opening than closing curly ones, before it).
fn quoted(text: &str, from: usize, at: usize) -> bool {
    let Some(before) = text.get(from..at) else { return false };
    let straight = before.matches('"').count();
    let open = before.matches('“').count();
    let close = before.matches('”').count();
    straight % 2 == 1 || open > close
}

/// Whether word `h` or its name words (compound, flat, a possessor's noun) overlap a mention of `actor`.
fn names(cx: &Context<'_>, h: usize, actor: usize) -> bool {
    let Some(w) = cx.syntax.word(h) else { return false };
    let mut spans = vec![(w.start, w.end)];
    for c in cx.syntax.children(h) {
        if let Some(cw) = cx.syntax.word(c) {
            if matches!(cw.rel, Rel::Compound | Rel::Flat | Rel::Amod | Rel::NmodPoss | Rel::Appos) {
                spans.push((cw.start, cw.end));
            }
        }
    }
    cx.mentions.iter().any(|m| m.actor == actor && spans.iter().any(|&(a, b)| m.start < b && a < m.end))
}

/// The words the parse gives as the one who does what word `j` says: its holder by the rules of
/// [`holder`] (subject, passive agent, chain, relative antecedent); for a noun, its possessor.
fn holder_words(syn: SentenceSyntax<'_>, text: &str, j: usize) -> Vec<usize> {
    match holder::holder(syn, text, j) {
        holder::Found::Holder(h, _) => vec![h],
        _ => syn.children(j).filter(|&c| syn.word(c).is_some_and(|x| x.rel == Rel::NmodPoss)).collect(),
    }
}

/// The words the parse gives as the one word `j` is directed at: its object or indirect object,
/// or the noun of a prepositional phrase hanging from it.
fn target_words(syn: SentenceSyntax<'_>, j: usize) -> Vec<usize> {
    syn.children(j).filter(|&c| syn.word(c).is_some_and(|w| matches!(w.rel, Rel::Obj | Rel::Iobj | Rel::Obl | Rel::Nmod))).collect()
}

/// The names of the features set in `features`, for the CLI's `--stance-features`.
pub(crate) fn names_of(features: u64) -> Vec<&'static str> {
    (0..FEATURES.len()).filter(|k| features >> k & 1 == 1).map(|k| FEATURES[k]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_feature() {
        for via in [Via::Subject, Via::Pronoun, Via::ReportedDemand, Via::Between, Via::Signed] {
            assert_ne!(bit(&format!("rule:{}", via.name())), 0, "{via:?}");
        }
    }

    #[test]
    fn quotations_are_counted() {
        let t = "He said \"we will strike\" and left.";
        assert!(quoted(t, 0, t.find("strike").unwrap()));
        assert!(!quoted(t, 0, t.find("left").unwrap()));
    }
}
