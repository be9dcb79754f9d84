//! A verb cue's clause: whether the word is read as a verb, whose it is (the parse's holder or
//! word order's, [`Reader::choose_holder`]), whom it is directed at, and what an infinitive after
//! it inherits ("wants to meet": the subject's; "urged Israel not to launch": the appeal's content).

use super::holder::{Parsed, Rule};
use super::{Reader, Subject, VerbGroup, Via};
use crate::lexicon::{self, StanceClass, USE_ADJ, USE_NOUN, USE_VERB};
use crate::syntax::{Rel, Upos};
use crate::text::TokenKind;
use crate::word_lists::{ADVERB_NEGATIONS, CATENATIVES, INDEFINITE_ARTICLES, LIGHT_VERBS, SPEECH_IF_ALONE};

impl<'a> Reader<'a> {
    /// Reads a stance word as a verb (or an adjective after a copula). `Some(true)` when it
    /// found the stance or showed there is none (a passive without agent, an appeal's complement).
    pub(super) fn read_verbal(&mut self, i: usize, last: usize, class: StanceClass, uses: u8, group: VerbGroup) -> Option<bool> {
        let is_adj = uses & USE_ADJ != 0 && uses & USE_VERB == 0;
        if class == StanceClass::Statement && self.is(last, LIGHT_VERBS) && self.is(last + 1, INDEFINITE_ARTICLES) {
            return None; // "called a meeting": the noun carries the stance
        }
        if is_adj && !group.copula {
            return None;
        }
        // "she continued, ..." is speech; "continued to call for" hands its subject on, and
        // "continued its attacks" says nothing.
        if self.is(last, SPEECH_IF_ALONE) && self.tokens.get(last + 1).is_some_and(|t| t.kind == TokenKind::Word) {
            return Some(true);
        }
        let mut group = group;
        let mut before_group = group.start.checked_sub(1);
        // An infinitive: the subject of the verb it completes, unless that verb is an appeal; after a
        // catenative ("appeared to blame") the subject of the whole chain.
        let mut head = i;
        if before_group.is_some_and(|p| self.word(p) == "to") {
            let to = group.start - 1;
            let Some(chain) = self.catenative_before(to) else {
                return Some(self.read_infinitive(to, i, last, class, group));
            };
            let outer = self.verb_group(chain, false);
            group = VerbGroup {
                start: outer.start,
                negated: group.negated || outer.negated,
                modal: group.modal || outer.modal,
                future: outer.future,
                ..group
            };
            before_group = outer.start.checked_sub(1);
            head = chain;
        }
        // A passive: "X was urged by Y".
        if group.be && !group.copula && uses & USE_VERB != 0 && is_participle(self.word(last)) && uses & USE_ADJ == 0 {
            // The agent right after "by", else where the parse hangs it ("was urged on Monday by France").
            let by = (self.word(last + 1) == "by").then(|| self.mention_after(last + 2, 2)).flatten();
            let agent = match by {
                Some(m) => Some((self.mentions[m].actor, self.mentions[m].end)),
                None => match self.parsed_subject(i) {
                    Parsed::Actor(s, Rule::PassiveAgent) if s.actors.len() == 1 => self.passive_agent_end(i).map(|end| (s.actors[0], end)),
                    _ => None,
                },
            };
            if let Some((agent, end)) = agent {
                let patient = before_group
                    .and_then(|p| self.subject_at(p, class, i))
                    .and_then(|s| s.actors.first().copied())
                    .or_else(|| self.passive_subject(i));
                let start = self.tokens[group.start].start;
                self.emit(agent, Via::Passive, class, (i, last), patient.filter(|&p| p != agent), group, start, end);
                return Some(true);
            }
            // "China is opposed to the test", "remains committed to the deal": a participle of
            // attitude before the preposition "to" (not an infinitive's "was urged to wait") is
            // the subject's own stance.
            let attitude = self.word(last + 1) == "to" && self.syntax.upos_of_token(last + 1) == Some(Upos::Adp);
            if !attitude {
                return Some(true);
            }
        }
        let order = match before_group {
            Some(p) => self.subject_at(p, class, head),
            None => self.fronted_participle_subject(head, last),
        };
        if self.under_negated_verb(i) {
            return Some(true);
        }
        group.negated |= self.parse_negates(i);
        let parsed = if self.title_case { Parsed::Nothing } else { self.parsed_subject(i) };
        let Some(subject) = self.choose_holder(order, parsed, i) else { return Some(true) };
        let subject = match subject {
            Some(s) => s,
            None if class == StanceClass::Statement && uses & USE_VERB != 0 => {
                // Reported speech with the speaker after the verb: "..., said the ministry".
                let quoted = before_group.is_some_and(|p| matches!(self.word(p), "," | "\"" | "”" | "’" | "'"));
                if self.word(last).ends_with("ing") {
                    return None; // "..., underscoring Jerusalem's unease" is no speaker after its verb
                }
                if self.parse_says_not_finite_speech(i) {
                    return None; // "to \"really call out Russia\"": an infinitive has no speaker after it
                }
                let speaker = self
                    .mention_after(last + 1, 5)
                    .filter(|&m| !self.parse_says_object(i, self.mentions[m]))
                    .map(|m| Subject {
                        actors: vec![self.mentions[m].actor],
                        start: self.tokens[i].start,
                        via: Via::Inverted,
                        reference: None,
                    })
                    .or_else(|| self.pronoun_after(last + 1, i))
                    .or_else(|| self.description_after(last + 1, i));
                speaker.filter(|_| quoted || before_group.is_none())?
            }
            None => return None,
        };
        // A lemma after a singular name ("a key U.S. ally in") is a noun; a past or an -s form is a verb.
        let bare = !self.word(last).ends_with('s') && !is_participle(self.word(last)) && class != StanceClass::Statement;
        if (uses & USE_NOUN != 0 || bare) && !self.reads_as_verb(i, last, &subject, group) {
            return None; // "Oman meeting", "the reported U.S. request": a noun after a modifier
        }
        let target = self.target_after(last, class, &subject.actors);
        self.subjects.push((last, subject.actors.clone(), class, group.negated));

        let reciprocal = subject.actors.len() > 1 && matches!(class, StanceClass::Negotiate | StanceClass::Cooperate);
        // "fearing that Washington might permit": a feared possibility is the fear's content, not a stance.
        if group.modal && self.complement_of(subject.start, &[StanceClass::Concern]) {
            return Some(true);
        }
        // "demanded that Israel withdraw": what is demanded is the demand's content, not Israel's act.
        if self.complement_of(subject.start, &[StanceClass::Appeal, StanceClass::Demand]) {
            return Some(true);
        }
        // "they would boycott", "will strike", "will withdraw": announcing a hostile act is a threat.
        let withdraw = self.word(i).starts_with("withdr");
        let threat = group.future && !group.negated && (matches!(class, StanceClass::Reject | StanceClass::UseForce) || withdraw);
        let stances_before = self.out.len();
        for (k, &actor) in subject.actors.iter().enumerate() {
            let target = match target {
                None if reciprocal => subject.actors.get(if k == 0 { 1 } else { 0 }).copied(),
                t => t,
            };
            let start = subject.start.min(self.tokens[i].start);
            let end = self.evidence_end(last, class, target);
            self.emit(actor, subject.via, class, (i, last), target, group, start, end);
            if threat {
                self.emit(actor, subject.via, StanceClass::Threaten, (i, last), target, group, start, end);
            }
        }
        if self.out.len() > stances_before {
            self.note_reference(&subject);
        }
        if class == StanceClass::Statement {
            self.complement_demand(last, &subject, group);
            self.content_stance(i, &subject, group);
        }
        Some(true)
    }

    /// Whether the parse gives the word at token `t` a determiner, possessor or adjective, as
    /// only a noun has ("Sturgeon's answers", "the reports").
    pub(super) fn has_noun_dependents(&self, t: usize) -> bool {
        let Some(j) = self.syntax.word_of_token(t) else { return false };
        self.syntax
            .children(j)
            .any(|c| self.syntax.word(c).is_some_and(|x| matches!(x.rel, Rel::Det | Rel::NmodPoss | Rel::Amod | Rel::Nummod)))
    }

    /// Whether the parse gives the verb cue at token `i` a negation of its own ("does not, and
    /// never will, accept": the commas part "not" from the verb for word order, not for the parse).
    pub(super) fn parse_negates(&self, i: usize) -> bool {
        let Some(j) = self.syntax.word_of_token(i) else { return false };
        self.syntax.children(j).any(|c| {
            self.syntax.word(c).is_some_and(|x| {
                x.rel == Rel::Advmod
                    && self.text.get(x.start..x.end).map(str::to_ascii_lowercase).is_some_and(|f| ADVERB_NEGATIONS.contains(&f.as_str()))
            })
        })
    }

    /// Whether the verb cue at token `i` is the complement of a negated verb that is no stance
    /// word of its own ("it does not mean rejecting the money", "does not need to reject"):
    /// what is not meant or needed is no one's stance. A stance word above it reads its own
    /// complement ("did not agree to talk"), and so does a chain verb ("did not appear to blame").
    pub(super) fn under_negated_verb(&self, i: usize) -> bool {
        let Some(j) = self.syntax.word_of_token(i) else { return false };
        let Some(w) = self.syntax.word(j) else { return false };
        let Some(h) = w.head.filter(|_| matches!(w.rel, Rel::Xcomp | Rel::Ccomp | Rel::Csubj)) else { return false };
        let Some(hw) = self.syntax.word(h) else { return false };
        let negated = self.syntax.children(h).any(|c| {
            self.syntax.word(c).is_some_and(|x| {
                x.rel == Rel::Advmod
                    && self.text.get(x.start..x.end).map(str::to_ascii_lowercase).is_some_and(|f| ADVERB_NEGATIONS.contains(&f.as_str()))
            })
        });
        negated && hw.upos == Upos::Verb && self.words.stance(hw.token).is_none() && !self.is(hw.token, CATENATIVES)
    }

    /// Whether the parse lets a word of the stance cue at tokens `i..=last` be read as the part
    /// of speech of `uses`. A verb cue is refused where the parse shows a noun phrase's word: a
    /// modifier of a noun ("a Pentagon think tank", "the striking image"), or a noun with a
    /// determiner or possessor of its own ("his killing", "the plans"). A noun cue is refused
    /// where the parse shows a verb with a subject ("she plans to"). Where the tagger is only
    /// unsure (a bare "urges" after a name) the lexicon still decides; so it does in a
    /// title-cased line, where every word looks like a name to the tagger, and with no parse.
    pub(super) fn tagged_as(&self, i: usize, last: usize, uses: u8) -> bool {
        if self.title_case {
            return true;
        }
        let syntax = self.syntax;
        let mut words = (i..=last).filter_map(|t| syntax.word_of_token(t)).peekable();
        if words.peek().is_none() {
            return true;
        }
        let has_child = |j: usize, rels: &[Rel]| syntax.children(j).any(|c| syntax.word(c).is_some_and(|w| rels.contains(&w.rel)));
        // "A Pentagon think tank": a name after "a"/"an" modifies the noun phrase it opens, so the
        // word after it is no verb with that name as its subject, whatever the parse says.
        let indefinite = |d: usize| syntax.word(d).is_some_and(|w| w.rel == Rel::Det && self.is(w.token, INDEFINITE_ARTICLES));
        let name_as_modifier =
            |c: usize| syntax.word(c).is_some_and(|w| w.upos == Upos::Propn && w.rel == Rel::Nsubj) && syntax.children(c).any(indefinite);
        // "the Pentagon think tank said": a bare singular noun right after the cue, subject of a
        // later verb, is the head the cue modifies (a singular count noun is no bare subject).
        let compound_head = |j: usize| {
            syntax.word(j + 1).is_some_and(|n| {
                n.upos == Upos::Noun
                    && n.rel == Rel::Nsubj
                    && n.head.is_some_and(|h| h > j + 1)
                    && syntax.children(j + 1).next().is_none()
                    && self.text.get(n.start..n.end).is_some_and(|f| !f.ends_with('s'))
            })
        };
        words.any(|j| {
            let Some(w) = syntax.word(j) else { return true };
            if w.upos == Upos::Verb && (syntax.children(j).any(name_as_modifier) || compound_head(j)) {
                return false;
            }
            let modifier = matches!(w.rel, Rel::Amod | Rel::Compound | Rel::NmodPoss);
            let nominal =
                matches!(w.upos, Upos::Noun | Upos::Propn) && (modifier || has_child(j, &[Rel::Det, Rel::NmodPoss, Rel::Case, Rel::Amod]));
            let clause = matches!(w.upos, Upos::Verb | Upos::Aux) && has_child(j, &[Rel::Nsubj, Rel::NsubjPass, Rel::Aux, Rel::Mark]);
            (uses & (USE_VERB | USE_ADJ) != 0 && !nominal && !(w.upos == Upos::Verb && modifier)) || (uses & USE_NOUN != 0 && !clause)
        })
    }

    /// Whether the clause starting at byte `start` is the "that" complement of a stance word of one
    /// of `classes` ("fearing that ...", "its demand today that ...").
    pub(super) fn complement_of(&self, start: usize, classes: &[StanceClass]) -> bool {
        let Some(first) = self.tokens.iter().position(|t| t.start >= start) else { return false };
        first >= 2
            && self.word(first - 1) == "that"
            && (first.saturating_sub(4)..first - 1).any(|k| self.words.stance(k).is_some_and(|(c, _)| classes.contains(&c)))
    }

    /// Whether a word that may be a verb or a noun reads as the verb after this subject.
    pub(super) fn reads_as_verb(&self, i: usize, last: usize, subject: &Subject, group: VerbGroup) -> bool {
        if group.start < i || matches!(subject.via, Via::Elided | Via::Pronoun | Via::Inverted) {
            return true; // "has urged", "it talks", "..., fearing"
        }
        if self.word(last).ends_with("ing") && lexicon::stance_word_use(self.word(last)).is_some_and(|(_, u)| u & USE_NOUN != 0) {
            return false; // "the Oman meeting": a bare "-ing" noun after a name
        }
        // "the reported U.S. request, ...": after a determiner the name modifies a noun, unless an
        // object follows ("the US demands Iran cease").
        let first = self.tokens.iter().position(|t| t.start >= subject.start).unwrap_or(0);
        let determined = (first.saturating_sub(2)..first).any(|k| matches!(self.word(k), "the" | "a" | "an" | "any"));
        if determined {
            let next = last + 1;
            return self.at.get(next).copied().flatten().is_some()
                || matches!(self.word(next), "that" | "to" | "the" | "a" | "an" | "its" | "their" | "his" | "her");
        }
        true
    }

    /// A verb after "to": its subject is the one of the stance it completes ("wants to meet").
    pub(super) fn read_infinitive(&mut self, to: usize, i: usize, last: usize, class: StanceClass, group: VerbGroup) -> bool {
        let mut q = to;
        while q > 0 && self.is_adverb(q - 1) {
            q -= 1;
        }
        let Some(parent) = q.checked_sub(1) else { return true };
        if let Some(actor) = self.caused_subject(parent) {
            let target = self.target_after(last, class, &[actor]);
            let end = self.evidence_end(last, class, target);
            let start = self.mentions[self.at[parent].unwrap_or_default()].start.min(self.tokens[to].start);
            self.emit(actor, Via::Infinitive, class, (i, last), target, VerbGroup { modal: true, ..group }, start, end);
            return true;
        }
        let Some((_, actors, parent_class, parent_negated)) = self.subjects.iter().rev().find(|(v, ..)| *v == parent).cloned() else {
            return true;
        };
        if matches!(parent_class, StanceClass::Appeal | StanceClass::Demand | StanceClass::Statement) {
            return true; // "urged Israel not to launch": the complement is the appeal's content
        }
        let target = self.target_after(last, class, &actors);
        let group = VerbGroup { negated: group.negated || parent_negated || parent_class == StanceClass::Reject, modal: true, ..group };
        for actor in actors {
            let start = self.tokens[to].start;
            let end = self.evidence_end(last, class, target);
            self.emit(actor, Via::Infinitive, class, (i, last), target, group, start, end);
        }
        true
    }
}

/// Whether a verb form is inflected: a third person "-s", a past "-ed" or an irregular past.
pub(super) fn is_inflected_verb(w: &str) -> bool {
    (w.ends_with('s') && !w.ends_with("ss")) || is_participle(w)
}

/// Whether a verb form reads as a past participle (for the passive).
pub(super) fn is_participle(w: &str) -> bool {
    w.ends_with("ed")
        || matches!(
            w,
            "told"
                | "sought"
                | "met"
                | "struck"
                | "hit"
                | "shot"
                | "fought"
                | "lent"
                | "written"
                | "spoken"
                | "withdrawn"
                | "forgiven"
                | "said"
                | "thought"
                | "felt"
                | "knew"
                | "wrote"
                | "spoke"
                | "withdrew"
                | "forgave"
                | "gave"
        )
}
