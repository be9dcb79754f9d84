//! A mention as the scan finds it, before clustering: where it is and what it names (its
//! [`Key`]), with the spelling helpers the scan and the clustering share.

use super::ActorKind;

/// A mention before merging: where it is and what it names.
pub(super) struct RawMention {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) sentence: usize,
    pub(super) key: Key,
    pub(super) confidence: f32,
    /// A lone capitalised word opening a sentence: kept only if the text names it elsewhere too.
    pub(super) weak: bool,
    /// The title a person was named with ("prime minister"), so "the prime minister" finds them.
    pub(super) title: Option<String>,
    /// Named in a table row ([`rows`]), where its role, not its words, gave its kind.
    pub(super) table: bool,
    /// An item of a list of names ("Given , Breen , Staunton"): of the kind of the others.
    pub(super) list: bool,
    /// Where a place is expected ("in Seattle", a dateline): the place, not a team or government named after it.
    pub(super) locative: bool,
    /// What the text says the named one belongs to: the country of a title ("Iranian Foreign
    /// Minister Abbas Araghchi"), a body of an apposition or "of X".
    pub(super) affiliation: Option<Key>,
}

/// What a raw mention names, the key under which mentions merge.
#[derive(Clone, PartialEq)]
pub(super) enum Key {
    Country(usize),
    /// A place, organisation or group of the gazetteer.
    Entity(usize),
    /// A name found by pattern: its words as written and its kind.
    Name {
        name: String,
        kind: ActorKind,
    },
    /// "the prime minister": the person last named with that title, if any.
    TitleRef(String),
}

/// A generational suffix closing a person's name ("Jr.", "III"): no surname, never a name alone.
/// Any case, with or without its dot ("jr", "Jr.", "III").
pub(super) fn is_generational(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    ["jr", "sr", "ii", "iii", "iv"].iter().any(|g| word.eq_ignore_ascii_case(g))
}

/// "LONDON" → "London", "NEW YORK" → "New York"; other words as written.
pub(super) fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            if w.chars().any(char::is_lowercase) {
                return w.to_string();
            }
            // The first letter stays: with no lower-case letter in the word it is a capital already.
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| std::iter::once(f).chain(c.map(crate::text::lower)).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}
