//! Stage 4: what each actor wants and does toward whom.
//!
//! A stance is read from a clause around a stance word of `data/stance_verbs.tsv` ("urged",
//! "talks", "wary"), without a parser, by the few shapes news sentences take:
//! - a verb reads its subject from the left, across auxiliaries, adverbs and a group noun
//!   ("US officials have privately urged"), through coordination ("Washington and Tehran resume"),
//!   a relative pronoun ("Iran, which rejected"), a pronoun ("it cannot accept": the clause's last
//!   subject; "he said": the last person named), an elided subject ("... but remains wary"), or,
//!   for reported speech, from the right ("said the ministry", "according to Iran");
//! - a passive takes its actor from "by" ("Israel was urged by Washington");
//! - an infinitive inherits the subject of the verb it completes ("Iran wants to meet"), except
//!   after an appeal, whose complement belongs to the one urged, not to the stance
//!   ("urged Israel not to launch strikes" is one stance: an appeal to Israel);
//! - a noun needs an owner: a possessive ("Washington's plea"), a modifier ("Israeli strike",
//!   "U.S.-Iran talks": both sides, "Oman-mediated"), a light verb's subject ("Tehran held talks"),
//!   "by X", or a fronted topic ("For Israel, the worry is ..."); a noun with none ("the talks",
//!   a headline's "Talks") is no stance.
//!
//! The target is the object, or an actor after the class's prepositions ("against Iran",
//! "plea to Jerusalem", "talks with Tehran", "between X and Y"). Negation and modals of the verb
//! group are flags; a negation inside the complement ("not to launch") stays there.

use std::cell::RefCell;

use crate::actors::{ActorKind, Cast, Mention};
use crate::fasthash::FastMap;
use crate::clean::BlockKind;
use crate::lexicon::{
    self, AliasKind, StanceClass, DESCRIBES_COUNTRY, DESCRIBES_GROUP, DESCRIBES_ORGANIZATION, DESCRIBES_PERSON, USE_ADJ, USE_NOUN,
    USE_VERB,
};
use crate::segment::Sentence;
use crate::text::{word_list, is_dash, Token, TokenKind, WordList};
use crate::syntax::{SentenceSyntax, Syntax, Upos};
use crate::words::{SentenceWords, Words};

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
    /// The clause that carries the stance: actor, verb and complement.
    pub evidence: (usize, usize),
    pub sentence: usize,
}

/// The lists of this stage with a memo slot, for the words layer's index of them
/// ([`crate::words`]): a word's first question answers them all at once.
pub(crate) const MEMO_LISTS: [WordList; 21] = [
    CLAUSE_WORDS, AUX, BE, MODALS, NEGATIONS, COPULAS, ADVERBS, CATENATIVES, CAUSATIVES, GO_ON, SPEECH_IF_ALONE,
    GROUP_TAIL, LIGHT_VERBS, FUNCTION_WORDS, COMMENTARY, DETERMINERS, MESSAGE_NOUNS, PRONOUNS, TIME_WORDS, TIME_NOUNS,
    TIME_DETERMINERS,
];
/// Words that end a clause: what follows them has a subject of its own.
const CLAUSE_WORDS: WordList = word_list![
    "while", "whereas", "but", "although", "though", "because", "yet", "which", "who", "that", "after", "before",
    "when", "if", "unless", "since", "as",
].memo(0);
/// Auxiliaries a verb group may hold; the "be" forms also mark a passive before a participle.
const AUX: WordList = word_list!["has", "have", "had", "do", "does", "did", "having", "will", "shall", "can", "must"].memo(1);
const BE: WordList = word_list!["is", "are", "was", "were", "be", "been", "being", "'s", "am", "get", "got", "gets"].memo(2);
/// Modals that make a stance hypothetical ("could strike").
const MODALS: WordList = word_list!["could", "would", "might", "may", "should"].memo(3);
const NEGATIONS: WordList = word_list!["not", "n't", "never", "cannot", "no"].memo(4);
/// Verbs that carry an attitude adjective ("remains wary", "seemed ready").
const COPULAS: WordList = word_list![
    "remain", "remains", "remained", "seem", "seems", "seemed", "appear", "appears", "appeared", "became", "become",
    "becomes", "stay", "stays", "stayed", "grow", "grows", "grew", "feel", "feels", "felt", "look", "looks",
].memo(5);
/// Adverbs that sit inside a verb group without "-ly".
const ADVERBS: WordList = word_list![
    "outright", "also", "still", "now", "already", "only", "just", "again", "later", "then", "once", "even", "further", "soon",
    "long", "thus", "therefore", "reportedly", "jointly", "too", "ever", "first", "yesterday", "today", "tonight",
    "often", "always", "sometimes", "usually", "earlier", "together", "openly", "publicly", "privately",
].memo(6);
/// Verbs that hand their subject to the infinitive after them ("appeared to blame", "went on to
/// say", "was able to tout", "has yet to explain"): the stance is the infinitive's, its actor the
/// subject of the whole chain.
const CATENATIVES: WordList = word_list![
    "appear", "appears", "appeared", "appearing", "seem", "seems", "seemed", "continue", "continues", "continued",
    "continuing", "try", "tries", "tried", "trying", "begin", "begins", "began", "begun", "start", "starts", "started",
    "able", "unable", "likely", "unlikely", "set", "poised", "yet", "tend", "tends", "tended", "moved", "moves",
    "rushed", "rushes", "stepped", "attempted", "attempts",
].memo(7);
/// Verbs of causing whose object does what the infinitive after it says ("forced Smith to admit").
const CAUSATIVES: WordList = word_list![
    "force", "forces", "forced", "forcing", "prompt", "prompts", "prompted", "prompting", "lead", "leads", "led",
    "leading", "cause", "causes", "caused", "causing", "compel", "compels", "compelled", "drive", "drives", "drove",
    "driven", "push", "pushes", "pushed", "persuade", "persuades", "persuaded", "convince", "convinces", "convinced",
    "get", "gets", "got", "inspire", "inspires", "inspired", "enable", "enables", "enabled",
].memo(8);
/// "went on to say", "goes on to explain": a verb of motion that, with "on", hands on its subject.
const GO_ON: WordList = word_list!["go", "goes", "went", "gone", "going"].memo(9);
/// Speech verbs that are speech only with no object after them ("she continued, ..."; "continued
/// its attacks" is no speech).
const SPEECH_IF_ALONE: WordList = word_list!["continue", "continues", "continued", "continuing"].memo(10);
/// Words that may end a subject noun phrase after the actor's name ("Israeli and U.S. military and
/// intelligence officials").
const GROUP_TAIL: WordList = word_list![
    "officials", "official", "leaders", "leader", "leadership", "government", "authorities", "forces", "troops",
    "military", "army", "navy", "police", "delegation", "delegations", "negotiators", "diplomats", "envoy",
    "envoys", "ministers", "minister", "ministry", "president", "spokesman", "spokeswoman", "spokesperson", "media",
    "sources", "intelligence", "security", "side", "team", "administration", "embassy", "lawmakers", "legislators",
    "officers", "soldiers", "warships", "jets", "rebels", "militants", "fighters", "counterparts", "interlocutors",
    "regime", "cabinet", "commanders", "commander", "chief", "defence", "defense", "foreign", "senior", "top",
    "state", "press", "agency", "planes", "aircraft", "vessels", "navies", "units", "camp", "allies", "people",
].memo(11);
/// Verbs whose object noun carries their subject's stance ("Tehran held talks", "launched strikes").
const LIGHT_VERBS: WordList = word_list![
    "hold", "holds", "held", "holding", "launch", "launches", "launched", "launching", "conduct", "conducts",
    "conducted", "carry", "carried", "carries", "stage", "staged", "stages", "make", "makes", "made", "issue",
    "issues", "issued", "begin", "began", "begins", "start", "started", "starts", "open", "opened", "opens",
    "continue", "continued", "continues", "renew", "renewed", "renews", "call", "called", "calls", "step", "stepped",
    "give", "gives", "gave", "offer", "offered", "offers", "extend", "extended", "voice", "voiced", "voices",
    "express", "expressed", "expresses", "raise", "raised", "raises", "mount", "mounted", "join", "joined", "enter",
    "entered", "pursue", "pursued", "seek", "sought", "announce", "announced", "signal", "signalled", "signaled",
    "resume", "resumed", "resumes", "establish", "established", "establishes", "restore", "restored", "sign", "signed",
    "reach", "reached", "forge", "forged", "cut", "lodge", "lodged", "file", "filed", "level", "levelled", "leveled",
].memo(12);
/// Words a noun's modifiers may be skipped over with ("a", "the", adjectives are checked apart).
const FUNCTION_WORDS: WordList = word_list![
    "the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "for", "with", "by", "from", "as", "that", "this",
    "these", "those", "its", "their", "his", "her", "our", "is", "are", "was", "were", "be", "been", "has", "have",
    "had", "will", "would", "could", "might", "may", "not", "no", "it", "they", "he", "she", "we", "which", "who",
    "than", "into", "over", "about", "against", "between", "during", "after", "before", "while", "but", "if",
    "amid", "despite", "among", "through", "across", "toward", "towards", "without", "within", "under", "via",
    "upon", "around", "near", "behind", "beyond", "since", "until", "following", "including", "ahead",
].memo(13);
/// Gerunds of commentary, not speech: after a comma they describe the clause, not its subject's words
/// ("..., underscoring the unease").
const COMMENTARY: WordList = word_list![
    "underscoring", "highlighting", "underlining", "reflecting", "signalling", "signaling", "emphasizing",
    "emphasising", "indicating", "suggesting", "showing",
].memo(14);
const DETERMINERS: WordList = word_list![
    "a", "an", "the", "its", "their", "his", "her", "our", "new", "fresh", "further", "more", "renewed", "direct",
    "indirect", "formal", "several", "two", "some", "any",
].memo(15);
/// Nouns of an authored message: a gerund after one speaks for its sender ("sent a letter urging").
const MESSAGE_NOUNS: WordList = word_list![
    "letter", "letters", "statement", "statements", "tweet", "tweets", "message", "messages", "post", "posts",
    "video", "videos", "ad", "ads", "advertisement", "paper", "papers", "report", "reports", "note", "notes",
    "email", "emails", "memo", "memos", "op-ed", "column", "speech", "speeches", "release", "complaint",
    "complaints", "lawsuit", "suit", "motion", "brief", "filing", "filings", "petition", "editorial", "essay",
].memo(16);
const PRONOUNS: WordList = word_list!["he", "she", "it", "they", "we"].memo(17);
/// Words of time that may sit between a subject and its verb ("Iran on Tuesday said").
const TIME_WORDS: WordList = word_list!["on", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].memo(18);
/// Nouns of a time phrase that may sit between a subject and its verb ("this month", "last week").
const TIME_NOUNS: WordList = word_list!["week", "month", "year", "weekend", "morning", "afternoon", "evening", "night", "spring", "summer", "fall", "autumn", "winter"].memo(19);
/// The words that open such a time phrase.
const TIME_DETERMINERS: WordList = word_list!["this", "last", "next", "that", "each", "every"].memo(20);
/// How many sentences back "he" or "she" may reach for the person it stands for.
const PERSON_REACH: usize = 14;
/// How many sentences back "it" or "they" may reach for an organisation, group or country.
const IT_REACH: usize = 2;
/// How many sentences back a description ("the company") may reach for its actor.
const DESCRIPTION_REACH: usize = 5;
/// How many modifiers may stand between "the" and a description's noun ("the former Republican nominee").
const DESCRIPTION_MODIFIERS: usize = 3;

/// How the actor of a stance was found, which sets its confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Via {
    Subject,
    Coordinated,
    Inverted,
    Passive,
    Elided,
    Pronoun,
    Infinitive,
    Owner,
    Topic,
}

impl Via {
    /// A clear subject beats an owner of a noun, which beats a resolved pronoun.
    fn confidence(self) -> f32 {
        match self {
            Via::Subject | Via::Passive => 0.9,
            Via::Coordinated | Via::Inverted => 0.85,
            Via::Owner => 0.75,
            Via::Elided | Via::Infinitive => 0.7,
            Via::Pronoun | Via::Topic => 0.6,
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
pub(crate) fn find_stances(text: &str, sentences: &[Sentence], words: &Words, syntax: &Syntax, cast: &Cast) -> (Vec<StanceEntry>, Vec<Mention>) {
    let mut out = Vec::new();
    let mut references = Vec::new();
    let demonyms = Demonyms::default();
    for (index, sentence) in sentences.iter().enumerate() {
        if sentence.kind.is_clutter() {
            continue;
        }
        let sentence_words = words.sentence(index);
        if sentence_words.tokens.is_empty() {
            continue;
        }
        let mentions = cast.mentions_in(index);
        let title_case =
            matches!(sentence.kind, BlockKind::Title | BlockKind::Heading) || looks_title_cased(text, sentence_words.tokens);
        let mut reader = Reader::new(text, sentence_words, syntax.sentence(index), mentions, cast, index, title_case, &demonyms);
        reader.earlier = earlier_subject(&out, cast, index);
        reader.after_thing = index.checked_sub(1).is_some_and(|p| opens_with_thing(text, words.sentence(p), cast.mentions_in(p)));
        reader.read();
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
    if !matches!(words.folded(0), "the" | "this" | "that" | "such" | "its" | "their") {
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
    /// Pronouns and descriptions read as the actor of a stance, in text order.
    references: Vec<Mention>,
    demonyms: &'a Demonyms<'a>,
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
    ) -> Self {
        let tokens = words.tokens;
        let at = tokens
            .iter()
            .map(|t| mentions.iter().position(|m| m.start <= t.start && t.end <= m.end))
            .collect();
        Reader { text, tokens, words, syntax, mentions, at, cast, sentence, title_case, subjects: Vec::new(), earlier: None, after_thing: false, out: Vec::new(), references: Vec::new(), demonyms }
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

    /// Speech marked by punctuation instead of a verb: a speaker's label opening a line
    /// ("Smith: We will win", a transcript's "SMITH: ...") and a quotation signed with a dash
    /// ("“We will win.” ― Jane Smith"). The label or dash is the cue.
    fn read_speaker_tags(&mut self) {
        let group = VerbGroup::default();
        // A person or organisation right at the start, then a colon and the words said.
        let first = usize::from(self.word(0).chars().next().is_some_and(crate::text::is_opening));
        if let Some(m) = self.at.get(first).copied().flatten() {
            let mention = self.mentions[m];
            let colon = self.tokens.iter().position(|t| t.start >= mention.end);
            let speaker = self.cast.actors.get(mention.actor).is_some_and(|a| matches!(a.kind, ActorKind::Person | ActorKind::Organization));
            if let Some(c) = colon.filter(|&c| self.word(c) == ":" && c + 1 < self.tokens.len() && speaker) {
                let end = self.evidence_end(c, StanceClass::Statement, None);
                self.emit(mention.actor, Via::Subject, StanceClass::Statement, (c, c), None, group, mention.start, end);
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
            self.emit(actor, Via::Inverted, StanceClass::Statement, (dash, dash_end), None, group, self.tokens[dash].start, end);
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
        let phrase = self.word(i).to_string();
        // "according to X": the source follows.
        if phrase == "according" {
            if let Some(m) = self.mention_after(last + 1, 6) {
                let mention = self.mentions[m];
                let end = self.evidence_end(last, class, None).max(mention.end);
                self.emit(mention.actor, Via::Inverted, class, (i, last), None, group, self.tokens[i].start, end);
            }
            return;
        }
        if uses & (USE_VERB | USE_ADJ) != 0 && self.tagged_as(i, last, uses & (USE_VERB | USE_ADJ)) {
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

    /// Whether the tagger read some word of the stance cue at tokens `i..=last` as the part of
    /// speech of `uses`: "a Pentagon think tank" has no verb "think", "his killing" no verb
    /// "killing" ("they are killing" has), "the striking image" no verb "striking". In a
    /// title-cased line every word looks like a name to the tagger, so the lexicon decides
    /// there alone, as it does when no parse is at hand.
    fn tagged_as(&self, i: usize, last: usize, uses: u8) -> bool {
        if self.title_case {
            return true;
        }
        let mut tags = (i..=last).filter_map(|t| self.syntax.upos_of_token(t)).peekable();
        if tags.peek().is_none() {
            return true;
        }
        tags.any(|u| match u {
            Upos::Verb => uses & (USE_VERB | USE_ADJ) != 0,
            Upos::Adj => uses & USE_ADJ != 0,
            Upos::Noun | Upos::Propn => uses & USE_NOUN != 0,
            _ => false,
        })
    }

    /// Reads a stance word as a verb (or an adjective after a copula). `Some(true)` when it
    /// found the stance or showed there is none (a passive without agent, an appeal's complement).
    fn read_verbal(&mut self, i: usize, last: usize, class: StanceClass, uses: u8, group: VerbGroup) -> Option<bool> {
        let is_adj = uses & USE_ADJ != 0 && uses & USE_VERB == 0;
        if class == StanceClass::Statement && self.is(last, LIGHT_VERBS) && matches!(self.word(last + 1), "a" | "an") {
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
            group = VerbGroup { start: outer.start, negated: group.negated || outer.negated, modal: group.modal || outer.modal, future: outer.future, ..group };
            before_group = outer.start.checked_sub(1);
            head = chain;
        }
        // A passive: "X was urged by Y".
        if group.be && !group.copula && uses & USE_VERB != 0 && is_participle(self.word(last)) && uses & USE_ADJ == 0 {
            if self.word(last + 1) == "by" {
                if let Some(m) = self.mention_after(last + 2, 2) {
                    let agent = self.mentions[m].actor;
                    let patient = before_group.and_then(|p| self.subject_at(p, class, i)).and_then(|s| s.actors.first().copied());
                    let start = self.tokens[group.start].start;
                    self.emit(agent, Via::Passive, class, (i, last), patient.filter(|&p| p != agent), group, start, self.mentions[m].end);
                }
            }
            return Some(true);
        }
        let subject = match before_group {
            Some(p) => self.subject_at(p, class, head),
            None => self.fronted_participle_subject(head, last),
        };
        let subject = match subject {
            Some(s) => s,
            None if class == StanceClass::Statement && uses & USE_VERB != 0 => {
                // Reported speech with the speaker after the verb: "..., said the ministry".
                let quoted = before_group.is_some_and(|p| matches!(self.word(p), "," | "\"" | "”" | "’" | "'"));
                if self.word(last).ends_with("ing") {
                    return None; // "..., underscoring Jerusalem's unease" is no speaker after its verb
                }
                let speaker = self
                    .mention_after(last + 1, 5)
                    .map(|m| Subject { actors: vec![self.mentions[m].actor], start: self.tokens[i].start, via: Via::Inverted, reference: None })
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
        }
        Some(true)
    }

    /// Keeps the pronoun or description a stance's actor was read from as a mention of that actor
    /// (once: "he said ..., adding" reads one "he").
    fn note_reference(&mut self, subject: &Subject) {
        let (Some((start, end)), Some(&actor)) = (subject.reference, subject.actors.first()) else { return };
        if self.references.last().is_some_and(|r| r.start == start) {
            return;
        }
        self.references.push(Mention { start, end, sentence: self.sentence, actor, reference: true });
    }

    /// A speaker pronoun right after a speech verb ("..., said he"), resolved; the subject starts at the verb `i`.
    fn pronoun_after(&self, j: usize, i: usize) -> Option<Subject> {
        let w = self.word(j);
        let pronoun = self.tokens.get(j).filter(|_| matches!(w, "he" | "she" | "it" | "they"))?;
        let actor = self.resolve_pronoun(j, w)?;
        Some(Subject { actors: vec![actor], start: self.tokens[i].start, via: Via::Pronoun, reference: Some((pronoun.start, pronoun.end)) })
    }

    /// "Bemoaning the system, Trump accused ...": a participle opening the sentence takes the subject
    /// right after its phrase's comma.
    fn fronted_participle_subject(&self, i: usize, last: usize) -> Option<Subject> {
        let opens = i == 0 || (i == 1 && matches!(self.word(0), "in" | "after" | "while" | "by" | "when" | "before"));
        if !opens || !self.word(last).ends_with("ing") {
            return None;
        }
        let comma = (last + 1..(last + 25).min(self.tokens.len())).find(|&k| self.word(k) == ",")?;
        // Past closing quotes and an article: `Bemoaning the "phony system," Trump accused`.
        let mut k = comma + 1;
        while k < self.tokens.len() && (matches!(self.word(k), "the" | "a" | "an") || self.tokens[k].kind == TokenKind::Punct) && k < comma + 3 {
            k += 1;
        }
        let m = self.at.get(k).copied().flatten()?;
        Some(Subject { actors: vec![self.mentions[m].actor], start: self.tokens[i].start, via: Via::Elided, reference: None })
    }

    /// Whether the clause starting at byte `start` is the "that" complement of a stance word of one
    /// of `classes` ("fearing that ...", "its demand today that ...").
    fn complement_of(&self, start: usize, classes: &[StanceClass]) -> bool {
        let Some(first) = self.tokens.iter().position(|t| t.start >= start) else { return false };
        first >= 2
            && self.word(first - 1) == "that"
            && (first.saturating_sub(4)..first - 1).any(|k| self.words.stance(k).is_some_and(|(c, _)| classes.contains(&c)))
    }

    /// Whether a word that may be a verb or a noun reads as the verb after this subject.
    fn reads_as_verb(&self, i: usize, last: usize, subject: &Subject, group: VerbGroup) -> bool {
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

    /// "X said (that) Y must ...": the speaker demands something of Y.
    fn complement_demand(&mut self, last: usize, subject: &Subject, group: VerbGroup) {
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
        let modal_at = |k: usize| {
            matches!(self.word(k), "must" | "should")
                || (matches!(self.word(k), "has" | "have" | "needs" | "need") && self.word(k + 1) == "to")
        };
        let Some(k) = (after..(after + 7).min(self.tokens.len())).take_while(|&k| !self.is_break(k) || self.word(k) == "and").find(|&k| modal_at(k))
        else {
            return;
        };
        if subject.actors.contains(&mention.actor) {
            return;
        }
        let end = self.evidence_end(k, StanceClass::Demand, Some(mention.actor));
        for &actor in &subject.actors {
            let start = subject.start.min(self.tokens[last].start);
            self.emit(actor, Via::Elided, StanceClass::Demand, (k, k), Some(mention.actor), VerbGroup { negated: false, modal: false, ..group }, start, end);
        }
    }

    /// A verb after "to": its subject is the one of the stance it completes ("wants to meet").
    fn read_infinitive(&mut self, to: usize, i: usize, last: usize, class: StanceClass, group: VerbGroup) -> bool {
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
        let Some((_, actors, parent_class, parent_negated)) = self.subjects.iter().rev().find(|(v, ..)| *v == parent).cloned()
        else {
            return true;
        };
        if matches!(parent_class, StanceClass::Appeal | StanceClass::Demand | StanceClass::Statement) {
            return true; // "urged Israel not to launch": the complement is the appeal's content
        }
        let target = self.target_after(last, class, &actors);
        let group = VerbGroup {
            negated: group.negated || parent_negated || parent_class == StanceClass::Reject,
            modal: true,
            ..group
        };
        for actor in actors {
            let start = self.tokens[to].start;
            let end = self.evidence_end(last, class, target);
            self.emit(actor, Via::Infinitive, class, (i, last), target, group, start, end);
        }
        true
    }

    /// The actor named right before an infinitive's "to" (its last token `parent`) when it is the
    /// infinitive's own subject: the object of a verb of causing ("forced Smith to admit", "led
    /// the envoy Jane Doe to fear") or after "for" ("hard for Smith to attack"); not after an
    /// appeal, whose complement is the appeal's content ("urged Israel not to launch").
    fn caused_subject(&self, parent: usize) -> Option<usize> {
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

    /// The first token of a catenative chain ending right before the "to" at `to` ("appeared",
    /// "went on", "appears set", "was able"), adverbs allowed in between; none if the verb before
    /// "to" hands nothing on.
    fn catenative_before(&self, to: usize) -> Option<usize> {
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
        if c > 0 && matches!(self.word(c), "set" | "likely" | "unlikely" | "able" | "unable" | "poised") && self.is(c - 1, CATENATIVES) {
            c -= 1;
        }
        Some(c)
    }

    /// Reads a stance noun: it needs an owner.
    fn read_nominal(&mut self, i: usize, last: usize, class: StanceClass) {
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
        if let Some(p) = owner_end {
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
                        let subject = Subject { actors: vec![actor], start: pronoun.start, via: Via::Pronoun, reference: Some((pronoun.start, pronoun.end)) };
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
                    self.emit(actor, Via::Owner, class, (i, last), target, group, self.mentions[m].start, end);
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
                        self.emit(a, Via::Owner, class, (i, last), Some(b), group, start, end);
                        self.emit(b, Via::Owner, class, (i, last), Some(a), group, start, end);
                    } else {
                        self.emit(a, Via::Owner, class, (i, last), Some(b), group, start, end);
                    }
                    return;
                }
                // "the Oman talks": a lone name before talks is where they happen, not who holds them.
                let venue = class == StanceClass::Negotiate && !self.is_demonym(mention);
                if !venue {
                    let actor = mention.actor;
                    let target = self.noun_target(last, class, &[actor]);
                    let end = self.evidence_end(last, class, target);
                    self.emit(actor, Via::Owner, class, (i, last), target, group, mention.start, end);
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
                        .find(|(v, _, c, _)| Some(*v) == parent && !matches!(c, StanceClass::Appeal | StanceClass::Demand | StanceClass::Statement))
                        .map(|(_, actors, _, _)| Subject { actors: actors.clone(), start: self.tokens[q].start, via: Via::Infinitive, reference: None })
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
                self.emit(actor, Via::Owner, class, (i, last), None, group, self.tokens[i].start, end);
                return;
            }
        }
        // "talks between Washington and Tehran": each side toward the other.
        if let Some((a, b)) = self.between_after(last) {
            if matches!(class, StanceClass::Negotiate | StanceClass::Cooperate | StanceClass::UseForce) {
                let end = self.evidence_end(last, class, Some(b));
                let start = self.tokens[i].start;
                self.emit(a, Via::Owner, class, (i, last), Some(b), group, start, end);
                self.emit(b, Via::Owner, class, (i, last), Some(a), group, start, end);
                return;
            }
        }
        // "For Israel, the core worry is ...": a fronted topic owns the clause's attitude nouns.
        if matches!(class, StanceClass::Concern | StanceClass::Intend | StanceClass::Appeal | StanceClass::Demand)
            && self.word(0) == "for"
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

    /// The verb group ending before token `i`.
    fn verb_group(&self, i: usize, adjective: bool) -> VerbGroup {
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
                g.future |= matches!(w, "will" | "shall");
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
    fn is_head_noun(&self, k: usize) -> bool {
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
    fn is_adverb(&self, p: usize) -> bool {
        let w = self.word(p);
        self.tokens[p].kind == TokenKind::Word
            && self.at[p].is_none()
            && (self.is(p, ADVERBS) || (w.len() > 4 && w.ends_with("ly") && !matches!(w, "italy" | "rally" | "ally" | "supply" | "apply" | "reply")))
    }

    /// The subject whose last token is `p` (left of a verb group), for the verb at `verb`.
    /// When token `k` closes an apposition set off by spaced dashes ("X -- co-editor of ... --"),
    /// the last token of the name before it (which must be an actor's mention).
    fn before_dashed_apposition(&self, k: usize) -> Option<usize> {
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
    fn is_spaced_dash(&self, k: usize) -> bool {
        let Some(t) = self.tokens.get(k) else { return false };
        let spaced = |at: Option<char>| at.is_none_or(char::is_whitespace);
        is_dash_token(self.text, *t)
            && (spaced(self.text[..t.start].chars().next_back()) || spaced(self.text[t.end..].chars().next()))
    }

    fn subject_at(&self, p: usize, class: StanceClass, verb: usize) -> Option<Subject> {
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
            if !tail && k > 0 && self.tokens[k].kind == TokenKind::Number && matches!(self.word(k - 1), "in" | "since" | "by") {
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
            let in_phrase = first > 0 && matches!(self.word(first - 1), "in" | "at" | "from" | "with" | "to" | "on" | "for");
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
        if matches!(w.as_str(), "who" | "which" | "that") {
            let mut r = k;
            while r > 0 && matches!(self.word(r - 1), "," | "—" | "–") {
                r -= 1;
            }
            let x = r.checked_sub(1)?;
            let named = self.at[x].map(|m| Subject { actors: vec![self.mentions[m].actor], start: self.mentions[m].start, via: Via::Subject, reference: None });
            // "Washington and Tehran, who ...", "the Saudi government, which ...": the noun phrase
            // before the relative pronoun read as a subject (coordination, group nouns), once.
            if w != "that" && r < k && self.word(x) != "," {
                let phrase = self.subject_at(x, class, x + 1).filter(|s| matches!(s.via, Via::Subject | Via::Coordinated));
                return phrase.or(named);
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
        if self.word(verb).ends_with("ing") && matches!(w.as_str(), "by" | "while" | "after" | "before" | "without" | "when" | "in" | "despite" | "upon" | "through") {
            if let Some((_, actors, _, _)) = self.subjects.last() {
                return Some(Subject { actors: actors.clone(), start: self.tokens[k].start, via: Via::Elided, reference: None });
            }
            let opener = self.sentence_opener().map(|m| self.mentions[m].actor).or_else(|| {
                self.is(0, PRONOUNS).then(|| self.resolve_pronoun(0, self.word(0))).flatten()
            });
            return opener.map(|a| Subject { actors: vec![a], start: self.tokens[k].start, via: Via::Elided, reference: None });
        }
        // `..., he said," adding`: a comma inside the closing quotation.
        let comma = w == "," || (matches!(w.as_str(), "\"" | "”" | "’" | "''") && k > 0 && self.word(k - 1) == ",");
        if matches!(w.as_str(), "and" | "but" | "yet" | "then") || (comma && gerund) {
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
            return opener.map(|m| Subject { actors: vec![self.mentions[m].actor], start: self.mentions[m].start, via: Via::Elided, reference: None });
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
            let opener = self.sentence_opener().filter(|&m| self.tokens.iter().position(|t| t.start >= self.mentions[m].end).is_some_and(unbroken));
            return opener.map(|m| Subject { actors: vec![self.mentions[m].actor], start: self.mentions[m].start, via: Via::Elided, reference: None });
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
                            return Some(Subject { actors: vec![self.mentions[m].actor], start: self.mentions[m].start, via: Via::Subject, reference: None });
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
    fn sentence_opener(&self) -> Option<usize> {
        let first = (0..3.min(self.tokens.len())).find(|&x| self.at[x].is_some())?;
        let lead = |y: usize| {
            matches!(self.word(y), "the" | "a" | "an" | ".")
                || (self.tokens[y].is_capitalized(self.text) && !self.is(y, FUNCTION_WORDS) && !self.is(y, CLAUSE_WORDS) && !self.is(y, PRONOUNS))
        };
        (0..first).all(lead).then(|| self.at[first]).flatten()
    }

    /// The mention ending right before token `k`, past a parenthesis after it ("Rep. Jim Jordan
    /// (R-Ohio), a member of the panel, said").
    fn mention_ending_before(&self, k: usize) -> Option<usize> {
        let x = k.checked_sub(1)?;
        if self.word(x) == ")" {
            let open = (x.saturating_sub(8)..x).rev().find(|&o| self.word(o) == "(")?;
            return open.checked_sub(1).and_then(|y| self.at[y]);
        }
        self.at[x]
    }

    /// The actor a pronoun at token `k` stands for: "he"/"she" the last person named (this or the
    /// `PERSON_REACH` sentences before); "it"/"they" the last subject of this sentence, else the subject of
    /// the sentence before that opens with it, else the last organisation, group or country named
    /// in this or the `IT_REACH` sentences before.
    fn resolve_pronoun(&self, k: usize, w: &str) -> Option<usize> {
        let pos = self.tokens[k].start;
        match w {
            "he" | "she" => self.antecedent(pos, PERSON_REACH, DESCRIBES_PERSON),
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
    /// stands for an actor named shortly before (`data/descriptions.tsv`), and that actor.
    fn description_at(&self, noun: usize) -> Option<Subject> {
        let kinds = lexicon::description(self.word(noun)).filter(|_| self.at[noun].is_none())?;
        // "the" within a few modifiers before the noun ("the former", "the GOP", "the 34-year-old").
        let mut k = noun;
        let the = loop {
            k = k.checked_sub(1).filter(|&d| noun - d <= DESCRIPTION_MODIFIERS + 1)?;
            let t = self.tokens[k];
            if self.word(k) == "the" {
                break k;
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
        let actor = self.antecedent(start, DESCRIPTION_REACH, kinds)?;
        Some(Subject { actors: vec![actor], start, via: Via::Pronoun, reference: Some((start, end)) })
    }

    /// "..., said the company": a description right after a speech verb (from token `j`) that
    /// ends its clause; the subject starts at the verb `i`.
    fn description_after(&self, j: usize, i: usize) -> Option<Subject> {
        if self.word(j) != "the" {
            return None;
        }
        let noun = (j + 1..(j + 2 + DESCRIPTION_MODIFIERS).min(self.tokens.len())).find(|&n| lexicon::description(self.word(n)).is_some())?;
        let next = self.tokens.get(noun + 1);
        let ends = next.is_none_or(|t| t.kind != TokenKind::Word || self.is(noun + 1, FUNCTION_WORDS) || self.is_adverb(noun + 1));
        let found = self.description_at(noun).filter(|_| ends)?;
        Some(Subject { start: self.tokens[i].start, ..found })
    }

    /// The last token at or before `p` that is no word of time ("the company on Tuesday").
    fn before_time_words(&self, p: usize) -> usize {
        let mut q = p;
        while q > 0 && self.is(q, TIME_WORDS) {
            q -= 1;
        }
        q
    }

    /// The actor last named before byte `pos`, within `reach` sentences, whose kind is one of `kinds`
    /// (bits of `lexicon::DESCRIBES_*`): what a pronoun or description stands for.
    fn antecedent(&self, pos: usize, reach: usize, kinds: u8) -> Option<usize> {
        let upto = self.cast.mentions.partition_point(|m| m.start < pos);
        self.cast.mentions[..upto]
            .iter()
            .rev()
            .take_while(|m| m.sentence + reach >= self.sentence)
            .find(|m| self.cast.actors.get(m.actor).is_some_and(|a| describes(kinds, a.kind)))
            .map(|m| m.actor)
    }

    /// The target of a verb ending at token `last`: its object, or an actor after the class's prepositions.
    fn target_after(&self, last: usize, class: StanceClass, actors: &[usize]) -> Option<usize> {
        let ok = |m: usize| {
            let a = self.mentions[m].actor;
            !actors.contains(&a) && !actors.iter().any(|&s| self.affiliated(s, a))
        };
        // The object, right after the verb ("urged Israel", "told Chinese media").
        let mut j = last + 1;
        let skippable = |j: usize| {
            matches!(self.word(j), "the" | "a" | "an")
                || (class != StanceClass::Statement
                    && (self.is_adverb(j) || (self.tokens[j].is_capitalized(self.text) && self.at[j].is_none())))
        };
        while j < self.tokens.len() && j <= last + 4 && skippable(j) {
            j += 1;
        }
        if let Some(m) = self.at.get(j).copied().flatten() {
            if class == StanceClass::Statement {
                return (j == last + 1 && ok(m)).then(|| self.mentions[m].actor);
            }
            if ok(m) {
                return Some(self.mentions[m].actor);
            }
        }
        if class == StanceClass::Statement {
            return None;
        }
        if let Some((a, b)) = self.between_after(last) {
            return [a, b].into_iter().find(|x| !actors.contains(x));
        }
        let preps = prepositions(class);
        let open = !matches!(class, StanceClass::Negotiate | StanceClass::Statement);
        let mut j = last + 1;
        while j < self.tokens.len() && j <= last + 18 {
            let crosses = match self.word(j) {
                "that" => matches!(class, StanceClass::Concern | StanceClass::Appeal | StanceClass::Demand),
                "if" | "unless" => class == StanceClass::Threaten,
                _ => false,
            };
            if self.is_break(j) && !crosses {
                break;
            }
            if let Some(m) = self.at[j] {
                let after_prep = (1..=3).any(|d| j >= d && preps.contains(&self.word(j - d)) && (j - d) > last);
                if ok(m) && (open || after_prep) {
                    return Some(self.mentions[m].actor);
                }
            }
            j += 1;
        }
        None
    }

    /// The target of a stance noun: an actor after its prepositions ("plea to Jerusalem").
    fn noun_target(&self, last: usize, class: StanceClass, actors: &[usize]) -> Option<usize> {
        let preps = prepositions(class);
        if let Some((a, b)) = self.between_after(last) {
            return [a, b].into_iter().find(|x| !actors.contains(x));
        }
        // "plea to Jerusalem", "suspension of air links with Serbia": a preposition of the class within a few words.
        for p in last + 1..(last + 5).min(self.tokens.len()) {
            if self.is_break(p) && self.word(p) != "that" {
                return None;
            }
            let that = self.word(p) == "that" && matches!(class, StanceClass::Appeal | StanceClass::Demand);
            if self.is(p, preps) || that {
                return self.mention_after(p + 1, 3).map(|m| self.mentions[m].actor).filter(|a| !actors.contains(a));
            }
        }
        None
    }

    /// "between X and Y" right after token `last`.
    fn between_after(&self, last: usize) -> Option<(usize, usize)> {
        let b = (last + 1..(last + 3).min(self.tokens.len())).find(|&j| self.word(j) == "between")?;
        let first = self.mention_after(b + 1, 2)?;
        let m1 = self.mentions[first];
        let after = self.tokens.iter().position(|t| t.start >= m1.end)?;
        if self.word(after) != "and" {
            return None;
        }
        let second = self.mention_after(after + 1, 2)?;
        let a = m1.actor;
        let b = self.mentions[second].actor;
        (a != b).then_some((a, b))
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
        let cond = from > 0 && matches!(self.word(from - 1), "if" | "unless");
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
            StanceClass::Statement | StanceClass::Concern | StanceClass::Appeal | StanceClass::Demand | StanceClass::Intend | StanceClass::Reject | StanceClass::Threaten
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

    /// Records a stance unless it repeats one of the sentence; turns "cannot accept" into a refusal.
    #[allow(clippy::too_many_arguments)]
    fn emit(&mut self, actor: usize, via: Via, class: StanceClass, verb: (usize, usize), target: Option<usize>, group: VerbGroup, start: usize, end: usize) {
        if target == Some(actor) {
            return;
        }
        let (Some(first), Some(last)) = (self.tokens.get(verb.0), self.tokens.get(verb.1)) else { return };
        let mut class = class;
        let mut negated = group.negated;
        // "cannot accept", "did not agree": a refusal.
        if negated && class == StanceClass::Cooperate && matches!(self.words.folded(verb.0).get(..5), Some("accep" | "agree")) {
            class = StanceClass::Reject;
            negated = false;
        }
        let mut confidence = via.confidence();
        if self.cast.actors.get(actor).is_some_and(|a| a.confidence < 0.6) {
            confidence *= 0.8;
        }
        let entry = StanceEntry {
            actor,
            class,
            verb: (first.start, last.end),
            target,
            negated,
            hypothetical: group.modal,
            confidence,
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

/// The prepositions that introduce the target of a class ("against Iran", "with Tehran").
fn prepositions(class: StanceClass) -> WordList {
    match class {
        StanceClass::Appeal | StanceClass::Demand => word_list!["to", "on", "upon", "from", "for"],
        StanceClass::UseForce => word_list!["on", "against", "at", "of", "into", "in"],
        StanceClass::Threaten => word_list!["against", "to", "on", "at"],
        StanceClass::Negotiate => word_list!["with", "between"],
        StanceClass::Cooperate => word_list!["with", "to", "for", "of"],
        StanceClass::Criticize => word_list!["of", "for", "against", "over"],
        StanceClass::Concern => word_list!["about", "over", "of", "toward", "towards", "to", "that", "with"],
        StanceClass::Reject => word_list!["from", "to", "on", "against", "with"],
        StanceClass::Intend => word_list!["with", "to", "against"],
        StanceClass::Statement => word_list![],
    }
}

/// Whether an actor of `kind` fits a description of `kinds` (bits of `lexicon::DESCRIBES_*`).
fn describes(kinds: u8, kind: ActorKind) -> bool {
    let bit = match kind {
        ActorKind::Person => DESCRIBES_PERSON,
        ActorKind::Organization => DESCRIBES_ORGANIZATION,
        ActorKind::Group => DESCRIBES_GROUP,
        ActorKind::Country => DESCRIBES_COUNTRY,
        ActorKind::Place => 0,
    };
    kinds & bit != 0
}

/// Whether a verb form reads as a past participle (for the passive).
fn is_participle(w: &str) -> bool {
    w.ends_with("ed")
        || matches!(
            w,
            "told" | "sought" | "met" | "struck" | "hit" | "shot" | "fought" | "lent" | "written" | "spoken" | "withdrawn"
                | "forgiven" | "said" | "thought" | "felt" | "knew" | "wrote" | "spoke" | "withdrew" | "forgave" | "gave"
        )
}

/// A hyphen or dash token, which joins compounds ("U.S.-Iran", "Oman-mediated").
fn is_dash_token(text: &str, t: Token) -> bool {
    t.kind == TokenKind::Punct && t.text(text).chars().all(is_dash)
}

/// Relations between pairs of actors: the stances between them and the tone they add up to.
pub(crate) fn relations(stances: &[StanceEntry]) -> Vec<((usize, usize), Vec<usize>, &'static str)> {
    let mut pairs: Vec<((usize, usize), Vec<usize>)> = Vec::new();
    for (k, s) in stances.iter().enumerate() {
        let Some(t) = s.target else { continue };
        let key = (s.actor.min(t), s.actor.max(t));
        match pairs.iter_mut().find(|(p, _)| *p == key) {
            Some((_, list)) => list.push(k),
            None => pairs.push((key, vec![k])),
        }
    }
    pairs
        .into_iter()
        .map(|(key, list)| {
            // A negated or hypothetical stance says little about how the pair stands now.
            let firm = |k: &usize| !stances[*k].negated && !stances[*k].hypothetical;
            let friendly = list.iter().filter(|k| firm(k)).any(|&k| stances[k].class.tone() > 0);
            let hostile = list.iter().filter(|k| firm(k)).any(|&k| stances[k].class.tone() < 0);
            let tone = match (friendly, hostile) {
                (true, true) => "mixed",
                (true, false) => "cooperative",
                (false, true) => "hostile",
                (false, false) => "neutral",
            };
            (key, list, tone)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{actors::find_actors, clean::clean, segment::segment};

    #[test]
    fn memo_slots_are_one_per_list() {
        let lists = [
            CLAUSE_WORDS, AUX, BE, MODALS, NEGATIONS, COPULAS, ADVERBS, CATENATIVES, CAUSATIVES, GO_ON, SPEECH_IF_ALONE,
            GROUP_TAIL, LIGHT_VERBS, FUNCTION_WORDS, COMMENTARY, DETERMINERS, MESSAGE_NOUNS, PRONOUNS, TIME_WORDS,
            TIME_NOUNS, TIME_DETERMINERS,
        ];
        let mut slots: Vec<u8> = lists.iter().filter_map(WordList::slot).collect();
        slots.sort_unstable();
        slots.dedup();
        assert_eq!(slots.len(), lists.len());
    }

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

    #[test]
    fn clause_shapes() {
        let cases: &[(&str, &[&str])] = &[
            // subject, object; the complement's negation is not the appeal's
            ("The United States has urged Israel not to strike Iran.", &["united-states appeal israel"]),
            // coordination: each side toward the other
            ("Washington and Tehran resumed talks on Friday.", &["united-states negotiate iran", "iran negotiate united-states"]),
            // compounds name both sides; a lone place before "talks" is a venue
            ("Officials expect U.S.-Iran talks to resume.", &["united-states negotiate iran", "iran negotiate united-states"]),
            ("The Oman talks will resume soon.", &[]),
            // clause breaks keep subjects apart
            ("Washington wants a broader agenda, while Iran insists on nuclear issues.", &["united-states intend -", "iran demand -"]),
            // passive with agent
            ("Israel was urged by Washington to wait.", &["united-states appeal israel"]),
            // pronoun and elided subjects, and a refusal
            ("Iran wants calm, yet it cannot accept Washington's terms.", &["iran intend -", "iran reject united-states"]),
            ("Tehran confirmed the date but remains wary.", &["iran statement -", "iran concern -"]),
            // nouns need an owner
            ("Washington's plea to Jerusalem has logic.", &["united-states appeal israel"]),
            ("An Israeli raid on Iranian targets followed.", &["israel use_force iran"]),
            ("The talks were suspended.", &[]),
            // reported speech, both orders
            ("The deal is off, Israeli officials said.", &["israel statement -"]),
            ("The deal is off, said Iran.", &["iran statement -"]),
            ("The deal is off, according to Iran.", &["iran statement -"]),
            // a light verb's subject owns the noun
            ("Iran held talks with Oman in May.", &["iran negotiate oman"]),
            // a sentence-opening "It" after a thing named as the subject stands for that thing
            ("The Iranian offer to Oman is a tactical move. It stresses a long view.", &["iran intend oman"]),
            ("Iran spoke to Oman. It stressed a long view.", &["iran statement -", "iran statement -"]),
            // an apposition between dashes parts the name from its verb
            ("Iran -- long wary of any deal with the West -- said the talks would go on.", &["iran statement -"]),
            // an infinitive after an intention inherits its subject
            ("Syria offered to meet Turkey.", &["syria intend turkey", "syria negotiate turkey"]),
            // "X said Y must ...": a demand on Y; an announced hostile act is also a threat
            ("Russia said on Tuesday that Sudan must return the aircraft.", &["russia statement -", "russia demand sudan"]),
            ("Syria said it would boycott Turkey.", &["syria statement -", "syria reject turkey", "syria threaten turkey"]),
            // a possessive pronoun owns a noun for the clause's subject
            ("Iran reiterated its demand that Israel withdraw.", &["iran statement -", "iran demand israel"]),
            // a name between commas, a fronted participle
            ("A spokesman for the alliance, Jens Stoltenberg, said the talks failed.", &["jens-stoltenberg statement -"]),
            ("Criticizing the plan, Germany urged France to wait.", &["germany criticize -", "germany appeal france"]),
            // a feared possibility is the fear's content
            ("Iran fears that Israel might strike soon.", &["iran concern israel"]),
            // a catenative chain hands its subject to the infinitive
            ("Germany appeared to blame France.", &["germany criticize france"]),
            ("Germany went on to urge France to wait.", &["germany appeal france"]),
            // "continued" is speech only with nothing after it
            ("Germany continued its attacks on France.", &["germany use_force france"]),
            // a relative pronoun after coordinated subjects, past a year
            ("France and Germany, which in 2010 rejected the plan, met.", &["france reject -", "germany reject -"]),
        ];
        for (text, want) in cases {
            assert_eq!(stances_of(text), *want, "{text}");
        }
    }

    #[test]
    fn pronouns_descriptions_and_speaker_tags() {
        let cases: &[(&str, &[&str])] = &[
            // "he"/"she" after the verb too; "it" and a description read as the last fitting actor named
            ("Senator Jane Walker toured Ohio. \"We will win,\" said she.", &["jane-walker statement -"]),
            ("Acme Corporation cut jobs. The company said it would hire again.", &["acme-corporation statement -"]),
            ("Acme Corporation cut jobs. It said the plant would close.", &["acme-corporation statement -"]),
            // a possessive pronoun before those who speak for the actor
            ("Senator Jane Walker toured Ohio. Her campaign later disclosed the costs.", &["jane-walker statement -"]),
            // a time phrase between subject and verb
            ("Acme Corporation just this month announced that it would sell.", &["acme-corporation statement -"]),
            // a speaker's label and a signed quotation
            ("Jane Walker: We will win the state.", &["jane-walker statement -"]),
            ("\"We will win.\" ― Jane Walker", &["jane-walker statement -"]),
            // a description with no fitting actor before it is no one
            ("The company said it would hire again.", &[]),
            // a gerund after a comma inside the closing quotation: "said" and "adding", each its own cue
            ("Acme Corporation said: \"Sales rose,\" adding that it would hire.", &["acme-corporation statement -", "acme-corporation statement -"]),
            // a name past a parenthesis and an apposition
            ("\"We will win,\" Sen. Jane Walker (D-Ohio), a member of the panel, said.", &["jane-walker statement -"]),
        ];
        for (text, want) in cases {
            assert_eq!(stances_of(text), *want, "{text}");
        }
    }


    #[test]
    fn owners_senders_and_caused_subjects() {
        let cases: &[(&str, &[&str])] = &[
            // "his"/"her" own a stance noun for the person the pronoun stands for
            ("Jane Walker toured Ohio. Her criticism of the plan grew.", &["jane-walker criticize -"]),
            // a gerund after a message noun speaks for the sender, the clause's subject
            ("Jane Walker sent a letter urging Acme Corporation to hire.", &["jane-walker appeal acme-corporation"]),
            ("Jane Walker posted tweets early Friday saying the plan failed.", &["jane-walker statement -", "jane-walker statement -"]),
            // a name after an honorific opens the sentence for an elided verb
            ("Mr. Tom Baxter is tired and expects the talks to fail.", &["tom-baxter statement -"]),
            // a commentary word after a preposition is the subject's own act
            ("Jane Walker began by emphasizing the costs.", &["jane-walker statement -"]),
            // the object of a verb of causing is the infinitive's subject; an appeal's is not
            ("The ruling forced Tom Baxter to admit the error.", &["tom-baxter statement -"]),
            ("Jane Walker urged Tom Baxter to admit the error.", &["jane-walker appeal tom-baxter"]),
        ];
        for (text, want) in cases {
            assert_eq!(stances_of(text), *want, "{text}");
        }
    }
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

    #[test]
    fn relations_sum_tone() {
        let text = "Washington and Tehran resumed talks. Iran condemned Washington.";
        let sentences = segment(text, &clean(text));
        let words = Words::new(text, &sentences);
        let syntax = crate::syntax::Syntax::new(text, &words, sentences.len());
        let cast = find_actors(text, &sentences, &words, &syntax);
        let rel = relations(&find_stances(text, &sentences, &words, &syntax, &cast).0);
        assert_eq!(rel.len(), 1);
        assert_eq!(rel[0].2, "mixed");
    }
}
