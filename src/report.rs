//! The last stage: the one serializable view of an analysis (report version 1, see DESIGN.md).
//!
//! Stages work in UTF-8 byte offsets; the report speaks UTF-16 code units, the unit of JavaScript
//! strings, so the page slices and highlights with no conversion. The conversion happens here
//! once. Internal types stay free to change: only these types are the contract. What the
//! findings add up to (salience, relations and their tone) is [`crate::story`]'s: this module
//! only converts.

use serde::Serialize;

use crate::actors::Cast;
use crate::clean::BlockKind;
use crate::clean::Cleaned;
use crate::segment::Sentence;
use crate::sort;
use crate::stances::{self, StanceEntry};
use crate::story::Story;
use crate::takeaways::Pick;

/// The version of the report's shape; bumped when a field is renamed or removed.
pub const REPORT_VERSION: u32 = 1;

/// A span of the input in UTF-16 code units: `text.slice(start, end)` in JavaScript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
}

/// Where an actor is mentioned: its name, or a pronoun or description standing for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// A pronoun or description that stands for the actor ("he", "the company") rather than a
    /// name of it; written only when true.
    #[serde(skip_serializing_if = "is_false")]
    pub reference: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A sentence and its kind (title, body, heading, bullet, caption, boilerplate, byline, author_takeaway).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentenceSpan {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// What the sentence is.
    pub kind: &'static str,
}

/// A span the analysis left out, and why ("share", "caption", "byline", "bullet_marker", ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// Why it was left out.
    pub reason: &'static str,
}

/// An actor of the story with its merged aliases and every mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    /// Stable slug of the canonical name ("united-states").
    pub id: String,
    /// Canonical name ("United States").
    pub name: String,
    /// country, person, organization, group or place.
    pub kind: &'static str,
    /// Other names the text uses for it.
    pub aliases: Vec<String>,
    /// Where it is named, and where a pronoun or description read as a stance's actor stands for it.
    pub mentions: Vec<Mention>,
    /// How central it is to the story, in [0, 1]; actors are sorted by it.
    pub salience: f32,
    /// A person's country or organisation (an actor id).
    pub affiliation: Option<String>,
    /// How sure the analysis is of this actor, in [0, 1].
    pub confidence: f32,
}

/// What an actor wants or does toward another, with the words it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stance {
    /// The actor's id.
    pub actor: String,
    /// appeal, demand, reject, threaten, use_force, negotiate, cooperate, criticize, concern, intend, statement.
    pub class: &'static str,
    /// The stance words as written.
    pub verb: String,
    /// The id of the actor it is directed at, if any.
    pub target: Option<String>,
    /// "not", "never", "cannot".
    pub negated: bool,
    /// Under a modal or condition ("could", "if").
    pub hypothetical: bool,
    /// How sure the analysis is, in [0, 1].
    pub confidence: f32,
    /// The clause that carries it.
    pub evidence: Span,
    /// Index of its sentence in `sentences`.
    pub sentence: usize,
    /// The rule that found its holder ("subject", "passive_agent", "reference", "possessor", ...).
    pub rule: &'static str,
    /// What its confidence was weighed from, for calibration (`article-lens analyze --stance-features`).
    #[doc(hidden)]
    #[serde(skip)]
    pub features: Vec<&'static str>,
}

/// The stances between two actors, and their tone: cooperative, hostile, mixed or neutral.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relation {
    /// One actor's id.
    pub a: String,
    /// The other actor's id.
    pub b: String,
    /// Indices into `stances`.
    pub stances: Vec<usize>,
    /// cooperative, hostile, mixed or neutral.
    pub tone: &'static str,
}

/// A sentence chosen as a key takeaway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Takeaway {
    /// The sentence's text.
    pub text: String,
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// Index of the sentence in `sentences`.
    pub sentence: usize,
}

/// One bullet of the author's own summary block, as the author wrote it.
pub type AuthorTakeaway = Takeaway;

/// The whole analysis of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// [`REPORT_VERSION`].
    pub version: u32,
    /// Every sentence with its kind.
    pub sentences: Vec<SentenceSpan>,
    /// Spans left out of the analysis.
    pub removed: Vec<Removed>,
    /// Actors, most salient first.
    pub actors: Vec<Actor>,
    /// Stances, in text order.
    pub stances: Vec<Stance>,
    /// Pairs of actors with confident stances between them.
    pub relations: Vec<Relation>,
    /// The confidence under which a stance is unsure: the widget shows the stances at or above it
    /// and holds the rest back; relations are built from the former.
    pub stance_threshold: f64,
    /// The key takeaways, in article order.
    pub takeaways: Vec<Takeaway>,
    /// The author's own summary bullets, when the article has them.
    pub author_takeaways: Vec<AuthorTakeaway>,
}

/// Converts UTF-8 byte offsets of a text to UTF-16 code-unit offsets.
///
/// Keeps one checkpoint per non-ASCII character, so ASCII text costs nothing and a lookup is a
/// binary search.
pub(crate) struct Utf16Map {
    /// (byte offset just after a non-ASCII char, UTF-16 offset there).
    checkpoints: Vec<(usize, usize)>,
}

impl Utf16Map {
    pub fn new(text: &str) -> Utf16Map {
        let mut checkpoints = Vec::new();
        // Bytes minus code units so far: every non-ASCII char has more bytes than units. Read from
        // the lead bytes alone, with no decoding: 2 bytes are 1 unit, 3 bytes 1, 4 bytes 2.
        let mut saved = 0usize;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Eight ASCII bytes at a time (no high bit set), as most of any English text is.
            let chunk = bytes.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok());
            if chunk.is_some_and(|c| u64::from_le_bytes(c) & 0x8080_8080_8080_8080 == 0) {
                i += 8;
                continue;
            }
            let (len, units) = match bytes[i] {
                0xC0..=0xDF => (2, 1),
                0xE0..=0xEF => (3, 1),
                0xF0..=0xFF => (4, 2),
                _ => {
                    i += 1; // ASCII or a continuation byte
                    continue;
                }
            };
            saved += len - units;
            checkpoints.push((i + len, i + len - saved));
            i += 1;
        }
        Utf16Map { checkpoints }
    }

    /// The UTF-16 offset of byte offset `b` (which lies on a char boundary).
    pub fn at(&self, b: usize) -> usize {
        let k = self.checkpoints.partition_point(|&(byte, _)| byte <= b);
        match k {
            0 => b,
            _ => {
                let (byte, unit) = self.checkpoints[k - 1];
                unit + (b - byte)
            }
        }
    }
}

/// Builds the report from the stages' outputs.
pub(crate) fn build(
    text: &str,
    cleaned: &Cleaned,
    sentences: &[Sentence],
    cast: &Cast,
    stance_list: &[StanceEntry],
    story: &Story,
    picks: &[Pick],
    threshold: f32,
) -> Report {
    let map = Utf16Map::new(text);
    let span = |s: usize, e: usize| Span { start: map.at(s), end: map.at(e) };

    let salience = &story.salience;
    let mut order: Vec<usize> = (0..cast.actors.len()).collect();
    sort::sort_by_key(&mut order, |&a| sort::descending(f64::from(salience[a])));
    let id = |a: usize| cast.actors[a].id.clone();

    // Each actor's mentions in text order, gathered in one pass rather than one per actor.
    let mut mentions_of: Vec<Vec<Mention>> = vec![Vec::new(); cast.actors.len()];
    for m in &cast.mentions {
        if let Some(list) = mentions_of.get_mut(m.actor) {
            list.push(Mention { start: map.at(m.start), end: map.at(m.end), reference: m.reference });
        }
    }
    let actors = order
        .iter()
        .map(|&a| {
            let entry = &cast.actors[a];
            Actor {
                id: entry.id.clone(),
                name: entry.name.clone(),
                kind: entry.kind.as_str(),
                aliases: entry.aliases.clone(),
                mentions: std::mem::take(&mut mentions_of[a]),
                salience: round3(salience[a]),
                affiliation: entry.affiliation.map(id),
                confidence: round3(entry.confidence),
            }
        })
        .collect();

    let stances = stance_list
        .iter()
        .map(|s| Stance {
            actor: id(s.actor),
            class: s.class.as_str(),
            verb: text[s.verb.0..s.verb.1].to_string(),
            target: s.target.map(id),
            negated: s.negated,
            hypothetical: s.hypothetical,
            confidence: round3(s.confidence),
            evidence: span(s.evidence.0, s.evidence.1),
            sentence: s.sentence,
            rule: s.via.name(),
            features: stances::feature_names(s.features),
        })
        .collect();

    let relations = story
        .relations
        .iter()
        .map(|r| Relation { a: id(r.pair.0), b: id(r.pair.1), stances: r.stances.clone(), tone: r.tone.as_str() })
        .collect();

    let takeaway = |i: usize| {
        let s = &sentences[i];
        let sp = span(s.start, s.end);
        Takeaway { text: text[s.start..s.end].to_string(), start: sp.start, end: sp.end, sentence: i }
    };

    Report {
        version: REPORT_VERSION,
        sentences: sentences
            .iter()
            .map(|s| {
                // From `lead`: a list item's span shows its label ("2) "), which no stage reads.
                let sp = span(s.lead, s.end);
                SentenceSpan { start: sp.start, end: sp.end, kind: s.kind.as_str() }
            })
            .collect(),
        removed: cleaned
            .removed
            .iter()
            .map(|r| {
                let sp = span(r.start, r.end);
                Removed { start: sp.start, end: sp.end, reason: r.reason }
            })
            .collect(),
        actors,
        stances,
        relations,
        stance_threshold: (f64::from(threshold) * 1000.0).round() / 1000.0,
        takeaways: picks
            .iter()
            .map(|p| {
                let sp = span(p.start, p.end);
                Takeaway { text: text[p.start..p.end].to_string(), start: sp.start, end: sp.end, sentence: p.sentence }
            })
            .collect(),
        author_takeaways: (0..sentences.len()).filter(|&i| sentences[i].kind == BlockKind::AuthorTakeaway).map(takeaway).collect(),
    }
}

/// Rounds a score to three decimals, so reports are short and stable to compare.
fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_match_the_encoding_across_ascii_runs() {
        // Long ASCII runs are skipped eight bytes at a time; every char boundary must still map.
        let text = "Plain ASCII text, longer than eight bytes — then “quotes”, é, 😀 and more ASCII after.";
        let map = Utf16Map::new(text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(map.at(b), text[..b].encode_utf16().count(), "at byte {b}");
        }
    }

    #[test]
    fn utf16_offsets_count_code_units() {
        let text = "a’b😀c";
        let map = Utf16Map::new(text);
        assert_eq!(map.at(0), 0);
        assert_eq!(map.at(1), 1); // before ’
        assert_eq!(map.at(4), 2); // after ’ (3 bytes, 1 unit)
        assert_eq!(map.at(5), 3); // after b
        assert_eq!(map.at(9), 5); // after 😀 (4 bytes, 2 units)
        assert_eq!(map.at(10), 6);
    }
}
