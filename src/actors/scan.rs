//! The scan of each sentence for mentions: gazetteer names, titled persons, groups of states and
//! runs of capitalised words, each with what it names (its [`Key`]) before clustering.

use crate::clean::BlockKind;
use crate::lexicon::{self, AliasKind, EntityKind, Hit};
use crate::segment::Sentence;
use crate::sort;
use crate::syntax::{Rel, SentenceSyntax, Syntax, Upos};
use crate::text::{fold, Token, TokenKind};
use crate::words::{SentenceWords, Words};

use super::affiliation;
use super::cluster::surface_form;
use super::mention::{is_generational, title_case, Key, RawMention};
use super::rows::{self, Cell, CellRole};
use super::ActorKind;

use super::lists::*;

/// How a sentence writes its words, which decides what a capital letter means.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    /// Running text: a capital marks a name.
    Normal,
    /// A title-case headline: every word capitalised.
    Title,
    /// All capitals: only the gazetteer can say what is a name.
    Shouting,
}

/// What one sentence's scan needs to know.
struct Scan<'a> {
    text: &'a str,
    tokens: &'a [Token],
    sentence: usize,
    case: Case,
    /// The sentence's tokens, folded; they know which words the article writes in lower case
    /// somewhere ("later"): common words, not names.
    words: SentenceWords<'a>,
    /// The sentence's parse.
    parse: SentenceSyntax<'a>,
}

/// The raw mentions of every sentence that is not clutter, in text order.
pub(super) fn scan_sentences(text: &str, sentences: &[Sentence], words: &Words, syntax: &Syntax) -> Vec<RawMention> {
    let mut raw = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        if sentence.kind.is_clutter() {
            continue;
        }
        let sentence_words = words.sentence(index);
        let tokens = sentence_words.tokens;
        let case = if is_shouting(text, tokens) {
            Case::Shouting
        } else if matches!(sentence.kind, BlockKind::Title | BlockKind::Heading)
            || (is_title_cased(text, tokens) && capitalised_words(text, tokens) >= 4)
        {
            // Headings are mostly page furniture and headlines of other stories: only the
            // gazetteer, titles and given names vouch for a name there.
            Case::Title
        } else {
            Case::Normal
        };
        let scan = Scan { text, tokens, sentence: index, case, words: sentence_words, parse: syntax.sentence(index) };
        let first = raw.len();
        match rows::read_row(text, tokens, |i| sentence_words.folded(i), |i| sentence_words.in_list(i, &NOT_NAMES)) {
            Some(cells) => scan.row(&cells, &mut raw),
            None => scan.run(&mut raw),
        }
        if let Some(sentence_mentions) = raw.get_mut(first..) {
            affiliation::read_appositions(text, tokens, &sentence_words, &scan.parse, sentence_mentions);
        }
    }
    sort::sort_by_key(&mut raw, |m| m.start as u64);
    raw
}

/// Whether a sentence is written in capitals (a wire headline, a sports table row).
fn is_shouting(text: &str, tokens: &[Token]) -> bool {
    let (mut long, mut upper) = (0, 0);
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        // Asked of every sentence: a word with an ASCII lower-case letter (most of them, found
        // at its second byte) or all ASCII is read as bytes. An ASCII letter is a whole
        // character, so with another byte the word has two.
        let bytes = text.as_bytes().get(t.start..t.end).unwrap_or_default();
        let (two_chars, lower) = if bytes.iter().any(u8::is_ascii_lowercase) {
            (bytes.len() >= 2, true)
        } else if bytes.is_ascii() {
            (bytes.len() >= 2, bytes.iter().any(u8::is_ascii_lowercase))
        } else {
            let word = t.text(text);
            (word.chars().nth(1).is_some(), word.chars().any(char::is_lowercase))
        };
        if two_chars {
            long += 1;
            upper += usize::from(!lower);
        }
    }
    long >= 2 && upper * 10 >= long * 7
}

/// Whether a line capitalises all its words but the small ones ("Archaeologists Are Puzzled By
/// A Find"): a headline, wherever the segmenter put it.
fn is_title_cased(text: &str, tokens: &[Token]) -> bool {
    const SMALL: &[&str] = &["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs"];
    tokens.iter().filter(|t| t.kind == TokenKind::Word && !t.is_capitalized(text)).all(|t| SMALL.contains(&t.text(text)))
}

/// How many words of a sentence are capitalised.
fn capitalised_words(text: &str, tokens: &[Token]) -> usize {
    tokens.iter().filter(|t| t.is_capitalized(text)).count()
}

/// Whether a folded word is a title word ("minister", "ceo").
pub(super) fn is_title_word(folded: &str) -> bool {
    lexicon::role(folded).is_some_and(|r| r.title)
}

/// A stance verb in the present tense of headlines ("Says", "Urges", "Vows").
fn is_headline_verb(word: &str) -> bool {
    let w = fold(word);
    w.ends_with('s') && lexicon::stance_word_use(&w).is_some_and(|(_, uses)| uses & lexicon::USE_VERB != 0)
}

fn is_connector(word: &str) -> bool {
    CONNECTORS.contains(&word)
}

impl Scan<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// The folded word at token `i` ("" past the end).
    fn folded(&self, i: usize) -> &str {
        self.words.folded(i)
    }

    /// Whether the word at token `i` is a title word: its role, kept once per distinct word.
    fn is_title_at(&self, i: usize) -> bool {
        self.words.role(i).is_some_and(|r| r.title)
    }

    fn mention(&self, start: usize, end: usize, key: Key, confidence: f32) -> RawMention {
        RawMention {
            start,
            end,
            sentence: self.sentence,
            key,
            confidence,
            weak: false,
            title: None,
            table: false,
            list: false,
            locative: false,
            affiliation: None,
        }
    }

    /// The mentions of a table row or list ([`rows`]): each cell whose role the row tells is a
    /// name, typed by that role unless the gazetteer names all of it as a country or body
    /// ("England 2 Moldova 0" are countries' teams, a country still); a list's items are names
    /// typed by their words; cells of no known role trust only the gazetteer.
    fn row(&self, cells: &[Cell], out: &mut Vec<RawMention>) {
        let tokens = self.tokens;
        for cell in cells {
            let len = cell.to - cell.from;
            let (start, end) = (tokens[cell.from].start, tokens[cell.to - 1].end);
            let whole = self.gazetteer_at(cell.from).filter(|&(n, _)| n == len).map(|(_, hit)| hit);
            let entity_kind = |e: usize| lexicon::entity(e).map(|(_, k, _)| k);
            let kind = match (whole, cell.role) {
                (Some(Hit::Country(country, _)), _) => {
                    out.push(self.mention(start, end, Key::Country(country), 0.9));
                    continue;
                }
                (Some(Hit::Entity(e)), role) if role != CellRole::Team || entity_kind(e) != Some(EntityKind::Place) => {
                    let mut m = self.mention(start, end, Key::Entity(e), 0.9);
                    m.locative = role == CellRole::Venue;
                    out.push(m);
                    continue;
                }
                (_, CellRole::Team) => ActorKind::Organization,
                (_, CellRole::Player) => ActorKind::Person,
                (_, CellRole::Venue) => ActorKind::Place,
                (_, CellRole::Tag | CellRole::Unknown) => continue,
                (_, CellRole::Item) => {
                    // An item is typed by its words as any name, and by the list's sure items.
                    if let Some(m) = self.name_from_run(cell.from, len) {
                        out.push(RawMention { weak: false, list: true, ..m });
                    }
                    continue;
                }
            };
            let name = title_case(&surface_form(&self.text[start..end]));
            let mut m = self.mention(start, end, Key::Name { name, kind }, 0.75);
            m.table = true;
            m.locative = cell.role == CellRole::Venue;
            out.push(m);
        }
    }

    /// Adds the mentions of the sentence to `out`.
    fn run(&self, out: &mut Vec<RawMention>) {
        let (text, tokens) = (self.text, self.tokens);
        let mut i = 0;
        while i < tokens.len() {
            let before = out.len();
            let used = self.at(i, out);
            // "the Organisation for Security and Cooperation in Europe (OSCE)": the acronym is the name.
            if out.len() > before {
                let after = i + used;
                if let Some(last) = out.last() {
                    let acronym = self.word(after + 1);
                    if self.word(after) == "(" && self.word(after + 2) == ")" && abbreviates(acronym, &text[last.start..last.end]) {
                        let (key, confidence) = (last.key.clone(), last.confidence);
                        let t = tokens[after + 1];
                        out.push(self.mention(t.start, t.end, key, confidence));
                        i = after + 3;
                        continue;
                    }
                }
            }
            i += used.max(1);
            let _ = text;
        }
    }

    /// Reads what starts at token `i`, adding mentions to `out`; returns the tokens used (0: none).
    fn at(&self, i: usize, out: &mut Vec<RawMention>) -> usize {
        let (text, tokens) = (self.text, self.tokens);
        let tok = tokens[i];
        if let Some(used) = self.title_reference(i, out) {
            return used;
        }
        if let Some((len, hit)) = self.gazetteer_at(i) {
            let (start, end) = (tok.start, tokens[i + len - 1].end);
            let next = self.word(i + len);
            match hit {
                Hit::Country(country, kind) => {
                    // A demonym before a title is the person's affiliation, not a mention of the country;
                    // a country's name there is both ("U.S. President Bill Clinton").
                    if matches!(kind, AliasKind::Demonym | AliasKind::Name) {
                        if let Some((person, used)) = self.titled_person(i + len, Some(country)) {
                            if kind == AliasKind::Name {
                                out.push(self.mention(start, end, Key::Country(country), 0.97));
                            }
                            out.push(person);
                            return len + used;
                        }
                    }
                    // "talks in Muscat" is the city; "trust in Tehran's word" and "some in Jerusalem
                    // argue" are the government and its circles.
                    let locative = i.checked_sub(1).is_some_and(|p| self.words.in_list(p, &LOCATIVES))
                        && tokens.get(i + len).is_none_or(|t| t.kind != TokenKind::Possessive)
                        && !i.checked_sub(2).is_some_and(|p| self.words.in_list(p, &PEOPLE_WORDS));
                    // "U.S. Treasury Department", "American Stock Exchange": the country leads an
                    // organisation's name; "U.S. Open": an event's, no actor at all.
                    if matches!(kind, AliasKind::Name | AliasKind::Demonym) && self.case == Case::Normal {
                        let run = self.raw_run(i + len);
                        if run > 0 {
                            let last = i + len + run - 1;
                            if self.words.in_list(last, &EVENT_WORDS) {
                                return len + run;
                            }
                            if self.words.in_list(last, &ORG_WORDS) {
                                let end = tokens[i + len + run - 1].end;
                                let name = surface_form(&text[start..end]);
                                out.push(self.mention(start, end, Key::Name { name, kind: ActorKind::Organization }, 0.8));
                                return len + run;
                            }
                        }
                    }
                    if kind == AliasKind::Capital {
                        if let Some(used) = self.named_after_place(i, len, false, out) {
                            return used;
                        }
                    }
                    // "WASHINGTON 1996-08-22", "LONDON (Reuters)": a dateline names the city.
                    let dateline = self.dateline_at(i, len);
                    let key = if kind == AliasKind::Capital && (locative || dateline || self.modifies_thing(i + len - 1)) {
                        Key::Name { name: title_case(&text[start..end]), kind: ActorKind::Place }
                    } else {
                        Key::Country(country)
                    };
                    let confidence = match kind {
                        AliasKind::Name => 0.97,
                        AliasKind::Capital | AliasKind::AmbiguousName => 0.85,
                        AliasKind::Demonym => 0.9,
                    };
                    let mut m = self.mention(start, end, key, confidence);
                    m.locative = locative || dateline;
                    out.push(m);
                    // "Israel's Prime Minister Benjamin Netanyahu": the country and its office-holder.
                    if tokens.get(i + len).is_some_and(|t| t.kind == TokenKind::Possessive) && kind == AliasKind::Name {
                        if let Some(person) = self.titled_person(i + len + 1, Some(country)) {
                            let used = person.1;
                            out.push(person.0);
                            return len + 1 + used;
                        }
                    }
                    let group = matches!(kind, AliasKind::Demonym | AliasKind::Name) && self.words.role(i + len).is_some_and(|r| r.group);
                    return len + usize::from(group);
                }
                Hit::Entity(e) => {
                    let Some((_, ekind, country)) = lexicon::entity(e) else { return 0 };
                    if ekind == EntityKind::Place && REGION_GROUP_NOUNS.contains(&fold(next).as_str()) {
                        let end = tokens[i + len].end;
                        let name = format!("{} {}", title_case(&text[start..tokens[i + len - 1].end]), fold(next));
                        out.push(self.mention(start, end, Key::Name { name, kind: ActorKind::Group }, 0.8));
                        return len + 1;
                    }
                    // "Seattle Mariners"; "Federal Reserve Bank of New York", "White House National
                    // Security Council": the whole span is the name.
                    if let Some(used) = self.named_after_place(i, len, ekind != EntityKind::Place, out) {
                        return used;
                    }
                    let key = match (ekind, country) {
                        (EntityKind::Government, Some(c)) => Key::Country(c),
                        _ => Key::Entity(e),
                    };
                    let mut m = self.mention(start, end, key.clone(), 0.9);
                    m.locative = self.locative_at(i, len);
                    out.push(m);
                    // "NATO Secretary-General Mark Rutte", "White House Press Secretary Sean Spicer":
                    // an office of the body, held by the person named after it.
                    if ekind != EntityKind::Place {
                        if let Some((mut person, used)) = self.titled_person(i + len, None) {
                            person.affiliation = person.affiliation.or(Some(key));
                            out.push(person);
                            return len + used;
                        }
                    }
                    return len;
                }
            }
        }
        // "police said": the police of the story are an organisation a reader lists; "police
        // custody" or "a police car" is no one.
        if self.folded(i) == "police"
            && self.case == Case::Normal
            && !self.word(i + 1).starts_with(char::is_uppercase)
            && !self.words.in_list(i + 1, &POLICE_THINGS)
        {
            let key = Key::Name { name: "Police".to_string(), kind: ActorKind::Organization };
            out.push(self.mention(tok.start, tok.end, key, 0.6));
            return 1;
        }
        if !tok.is_capitalized(text) || self.case == Case::Shouting {
            return 0;
        }
        // "Arab states", "Western powers": a group of states with no place of its own.
        if REGION_ADJECTIVES.contains(&self.folded(i)) && REGION_GROUP_NOUNS.contains(&self.folded(i + 1)) {
            let end = tokens[i + 1].end;
            let name = format!("{} {}", tok.text(text), self.folded(i + 1));
            out.push(self.mention(tok.start, end, Key::Name { name, kind: ActorKind::Group }, 0.75));
            return 2;
        }
        if let Some((person, used)) = self.titled_person(i, None) {
            out.push(person);
            return used;
        }
        let run = self.capitalized_run(i);
        if (i + 1..i + run).any(|k| PRONOUNS.contains(&self.folded(k))) && self.case != Case::Shouting {
            return run;
        }
        // "Senate Minority Leader Harry Reid", "White House Press Secretary Sean Spicer": a title
        // inside a run of capitals; the name after it is the person, the words before it the office.
        if self.case == Case::Normal {
            let inner_title = (i + 1..i + run).find_map(|t| {
                let opens_title = tokens[t].is_capitalized(text) && self.is_title_at(t) && !self.is_title_at(t - 1);
                opens_title.then(|| self.titled_person(t, None)).flatten().map(|(person, used)| (person, t, t - i + used))
            });
            if let Some((mut person, t, used)) = inner_title {
                // "Wells Fargo CEO John Stumpf", "Senate Minority Leader Harry Reid": the words
                // before the office name the body it belongs to.
                if let Some(body) = self.employer(i, t) {
                    person.affiliation = person.affiliation.or_else(|| Some(body.key.clone()));
                    out.push(body);
                }
                out.push(person);
                return used;
            }
        }
        // In a title-case line only a given name vouches for a name of two or three words ("Phil
        // Simmons"; not "Moon Titan Just Revealed Some Features"); another run
        // is kept as a weak mention, which stands only if the article writes that name as a name
        // elsewhere ("Smith Says ..." above a story about Jane Smith).
        if self.case == Case::Title && !(run >= 2 && self.within_words(i, run, 3) == run && lexicon::is_given_name(tok.text(text))) {
            return match self.name_from_run(i, run) {
                Some(m) => {
                    out.push(RawMention { weak: true, ..m });
                    run
                }
                None => 0,
            };
        }
        if let Some(mut m) = self.name_from_run(i, run) {
            // "Peter Nicol of Scotland", "Benetton of Italy": the name belongs to that country.
            m.affiliation = self.country_of(i + run).map(Key::Country);
            out.push(m);
        }
        run
    }

    /// The country of "of <country>" at token `k` ("Jesper Parnevik of Sweden") when the name
    /// before it is no office or body whose name holds the country ("Bank of England",
    /// "President of Iran" are read whole or as a title).
    fn country_of(&self, k: usize) -> Option<usize> {
        if self.folded(k) != "of"
            || k == 0
            || self.is_title_at(k - 1)
            || self.words.in_list(k - 1, &ORG_WORDS)
            || self.words.in_list(k - 1, &PLACE_WORDS)
        {
            return None;
        }
        match self.gazetteer_at(k + 1) {
            Some((len, Hit::Country(c, AliasKind::Name))) if self.tokens.get(k + 1 + len).is_none_or(|t| !t.is_capitalized(self.text)) => {
                Some(c)
            }
            _ => None,
        }
    }

    /// Whether "of <place>" at token `k` ends the name before it ("Peter Nicol of Scotland",
    /// "Benetton of Italy"): as [`Self::country_of`], for any place of the gazetteer.
    fn of_place(&self, k: usize) -> bool {
        if self.folded(k) != "of"
            || k == 0
            || self.is_title_at(k - 1)
            || self.words.in_list(k - 1, &ORG_WORDS)
            || self.words.in_list(k - 1, &PLACE_WORDS)
        {
            return false;
        }
        let place = |hit: Hit| match hit {
            Hit::Country(_, AliasKind::Name) => true,
            Hit::Entity(e) => lexicon::entity(e).is_some_and(|(_, kind, _)| kind == EntityKind::Place),
            _ => false,
        };
        self.gazetteer_at(k + 1)
            .is_some_and(|(len, hit)| place(hit) && self.tokens.get(k + 1 + len).is_none_or(|t| !t.is_capitalized(self.text)))
    }

    /// A name that a place's name at tokens `i..i + len` opens ("Kurdistan Democratic Party",
    /// "Chicago Board of Trade", "Seattle Mariners", "Warsaw Newsroom"): an organisation (a place
    /// if its last word is a place's, "Gaza Strip"), added to `out`; the tokens used. A body's
    /// name opens one only with an organisation's word in it (`org_only`: "Federal Reserve Bank
    /// of New York", "White House National Security Council"). A title ("Texas Governor Ann
    /// Roe"), a given name or a day after the place is no such name; an event's name ("Greater
    /// Milwaukee Open") is used up with no mention.
    fn named_after_place(&self, i: usize, len: usize, org_only: bool, out: &mut Vec<RawMention>) -> Option<usize> {
        if self.case != Case::Normal {
            return None;
        }
        let run = self.raw_run(i + len);
        let (first, last) = (i + len, (i + len + run).checked_sub(1)?);
        if run == 0
            || self.is_title_at(first)
            || self.words.in_list(first, &NOT_NAMES)
            || lexicon::is_given_name(self.word(first))
            || (first..=last).any(|k| self.is_title_at(k) && !self.words.in_list(k, &ORG_WORDS))
            || (org_only && !(first..=last).any(|k| self.words.in_list(k, &ORG_WORDS)))
        {
            return None;
        }
        if self.words.in_list(last, &EVENT_WORDS) {
            return Some(len + run);
        }
        let (kind, confidence) = if self.words.in_list(last, &ORG_WORDS) {
            (ActorKind::Organization, 0.8)
        } else if self.words.in_list(last, &PLACE_WORDS) {
            (ActorKind::Place, 0.7)
        } else {
            (ActorKind::Organization, 0.7)
        };
        let (start, end) = (self.tokens[i].start, self.tokens[last].end);
        out.push(self.mention(start, end, Key::Name { name: surface_form(&self.text[start..end]), kind }, confidence));
        Some(len + run)
    }

    /// Whether the name at tokens `i..i + len` stands where a place is expected: after "in",
    /// "at", "near" ("talks in Muscat", "BOSTON AT OAKLAND") or as a dateline ("SEATTLE 1996-08-31").
    fn locative_at(&self, i: usize, len: usize) -> bool {
        let after = self.tokens.get(i + len);
        let before = i.checked_sub(1).is_some_and(|p| self.words.in_list(p, &LOCATIVES) || self.folded(p) == "from");
        (before && after.is_none_or(|t| t.kind != TokenKind::Possessive)) || self.dateline_at(i, len) || self.modifies_thing(i + len - 1)
    }

    /// Whether the name at tokens `i..i + len` is a dateline's place: in capitals, followed by
    /// a date ("WASHINGTON 1996-08-22", "NABLUS , West Bank 1996-08-30", even after a byline on
    /// the same line), or opening a line before a comma, a dash or an agency's name in brackets
    /// ("LONDON (Reuters)").
    fn dateline_at(&self, i: usize, len: usize) -> bool {
        let (text, tokens) = (self.text, self.tokens);
        let Some(last) = tokens.get(i + len - 1) else { return false };
        if text[tokens[i].start..last.end].chars().any(char::is_lowercase) {
            return false;
        }
        let year = |t: &Token| t.kind == TokenKind::Number && t.end - t.start == 4;
        // A region may come between the place and the date: ", West Bank", ", Calif".
        let mut k = i + len;
        if self.word_is(k, ",") {
            k += 1;
            while tokens.get(k).is_some_and(|t| t.is_capitalized(text) || t.text(text) == ".") {
                k += 1;
            }
        }
        tokens.get(k).is_some_and(year)
            || (self.line_start(i)
                && tokens.get(i + len).is_some_and(|t| matches!(t.text(text), "(" | "," | "-" | "\u{2014}" | "\u{2013}")))
    }

    fn word_is(&self, i: usize, s: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| t.text(self.text) == s)
    }

    /// Whether token `i` opens a line: the sentence's first, or the first after a line break
    /// ("Jane Roe\nSEOUL 1996-08-31": a byline, then the dateline).
    fn line_start(&self, i: usize) -> bool {
        i == 0 || self.tokens.get(i - 1).zip(self.tokens.get(i)).is_some_and(|(p, t)| self.text[p.end..t.start].contains('\n'))
    }

    /// Whether the name ending at token `i` modifies a common noun that is no body of people and
    /// no dealing between parties ("a Berlin court", "the Budapest bourse", "her Rangoon home"):
    /// the place itself, not the government or team named after it ("Washington officials",
    /// "Washington–Jerusalem coordination" are the government's).
    fn modifies_thing(&self, i: usize) -> bool {
        let Some(w) = self.parse.word_of_token(i) else { return false };
        let Some(word) = self.parse.word(w) else { return false };
        let Some(head) = word.head.and_then(|h| self.parse.word(h)) else { return false };
        let noun = &self.text[head.start..head.end];
        matches!(word.rel, Rel::Compound | Rel::Amod)
            && head.upos == Upos::Noun
            && head.start > word.end
            && noun.starts_with(|c: char| c.is_lowercase())
            && !PEOPLE_WORDS.contains(&crate::text::fold(noun).as_str())
            && !lexicon::role(&crate::text::fold(noun)).is_some_and(|r| r.group)
            // "Washington–Jerusalem coordination", "Tehran talks": the governments' dealings.
            && !lexicon::stance_word_use(&crate::text::fold(noun)).is_some_and(|(_, uses)| uses & lexicon::USE_NOUN != 0)
    }

    /// The body whose office opens at token `t` of a run from token `i` ("Wells Fargo" of "Wells
    /// Fargo CEO John Stumpf"): a mention of the words between, if they name one (openers that
    /// are no names left out); a country of the gazetteer stays a country.
    fn employer(&self, i: usize, t: usize) -> Option<RawMention> {
        let mut from = i;
        while from < t && (self.words.in_list(from, &NOT_NAMES) || (self.line_start(from) && self.words.lower_seen(from))) {
            from += 1;
        }
        if from >= t || (from..t).any(|k| self.is_title_at(k) || !self.tokens[k].is_capitalized(self.text)) {
            return None;
        }
        let (start, end) = (self.tokens[from].start, self.tokens[t - 1].end);
        let key = match self.gazetteer_at(from) {
            Some((len, hit)) if from + len == t => match hit {
                Hit::Country(c, _) => Key::Country(c),
                Hit::Entity(e) => match lexicon::entity(e) {
                    Some((_, EntityKind::Government, Some(c))) => Key::Country(c),
                    _ => Key::Entity(e),
                },
            },
            Some(_) => return None,
            None => Key::Name { name: surface_form(&self.text[start..end]), kind: ActorKind::Organization },
        };
        Some(self.mention(start, end, key, 0.7))
    }

    /// "the prime minister" with no name after it: a reference to the person who holds the title.
    fn title_reference(&self, i: usize, out: &mut Vec<RawMention>) -> Option<usize> {
        let (text, tokens) = (self.text, self.tokens);
        if self.case != Case::Normal || self.folded(i) != "the" {
            return None;
        }
        let mut j = i + 1;
        while j < tokens.len() && !tokens[j].is_capitalized(text) && self.is_title_at(j) {
            j += 1;
        }
        let office = self.words.role(j.checked_sub(1)?).is_some_and(|r| r.office);
        if j == i + 1 || !office || tokens.get(j).is_some_and(|t| t.is_capitalized(text) || t.kind == TokenKind::Possessive) {
            return None;
        }
        let title: Vec<String> = (i + 1..j).map(|k| fold(tokens[k].text(text))).collect();
        let (start, end) = (tokens[i + 1].start, tokens[j - 1].end);
        out.push(self.mention(start, end, Key::TitleRef(title.join(" ")), 0.6));
        Some(j - i)
    }

    /// The longest gazetteer alias starting at token `i`: (tokens used, what it names).
    fn gazetteer_at(&self, i: usize) -> Option<(usize, Hit)> {
        let (text, tokens) = (self.text, self.tokens);
        let first = tokens[i];
        if first.kind != TokenKind::Word || !first.is_capitalized(text) {
            return None;
        }
        let mut best = None;
        // The key of a one-word candidate is the word's folded form (a word token holds no space
        // or dash to fold), so the words layer looks it up once per distinct word; a longer
        // one's is grown a token at a time, only when some alias is.
        let mut phrase_key = String::new();
        let mut keyed = first.end;
        for (n, tok) in tokens[i..].iter().take(10).enumerate() {
            if n > 0 {
                let gap = &text[tokens[i + n - 1].end..tok.start];
                let joiner = matches!(tok.text(text), "-" | "'" | "&" | ".") || tok.kind == TokenKind::Word;
                if gap.contains('\n') || !joiner {
                    break;
                }
                // Inside a name every word but the small ones is capitalised ("Bank of England").
                if tok.kind == TokenKind::Word
                    && !tok.is_capitalized(text)
                    && !is_connector(tok.text(text))
                    && !matches!(tok.text(text), "and" | "for" | "the" | "in" | "on")
                {
                    break;
                }
            }
            if tok.kind != TokenKind::Word {
                continue;
            }
            let candidate = &text[first.start..tok.end];
            let (alias, longer) = if n == 0 {
                self.words.gazetteer(i)
            } else {
                if phrase_key.is_empty() {
                    phrase_key.push_str(self.folded(i));
                }
                lexicon::key_append(&text[keyed..tok.end], 0, &mut phrase_key);
                keyed = tok.end;
                (lexicon::alias(&phrase_key), lexicon::has_longer(&phrase_key))
            };
            if let Some(hit) = alias.and_then(|a| lexicon::hit(candidate, a)) {
                best = Some((n + 1, hit));
            }
            if !longer {
                break;
            }
        }
        let (len, hit) = best?;
        // "Chad", "Jordan": a country only where a place is expected ("in Jordan", "Jordan's army" no).
        if let Hit::Country(_, AliasKind::AmbiguousName) = hit {
            let before = i.checked_sub(1).map(|p| self.folded(p));
            if !matches!(before, Some("in" | "into" | "to" | "from" | "of" | "with" | "and")) {
                return None;
            }
        }
        // A lone gazetteer word opening a sentence that the article also writes in lower case
        // ("Reading", "Mobile") is a common word.
        if len == 1 && i == 0 && self.words.lower_seen(i) {
            return None;
        }
        Some((len, hit))
    }

    /// A person named after a title at token `i` ("Prime Minister Benjamin Netanyahu"):
    /// the mention and the tokens consumed including the title.
    fn titled_person(&self, i: usize, affiliation: Option<usize>) -> Option<(RawMention, usize)> {
        let (text, tokens) = (self.text, self.tokens);
        let mut j = i;
        while j < tokens.len() && tokens[j].is_capitalized(text) && self.is_title_at(j) {
            j += 1;
            // "Mr. Kong", "Sen. Warren": the dot of an abbreviated title.
            if tokens.get(j).is_some_and(|t| t.start == tokens[j - 1].end && t.text(text) == ".") {
                j += 1;
            }
            // "Secretary of State": a title may hold "of"; "Secretary-General" a hyphen.
            if j + 1 < tokens.len() && tokens[j].text(text) == "of" && self.is_title_at(j + 1) {
                j += 1;
            }
            if j + 1 < tokens.len() && tokens[j].text(text) == "-" && tokens[j].start == tokens[j - 1].end && self.is_title_at(j + 1) {
                j += 1;
            }
        }
        // "Foreign Policy", "Health Canada": a title that ends with a word qualifying an office is
        // no title but a name's first word.
        if j == i || self.words.role(j - 1).is_some_and(|r| r.modifier) {
            return None;
        }
        let mut name_len = self.within_words(j, self.capitalized_run(j), 4);
        // "Mr. King", "Ms. Bishop": after an honorific a surname that is also a title word is the name.
        let last_title = (i..j).rev().find(|&k| tokens[k].kind == TokenKind::Word);
        if name_len == 0 && is_honorific(self.folded(i)) {
            if let Some(k) = last_title.filter(|&k| k > i + 1 && !self.words.in_list(k, &ADDRESS_FORMS)) {
                j = k;
                name_len = 1;
            }
        }
        // In a title-case headline any word is capitalised: only take a name of two words or more there.
        if name_len == 0 || (self.case == Case::Title && name_len < 2) {
            return None;
        }
        // "Foreign Ministry", "Defence Forces": a title word leading an organisation's name.
        let no_name = |k: usize| [NOT_NAMES, ORG_WORDS, PLACE_WORDS, EVENT_WORDS].iter().any(|list| self.words.in_list(k, list));
        // A place's name after a title is the place ("Foreign Minister Iran"), unless it is a given
        // name opening a longer name ("President Vladimir Putin").
        let given = name_len >= 2 && lexicon::is_given_name(self.word(j));
        if (j..j + name_len).any(no_name) || (self.gazetteer_at(j).is_some() && !given) {
            return None;
        }
        // "Foreign Policy": a common noun the article writes in lower case is no name.
        if name_len == 1 && (self.words.lower_seen(j) || self.parse.upos_of_token(j) == Some(Upos::Noun)) {
            return None;
        }
        let (start, end) = (tokens[j].start, tokens[j + name_len - 1].end);
        // "President Xi Jinping of China": the country after the name.
        let affiliation = affiliation.or_else(|| self.country_of(j + name_len));
        let title: Vec<String> = (i..j).map(|k| fold(tokens[k].text(text))).filter(|w| !is_honorific(w)).collect();
        let key = Key::Name { name: surface_form(&text[start..end]), kind: ActorKind::Person };
        let mut m = self.mention(start, end, key, if affiliation.is_some() { 0.9 } else { 0.85 });
        m.affiliation = affiliation.map(Key::Country);
        m.title = (!title.is_empty()).then(|| title.join(" "));
        Some((m, j - i + name_len))
    }

    /// How many of the `run` tokens from `j` hold at most `max` words, initials' dots and a
    /// generational suffix ("Jr.") not counted: "John G. Roberts Jr." is a name of three words.
    fn within_words(&self, j: usize, run: usize, max: usize) -> usize {
        let mut words = 0;
        for k in 0..run {
            if self.tokens.get(j + k).is_some_and(|t| t.kind == TokenKind::Word) && !is_generational(self.folded(j + k)) {
                words += 1;
                if words > max {
                    return k;
                }
            }
        }
        run
    }

    /// How many tokens from `i` form a run of capitalised words (with "of", "al", "bin" inside,
    /// and "for", "and", "in" once the run is an organisation's name).
    fn capitalized_run(&self, i: usize) -> usize {
        let (text, tokens) = (self.text, self.tokens);
        let mut n = self.raw_run(i);
        // In a headline every word is capitalised: a verb ends the name ("Jane Smith Says ...").
        if self.case == Case::Title {
            n = (1..n).find(|&k| is_headline_verb(tokens[i + k].text(text))).unwrap_or(n);
        }
        // "Karma Automotive Andreas Thurner": a given name after two words that are none starts a
        // second name.
        for k in 2..n.saturating_sub(1) {
            let (word, before) = (tokens[i + k].text(text), tokens[i + k - 1].text(text));
            if lexicon::is_given_name(word)
                && !lexicon::is_given_name(before)
                && before.chars().all(char::is_alphabetic)
                && tokens[i + k - 1].is_capitalized(text)
                && !self.is_title_at(i + k - 1)
            {
                return k;
            }
        }
        n
    }

    fn raw_run(&self, i: usize) -> usize {
        let (text, tokens) = (self.text, self.tokens);
        let mut n = 0;
        let mut org = false;
        while i + n < tokens.len() {
            let tok = tokens[i + n];
            if n > 0 {
                let gap = &text[tokens[i + n - 1].end..tok.start];
                // "Ata-ur-Rehman", "Chester-le-Street": hyphens inside one name.
                let joined = |k: usize| tokens.get(k).is_some_and(|t| tokens.get(k - 1).is_some_and(|p| p.end == t.start));
                if gap.is_empty() && crate::text::is_dash_str(tok.text(text)) && joined(i + n + 1) {
                    let next = tokens[i + n + 1];
                    // "Ban Ki-moon", "Kim Jong-un": a short lower-case syllable ends a given name of two parts.
                    let syllable = n >= 2
                        && next.end - next.start <= 4
                        && tokens[i + n - 1].is_capitalized(text)
                        && tokens.get(i + n + 2).is_none_or(|t| t.kind != TokenKind::Word || t.start > next.end);
                    let inner = next.kind == TokenKind::Word
                        && (next.is_capitalized(text) || syllable || (self.word(i + n + 2) == "-" && joined(i + n + 2)));
                    if inner && (tokens[i + n - 1].is_capitalized(text) || next.is_capitalized(text)) {
                        n += 2;
                        continue;
                    }
                    break;
                }
                if !gap.chars().all(char::is_whitespace) || gap.contains('\n') {
                    break;
                }
                let after_connector = is_connector(tokens[i + n - 1].text(text));
                if !after_connector && self.gazetteer_at(i + n).is_some() && !self.parse_joins(i, i + n) && !self.leads_body(i + n) {
                    break; // "Rouhani Iran" is two names; "Bank of England", "Real Madrid" one
                }
            }
            let word = tok.text(text);
            // Both read a dot right after the word, tested first: few words have one.
            let dot_after = tokens.get(i + n + 1).is_some_and(|t| t.start == tok.end && t.text(text) == ".");
            let initial = dot_after
                && word.chars().count() == 1
                && tok.is_capitalized(text)
                && tokens.get(i + n + 2).is_some_and(|t| t.is_capitalized(text));
            let suffix_dot = n > 0 && dot_after && is_generational(self.folded(i + n));
            if initial {
                n += 2; // "S. Waugh": an initial and its dot
            } else if suffix_dot {
                n += 2; // "Roberts Jr.": the suffix and its dot
            } else if tok.is_capitalized(text) {
                org |= self.words.in_list(i + n, &ORG_WORDS);
                n += 1;
            } else if n > 0
                && (is_connector(word) || (org && matches!(word, "for" | "and" | "in" | "on" | "&")))
                && tokens.get(i + n + 1).is_some_and(|t| t.is_capitalized(text))
                // "the Security Council on Friday", "in January": a time, not the name's end
                && !(matches!(word, "on" | "in") && self.words.in_list(i + n + 1, &NOT_NAMES))
                && !(word == "of" && !org && self.of_place(i + n))
            {
                n += 1;
            } else {
                break;
            }
        }
        n
    }

    /// Whether the parse makes the name of the gazetteer at token `k` part of the name the run
    /// from token `from` began ("Real Madrid", "Dynamo Moscow", "Air France", "Statistics
    /// Canada", "MaliVai Washington"): the word before it is its compound or modifier ("Real" as
    /// an adjective) or they are one flat name, and that word is a name's (no title, day, demonym or common word opening the sentence).
    fn parse_joins(&self, from: usize, k: usize) -> bool {
        let Some(p) = k.checked_sub(1) else { return false };
        let shouting =
            |t: usize| self.tokens.get(t).is_some_and(|t| t.end - t.start >= 2 && !t.text(self.text).chars().any(char::is_lowercase));
        if self.case != Case::Normal
            || shouting(p) != shouting(k)
            || self.is_title_at(p)
            || self.words.in_list(p, &NOT_NAMES)
            || (p == from && from == 0 && self.words.lower_seen(p))
            || self.words.gazetteer(p).0.is_some()
            || !self.tokens.get(p).is_some_and(|t| t.is_capitalized(self.text))
        {
            return false;
        }
        let (Some(a), Some(b)) = (self.parse.word_of_token(p), self.parse.word_of_token(k)) else { return false };
        let (Some(wa), Some(wb)) = (self.parse.word(a), self.parse.word(b)) else { return false };
        (wa.head == Some(b) && matches!(wa.rel, Rel::Compound | Rel::Flat | Rel::Amod)) || (wb.head == Some(a) && wb.rel == Rel::Flat)
    }

    /// Whether the gazetteer's body at token `k` is the end of a longer body's name that the
    /// capitalised word before it opens ("National Security Council", "Scottish Labour Party"):
    /// the body's alias ends with an organisation's word and the word before is a name's.
    fn leads_body(&self, k: usize) -> bool {
        let Some(p) = k.checked_sub(1) else { return false };
        let Some((len, Hit::Entity(e))) = self.gazetteer_at(k) else { return false };
        let body = lexicon::entity(e).is_some_and(|(_, kind, _)| matches!(kind, EntityKind::Organization | EntityKind::Group));
        body && self.case == Case::Normal
            && self.words.in_list(k + len - 1, &ORG_WORDS)
            && self.tokens.get(p).is_some_and(|t| t.is_capitalized(self.text))
            && !self.is_title_at(p)
            && !self.words.in_list(p, &NOT_NAMES)
            && !(p == 0 && self.words.lower_seen(p))
    }

    /// "Charlie King", "Tom Judge": a given name and one capitalised title word are a full name
    /// (while "Subway CEO" names the CEO and "Jane Smith President" is no name of three words).
    fn surname_after_given(&self, from: usize, to: usize) -> bool {
        let (text, tokens) = (self.text, self.tokens);
        to == from + 2
            && self.case == Case::Normal
            && lexicon::is_given_name(tokens[from].text(text))
            && tokens[to - 1].text(text).chars().any(char::is_lowercase)
            && !self.words.in_list(to - 1, &ADDRESS_FORMS)
    }

    /// Turns a run of capitalised words into a mention, or nothing when it is no name.
    fn name_from_run(&self, i: usize, run: usize) -> Option<RawMention> {
        let (text, tokens) = (self.text, self.tokens);
        let mut from = i;
        let to = i + run;
        if run == 0 {
            return None;
        }
        // Drop openers that are no names ("For", "Conversely") and, at a sentence start, a word
        // the article also writes in lower case ("Later Araghchi left").
        while from < to {
            let w = self.folded(from);
            let common_opener = self.line_start(from) && self.words.lower_seen(from) && !lexicon::is_given_name(w);
            // "Neither Lebed nor ...", "Did Iran ...": a function word the parse reads at a
            // sentence's start opens no name (a verb or adverb may be a name the tagger misreads:
            // "Constand Viljoen").
            let parsed_opener = self.line_start(from)
                && from + 1 < to
                && self
                    .parse
                    .upos_of_token(from)
                    .is_some_and(|u| matches!(u, Upos::Aux | Upos::Adp | Upos::Sconj | Upos::Cconj | Upos::Intj | Upos::Pron | Upos::Det));
            // "J. Smith" keeps its initial; "Nov. 12" is a month for all its dot.
            let initial = self.word(from).chars().count() == 1
                && self.word(from + 1) == "."
                && tokens.get(from + 1).is_some_and(|t| t.start == tokens[from].end);
            if !initial && (self.words.in_list(from, &NOT_NAMES) || common_opener || parsed_opener || is_connector(w)) {
                from += 1;
            } else {
                break;
            }
        }
        // No dash opens or closes a name; no title closes one ("Subway CEO" names the CEO).
        let mut to = to;
        while from < to && crate::text::is_dash_str(tokens[from].text(text)) {
            from += 1;
        }
        // "Roberts Jr.": the suffix keeps its dot.
        let suffix_dot = |to: usize| to >= from + 2 && tokens[to - 1].text(text) == "." && is_generational(self.folded(to - 2));
        // "Ban Ki-moon": a lower-case syllable joined by a hyphen closes a name.
        let hyphen_syllable =
            |to: usize| to >= from + 3 && tokens[to - 2].end == tokens[to - 1].start && crate::text::is_dash_str(tokens[to - 2].text(text));
        while to > from
            && !suffix_dot(to)
            && (crate::text::is_dash_str(tokens[to - 1].text(text))
                || !(tokens[to - 1].is_capitalized(text) || hyphen_syllable(to))
                || (self.is_title_at(to - 1) && !self.words.in_list(to - 1, &ORG_WORDS) && !self.surname_after_given(from, to)))
        {
            to -= 1;
        }
        // "Phase Two", "Talks Friday": a number word or a day closes no name.
        while to > from + 1 && self.words.in_list(to - 1, &NOT_NAMES) && tokens[to - 2].end < tokens[to - 1].start {
            to -= 1;
        }
        // "(D-Mont.)", "(R-Ky.)": a party's letter and a state after a politician's name, no name.
        if from > 0 && self.word(from - 1) == "(" && self.word(from).len() == 1 && self.word(from + 1) == "-" {
            return None;
        }
        // "Anglo-French", "Franco-German": a demonym inside makes an adjective, no name.
        if (from..to).any(|k| matches!(lexicon::country_alias(self.word(k)), Some((_, AliasKind::Demonym)))) {
            return None;
        }
        // "Ivan Braiker Chief Strategy Officer": a title after a name of two words or more ends it.
        if let Some(k) = (from + 2..to)
            .find(|&k| self.is_title_at(k) && !self.words.in_list(k, &ORG_WORDS) && lexicon::is_given_name(tokens[from].text(text)))
        {
            to = k;
        }
        if from == to {
            return None;
        }
        let words: Vec<&str> = (from..to).map(|k| tokens[k].text(text)).filter(|w| *w != ".").collect();
        if words.is_empty() || (words.len() == 1 && is_generational(words[0])) {
            return None;
        }
        // The words folded: the words layer's forms, so none is folded again.
        let folded: Vec<&str> = (from..to).map(|k| self.folded(k)).filter(|w| *w != ".").collect();
        if folded.iter().all(|w| is_title_word(w)) || (is_title_word(folded[0]) && words.get(1) == Some(&"of")) {
            return None; // "Vice President" with no name, "VP of Platform Engineering"
        }
        if folded.len() == 1 && COMPANY_SUFFIXES.contains(&folded[0]) {
            return None; // "Apple, Inc.": the suffix of the name before it
        }
        let last = folded.last().copied().unwrap_or("");
        // "the U.S. Open", "World Cup", "Korean War": events, not actors.
        if EVENT_WORDS.contains(&last) {
            return None;
        }
        let all_caps = words.len() == 1 && words[0].chars().count() >= 2 && !words[0].chars().any(char::is_lowercase);
        // "registered shares (ASCN)", "information technology (IT)": capitals in brackets after a
        // common noun abbreviate it or are a ticker, no actor's name.
        if all_caps
            && from >= 2
            && self.word(from - 1) == "("
            && self.word(to) == ")"
            && tokens.get(from - 2).is_some_and(|t| t.kind == TokenKind::Word && !t.is_capitalized(text))
        {
            return None;
        }
        if words.len() == 1 && words[0].chars().count() == 1 {
            return None;
        }
        let before = from.checked_sub(1).map(|p| self.folded(p));
        let locative = before.is_some_and(|b| LOCATIVES.contains(&b) || b == "from");
        // "the Phase 1 deal", "its Article 5": a word with a determiner before and a number after
        // is a designation, no name.
        if words.len() == 1
            && tokens.get(to).is_some_and(|t| t.kind == TokenKind::Number)
            && before.is_some_and(|b| matches!(b, "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that"))
        {
            return None;
        }
        let after = self.folded(to + usize::from(tokens.get(to).is_some_and(|t| t.kind == TokenKind::Possessive)));
        let org_context = ORG_AFTER.contains(&after) || before.is_some_and(|b| ORG_BEFORE.contains(&b));
        // "the White Sox", "the Democracy Wall", "House of Lords": an article or "of" is rarely
        // part of a person's name (a title before one is read apart: "the President").
        // A place's name inside ("Real Madrid", "Air France") is a club's or company's, unless
        // "who" follows ("MaliVai Washington , who beat ...").
        let place_inside = (from + 1..to).any(|k| self.words.gazetteer(k).0.is_some());
        let who = (to..to + 2).any(|k| self.folded(k) == "who");
        let not_personal = !lexicon::is_given_name(words[0])
            && !who
            && (before.is_some_and(|b| matches!(b, "the" | "a" | "an"))
                || folded.contains(&"of")
                || place_inside
                || self.words.role(from).is_some_and(|r| r.modifier));
        let (kind, confidence) = if ORG_WORDS.contains(&last) {
            (ActorKind::Organization, 0.8)
        } else if words.len() > 1 && PLACE_WORDS.contains(&last) {
            (ActorKind::Place, 0.7) // "Cabinet Room", "Bank Street"
        } else if words.len() > 1 && folded.iter().any(|w| ORG_WORDS.contains(w) && *w != "international") {
            (ActorKind::Organization, 0.7)
        } else if all_caps || (org_context && !lexicon::is_given_name(words[0])) {
            (ActorKind::Organization, 0.6)
        } else if words.len() >= 2 && lexicon::is_given_name(words[0]) {
            (ActorKind::Person, 0.8)
        } else if locative && words.len() <= 2 {
            (ActorKind::Place, 0.5)
        } else if not_personal {
            (ActorKind::Organization, if words.len() >= 2 { 0.55 } else { 0.45 })
        } else if words.len() >= 2 {
            (ActorKind::Person, 0.55)
        } else if lexicon::is_given_name(words[0]) {
            (ActorKind::Person, 0.4)
        } else {
            // A lone unknown word never written after a given name: news introduces a person by full
            // name (a later surname joins it), so a name always written alone is more often a
            // company, club or body ("Magna", "Petofi"): on the CoNLL dev set, 112 such mentions
            // are organisations and 41 persons.
            (ActorKind::Organization, 0.4)
        };
        Some(RawMention {
            start: tokens[from].start,
            end: tokens[to - 1].end,
            sentence: self.sentence,
            key: Key::Name { name: surface_form(&text[tokens[from].start..tokens[to - 1].end]), kind },
            confidence,
            weak: from == 0 && to == 1,
            title: None,
            table: false,
            list: false,
            locative,
            affiliation: None,
        })
    }
}

/// Honorifics lead a name but name no office ("Mr", "Dr").
pub(super) fn is_honorific(word: &str) -> bool {
    matches!(word.trim_end_matches('.'), "mr" | "mrs" | "ms" | "dr" | "prof" | "sir" | "dame" | "lord")
}

/// Whether a word is an acronym: two to six capitals, maybe with dots ("OSCE", "U.N.").
pub(super) fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && word.chars().all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
}

/// Whether `acronym` abbreviates `name`: its letters are the initials of the name's capitalised
/// words, in order, starting with the first ("OSCE" for "Organisation for Security and
/// Cooperation in Europe"), so "Pete Sampras (U.S.)" is no definition.
pub(super) fn abbreviates(acronym: &str, name: &str) -> bool {
    if !is_acronym(acronym) || lexicon::lookup(acronym).is_some() {
        return false;
    }
    let initials: Vec<char> =
        name.split(|c: char| c.is_whitespace() || c == '-').filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    if initials.first() != letters.first() || initials.len() < 2 {
        return false;
    }
    let mut it = initials.iter();
    letters.iter().all(|l| it.any(|c| c == l))
}
