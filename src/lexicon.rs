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

pub use crate::vocabulary::StanceClass;

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

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
    /// An entity (index into [`ENTITIES`], see [`entity`]).
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

/// The tag bit of an acronym alias ("US", "NATO"): it matches only as written, so "us" and
/// "Who" stay words (build.rs's `GAZ_ACRONYM`).
const ACRONYM: u8 = 0x80;
/// The key is an alias (build.rs's `GAZ_ALIAS`); without it, only a prefix of longer ones.
const IS_ALIAS: u8 = 0x08;
/// Longer aliases start with the key (build.rs's `GAZ_LONGER`).
const HAS_LONGER: u8 = 0x40;

/// The gazetteer's entry for key `k`: (target, flags), the flags' low three bits the tag.
fn gazetteer_entry(k: &str) -> Option<(u16, u8)> {
    let (stored, &[lo, hi, flags]) = GAZETTEER.entry(k)? else { return None };
    let target = u16::from_le_bytes([lo, hi]);
    // An empty key stands for the name of the entity it names (build.rs stores it once).
    let found = if stored.is_empty() { is_key_of(k, entity(usize::from(target))?.0) } else { stored == k.as_bytes() };
    found.then_some((target, flags))
}

/// Whether `k` is the [`key`] of `name`: compared as it is made, with no copy of an ASCII name.
fn is_key_of(k: &str, name: &str) -> bool {
    if !name.is_ascii() {
        return key(name) == k;
    }
    let mut want = k.bytes();
    let mut words = name.split(|c: char| c.is_ascii() && crate::text::is_ascii_space(c as u8)).filter(|w| !w.is_empty());
    let mut first = true;
    words.all(|word| {
        let space = first || want.next() == Some(b' ');
        first = false;
        space && word.bytes().all(|b| want.next() == Some(b.to_ascii_lowercase()))
    }) && want.next().is_none()
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
    let (target, flags) = gazetteer_entry(k).filter(|&(_, flags)| flags & IS_ALIAS != 0)?;
    Some(Alias { target, tag: flags & (ACRONYM | 0x07) })
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
    gazetteer_entry(prefix).is_some_and(|(_, flags)| flags & HAS_LONGER != 0)
}

/// An entity's canonical name, kind and country (a government body's; others have none).
pub(crate) fn entity(index: usize) -> Option<(&'static str, EntityKind, Option<usize>)> {
    let packed = *ENTITIES.get(index)?;
    let start = index.checked_sub(1).and_then(|i| ENTITIES.get(i)).map_or(0, |&p| (p & 0xF_FFFF) as usize);
    let name = ENTITY_NAMES.get(start..(packed & 0xF_FFFF) as usize)?;
    let (tag, country) = ((packed >> 20) & 7, packed >> 23);
    let kind = match tag {
        4 => EntityKind::Place,
        5 => EntityKind::Organization,
        6 => EntityKind::Group,
        _ => EntityKind::Government,
    };
    Some((name, kind, country.checked_sub(1).map(|c| c as usize)))
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
    /// It only qualifies the office after it ("Foreign" of "Foreign Minister"): no title ends with it.
    pub modifier: bool,
}

/// The uses of a lower-case role word, if it is one.
pub(crate) fn role(word: &str) -> Option<Role> {
    let bits = *ROLES.get(word)?.first()?;
    Some(Role { title: bits & 1 != 0, office: bits & 2 != 0, group: bits & 4 != 0, modifier: bits & 8 != 0 })
}

/// The kinds of actor a description noun may stand for ("company": an organisation), as bits of
/// [`DESCRIBES_PERSON`], [`DESCRIBES_ORGANIZATION`], [`DESCRIBES_GROUP`], [`DESCRIBES_COUNTRY`].
pub(crate) fn description(word: &str) -> Option<u8> {
    DESCRIPTIONS.binary_search_by(|(w, _)| (*w).cmp(word)).ok().map(|i| DESCRIPTIONS[i].1)
}

/// The stance class an evaluative phrase of `data/en/evaluative.tsv` takes ("a disgrace":
/// criticize), for lower-case words joined by single spaces.
pub(crate) fn evaluative(phrase: &str) -> Option<StanceClass> {
    let i = EVALUATIVE.binary_search_by(|(p, _)| (*p).cmp(phrase)).ok()?;
    STANCE_CLASSES.get(EVALUATIVE[i].1 as usize).copied()
}

/// Whether a lower-case word opening a sentence points back to the sentence before ("it", "they",
/// "this"; `data/en/back_references.tsv`).
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
    if word.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        GIVEN_NAMES.get(&crate::text::lowercase(word)).is_some()
    } else {
        GIVEN_NAMES.get(word).is_some()
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
    let Some(&[facts]) = STANCE_WORDS.get(form) else { return (None, false) };
    let class = (facts & 0x0F).checked_sub(1).and_then(|c| STANCE_CLASSES.get(usize::from(c)).copied());
    (class.map(|class| (class, (facts >> 4) & 0x07)), facts & 0x80 != 0)
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
        assert!(is_given_name("Benjamin") && is_given_name("benjamin") && !is_given_name("Later"));
        assert!(DESCRIPTIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(BACK_REFERENCES.iter().count() >= 17);
        assert!(is_back_reference("they") && is_back_reference("such") && !is_back_reference("there"));
        assert_eq!(role("minister"), Some(Role { title: true, office: true, group: true, modifier: false }));
        assert_eq!(role("officials").map(|r| (r.title, r.group)), Some((false, true)));
        assert_eq!(role("Minister"), None, "keys are lower case");
        assert!(STANCE_WORDS.len > 1000 && GIVEN_NAMES.len > 1000 && GAZETTEER.len > 2000, "the lexicons compiled");
        assert_eq!(stance_facts("according"), (None, true), "opens \"according to\" and is no stance word alone");
        assert_eq!(stance_facts("plea").0.map(|(c, uses)| (c, uses & USE_NOUN != 0)), Some((StanceClass::Appeal, true)));
        assert_eq!(stance_facts("the"), (None, false));
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
        let kremlin = match lookup("Kremlin") {
            Some(Hit::Entity(e)) => entity(e).unwrap(),
            other => panic!("{other:?}"),
        };
        assert_eq!((kremlin.1, kremlin.2.map(|c| COUNTRIES[c].0)), (EntityKind::Government, Some("russia")));
    }

    /// The build keys entity names with build.rs's `key`; the widget keys text with this file's:
    /// every name must be found by the widget's key of it.
    #[test]
    fn every_entity_is_found_by_its_name() {
        assert!(is_key_of("united states", " United \t States ") && !is_key_of("united state", "United States"));
        assert!(is_key_of("a", "A") && !is_key_of("a ", "A") && !is_key_of("ab", "A") && !is_key_of("", "A"));
        let mut i = 0;
        while let Some((name, _, _)) = entity(i) {
            assert!(lookup(name).is_some() || alias(&key(name)).is_some(), "{name}");
            i += 1;
        }
        assert_eq!(i, ENTITIES.len());
        assert!(i > 1000, "{i} entities");
        assert_eq!(entity(i), None);
    }

    #[test]
    fn every_country_is_its_own_alias() {
        for (i, (_, name)) in COUNTRIES.iter().enumerate() {
            assert_eq!(country_alias(name).map(|(c, _)| c), Some(i), "{name}");
        }
    }
}
