//! Stage 5: the sentences that carry the story.
//!
//! News is written lead first, so position dominates the score (Lead-3 is the bar extractive
//! summarisers are measured against, and most fall below it). Centrality (how much a sentence
//! shares the article's vocabulary, measured against one centroid so the cost stays linear), the
//! actors and stances it carries and paragraph starts refine it; penalties push down what rarely
//! carries the story: bare quotes, questions, fragments, over-long run-ons, and what a pasted page
//! lets through as body text (site notices, captions, teasers cut short, lines the page repeats).
//! Picks skip a sentence too like one already taken (checked only against the ≤10 taken, so still
//! linear) and come back in article order, shown without a lead-in dateline or source tag. Only
//! body sentences of the article's main run compete: never a heading, caption, page furniture or
//! a copy of the author's own bullets.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

use crate::actors::Cast;
use crate::clean::BlockKind;
use crate::segment::Sentence;
use crate::sort;
use crate::stances::StanceEntry;
use crate::fasthash::{FastMap, FastSet, FxHasher};
use crate::text::{is_closing, is_opening, TokenKind};
use crate::words::{WordId, Words};

/// Fewest and most takeaways the widget picks by itself.
const DEFAULT_RANGE: (usize, usize) = (3, 5);
/// The most a caller can ask for.
const MAX_WANTED: usize = 10;
/// Two sentences sharing more than this share of the smaller one's content words say the same thing.
const REDUNDANT_OVERLAP: f32 = 0.6;
/// How fast the position prior decays: the sentence at this rank (or at k, if more are wanted)
/// scores half the lead's.
const POSITION_HALF_LIFE: f32 = 3.0;
/// Weights of the score's parts: position dominates, centrality refines; paragraph starts and
/// the actors and stances a sentence carries only break near-ties (on the CNN/DM dev set a larger
/// actor weight pulled the picks away from the lead and lost ROUGE).
const W_POSITION: f32 = 0.7;
const W_CENTRALITY: f32 = 0.2;
const W_PARAGRAPH: f32 = 0.05;
const W_ACTORS: f32 = 0.01;
/// The factor for a sentence that occurs more than once in the text.
const REPEATED_FACTOR: f32 = 0.3;
/// The factor for a sentence of a paragraph that is one quotation and nothing else: no speaker,
/// no reporter's words. A pull quote, a claim set out above a fact check, or the tail of a long
/// quote; the story is in the paragraphs that say who speaks.
const BARE_QUOTATION_FACTOR: f32 = 0.5;
/// Sentences shorter than this many words rarely carry a story ("He was 88.").
const SHORT_WORDS: usize = 8;
/// Sentences longer than this are usually run-ons or fused captions.
const LONG_WORDS: usize = 32;

/// A run of body sentences this long is part of the article even when another run is much longer.
const MINOR_RUN_SENTENCES: usize = 4;

/// Common words that carry no topic, left out of the vectors.
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is",
    "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "that", "this", "these", "those", "their",
    "they", "he", "she", "his", "her", "we", "our", "not", "will", "would", "could", "can", "may", "might", "than",
    "which", "who", "what", "when", "while", "also", "into", "about", "over", "after", "before", "any", "some", "more",
    "s", "said", "says", "there", "if", "so", "such", "do", "does", "did", "i", "you", "my", "me", "your", "them",
    "him", "us", "been", "being", "just", "very", "all", "one", "no", "up", "out", "then", "now",
];

/// Openings of page furniture that the cleaner may have left inside body text, lower case.
const FURNITURE_OPENINGS: &[&str] = &[
    "scroll down for", "click here", "click to", "published:", "updated:", "last updated", "by .", "read more",
    "read next", "sign up", "subscribe", "follow us", "watch:", "watch the video", "video:", "photo:", "image:",
    "pictured:", "advertisement", "share this", "share on", "copyright", "all rights reserved",
];

/// A chosen sentence and the byte span to show: the sentence without a lead-in dateline or
/// source tag ("DUBAI, United Arab Emirates — ", "(CNN)"), which is no part of what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pick {
    /// Index into the sentences.
    pub sentence: usize,
    /// First byte shown.
    pub start: usize,
    /// One past the last byte shown.
    pub end: usize,
}

/// What the scorer knows about one candidate sentence.
struct Candidate {
    /// Index into the sentences.
    index: usize,
    /// Content words as sorted, distinct vocabulary ids with counts.
    bag: Range<usize>,
    /// All words, content or not.
    words: usize,
    /// Whether the sentence opens a paragraph (first of its line).
    paragraph_start: bool,
}

/// Picks the takeaways: `wanted` of them, or 3-5 by the article's length.
pub(crate) fn pick_takeaways(
    text: &str,
    sentences: &[Sentence],
    words: &Words,
    cast: &Cast,
    stances: &[StanceEntry],
    wanted: Option<usize>,
) -> Vec<Pick> {
    let eligible: Vec<usize> = (0..sentences.len())
        .filter(|&i| sentences[i].kind == BlockKind::Body)
        .filter(|&i| text.get(sentences[i].start..sentences[i].end).is_some_and(|s| !looks_like_furniture(s)))
        .collect();
    let mut pool = main_run(text, sentences, &eligible);
    if pool.is_empty() {
        // Nothing reads as a full sentence ("Talks resumed. Iran agreed."): a terse text is still
        // the article, so its body lines compete rather than leaving the widget empty.
        pool = (0..sentences.len())
            .filter(|&i| sentences[i].kind == BlockKind::Body)
            .filter(|&i| text.get(sentences[i].start..sentences[i].end).is_some_and(|s| s.chars().any(char::is_alphabetic)))
            .collect();
    }
    let mut vocab = Vocab::new(words);
    // The author's own bullets, by their words: a body sentence that repeats one is a copy.
    let author: FastSet<u64> = (0..sentences.len())
        .filter(|&i| sentences[i].kind == BlockKind::AuthorTakeaway)
        .map(|i| {
            let mut store = Vec::new();
            let c = candidate(text, sentences, i, &mut vocab, &mut store);
            bag_key(&store[c.bag])
        })
        .collect();
    // Every candidate's bag lives in one vector, for locality on long texts.
    let mut store: Vec<(u32, f32)> = Vec::with_capacity(text.len() / 8);
    let mut candidates: Vec<Candidate> = Vec::with_capacity(pool.len());
    for &i in &pool {
        let c = candidate(text, sentences, i, &mut vocab, &mut store);
        if author.is_empty() || !author.contains(&bag_key(&store[c.bag.clone()])) {
            candidates.push(c);
        }
    }
    if candidates.is_empty() {
        return Vec::new();
    }
    let words_total: usize = candidates.iter().map(|c| c.words).sum();
    let k = wanted
        .map(|w| w.clamp(1, MAX_WANTED))
        .unwrap_or_else(|| default_count(words_total))
        .min(candidates.len());

    // The centroid: every content word's count over the article, and its norm, computed once.
    let mut centroid = vec![0.0f32; vocab.ids.len()];
    for c in &candidates {
        for &(w, n) in &store[c.bag.clone()] {
            centroid[w as usize] += n;
        }
    }
    let centroid_norm = centroid.iter().map(|c| c * c).sum::<f32>().sqrt();
    let centrality: Vec<f32> = candidates.iter().map(|c| leave_one_out_cosine(&store[c.bag.clone()], &centroid, centroid_norm)).collect();
    let top_centrality = centrality.iter().copied().fold(f32::EPSILON, f32::max);

    // A sentence the page repeats word for word is a gallery caption or a teaser, not the story.
    let keys: Vec<u64> = candidates.iter().map(|c| bag_key(&store[c.bag.clone()])).collect();
    let mut copies: FastMap<u64, usize> = FastMap::default();
    for &key in &keys {
        *copies.entry(key).or_default() += 1;
    }

    let bare_quotation = in_bare_quotation(text, sentences);

    // Actor mentions and stances per sentence, counted in one pass each.
    let mut mention_count = vec![0usize; sentences.len()];
    for m in cast.mentions.iter().filter(|m| !m.reference) {
        if let Some(n) = mention_count.get_mut(m.sentence) {
            *n += 1;
        }
    }
    let mut stance_count = vec![0usize; sentences.len()];
    for s in stances {
        if let Some(n) = stance_count.get_mut(s.sentence) {
            *n += 1;
        }
    }

    // Each candidate enters the heap with its score before penalties, an upper bound of its
    // score (penalties only lower it); a popped bound is replaced by the exact score, and a popped
    // exact score is the best left. So the text-reading penalties run for the few sentences near
    // the top, not for every sentence of a long article. The heap is built in linear time and only
    // the pops needed are paid for; a full sort would make the stage O(n log n).
    let bounds: Vec<Ranked> = candidates
        .iter()
        .enumerate()
        .map(|(rank, c)| {
            let position = 1.0 / (1.0 + rank as f32 / POSITION_HALF_LIFE.max(k as f32));
            let actors = (mention_count[c.index].min(3) as f32 / 3.0
                + stance_count[c.index].min(2) as f32 / 2.0)
                / 2.0;
            let paragraph = if c.paragraph_start { 1.0 } else { 0.0 };
            let score = W_POSITION * position
                + W_CENTRALITY * centrality[rank] / top_centrality
                + W_PARAGRAPH * paragraph
                + W_ACTORS * actors;
            Ranked { score, rank, exact: false }
        })
        .collect();
    let mut heap = BinaryHeap::from(bounds);
    let mut chosen: Vec<usize> = Vec::with_capacity(k);
    while let Some(Ranked { score, rank, exact }) = heap.pop() {
        if chosen.len() == k {
            break;
        }
        let c = &candidates[rank];
        if !exact {
            let sentence = &text[sentences[c.index].start..sentences[c.index].end];
            let repeated = if copies.get(&keys[rank]).is_some_and(|&n| n > 1) { REPEATED_FACTOR } else { 1.0 };
            let quotation = if bare_quotation[c.index] { BARE_QUOTATION_FACTOR } else { 1.0 };
            heap.push(Ranked { score: score * penalty(sentence, c.words) * repeated * quotation, rank, exact: true });
            continue;
        }
        let bag = &store[c.bag.clone()];
        if chosen.iter().all(|&c| overlap(&store[candidates[c].bag.clone()], bag) <= REDUNDANT_OVERLAP) {
            chosen.push(rank);
        }
    }
    let mut picks: Vec<Pick> = chosen
        .into_iter()
        .map(|rank| {
            let s = sentences[candidates[rank].index];
            let skip = text.get(s.start..s.end).map_or(0, lead_in);
            Pick { sentence: candidates[rank].index, start: s.start + skip, end: s.end }
        })
        .collect();
    sort::sort_by_key(&mut picks, |p| p.sentence as u64);
    picks
}

/// A candidate's score and rank; the greater is the better pick, the earlier on a tie. The score
/// is `exact` once penalties are applied, an upper bound before.
struct Ranked {
    score: f32,
    rank: usize,
    exact: bool,
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score.total_cmp(&other.score).then(other.rank.cmp(&self.rank))
    }
}

/// 3 takeaways for a brief, 4 for a standard story, 5 for a long feature.
fn default_count(words: usize) -> usize {
    let k = match words {
        0..=499 => 3,
        500..=1199 => 4,
        _ => 5,
    };
    k.clamp(DEFAULT_RANGE.0, DEFAULT_RANGE.1)
}

/// The eligible sentences of the article proper: the longest stretch of body text, with what
/// lies near it. A pasted page has teasers, captions and notices around the story; they come as
/// short runs of body lines cut off from it by headings and furniture, so a run of fewer than
/// `MINOR_RUN_SENTENCES` sentences and under a quarter of the main run's length is dropped,
/// unless it stands right under the headline: that is the standfirst, the story in brief.
fn main_run(text: &str, sentences: &[Sentence], eligible: &[usize]) -> Vec<usize> {
    // Runs of eligible sentences with nothing between them: (first, last, bytes), indices into `eligible`.
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    for (e, &i) in eligible.iter().enumerate() {
        let len = sentences[i].end - sentences[i].start;
        match runs.last_mut() {
            Some(run) if joined(text, sentences, eligible[run.1], i) => {
                run.1 = e;
                run.2 += len;
            }
            _ => runs.push((e, e, len)),
        }
    }
    let longest = runs.iter().map(|r| r.2).max().unwrap_or(0);
    runs.iter()
        .filter(|r| {
            r.2 * 4 >= longest
                || r.1 + 1 - r.0 >= MINOR_RUN_SENTENCES
                || eligible[r.0].checked_sub(1).is_some_and(|before| sentences[before].kind == BlockKind::Title)
        })
        .flat_map(|r| eligible[r.0..=r.1].iter().copied())
        .collect()
}

/// Whether sentences `a` < `b` belong to one stretch of text: only body sentences between them,
/// none of them a fragment left of page furniture ("Credit...Agency" between a teaser and the
/// story). A short real sentence ("He was 88.") that is no takeaway does not cut the run.
fn joined(text: &str, sentences: &[Sentence], a: usize, b: usize) -> bool {
    sentences.get(a + 1..b).is_some_and(|between| {
        between.iter().all(|s| {
            let t = text.get(s.start..s.end).unwrap_or("").trim_end().trim_end_matches(is_closing);
            s.kind == BlockKind::Body && (t.ends_with(['.', '!', '?']) || !looks_like_furniture(t))
        })
    })
}

/// Content words to ids: each distinct word of the article is stemmed and checked once.
struct Vocab<'w> {
    words: &'w Words<'w>,
    /// Per article word: its content-word id, [`STOPWORD`], or [`UNSEEN`] before its first use.
    by_word: Vec<u32>,
    /// Stemmed forms to content-word ids, keyed by [`stem_key`] so no key is allocated.
    ids: FastMap<(&'w str, bool), u32>,
    buf: String,
}

const UNSEEN: u32 = u32::MAX;
const STOPWORD: u32 = u32::MAX - 1;

impl<'w> Vocab<'w> {
    fn new(words: &'w Words<'w>) -> Self {
        // Sized for every distinct word at once: growing it step by step rehashed every key.
        let ids = FastMap::with_capacity_and_hasher(words.distinct(), Default::default());
        Vocab { words, by_word: vec![UNSEEN; words.distinct()], ids, buf: String::new() }
    }

    /// The content-word id of article word `word` (plural dropped), or `None` for a stopword.
    fn id(&mut self, word: WordId) -> Option<u32> {
        let slot = self.by_word.get_mut(word as usize)?;
        if *slot == UNSEEN {
            let words = self.words;
            let form = words.form(word);
            self.buf.clear();
            self.buf.push_str(form);
            stem_in_place(&mut self.buf);
            *slot = if self.buf.chars().nth(1).is_none() || stopwords().contains(self.buf.as_str()) {
                STOPWORD
            } else {
                let next = self.ids.len() as u32;
                *self.ids.entry(stem_key(form, &self.buf)).or_insert(next)
            };
        }
        (*slot != STOPWORD).then_some(*slot)
    }
}

/// [`STOPWORDS`] as a set, built on first use.
fn stopwords() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
}

/// Builds a candidate: its content words as vocabulary ids, its length and paragraph position.
fn candidate(text: &str, sentences: &[Sentence], index: usize, vocab: &mut Vocab, store: &mut Vec<(u32, f32)>) -> Candidate {
    let s = sentences[index];
    let from = store.len();
    let mut words = 0;
    let sentence_words = vocab.words.sentence(index);
    for (i, t) in sentence_words.tokens.iter().enumerate() {
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            continue;
        }
        words += 1;
        if let Some(id) = sentence_words.id(i).and_then(|w| vocab.id(w)) {
            store.push((id, 1.0));
        }
    }
    sort::sort_by_key(&mut store[from..], |&(id, _)| u64::from(id));
    // Merge repeated words in place: (id, 1) (id, 1) → (id, 2).
    let mut kept = from;
    for r in from..store.len() {
        match store[r] {
            (id, n) if kept > from && store[kept - 1].0 == id => store[kept - 1].1 += n,
            item => {
                store[kept] = item;
                kept += 1;
            }
        }
    }
    store.truncate(kept);
    let before = text.get(..s.start).unwrap_or("");
    let text_before = before.trim_end().len();
    let paragraph_start = text_before == 0 || before[text_before..].contains('\n');
    Candidate { index, bag: from..kept, words, paragraph_start }
}

/// A crude plural folding so "talks" meets "talk": enough for a centroid, no stemmer needed.
fn stem_in_place(word: &mut String) {
    // The endings are ASCII: compared as the last bytes, with no `ends_with` call per test.
    let n = word.len();
    let tail = |k: usize| word.as_bytes().get(n.saturating_sub(k)..).unwrap_or_default();
    if n > 4 && tail(3) == b"ies" {
        word.truncate(n - 3);
        word.push('y');
    } else if n > 3 && tail(1) == b"s" && tail(2) != b"ss" && tail(2) != b"us" {
        word.truncate(n - 1);
    }
}

/// The stem `stem` of `form` as a key borrowed from `form`: the stem without a final "y", which
/// is always a prefix of the form, and whether it had one ("policies" and "policy" → ("polic", true)).
fn stem_key<'f>(form: &'f str, stem: &str) -> (&'f str, bool) {
    let (body, y) = stem.strip_suffix('y').map_or((stem, false), |body| (body, true));
    (form.get(..body.len()).unwrap_or(form), y)
}

/// A key for a bag of words: two sentences with the same key say the same words.
fn bag_key(bag: &[(u32, f32)]) -> u64 {
    let mut h = FxHasher::default();
    for &(id, n) in bag {
        (id, n.to_bits()).hash(&mut h);
    }
    h.finish()
}

/// Cosine of a sentence's bag with the centroid of the other sentences (the article minus it),
/// so a long sentence does not score by matching itself.
fn leave_one_out_cosine(bag: &[(u32, f32)], centroid: &[f32], centroid_norm: f32) -> f32 {
    let dot: f32 = bag.iter().map(|&(w, c)| c * (centroid.get(w as usize).copied().unwrap_or(0.0) - c)).sum();
    let norm = bag.iter().map(|&(_, c)| c * c).sum::<f32>().sqrt();
    if norm == 0.0 || centroid_norm == 0.0 {
        0.0
    } else {
        dot / (norm * centroid_norm)
    }
}

/// Share of the smaller bag's words that the other bag has too (both sorted by id).
fn overlap(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f32 / a.len().min(b.len()).max(1) as f32
}

/// The factor that pushes down sentences that rarely carry the story.
fn penalty(sentence: &str, words: usize) -> f32 {
    let mut factor = 1.0;
    if words < SHORT_WORDS {
        factor *= 0.5;
    }
    if words > LONG_WORDS {
        factor *= 0.8;
    }
    if is_question(sentence) {
        factor *= 0.5;
    }
    if opens_with_quote(sentence) {
        // A quote first: the story is usually in the reporter's words around it.
        factor *= 0.8;
    }
    factor * clutter_factor(sentence)
}

/// Bytes of a dateline or source tag that open a sentence, 0 if none: "(CNN)", "LONDON (Reuters) - ",
/// "DUBAI, United Arab Emirates — ". Only when a real sentence follows.
fn lead_in(sentence: &str) -> usize {
    // A source tag in brackets: "(CNN)", "(The Hollywood Reporter)".
    let tag = |s: &str| -> Option<usize> {
        let inner = s.strip_prefix('(')?;
        let close = inner.find(')')?;
        let words = inner[..close].split_whitespace().count();
        let capital = inner.chars().next().is_some_and(char::is_uppercase);
        (close <= 40 && (1..=4).contains(&words) && capital).then_some(close + 2)
    };
    let at = if let Some(len) = tag(sentence) {
        len
    } else {
        // A dateline: a place in capitals, perhaps a region and a tag, then a dash.
        let caps: usize = sentence
            .split(' ')
            .take_while(|w| {
                let letters = w.trim_end_matches(',');
                letters.len() >= 2 && letters.chars().all(|c| c.is_uppercase() || c == '.' || c == '\'')
            })
            .map(|w| w.len() + 1)
            .sum();
        if caps == 0 || !sentence.chars().next().is_some_and(char::is_alphabetic) {
            return 0;
        }
        let cut = (0..=sentence.len().min(80)).rev().find(|&i| sentence.is_char_boundary(i)).unwrap_or(0);
        let head = &sentence[..cut];
        let dash = [" — ", " – ", " -- ", " - "].iter().filter_map(|d| head.find(d).map(|i| (i, d.len()))).min();
        let Some((i, len)) = dash else { return 0 };
        // Between the place and the dash only names and tags: "DUBAI, United Arab Emirates", "(Reuters)".
        let between = &sentence[caps.min(i)..i];
        let names_only = between
            .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
            .filter(|w| !w.is_empty())
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
        if !names_only {
            return 0;
        }
        i + len
    };
    // Any dash or space left after the tag, then the sentence must go on with a few words.
    let rest = sentence.get(at.min(sentence.len())..).unwrap_or("");
    let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == '—' || c == '–');
    let skip = sentence.len() - trimmed.len();
    // A dateline is followed by a sentence's start: "NASA — the agency said" keeps its subject.
    let starts = trimmed.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_opening(c));
    if trimmed.split_whitespace().count() >= 3 && starts {
        skip
    } else {
        0
    }
}

/// For each sentence, whether its paragraph (the sentences of one line of one kind) is a bare
/// quotation, see [`is_bare_quotation`]. One pass over the sentences and the gaps between them.
fn in_bare_quotation(text: &str, sentences: &[Sentence]) -> Vec<bool> {
    let mut out = vec![false; sentences.len()];
    let mut from = 0;
    for i in 1..=sentences.len() {
        let breaks = sentences.get(i).is_none_or(|s| {
            let gap = text.get(sentences[i - 1].end..s.start);
            s.kind != sentences[from].kind || gap.is_none_or(|g| g.contains('\n') || g.contains("\\n"))
        });
        if breaks {
            let paragraph = text.get(sentences[from].start..sentences[i - 1].end).unwrap_or("");
            if is_bare_quotation(paragraph) {
                out[from..i].fill(true);
            }
            from = i;
        }
    }
    out
}

/// Whether a paragraph is one quotation and nothing else: it opens and closes with a double
/// quotation mark and has no other, so no speaker is named between two parts of a quote.
fn is_bare_quotation(paragraph: &str) -> bool {
    let p = paragraph.trim();
    if !(p.starts_with(['"', '\u{201C}', '\u{00AB}']) && p.ends_with(['"', '\u{201D}', '\u{00BB}'])) {
        return false;
    }
    let is_mark = |c: char| matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}');
    p.chars().filter(|&c| is_mark(c)).take(3).count() == 2
}

/// Whether the sentence asks a question (a final `?` before any closing quotes).
fn is_question(sentence: &str) -> bool {
    sentence.trim_end().trim_end_matches(is_closing).ends_with('?')
}

/// Whether the sentence opens with a quotation mark, after any source tag such as "(CNN)".
fn opens_with_quote(sentence: &str) -> bool {
    let s = sentence.trim_start();
    let s = match s.strip_prefix('(').and_then(|rest| rest.find(')').map(|at| &rest[at + 1..])) {
        Some(rest) if s.find(')').is_some_and(|at| at < 40) => rest.trim_start(),
        _ => s,
    };
    s.chars().next().is_some_and(|c| is_opening(c) && c != '(' && c != '[')
}

/// Whether a body sentence is page furniture the cleaner let through: a known opening, a run of
/// capitals, links, items split by pipes, a line that opens with punctuation, or a fragment with
/// hardly any lower-case words (dates, names, menus: a sentence has function words).
fn looks_like_furniture(sentence: &str) -> bool {
    let trimmed = sentence.trim();
    // The openings and link marks are ASCII: compared without lower-casing the sentence, and
    // only those with the sentence's first letter.
    let first = trimmed.as_bytes().first().map(u8::to_ascii_lowercase);
    let opens = |p: &str| {
        p.as_bytes().first() == first.as_ref()
            && trimmed.as_bytes().get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
    };
    if FURNITURE_OPENINGS.iter().any(|p| opens(p)) {
        return true;
    }
    let marks = Marks::of(sentence);
    if marks.link || marks.pipes >= 2 {
        return true;
    }
    if trimmed.chars().next().is_some_and(|c| !c.is_alphanumeric() && !is_opening(c) && c != '$' && c != '£' && c != '€') {
        return true;
    }
    if marks.lower_words < 3 {
        return true;
    }
    // Mostly capitals over more than a word or two: a banner, not a sentence.
    marks.letters >= 12 && marks.upper * 10 >= marks.letters * 8
}

/// What one pass over a sentence's bytes tells [`looks_like_furniture`]: whether it holds a link
/// ("http://", "https://", "www.", in any case, found from their rare ':' and '.'), its pipes,
/// its letters and capitals, and its lower-case words of three letters or more. ASCII is read
/// without decoding; other characters are decoded at their first byte, so each counts once.
#[derive(Debug, Default)]
struct Marks {
    link: bool,
    pipes: usize,
    letters: usize,
    upper: usize,
    lower_words: usize,
}

impl Marks {
    fn of(sentence: &str) -> Marks {
        let mut marks = Marks::default();
        let bytes = sentence.as_bytes();
        // The current run of letters: where it started, and whether all of it is lower case.
        let (mut word_start, mut word_lower) = (0, true);
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'a'..=b'z' => marks.letters += 1,
                b'A'..=b'Z' => {
                    marks.letters += 1;
                    marks.upper += 1;
                    word_lower = false;
                }
                0x80..=0xBF => {} // inside a character counted at its first byte
                0xC0.. => {
                    let Some(c) = sentence.get(i..).and_then(|rest| rest.chars().next()) else { break };
                    marks.upper += usize::from(c.is_uppercase());
                    if c.is_alphabetic() {
                        marks.letters += 1;
                        word_lower &= c.is_lowercase();
                    } else {
                        marks.end_word(i - word_start, word_lower);
                        (word_start, word_lower) = (i + c.len_utf8(), true);
                    }
                }
                _ => {
                    let before = &bytes[..i];
                    match b {
                        b'|' => marks.pipes += 1,
                        b':' => {
                            marks.link |= (ends_with_ignore_case(before, b"http") || ends_with_ignore_case(before, b"https"))
                                && bytes[i + 1..].starts_with(b"//");
                        }
                        b'.' => marks.link |= ends_with_ignore_case(before, b"www"),
                        _ => {}
                    }
                    marks.end_word(i - word_start, word_lower);
                    (word_start, word_lower) = (i + 1, true);
                }
            }
        }
        marks.end_word(bytes.len() - word_start, word_lower);
        marks
    }

    /// Counts a run of letters of `len` bytes that just ended.
    fn end_word(&mut self, len: usize, lower: bool) {
        self.lower_words += usize::from(len >= 3 && lower);
    }
}

/// Whether `bytes` ends with the ASCII `tail`, in any case.
fn ends_with_ignore_case(bytes: &[u8], tail: &[u8]) -> bool {
    bytes.len() >= tail.len() && bytes[bytes.len() - tail.len()..].eq_ignore_ascii_case(tail)
}

/// Phrases of site notices (cookies, privacy, accounts), lower case: news rarely needs them, a
/// pasted page often has a paragraph of them near the top.
const NOTICE_PHRASES: &[&str] = &[
    "cookie", "privacy policy", "terms of use", "terms of service", "this website", "our website", "this site",
    "our site", "our service", "browsing experience", "opt-out", "opt out", "your browser", "ad blocker",
    "javascript", "personalized content", "personalised content", "advertising alliance", "newsletter",
    "all rights reserved", "welcome to",
];

/// Verbs that open a promotion addressed to the reader, lower case.
const IMPERATIVES: &[&str] = &[
    "watch", "start", "get", "read", "sign", "subscribe", "download", "check", "click", "follow", "listen", "see",
    "join", "discover", "explore", "register", "shop", "tap", "learn",
];

/// Cues of an image caption run into the text: "(pictured)", ", left,", "(file photo)".
const CAPTION_CUES: &[&str] = &[
    "pictured", ", left,", ", right,", ", centre,", ", center,", "(left)", "(right)", "(centre)", "(center)",
    "(l)", "(r)", "[file", "(file", "file photo", "credit:", "credit...", "artist's illustration", "artist's impression",
    "artist's rendering", "artist’s illustration", "artist’s impression", "artist’s rendering", "getty images", "ap photo", "photo by", "photograph:", "image credit", "this illustration",
    "this photo", "this image",
];

static NOTICES_INDEX: PhraseSet = PhraseSet::new(NOTICE_PHRASES);
static CAPTION_CUES_INDEX: PhraseSet = PhraseSet::new(CAPTION_CUES);

/// Up to 64 phrases of two bytes or more to find anywhere in a text, indexed by their first two
/// bytes: one pass over the text compares a phrase only where its first two bytes are, where a
/// `contains` per phrase would set up a substring searcher and scan the text once for each.
struct PhraseSet {
    phrases: &'static [&'static str],
    /// Per [`PhraseSet::bucket`] of two bytes, the phrases that may start with them, as bits of
    /// their indices.
    by_head: [u64; 256],
}

impl PhraseSet {
    const fn new(phrases: &'static [&'static str]) -> PhraseSet {
        assert!(phrases.len() <= 64);
        let mut by_head = [0u64; 256];
        let mut k = 0;
        while k < phrases.len() {
            let [a, b, ..] = phrases[k].as_bytes() else { panic!("a phrase of one byte") };
            by_head[Self::bucket(*a, *b)] |= 1 << k;
            k += 1;
        }
        PhraseSet { phrases, by_head }
    }

    const fn bucket(a: u8, b: u8) -> usize {
        (a ^ b.rotate_left(4)) as usize
    }

    /// Whether some phrase occurs in `text`.
    fn found_in(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        bytes.windows(2).enumerate().any(|(i, head)| {
            let mut candidates = self.by_head[Self::bucket(head[0], head[1])];
            while candidates != 0 {
                let k = candidates.trailing_zeros() as usize;
                if bytes[i..].starts_with(self.phrases[k].as_bytes()) {
                    return true;
                }
                candidates &= candidates - 1;
            }
            false
        })
    }
}

/// Whether `word` stands in `s` between non-letters (or the ends), as one of the pieces of `s`
/// split at non-letters: found by a byte search, as splitting every sentence cost more.
fn has_word(s: &str, word: &str) -> bool {
    s.match_indices(word).any(|(i, _)| {
        !s[..i].chars().next_back().is_some_and(char::is_alphabetic)
            && !s[i + word.len()..].chars().next().is_some_and(char::is_alphabetic)
    })
}

/// The factor for a sentence that reads as a site notice, a caption or a teaser cut short.
fn clutter_factor(sentence: &str) -> f32 {
    let lower = crate::text::lowercase(sentence);
    let mut factor = 1.0;
    if NOTICES_INDEX.found_in(&lower) {
        factor *= 0.2;
    }
    if CAPTION_CUES_INDEX.found_in(&lower) {
        factor *= 0.3;
    }
    // Addressed to the reader ("Watch the latest...", "...stories impacting your community"):
    // a promotion. Inside a quotation, "you" is a speaker's, so only unquoted text counts.
    let first = lower.split_whitespace().next().unwrap_or("");
    let quoted = || sentence.contains(|c: char| is_opening(c) && c != '(' && c != '[');
    if IMPERATIVES.contains(&first) || (has_word(&lower, "your") && !quoted()) {
        factor *= 0.3;
    }
    // A teaser cut off mid-thought ("...", "…" after a comma or a word): a link, not the story.
    let end = sentence.trim_end().trim_end_matches(is_closing);
    if end.ends_with("...") || end.ends_with('…') {
        factor *= 0.3;
    }
    factor
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{actors::find_actors, clean::clean, segment::segment};

    fn picks(text: &str, wanted: Option<usize>) -> Vec<String> {
        let sentences = segment(text, &clean(text));
        let words = Words::new(text, &sentences);
        let cast = find_actors(text, &sentences, &words, &crate::syntax::Syntax::new(text, &words, sentences.len()));
        pick_takeaways(text, &sentences, &words, &cast, &[], wanted)
            .into_iter()
            .map(|p| text[p.start..p.end].to_string())
            .collect()
    }

    #[test]
    fn only_body_sentences_in_article_order() {
        let text = "Talks Resume in Geneva\n\nKey Takeaways\n• 1Iran and the U.S. met.\n\n\
            Iran and the United States resumed talks in Geneva on Monday after a long pause. \
            Negotiators said the sessions were constructive. Oman offered to host a second round. \
            Weather was mild. Diplomats expect an agreement on a framework within weeks.\nShare Article\n";
        let sentences = segment(text, &clean(text));
        let words = Words::new(text, &sentences);
        let cast = find_actors(text, &sentences, &words, &crate::syntax::Syntax::new(text, &words, sentences.len()));
        let picks = pick_takeaways(text, &sentences, &words, &cast, &[], None);
        assert_eq!(picks.len(), 3);
        assert!(picks.windows(2).all(|w| w[0].sentence < w[1].sentence));
        assert!(picks.iter().all(|p| sentences[p.sentence].kind == BlockKind::Body));
        assert!(text[picks[0].start..].starts_with("Iran and the United States resumed"));
    }

    #[test]
    fn penalties_and_furniture() {
        let cases: &[(&str, bool, bool, bool)] = &[
            // sentence, question, opens with quote, furniture
            ("Will the talks resume?", true, false, false),
            ("\"Will they come back?\" she asked.", false, true, false),
            ("(CNN)\"We are ready,\" the minister said.", false, true, false),
            ("(CNN)The minister said the team was ready.", false, false, false),
            ("Scroll down for video The minister arrives in Rome.", false, false, true),
            ("Home | World | Politics | Sport", false, false, true),
            ("BREAKING NEWS FROM THE CAPITAL", false, false, true),
            ("The U.S. and the U.K. signed the NATO pact.", false, false, false),
            ("Read the statement at https://example.org today.", false, false, true),
        ];
        for &(s, question, quote, furniture) in cases {
            assert_eq!(is_question(s), question, "{s}");
            assert_eq!(opens_with_quote(s), quote, "{s}");
            assert_eq!(looks_like_furniture(s), furniture, "{s}");
        }
    }

    #[test]
    fn counts_follow_length_or_request() {
        let cases: &[(usize, usize)] = &[(60, 3), (499, 3), (500, 4), (1199, 4), (1200, 5), (10_000, 5)];
        for &(words, k) in cases {
            assert_eq!(default_count(words), k, "{words} words");
        }
        let brief = "The council approved the new budget on Tuesday evening after a long debate. \
            Opponents said the cuts to libraries went too far for the town. \
            The mayor promised a review of the plan next spring with residents.";
        assert_eq!(picks(brief, None).len(), 3);
        assert_eq!(picks(brief, Some(1)).len(), 1);
        assert_eq!(picks(brief, Some(9)).len(), 3);
    }

    #[test]
    fn bylines_teasers_and_terse_texts() {
        let cases: &[(&str, Option<usize>, &[&str])] = &[
            (
                "By . Staff Reporter . PUBLISHED: . 12:03 EST, 3 March 2013 . | . UPDATED: . 14:05 EST, 3 March 2013 . \
                 The council approved the budget on Tuesday after a long debate in the town hall. \
                 Opponents said the library cuts went too far for residents.",
                None,
                &["The council approved the budget", "Opponents said the library cuts"],
            ),
            // A teaser run before the story, cut off by page furniture, is not the story.
            (
                "Menu\nWorld\nA storm hits the coast of a faraway island.\nCredit...Photo Agency\nSport\n\
                 The council approved the budget on Tuesday after a long debate in the town hall. \
                 Opponents said the library cuts went too far for the residents of the town. \
                 The mayor promised a review of the spending plan next spring with the community. \
                 Local businesses welcomed the decision to keep the market open on weekends.\n",
                Some(2),
                &["The council approved the budget", "Opponents said the library cuts"],
            ),
            ("Talks resumed. Iran agreed. Oman hosted.", None, &["Talks resumed.", "Iran agreed.", "Oman hosted."]),
        ];
        for &(text, wanted, expected) in cases {
            let got = picks(text, wanted);
            assert_eq!(got.len(), expected.len(), "{got:?}");
            for (g, e) in got.iter().zip(expected) {
                assert!(g.starts_with(e), "{g:?} should start with {e:?}");
            }
        }
    }

    #[test]
    fn datelines_and_source_tags_are_not_shown() {
        let cases: &[(&str, &str)] = &[
            ("(CNN)The minister arrived in Rome on Monday.", "The minister arrived in Rome on Monday."),
            ("(Reuters) - The minister arrived in Rome on Monday.", "The minister arrived in Rome on Monday."),
            ("LONDON (Reuters) - The minister arrived in Rome.", "The minister arrived in Rome."),
            ("DUBAI, United Arab Emirates — The airline ordered new jets.", "The airline ordered new jets."),
            ("NEW YORK -- Stocks rose sharply on Tuesday.", "Stocks rose sharply on Tuesday."),
            ("NATO allies met in Brussels - and agreed on a plan.", "NATO allies met in Brussels - and agreed on a plan."),
            ("The U.S. (and its allies) agreed.", "The U.S. (and its allies) agreed."),
            ("(CNN)", "(CNN)"),
            ("UK — no.", "UK — no."),
            ("NASA — the agency said it would wait.", "NASA — the agency said it would wait."),
            // A dash too far in is no dateline's; a cut inside a character does not panic.
            ("PARÍS — Él dijo algo hoy.", "Él dijo algo hoy."),
            ("中中中中中中中中中中中中中中中中中中中中中中中中中中中 — Then more.", "中中中中中中中中中中中中中中中中中中中中中中中中中中中 — Then more."),
            ("(a small aside) came first.", "(a small aside) came first."),
        ];
        for &(sentence, shown) in cases {
            assert_eq!(&sentence[lead_in(sentence)..], shown, "{sentence}");
        }
    }

    #[test]
    fn a_bare_quotation_is_no_takeaway() {
        // A claim set out above the story, in quotation marks and with no speaker in it.
        let text = "\u{201C}The harbour is closed to every ship because the port authority failed its duties. \
            Nothing moves on the quays while the cranes stand idle.\u{201D}\n\
            The port authority said on Monday that the harbour was open and that ships were loading as usual.\n\
            Traders in the city confirmed that cargo had moved through the quays all week without delays.\n\
            The authority plans to publish its weekly figures for the harbour on Friday morning as usual.\n";
        let got = picks(text, Some(2));
        assert!(got.iter().all(|s| !s.contains("harbour is closed") && !s.starts_with("Nothing moves")), "{got:?}");
        assert!(is_bare_quotation("\"We will stay. We will not leave.\""));
        assert!(!is_bare_quotation("\"We will stay,\" she said. \"We will not leave.\""));
        assert!(!is_bare_quotation("She said: \"We will stay.\""));
    }

    #[test]
    fn redundant_sentences_are_not_both_taken() {
        let text = "The council approved the new budget for the town on Tuesday evening. \
            On Tuesday evening the town council approved the new budget. \
            Opponents said the cuts to libraries and parks went too far. \
            The mayor promised a review of the spending plan next spring.";
        let got = picks(text, Some(3));
        assert_eq!(got.len(), 3);
        assert!(!(got.iter().any(|s| s.starts_with("The council")) && got.iter().any(|s| s.starts_with("On Tuesday"))));
    }

    #[test]
    fn stems_and_overlap() {
        let cases: &[(&str, &str)] = &[("talks", "talk"), ("policies", "policy"), ("press", "press"), ("virus", "virus"), ("is", "is")];
        for &(w, s) in cases {
            let mut word = w.to_string();
            stem_in_place(&mut word);
            assert_eq!(word, s);
        }
        assert_eq!(overlap(&[(1, 1.0), (2, 1.0), (3, 1.0)], &[(2, 1.0), (3, 2.0), (9, 1.0), (10, 1.0)]), 2.0 / 3.0);
        assert_eq!(overlap(&[], &[(1, 1.0)]), 0.0);
    }
}
