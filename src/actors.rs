//! Stage 3: the actors of the story and every place they are mentioned.
//!
//! Mentions come from three sources, tried in this order at each word:
//! 1. the country gazetteer, longest match first and case-sensitive ("US" is a country, "us" is
//!    not), where a demonym may take a group noun along ("Israeli officials");
//! 2. titles before a name ("Foreign Minister Abbas Araghchi"): a person, whose affiliation is the
//!    country of a demonym before the title;
//! 3. other runs of capitalised words, filtered against sentence openings, days, months and
//!    discourse words, typed by their last word ("Ministry" → organisation) or their shape.
//!
//! Mentions then merge into actors as a reader merges them: every alias of a country is the
//! country, and a surname ("Netanyahu") is the full name it ends ("Benjamin Netanyahu").

use std::collections::HashMap;

use crate::clean::BlockKind;
use crate::lexicon::{self, AliasKind};
use crate::segment::Sentence;
use crate::text::{fold, slug, tokenize, Token, TokenKind};

/// What kind of actor, as the report names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ActorKind {
    Country,
    Person,
    Organization,
    #[allow(dead_code)] // armed and non-state groups come with their gazetteer
    Group,
    Place,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Group => "group",
            ActorKind::Place => "place",
        }
    }
}

/// One place an actor is named: a byte span of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub actor: usize,
}

/// An actor with what the text says of it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ActorEntry {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// Other surface forms, in order of first appearance.
    pub aliases: Vec<String>,
    /// A person's country or organisation (an index into the actors).
    pub affiliation: Option<usize>,
    /// How sure the stage is that this is an actor of that kind, in [0, 1].
    pub confidence: f32,
}

/// The actors of an article and their mentions (sorted by position).
#[derive(Debug, Default)]
pub(crate) struct Cast {
    pub actors: Vec<ActorEntry>,
    pub mentions: Vec<Mention>,
}

impl Cast {
    /// The mentions inside sentence `index`, in order.
    pub fn mentions_in(&self, index: usize) -> &[Mention] {
        let from = self.mentions.partition_point(|m| m.sentence < index);
        let to = self.mentions.partition_point(|m| m.sentence <= index);
        &self.mentions[from..to]
    }
}

/// Words after a demonym that make the pair name the country's people or state ("Israeli officials").
const GROUP_NOUNS: &[&str] = &[
    "officials", "official", "negotiators", "interlocutors", "diplomats", "leaders", "leadership", "government",
    "authorities", "forces", "troops", "military", "army", "delegation", "delegations", "counterparts", "media",
    "ministers", "minister", "envoy", "envoys", "president", "spokesman", "spokeswoman", "spokesperson", "sources",
    "security", "intelligence", "navy", "administration", "side",
];
/// Title words that lead a person's name, lower case; multi-word titles are runs of these.
const TITLE_WORDS: &[&str] = &[
    "president", "prime", "minister", "foreign", "defence", "defense", "interior", "finance", "secretary", "state",
    "chancellor", "king", "queen", "prince", "princess", "crown", "sheikh", "emir", "ayatollah", "supreme", "leader",
    "ambassador", "envoy", "special", "senator", "sen.", "rep.", "representative", "governor", "mayor", "general",
    "gen.", "admiral", "colonel", "col.", "commander", "chief", "spokesman", "spokeswoman", "spokesperson", "pope",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "vice", "deputy", "speaker", "justice",
    "judge", "director", "chairman", "chairwoman", "ceo", "lord", "sir", "dame", "premier", "foreign-minister",
];
/// The last word of an organisation's name, lower case.
const ORG_WORDS: &[&str] = &[
    "ministry", "party", "council", "agency", "organization", "organisation", "union", "committee", "commission",
    "bank", "fund", "company", "corporation", "corp", "inc", "group", "forces", "army", "navy", "guard", "guards",
    "court", "parliament", "assembly", "senate", "congress", "department", "office", "institute", "university",
    "association", "federation", "league", "front", "movement", "brigades", "network", "news", "times", "post",
    "authority", "service", "services", "police", "coalition", "alliance", "foundation", "board", "bureau",
];
/// Capitalised words that are never a name on their own: function words that open sentences,
/// days, months, and discourse words.
const NOT_NAMES: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his",
    "her", "their", "our", "my", "your", "if", "for", "in", "on", "at", "as", "by", "to", "of", "and", "or", "but",
    "so", "yet", "while", "when", "where", "what", "who", "why", "how", "after", "before", "since", "until", "with",
    "without", "from", "into", "during", "there", "here", "some", "many", "most", "all", "any", "each", "both",
    "no", "not", "one", "two", "three", "conversely", "however", "meanwhile", "moreover", "furthermore", "still",
    "also", "even", "only", "then", "thus", "instead", "indeed", "momentum", "policymakers", "officials", "sources",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "mr", "mrs", "ms",
    "dr", "key", "editor", "share", "related", "strategic", "analysis", "insight", "detail", "short", "long",
    "last", "next", "first", "second", "new", "according", "under", "over", "about", "against", "between",
];

/// A mention before merging: where it is and what it names.
struct RawMention {
    start: usize,
    end: usize,
    sentence: usize,
    key: Key,
    confidence: f32,
    /// A lone capitalised word opening a sentence: kept only if the text names it elsewhere too.
    weak: bool,
}

/// What a raw mention names, the key under which mentions merge.
#[derive(Clone, PartialEq)]
enum Key {
    Country(usize),
    /// A name found by pattern: its words as written, its kind, and an affiliation from its title.
    Name { name: String, kind: ActorKind, affiliation: Option<usize> },
}

/// Finds the actors of the article in its sentences (clutter kinds are skipped).
pub(crate) fn find_actors(text: &str, sentences: &[Sentence]) -> Cast {
    let mut raw = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        if sentence.kind.is_clutter() {
            continue;
        }
        let tokens = tokenize(text, sentence.start, sentence.end);
        let title_case = matches!(sentence.kind, BlockKind::Title | BlockKind::Heading);
        scan_sentence(text, &tokens, index, title_case, &mut raw);
    }
    raw.sort_by_key(|m| m.start);
    merge(text, raw)
}

/// Adds the mentions of one sentence to `out`.
fn scan_sentence(text: &str, tokens: &[Token], sentence: usize, title_case: bool, out: &mut Vec<RawMention>) {
    let mut i = 0;
    while i < tokens.len() {
        if let Some((len, country, kind)) = country_at(text, tokens, i) {
            let mut end = tokens[i + len - 1].end;
            let mut used = len;
            // "Israeli officials", "US negotiators": the group speaks for the country.
            if let Some(next) = tokens.get(i + len) {
                if matches!(kind, AliasKind::Demonym | AliasKind::Name) && is_group_noun(next.text(text)) {
                    end = next.end;
                    used += 1;
                }
            }
            // A demonym before a title is the person's affiliation, not a mention of the country.
            if kind == AliasKind::Demonym {
                if let Some((person, consumed)) = titled_person(text, tokens, i + len, title_case) {
                    out.push(RawMention {
                        start: person.0,
                        end: person.1,
                        sentence,
                        key: Key::Name { name: person.2, kind: ActorKind::Person, affiliation: Some(country) },
                        confidence: 0.9,
                        weak: false,
                    });
                    i += len + consumed;
                    continue;
                }
            }
            let confidence = match kind {
                AliasKind::Name => 0.97,
                AliasKind::Capital | AliasKind::AmbiguousName => 0.85,
                AliasKind::Demonym => 0.9,
            };
            out.push(RawMention { start: tokens[i].start, end, sentence, key: Key::Country(country), confidence, weak: false });
            i += used;
            continue;
        }
        if tokens[i].is_capitalized(text) {
            if let Some((person, consumed)) = titled_person(text, tokens, i, title_case) {
                out.push(RawMention {
                    start: person.0,
                    end: person.1,
                    sentence,
                    key: Key::Name { name: person.2, kind: ActorKind::Person, affiliation: None },
                    confidence: 0.85,
                    weak: false,
                });
                i += consumed;
                continue;
            }
            if !title_case {
                let run = capitalized_run(text, tokens, i);
                if let Some(m) = name_from_run(text, tokens, i, run, sentence) {
                    out.push(m);
                }
                i += run.max(1);
                continue;
            }
        }
        i += 1;
    }
}

/// The longest country alias starting at token `i`: (tokens used, country, alias kind).
fn country_at(text: &str, tokens: &[Token], i: usize) -> Option<(usize, usize, AliasKind)> {
    let first = tokens[i];
    if first.kind != TokenKind::Word || !first.is_capitalized(text) {
        return None;
    }
    let mut best = None;
    let mut candidate = String::new();
    for (n, tok) in tokens[i..].iter().take(6).enumerate() {
        if n > 0 {
            let gap = &text[tokens[i + n - 1].end..tok.start];
            if tok.kind != TokenKind::Word || !gap.chars().all(char::is_whitespace) || gap.is_empty() {
                break;
            }
            candidate.push(' ');
        }
        candidate.push_str(tok.text(text));
        if let Some((country, kind)) = lexicon::country_alias(&candidate) {
            best = Some((n + 1, country, kind));
        }
        if !lexicon::country_alias_has_prefix(&format!("{candidate} ")) {
            break;
        }
    }
    let (len, country, kind) = best?;
    // "Chad", "Jordan": a country only where a place is expected ("in Jordan", "Jordan's army" no).
    if kind == AliasKind::AmbiguousName {
        let before = i.checked_sub(1).map(|p| fold(tokens[p].text(text)));
        if !matches!(before.as_deref(), Some("in" | "to" | "from" | "of" | "with" | "and")) {
            return None;
        }
    }
    Some((len, country, kind))
}

fn is_group_noun(word: &str) -> bool {
    GROUP_NOUNS.contains(&fold(word).as_str())
}

fn is_title_word(word: &str) -> bool {
    TITLE_WORDS.contains(&fold(word).as_str())
}

/// A person named after a title at token `i` ("Prime Minister Benjamin Netanyahu"):
/// ((start, end, name), tokens consumed including the title).
fn titled_person(text: &str, tokens: &[Token], i: usize, title_case: bool) -> Option<((usize, usize, String), usize)> {
    let mut j = i;
    while j < tokens.len() && tokens[j].is_capitalized(text) && is_title_word(tokens[j].text(text)) {
        j += 1;
        // "Secretary of State": a title may hold "of".
        if j + 1 < tokens.len() && tokens[j].text(text) == "of" && is_title_word(tokens[j + 1].text(text)) {
            j += 1;
        }
    }
    if j == i {
        return None;
    }
    let name_len = capitalized_run(text, tokens, j).min(4);
    // In a title-case headline any word is capitalised: only take a name of two words or more there.
    if name_len == 0 || (title_case && name_len < 2) {
        return None;
    }
    let words: Vec<&str> = (j..j + name_len).map(|k| tokens[k].text(text)).collect();
    if words.iter().any(|w| NOT_NAMES.contains(&fold(w).as_str()) || lexicon::country_alias(w).is_some()) {
        return None;
    }
    let (start, end) = (tokens[j].start, tokens[j + name_len - 1].end);
    Some(((start, end, words.join(" ")), j - i + name_len))
}

/// How many tokens from `i` form a run of capitalised words (with "of", "al", "bin" inside).
fn capitalized_run(text: &str, tokens: &[Token], i: usize) -> usize {
    let mut n = 0;
    while i + n < tokens.len() {
        let tok = tokens[i + n];
        if n > 0 && !text[tokens[i + n - 1].end..tok.start].chars().all(char::is_whitespace) {
            break;
        }
        if n > 0 && country_at(text, tokens, i + n).is_some() {
            break; // "Rouhani Iran" is two names
        }
        if tok.is_capitalized(text) && tok.kind == TokenKind::Word {
            n += 1;
        } else if n > 0
            && matches!(tok.text(text), "of" | "al" | "bin" | "de" | "van" | "von" | "der" | "la" | "el")
            && tokens.get(i + n + 1).is_some_and(|t| t.is_capitalized(text))
        {
            n += 1;
        } else {
            break;
        }
    }
    n
}

/// Turns a run of capitalised words into a mention, or nothing when it is no name.
fn name_from_run(text: &str, tokens: &[Token], i: usize, run: usize, sentence: usize) -> Option<RawMention> {
    let mut from = i;
    let to = i + run;
    // Drop openers that are no names ("For", "Conversely") and the sentence's first word when alone.
    while from < to && NOT_NAMES.contains(&fold(tokens[from].text(text)).as_str()) {
        from += 1;
    }
    if from == to {
        return None;
    }
    let words: Vec<&str> = (from..to).map(|k| tokens[k].text(text)).collect();
    if words.iter().any(|w| lexicon::country_alias(w).is_some()) {
        return None;
    }
    let last = fold(words[words.len() - 1]);
    let all_caps = words.len() == 1 && words[0].len() >= 2 && words[0].chars().all(|c| c.is_uppercase());
    let single_letter = words.len() == 1 && words[0].chars().count() == 1;
    if single_letter {
        return None;
    }
    let (kind, confidence) = if ORG_WORDS.contains(&last.as_str()) {
        (ActorKind::Organization, 0.8)
    } else if all_caps {
        (ActorKind::Organization, 0.6)
    } else if words.len() >= 2 {
        (ActorKind::Person, 0.55)
    } else {
        (ActorKind::Place, 0.4)
    };
    let name = words.join(" ");
    Some(RawMention {
        start: tokens[from].start,
        end: tokens[to - 1].end,
        sentence,
        key: Key::Name { name, kind, affiliation: None },
        confidence,
        weak: from == 0 && to == 1,
    })
}

/// Merges raw mentions into actors: one actor per country, one per full name, surnames to the
/// person they end; single words named once and nowhere else are dropped as too unsure.
fn merge(text: &str, raw: Vec<RawMention>) -> Cast {
    let mut cast = Cast::default();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut country_actor: HashMap<usize, usize> = HashMap::new();
    // Full person names, so a lone surname or "Mr X" finds its person.
    let persons: Vec<String> = raw
        .iter()
        .filter_map(|m| match &m.key {
            Key::Name { name, kind: ActorKind::Person, .. } if name.contains(' ') => Some(name.clone()),
            _ => None,
        })
        .collect();
    // How often each name is written where a capital letter means a name (not opening a sentence).
    let firm_counts = raw.iter().filter(|m| !m.weak).fold(HashMap::<String, usize>::new(), |mut acc, m| {
        if let Key::Name { name, .. } = &m.key {
            *acc.entry(name.clone()).or_default() += 1;
        }
        acc
    });
    for m in &raw {
        let (key, name, kind, affiliation) = match &m.key {
            Key::Country(c) => {
                let (id, name) = lexicon::COUNTRIES[*c];
                (format!("country:{id}"), name.to_string(), ActorKind::Country, None)
            }
            Key::Name { name, kind, affiliation } => {
                let full = persons.iter().find(|p| p.len() > name.len() && p.ends_with(&format!(" {name}")));
                match full {
                    Some(full) => (format!("name:{full}"), full.clone(), ActorKind::Person, *affiliation),
                    None if m.weak && firm_counts.get(name).is_none() => continue,
                    None if !name.contains(' ') && *kind == ActorKind::Place && firm_counts.get(name).map_or(true, |&c| c < 2) => {
                        continue
                    }
                    None => (format!("name:{name}"), name.clone(), *kind, *affiliation),
                }
            }
        };
        let affiliation = affiliation.map(|c| {
            *country_actor.entry(c).or_insert_with(|| {
                let (_, cname) = lexicon::COUNTRIES[c];
                new_actor(&mut cast, &mut by_key, format!("country:{}", lexicon::COUNTRIES[c].0), cname, ActorKind::Country, 0.9)
            })
        });
        let actor = match by_key.get(&key) {
            Some(&a) => a,
            None => {
                let a = new_actor(&mut cast, &mut by_key, key.clone(), &name, kind, m.confidence);
                if let Key::Country(c) = m.key {
                    country_actor.insert(c, a);
                }
                a
            }
        };
        let entry = &mut cast.actors[actor];
        entry.confidence = entry.confidence.max(m.confidence);
        if entry.affiliation.is_none() {
            entry.affiliation = affiliation;
        }
        let surface = surface_form(&text[m.start..m.end]);
        if surface != entry.name && !entry.aliases.contains(&surface) {
            entry.aliases.push(surface);
        }
        cast.mentions.push(Mention { start: m.start, end: m.end, sentence: m.sentence, actor });
    }
    cast
}

fn new_actor(
    cast: &mut Cast,
    by_key: &mut HashMap<String, usize>,
    key: String,
    name: &str,
    kind: ActorKind,
    confidence: f32,
) -> usize {
    if let Some(&a) = by_key.get(&key) {
        return a;
    }
    let mut id = slug(name);
    if cast.actors.iter().any(|a| a.id == id) {
        id = format!("{id}-{}", kind.as_str());
    }
    cast.actors.push(ActorEntry { id, name: name.to_string(), kind, aliases: Vec::new(), affiliation: None, confidence });
    by_key.insert(key, cast.actors.len() - 1);
    cast.actors.len() - 1
}

/// A mention's text as an alias: curly apostrophes folded, white space collapsed.
fn surface_form(s: &str) -> String {
    let folded: String = s.chars().map(|c| if crate::text::is_apostrophe(c) { '\'' } else { c }).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Salience of each actor in [0, 1]: mentions weighted toward the top of the article, and
/// stances the actor takes; the most salient actor scores 1.
pub(crate) fn salience(cast: &Cast, sentence_count: usize, stance_subjects: &[usize]) -> Vec<f32> {
    let mut score = vec![0.0f32; cast.actors.len()];
    let n = sentence_count.max(1) as f32;
    for m in &cast.mentions {
        score[m.actor] += 1.0 + 1.0 - (m.sentence as f32 / n).min(1.0);
    }
    for &a in stance_subjects {
        if let Some(s) = score.get_mut(a) {
            *s += 1.5;
        }
    }
    let max = score.iter().cloned().fold(0.0f32, f32::max);
    if max > 0.0 {
        score.iter_mut().for_each(|s| *s /= max);
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{clean::clean, segment::segment};

    fn cast_of(text: &str) -> Cast {
        find_actors(text, &segment(text, &clean(text)))
    }

    fn names(cast: &Cast) -> Vec<&str> {
        cast.actors.iter().map(|a| a.name.as_str()).collect()
    }

    #[test]
    fn capitals_and_demonyms_are_their_country() {
        let text = "The U.S. and Washington's allies met. American officials said US forces would stay.";
        let cast = cast_of(text);
        assert_eq!(names(&cast), ["United States"]);
        assert_eq!(cast.mentions.len(), 4);
        assert_eq!(cast.actors[0].aliases, ["U.S.", "Washington", "American officials", "US forces"]);
    }

    #[test]
    fn titled_people_and_surnames_merge() {
        let text = "Iranian Foreign Minister Abbas Araghchi spoke. Araghchi later left for Muscat.";
        let cast = cast_of(text);
        let person = cast.actors.iter().find(|a| a.name == "Abbas Araghchi").expect("person");
        assert_eq!(person.kind, ActorKind::Person);
        assert_eq!(cast.actors[person.affiliation.unwrap()].name, "Iran");
        assert_eq!(cast.mentions.iter().filter(|m| cast.actors[m.actor].name == "Abbas Araghchi").count(), 2);
        assert!(names(&cast).contains(&"Oman"));
    }

    #[test]
    fn sentence_openers_and_lowercase_us_are_not_actors() {
        let text = "Conversely, talks helped us. Momentum faded on Friday.";
        assert!(cast_of(text).actors.is_empty());
    }
}
