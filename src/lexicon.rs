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

/// The country aliases written exactly as `form` (case matters: "US" is a country, "us" is not).
pub(crate) fn country_alias(form: &str) -> Option<(usize, AliasKind)> {
    COUNTRY_ALIASES
        .binary_search_by(|(alias, _, _)| (*alias).cmp(form))
        .ok()
        .map(|i| (COUNTRY_ALIASES[i].1 as usize, COUNTRY_ALIASES[i].2))
}

/// Whether some country alias starts with `prefix` followed by a space: lets the matcher stop
/// extending a multi-word candidate early.
pub(crate) fn country_alias_has_prefix(prefix: &str) -> bool {
    let i = COUNTRY_ALIASES.partition_point(|(alias, _, _)| *alias < prefix);
    COUNTRY_ALIASES[i..]
        .iter()
        .take_while(|(alias, _, _)| alias.starts_with(prefix))
        .any(|(alias, _, _)| alias.len() > prefix.len())
}

/// The stance class of a lower-case word or phrase, if it is a stance word.
pub(crate) fn stance_word(form: &str) -> Option<StanceClass> {
    stance_word_use(form).map(|(class, _)| class)
}

/// A stance word's class and how it may be read (bits of [`USE_VERB`], [`USE_NOUN`], [`USE_ADJ`]).
pub(crate) fn stance_word_use(form: &str) -> Option<(StanceClass, u8)> {
    STANCE_WORDS.binary_search_by(|(w, _, _)| (*w).cmp(form)).ok().map(|i| (STANCE_WORDS[i].1, STANCE_WORDS[i].2))
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
    fn tables_are_sorted_and_resolve() {
        assert!(COUNTRY_ALIASES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(STANCE_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        let (us, kind) = country_alias("Washington").unwrap();
        assert_eq!(COUNTRIES[us].0, "united-states");
        assert_eq!(kind, AliasKind::Capital);
        assert_eq!(country_alias("US").map(|(i, _)| COUNTRIES[i].0), Some("united-states"));
        assert_eq!(country_alias("us"), None);
        assert_eq!(stance_word("urged"), Some(StanceClass::Appeal));
        assert!(country_alias_has_prefix("United"));
    }

    #[test]
    fn every_country_is_its_own_alias() {
        for (i, (_, name)) in COUNTRIES.iter().enumerate() {
            assert_eq!(country_alias(name).map(|(c, _)| c), Some(i), "{name}");
        }
    }
}
