//! Nominal stances: a stance noun ("talks", "plea", "strikes") needs an owner, and which of its
//! neighbours owns it depends on the noun.
//!
//! Rules (each a row of `tests/data/stances/en.tsv`):
//! - **possessor**: "Washington's plea" (Washington), unless the noun is a patient noun of
//!   `data/en/stance_frames.tsv` whose possessor is the one acted on ("Foley's killing"; "Israel's
//!   release of prisoners" is Israel's again);
//! - **modifier**: a name or demonym before the noun ("an Israeli raid"; "the Oman talks" is a venue);
//! - **compound pair**: "U.S.-Iran talks" (both sides); **hyphen owner**: "Oman-mediated";
//! - **light verb**: the subject of the verb whose object the noun is ("Tehran held talks");
//! - **possessive pronoun**: "Iran reiterated its demand", "his claim";
//! - **by** and **between** phrases: "attacks by rebels", "talks between Washington and Tehran";
//! - **topic**: "For Israel, the core worry is ...".
//!
//! Where word order finds none, the parse's owner: the subject of the light verb whose object the
//! noun is ("the United States and China had reached a 'historic' agreement"), its possessor
//! ("The president's demands"), or "by"/"from" ("a denial from the ministry").
//!
//! A noun with none of these ("the talks", a headline's "Talks") is no stance.

use super::holder::{Parsed, Rule};
use super::{is_dash_token, Reader, Subject, VerbGroup, Via};
use crate::lexicon::{self, StanceClass};
use crate::syntax::{Rel, Upos};
use crate::text::TokenKind;
use crate::word_lists::{ADVERB_NEGATIONS, DETERMINERS, FUNCTION_WORDS, LIGHT_VERBS, MODALS};

impl<'a> Reader<'a> {
    /// Reads a stance noun: it needs an owner. Word order's reading first, the parse's where word
    /// order finds no owner (on the tuning halves the parse first found nothing more and lost a
    /// PLOVER source+target on the other half).
    pub(super) fn read_nominal(&mut self, i: usize, last: usize, class: StanceClass) {
        let before = self.out.len();
        self.read_nominal_by_order(i, last, class);
        if self.out.len() == before {
            self.read_nominal_by_parse(i, last, class);
        }
        // "Netanyahu convened a security meeting": a noun of talks with no one named on the other
        // side (and no pair of holders) is no stance toward anyone. (A verb keeps its reading:
        // "European leaders gathered to discuss".)
        if class == StanceClass::Negotiate {
            let mut k = before;
            while k < self.out.len() {
                if self.out[k].target.is_none() {
                    self.out.remove(k);
                } else {
                    k += 1;
                }
            }
        }
    }

    /// The owner of the stance noun at tokens `i..=last` from the parse, and its stance: the
    /// subject of the light verb whose object it is ("Tehran held talks", "the United States and
    /// China had reached a 'historic' agreement"), its possessor ("The president's demands", not
    /// "Foley's killing"), or an agent after "by" or "from" ("a denial from the ministry").
    /// Whether it found one.
    fn read_nominal_by_parse(&mut self, i: usize, last: usize, class: StanceClass) -> bool {
        if self.title_case {
            return false;
        }
        let Some(noun) = self.syntax.word_of_token(last) else { return false };
        let patient = is_patient_noun(self.word(last)) && self.word(last + 1) != "of";
        // A noun coordinated with another shares its determiners and owner: "the president's
        // unpredictability and demands".
        let mut head = noun;
        while let Some(w) = self.syntax.word(head).filter(|w| w.rel == Rel::Conj) {
            match w.head {
                Some(h) if self.syntax.word(h).is_some_and(|x| matches!(x.upos, Upos::Noun | Upos::Propn)) => head = h,
                _ => break,
            }
        }
        let child = |rel: &[Rel]| self.syntax.children(head).find(|&c| self.syntax.word(c).is_some_and(|x| rel.contains(&x.rel)));
        let cased = |p: &[&str]| {
            self.syntax.children(head).find(|&c| {
                self.syntax.word(c).is_some_and(|x| x.rel == Rel::Nmod)
                    && self.syntax.children(c).any(|k| {
                        self.syntax.word(k).is_some_and(|y| {
                            y.rel == Rel::Case
                                && self.text.get(y.start..y.end).is_some_and(|t| p.contains(&t.to_ascii_lowercase().as_str()))
                        })
                    })
            })
        };
        let mut negated = false;
        let mut modal = self.clause_has_modal(i);
        let owner = if let Some(p) = child(&[Rel::NmodPoss]).filter(|_| !patient) {
            self.owner_of_word(p, Via::Possessive)
        } else if let Some(a) = cased(&["by", "from"]).filter(|_| !patient || self.word(last + 1) == "by") {
            self.owner_of_word(a, Via::By)
        } else {
            // The object of a light verb: the verb's holder.
            let w = self.syntax.word(head);
            let verb = w
                .filter(|w| w.rel == Rel::Obj)
                .and_then(|w| w.head)
                .filter(|&v| self.syntax.word(v).is_some_and(|x| self.is(x.token, LIGHT_VERBS)));
            match verb {
                Some(v) => {
                    for c in self.syntax.children(v) {
                        let Some(x) = self.syntax.word(c) else { continue };
                        let form = self.text.get(x.start..x.end).map(str::to_ascii_lowercase).unwrap_or_default();
                        negated |= x.rel == Rel::Advmod && ADVERB_NEGATIONS.contains(&form.as_str());
                        modal |= x.rel == Rel::Aux && MODALS.contains(&form.as_str());
                    }
                    // Only the verb's own subject: "urged Israel not to launch strikes" is the appeal's content.
                    match self.parsed_subject_of(v) {
                        Parsed::Actor(s, Rule::ClauseSubject | Rule::PassiveAgent | Rule::SharedSubject) => Some(s),
                        _ => None,
                    }
                }
                None => None,
            }
        };
        let Some(owner) = owner else { return false };
        let group = VerbGroup { start: i, modal, negated, ..VerbGroup::default() };
        let reciprocal = owner.actors.len() > 1 && matches!(class, StanceClass::Negotiate | StanceClass::Cooperate);
        let target = self.noun_target(last, class, &owner.actors);
        let before = self.out.len();
        for (n, &actor) in owner.actors.iter().enumerate() {
            let target = match target {
                None if reciprocal => owner.actors.get(if n == 0 { 1 } else { 0 }).copied(),
                t => t,
            };
            let end = self.evidence_end(last, class, target);
            self.emit(actor, owner.via, class, (i, last), target, group, owner.start, end);
        }
        if self.out.len() > before {
            self.note_reference(&owner);
        }
        self.out.len() > before
    }

    /// The actor the owner word `j` of a stance noun names: a name, a possessive pronoun or a
    /// description resolved ("his", "The president's").
    fn owner_of_word(&self, j: usize, via: Via) -> Option<Subject> {
        let w = self.syntax.word(j)?;
        let form = self.text.get(w.start..w.end).map(str::to_ascii_lowercase).unwrap_or_default();
        // "its" and "their" are left to word order, which reads them as the clause's subject's.
        if matches!(form.as_str(), "its" | "their") {
            return None;
        }
        if matches!(form.as_str(), "his" | "her") {
            let pronoun = self.tokens.get(w.token)?;
            return self.resolve_pronoun(w.token, "he").map(|a| Subject {
                actors: vec![a],
                start: pronoun.start,
                via: Via::Pronoun,
                reference: Some((pronoun.start, pronoun.end)),
            });
        }
        self.subject_of_word(j, super::holder::Rule::ClauseSubject)
            .map(|s| Subject { via: if s.via == Via::Subject { via } else { s.via }, ..s })
    }

    /// Reads a stance noun's owner by word order.
    fn read_nominal_by_order(&mut self, i: usize, last: usize, class: StanceClass) {
        let hypothetical = self.clause_has_modal(i);
        let group = VerbGroup { start: i, modal: hypothetical, ..VerbGroup::default() };
        // Skip the noun's modifiers: adjectives and plain words ("unilateral military strikes").
        let mut k = i;
        let mut skipped = 0;
        while k > 0 && skipped < 3 {
            let p = k - 1;
            let t = self.tokens[p];
            let plain = t.kind == TokenKind::Word
                && self.at[p].is_none()
                && (self.title_case || !t.is_capitalized(self.text))
                && !self.is(p, FUNCTION_WORDS)
                && !self.is(p, LIGHT_VERBS)
                && !self.is(p, DETERMINERS)
                && !(self.word(p).ends_with('s') && !self.word(p).ends_with("ss") && !self.title_case)
                && self.words.stance(p).is_none();
            if !plain {
                break;
            }
            k -= 1;
            skipped += 1;
        }
        let owner_end = k.checked_sub(1);
        // "Foley's killing", "his arrest": the possessor is acted on; only a "by" phrase names the
        // actor. With an "of" phrase the possessor acts again ("Israel's release of prisoners").
        let patient = is_patient_noun(self.word(last)) && self.word(last + 1) != "of";
        // "Oman-mediated": a hyphen joins the owner to the word.
        let hyphen_owner = k == i && owner_end.is_some_and(|p| is_dash_token(self.text, self.tokens[p])) && k >= 2;
        if hyphen_owner {
            if let Some(m) = self.at[k - 2] {
                if self.tokens[k - 1].start == self.mentions[m].end {
                    let actor = self.mentions[m].actor;
                    let target = self.noun_target(last, class, &[actor]);
                    let end = self.evidence_end(last, class, target);
                    self.emit(actor, Via::Owner, class, (i, last), target, group, self.mentions[m].start, end);
                    return;
                }
            }
        }
        if let Some(p) = owner_end.filter(|_| !patient) {
            // "Iran reiterated its demand": a possessive pronoun owns the noun for the clause's subject.
            if matches!(self.word(p), "its" | "their") {
                // Only when no other actor is named in between ("to include Iran's missiles and its backing": Iran's).
                let last_subject = self.subjects.last().cloned().filter(|(v, ..)| (*v + 1..p).all(|k| self.at[k].is_none()));
                if let Some((_, actors, _, _)) = last_subject {
                    let target = self.noun_target(last, class, &actors);
                    for actor in actors {
                        let end = self.evidence_end(last, class, target);
                        self.emit(actor, Via::Pronoun, class, (i, last), target, group, self.tokens[p].start, end);
                    }
                    return;
                }
            }
            // "his claim", "her decision to": the person "he" or "she" stands for owns the noun
            // ("gave her support" is an object, not an owner).
            let object_her = self.word(p) == "her" && p > 0 && self.is(p - 1, LIGHT_VERBS);
            if matches!(self.word(p), "his" | "her") && !object_her {
                if let Some(actor) = self.resolve_pronoun(p, "he") {
                    let pronoun = self.tokens[p];
                    let target = self.noun_target(last, class, &[actor]);
                    let end = self.evidence_end(last, class, target);
                    let before = self.out.len();
                    self.emit(actor, Via::Pronoun, class, (i, last), target, group, pronoun.start, end);
                    if self.out.len() > before {
                        let subject = Subject {
                            actors: vec![actor],
                            start: pronoun.start,
                            via: Via::Pronoun,
                            reference: Some((pronoun.start, pronoun.end)),
                        };
                        self.note_reference(&subject);
                    }
                }
                return;
            }
            // "Washington's plea"
            if self.tokens[p].kind == TokenKind::Possessive {
                if let Some(m) = p.checked_sub(1).and_then(|q| self.at[q]) {
                    let actor = self.mentions[m].actor;
                    let target = self.noun_target(last, class, &[actor]);
                    let end = self.evidence_end(last, class, target);
                    self.emit(actor, Via::Possessive, class, (i, last), target, group, self.mentions[m].start, end);
                }
                return;
            }
            if let Some(m) = self.at[p] {
                let mention = self.mentions[m];
                // "U.S.-Iran talks", "Washington–Jerusalem coordination": both sides.
                let first = self.tokens.iter().position(|t| t.start >= mention.start).unwrap_or(p);
                let pair = first
                    .checked_sub(2)
                    .filter(|&q| is_dash_token(self.text, self.tokens[q + 1]))
                    .and_then(|q| self.at[q])
                    .map(|o| self.mentions[o])
                    .filter(|o| o.actor != mention.actor);
                if let Some(other) = pair {
                    let (a, b) = (other.actor, mention.actor);
                    let end = self.evidence_end(last, class, None);
                    let start = other.start;
                    if matches!(class, StanceClass::Negotiate | StanceClass::Cooperate) {
                        self.emit(a, Via::Pair, class, (i, last), Some(b), group, start, end);
                        self.emit(b, Via::Pair, class, (i, last), Some(a), group, start, end);
                    } else {
                        self.emit(a, Via::Pair, class, (i, last), Some(b), group, start, end);
                    }
                    return;
                }
                // "the Oman talks": a lone name before talks is where they happen, not who holds them.
                let venue = class == StanceClass::Negotiate && !self.is_demonym(mention);
                if !venue {
                    let actor = mention.actor;
                    let target = self.noun_target(last, class, &[actor]);
                    let end = self.evidence_end(last, class, target);
                    self.emit(actor, Via::Modifier, class, (i, last), target, group, mention.start, end);
                }
                return;
            }
            // "Tehran held talks", "Finland will give Tanzania a grant": a light verb's subject.
            let mut q = p;
            while q > 0 && self.is(q, DETERMINERS) {
                q -= 1;
            }
            // The light verb's first object: an actor, or a name the cast does not hold ("give Tanzania a grant").
            let mut r = q;
            while r > 0 && r + 3 > q && self.at[r].is_none() && self.tokens[r].is_capitalized(self.text) && !self.is(r - 1, LIGHT_VERBS) {
                r -= 1;
            }
            let named = self.at[r].is_some() || self.tokens[r].is_capitalized(self.text);
            let object = if named && r > 0 && self.is(r - 1, LIGHT_VERBS) {
                let o = self.at[r].map(|m| self.mentions[m].actor);
                q = r - 1;
                o
            } else {
                None
            };
            if self.is(q, LIGHT_VERBS) {
                let lg = self.verb_group(q, false);
                let subject = if lg.start > 0 && self.word(lg.start - 1) == "to" {
                    // "prepared to resume shelling": the subject of the verb the infinitive completes.
                    let parent = lg.start.checked_sub(2);
                    self.subjects
                        .iter()
                        .rev()
                        .find(|(v, _, c, _)| {
                            Some(*v) == parent && !matches!(c, StanceClass::Appeal | StanceClass::Demand | StanceClass::Statement)
                        })
                        .map(|(_, actors, _, _)| Subject {
                            actors: actors.clone(),
                            start: self.tokens[q].start,
                            via: Via::Infinitive,
                            reference: None,
                        })
                } else {
                    lg.start.checked_sub(1).and_then(|s| self.subject_at(s, class, q))
                };
                if let Some(subject) = subject {
                    let group = VerbGroup { negated: lg.negated, modal: lg.modal || hypothetical, ..group };
                    let target = object.or_else(|| self.noun_target(last, class, &subject.actors));
                    let reciprocal = subject.actors.len() > 1 && matches!(class, StanceClass::Negotiate | StanceClass::Cooperate);
                    self.subjects.push((last, subject.actors.clone(), class, lg.negated));
                    for (n, &actor) in subject.actors.iter().enumerate() {
                        let target = match target {
                            None if reciprocal => subject.actors.get(if n == 0 { 1 } else { 0 }).copied(),
                            t => t,
                        };
                        let end = self.evidence_end(last, class, target);
                        self.emit(actor, subject.via, class, (i, last), target, group, subject.start, end);
                    }
                    return;
                }
            }
        }
        // "attacks by rebels"
        if self.word(last + 1) == "by" {
            if let Some(m) = self.mention_after(last + 2, 2) {
                let actor = self.mentions[m].actor;
                let end = self.mentions[m].end;
                self.emit(actor, Via::By, class, (i, last), None, group, self.tokens[i].start, end);
                return;
            }
        }
        // "talks between Washington and Tehran": each side toward the other.
        if let Some((a, b)) = self.between_after(last) {
            if matches!(class, StanceClass::Negotiate | StanceClass::Cooperate | StanceClass::UseForce) {
                let end = self.evidence_end(last, class, Some(b));
                let start = self.tokens[i].start;
                self.emit(a, Via::Between, class, (i, last), Some(b), group, start, end);
                self.emit(b, Via::Between, class, (i, last), Some(a), group, start, end);
                return;
            }
        }
        // "For Israel, the core worry is ...": a fronted topic owns the clause's attitude nouns.
        if matches!(class, StanceClass::Concern | StanceClass::Intend | StanceClass::Appeal | StanceClass::Demand) && self.word(0) == "for"
        {
            if let Some(m) = self.at.get(1).copied().flatten() {
                let mention = self.mentions[m];
                let comma = self.tokens.iter().position(|t| t.start >= mention.end);
                let comma_ok = comma.is_some_and(|c| self.word(c) == "," && c < i);
                let clause_breaks = comma.is_none_or(|c| (c + 1..i).any(|q| self.is_break(q)));
                if comma_ok && !clause_breaks {
                    let actor = mention.actor;
                    let target = self.noun_target(last, class, &[actor]);
                    let end = self.evidence_end(last, class, target);
                    self.emit(actor, Via::Topic, class, (i, last), target, group, mention.start, end);
                }
            }
        }
    }
}

/// A noun whose possessor is the one acted on ("Foley's killing", "his arrest"): the `patient`
/// frames of `data/en/stance_frames.tsv`.
pub(super) fn is_patient_noun(word: &str) -> bool {
    lexicon::PATIENT_NOUNS.binary_search(&word).is_ok()
}
