//! Stage 5: the sentences that carry the story.
//!
//! News is written lead first, so position is the strongest single signal; centrality (how much a
//! sentence shares the article's vocabulary, against one centroid, linear in the text) and the
//! actors and stances it carries refine it. Picks skip a sentence too like one already taken, and
//! come back in article order. Only body sentences compete: never a heading, caption or the
//! author's own bullets.

use std::collections::HashMap;

use crate::actors::Cast;
use crate::clean::BlockKind;
use crate::segment::Sentence;
use crate::stances::StanceEntry;
use crate::text::{fold, tokenize, TokenKind};

/// Fewest and most takeaways the widget picks by itself.
const DEFAULT_RANGE: (usize, usize) = (3, 5);
/// Two sentences sharing more than this share of their words say the same thing.
const REDUNDANT_OVERLAP: f32 = 0.5;

/// Common words that carry no topic, left out of the vectors.
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is",
    "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "that", "this", "these", "those", "their",
    "they", "he", "she", "his", "her", "we", "our", "not", "will", "would", "could", "can", "may", "might", "than",
    "which", "who", "what", "when", "while", "also", "into", "about", "over", "after", "before", "any", "some", "more",
    "s", "said", "says", "there", "if", "so", "such", "do", "does", "did",
];

/// A chosen sentence (an index into the sentences).
pub(crate) type Pick = usize;

/// Picks the takeaways: `wanted` of them, or 3-5 by the article's length.
pub(crate) fn pick_takeaways(
    text: &str,
    sentences: &[Sentence],
    cast: &Cast,
    stances: &[StanceEntry],
    wanted: Option<usize>,
) -> Vec<Pick> {
    let candidates: Vec<usize> = (0..sentences.len()).filter(|&i| sentences[i].kind == BlockKind::Body).collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let k = wanted
        .map(|w| w.clamp(1, 10))
        .unwrap_or_else(|| (candidates.len() / 6).clamp(DEFAULT_RANGE.0, DEFAULT_RANGE.1))
        .min(candidates.len());

    let bags: Vec<HashMap<String, f32>> = candidates.iter().map(|&i| bag(text, &sentences[i])).collect();
    let mut centroid: HashMap<&str, f32> = HashMap::new();
    for b in &bags {
        for (w, c) in b {
            *centroid.entry(w.as_str()).or_default() += c;
        }
    }
    let mut stance_count = vec![0usize; sentences.len()];
    for s in stances {
        stance_count[s.sentence] += 1;
    }
    let n = candidates.len() as f32;
    let mut scored: Vec<(f32, usize)> = candidates
        .iter()
        .enumerate()
        .map(|(rank, &i)| {
            let position = 1.0 - (rank as f32 / n).sqrt();
            let centrality = cosine_to(&bags[rank], &centroid);
            let actors = cast.mentions_in(i).len().min(4) as f32 / 4.0;
            let stance = stance_count[i].min(3) as f32 / 3.0;
            let words = bags[rank].values().sum::<f32>();
            let s = &text[sentences[i].start..sentences[i].end];
            let mut score = 0.45 * position + 0.3 * centrality + 0.15 * actors + 0.1 * stance;
            if words < 6.0 || s.ends_with('?') {
                score *= 0.5;
            }
            if words > 45.0 {
                score *= 0.8;
            }
            (score, rank)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));

    let mut chosen: Vec<usize> = Vec::with_capacity(k);
    for &(_, rank) in &scored {
        if chosen.len() == k {
            break;
        }
        if chosen.iter().all(|&c| overlap(&bags[c], &bags[rank]) <= REDUNDANT_OVERLAP) {
            chosen.push(rank);
        }
    }
    let mut picks: Vec<usize> = chosen.into_iter().map(|rank| candidates[rank]).collect();
    picks.sort_unstable();
    picks
}

/// The content words of a sentence with their counts.
fn bag(text: &str, sentence: &Sentence) -> HashMap<String, f32> {
    let mut out = HashMap::new();
    for t in tokenize(text, sentence.start, sentence.end) {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = fold(t.text(text));
        if w.len() > 1 && !STOPWORDS.contains(&w.as_str()) {
            *out.entry(w).or_insert(0.0) += 1.0;
        }
    }
    out
}

/// Cosine similarity of a sentence's bag with the article's centroid.
fn cosine_to(bag: &HashMap<String, f32>, centroid: &HashMap<&str, f32>) -> f32 {
    let dot: f32 = bag.iter().map(|(w, c)| c * centroid.get(w.as_str()).copied().unwrap_or(0.0)).sum();
    let a: f32 = bag.values().map(|c| c * c).sum::<f32>().sqrt();
    let b: f32 = centroid.values().map(|c| c * c).sum::<f32>().sqrt();
    if a == 0.0 || b == 0.0 {
        0.0
    } else {
        dot / (a * b)
    }
}

/// Share of the smaller bag's words that the other bag has too.
fn overlap(a: &HashMap<String, f32>, b: &HashMap<String, f32>) -> f32 {
    let shared = a.keys().filter(|w| b.contains_key(*w)).count() as f32;
    let smaller = a.len().min(b.len()).max(1) as f32;
    shared / smaller
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{actors::find_actors, clean::clean, segment::segment};

    #[test]
    fn only_body_sentences_in_article_order() {
        let text = "Talks Resume in Geneva\n\nKey Takeaways\n• 1Iran and the U.S. met.\n\n\
            Iran and the United States resumed talks in Geneva on Monday after a long pause. \
            Negotiators said the sessions were constructive. Oman offered to host a second round. \
            Weather was mild. Diplomats expect an agreement on a framework within weeks.\nShare Article\n";
        let sentences = segment(text, &clean(text));
        let cast = find_actors(text, &sentences);
        let picks = pick_takeaways(text, &sentences, &cast, &[], None);
        assert_eq!(picks.len(), 3);
        assert!(picks.windows(2).all(|w| w[0] < w[1]));
        assert!(picks.iter().all(|&p| sentences[p].kind == BlockKind::Body));
        assert!(text[sentences[picks[0]].start..].starts_with("Iran and the United States resumed"));
    }
}
