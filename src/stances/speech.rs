//! Reported speech: who says what and where the words of a speaker stand.
//!
//! Rules (each a row of `tests/data/stances/en.tsv`):
//! - **speaker label**: a name and a colon open a line ("Smith: We will win");
//! - **signed quotation**: a quotation closed by a dash and a name ("\"We will win.\" ― Jane Smith");
//! - **speaker after the verb**: "..., said the ministry", "..., said he" (where the parse has the
//!   verb finite and the speaker no object of it);
//! - **according to**: "The deal is off, according to Iran";
//! - **reported demand**: "Russia said Sudan must return the aircraft": Russia demands of Sudan;
//! - **speech content**: the stance what is said takes, from the evaluative lexicon
//!   `data/en/evaluative.tsv` ("Germany said the French plan was a disgrace": Germany criticizes
//!   France; "called the teams useless": criticize), toward the first actor named in what the
//!   words are about (the complement's subject, a labelling verb's object).

use super::references::DESCRIPTION_MODIFIERS;
use super::{Reader, Subject, VerbGroup, Via};
use crate::actors::{ActorKind, Mention};
use crate::lexicon;
use crate::lexicon::StanceClass;
use crate::syntax::{Rel, SentenceSyntax};
use crate::text::TokenKind;
use crate::word_lists::{FUNCTION_WORDS, NEGATIONS, OBLIGATION_MODALS, OBLIGATION_VERBS, SPEAKER_PRONOUNS, TIME_WORDS};

impl<'a> Reader<'a> {
    /// "The deal is off, according to Iran": the source follows the cue.
    pub(super) fn read_according(&mut self, i: usize, last: usize, class: StanceClass, group: VerbGroup) {
        if let Some(m) = self.mention_after(last + 1, 6) {
            let mention = self.mentions[m];
            let end = self.evidence_end(last, class, None).max(mention.end);
            self.emit(mention.actor, Via::According, class, (i, last), None, group, self.tokens[i].start, end);
        }
    }

    /// Speech marked by punctuation instead of a verb: a speaker's label opening a line
    /// ("Smith: We will win", a transcript's "SMITH: ...") and a quotation signed with a dash
    /// ("“We will win.” ― Jane Smith"). The label or dash is the cue.
    pub(super) fn read_speaker_tags(&mut self) {
        let group = VerbGroup::default();
        // A person or organisation right at the start, then a colon and the words said.
        let first = usize::from(self.word(0).chars().next().is_some_and(crate::text::is_opening));
        if let Some(m) = self.at.get(first).copied().flatten() {
            let mention = self.mentions[m];
            let colon = self.tokens.iter().position(|t| t.start >= mention.end);
            let speaker =
                self.cast.actors.get(mention.actor).is_some_and(|a| matches!(a.kind, ActorKind::Person | ActorKind::Organization));
            if let Some(c) = colon.filter(|&c| self.word(c) == ":" && c + 1 < self.tokens.len() && speaker) {
                let end = self.evidence_end(c, StanceClass::Statement, None);
                self.emit(mention.actor, Via::Label, StanceClass::Statement, (c, c), None, group, mention.start, end);
            }
        }
        // A dash after a closing quotation, then a name that ends the sentence.
        let Some(m) = self.mentions.last() else { return };
        let Some(dash_end) = self.tokens.iter().rposition(|t| t.end <= m.start) else { return };
        let mut dash = dash_end;
        let signs = matches!(self.word(dash), "―" | "—" | "–" | "-") && self.tokens.get(dash + 1).is_some_and(|t| t.start == m.start);
        if self.word(dash) == "-" {
            // Only a doubled hyphen ("--") signs a quotation; one joins words.
            match dash.checked_sub(1).filter(|&d| self.word(d) == "-") {
                Some(d) => dash = d,
                None => return,
            }
        }
        let ends = self.tokens.iter().filter(|t| t.start >= m.end).all(|t| t.kind == TokenKind::Punct);
        let before = self.text[..self.tokens[dash].start].trim_end().trim_end_matches('.');
        let after_quote = before.ends_with(['"', '”', '’', '\'']);
        let person = self.cast.actors.get(m.actor).is_some_and(|a| a.kind == ActorKind::Person);
        if signs && ends && after_quote && person {
            let (actor, end) = (m.actor, m.end);
            self.emit(actor, Via::Signed, StanceClass::Statement, (dash, dash_end), None, group, self.tokens[dash].start, end);
        }
    }

    /// Whether the parse reads the speech verb at token `i` as an infinitive or a complement
    /// ("urged them to call out Russia"): no speaker stands after it.
    pub(super) fn parse_says_not_finite_speech(&self, i: usize) -> bool {
        let Some(j) = self.syntax.word_of_token(i) else { return false };
        let Some(w) = self.syntax.word(j) else { return false };
        let to = self
            .syntax
            .children(j)
            .any(|c| self.syntax.word(c).is_some_and(|x| x.rel == Rel::Mark && self.text.get(x.start..x.end) == Some("to")));
        w.rel == Rel::Xcomp || to
    }

    /// Whether the parse makes a word of `mention` the object of the verb at token `i`
    /// ("call out Russia": Russia is called out, not the speaker).
    pub(super) fn parse_says_object(&self, i: usize, mention: Mention) -> bool {
        let Some(j) = self.syntax.word_of_token(i) else { return false };
        self.syntax.words.iter().any(|w| {
            w.head == Some(j)
                && mention.start < w.end
                && w.start < mention.end
                && matches!(w.rel, Rel::Obj | Rel::Iobj | Rel::Xcomp | Rel::Ccomp)
        })
    }

    /// A speaker pronoun right after a speech verb ("..., said he"), resolved; the subject starts at the verb `i`.
    pub(super) fn pronoun_after(&self, j: usize, i: usize) -> Option<Subject> {
        let w = self.word(j);
        let pronoun = self.tokens.get(j).filter(|_| SPEAKER_PRONOUNS.contains(&w))?;
        let actor = self.resolve_pronoun(j, w)?;
        Some(Subject { actors: vec![actor], start: self.tokens[i].start, via: Via::Pronoun, reference: Some((pronoun.start, pronoun.end)) })
    }

    /// "..., said the company": a description right after a speech verb (from token `j`) that
    /// ends its clause; the subject starts at the verb `i`.
    pub(super) fn description_after(&self, j: usize, i: usize) -> Option<Subject> {
        if self.word(j) != "the" {
            return None;
        }
        let noun =
            (j + 1..(j + 2 + DESCRIPTION_MODIFIERS).min(self.tokens.len())).find(|&n| lexicon::description(self.word(n)).is_some())?;
        let next = self.tokens.get(noun + 1);
        let ends = next.is_none_or(|t| t.kind != TokenKind::Word || self.is(noun + 1, FUNCTION_WORDS) || self.is_adverb(noun + 1));
        let found = self.description_at(noun).filter(|_| ends)?;
        Some(Subject { start: self.tokens[i].start, ..found })
    }

    /// "X said (that) Y must ...": the speaker demands something of Y.
    pub(super) fn complement_demand(&mut self, last: usize, subject: &Subject, group: VerbGroup) {
        let mut j = last + 1;
        while self.is(j, TIME_WORDS) {
            j += 1;
        }
        if self.word(j) == "that" {
            j += 1;
        }
        let Some(m) = self.mention_after(j, 3) else { return };
        let mention = self.mentions[m];
        let Some(after) = self.tokens.iter().position(|t| t.start >= mention.end) else { return };
        // The modal within the complement's subject phrase ("the US and other developed nations must").
        let modal_at = |k: usize| self.is(k, OBLIGATION_MODALS) || (self.is(k, OBLIGATION_VERBS) && self.word(k + 1) == "to");
        let Some(k) =
            (after..(after + 7).min(self.tokens.len())).take_while(|&k| !self.is_break(k) || self.word(k) == "and").find(|&k| modal_at(k))
        else {
            return;
        };
        if subject.actors.contains(&mention.actor) {
            return;
        }
        let end = self.evidence_end(k, StanceClass::Demand, Some(mention.actor));
        for &actor in &subject.actors {
            let start = subject.start.min(self.tokens[last].start);
            self.emit(
                actor,
                Via::ReportedDemand,
                StanceClass::Demand,
                (k, k),
                Some(mention.actor),
                VerbGroup { negated: false, modal: false, ..group },
                start,
                end,
            );
        }
    }

    /// The stance the words of the speech verb at token `cue` take, when they take one: an
    /// evaluative phrase (`data/en/evaluative.tsv`) in what is said, read from the parse (the
    /// verb's complement, a labelling verb's predicate "called the plan useless", or the
    /// quotation a "he said" hangs from), not itself a stance word with a holder of its own, and
    /// not negated unless written with its negation ("not true"). Its target is the first actor
    /// named in what the words are about (the complement's subject, a labelling verb's object).
    pub(super) fn content_stance(&mut self, cue: usize, subject: &Subject, group: VerbGroup) {
        let Some(j) = self.syntax.word_of_token(cue) else { return };
        let syn = self.syntax;
        let rel = |c: usize| syn.word(c).map(|x| x.rel);
        // (the words said, as a token range; the words they are about)
        let mut contents: Vec<((usize, usize), (usize, usize))> = Vec::new();
        for c in syn.children(j) {
            match rel(c) {
                Some(Rel::Ccomp) => {
                    let span = subtree_tokens(syn, c);
                    let about = syn.word(c).map_or(span, |w| (span.0, w.token.max(span.0 + 1)));
                    contents.push((span, about));
                }
                Some(Rel::Xcomp) => {
                    let about = syn.children(j).find(|&o| rel(o) == Some(Rel::Obj)).map_or((0, 0), |o| subtree_tokens(syn, o));
                    contents.push((subtree_tokens(syn, c), about));
                }
                _ => {}
            }
        }
        // "\"...,\" he said": the quotation the speech verb hangs from, up to the verb's own words.
        if let Some(h) = syn.word(j).filter(|w| w.rel == Rel::Parataxis).and_then(|w| w.head) {
            let quote = subtree_tokens(syn, h);
            let own = subtree_tokens(syn, j);
            if quote.0 < own.0 {
                let about = syn.word(h).map_or((quote.0, own.0), |w| (quote.0, w.token.max(quote.0 + 1)));
                contents.push(((quote.0, own.0), about));
            }
        }
        for (span, about) in contents {
            let Some((from, to, class)) = self.evaluation_in(span) else { continue };
            let target = (about.0..about.1.min(self.tokens.len()))
                .filter_map(|k| self.at.get(k).copied().flatten())
                .map(|m| self.mentions[m].actor)
                .find(|a| !subject.actors.contains(a) && !subject.actors.iter().any(|&s| self.affiliated(s, *a)));
            let start = subject.start.min(self.tokens[cue].start);
            let end = self.tokens[to].end;
            for &actor in &subject.actors {
                self.emit(actor, Via::Content, class, (from, to), target, VerbGroup { negated: false, ..group }, start, end);
            }
            return;
        }
    }

    /// The first evaluative phrase within tokens `span` (longest first, up to four words): its
    /// first and last token and its class.
    fn evaluation_in(&self, span: (usize, usize)) -> Option<(usize, usize, StanceClass)> {
        // Within the first words of what is said: a run-on sentence's later clauses are someone else's.
        let end = span.1.min(self.tokens.len()).min(span.0 + CONTENT_WORDS);
        for k in span.0..end {
            if self.tokens[k].kind != TokenKind::Word || self.words.stance(k).is_some() {
                continue;
            }
            for len in (1..=4).rev() {
                if k + len > end {
                    continue;
                }
                let phrase: Vec<&str> = (k..k + len).map(|x| self.word(x)).collect();
                let Some(class) = lexicon::evaluative(&phrase.join(" ")) else { continue };
                let negated = (k.saturating_sub(2)..k).any(|x| self.is(x, NEGATIONS) || self.word(x).ends_with("n't"));
                if negated {
                    return None;
                }
                return Some((k, k + len - 1, class));
            }
        }
        None
    }
}

/// How many tokens of what is said are searched for an evaluation.
const CONTENT_WORDS: usize = 25;

/// The tokens the subtree of word `j` spans, as a half-open range.
fn subtree_tokens(syn: SentenceSyntax<'_>, j: usize) -> (usize, usize) {
    let (mut lo, mut hi) = (usize::MAX, 0);
    for (k, w) in syn.words.iter().enumerate() {
        let mut at = Some(k);
        let mut steps = 0;
        while let Some(x) = at {
            if x == j {
                lo = lo.min(w.token);
                hi = hi.max(w.token + 1);
                break;
            }
            steps += 1;
            if steps > syn.words.len() {
                break;
            }
            at = syn.word(x).and_then(|y| y.head);
        }
    }
    if lo == usize::MAX {
        (0, 0)
    } else {
        (lo, hi)
    }
}
