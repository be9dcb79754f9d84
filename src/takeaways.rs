//! Stage 5: the sentences that carry the story, each able to stand alone.
//!
//! News is written lead first, so position dominates the score (Lead-3 is the bar extractive
//! summarisers are measured against, and most fall below it). Position counts only the sentences
//! that state the story in the reporter's words: an opening told in quotations with no speaker or
//! in questions, and the sentences that lean on the one before, do not push the sentence that
//! states the news (the nut graf) down the ranks. Centrality (how much a sentence shares the article's vocabulary,
//! measured against one centroid so the cost stays linear), paragraph starts and the actors and
//! stances a sentence adds to those already chosen refine it; penalties push down what rarely
//! carries the story: bare quotes, questions, fragments, over-long run-ons, and what a pasted page
//! lets through as body text (site notices, captions, teasers cut short, lines the page repeats).
//!
//! The takeaways are read one by one, away from the text, so each must stand alone and add to the
//! others. A sentence that opens with a word pointing back ("It was the second such killing.",
//! `data/en/back_references.tsv`) or goes on with a quotation opened before it is shown only right
//! after the sentence it leans on. A pick is worth what it adds to the most similar one already
//! chosen, and one too like it is skipped (both checked against the ≤10 chosen, so still linear):
//! the set tells the rest of the story instead of restating the lead. Picks come back in article
//! order, shown without a lead-in dateline or source tag. Only body sentences of the article's
//! main run compete: never a heading, caption, page furniture or a copy of the author's own bullets.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

use crate::actors::Cast;
use crate::clean::BlockKind;
use crate::fasthash::{FastMap, FastSet, FxHasher};
use crate::lexicon::{self, StanceClass};
use crate::segment::Sentence;
use crate::sort;
use crate::stances::StanceEntry;
use crate::text::{is_closing, is_opening, Phrases, TokenKind};
use crate::word_lists::{BODY_FURNITURE_OPENINGS, PROMOTION_IMPERATIVES, RUN_IN_CAPTION_CUES, SITE_NOTICE_WORDS, STOPWORDS};
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
/// the actors and stances a sentence adds to the chosen takeaways only break near-ties (on the
/// CNN/DM dev set a larger actor weight pulled the picks away from the lead and lost ROUGE).
const W_POSITION: f32 = 0.7;
const W_CENTRALITY: f32 = 0.2;
const W_PARAGRAPH: f32 = 0.05;
const W_ACTORS: f32 = 0.01;
/// How much a takeaway that repeats part of one already chosen is worth: its score times the
/// square root of the share of its words that one lacks ([`novelty`]). A root, not the share
/// itself: a sentence that adds a new fact about the lead's actors repeats their names, and
/// should lose less than the share it repeats. CNN/DM dev set, R1/R2 over Lead-3 at k = 3 (even
/// lines; odd lines): without this factor +0.77/+0.72 (+0.97/+0.68; +0.56/+0.75), with it
/// +1.18/+0.71 (+1.74/+0.85; +0.62/+0.56), with the share itself +0.73/+0.27, its fourth root
/// +0.80/+0.63; at k = 2 without it +0.58/+0.52, with it +0.99/+0.76.
fn novelty(overlap: f32) -> f32 {
    (1.0 - overlap).max(0.0).sqrt()
}
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
    let k = wanted.map(|w| w.clamp(1, MAX_WANTED)).unwrap_or_else(|| default_count(words_total)).min(candidates.len());

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

    // Position counts the sentences that state the story in the reporter's words (see
    // [`Standing::news`]): an opening of bare quotations or questions, and the sentences that
    // lean on the one before, do not push the sentence that states the news (the nut graf) down
    // the ranks.
    let standing = standings(text, sentences, words, &candidates);
    let mut news_rank = Vec::with_capacity(candidates.len());
    let mut news_before = 0usize;
    for s in &standing {
        news_rank.push(news_before);
        news_before += usize::from(s.news);
    }
    // The factors known without reading the text again: a sentence the page repeats, a bare
    // quotation.
    let known: Vec<f32> = candidates
        .iter()
        .enumerate()
        .map(|(rank, c)| {
            let repeated = if copies.get(&keys[rank]).is_some_and(|&n| n > 1) { REPEATED_FACTOR } else { 1.0 };
            let quotation = if bare_quotation[c.index] || standing[rank].quote_left_open { BARE_QUOTATION_FACTOR } else { 1.0 };
            repeated * quotation
        })
        .collect();
    let scorer = Scorer {
        candidates: &candidates,
        store: &store,
        news_rank,
        centrality: centrality.iter().map(|c| c / top_centrality).collect(),
        known,
        half_life: POSITION_HALF_LIFE.max(k as f32),
        cover: Coverage::new(sentences.len(), cast, stances),
    };

    // Each candidate enters the heap with an upper bound of its score: before the penalties that
    // read its text and before any pick (penalties only lower a score, and so does every pick,
    // which leaves a sentence less to add); a popped bound is replaced by the score as things
    // stand, and a popped score that is current is the best left. So the text-reading penalties
    // run for the few sentences near the top, not for every sentence of a long article. The heap
    // is built in linear time and only the pops needed are paid for; a full sort would make the
    // stage O(n log n).
    let bounds: Vec<Ranked> =
        (0..candidates.len()).map(|rank| Ranked { score: scorer.bound(rank), rank, picks: STALE, penalised: false }).collect();
    let mut heap = BinaryHeap::from(bounds);
    let mut factors: Vec<Option<f32>> = vec![None; candidates.len()];
    let mut chosen: Vec<usize> = Vec::with_capacity(k);
    let mut shown = Shown::new(cast.actors.len());
    // A sentence that leans on the one before waits here, keyed by that sentence, until it is
    // chosen (keys as u64: the map type the stage has already).
    let mut waiting: FastMap<u64, usize> = FastMap::default();
    while let Some(Ranked { score, rank, picks, penalised }) = heap.pop() {
        if chosen.len() == k {
            break;
        }
        let c = &candidates[rank];
        let bag = &store[c.bag.clone()];
        if picks != chosen.len() {
            // The score as things stand, with the text-reading penalties if they were paid for.
            let score = scorer.now(rank, &chosen, &shown) * factors[rank].unwrap_or(1.0);
            heap.push(Ranked { score, rank, picks: chosen.len(), penalised: factors[rank].is_some() });
            continue;
        }
        if !penalised {
            // Still the best as things stand: now the penalties that read its text.
            let sentence = &text[sentences[c.index].start..sentences[c.index].end];
            let factor = penalty(sentence, c.words);
            factors[rank] = Some(factor);
            heap.push(Ranked { score: score * factor, rank, picks, penalised: true });
            continue;
        }
        if chosen.iter().any(|&o| overlap(&store[candidates[o].bag.clone()], bag) > REDUNDANT_OVERLAP) {
            continue;
        }
        let after_its_antecedent = chosen.iter().any(|&o| candidates[o].index + 1 == c.index);
        if standing[rank].leans_back && !after_its_antecedent {
            // Keyed by the sentence before; the first sentence of all waits under a key no
            // sentence has.
            waiting.insert(c.index.wrapping_sub(1) as u64, rank);
            continue;
        }
        chosen.push(rank);
        scorer.cover.show(c.index, &mut shown);
        // The sentence after this one, if it leans on it, takes its place in the order again.
        if let Some(next) = candidates.get(rank + 1).filter(|n| n.index == c.index + 1) {
            if standing[rank + 1].leans_back {
                shown.resumed.push(next.index);
            }
        }
        // (Left in the map: a sentence is chosen once, so nothing takes it out twice.)
        if let Some(&next) = waiting.get(&(c.index as u64)) {
            heap.push(Ranked { score: f32::INFINITY, rank: next, picks: STALE, penalised: false });
        }
    }
    if chosen.is_empty() {
        // Every sentence leans on one before that cannot be shown ("It rained."): the first of
        // them is still better than an empty widget.
        chosen.extend(waiting.values().copied().min());
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
/// holds as long as `picks` takeaways are chosen and is an upper bound after more ([`STALE`]: a
/// bound made before any pick); until `penalised`, it is before the penalties that read the text.
struct Ranked {
    score: f32,
    rank: usize,
    picks: usize,
    penalised: bool,
}

/// The `picks` of a score that must be computed again before it counts.
const STALE: usize = usize::MAX;

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

/// What a candidate's score is made of, known before any pick, and how a pick changes it.
struct Scorer<'a> {
    candidates: &'a [Candidate],
    /// The candidates' bags of content words.
    store: &'a [(u32, f32)],
    /// Per candidate, how many sentences stating the story come before it ([`Standing::news`]).
    news_rank: Vec<usize>,
    /// Per candidate, its centrality over the article's highest.
    centrality: Vec<f32>,
    /// Per candidate, the penalties known without reading its text again.
    known: Vec<f32>,
    /// The rank at which the position prior halves.
    half_life: f32,
    cover: Coverage,
}

impl Scorer<'_> {
    fn position(&self, news_rank: usize) -> f32 {
        1.0 / (1.0 + news_rank as f32 / self.half_life)
    }

    fn paragraph(&self, rank: usize) -> f32 {
        if self.candidates[rank].paragraph_start {
            1.0
        } else {
            0.0
        }
    }

    /// An upper bound of the score: before any pick, with everything new to add.
    fn bound(&self, rank: usize) -> f32 {
        let score = W_POSITION * self.position(self.news_rank[rank])
            + W_CENTRALITY * self.centrality[rank]
            + W_PARAGRAPH * self.paragraph(rank)
            + W_ACTORS;
        score * self.known[rank]
    }

    /// The score once `chosen` are picked, before the penalties that read the text. Sentences
    /// leaning on a chosen one take their place in the order again ([`Shown::resumed`]); the
    /// actors and stances count only as far as they are new; and the whole is worth what it adds
    /// to the most similar chosen takeaway ([`novelty`]).
    fn now(&self, rank: usize, chosen: &[usize], shown: &Shown) -> f32 {
        let c = &self.candidates[rank];
        let resumed = shown.resumed.iter().filter(|&&i| i < c.index).count();
        let score = W_POSITION * self.position(self.news_rank[rank] + resumed)
            + W_CENTRALITY * self.centrality[rank]
            + W_PARAGRAPH * self.paragraph(rank)
            + W_ACTORS * self.cover.new_to(c.index, shown);
        let bag = &self.store[c.bag.clone()];
        let most = chosen.iter().map(|&o| overlap(&self.store[self.candidates[o].bag.clone()], bag)).fold(0.0, f32::max);
        score * novelty(most) * self.known[rank]
    }
}

/// What the chosen takeaways have shown so far.
struct Shown {
    /// The actors they name.
    actors: Vec<bool>,
    /// The stances they carry, by actor and class ([`stance_key`]).
    stances: FastSet<u64>,
    /// Sentences that lean on a chosen takeaway: shown or not, they take their place in the
    /// order again, since the two now read as one passage.
    resumed: Vec<usize>,
}

impl Shown {
    fn new(actors: usize) -> Shown {
        Shown { actors: vec![false; actors], stances: FastSet::default(), resumed: Vec::new() }
    }
}

/// A stance's actor and class as one number, for the set of those shown (a set of numbers is
/// the kind of set the stage keeps already, which costs the .wasm no other).
fn stance_key((actor, class): (usize, StanceClass)) -> u64 {
    (actor as u64) << 8 | class as u64
}

/// The named actors and the stances of each sentence, for what a sentence adds to the story's
/// cast that the chosen takeaways do not show yet: the set should name the story's actors and
/// their stances, not repeat the lead's.
struct Coverage {
    /// Per sentence, where its named actors start in `actors` (one more entry at the end).
    actor_starts: Vec<usize>,
    actors: Vec<usize>,
    /// Per sentence, where its stances ([`stance_key`]) start in `stances`.
    stance_starts: Vec<usize>,
    stances: Vec<u64>,
}

impl Coverage {
    /// Groups the named mentions and the stances by sentence with one counting pass each, so a
    /// sentence's are a slice read without a search.
    fn new(sentence_count: usize, cast: &Cast, stances: &[StanceEntry]) -> Coverage {
        let named = cast.mentions.iter().filter(|m| !m.reference).map(|m| (m.sentence, m.actor));
        let (actor_starts, actors) = group(sentence_count, named, 0);
        let keyed = stances.iter().map(|s| (s.sentence, stance_key((s.actor, s.class))));
        let (stance_starts, stances) = group(sentence_count, keyed, 0);
        Coverage { actor_starts, actors, stance_starts, stances }
    }

    fn actors_of(&self, sentence: usize) -> &[usize] {
        slice_of(&self.actor_starts, &self.actors, sentence)
    }

    fn stances_of(&self, sentence: usize) -> &[u64] {
        slice_of(&self.stance_starts, &self.stances, sentence)
    }

    /// What sentence `index` adds, in [0, 1]: up to three named actors and two stances that the
    /// chosen takeaways do not show.
    fn new_to(&self, index: usize, shown: &Shown) -> f32 {
        let named = self.actors_of(index);
        let actors = named
            .iter()
            .enumerate()
            .filter(|&(_, &a)| !shown.actors.get(a).copied().unwrap_or(true))
            // Each actor once, at its first mention in the sentence.
            .filter(|&(i, a)| !named[..i].contains(a))
            .take(3)
            .count();
        let stances = self.stances_of(index).iter().filter(|s| !shown.stances.contains(s)).take(2).count();
        (actors as f32 / 3.0 + stances as f32 / 2.0) / 2.0
    }

    /// Marks what sentence `index` shows.
    fn show(&self, index: usize, shown: &mut Shown) {
        for &a in self.actors_of(index) {
            if let Some(seen) = shown.actors.get_mut(a) {
                *seen = true;
            }
        }
        shown.stances.extend(self.stances_of(index).iter().copied());
    }
}

/// `(sentence, item)` pairs grouped by sentence in one array: per sentence, where its items
/// start (one more entry at the end), and the items in the order given. Pairs of sentences past
/// `sentence_count` are left out; `fill` only sizes the array before it is written.
fn group<T: Copy>(sentence_count: usize, pairs: impl Iterator<Item = (usize, T)> + Clone, fill: T) -> (Vec<usize>, Vec<T>) {
    let mut starts = vec![0usize; sentence_count + 1];
    for (sentence, _) in pairs.clone() {
        if let Some(n) = starts.get_mut(sentence + 1) {
            *n += 1;
        }
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    let mut items = vec![fill; starts[sentence_count]];
    for (sentence, item) in pairs {
        if let Some(at) = next.get_mut(sentence).filter(|_| sentence < sentence_count) {
            items[*at] = item;
            *at += 1;
        }
    }
    (starts, items)
}

/// The items of `sentence` in a [`group`]ing.
fn slice_of<'a, T>(starts: &[usize], items: &'a [T], sentence: usize) -> &'a [T] {
    match (starts.get(sentence), starts.get(sentence + 1)) {
        (Some(&from), Some(&to)) => items.get(from..to).unwrap_or(&[]),
        _ => &[],
    }
}

/// How a sentence stands on its own.
struct Standing {
    /// It can only be read after the sentence before it: it opens with a word pointing back
    /// ("They are also concerned ...", "It was the second such killing."), or it goes on with a
    /// quotation opened there ("We know how to look," she said.).
    leans_back: bool,
    /// It opens a quotation and leaves it open: a piece of a longer quote, its speaker named
    /// after it if at all ("In most cases, we have the technology.").
    quote_left_open: bool,
    /// It states the story in the reporter's words: it leans on nothing, is no quotation without
    /// a speaker (bare, or left open) and asks no question. Only these count for the position
    /// prior; a quotation its speaker is named with ("'We are close,' NASA's chief scientist
    /// said.") is news.
    news: bool,
}

/// The [`Standing`] of each candidate. A sentence is inside a quotation opened before when its
/// first quotation mark closes one, or when it has no mark, the quotation is open where it starts
/// and the next mark in the paragraph closes it or opens the next sentence (a quotation over
/// several paragraphs opens each anew): "I'm fortunate to be here." between "'I had a taste of
/// it at Hearts." and "It's about the players,' said Locke.". A quotation that no mark closes (a
/// slip of the page) does not swallow the sentences after it.
fn standings(text: &str, sentences: &[Sentence], words: &Words, candidates: &[Candidate]) -> Vec<Standing> {
    // Each body sentence as shown (from past its dateline) and its quotation marks, read once.
    let shown: Vec<(usize, Quotes)> = sentences
        .iter()
        .map(|s| {
            if s.kind != BlockKind::Body {
                return (s.start, Quotes::default());
            }
            let sentence = text.get(s.start..s.end).unwrap_or("");
            let from = lead_in(sentence);
            (s.start + from, quote_marks(sentence.get(from..).unwrap_or("")))
        })
        .collect();
    let inside = inside_quotations(text, sentences, &shown);
    candidates
        .iter()
        .map(|c| {
            let (from, quotes) = shown.get(c.index).copied().unwrap_or_default();
            let shown = text.get(from..sentences[c.index].end).unwrap_or("");
            let quote_left_open = quotes.starts_open && !quotes.closes;
            let leans_back = opens_with_back_reference(words, c.index, from) || inside.get(c.index).copied().unwrap_or(false);
            // No statement in the reporter's words: a quotation with no speaker, or a question.
            let aside = quote_left_open || is_bare_quotation(shown) || is_question(shown);
            Standing { leans_back, quote_left_open, news: !leans_back && !aside }
        })
        .collect()
}

/// For each sentence, whether it is inside a quotation opened in an earlier sentence of its
/// paragraph (see [`standings`]), from each sentence's quotation marks: one pass back to find
/// where quotations end, one forward.
fn inside_quotations(text: &str, sentences: &[Sentence], shown: &[(usize, Quotes)]) -> Vec<bool> {
    // Whether sentence `i` goes on the paragraph of the body sentence before it.
    let runs_on = |i: usize| {
        i.checked_sub(1).is_some_and(|p| {
            let gap = text.get(sentences[p].end..sentences[i].start).unwrap_or("\n");
            sentences[p].kind == BlockKind::Body && sentences[i].kind == BlockKind::Body && !gap.contains('\n')
        })
    };
    let quotes = |i: usize| shown.get(i).map(|s| s.1).unwrap_or_default();
    // Backward: whether the next mark after each sentence in its paragraph ends the quotation
    // open there, as a closing mark or a mark opening the next sentence.
    let mut ended_later = vec![false; sentences.len()];
    let mut next_ends = false;
    for i in (0..sentences.len()).rev() {
        ended_later[i] = next_ends;
        let q = quotes(i);
        if q.first.is_some() {
            next_ends = q.starts_open || q.first == Some(Mark::Close);
        }
        if !runs_on(i) {
            next_ends = false;
        }
    }
    // Forward: whether a quotation is open where each sentence starts.
    let mut open = false;
    (0..sentences.len())
        .map(|i| {
            open &= runs_on(i);
            let q = quotes(i);
            let inside = q.first == Some(Mark::Close) || (q.first.is_none() && open && ended_later[i]);
            open = match q.last {
                Some(mark) => mark == Mark::Open,
                None => inside,
            };
            inside
        })
        .collect()
}

/// Whether the first word shown of sentence `index` (from byte `from`, past opening quotation
/// marks and brackets) points back to the sentence before: "It", "They", "This", "It's"
/// (`data/en/back_references.tsv`).
fn opens_with_back_reference(words: &Words, index: usize, from: usize) -> bool {
    let sentence_words = words.sentence(index);
    let first = sentence_words
        .tokens
        .iter()
        .enumerate()
        .skip_while(|(_, t)| t.start < from)
        .find(|(_, t)| t.kind != TokenKind::Punct)
        .filter(|(_, t)| t.kind == TokenKind::Word)
        .map_or("", |(i, _)| sentence_words.folded(i));
    // "It's", "They're": the word before the apostrophe.
    lexicon::is_back_reference(first.split('\'').next().unwrap_or(""))
}

/// A quotation mark read as opening or closing a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
}

/// The quotation marks of a sentence, as far as its standing goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Quotes {
    first: Option<Mark>,
    last: Option<Mark>,
    /// The sentence opens with its first mark, an opening one.
    starts_open: bool,
    /// Some mark closes a quotation.
    closes: bool,
}

/// Reads the quotation marks of a sentence. Curly and angle marks say which they are; a
/// straight double mark opens after a space (or a bracket or dash) and before a word, and closes
/// otherwise; a single mark opens after a space and before a letter, and closes before no letter
/// after a stop or comma, or after a word once one is open, so an apostrophe ("Jones' car",
/// "don't", "Jr.'s") is no mark. Only the bytes that can start a mark are decoded.
fn quote_marks(sentence: &str) -> Quotes {
    let mut quotes = Quotes::default();
    // A single quotation opened in the sentence: then a single mark after a word closes it
    // ('biggest game' for years), which outside one is an apostrophe (the players' union).
    let mut single_open = false;
    let lead = sentence.len() - sentence.trim_start().len();
    let bytes = sentence.as_bytes();
    let mut next = 0;
    while let Some(i) = next_quote_byte(bytes, next) {
        next = i + 1;
        let Some(c) = sentence.get(i..).and_then(|rest| rest.chars().next()) else { continue };
        let before = sentence[..i].chars().next_back();
        let after = sentence[i + c.len_utf8()..].chars().next();
        let spaced_before = before.is_none_or(|b| b.is_whitespace() || is_opening(b) || matches!(b, '—' | '–' | '-'));
        let after_stop = before.is_some_and(|b| matches!(b, '.' | ',' | '!' | '?'));
        let mark = match c {
            '\u{201C}' | '\u{2018}' | '\u{00AB}' => Some(Mark::Open),
            '\u{201D}' | '\u{00BB}' => Some(Mark::Close),
            '"' if spaced_before && after.is_some_and(|a| !a.is_whitespace()) => Some(Mark::Open),
            '"' => Some(Mark::Close),
            '\'' | '\u{2019}'
                if (after_stop || (single_open && before.is_some_and(char::is_alphanumeric)))
                    && after.is_none_or(|a| !a.is_alphanumeric()) =>
            {
                Some(Mark::Close)
            }
            '\'' if spaced_before && after.is_some_and(char::is_alphabetic) => Some(Mark::Open),
            _ => None,
        };
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}') {
            single_open = mark.map_or(single_open, |m| m == Mark::Open);
        }
        let Some(mark) = mark else { continue };
        if quotes.first.is_none() {
            quotes.starts_open = i == lead && mark == Mark::Open;
            quotes.first = Some(mark);
        }
        quotes.last = Some(mark);
        quotes.closes |= mark == Mark::Close;
    }
    quotes
}

/// The first byte at or after `from` that may start a quotation mark: '"', '\'', or the first
/// byte of « » (C2) or of the curly marks (E2). Eight bytes are tested at a time for a straight
/// mark (a byte equal to `v` is a zero byte of `x ^ v`, found by the borrow trick) or a byte
/// beyond ASCII, so prose with few marks is passed over quickly, in the .wasm as natively.
fn next_quote_byte(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    let is_mark = |b: u8| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2);
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_ne_bytes(word);
        // A straight mark, or any byte of a character beyond ASCII (the curly and angle marks
        // among them): rare in English prose, and then the bytes of the chunk are read.
        let hit = x & HIGHS != 0 || has_zero(x ^ (ONES * u64::from(b'"'))) || has_zero(x ^ (ONES * u64::from(b'\'')));
        if hit {
            // The test says whether a byte may match, not which: the bytes say.
            if let Some(at) = chunk.iter().position(|&b| is_mark(b)) {
                return Some(i + at);
            }
        }
        i += 8;
    }
    bytes.get(i..)?.iter().position(|&b| is_mark(b)).map(|at| i + at)
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
    if BODY_FURNITURE_OPENINGS.iter().any(|p| opens(p)) {
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

/// The clutter phrases of `data/en/page_phrases.tsv` (each list shown there by an example), as
/// sets to find anywhere in a sentence.
static NOTICES_INDEX: Phrases = Phrases::new(SITE_NOTICE_WORDS);
static CAPTION_CUES_INDEX: Phrases = Phrases::new(RUN_IN_CAPTION_CUES);

/// Whether `word` stands in `s` between non-letters (or the ends), as one of the pieces of `s`
/// split at non-letters: found by a byte search, as splitting every sentence cost more.
fn has_word(s: &str, word: &str) -> bool {
    s.match_indices(word).any(|(i, _)| {
        !s[..i].chars().next_back().is_some_and(char::is_alphabetic) && !s[i + word.len()..].chars().next().is_some_and(char::is_alphabetic)
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
    if PROMOTION_IMPERATIVES.contains(&first) || (has_word(&lower, "your") && !quoted()) {
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
        let syntax = crate::syntax::Syntax::new(text, &words, sentences.len());
        let cast = find_actors(text, &sentences, &words, &syntax);
        pick_takeaways(text, &sentences, &words, &cast, &[], wanted).into_iter().map(|p| text[p.start..p.end].to_string()).collect()
    }

    #[test]
    fn only_body_sentences_in_article_order() {
        let text = "Talks Resume in Geneva\n\nKey Takeaways\n• 1Iran and the U.S. met.\n\n\
            Iran and the United States resumed talks in Geneva on Monday after a long pause. \
            Negotiators said the sessions were constructive. Oman offered to host a second round. \
            Weather was mild. Diplomats expect an agreement on a framework within weeks.\nShare Article\n";
        let sentences = segment(text, &clean(text));
        let words = Words::new(text, &sentences);
        let syntax = crate::syntax::Syntax::new(text, &words, sentences.len());
        let cast = find_actors(text, &sentences, &words, &syntax);
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
            (
                "中中中中中中中中中中中中中中中中中中中中中中中中中中中 — Then more.",
                "中中中中中中中中中中中中中中中中中中中中中中中中中中中 — Then more.",
            ),
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

    /// The picks with their sentence indices, and the sentences' texts.
    fn picked(text: &str, wanted: Option<usize>) -> (Vec<usize>, Vec<String>) {
        let sentences = segment(text, &clean(text));
        let words = Words::new(text, &sentences);
        let syntax = crate::syntax::Syntax::new(text, &words, sentences.len());
        let cast = find_actors(text, &sentences, &words, &syntax);
        let (stances, _) = crate::stances::find_stances(text, &sentences, &words, &syntax, &cast);
        let picks = pick_takeaways(text, &sentences, &words, &cast, &stances, wanted);
        (picks.iter().map(|p| p.sentence).collect(), sentences.iter().map(|s| text[s.start..s.end].to_string()).collect())
    }

    #[test]
    fn a_sentence_that_leans_back_comes_only_after_the_one_it_leans_on() {
        // "They", "It", "This": shown alone they point at nothing. The first sentence's "They"
        // has no sentence before it at all.
        let text = "They may not be the talks anyone hoped for, but Iran and the United States met in Geneva on Monday. \
            The delegations agreed to meet again in Oman after a long pause in the nuclear negotiations. \
            It was the first such meeting of the two delegations in more than a year of tension. \
            Oman offered to host the second round of the negotiations at a palace in Muscat next month. \
            This follows months of quiet contacts between the two governments through European envoys. \
            Diplomats expect a framework agreement on the nuclear programme within a few weeks.";
        for k in 1..=5 {
            let (picks, sentences) = picked(text, Some(k));
            assert!(!picks.is_empty());
            for (n, &i) in picks.iter().enumerate() {
                let first = sentences[i].split_whitespace().next().unwrap_or("");
                if ["They", "It", "This"].contains(&first) {
                    assert!(n > 0 && picks[n - 1] + 1 == i, "k={k}: {:?} shown without the sentence before it", sentences[i]);
                }
            }
        }
        let (picks, _) = picked(text, Some(3));
        assert!(!picks.contains(&0), "the opening 'They' has nothing to lean on: {picks:?}");
    }

    #[test]
    fn a_lone_leaning_sentence_is_still_shown() {
        let (picks, _) = picked("It rained all day in the capital and the market stayed closed.", None);
        assert_eq!(picks, [0]);
    }

    #[test]
    fn quotation_marks_open_and_close() {
        let open = Some(Mark::Open);
        let close = Some(Mark::Close);
        // sentence, first, last, starts open, closes
        let cases: &[(&str, Option<Mark>, Option<Mark>, bool, bool)] = &[
            ("We know how to look,\" she said.", close, close, false, true),
            ("\"We know where to look.", open, open, true, false),
            ("She said: \"We will stay,\" and left.", open, close, false, true),
            ("\u{201C}We will stay.\u{201D}", open, close, true, true),
            ("\u{2018}I had a taste of it at Hearts and enjoyed it.", open, open, true, false),
            ("It\u{2019}s about the players,\u{2019} said Locke.", close, close, false, true),
            // Apostrophes are no marks; a scare-quoted word opens and closes.
            ("The players' union said Jones' car and Smith Jr.'s bike don't count.", None, None, false, false),
            ("He called it the club's 'biggest game' for years.", open, close, false, true),
            ("'We are ready to pay on April 9.'", open, close, true, true),
            ("No quotation here at all.", None, None, false, false),
        ];
        for &(sentence, first, last, starts_open, closes) in cases {
            assert_eq!(quote_marks(sentence), Quotes { first, last, starts_open, closes }, "{sentence}");
        }
    }

    #[test]
    fn quote_bytes_found_eight_at_a_time_as_one_by_one() {
        let text = "Plain words, then \"a quote\" and \u{201C}curly\u{201D} marks, \u{00AB}angles\u{00BB}, it's \u{2018}single\u{2019}; caf\u{00E9} \u{2014} end";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() + 2 {
            let naive =
                bytes.get(from..).and_then(|rest| rest.iter().position(|&b| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2))).map(|at| from + at);
            assert_eq!(next_quote_byte(bytes, from), naive, "from {from}");
        }
        assert_eq!(next_quote_byte(b"", 0), None);
        assert_eq!(next_quote_byte(b"no marks in this long enough line at all", 0), None);
    }

    #[test]
    fn sentences_inside_a_quotation_opened_before() {
        let inside = |text: &str| {
            let sentences = segment(text, &clean(text));
            let shown: Vec<(usize, Quotes)> = sentences.iter().map(|s| (s.start, quote_marks(&text[s.start..s.end]))).collect();
            inside_quotations(text, &sentences, &shown)
        };
        // The quotation closes two sentences on: both sentences after the first are inside it.
        assert_eq!(
            inside("\"We know where to look. We have the tools for it. We know how to look,\" she said. The agency agreed."),
            [false, true, true, false]
        );
        // Single marks over several paragraphs of one quotation, each opened anew.
        assert_eq!(
            inside(
                "\u{2018}I had a taste of it at Hearts and enjoyed it. I was fortunate to be at a great club. \
                \u{2018}But it is not about me,\u{2019} he said. The club agreed."
            ),
            [false, true, false, false]
        );
        // A quotation no mark closes (a slip) does not swallow the sentences after it.
        assert_eq!(
            inside(
                "'This has been a total nightmare. Now pictures have emerged of her. In one she is seen at a party. \
                She went for a 'girls' night out' with friends."
            ),
            [false, false, false, false]
        );
        // Nor does a quotation run on into the next paragraph.
        assert_eq!(inside("\"We will stay.\nThe council met on Monday.\n\"We leave,\" he said."), [false, false, false]);
    }

    #[test]
    fn a_quoted_opening_does_not_take_the_place_of_the_news() {
        // An anecdotal opening: a quotation with no speaker, then sentences leaning on it; the
        // sentence that states the news comes fourth.
        let text = "\"A long, long time ago...\" \
            Those five words still move a whole generation of listeners across the country. \
            It is hard to believe that the song is now more than forty years old. \
            On Tuesday, an auction house in New York sold the handwritten lyrics for $1.2 million to an unnamed buyer. \
            The singer wrote the song in the summer of 1970 in a small town upstate. \
            The buyer has not said whether the manuscript will be shown in public.";
        let (picks, sentences) = picked(text, Some(1));
        assert_eq!(picks.len(), 1);
        assert!(sentences[picks[0]].starts_with("On Tuesday"), "{:?}", sentences[picks[0]]);
    }

    #[test]
    fn a_takeaway_is_worth_what_it_adds_to_those_chosen() {
        // The second sentence repeats four of its seven words from the lead (below the hard
        // threshold); the third tells the rest of the story, though it comes later.
        let text = "The town council approved the new budget for schools and libraries on Tuesday evening. \
            The budget for schools and libraries passed on Tuesday after a long debate. \
            Opponents said the cuts to swimming pools would hurt families with young children. \
            The mayor promised to review the cuts to swimming pools with families next spring.";
        let (picks, sentences) = picked(text, Some(2));
        assert_eq!(picks.len(), 2);
        assert!(sentences[picks[0]].starts_with("The town council approved"), "{picks:?}");
        assert!(sentences[picks[1]].starts_with("Opponents"), "a restatement of the lead was taken: {picks:?}");
    }

    #[test]
    fn coverage_groups_stances_by_sentence_and_counts_what_is_new() {
        let text = "Iran urged the United States to lift sanctions. Oman praised both sides. Iran urged calm again.";
        let sentences = segment(text, &clean(text));
        let words = Words::new(text, &sentences);
        let syntax = crate::syntax::Syntax::new(text, &words, sentences.len());
        let cast = find_actors(text, &sentences, &words, &syntax);
        let (mut stances, _) = crate::stances::find_stances(text, &sentences, &words, &syntax, &cast);
        stances.reverse();
        let cover = Coverage::new(sentences.len(), &cast, &stances);
        for i in 0..sentences.len() {
            let expected = stances.iter().filter(|s| s.sentence == i).count();
            assert_eq!(cover.stances_of(i).len(), expected, "sentence {i}");
        }
        assert!(cover.stances_of(99).is_empty());
        let mut shown = Shown::new(cast.actors.len());
        let fresh = cover.new_to(2, &shown);
        assert!(fresh > 0.0);
        cover.show(0, &mut shown);
        assert!(cover.new_to(2, &shown) < fresh, "Iran and its appeal are shown by the first sentence");
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
