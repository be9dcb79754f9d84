//! The actors stage's word lists, one per class of `data/name_words.tsv` (compiled by build.rs;
//! the file shows each class with an example). The lists asked of nearly every token have a memo
//! slot, so the words layer answers them once per distinct word ([`crate::words`]).

use crate::lexicon::*;
use crate::text::WordList;

/// Capitalised words that are never a name on their own: function words, days, months,
/// discourse words ("Conversely", "Nov.").
pub(crate) const NOT_NAMES: WordList = NAME_WORDS_NOT_NAME.memo(21);
/// The words of an organisation's name (the last word, or any word of a longer name).
pub(crate) const ORG_WORDS: WordList = NAME_WORDS_ORG.memo(22);
/// The last words of a place's name ("Gaza Strip").
pub(crate) const PLACE_WORDS: WordList = NAME_WORDS_PLACE.memo(23);
/// The last words of an event's name ("World Cup", "U.S. Open"), which is no actor.
pub(crate) const EVENT_WORDS: WordList = NAME_WORDS_EVENT.memo(24);
/// Offices that follow an honorific as a form of address ("Mr. President"), never as a surname.
pub(crate) const ADDRESS_FORMS: WordList = NAME_WORDS_ADDRESS_FORM.memo(25);
/// Prepositions after which a capital is the city itself ("talks in Muscat"), not its government.
pub(crate) const LOCATIVES: WordList = NAME_WORDS_LOCATIVE.memo(26);
/// Words after a name that make it a company's or body's ("Pirelli shares").
pub(crate) const ORG_AFTER: WordList = NAME_WORDS_ORG_AFTER.memo(27);
/// Words before a name that make it a company's or body's ("the carrier Emirates").
pub(crate) const ORG_BEFORE: WordList = NAME_WORDS_ORG_BEFORE.memo(28);
/// Words for people that make "X in <capital>" the capital's political circles ("some in Jerusalem").
pub(crate) const PEOPLE_WORDS: WordList = NAME_WORDS_PEOPLE.memo(29);
/// Nouns that "police" modifies without standing for the police ("police custody").
pub(crate) const POLICE_THINGS: WordList = NAME_WORDS_POLICE_THING.memo(30);
/// The lists with a memo slot, for the words layer's index of them.
pub(crate) const MEMO_LISTS: [WordList; 10] = [
    NOT_NAMES, ORG_WORDS, PLACE_WORDS, EVENT_WORDS, ADDRESS_FORMS, LOCATIVES, ORG_AFTER, ORG_BEFORE, PEOPLE_WORDS,
    POLICE_THINGS,
];
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
