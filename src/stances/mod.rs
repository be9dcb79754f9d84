//! Stage 4: what each actor wants and does toward whom.
//!
//! A stance is read around a stance word of `data/en/stance_verbs.tsv` ("urged", "talks", "wary"),
//! sentence by sentence, left to right, by one [`Reader`] per sentence whose concerns live in
//! their own modules:
//! - [`verbal`]: a verb cue's clause (is it a verb, whose is it, what does an infinitive after it
//!   inherit: "wants to meet", but "urged Israel not to launch" is one appeal);
//! - [`holder`]: the holder from the parse (subject, passive agent, chain, relative antecedent),
//!   and which of the parse's and word order's holders a cue takes; [`order`]: the word-order
//!   reading, kept where the parse gives none or reads worse;
//! - [`target`]: the target from the parse (object, class preposition, ...), else word order;
//! - [`speech`]: speaker labels, signed quotations, "said the ministry", "according to", a
//!   reported "must";
//! - [`nominal`]: the owner of a stance noun ("Washington's plea", "Tehran held talks"; not
//!   "Foley's killing");
//! - [`references`]: the actor a pronoun or description stands for, when certain;
//! - [`confidence`]: how sure each stance is, on weights fitted to the stance gold.
//!
//! Negation and modals of the verb group are flags; a negation inside the complement ("not to
//! launch") stays there. Each rule's example sentence is a row of `tests/data/stances/en.tsv`.

mod confidence;
mod holder;
mod nominal;
mod order;
mod references;
mod speech;
mod target;
mod verbal;

pub(crate) use confidence::{names_of as feature_names, THRESHOLD};

use std::cell::RefCell;

use crate::actors::{ActorKind, Cast, Mention};
use crate::clean::BlockKind;
use crate::fasthash::FastMap;
use crate::lexicon::{self, AliasKind, StanceClass, USE_ADJ, USE_NOUN, USE_VERB};
use crate::segment::Sentence;
use crate::syntax::{SentenceSyntax, Syntax};
use crate::text::{is_dash, Token, TokenKind, WordList};
use crate::word_lists::{AUX, BE, CLAUSE_WORDS, CONDITIONALS, MODALS, NEGATIONS, THING_DETERMINERS};
use crate::words::{SentenceWords, Words};
use references::PERSON_REACH;
use verbal::is_inflected_verb;

/// One stance: who, what, toward whom, and the words it came from (byte spans).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StanceEntry {
    pub actor: usize,
    pub class: StanceClass,
    /// The stance words as written ("urged", "talks").
    pub verb: (usize, usize),
    pub target: Option<usize>,
    pub negated: bool,
    pub hypothetical: bool,
    pub confidence: f32,
    /// The rule that found the holder.
    pub via: Via,
    /// What the confidence was weighed from (`confidence::FEATURES` names), for calibration.
    pub features: u64,
    /// The clause that carries the stance: actor, verb and complement.
    pub evidence: (usize, usize),
    pub sentence: usize,
}

/// The rule that found a stance's holder: named in the report (`rule`) and weighed by
/// [`confidence`]. Each variant's doc shows the sentence it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Via {
    /// The subject of the cue's clause: "Washington urged Tehran".
    Subject,
    /// One of coordinated subjects: "Washington and Tehran resumed talks".
    Coordinated,
    /// A speaker after the speech verb: "..., said the ministry".
    Inverted,
    /// The agent of a passive: "Israel was urged by Washington".
    Passive,
    /// The subject of an earlier verb of the same sentence: "Tehran confirmed the date but remains wary".
    Elided,
    /// A pronoun or description resolved to an actor: "it cannot accept", "the company said".
    Pronoun,
    /// The subject of the verb an infinitive completes: "Syria offered to meet Turkey".
    Infinitive,
    /// A name joined to a participle or noun by a hyphen: "Oman-mediated".
    Owner,
    /// A possessor: "Washington's plea".
    Possessive,
    /// A name or demonym modifying the noun: "an Israeli raid".
    Modifier,
    /// Both names of a compound: "U.S.-Iran talks".
    Pair,
    /// A "by" phrase after a noun: "attacks by rebels".
    By,
    /// "talks between Washington and Tehran".
    Between,
    /// A fronted topic: "For Israel, the worry is ...".
    Topic,
    /// A speaker's label: "Smith: We will win".
    Label,
    /// A quotation signed with a dash: "\"We will win.\" ― Jane Smith".
    Signed,
    /// "according to Iran".
    According,
    /// The noun a relative clause describes: "France, which rejected the plan".
    Relative,
    /// The speaker of words that take a stance: "Germany said the plan was a disgrace".
    Content,
    /// The one a verb of quoting quotes: "Der Spiegel quoted Jane Walker as saying ...".
    Quoted,
    /// The one a reported "must" binds: "Russia said Sudan must return the aircraft" (Russia demands of Sudan).
    ReportedDemand,
}

impl Via {
    /// The rule's name as the report gives it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Via::Subject => "subject",
            Via::Coordinated => "coordinated",
            Via::Inverted => "speaker_after",
            Via::Passive => "passive_agent",
            Via::Elided => "shared_subject",
            Via::Pronoun => "reference",
            Via::Infinitive => "controller",
            Via::Owner => "hyphen_owner",
            Via::Possessive => "possessor",
            Via::Modifier => "modifier",
            Via::Pair => "compound_pair",
            Via::By => "by_phrase",
            Via::Between => "between",
            Via::Topic => "topic",
            Via::Label => "speaker_label",
            Via::Signed => "signed_quote",
            Via::According => "according_to",
            Via::ReportedDemand => "reported_demand",
            Via::Relative => "relative_antecedent",
            Via::Content => "speech_content",
            Via::Quoted => "quoted_speaker",
        }
    }
}

/// The words left of a verb that belong to it: auxiliaries, modals, negation, adverbs.
#[derive(Debug, Default, Clone, Copy)]
struct VerbGroup {
    /// First token of the group (the verb's own index when the group is empty).
    start: usize,
    negated: bool,
    modal: bool,
    be: bool,
    copula: bool,
    /// "will", "would", "'ll": an announced act.
    future: bool,
}

/// A subject found for a verb: the actors (several when coordinated), where it starts, and how.
#[derive(Debug, Clone)]
struct Subject {
    actors: Vec<usize>,
    start: usize,
    via: Via,
    /// The words that stand for the actor without naming it ("he", "the company"): a byte span
    /// that becomes a reference mention of the actor once a stance is read from it.
    reference: Option<(usize, usize)>,
}

/// Finds the stances of every sentence that may carry them (not clutter), and the references
/// ("he", "the company") their actors were read from: mentions the cast does not hold yet.
pub(crate) fn find_stances(
    text: &str,
    sentences: &[Sentence],
    words: &Words,
    syntax: &Syntax,
    cast: &Cast,
) -> (Vec<StanceEntry>, Vec<Mention>) {
    let mut out = Vec::new();
    let mut references = Vec::new();
    let demonyms = Demonyms::default();
    let genders = references::genders(text, cast);
    for (index, sentence) in sentences.iter().enumerate() {
        if sentence.kind.is_clutter() {
            continue;
        }
        let sentence_words = words.sentence(index);
        if sentence_words.tokens.is_empty() {
            continue;
        }
        let mentions = cast.mentions_in(index);
        let title_case = matches!(sentence.kind, BlockKind::Title | BlockKind::Heading) || looks_title_cased(text, sentence_words.tokens);
        let mut reader = Reader::new(text, sentence_words, syntax.sentence(index), mentions, cast, index, title_case, &demonyms, &genders);
        reader.earlier = earlier_subject(&out, cast, index);
        let from = out.partition_point(|s: &StanceEntry| s.sentence + PERSON_REACH < index);
        reader.holders = out[from..].iter().map(|s| (s.sentence, s.actor)).collect();
        reader.after_thing = index.checked_sub(1).is_some_and(|p| opens_with_thing(text, words.sentence(p), cast.mentions_in(p)));
        reader.read();
        let cx =
            confidence::Context { text, syntax: syntax.sentence(index), mentions, cast, title_case, span: (sentence.start, sentence.end) };
        confidence::weigh(&mut reader.out, &cx);
        out.extend(reader.out);
        references.extend(reader.references);
    }
    (out, references)
}

/// Whether a sentence opens with a noun phrase that names a thing, not an actor: a determiner,
/// then (past names and capitals) a common word that is neither a verb of the verb group nor a
/// description of an actor ("The U.S. intervention ...", "This approach ..."; not "The United
/// States has ...", "The ministry said ...").
fn opens_with_thing(text: &str, words: SentenceWords, mentions: &[Mention]) -> bool {
    if !words.in_list(0, &THING_DETERMINERS) {
        return false;
    }
    for (k, t) in words.tokens.iter().enumerate().take(4).skip(1) {
        let named = mentions.iter().any(|m| m.start <= t.start && t.end <= m.end);
        if named || t.kind != TokenKind::Word || t.is_capitalized(text) {
            continue;
        }
        let w = words.folded(k);
        return ![AUX, BE, MODALS, NEGATIONS].iter().any(|list| words.in_list(k, list)) && lexicon::description(w).is_none();
    }
    false
}

/// The first stance actor of the latest of the two sentences before `index` that has stances,
/// when it is no person ("it"/"they" name a state or an organisation).
fn earlier_subject(out: &[StanceEntry], cast: &Cast, index: usize) -> Option<usize> {
    let last = out.last().filter(|s| s.sentence + 2 >= index)?;
    // `out` is in sentence order: find that sentence's first stance without a scan from the top.
    let first = out.get(out.partition_point(|s| s.sentence < last.sentence))?;
    cast.actors.get(first.actor).filter(|a| a.kind != ActorKind::Person).map(|_| first.actor)
}

/// Reads the stances of one sentence.
struct Reader<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// The sentence's tokens, folded.
    words: SentenceWords<'a>,
    /// The sentence's parse.
    syntax: SentenceSyntax<'a>,
    mentions: &'a [Mention],
    /// The mention covering each token, if any (an index into `mentions`).
    at: Vec<Option<usize>>,
    cast: &'a Cast,
    sentence: usize,
    title_case: bool,
    /// Subjects read so far in the sentence: (token of the verb's last word, actors).
    subjects: Vec<(usize, Vec<usize>, StanceClass, bool)>,
    /// The subject of the latest sentence before this one with stances (within two): what a
    /// sentence-opening "it" or "they" most often stands for.
    earlier: Option<usize>,
    /// The sentence before opens with a thing, not an actor ("The U.S. intervention ..."): an
    /// "It" opening this one stands for that thing.
    after_thing: bool,
    out: Vec<StanceEntry>,
    /// The holders of the stances of the sentences before, (sentence, actor) in text order, for references.
    holders: Vec<(usize, usize)>,
    /// Pronouns and descriptions read as the actor of a stance, in text order.
    references: Vec<Mention>,
    demonyms: &'a Demonyms<'a>,
    /// Each actor's gender where the text says it ([`references::genders`]).
    genders: &'a [Option<references::Gender>],
}

/// Which mention texts are singular demonyms ("Israeli"), looked up in the gazetteer once per
/// distinct text of the article, as the same few are asked about in sentence after sentence.
#[derive(Default)]
struct Demonyms<'t>(RefCell<FastMap<&'t str, bool>>);

impl<'t> Demonyms<'t> {
    fn is(&self, s: &'t str) -> bool {
        if let Some(&known) = self.0.borrow().get(s) {
            return known;
        }
        let demonym = matches!(lexicon::country_alias(s), Some((_, AliasKind::Demonym))) && !s.ends_with('s');
        self.0.borrow_mut().insert(s, demonym);
        demonym
    }
}

impl<'a> Reader<'a> {
    /// Each token's mention found once, for the many lookups that follow.
    fn new(
        text: &'a str,
        words: SentenceWords<'a>,
        syntax: SentenceSyntax<'a>,
        mentions: &'a [Mention],
        cast: &'a Cast,
        sentence: usize,
        title_case: bool,
        demonyms: &'a Demonyms<'a>,
        genders: &'a [Option<references::Gender>],
    ) -> Self {
        let tokens = words.tokens;
        let at = tokens.iter().map(|t| mentions.iter().position(|m| m.start <= t.start && t.end <= m.end)).collect();
        Reader {
            text,
            tokens,
            words,
            syntax,
            mentions,
            at,
            cast,
            sentence,
            title_case,
            subjects: Vec::new(),
            earlier: None,
            after_thing: false,
            out: Vec::new(),
            holders: Vec::new(),
            references: Vec::new(),
            demonyms,
            genders,
        }
    }

    /// The folded word at token `i` ("" past the end, so lookahead never fails).
    fn word(&self, i: usize) -> &str {
        self.words.folded(i)
    }

    /// Whether the word at token `i` is in `list`.
    fn is(&self, i: usize, list: WordList) -> bool {
        self.words.in_list(i, &list)
    }

    /// Reads every stance word of the sentence, left to right, so earlier subjects serve later
    /// pronouns, elisions and infinitives.
    fn read(&mut self) {
        self.read_speaker_tags();
        let mut i = 0;
        while i < self.tokens.len() {
            match self.stance_word_at(i) {
                Some((len, class, uses)) => {
                    self.read_stance(i, len, class, uses);
                    i += len;
                }
                None => i += 1,
            }
        }
    }

    /// The stance word or phrase at token `i`: (tokens it spans, class, uses). Phrases first.
    fn stance_word_at(&self, i: usize) -> Option<(usize, StanceClass, u8)> {
        let tok = self.tokens[i];
        if tok.kind != TokenKind::Word || self.at[i].is_some() {
            return None; // a word inside a name ("the Negotiating Team") is no stance
        }
        if !self.title_case && tok.is_capitalized(self.text) && i > 0 {
            return None;
        }
        if let Some(next) = self.tokens.get(i + 1).filter(|t| t.kind == TokenKind::Word) {
            if self.at[i + 1].is_none() && next.start - tok.end <= 1 && self.words.opens_stance_phrase(i) {
                let phrase = [self.word(i), self.word(i + 1)].join(" ");
                if let Some((class, uses)) = lexicon::stance_word_use(&phrase) {
                    return Some((2, class, uses));
                }
            }
        }
        self.words.stance(i).map(|(class, uses)| (1, class, uses))
    }

    /// Reads the stance word at tokens `i..i+len`: as a verb first, then as a noun.
    fn read_stance(&mut self, i: usize, len: usize, class: StanceClass, uses: u8) {
        let last = i + len - 1;
        let group = self.verb_group(i, uses & USE_ADJ != 0);
        if self.word(i) == "according" {
            self.read_according(i, last, class, group);
            return;
        }
        // "Lawmaker urges", "Trump argues": a word the lexicon knows only as a verb, in a verb's
        // inflected form, is a verb even where the tagger took it for a noun (news-style
        // present tense after a name is its weak spot); "a Pentagon think tank" is no such form.
        let inflected =
            uses & USE_NOUN == 0 && uses & USE_VERB != 0 && is_inflected_verb(self.word(last)) && !self.has_noun_dependents(last);
        if uses & (USE_VERB | USE_ADJ) != 0 && (inflected || self.tagged_as(i, last, uses & (USE_VERB | USE_ADJ))) {
            if let Some(done) = self.read_verbal(i, last, class, uses, group) {
                if done {
                    return;
                }
            }
        }
        // "Oman-mediated", "US-led": a participle joined to its actor reads as an owned noun.
        let joined = i >= 2 && is_dash_token(self.text, self.tokens[i - 1]) && self.at[i - 2].is_some();
        if (uses & USE_NOUN != 0 && self.tagged_as(i, last, USE_NOUN)) || joined {
            self.read_nominal(i, last, class);
        }
    }

    /// The first mention starting within `within` tokens from token `j`, skipping "the" and
    /// plain words; none across a clause break.
    fn mention_after(&self, j: usize, within: usize) -> Option<usize> {
        for k in j..(j + within).min(self.tokens.len()) {
            if let Some(m) = self.at[k] {
                return Some(m);
            }
            if self.is_break(k) {
                return None;
            }
        }
        None
    }

    /// Whether token `k` ends a clause (punctuation or a subordinating word); past the end counts.
    fn is_break(&self, k: usize) -> bool {
        let Some(t) = self.tokens.get(k) else { return true };
        match t.kind {
            // A punctuation token is one character: ASCII marks are told by their byte; of the
            // dashes only an em dash breaks a clause.
            TokenKind::Punct => match self.text.as_bytes().get(t.start) {
                Some(b';' | b':' | b',' | b'(' | b')' | b'?' | b'!') => true,
                Some(b) if !b.is_ascii() => t.text(self.text) == "—",
                _ => false,
            },
            TokenKind::Word => self.is(k, CLAUSE_WORDS),
            _ => false,
        }
    }

    /// Whether the clause holding token `i` has a modal or an "if": the stance is hypothetical.
    fn clause_has_modal(&self, i: usize) -> bool {
        let mut from = i;
        while from > 0 && !self.is_break(from - 1) {
            from -= 1;
        }
        let cond = from > 0 && self.is(from - 1, CONDITIONALS);
        let mut to = i;
        while to + 1 < self.tokens.len() && !self.is_break(to + 1) {
            to += 1;
        }
        cond || (from..=to).any(|k| self.is(k, MODALS))
    }

    /// A singular demonym ("Israeli"): an adjective, so a modifier rather than a subject.
    fn is_demonym(&self, m: Mention) -> bool {
        self.demonyms.is(&self.text[m.start..m.end])
    }

    /// Whether actor `a` belongs to `b` or `b` to `a` (a minister and the country).
    fn affiliated(&self, a: usize, b: usize) -> bool {
        let aff = |x: usize| self.cast.actors.get(x).and_then(|e| e.affiliation);
        aff(a) == Some(b) || aff(b) == Some(a)
    }

    /// Where the evidence of a stance ends: its complement, within limits.
    fn evidence_end(&self, last: usize, class: StanceClass, target: Option<usize>) -> usize {
        let complement = matches!(
            class,
            StanceClass::Statement
                | StanceClass::Concern
                | StanceClass::Appeal
                | StanceClass::Demand
                | StanceClass::Intend
                | StanceClass::Reject
                | StanceClass::Threaten
        );
        let limit = if complement { 20 } else { 10 };
        let mut end = last;
        let mut k = last + 1;
        while k < self.tokens.len() && k <= last + limit {
            if self.is_break(k) && !(complement && self.word(k) == "that" && k == end + 1) {
                break;
            }
            end = k;
            k += 1;
        }
        let mut end_byte = self.tokens[end].end;
        if let Some(t) = target {
            if let Some(m) = self.mentions.iter().find(|m| m.actor == t && m.start > self.tokens[last].end) {
                end_byte = end_byte.max(m.end);
            }
        }
        // No trailing punctuation of the sentence in the evidence.
        end_byte
    }

    /// The word of `m` that heads it in the parse (its head lies outside the mention).
    fn head_word_of(&self, m: Mention) -> Option<usize> {
        let words = self.syntax.words;
        let inside = |j: usize| words.get(j).is_some_and(|w| m.start <= w.start && w.end <= m.end);
        (0..words.len()).find(|&j| inside(j) && words[j].head.is_none_or(|h| !inside(h)))
    }

    /// Records a stance unless it repeats one of the sentence; turns "cannot accept" into a refusal.
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &mut self,
        actor: usize,
        via: Via,
        class: StanceClass,
        verb: (usize, usize),
        target: Option<usize>,
        group: VerbGroup,
        start: usize,
        end: usize,
    ) {
        if target == Some(actor) {
            return;
        }
        let (Some(first), Some(last)) = (self.tokens.get(verb.0), self.tokens.get(verb.1)) else { return };
        let target = self.checked_target(verb.0, via, class, target, actor);
        if target == Some(actor) {
            return;
        }
        let mut class = class;
        let mut negated = group.negated;
        // "cannot accept", "did not agree": a refusal.
        if negated && class == StanceClass::Cooperate && matches!(self.words.folded(verb.0).get(..5), Some("accep" | "agree")) {
            class = StanceClass::Reject;
            negated = false;
        }
        let confidence = 0.0; // set by `confidence::weigh` once the sentence is read
        let entry = StanceEntry {
            actor,
            class,
            verb: (first.start, last.end),
            target,
            negated,
            hypothetical: group.modal,
            confidence,
            via,
            features: 0,
            evidence: (start.min(first.start), end.max(last.end)),
            sentence: self.sentence,
        };
        // One stance per actor, class and target in a sentence; distinct speech verbs ("said ..., adding")
        // are kept, each the cue of its own words.
        let same = |s: &StanceEntry| s.actor == actor && s.class == class && s.target == target && s.negated == negated;
        let speech = class == StanceClass::Statement;
        if self.out.iter().any(|s| same(s) && (!speech || s.verb == entry.verb)) {
            return;
        }
        self.out.push(entry);
    }
}

/// Whether a sentence is written in title case ("Christie Calls Clinton A Disgrace"): a pasted
/// headline the cleaner did not mark, where capitalised verbs are still verbs.
/// Counts in one pass, without collecting the words (asked of every sentence).
fn looks_title_cased(text: &str, tokens: &[Token]) -> bool {
    let (mut words, mut caps) = (0, 0);
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word && t.end - t.start > 3) {
        words += 1;
        caps += usize::from(t.is_capitalized(text));
    }
    words >= 4 && caps * 5 >= words * 4
}

/// A hyphen or dash token, which joins compounds ("U.S.-Iran", "Oman-mediated").
fn is_dash_token(text: &str, t: Token) -> bool {
    t.kind == TokenKind::Punct && t.text(text).chars().all(is_dash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{actors::find_actors, clean::clean, segment::segment};

    /// "actor class target" of each stance of `text` ("-" for no target; "!" after a negated class).
    fn stances_of(text: &str) -> Vec<String> {
        let sentences = segment(text, &clean(text));
        let words = Words::new(text, &sentences);
        let syntax = crate::syntax::Syntax::new(text, &words, sentences.len());
        let cast = find_actors(text, &sentences, &words, &syntax);
        let name = |a: usize| cast.actors[a].id.clone();
        find_stances(text, &sentences, &words, &syntax, &cast)
            .0
            .iter()
            .map(|s| {
                let neg = if s.negated { "!" } else { "" };
                format!("{} {}{} {}", name(s.actor), s.class.as_str(), neg, s.target.map_or("-".into(), name))
            })
            .collect()
    }

    // The rules' example sentences are a table: tests/data/stances/en.tsv (tests/stances_table.rs).

    #[test]
    fn the_words_read_as_an_actor_become_its_mentions() {
        let text = "Acme Corporation cut jobs. The company said it would hire. Jane Walker agreed, and she said so.";
        let sentences = segment(text, &clean(text));
        let words = Words::new(text, &sentences);
        let syntax = crate::syntax::Syntax::new(text, &words, sentences.len());
        let cast = find_actors(text, &sentences, &words, &syntax);
        let (_, references) = find_stances(text, &sentences, &words, &syntax, &cast);
        let spans: Vec<&str> = references.iter().map(|r| &text[r.start..r.end]).collect();
        assert_eq!(spans, ["The company", "she"]);
        assert!(references.iter().all(|r| r.reference));
    }
}
