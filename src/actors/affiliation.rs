//! What a person belongs to, from the text's own evidence only: an apposition that gives the
//! person's office and whose country or body it is.
//!
//! - "Xi Jinping, China's president, ..." → Xi Jinping, title "president", affiliated to China;
//! - "Mark Rutte, the Dutch prime minister, ..." → the Netherlands (a demonym);
//! - "Jane Doe, a spokeswoman for the Foreign Ministry, ..." → the Foreign Ministry;
//! - "The Iranian foreign minister, Abbas Araghchi, said ..." → Iran (the office before the name);
//! - "Jon Tester (D-Mont.)" → the Democratic Party (a party's tag).
//!
//! A title before the name ("Russian President Vladimir Putin") and "of X" ("Peter Nicol of
//! Scotland") are read where the name is found (`scan`); a country merely named near a person
//! is no evidence ("President Trump imposed tariffs on China" does not make him Chinese).

use crate::lexicon;
use crate::syntax::{SentenceSyntax, Upos};
use crate::text::{Token, TokenKind};
use crate::words::SentenceWords;

use super::mention::{Key, RawMention};
use super::ActorKind;

/// The most tokens an apposition holds ("the Dutch prime minister" is four).
const MAX_APPOSITION: usize = 10;

/// Gives the persons named in one sentence (`mentions`, in text order) the office and the
/// affiliation an apposition next to them states, where they have none yet.
pub(super) fn read_appositions(
    text: &str,
    tokens: &[Token],
    words: &SentenceWords<'_>,
    parse: &SentenceSyntax<'_>,
    mentions: &mut [RawMention],
) {
    let token_at = |offset: usize| tokens.partition_point(|t| t.start < offset);
    let spans: Vec<(usize, usize)> = mentions.iter().map(|m| (token_at(m.start), token_at(m.end))).collect();
    for p in 0..mentions.len() {
        if !matches!(mentions[p].key, Key::Name { kind: ActorKind::Person, .. }) || mentions[p].affiliation.is_some() {
            continue;
        }
        let (from, to) = spans[p];
        // "Jon Tester (D-Mont.)": the party of the letter.
        if let Some(party) = party_tag(text, tokens, to) {
            mentions[p].affiliation = Some(party);
            continue;
        }
        // After the name: ", <apposition> ," (or the sentence's end); before it: "<apposition> , <name>".
        let after = (tokens.get(to).is_some_and(|t| t.text(text) == ",")).then(|| phrase(text, tokens, to + 1, |k| k + 1)).flatten();
        let before = (from >= 2 && tokens.get(from - 1).is_some_and(|t| t.text(text) == ","))
            .then(|| noun_phrase_before(tokens, from - 1, parse))
            .flatten();
        for (a, b) in after.into_iter().chain(before) {
            let Some(office) = (a..b).find(|&k| words.role(k).is_some_and(|r| r.title) && !tokens[k].is_capitalized(text)) else {
                continue;
            };
            // The body or country inside the apposition: a mention lying within it.
            let owner = (0..mentions.len()).find(|&q| q != p && spans[q].0 >= a && spans[q].1 <= b && belongs_to(&mentions[q].key));
            // An office of a body ("the president of the Federal Reserve Bank of New York") is no
            // title "the president" stands for; a country's is ("China's president").
            let national = owner.is_none_or(|q| matches!(mentions[q].key, Key::Country(_)));
            if let Some(q) = owner {
                mentions[p].affiliation = Some(mentions[q].key.clone());
            }
            if mentions[p].title.is_none() && national {
                mentions[p].title = Some(words.folded(office).to_string());
            }
            break;
        }
    }
}

/// The party a tag after a politician's name gives ("(D-Mont.)", "(R-Ky.)"): the Democratic or
/// Republican Party of the gazetteer.
fn party_tag(text: &str, tokens: &[Token], at: usize) -> Option<Key> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.text(text));
    if word(at) != "(" || word(at + 2) != "-" || !(at + 3..at + 7).any(|k| word(k) == ")") {
        return None;
    }
    let party = match word(at + 1) {
        "D" => "Democratic Party",
        "R" => "Republican Party",
        _ => return None,
    };
    match lexicon::lookup(party) {
        Some(lexicon::Hit::Entity(e)) => Some(Key::Entity(e)),
        _ => None,
    }
}

/// The tokens `a..b` of an apposition starting at token `start` and read in the direction
/// `step` takes, up to a comma, a bracket or the sentence's edge: none if it is too long or
/// holds a verb-like word ("said") or another name's comma list.
fn phrase(text: &str, tokens: &[Token], start: usize, step: impl Fn(usize) -> usize) -> Option<(usize, usize)> {
    let mut k = start;
    let mut n = 0;
    let (mut lo, mut hi) = (start, start);
    while let Some(t) = tokens.get(k) {
        if matches!(t.text(text), "," | "(" | ")" | ";" | ":") || (t.kind == TokenKind::Punct && crate::text::is_dash_str(t.text(text))) {
            break;
        }
        lo = lo.min(k);
        hi = hi.max(k + 1);
        n += 1;
        if n > MAX_APPOSITION {
            return None;
        }
        k = step(k);
    }
    (n > 0).then_some((lo, hi))
}

/// The noun phrase ending just before token `end` ("his Chinese counterpart" of "... and his
/// Chinese counterpart, Xi Jinping"): the words the parse reads as a determiner, adjective,
/// noun or possessive, at most four; none when the word before `end` is no noun.
fn noun_phrase_before(tokens: &[Token], end: usize, parse: &SentenceSyntax<'_>) -> Option<(usize, usize)> {
    let nominal = |k: usize| {
        matches!(parse.upos_of_token(k), Some(Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Pron | Upos::Part))
            || tokens.get(k).is_some_and(|t| t.kind == TokenKind::Possessive)
    };
    let last = end.checked_sub(1)?;
    if !matches!(parse.upos_of_token(last), Some(Upos::Noun | Upos::Propn)) {
        return None;
    }
    let mut from = last;
    while from > 0 && last - from < 4 && nominal(from - 1) {
        from -= 1;
    }
    Some((from, end))
}

/// Whether a mention names what a person may belong to: a country, a body, a group.
fn belongs_to(key: &Key) -> bool {
    match key {
        Key::Country(_) => true,
        Key::Entity(e) => lexicon::entity(*e).is_some(),
        Key::Name { kind, .. } => matches!(kind, ActorKind::Organization | ActorKind::Group | ActorKind::Country),
        Key::TitleRef(_) => false,
    }
}
