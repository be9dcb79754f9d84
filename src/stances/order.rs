//! The word-order reading of a verb's holder, kept where the parse gives none or reads worse
//! (see [`Reader::choose_holder`]): the subject left of a verb group across auxiliaries, adverbs,
//! group nouns, time phrases, parentheses and dashed appositions ("US officials have privately
//! urged", "Kall -- co-editor of a book -- said"), coordination ("Washington and Tehran resume"),
//! relative pronouns ("Iran, which rejected"), elided subjects ("... but remains wary", "...,
//! fearing that"), fronted participles ("Bemoaning the system, Trump accused") and the chains of
//! catenative and causative verbs ("appeared to blame", "forced Smith to admit").

use super::{is_dash_token, Reader, Subject, VerbGroup, Via};
use crate::lexicon::StanceClass;
use crate::text::TokenKind;
use crate::word_lists::{
    ADVERBS, ARTICLES, AUX, BE, CATENATIVES, CATENATIVE_ADJECTIVES, CAUSATIVES, CLAUSE_JOINERS, CLAUSE_WORDS, COMMENTARY, COPULAS,
    DETERMINERS, FUNCTION_WORDS, FUTURE_AUX, GERUND_PREPOSITIONS, GO_ON, GROUP_TAIL, LIGHT_VERBS, LY_NON_ADVERBS, MESSAGE_NOUNS, MODALS,
    NEGATIONS, PARTICIPLE_OPENERS, PHRASE_PREPOSITIONS, PRONOUNS, SUBJECT_RELATIVES, TIME_DETERMINERS, TIME_NOUNS, TIME_WORDS,
    YEAR_PREPOSITIONS,
};

impl<'a> Reader<'a> {
    /// The verb group ending before token `i`.
    pub(super) fn verb_group(&self, i: usize, adjective: bool) -> VerbGroup {
        let mut g = VerbGroup { start: i, ..VerbGroup::default() };
        let mut free_verb = false;
        while g.start > 0 {
            let p = g.start - 1;
            let w = self.word(p);
            if self.at[p].is_some() || self.tokens[p].kind != TokenKind::Word {
                break;
            }
            if self.is(p, NEGATIONS) || w.ends_with("n't") {
                g.negated = true;
                g.modal |= MODALS.iter().any(|m| w.starts_with(m));
            } else if self.is(p, MODALS) {
                g.modal = true;
                g.future |= w == "would";
            } else if self.is(p, BE) {
                g.be = true;
            } else if self.is(p, AUX) {
                g.future |= FUTURE_AUX.contains(&w);
            } else if adjective && self.is(p, COPULAS) {
                g.copula = true;
            } else if self.is_adverb(p) {
            } else if adjective && !free_verb && w.ends_with("ed") && g.start == i {
                free_verb = true; // "has reacted warily"
                g.copula = true;
            } else {
                break;
            }
            g.start = p;
        }
        if adjective && g.be {
            g.copula = true;
        }
        g
    }

    /// A plain noun that may head a subject after the actor's name: a plural ("helicopters"),
    /// a capitalised people ("Kurds") or a role ("court", "commissioner").
    pub(super) fn is_head_noun(&self, k: usize) -> bool {
        let w = self.word(k);
        let t = self.tokens[k];
        t.kind == TokenKind::Word
            && self.at[k].is_none()
            && w.len() > 2
            && ![FUNCTION_WORDS, LIGHT_VERBS, DETERMINERS, AUX, BE, MODALS, COPULAS, CLAUSE_WORDS, PRONOUNS]
                .iter()
                .any(|list| self.is(k, *list))
            && !w.ends_with("ed")
            && !w.ends_with("ing")
            && !self.is_adverb(k)
            && self.words.stance(k).is_none()
            && (self.title_case || !t.is_capitalized(self.text) || w.ends_with('s'))
    }

    /// An adverb inside a verb group ("privately", "reportedly", "also").
    pub(super) fn is_adverb(&self, p: usize) -> bool {
        let w = self.word(p);
        self.tokens[p].kind == TokenKind::Word
            && self.at[p].is_none()
            && (self.is(p, ADVERBS) || (w.len() > 4 && w.ends_with("ly") && !LY_NON_ADVERBS.contains(&w)))
    }

    /// The subject whose last token is `p` (left of a verb group), for the verb at `verb`.
    /// When token `k` closes an apposition set off by spaced dashes ("X -- co-editor of ... --"),
    /// the last token of the name before it (which must be an actor's mention).
    pub(super) fn before_dashed_apposition(&self, k: usize) -> Option<usize> {
        const REACH: usize = 40;
        let dash = self.word(k);
        if !self.is_spaced_dash(k) {
            return None;
        }
        // A dash written as "--" is two tokens.
        let run_start = |mut d: usize| {
            while d > 0 && self.word(d - 1) == dash && self.tokens[d - 1].end == self.tokens[d].start {
                d -= 1;
            }
            d
        };
        let close = run_start(k);
        let open = (close.saturating_sub(REACH)..close).rev().find(|&o| self.word(o) == dash && self.is_spaced_dash(o))?;
        let name_end = run_start(open).checked_sub(1)?;
        self.at[name_end].map(|_| name_end)
    }

    /// Whether token `k` is a dash standing apart from words (an apposition's), not a hyphen.
    pub(super) fn is_spaced_dash(&self, k: usize) -> bool {
        let Some(t) = self.tokens.get(k) else { return false };
        let spaced = |at: Option<char>| at.is_none_or(char::is_whitespace);
        is_dash_token(self.text, *t) && (spaced(self.text[..t.start].chars().next_back()) || spaced(self.text[t.end..].chars().next()))
    }

    pub(super) fn subject_at(&self, p: usize, class: StanceClass, verb: usize) -> Option<Subject> {
        let mut q = p as isize;
        let mut tail = false;
        let mut generic = 0;
        // Group nouns, head nouns, time words and a parenthesis between the name and the verb.
        while q >= 0 {
            let k = q as usize;
            let w = self.word(k);
            let in_mention = self.at[k].is_some();
            if in_mention {
                break;
            }
            if w == ")" {
                // "Sen. Claire McCaskill (D-Mo.) said"
                match (0..k).rev().take(8).find(|&o| self.word(o) == "(") {
                    Some(o) => {
                        q = o as isize - 1;
                        continue;
                    }
                    None => break,
                }
            }
            // "Kall -- co-editor of a book on the debates -- said": an apposition between dashes,
            // right after the name.
            if let Some(name_end) = self.before_dashed_apposition(k) {
                q = name_end as isize;
                continue;
            }
            if self.is(k, GROUP_TAIL) || (w == "and" && tail) || self.tokens[k].kind == TokenKind::Possessive {
                tail = true;
                q -= 1;
                continue;
            }
            // "Wells Fargo just this month announced": a time phrase and adverbs between subject and verb.
            if !tail && k > 0 && self.is(k, TIME_NOUNS) && self.is(k - 1, TIME_DETERMINERS) {
                q -= 2;
                continue;
            }
            if !tail && self.is_adverb(k) {
                q -= 1;
                continue;
            }
            if generic < 2 && k > 0 && self.is_head_noun(k) {
                // "Israel's high court", "Iraqi Kurds", "Israeli helicopters and tanks"
                generic += 1;
                tail = true;
                q -= 1;
                continue;
            }
            if self.is(k, TIME_WORDS) && !tail {
                q -= 1;
                continue;
            }
            // "who in 2010 said": a year after its preposition.
            if !tail && k > 0 && self.tokens[k].kind == TokenKind::Number && self.is(k - 1, YEAR_PREPOSITIONS) {
                q -= 2;
                continue;
            }
            break;
        }
        if q < 0 {
            return None;
        }
        let k = q as usize;
        let w = self.word(k).to_string();
        if let Some(m) = self.at[k] {
            let mention = self.mentions[m];
            // A bare adjective ("Iranian targets") is no subject unless coordinated or followed by a group noun.
            let mut actors = vec![mention.actor];
            let mut start = mention.start;
            let mut first = self.tokens.iter().position(|t| t.start >= mention.start).unwrap_or(k);
            let mut coordinated = false;
            // "X and Y", "X, Y and Z": a list ends with "and", so a comma alone joins nothing ("in Muscat, Israeli officials said").
            while first >= 2 && (self.word(first - 1) == "and" || (coordinated && self.word(first - 1) == ",")) {
                match self.at[first - 2] {
                    Some(o) if !actors.contains(&self.mentions[o].actor) => {
                        let other = self.mentions[o];
                        actors.insert(0, other.actor);
                        start = other.start;
                        coordinated = true;
                        first = self.tokens.iter().position(|t| t.start >= other.start).unwrap_or(0);
                    }
                    _ => break,
                }
            }
            if !tail && !coordinated && self.is_demonym(mention) {
                return None;
            }
            // The object of a preposition is no subject of its own ("the talks in Oman resumed"), but
            // mostly sits inside the subject's phrase ("Opposition groups in Zimbabwe are demanding").
            let in_phrase = first > 0 && self.is(first - 1, PHRASE_PREPOSITIONS);
            if in_phrase && !tail && class == StanceClass::Negotiate {
                return None;
            }
            let via = if coordinated { Via::Coordinated } else { Via::Subject };
            return Some(Subject { actors, start, via, reference: None });
        }
        // "His aides say", "her campaign disclosed": those who speak for the one the pronoun stands for.
        if tail && matches!(w.as_str(), "his" | "her" | "its" | "their") {
            let pronoun = self.tokens[k];
            let personal = if matches!(w.as_str(), "his" | "her") { "he" } else { "it" };
            return self.resolve_pronoun(k, personal).map(|a| Subject {
                actors: vec![a],
                start: pronoun.start,
                via: Via::Pronoun,
                reference: Some((pronoun.start, pronoun.end)),
            });
        }
        // "The company said", "the senator on Tuesday said": a description standing for an actor.
        if let Some(subject) = self.description_at(self.before_time_words(p)) {
            return Some(subject);
        }
        if PRONOUNS.contains(&w.as_str()) {
            let pronoun = self.tokens[k];
            return self.resolve_pronoun(k, &w).map(|a| Subject {
                actors: vec![a],
                start: pronoun.start,
                via: Via::Pronoun,
                reference: Some((pronoun.start, pronoun.end)),
            });
        }
        if SUBJECT_RELATIVES.contains(&w.as_str()) {
            let mut r = k;
            while r > 0 && matches!(self.word(r - 1), "," | "—" | "–") {
                r -= 1;
            }
            let x = r.checked_sub(1)?;
            // The relative pronoun stands for the actor: a reference mention of it ("Cruz, who refused").
            let pronoun = Some((self.tokens[k].start, self.tokens[k].end));
            let named = self.at[x].map(|m| Subject {
                actors: vec![self.mentions[m].actor],
                start: self.mentions[m].start,
                via: Via::Subject,
                reference: pronoun,
            });
            // "Washington and Tehran, who ...", "the Saudi government, which ...": the noun phrase
            // before the relative pronoun read as a subject (coordination, group nouns), once.
            if w != "that" && r < k && self.word(x) != "," {
                let phrase = self.subject_at(x, class, x + 1).filter(|s| matches!(s.via, Via::Subject | Via::Coordinated));
                return phrase.map(|s| Subject { reference: pronoun, ..s }).or(named);
            }
            return named;
        }
        // An elided subject: "... but remains wary", "..., fearing that".
        // A commentary gerund ("underscoring") speaks for the subject only after its words ("said, emphasizing").
        // "she said in the Oval Office, emphasizing": speech in the same clause, a few words back.
        let after_speech = self
            .subjects
            .last()
            .is_some_and(|(v, _, c, _)| *c == StanceClass::Statement && *v < p && p <= v + 8 && (v + 1..p).all(|x| !self.is_break(x)));
        let gerund = self.word(verb).ends_with("ing") && (after_speech || !self.is(verb, COMMENTARY));
        // "He pitched himself ... by telling them": a gerund after a preposition shares the clause's
        // subject; there even a commentary word is the subject's act ("started by emphasizing").
        if self.word(verb).ends_with("ing") && GERUND_PREPOSITIONS.contains(&w.as_str()) {
            if let Some((_, actors, _, _)) = self.subjects.last() {
                return Some(Subject { actors: actors.clone(), start: self.tokens[k].start, via: Via::Elided, reference: None });
            }
            let opener = self
                .sentence_opener()
                .map(|m| self.mentions[m].actor)
                .or_else(|| self.is(0, PRONOUNS).then(|| self.resolve_pronoun(0, self.word(0))).flatten());
            return opener.map(|a| Subject { actors: vec![a], start: self.tokens[k].start, via: Via::Elided, reference: None });
        }
        // `..., he said," adding`: a comma inside the closing quotation.
        let comma = w == "," || (matches!(w.as_str(), "\"" | "”" | "’" | "''") && k > 0 && self.word(k - 1) == ",");
        if CLAUSE_JOINERS.contains(&w.as_str()) || (comma && gerund) {
            if let Some((_, actors, _, _)) = self.subjects.last() {
                return Some(Subject { actors: actors.clone(), start: self.tokens[k].end, via: Via::Elided, reference: None });
            }
            // No stance read yet: the subject that opens the sentence ("Clinton mocked it, saying ...",
            // "Mr. Smith is wary and expects ...").
            let opener = self.sentence_opener().filter(|_| comma || w == "and");
            // Else the last name opening a clause before the comma ("..., Trump revised his plan, promising").
            let clause_opener = || {
                (1..k).rev().find_map(|o| {
                    let m = self.at[o]?;
                    let starts = self.mentions[m].start == self.tokens[o].start;
                    (starts && self.word(o - 1) == "," && self.tokens[o].is_capitalized(self.text)).then_some(m)
                })
            };
            let opener = opener.or_else(|| if comma { clause_opener() } else { None });
            return opener.map(|m| Subject {
                actors: vec![self.mentions[m].actor],
                start: self.mentions[m].start,
                via: Via::Elided,
                reference: None,
            });
        }
        // "sent a letter urging", "unleashed tweets saying": a message speaks for whoever sent it,
        // the subject of its clause.
        // (The noun may have been read as a head noun: "a letter" leaves `w` at "a".)
        if self.word(verb).ends_with("ing") && (MESSAGE_NOUNS.contains(&w.as_str()) || self.is(p, MESSAGE_NOUNS)) {
            let unbroken = |from: usize| (from..k).all(|x| !self.is_break(x));
            if let Some((v, actors, _, _)) = self.subjects.last().filter(|(v, ..)| *v < k && unbroken(*v + 1)) {
                let start = self.tokens[(*v).min(k)].start;
                return Some(Subject { actors: actors.clone(), start, via: Via::Elided, reference: None });
            }
            let opener =
                self.sentence_opener().filter(|&m| self.tokens.iter().position(|t| t.start >= self.mentions[m].end).is_some_and(unbroken));
            return opener.map(|m| Subject {
                actors: vec![self.mentions[m].actor],
                start: self.mentions[m].start,
                via: Via::Elided,
                reference: None,
            });
        }
        // An appositive: "Araghchi, Iran's foreign minister, said". The name that opens the sentence
        // and is set off by a comma holds through any apposition or relative clause before the verb.
        if w == "," {
            // "A lawyer for the outlets, David Schulz, said": a name alone between two commas.
            if let Some(m) = k.checked_sub(1).and_then(|x| self.at[x]) {
                let mention = self.mentions[m];
                let mut b = k - 1;
                while b > 0 && self.tokens[b - 1].end > mention.start {
                    b -= 1;
                }
                while b > 0 && self.tokens[b - 1].is_capitalized(self.text) && self.at[b - 1].is_none() && b + 4 > k {
                    b -= 1; // a title: "Mr.", "Gov."
                }
                if b > 0 && self.word(b - 1) == "," {
                    return Some(Subject { actors: vec![mention.actor], start: mention.start, via: Via::Subject, reference: None });
                }
            }
            // The name that opens the sentence, after any title words ("Mr. Obama, who ..., spoke").
            let first = (0..3.min(self.tokens.len()))
                .find(|&x| self.at[x].is_some())
                .filter(|&x| (0..x).all(|y| matches!(self.word(y), "the" | "a" | "an" | ".") || self.tokens[y].is_capitalized(self.text)))
                .unwrap_or(0);
            if let Some(m) = self.at.get(first).copied().flatten() {
                let mention = self.mentions[m];
                let after = self.tokens.iter().position(|t| t.start >= mention.end);
                let between = after.map_or(0, |a| k.saturating_sub(a));
                if after.is_some_and(|a| self.word(a) == "," && a < k) && between <= 40 && !(0..k).any(|x| self.word(x) == ";") {
                    return Some(Subject { actors: vec![mention.actor], start: mention.start, via: Via::Subject, reference: None });
                }
            }
            let mut r = k;
            let mut n = 0;
            while r > 0 && n < 20 {
                r -= 1;
                n += 1;
                if self.word(r) == "," {
                    if let Some(m) = self.mention_ending_before(r) {
                        let opens = matches!(self.word(r + 1), "a" | "an" | "the" | "who" | "which" | "like" | "in")
                            || self.tokens[r + 1].is_capitalized(self.text);
                        if opens || class == StanceClass::Statement {
                            return Some(Subject {
                                actors: vec![self.mentions[m].actor],
                                start: self.mentions[m].start,
                                via: Via::Subject,
                                reference: None,
                            });
                        }
                    }
                    break;
                }
                if self.is_break(r) {
                    break;
                }
            }
        }
        None
    }

    /// The mention that opens the sentence, past an article and title words ("the", "Mr.", "Sen."),
    /// but not past a word that opens a phrase or clause ("When", "In").
    pub(super) fn sentence_opener(&self) -> Option<usize> {
        let first = (0..3.min(self.tokens.len())).find(|&x| self.at[x].is_some())?;
        let lead = |y: usize| {
            matches!(self.word(y), "the" | "a" | "an" | ".")
                || (self.tokens[y].is_capitalized(self.text)
                    && !self.is(y, FUNCTION_WORDS)
                    && !self.is(y, CLAUSE_WORDS)
                    && !self.is(y, PRONOUNS))
        };
        (0..first).all(lead).then(|| self.at[first]).flatten()
    }

    /// The mention ending right before token `k`, past a parenthesis after it ("Rep. Jim Jordan
    /// (R-Ohio), a member of the panel, said").
    pub(super) fn mention_ending_before(&self, k: usize) -> Option<usize> {
        let x = k.checked_sub(1)?;
        if self.word(x) == ")" {
            let open = (x.saturating_sub(8)..x).rev().find(|&o| self.word(o) == "(")?;
            return open.checked_sub(1).and_then(|y| self.at[y]);
        }
        self.at[x]
    }

    /// "Bemoaning the system, Trump accused ...": a participle opening the sentence takes the subject
    /// right after its phrase's comma.
    pub(super) fn fronted_participle_subject(&self, i: usize, last: usize) -> Option<Subject> {
        let opens = i == 0 || (i == 1 && self.is(0, PARTICIPLE_OPENERS));
        if !opens || !self.word(last).ends_with("ing") {
            return None;
        }
        let comma = (last + 1..(last + 25).min(self.tokens.len())).find(|&k| self.word(k) == ",")?;
        // Past closing quotes and an article: `Bemoaning the "phony system," Trump accused`.
        let mut k = comma + 1;
        while k < self.tokens.len() && (self.is(k, ARTICLES) || self.tokens[k].kind == TokenKind::Punct) && k < comma + 3 {
            k += 1;
        }
        let m = self.at.get(k).copied().flatten()?;
        Some(Subject { actors: vec![self.mentions[m].actor], start: self.tokens[i].start, via: Via::Elided, reference: None })
    }

    /// The first token of a catenative chain ending right before the "to" at `to` ("appeared",
    /// "went on", "appears set", "was able"), adverbs allowed in between; none if the verb before
    /// "to" hands nothing on.
    pub(super) fn catenative_before(&self, to: usize) -> Option<usize> {
        let mut c = to.checked_sub(1)?;
        while c > 0 && self.is_adverb(c) {
            c -= 1;
        }
        if self.word(c) == "on" && c > 0 && self.is(c - 1, GO_ON) {
            return Some(c - 1);
        }
        if !self.is(c, CATENATIVES) || self.at[c].is_some() {
            return None;
        }
        // "appears set to", "seemed likely to": a linking verb before the catenative adjective.
        if c > 0 && self.is(c, CATENATIVE_ADJECTIVES) && self.is(c - 1, CATENATIVES) {
            c -= 1;
        }
        Some(c)
    }

    /// The actor named right before an infinitive's "to" (its last token `parent`) when it is the
    /// infinitive's own subject: the object of a verb of causing ("forced Smith to admit", "led
    /// the envoy Jane Doe to fear") or after "for" ("hard for Smith to attack"); not after an
    /// appeal, whose complement is the appeal's content ("urged Israel not to launch").
    pub(super) fn caused_subject(&self, parent: usize) -> Option<usize> {
        let m = self.at[parent]?;
        let mention = self.mentions[m];
        let first = self.tokens.iter().position(|t| t.start >= mention.start)?;
        // The verb or "for" within a few words before the name ("led the Latvian journalist").
        // "called for Iran to halt" is an appeal's content, not Iran's act.
        let for_subject = |k: usize| self.word(k) == "for" && !(k > 0 && self.words.stance(k - 1).is_some());
        let cause = (first.saturating_sub(4)..first).rev().find(|&k| self.is(k, CAUSATIVES) || for_subject(k))?;
        let between_plain = (cause + 1..first).all(|k| !self.is_break(k) && self.words.stance(k).is_none());
        between_plain.then_some(mention.actor)
    }
}
