//! Holders from the parse: the word that does or says what a cue says, read from the cue's
//! dependents and the chain of clauses above it instead of from word order.
//!
//! One function, [`holder`], answers for a cue's word: the holder's word and the rule that found
//! it, or that the parse shows there is none (a passive without its agent), or nothing. What the
//! word names (an actor, a pronoun to resolve, a group noun with its country) is the caller's
//! question. Each rule is a row of `tests/data/stances/en.tsv`.

use super::target::is_relative_pronoun;
use super::{Reader, Subject, Via};
use crate::actors::ActorKind;
use crate::syntax::{Rel, SentenceSyntax, Upos};
use crate::word_lists::{GROUP_TAIL, PLACE_PREPOSITIONS, PRONOUNS, SUBJECT_RELATIVES};

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
    /// The one a verb of quoting quotes: "Der Spiegel quoted Nikos Theocharakis as saying Greece
    /// would not pay" (Theocharakis says).
    QuotedSpeaker,
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
            // "quoted Theocharakis as saying": the one quoted; the parse may hang the clause from
            // the quoted noun itself.
            Rel::Advcl if is_marked_as(syn, text, at) && quoted(syn, head).is_some() => {
                return quoted(syn, head).map_or(Found::Nothing, |q| Found::Holder(q, Rule::QuotedSpeaker));
            }
            Rel::Advcl if is_predicate(syn, at) => Rule::MainClauseSubject,
            Rel::AclRelcl | Rel::AdvclRelcl => return Found::Holder(head, Rule::RelativeAntecedent),
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
                let relcl = syn.word(at).is_some_and(|w| matches!(w.rel, Rel::AclRelcl | Rel::AdvclRelcl));
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

/// The one quoted by an "as saying" clause hanging from word `head`: the noun itself, or the
/// object of the verb.
fn quoted(syn: SentenceSyntax<'_>, head: usize) -> Option<usize> {
    if syn.word(head).is_some_and(|h| matches!(h.upos, Upos::Noun | Upos::Propn)) {
        Some(head)
    } else {
        object_of(syn, head)
    }
}

/// Whether the clause headed by word `j` opens with "as" ("as saying").
fn is_marked_as(syn: SentenceSyntax<'_>, text: &str, j: usize) -> bool {
    syn.children(j)
        .any(|c| syn.word(c).is_some_and(|x| x.rel == Rel::Mark && text.get(x.start..x.end).is_some_and(|t| t.eq_ignore_ascii_case("as"))))
}

/// The object or indirect object of word `v`, which controls an infinitive after it.
fn object_of(syn: SentenceSyntax<'_>, v: usize) -> Option<usize> {
    syn.children(v).find(|&c| syn.word(c).is_some_and(|x| matches!(x.rel, Rel::Obj | Rel::Iobj)))
}

/// Whether word `j` is a verb or an adjective (a predicate that may have a subject), not a noun.
fn is_predicate(syn: SentenceSyntax<'_>, j: usize) -> bool {
    syn.word(j).is_some_and(|w| matches!(w.upos, Upos::Verb | Upos::Adj | Upos::Aux))
}

/// What the parse says of a verb cue's holder, in the terms of the cast.
pub(super) enum Parsed {
    /// The holder's phrase names an actor, found by this rule.
    Actor(Subject, Rule),
    /// The parse has a holder that names no actor ("experts said"; its word), or a passive without agent.
    NotActor(Option<usize>),
    /// The parse offers no holder.
    Nothing,
}

impl<'a> Reader<'a> {
    /// The holder a verb cue takes, the parse's or word order's (`Some(None)`: neither has one;
    /// `None`: the parse refuses word order's). Measured on the tuning halves of the stance gold,
    /// PLOVER and PolNeAR: the parse's subject, passive agent or resolved reference comes first
    /// where it names an actor; word order keeps the chain, conjunct, participle-clause and
    /// relative-clause holders, which it read better; word order's holder is refused where the
    /// parse shows it is a place in a prepositional phrase ("People who go to Beijing know") or a
    /// place modifying a subject that names no actor ("Middle East observers say").
    pub(super) fn choose_holder(&self, order: Option<Subject>, parsed: Parsed, i: usize) -> Option<Option<Subject>> {
        let agrees = |o: &Subject| matches!(&parsed, Parsed::Actor(p, _) if p.actors.first() == o.actors.first());
        if order.as_ref().is_some_and(|o| !agrees(o) && self.parse_misplaces(o, i)) {
            return None;
        }
        match parsed {
            Parsed::Actor(s, rule)
                if s.via == Via::Pronoun || matches!(rule, Rule::ClauseSubject | Rule::PassiveAgent | Rule::QuotedSpeaker) =>
            {
                Some(Some(s))
            }
            Parsed::NotActor(Some(h)) if order.as_ref().is_some_and(|o| self.modifies_non_actor(o, h)) => None,
            _ => Some(order),
        }
    }

    /// Whether the parse places the holder word order found for the cue at token `i` where no
    /// holder stands: in a prepositional phrase of a verb ("in Baghdad, ... said") or as some
    /// verb's object ("accused Moscow of ...").
    pub(super) fn parse_misplaces(&self, subject: &Subject, i: usize) -> bool {
        if !matches!(subject.via, Via::Subject | Via::Coordinated | Via::Elided) {
            return false;
        }
        let Some(&actor) = subject.actors.first() else { return false };
        let Some(m) =
            self.mentions.iter().copied().find(|m| m.actor == actor && m.start >= subject.start && m.start < self.tokens[i].start)
        else {
            return false;
        };
        let Some(h) = self.head_word_of(m) else { return false };
        let Some(w) = self.syntax.word(h) else { return false };
        // Only a preposition of place: "after", "as", "since" before a name more often open a clause
        // the parse took for a phrase ("after the Security Council condemned").
        let cased = self.syntax.children(h).any(|c| {
            self.syntax.word(c).is_some_and(|x| {
                x.rel == Rel::Case
                    && self.text.get(x.start..x.end).map(str::to_ascii_lowercase).is_some_and(|f| PLACE_PREPOSITIONS.contains(&f.as_str()))
            })
        });
        let verb_head = w.head.and_then(|x| self.syntax.word(x)).is_some_and(|x| matches!(x.upos, Upos::Verb | Upos::Aux | Upos::Adj));
        // "risky for Cruz, who refused": the noun a relative clause describes holds its stance.
        let after = self.tokens.iter().position(|t| t.start >= m.end).unwrap_or(self.tokens.len());
        let relative = self.is(after, SUBJECT_RELATIVES) || (self.word(after) == "," && matches!(self.word(after + 1), "who" | "which"));
        matches!(w.rel, Rel::Obl) && cased && verb_head && !relative
    }

    /// Whether the holder word order found is a place modifying the parse's subject `h`, a noun
    /// that names no actor: "Middle East observers say", "a New York judge rejected".
    pub(super) fn modifies_non_actor(&self, subject: &Subject, h: usize) -> bool {
        if !matches!(subject.via, Via::Subject | Via::Coordinated | Via::Elided) {
            return false;
        }
        let Some(&actor) = subject.actors.first() else { return false };
        // Only a place: "Afghan guerrillas", "RT journalists" speak for their country or body.
        if self.cast.actors.get(actor).is_none_or(|a| a.kind != ActorKind::Place) {
            return false;
        }
        self.syntax.children(h).any(|c| {
            self.syntax.word(c).is_some_and(|x| {
                matches!(x.rel, Rel::Compound | Rel::Amod | Rel::NmodPoss | Rel::Nmod | Rel::Flat)
                    && self.at.get(x.token).copied().flatten().is_some_and(|m| self.mentions[m].actor == actor)
            })
        })
    }

    /// Where the passive agent of the verb cue at token `i` ends in the text (the end of its word).
    pub(super) fn passive_agent_end(&self, i: usize) -> Option<usize> {
        let cue = self.syntax.word_of_token(i)?;
        let agent = self.syntax.children(cue).find(|&c| self.syntax.word(c).is_some_and(|x| x.rel == Rel::OblAgent))?;
        self.syntax.word(agent).map(|w| w.end)
    }

    /// The actor the subject of the passive verb cue at token `i` names ("Germany was urged").
    pub(super) fn passive_subject(&self, i: usize) -> Option<usize> {
        let cue = self.syntax.word_of_token(i)?;
        let subject = self.syntax.children(cue).find(|&c| self.syntax.word(c).is_some_and(|x| x.rel == Rel::NsubjPass))?;
        self.subject_of_word(subject, Rule::ClauseSubject).and_then(|s| s.actors.first().copied())
    }

    /// The relative pronoun that is the subject of the relative clause holding word `cue` (up its
    /// chain of clauses), if any.
    fn relative_pronoun_of(&self, cue: usize) -> Option<usize> {
        let mut at = cue;
        for _ in 0..CHAIN {
            let w = self.syntax.word(at)?;
            if matches!(w.rel, Rel::AclRelcl | Rel::AdvclRelcl) {
                return self.syntax.children(at).find(|&c| {
                    self.syntax
                        .word(c)
                        .is_some_and(|x| matches!(x.rel, Rel::Nsubj | Rel::NsubjPass) && super::target::is_relative_pronoun(self.text, x))
                });
            }
            at = w.head?;
        }
        None
    }

    /// What the parse says of the holder of the verb cue at token `i` ([`holder`]).
    pub(super) fn parsed_subject(&self, i: usize) -> Parsed {
        let Some(cue) = self.syntax.word_of_token(i) else { return Parsed::Nothing };
        self.parsed_subject_of(cue)
    }

    /// What the parse says of the holder of the verb at word `cue`.
    pub(super) fn parsed_subject_of(&self, cue: usize) -> Parsed {
        match holder(self.syntax, self.text, cue) {
            Found::Holder(h, rule) => match self.subject_of_word(h, rule) {
                // The relative pronoun stands for the actor: a reference mention of it.
                Some(s) if rule == Rule::RelativeAntecedent && s.reference.is_none() => {
                    let pronoun = self.relative_pronoun_of(cue).and_then(|p| self.syntax.word(p)).map(|p| (p.start, p.end));
                    Parsed::Actor(Subject { reference: pronoun, ..s }, rule)
                }
                Some(s) => Parsed::Actor(s, rule),
                None => Parsed::NotActor(Some(h)),
            },
            Found::AgentlessPassive => Parsed::NotActor(None),
            Found::Nothing => Parsed::Nothing,
        }
    }

    /// The actor (or coordinated actors) the phrase headed by word `h` names: a mention on the
    /// word, a pronoun or description resolved, or a group noun with its actor ("Israeli
    /// officials", "Iran's foreign ministry").
    pub(super) fn subject_of_word(&self, h: usize, rule: Rule) -> Option<Subject> {
        let w = self.syntax.word(h)?;
        let via = match rule {
            Rule::ClauseSubject => Via::Subject,
            Rule::PassiveAgent => Via::Passive,
            Rule::ChainSubject | Rule::ObjectControl => Via::Infinitive,
            Rule::SharedSubject | Rule::MainClauseSubject => Via::Elided,
            Rule::QuotedSpeaker => Via::Quoted,
            Rule::RelativeAntecedent => Via::Relative,
        };
        let named = |j: usize| self.syntax.word(j).and_then(|x| self.at.get(x.token).copied().flatten());
        let with_conjuncts = |m: usize, j: usize| {
            let mut actors = vec![self.mentions[m].actor];
            for c in self.syntax.children(j) {
                if self.syntax.word(c).is_some_and(|x| x.rel == Rel::Conj) {
                    if let Some(o) = named(c) {
                        let a = self.mentions[o].actor;
                        if !actors.contains(&a) {
                            actors.push(a);
                        }
                    }
                }
            }
            let via = if actors.len() > 1 && via == Via::Subject { Via::Coordinated } else { via };
            Subject { actors, start: self.mentions[m].start.min(w.start), via, reference: None }
        };
        if let Some(m) = named(h) {
            return Some(with_conjuncts(m, h));
        }
        let form = self.text.get(w.start..w.end).map(str::to_ascii_lowercase).unwrap_or_default();
        if w.upos == Upos::Pron && PRONOUNS.contains(&form.as_str()) {
            let pronoun = self.tokens.get(w.token)?;
            return self.resolve_pronoun(w.token, &form).map(|a| Subject {
                actors: vec![a],
                start: pronoun.start,
                via: Via::Pronoun,
                reference: Some((pronoun.start, pronoun.end)),
            });
        }
        if let Some(s) = self.description_at(w.token) {
            return Some(s);
        }
        // "Democratic candidate Hillary Clinton", "Secretary of State John Kerry": a title with the
        // name after it, which the parse hangs from the title (or, mistaken, beside it as a second
        // subject). A name before the noun modifies it ("California congressman").
        let name_part = |x: &crate::syntax::Word, c: usize| {
            matches!(x.rel, Rel::Flat | Rel::Appos | Rel::Compound)
                || (matches!(x.rel, Rel::Nmod | Rel::NmodUnmarked)
                    && !self.syntax.children(c).any(|k| self.syntax.word(k).is_some_and(|y| y.rel == Rel::Case)))
        };
        if w.upos == Upos::Noun || w.upos == Upos::Propn {
            for c in self.syntax.children(h).filter(|&c| c > h) {
                let Some(x) = self.syntax.word(c) else { continue };
                if x.upos == Upos::Propn && name_part(x, c) {
                    if let Some(m) = named(c) {
                        let s = with_conjuncts(m, c);
                        return Some(Subject { start: s.start.min(w.start), ..s });
                    }
                }
            }
            if let Some(head) = w.head {
                let sibling = self
                    .syntax
                    .children(head)
                    .filter(|&c| c > h)
                    .find(|&c| self.syntax.word(c).is_some_and(|x| x.rel == w.rel && x.upos == Upos::Propn) && named(c).is_some());
                if let Some(c) = sibling {
                    if let Some(m) = named(c) {
                        let s = with_conjuncts(m, c);
                        return Some(Subject { start: s.start.min(w.start), ..s });
                    }
                }
            }
        }
        // "Israeli officials", "U.S. intelligence agencies", "Iran's foreign ministry": a group noun
        // whose modifier names the actor (not "a Syrian refugee": a person, not Syria).
        if matches!(w.upos, Upos::Noun | Upos::Propn) && self.is(w.token, GROUP_TAIL) {
            for c in self.syntax.children(h) {
                let Some(x) = self.syntax.word(c) else { continue };
                if matches!(x.rel, Rel::Compound | Rel::Amod | Rel::NmodPoss | Rel::Flat) {
                    if let Some(m) = named(c) {
                        let s = with_conjuncts(m, c);
                        return Some(Subject { start: s.start.min(w.start), ..s });
                    }
                }
            }
        }
        None
    }
}
