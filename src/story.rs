//! What the stages' findings add up to across the article: how salient each actor is, and how
//! each pair of actors stands toward the other. Computed once the stances are known, from the
//! cast and the stances; the report only converts it.

use crate::actors::Cast;
use crate::stances::StanceEntry;
/// How a pair of actors stands (generated from data/report_vocabulary.tsv): "Washington and Tehran
/// resumed talks" is cooperative; adding "Iran condemned Washington" makes it mixed.
pub(crate) use crate::vocabulary::Tone;

/// The story of one article.
pub(crate) struct Story {
    /// Per actor of the cast, its salience in [0, 1] ([`salience`]).
    pub salience: Vec<f32>,
    /// The pairs of actors with a confident stance between them ([`relations`]).
    pub relations: Vec<Relation>,
}

impl Story {
    /// The story of `cast` and its `stances` over `sentence_count` sentences; relations hold the
    /// stances at or above `threshold`.
    pub fn new(cast: &Cast, sentence_count: usize, stances: &[StanceEntry], threshold: f32) -> Story {
        let subjects: Vec<usize> = stances.iter().map(|s| s.actor).collect();
        Story { salience: salience(cast, sentence_count, &subjects), relations: relations(stances, threshold) }
    }
}

/// A pair of actors (the lower index first), the stances between them and their tone.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Relation {
    pub pair: (usize, usize),
    /// Indices into the stances, in text order.
    pub stances: Vec<usize>,
    pub tone: Tone,
}

/// Salience of each actor in [0, 1]: mentions weighted toward the top of the article, and
/// stances the actor takes; the most salient actor scores 1.
pub(crate) fn salience(cast: &Cast, sentence_count: usize, stance_subjects: &[usize]) -> Vec<f32> {
    let mut score = vec![0.0f32; cast.actors.len()];
    let n = sentence_count.max(1) as f32;
    for m in cast.mentions.iter().filter(|m| !m.reference) {
        score[m.actor] += 1.0 + 1.0 - (m.sentence as f32 / n).min(1.0);
    }
    for &a in stance_subjects {
        if let Some(s) = score.get_mut(a) {
            *s += 1.5;
        }
    }
    let max = score.iter().cloned().fold(0.0f32, f32::max);
    if max > 0.0 {
        score.iter_mut().for_each(|s| *s /= max);
    }
    score
}

/// Relations between pairs of actors: the confident stances between them (at or above
/// `threshold`: what the widget shows by default) and the tone they add up to.
pub(crate) fn relations(stances: &[StanceEntry], threshold: f32) -> Vec<Relation> {
    let mut pairs: Vec<((usize, usize), Vec<usize>)> = Vec::new();
    for (k, s) in stances.iter().enumerate() {
        let Some(t) = s.target.filter(|_| s.confidence >= threshold) else { continue };
        let key = (s.actor.min(t), s.actor.max(t));
        match pairs.iter_mut().find(|(p, _)| *p == key) {
            Some((_, list)) => list.push(k),
            None => pairs.push((key, vec![k])),
        }
    }
    pairs
        .into_iter()
        .map(|(pair, list)| {
            // A negated or hypothetical stance says little about how the pair stands now.
            let firm = |k: &usize| !stances[*k].negated && !stances[*k].hypothetical;
            let friendly = list.iter().filter(|k| firm(k)).any(|&k| stances[k].class.tone() > 0);
            let hostile = list.iter().filter(|k| firm(k)).any(|&k| stances[k].class.tone() < 0);
            let tone = match (friendly, hostile) {
                (true, true) => Tone::Mixed,
                (true, false) => Tone::Cooperative,
                (false, true) => Tone::Hostile,
                (false, false) => Tone::Neutral,
            };
            Relation { pair, stances: list, tone }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::Syntax;
    use crate::words::Words;
    use crate::{actors::find_actors, clean::clean, segment::segment, stances::find_stances};

    fn story_of(text: &str) -> (Story, Cast) {
        let sentences = segment(text, &clean(text));
        let words = Words::new(text, &sentences);
        let syntax = Syntax::new(text, &words, sentences.len());
        let cast = find_actors(text, &sentences, &words, &syntax);
        let (stances, _) = find_stances(text, &sentences, &words, &syntax, &cast);
        (Story::new(&cast, sentences.len(), &stances, 0.0), cast)
    }

    #[test]
    fn relations_sum_tone() {
        let (story, _) = story_of("Washington and Tehran resumed talks. Iran condemned Washington.");
        assert_eq!(story.relations.len(), 1);
        assert_eq!(story.relations[0].tone, Tone::Mixed);
        let (story, _) = story_of("Washington and Tehran resumed talks.");
        assert_eq!(story.relations.iter().map(|r| r.tone.as_str()).collect::<Vec<_>>(), ["cooperative"]);
    }

    #[test]
    fn the_actor_who_acts_first_and_most_is_most_salient() {
        let (story, cast) = story_of("Washington urged Tehran to return to talks. Washington said so again. Tehran waited.");
        let top = (0..cast.actors.len()).max_by(|&a, &b| story.salience[a].total_cmp(&story.salience[b]));
        assert_eq!(top.map(|a| cast.actors[a].id.as_str()), Some("united-states"));
        assert!(story.salience.iter().all(|s| (0.0..=1.0).contains(s)));
    }
}
