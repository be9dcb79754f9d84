//! The actors stage's names for its word lists, one per class of `data/en/name_words.tsv`
//! (compiled by build.rs into [`crate::word_lists`]; the file shows each class with an example).

use crate::text::WordList;
use crate::word_lists::*;

/// Capitalised words that are never a name on their own: function words, days, months,
/// discourse words ("Conversely", "Nov.").
pub(crate) const NOT_NAMES: WordList = NAME_WORDS_NOT_NAME;
/// The words of an organisation's name (the last word, or any word of a longer name).
pub(crate) const ORG_WORDS: WordList = NAME_WORDS_ORG;
/// The last words of a place's name ("Gaza Strip").
pub(crate) const PLACE_WORDS: WordList = NAME_WORDS_PLACE;
/// The last words of an event's name ("World Cup", "U.S. Open"), which is no actor.
pub(crate) const EVENT_WORDS: WordList = NAME_WORDS_EVENT;
/// Offices that follow an honorific as a form of address ("Mr. President"), never as a surname.
pub(crate) const ADDRESS_FORMS: WordList = NAME_WORDS_ADDRESS_FORM;
/// Prepositions after which a capital is the city itself ("talks in Muscat"), not its government.
pub(crate) const LOCATIVES: WordList = NAME_WORDS_LOCATIVE;
/// Words after a name that make it a company's or body's ("Pirelli shares").
pub(crate) const ORG_AFTER: WordList = NAME_WORDS_ORG_AFTER;
/// Words before a name that make it a company's or body's ("the carrier Emirates").
pub(crate) const ORG_BEFORE: WordList = NAME_WORDS_ORG_BEFORE;
/// Words for people that make "X in <capital>" the capital's political circles ("some in Jerusalem").
pub(crate) const PEOPLE_WORDS: WordList = NAME_WORDS_PEOPLE;
/// Nouns that "police" modifies without standing for the police ("police custody").
pub(crate) const POLICE_THINGS: WordList = NAME_WORDS_POLICE_THING;
/// Words that join a name's parts inside a run ("Bank of England", "Osama bin Laden").
pub(crate) const CONNECTORS: WordList = NAME_WORDS_CONNECTOR;
/// Personal pronouns: a run of capitals holding one is a motto or a title ("In God We Trust").
pub(crate) const PRONOUNS: WordList = NAME_WORDS_PRONOUN;
/// The endings of a company's name, never a name alone ("Apple, Inc.").
pub(crate) const COMPANY_SUFFIXES: WordList = NAME_WORDS_COMPANY_SUFFIX;
/// Words after a region that make the pair a group of states ("Gulf states", "Western powers").
pub(crate) const REGION_GROUP_NOUNS: WordList = NAME_WORDS_REGION_GROUP;
/// Region adjectives that lead such a group though they name no place of their own ("Arab states").
pub(crate) const REGION_ADJECTIVES: WordList = NAME_WORDS_REGION_ADJECTIVE;
/// Lower-case words a results table holds between its names ("v", "not out").
pub(crate) const ROW_MARKERS: WordList = NAME_WORDS_ROW_MARKER;
/// Between two sides of a fixture or result, in any case ("Walsall v Wrexham", "BOSTON AT OAKLAND").
pub(crate) const FIXTURE_MARKERS: WordList = NAME_WORDS_FIXTURE;
/// A cricket scorecard's markers: its cells are players ("S. Law c Tillekeratne b Dharmasena 13").
pub(crate) const SCORECARD_MARKERS: WordList = NAME_WORDS_SCORECARD;
/// Words joining the parts of one name in a table's cell ("Duke of Norfolk", "Van der Westhuizen").
pub(crate) const CELL_CONNECTORS: WordList = NAME_WORDS_CELL_CONNECTOR;
