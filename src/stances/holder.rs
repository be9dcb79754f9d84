//! Holders from the parse: the word that does or says what a cue says, read from the cue's
//! dependents and the chain of clauses above it instead of from word order.
//!
//! One function, [`holder`], answers for a cue's word: the holder's word and the rule that found
//! it, or that the parse shows there is none (a passive without its agent), or nothing. What the
//! word names (an actor, a pronoun to resolve, a group noun with its country) is the caller's
//! question. Each rule is a row of `tests/data/stances/en.tsv`.

use crate::syntax::{Rel, SentenceSyntax, Upos};

/// How far up a chain of clauses a holder is looked for ("appeared to begin to blame").
const CHAIN: usize = 4;

/// The rule of the parse that found a holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// The cue's own subject: "Washington urged Tehran" (Washington), "..., said the ministry".
    ClauseSubject,
    /// A passive's agent: "Israel was urged by Washington" (Washington).
    PassiveAgent,
    /// The subject of the verb a subjectless infinitive completes: "Germany appeared to blame
    /// France" (Germany blames).
    ChainSubject,
    /// The object of the verb an infinitive completes: "The ruling forced Tom Baxter to admit the
    /// error" (Baxter admits).
    ObjectControl,
    /// Conjoined verbs share their subject: "Tehran confirmed the date and voiced concern" (Tehran).
    SharedSubject,
    /// An adverbial clause with no subject of its own takes its main clause's: "Germany
    /// criticized the plan, saying it failed" (Germany says), "Syria sent envoys to meet Turkey".
    MainClauseSubject,
    /// The noun a relative clause describes, when the relative pronoun is the clause's subject:
    /// "France, which rejected the plan" (France).
    RelativeAntecedent,
}

/// What the parse says of a cue's holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// The holder's word (its phrase's head) and the rule that found it.
    Holder(usize, Rule),
    /// A passive whose agent is not named ("Israel was urged to wait"): no holder to find.
    AgentlessPassive,
    /// The parse offers no holder.
    Nothing,
}

/// The holder of the cue at word `cue`: its subject or passive agent; else, up a chain, the
/// subject of the verb an infinitive, conjunct or participle clause hangs from, the object of a
/// verb whose infinitive it is, or the noun a relative clause describes.
pub(crate) fn holder(syn: SentenceSyntax<'_>, text: &str, cue: usize) -> Found {
    let mut at = cue;
    let mut rule = Rule::ClauseSubject;
    for _ in 0..CHAIN {
        let Some(w) = syn.word(at) else { return Found::Nothing };
        if let Some(found) = own_subject(syn, text, at, rule) {
            return found;
        }
        let Some(head) = w.head else { return Found::Nothing };
        rule = match w.rel {
            Rel::Xcomp => match object_of(syn, head) {
                Some(o) => return Found::Holder(o, Rule::ObjectControl),
                None => Rule::ChainSubject,
            },
            Rel::Conj if is_predicate(syn, head) => Rule::SharedSubject,
            Rel::Advcl if is_predicate(syn, at) => Rule::MainClauseSubject,
            Rel::AclRelcl => return Found::Holder(head, Rule::RelativeAntecedent),
            _ => return Found::Nothing,
        };
        at = head;
    }
    Found::Nothing
}

/// The holder among word `at`'s own dependents: its subject (the antecedent when that subject
/// is a relative pronoun), its passive agent, or that it is a passive without one.
fn own_subject(syn: SentenceSyntax<'_>, text: &str, at: usize, rule: Rule) -> Option<Found> {
    let mut passive = false;
    for c in syn.children(at) {
        let Some(cw) = syn.word(c) else { continue };
        match cw.rel {
            Rel::Nsubj | Rel::NsubjOuter => {
                let relcl = syn.word(at).is_some_and(|w| w.rel == Rel::AclRelcl);
                return Some(match syn.word(at).and_then(|w| w.head) {
                    Some(noun) if relcl && is_relative_pronoun(text, cw) => Found::Holder(noun, Rule::RelativeAntecedent),
                    // A relative pronoun outside a relative clause: the parse lost the clause.
                    _ if is_relative_pronoun(text, cw) => Found::Nothing,
                    _ => Found::Holder(c, rule),
                });
            }
            Rel::OblAgent => return Some(Found::Holder(c, Rule::PassiveAgent)),
            Rel::NsubjPass | Rel::AuxPass => passive = true,
            _ => {}
        }
    }
    // Only the cue's own passive says no one is named; a passive higher up ("was asked to
    // consider") leaves the chain's holder unknown.
    (passive && rule == Rule::ClauseSubject).then_some(Found::AgentlessPassive)
}

/// The object or indirect object of word `v`, which controls an infinitive after it.
fn object_of(syn: SentenceSyntax<'_>, v: usize) -> Option<usize> {
    syn.children(v).find(|&c| syn.word(c).is_some_and(|x| matches!(x.rel, Rel::Obj | Rel::Iobj)))
}

/// Whether word `j` is a verb or an adjective (a predicate that may have a subject), not a noun.
fn is_predicate(syn: SentenceSyntax<'_>, j: usize) -> bool {
    syn.word(j).is_some_and(|w| matches!(w.upos, Upos::Verb | Upos::Adj | Upos::Aux))
}

/// "who", "which", "that": a relative pronoun standing for the noun its clause describes.
fn is_relative_pronoun(text: &str, w: &crate::syntax::Word) -> bool {
    matches!(text.get(w.start..w.end).map(str::to_ascii_lowercase).as_deref(), Some("who" | "which" | "that" | "whom"))
}
