//! References: the actor a pronoun ("he", "it", "they") or a description ("the company", "the
//! senator") stands for, when the text leaves no doubt, and nothing otherwise: a stance given
//! to the wrong holder costs more than a stance not shown.
//!
//! The interface is one function, [`resolve`]: where the reference stands, which kinds of actor
//! it may stand for, and the holders of the stances read just before it; it answers an actor or
//! nothing. The actors stage may take it over for its own clustering of references (issue 17).
//!
//! Rules, in order:
//! - **one candidate nearby**: only one actor of a fitting kind is named in this sentence and the
//!   one before ("Smith met the board. He said ...": Smith), or in the whole reach ("Acme
//!   Corporation cut jobs. The company said ...": Acme);
//! - **subjects first**: among several, the holder of the latest stance of a fitting kind, the
//!   subject a reader carries on ("Obama met Putin. He said ...": Obama);
//! - **gender**: "he" and "she" pass over a person the text titles as of the other gender ("Mr.
//!   Brown and Ms. Sturgeon spoke. She said ...": Sturgeon);
//! - otherwise **no one**: never merely the last name seen ("Obama spoke of Putin's plan. The
//!   president ..." with no stance before it: no holder).

use super::{is_dash_token, Reader, Subject, Via};
use crate::actors::{ActorKind, Cast, Mention};
use crate::lexicon;
use crate::lexicon::{DESCRIBES_COUNTRY, DESCRIBES_GROUP, DESCRIBES_ORGANIZATION, DESCRIBES_PERSON};
use crate::text::TokenKind;
use crate::word_lists::{FUNCTION_WORDS, PRONOUNS, TIME_WORDS};

/// How many sentences back "he" or "she" may reach for the person it stands for.
pub(super) const PERSON_REACH: usize = 14;
/// How many sentences back "it" or "they" may reach for an organisation, group or country.
pub(super) const IT_REACH: usize = 2;
/// How many sentences back a description ("the company") may reach for its actor.
pub(super) const DESCRIPTION_REACH: usize = 5;
/// How many modifiers may stand between "the" and a description's noun ("the former Republican nominee").
pub(super) const DESCRIPTION_MODIFIERS: usize = 3;
/// Sentences back (besides its own) in which a lone candidate is certain.
const NEARBY: usize = 1;

/// A person's gender, where the text says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// Each actor's gender where the text says it by a title right before one of its mentions ("Mr.
/// Brown", "Ms. Sturgeon"; `male` and `female` frames of `data/en/stance_frames.tsv`); none where
/// it says nothing or both.
pub(crate) fn genders(text: &str, cast: &Cast) -> Vec<Option<Gender>> {
    let mut seen = vec![(false, false); cast.actors.len()];
    for m in &cast.mentions {
        let Some(slot) = seen.get_mut(m.actor) else { continue };
        let before = text.get(..m.start).unwrap_or("").trim_end();
        let title = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        let inside = text.get(m.start..m.end).unwrap_or("").split_whitespace().next().unwrap_or("");
        for word in [title, inside] {
            let word = word.to_ascii_lowercase();
            slot.0 |= lexicon::MALE_TITLES.binary_search(&word.as_str()).is_ok();
            slot.1 |= lexicon::FEMALE_TITLES.binary_search(&word.as_str()).is_ok();
        }
    }
    seen.into_iter()
        .map(|s| match s {
            (true, false) => Some(Gender::Male),
            (false, true) => Some(Gender::Female),
            _ => None,
        })
        .collect()
}

/// The gender a personal pronoun says ("he", "his", "him": a man).
pub(crate) fn gender_of_pronoun(word: &str) -> Option<Gender> {
    match word {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// A pronoun or description to resolve.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reference {
    /// Byte offset where it stands; only actors named before it count.
    pub pos: usize,
    /// Its sentence.
    pub sentence: usize,
    /// How many sentences back it may reach.
    pub reach: usize,
    /// The kinds of actor it may stand for (bits of `lexicon::DESCRIBES_*`).
    pub kinds: u8,
    /// The gender a personal pronoun says, if any.
    pub gender: Option<Gender>,
}

/// The actor `r` stands for, if certain. `recent_holders`: the holders of the stances read before
/// it within its reach, in text order (the latest last).
pub(crate) fn resolve(cast: &Cast, genders: &[Option<Gender>], r: Reference, recent_holders: &[usize]) -> Option<usize> {
    let agrees = |a: usize| r.gender.is_none() || genders.get(a).copied().flatten().is_none_or(|g| Some(g) == r.gender);
    let fits = |a: usize| cast.actors.get(a).is_some_and(|x| describes(r.kinds, x.kind)) && agrees(a);
    let upto = cast.mentions.partition_point(|m| m.start < r.pos);
    let candidates_within = |reach: usize| {
        let mut out: Vec<usize> = Vec::new();
        for m in cast.mentions[..upto].iter().rev().take_while(|m| m.sentence + reach >= r.sentence) {
            if !m.reference && fits(m.actor) && !out.contains(&m.actor) {
                out.push(m.actor);
            }
        }
        out
    };
    if let [only] = candidates_within(NEARBY.min(r.reach)).as_slice() {
        return Some(*only);
    }
    let candidates = candidates_within(r.reach);
    match candidates.as_slice() {
        [] => None,
        [only] => Some(*only),
        _ => recent_holders.iter().rev().copied().find(|&a| fits(a) && candidates.contains(&a)),
    }
}

/// Whether an actor of `kind` fits a reference of `kinds` (bits of `lexicon::DESCRIBES_*`).
pub(crate) fn describes(kinds: u8, kind: ActorKind) -> bool {
    let bit = match kind {
        ActorKind::Person => DESCRIBES_PERSON,
        ActorKind::Organization => DESCRIBES_ORGANIZATION,
        ActorKind::Group => DESCRIBES_GROUP,
        ActorKind::Country => DESCRIBES_COUNTRY,
        ActorKind::Place => 0,
    };
    kinds & bit != 0
}

impl<'a> Reader<'a> {
    /// Keeps the pronoun or description a stance's actor was read from as a mention of that actor
    /// (once: "he said ..., adding" reads one "he").
    pub(super) fn note_reference(&mut self, subject: &Subject) {
        let (Some((start, end)), Some(&actor)) = (subject.reference, subject.actors.first()) else { return };
        if self.references.last().is_some_and(|r| r.start == start) {
            return;
        }
        self.references.push(Mention { start, end, sentence: self.sentence, actor, reference: true });
    }

    /// The actor a pronoun at token `k` stands for: "he"/"she" the last person named (this or the
    /// `PERSON_REACH` sentences before); "it"/"they" the last subject of this sentence, else the subject of
    /// the sentence before that opens with it, else the last organisation, group or country named
    /// in this or the `IT_REACH` sentences before.
    pub(super) fn resolve_pronoun(&self, k: usize, w: &str) -> Option<usize> {
        let pos = self.tokens[k].start;
        match w {
            "he" | "she" => self.antecedent_of(pos, PERSON_REACH, DESCRIBES_PERSON, gender_of_pronoun(self.word(k))),
            "it" if k == 0 && self.after_thing && self.subjects.is_empty() => None,
            "it" | "they" => self
                .subjects
                .iter()
                .rev()
                .filter(|(v, ..)| *v < k)
                .flat_map(|(_, actors, _, _)| actors.first().copied())
                .find(|&a| self.cast.actors.get(a).is_some_and(|x| x.kind != ActorKind::Person))
                .or(self.earlier.filter(|_| {
                    // At the sentence's start, or after a quotation: "..., they say."
                    self.subjects.is_empty() && (k <= 2 || matches!(self.word(k - 1), "," | "\"" | "”" | "’" | "''"))
                }))
                .or_else(|| self.antecedent(pos, IT_REACH, DESCRIBES_ORGANIZATION | DESCRIBES_GROUP | DESCRIBES_COUNTRY)),
            _ => None,
        }
    }

    /// "the company", "the Democratic nominee" ending at token `noun`: a description whose noun
    /// stands for an actor named shortly before (`data/en/descriptions.tsv`), and that actor.
    pub(super) fn description_at(&self, noun: usize) -> Option<Subject> {
        let kinds = lexicon::description(self.word(noun)).filter(|_| self.at[noun].is_none())?;
        // "the" within a few modifiers before the noun ("the former", "the GOP", "the 34-year-old").
        let mut k = noun;
        let mut named = None;
        // The reference mention leaves out a name among the modifiers, which is a mention of its own.
        let mut ref_start = 0;
        let the = loop {
            k = k.checked_sub(1).filter(|&d| noun - d <= DESCRIPTION_MODIFIERS + 1)?;
            let t = self.tokens[k];
            if self.word(k) == "the" {
                break k;
            }
            // "the Israeli government", "the GOP nominee", "the South Carolina senator": a name among
            // the modifiers is the actor itself when it is of the kind the noun describes, and
            // otherwise says where the one described comes from.
            if let Some(m) = self.at[k] {
                let actor = self.mentions[m].actor;
                // "the Obama administration", "the Trump campaign": a person's own body.
                let person = self.cast.actors.get(actor).is_some_and(|a| a.kind == ActorKind::Person);
                if named.is_none() && person && kinds & DESCRIBES_PERSON == 0 {
                    named = Some((actor, self.mentions[m].start));
                }
                ref_start = ref_start.max(self.tokens.get(k + 1).map_or(self.tokens[noun].start, |t| t.start));
                if named.is_none() && self.cast.actors.get(actor).is_some_and(|a| describes(kinds, a.kind)) {
                    named = Some((actor, self.mentions[m].start));
                }
                continue;
            }
            // "the ruling Syriza party": a name the cast does not hold makes it some other body.
            if t.kind == TokenKind::Word && t.is_capitalized(self.text) && self.at[k].is_none() && !self.title_case {
                return None;
            }
            let modifier = self.at[k].is_none()
                && match t.kind {
                    TokenKind::Word => !self.is(k, FUNCTION_WORDS) && !self.is(k, PRONOUNS),
                    TokenKind::Number => true,
                    _ => is_dash_token(self.text, t),
                };
            if !modifier {
                return None;
            }
        };
        let (start, end) = (self.tokens[the].start, self.tokens[noun].end);
        if let Some((actor, _)) = named {
            return Some(Subject { actors: vec![actor], start, via: Via::Modifier, reference: None });
        }
        let actor = self.antecedent(start, DESCRIPTION_REACH, kinds)?;
        Some(Subject { actors: vec![actor], start, via: Via::Pronoun, reference: Some((start.max(ref_start), end)) })
    }

    /// The last token at or before `p` that is no word of time ("the company on Tuesday").
    pub(super) fn before_time_words(&self, p: usize) -> usize {
        let mut q = p;
        while q > 0 && self.is(q, TIME_WORDS) {
            q -= 1;
        }
        q
    }

    /// The actor a pronoun or description at byte `pos` stands for, within `reach` sentences, of one
    /// of `kinds` (bits of `lexicon::DESCRIBES_*`), when certain ([`references::resolve`]).
    pub(super) fn antecedent(&self, pos: usize, reach: usize, kinds: u8) -> Option<usize> {
        self.antecedent_of(pos, reach, kinds, None)
    }

    /// [`Reader::antecedent`] of a pronoun that says a gender.
    fn antecedent_of(&self, pos: usize, reach: usize, kinds: u8, gender: Option<Gender>) -> Option<usize> {
        let mut holders: Vec<usize> = self.holders.iter().filter(|(s, _)| s + reach >= self.sentence).map(|&(_, a)| a).collect();
        holders.extend(self.subjects.iter().filter_map(|(_, actors, _, _)| actors.first().copied()));
        resolve(self.cast, self.genders, Reference { pos, sentence: self.sentence, reach, kinds, gender }, &holders)
    }
}
