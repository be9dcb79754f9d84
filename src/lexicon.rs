//! The lexicons of `data/`, compiled in by `build.rs` as sorted static tables.

/// How a country alias names its country; decides how a mention reads ("Tehran" is the
/// government by metonymy, "Iranian" an adjective that may lead a group noun).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AliasKind {
    /// The country's own name or a short form ("Iran", "U.S.").
    Name,
    /// A name that is also an everyday word or given name ("Chad"): matched only when written as a country.
    AmbiguousName,
    /// "Iranian", "Americans".
    Demonym,
    /// The capital or seat of government ("Tehran", "Washington").
    Capital,
}

/// The class of a stance, as in DESIGN.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StanceClass {
    /// Urges, asks, presses.
    Appeal,
    /// Demands, insists.
    Demand,
    /// Rejects, refuses.
    Reject,
    /// Warns, threatens.
    Threaten,
    /// Strikes, attacks.
    UseForce,
    /// Talks, negotiates, meets.
    Negotiate,
    /// Coordinates, supports, agrees.
    Cooperate,
    /// Condemns, accuses.
    Criticize,
    /// Worries, fears, is wary.
    Concern,
    /// Wants, plans, aims.
    Intend,
    /// Says, confirms, announces.
    Statement,
}

impl StanceClass {
    /// The name the report uses.
    pub fn as_str(self) -> &'static str {
        match self {
            StanceClass::Appeal => "appeal",
            StanceClass::Demand => "demand",
            StanceClass::Reject => "reject",
            StanceClass::Threaten => "threaten",
            StanceClass::UseForce => "use_force",
            StanceClass::Negotiate => "negotiate",
            StanceClass::Cooperate => "cooperate",
            StanceClass::Criticize => "criticize",
            StanceClass::Concern => "concern",
            StanceClass::Intend => "intend",
            StanceClass::Statement => "statement",
        }
    }

    /// Whether the class is friendly, hostile or neither, for the tone of a relation.
    pub fn tone(self) -> i8 {
        match self {
            StanceClass::Negotiate | StanceClass::Cooperate => 1,
            StanceClass::Reject | StanceClass::Threaten | StanceClass::UseForce | StanceClass::Criticize => -1,
            _ => 0,
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

use std::sync::OnceLock;

use crate::fasthash::{FastMap, FastSet};

/// What a gazetteer entity is, besides a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntityKind {
    /// A city or region ("Chicago", "West Bank").
    Place,
    /// An international organisation, news agency or company ("NATO", "Reuters").
    Organization,
    /// An armed or non-state group ("Hamas").
    Group,
    /// A seat of government that stands for its country ("the Kremlin").
    Government,
}

/// What an alias names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hit {
    /// A country (index into [`COUNTRIES`]) and how the alias names it.
    Country(usize, AliasKind),
    /// An entity (index into [`ENTITIES`]).
    Entity(usize),
}

/// The lookup key of a phrase: lower case, apostrophes and dashes folded, spaces collapsed
/// (build.rs keys the tables the same way).
pub(crate) fn key(s: &str) -> String {
    // One pass, one allocation: this runs for every capitalised word of the article.
    let mut out = String::with_capacity(s.len());
    key_into(s, &mut out);
    out
}

/// [`key`], appending to `out`.
fn key_into(s: &str, out: &mut String) {
    key_append(s, out.len(), out);
}

/// Goes on with a key: `out[from..]` is the key of a phrase that ends in no white space, and
/// `s` the text that follows it, so a phrase is keyed a word at a time, each word once.
pub(crate) fn key_append(s: &str, from: usize, out: &mut String) {
    if s.is_ascii() {
        return key_append_ascii(s, from, out);
    }
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = out.len() > from;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        let c = if crate::text::is_apostrophe(c) {
            '\''
        } else if crate::text::is_dash(c) {
            '-'
        } else {
            c
        };
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(crate::text::lower(c));
        }
    }
}

/// [`key_append`] of ASCII text, a word at a time: no character to decode or fold but capitals.
fn key_append_ascii(s: &str, from: usize, out: &mut String) {
    let bytes = s.as_bytes();
    let mut space = false;
    let mut i = 0;
    while i < bytes.len() {
        if crate::text::is_ascii_space(bytes[i]) {
            space = out.len() > from;
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !crate::text::is_ascii_space(bytes[i]) {
            i += 1;
        }
        if space {
            out.push(' ');
            space = false;
        }
        let at = out.len();
        out.push_str(s.get(start..i).unwrap_or(""));
        out[at..].make_ascii_lowercase();
    }
}

/// The parts of `s` between bytes `sep`, like `str::split` with an ASCII separator (so every part
/// is text) but with no searcher set up per call: start-up splits the compiled lexicons into
/// thousands of short fields.
fn fields(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let s = rest?;
        match s.bytes().position(|b| b == sep) {
            Some(at) => {
                rest = s.get(at + 1..);
                s.get(..at)
            }
            None => {
                rest = None;
                Some(s)
            }
        }
    })
}

/// The gazetteer, indexed once from its compact text, whose aliases build.rs wrote as keys: the
/// index borrows slices of that text, so building it allocates nothing per alias.
struct Gazetteer {
    /// key → (target, tag): tag 0-3 a country alias kind, 4-7 an entity kind; bit 7 marks an
    /// acronym, which must be written in capitals.
    aliases: FastMap<&'static str, (u16, u8)>,
    /// Every key's beginnings that end before a non-alphanumeric character ("united", "united
    /// states" of "united states of america"): lets the matcher stop extending a candidate early.
    prefixes: FastSet<&'static str>,
    /// (name, tag, country or u16::MAX), by entity index.
    entities: Vec<(&'static str, u8, u16)>,
}

fn gazetteer() -> &'static Gazetteer {
    static CELL: OnceLock<Gazetteer> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut g = Gazetteer { aliases: FastMap::default(), prefixes: FastSet::default(), entities: Vec::new() };
        g.aliases.reserve(GAZETTEER_DATA.len() / 12);
        // Entity names are aliases too: keyed here into one text, indexed once it is complete.
        let mut name_keys = String::new();
        let mut names: Vec<(usize, usize, u16, u8)> = Vec::new();
        for line in fields(GAZETTEER_DATA, b'\n') {
            let mut f = fields(line, b'\t');
            let (Some(tag), Some(target)) = (f.next(), f.next()) else { continue };
            let (tag, target, keys) = match tag.strip_prefix('c') {
                Some(t) => (t.parse().unwrap_or(0u8), target.parse().unwrap_or(0u16), f.next().unwrap_or("")),
                None => {
                    let name = f.next().unwrap_or("");
                    let (tag, mark) = tag.split_at(tag.len().min(1));
                    let tag = tag.parse().unwrap_or(4u8);
                    let index = g.entities.len() as u16;
                    g.entities.push((name, tag, target.parse().unwrap_or(u16::MAX)));
                    if mark != "!" {
                        let start = name_keys.len();
                        key_into(name, &mut name_keys);
                        names.push((start, name_keys.len(), index, tag | if mark == "^" { ACRONYM } else { 0 }));
                    }
                    (tag, index, f.next().unwrap_or(""))
                }
            };
            for k in fields(keys, b'|').filter(|k| !k.is_empty()) {
                match k.strip_prefix('^') {
                    Some(k) => g.add(k, target, tag | ACRONYM),
                    None => g.add(k, target, tag),
                }
            }
        }
        // Kept for the life of the page, as the gazetteer is: the index borrows from it.
        let name_keys: &'static str = Box::leak(name_keys.into_boxed_str());
        for (start, end, target, tag) in names {
            if let Some(k) = name_keys.get(start..end) {
                g.add(k, target, tag);
            }
        }
        g
    })
}

/// The tag bit of an acronym alias ("US", "NATO"): it matches only as written, so "us" and
/// "Who" stay words.
const ACRONYM: u8 = 0x80;

impl Gazetteer {
    /// Indexes alias key `k` and its word-boundary prefixes; an alias keeps its first owner.
    fn add(&mut self, k: &'static str, target: u16, tag: u8) {
        if k.is_ascii() {
            // Most keys: their ends of words found by bytes, with no character to decode.
            for at in (1..k.len()).filter(|&at| !k.as_bytes()[at].is_ascii_alphanumeric()) {
                self.prefixes.insert(&k[..at]);
            }
        } else {
            for (at, _) in k.char_indices().filter(|&(at, c)| at > 0 && !c.is_alphanumeric()) {
                self.prefixes.insert(&k[..at]);
            }
        }
        self.aliases.entry(k).or_insert((target, tag));
    }
}

/// What the phrase `form` names, as written: acronyms must match their capitals exactly ("US"
/// is a country, "us" is not); other aliases match in any case, the caller checking capitals.
pub(crate) fn lookup(form: &str) -> Option<Hit> {
    lookup_keyed(form, &key(form))
}

/// [`lookup`] with the form's [`key`] already made.
pub(crate) fn lookup_keyed(form: &str, k: &str) -> Option<Hit> {
    hit(form, alias(k)?)
}

/// A gazetteer alias as stored: what it names and how, before its case rule is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Alias {
    target: u16,
    tag: u8,
}

/// The alias keyed `k`, if there is one: half of [`lookup_keyed`], which a caller may keep per
/// distinct word.
pub(crate) fn alias(k: &str) -> Option<Alias> {
    gazetteer().aliases.get(k).map(|&(target, tag)| Alias { target, tag })
}

/// What alias `a` names where `form` writes it: the other half of [`lookup_keyed`].
pub(crate) fn hit(form: &str, a: Alias) -> Option<Hit> {
    let Alias { target, tag } = a;
    if tag & ACRONYM != 0 && form.chars().any(char::is_lowercase) {
        return None;
    }
    let target = usize::from(target);
    Some(match tag & 0x7F {
        0 => Hit::Country(target, AliasKind::Name),
        1 => Hit::Country(target, AliasKind::AmbiguousName),
        2 => Hit::Country(target, AliasKind::Demonym),
        3 => Hit::Country(target, AliasKind::Capital),
        _ => Hit::Entity(target),
    })
}

/// Whether some alias goes on after the phrase keyed `prefix` ("united" → "united states"):
/// lets the matcher stop extending a candidate early. `prefix` ends where a word ends.
pub(crate) fn has_longer(prefix: &str) -> bool {
    gazetteer().prefixes.contains(prefix)
}

/// An entity's canonical name, kind and country (a government body's; others have none).
pub(crate) fn entity(index: usize) -> Option<(&'static str, EntityKind, Option<usize>)> {
    let (name, tag, country) = *gazetteer().entities.get(index)?;
    let kind = match tag {
        4 => EntityKind::Place,
        5 => EntityKind::Organization,
        6 => EntityKind::Group,
        _ => EntityKind::Government,
    };
    Some((name, kind, (country != u16::MAX).then_some(usize::from(country))))
}

/// What a role word can do in a name ("minister": lead a name, name an office).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Role {
    /// It leads a person's name ("Foreign Minister Abbas Araghchi").
    pub title: bool,
    /// It names an office with one holder ("the prime minister").
    pub office: bool,
    /// After a demonym the pair speaks for the state ("Israeli officials").
    pub group: bool,
}

/// The uses of a lower-case role word, if it is one.
pub(crate) fn role(word: &str) -> Option<Role> {
    static INDEX: OnceLock<FastMap<&'static str, u8>> = OnceLock::new();
    let bits = *INDEX.get_or_init(|| ROLES.iter().copied().collect()).get(word)?;
    Some(Role { title: bits & 1 != 0, office: bits & 2 != 0, group: bits & 4 != 0 })
}

/// The kinds of actor a description noun may stand for ("company": an organisation), as bits of
/// [`DESCRIBES_PERSON`], [`DESCRIBES_ORGANIZATION`], [`DESCRIBES_GROUP`], [`DESCRIBES_COUNTRY`].
pub(crate) fn description(word: &str) -> Option<u8> {
    DESCRIPTIONS.binary_search_by(|(w, _)| (*w).cmp(word)).ok().map(|i| DESCRIPTIONS[i].1)
}

/// Whether a lower-case word opening a sentence points back to the sentence before ("it", "they",
/// "this"; `data/back_references.tsv`).
pub(crate) fn is_back_reference(word: &str) -> bool {
    BACK_REFERENCES.contains(&word)
}

/// A description of a person ("the senator").
pub(crate) const DESCRIBES_PERSON: u8 = 1;
/// A description of an organisation ("the company").
pub(crate) const DESCRIBES_ORGANIZATION: u8 = 2;
/// A description of a group ("the militia").
pub(crate) const DESCRIBES_GROUP: u8 = 4;
/// A description of a country ("the government").
pub(crate) const DESCRIBES_COUNTRY: u8 = 8;

/// Whether `word` is a common given name ("Benjamin"), in any case.
pub(crate) fn is_given_name(word: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| fields(GIVEN_NAMES, b'\n').collect());
    if word.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        set.contains(crate::text::lowercase(word).as_str())
    } else {
        set.contains(word)
    }
}

/// The country an alias written exactly as `form` names, if any (with the capitals rule of [`lookup`]).
pub(crate) fn country_alias(form: &str) -> Option<(usize, AliasKind)> {
    match lookup(form)? {
        Hit::Country(c, kind) => Some((c, kind)),
        Hit::Entity(_) => None,
    }
}

/// The stance class of a lower-case word or phrase, if it is a stance word.
#[cfg(test)]
pub(crate) fn stance_word(form: &str) -> Option<StanceClass> {
    stance_word_use(form).map(|(class, _)| class)
}

/// A stance word's class and how it may be read (bits of [`USE_VERB`], [`USE_NOUN`], [`USE_ADJ`]).
pub(crate) fn stance_word_use(form: &str) -> Option<(StanceClass, u8)> {
    stance_facts(form).0
}

/// [`stance_word_use`] of `form`, and whether it is the first word of a stance phrase ("cannot
/// accept": only then is the two-word lookup worth making), in one lookup: the words layer asks
/// both of every distinct word.
pub(crate) fn stance_facts(form: &str) -> (Option<(StanceClass, u8)>, bool) {
    type Facts = (Option<(StanceClass, u8)>, bool);
    static INDEX: OnceLock<FastMap<&'static str, Facts>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: FastMap<&'static str, Facts> = FastMap::default();
        for (form, found) in stance_words() {
            index.entry(form).or_default().0 = Some(found);
            if let Some((first, _)) = form.split_once(' ') {
                index.entry(first).or_default().1 = true;
            }
        }
        index
    });
    index.get(form).copied().unwrap_or_default()
}

/// Every stance word with its class and uses, read from the compact text build.rs writes.
fn stance_words() -> impl Iterator<Item = (&'static str, (StanceClass, u8))> {
    fields(STANCE_DATA, b'\n').flat_map(|line| {
        let mut f = fields(line, b'\t');
        let class = f.next().and_then(|c| c.parse::<usize>().ok()).and_then(|c| STANCE_CLASSES.get(c).copied());
        let uses = f.next().and_then(|u| u.parse::<u8>().ok()).unwrap_or(USE_VERB);
        let forms = fields(f.next().unwrap_or(""), b'|').filter(|form| !form.is_empty());
        forms.filter_map(move |form| Some((form, (class?, uses))))
    })
}

/// The word may head a verb phrase ("urged").
pub(crate) const USE_VERB: u8 = 1;
/// The word may head a noun phrase ("plea", "talks").
pub(crate) const USE_NOUN: u8 = 2;
/// The word is an adjective or adverb of attitude ("wary", "warily").
pub(crate) const USE_ADJ: u8 = 4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_quotes_dashes_and_spaces_in_ascii_and_beyond() {
        assert_eq!(key("  United   States "), "united states");
        assert_eq!(key("U.S.\x0bNavy\t\r\nSEALs"), "u.s. navy seals");
        assert_eq!(key("Côte  d\u{2019}Ivoire"), "côte d'ivoire");
        assert_eq!(key("Al\u{2011}Qaeda"), "al-qaeda");
        assert_eq!(key(""), "");
        let mut out = String::from("x united");
        key_append(" Kingdom", 2, &mut out);
        assert_eq!(out, "x united kingdom");
        let mut out = String::from("x ");
        key_append("  Arab\u{00A0}League", 2, &mut out);
        assert_eq!(out, "x arab league");
    }

    #[test]
    fn tables_are_sorted_and_resolve() {
        assert!(is_given_name("Benjamin") && !is_given_name("Later"));
        assert!(ROLES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(DESCRIPTIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(BACK_REFERENCES.iter().count() >= 17);
        assert!(is_back_reference("they") && is_back_reference("such") && !is_back_reference("there"));
        assert_eq!(role("minister"), Some(Role { title: true, office: true, group: true }));
        assert_eq!(role("officials").map(|r| (r.title, r.group)), Some((false, true)));
        assert!(stance_words().count() > 1000, "the stance lexicon parses");
        let (us, kind) = country_alias("Washington").unwrap();
        assert_eq!(COUNTRIES[us].0, "united-states");
        assert_eq!(kind, AliasKind::Capital);
        assert_eq!(country_alias("US").map(|(i, _)| COUNTRIES[i].0), Some("united-states"));
        assert_eq!(country_alias("us"), None);
        assert_eq!(stance_word("urged"), Some(StanceClass::Appeal));
        assert!(has_longer("united") && has_longer("united states") && !has_longer("united states of america"));
        assert_eq!(country_alias("NATO"), None);
        assert!(matches!(lookup("NATO"), Some(Hit::Entity(_))));
        assert_eq!(lookup("Nato").map(|_| ()), Some(()), "listed in both forms");
        assert_eq!(lookup("who"), None);
        let kremlin = match lookup("Kremlin") { Some(Hit::Entity(e)) => entity(e).unwrap(), other => panic!("{other:?}") };
        assert_eq!((kremlin.1, kremlin.2.map(|c| COUNTRIES[c].0)), (EntityKind::Government, Some("russia")));
    }

    #[test]
    fn every_country_is_its_own_alias() {
        for (i, (_, name)) in COUNTRIES.iter().enumerate() {
            assert_eq!(country_alias(name).map(|(c, _)| c), Some(i), "{name}");
        }
    }
}
