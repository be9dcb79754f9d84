//! Stage 4: what each actor wants and does toward whom.
//!
//! A stance is read from a clause: a stance word from `data/stance_verbs.tsv` ("urged",
//! "insists", "talks"), the actor mentioned nearest before it in the same clause as its subject,
//! and the first other actor after it as its target. Two refinements carry much of the meaning:
//! a hyphen compound before a nominal stance names both sides ("U.S.-Iran talks": the United
//! States negotiates with Iran), and coordinated subjects act on each other ("Washington and
//! Tehran resume talks"). Negation ("not", "cannot") and modals ("could", "might") are kept as
//! flags, so the page can show them.

use crate::actors::{Cast, Mention};
use crate::clean::BlockKind;
use crate::lexicon::{self, StanceClass};
use crate::segment::Sentence;
use crate::text::{fold, is_dash, tokenize, Token, TokenKind};

/// One stance: who, what, toward whom, and the words it came from (byte spans).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StanceEntry {
    pub actor: usize,
    pub class: StanceClass,
    /// The stance words as written ("urged", "cannot accept").
    pub verb: (usize, usize),
    pub target: Option<usize>,
    pub negated: bool,
    pub hypothetical: bool,
    pub confidence: f32,
    /// The clause that carries the stance.
    pub evidence: (usize, usize),
    pub sentence: usize,
}

/// Words that end a clause: what follows them has a subject of its own.
const CLAUSE_WORDS: &[&str] = &["while", "whereas", "but", "although", "though", "because", "yet", "which", "who", "that", "after", "before", "when", "if"];
const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "cannot"];
const MODALS: &[&str] = &["could", "would", "might", "may", "should", "if"];

/// Finds the stances of every sentence that may carry them (not clutter).
pub(crate) fn find_stances(text: &str, sentences: &[Sentence], cast: &Cast) -> Vec<StanceEntry> {
    let mut out = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        if sentence.kind.is_clutter() {
            continue;
        }
        let mentions = cast.mentions_in(index);
        if mentions.is_empty() {
            continue;
        }
        let tokens = tokenize(text, sentence.start, sentence.end);
        let title_case = matches!(sentence.kind, BlockKind::Title | BlockKind::Heading);
        stances_in_sentence(text, &tokens, mentions, index, title_case, &mut out);
    }
    out
}

fn stances_in_sentence(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    sentence: usize,
    title_case: bool,
    out: &mut Vec<StanceEntry>,
) {
    let mut i = 0;
    while i < tokens.len() {
        let Some((len, class)) = stance_word_at(text, tokens, i, title_case) else {
            i += 1;
            continue;
        };
        let verb = (tokens[i].start, tokens[i + len - 1].end);
        i += len;
        // A word inside a mention ("the Negotiating Team") is part of a name, not a stance.
        if mentions.iter().any(|m| m.start <= verb.0 && verb.1 <= m.end) {
            continue;
        }
        let clause_start = clause_start(text, tokens, i - len);
        let clause_end = clause_end(text, tokens, i);
        let before: Vec<&Mention> =
            mentions.iter().filter(|m| m.end <= verb.0 && m.start >= clause_start).collect();
        let Some(subject) = before.last().copied() else { continue };
        let after = mentions.iter().find(|m| m.start >= verb.1 && m.end <= clause_end && m.actor != subject.actor);

        // "U.S.-Iran talks": the compound names both sides; "Washington and Tehran resume talks": both act.
        let partner = before.len().checked_sub(2).map(|k| before[k]).filter(|p| {
            let between = &text[p.end..subject.start];
            p.actor != subject.actor && (between.trim().chars().all(is_dash) || between.trim() == "and")
        });
        let window = &tokens[tokens.partition_point(|t| t.end <= subject.end)..i - len];
        let negated = window.iter().any(|t| NEGATIONS.contains(&fold(t.text(text)).as_str()))
            || fold(&text[verb.0..verb.1]).starts_with("cannot");
        let hypothetical = tokens[tokens.partition_point(|t| t.start < clause_start)..i - len]
            .iter()
            .any(|t| MODALS.contains(&fold(t.text(text)).as_str()));
        let close = window.len() <= 4;
        let evidence_end = after.map_or(clause_end, |m| m.end.max(clause_end));
        let mut push = |actor: usize, target: Option<usize>, from: usize| {
            out.push(StanceEntry {
                actor,
                class,
                verb,
                target,
                negated,
                hypothetical,
                confidence: if close { 0.85 } else { 0.6 },
                evidence: (from.min(verb.0), evidence_end.max(verb.1)),
                sentence,
            })
        };
        match partner {
            Some(p) if matches!(class, StanceClass::Negotiate | StanceClass::Cooperate) => {
                push(p.actor, Some(subject.actor), p.start);
                push(subject.actor, Some(p.actor), p.start);
            }
            Some(p) if text[p.end..subject.start].trim() == "and" => {
                let target = after.map(|m| m.actor);
                push(p.actor, target, p.start);
                push(subject.actor, target, p.start);
            }
            _ => push(subject.actor, after.map(|m| m.actor), subject.start),
        }
    }
}

/// The stance word or phrase at token `i`: (tokens it spans, class). Two-word phrases first.
fn stance_word_at(text: &str, tokens: &[Token], i: usize, title_case: bool) -> Option<(usize, StanceClass)> {
    let tok = tokens[i];
    if tok.kind != TokenKind::Word || (!title_case && tok.is_capitalized(text) && i > 0) {
        return None;
    }
    let first = fold(tok.text(text));
    if let Some(next) = tokens.get(i + 1).filter(|t| t.kind == TokenKind::Word) {
        let phrase = format!("{first} {}", fold(next.text(text)));
        if let Some(class) = lexicon::stance_word(&phrase) {
            return Some((2, class));
        }
    }
    lexicon::stance_word(&first).map(|class| (1, class))
}

/// Where the clause holding token `i` starts (byte offset): after the last clause break before it.
fn clause_start(text: &str, tokens: &[Token], i: usize) -> usize {
    tokens[..i]
        .iter()
        .rev()
        .find(|t| is_clause_break(text, t))
        .map_or(tokens.first().map_or(0, |t| t.start), |t| t.end)
}

/// Where the clause holding token `i` ends (byte offset): at the next clause break.
fn clause_end(text: &str, tokens: &[Token], i: usize) -> usize {
    tokens[i..]
        .iter()
        .find(|t| is_clause_break(text, t))
        .map_or(tokens.last().map_or(0, |t| t.end), |t| t.start)
}

fn is_clause_break(text: &str, t: &Token) -> bool {
    let s = t.text(text);
    match t.kind {
        TokenKind::Punct => matches!(s, ";" | ":" | "," | "—" | "(" | ")" | "?" | "!"),
        TokenKind::Word => CLAUSE_WORDS.contains(&fold(s).as_str()),
        _ => false,
    }
}

/// Relations between pairs of actors: the stances between them and the tone they add up to.
pub(crate) fn relations(stances: &[StanceEntry]) -> Vec<((usize, usize), Vec<usize>, &'static str)> {
    let mut pairs: Vec<((usize, usize), Vec<usize>)> = Vec::new();
    for (k, s) in stances.iter().enumerate() {
        let Some(t) = s.target else { continue };
        let key = (s.actor.min(t), s.actor.max(t));
        match pairs.iter_mut().find(|(p, _)| *p == key) {
            Some((_, list)) => list.push(k),
            None => pairs.push((key, vec![k])),
        }
    }
    pairs
        .into_iter()
        .map(|(key, list)| {
            let friendly = list.iter().any(|&k| stances[k].class.tone() > 0 && !stances[k].negated);
            let hostile = list.iter().any(|&k| stances[k].class.tone() < 0 && !stances[k].negated);
            let tone = match (friendly, hostile) {
                (true, true) => "mixed",
                (true, false) => "cooperative",
                (false, true) => "hostile",
                (false, false) => "neutral",
            };
            (key, list, tone)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{actors::find_actors, clean::clean, segment::segment};

    /// (actor, class, target, negated) of each stance of `text`.
    fn stances_of(text: &str) -> Vec<(String, &'static str, Option<String>, bool)> {
        let sentences = segment(text, &clean(text));
        let cast = find_actors(text, &sentences);
        let name = |a: usize| cast.actors[a].name.clone();
        find_stances(text, &sentences, &cast)
            .iter()
            .map(|s| (name(s.actor), s.class.as_str(), s.target.map(name), s.negated))
            .collect()
    }

    #[test]
    fn subject_verb_object() {
        assert_eq!(
            stances_of("The United States has urged Israel not to strike Iran."),
            [
                ("United States".into(), "appeal", Some("Israel".into()), false),
                ("Israel".into(), "use_force", Some("Iran".into()), true),
            ]
        );
    }

    #[test]
    fn compounds_and_coordination_name_both_sides() {
        assert_eq!(
            stances_of("Officials expect U.S.-Iran talks to resume."),
            [
                ("United States".into(), "negotiate", Some("Iran".into()), false),
                ("Iran".into(), "negotiate", Some("United States".into()), false),
            ]
        );
    }

    #[test]
    fn clause_breaks_keep_subjects_apart() {
        let got = stances_of("Washington wants a broader agenda, while Iran insists on nuclear issues.");
        assert_eq!(got[0], ("United States".into(), "intend", None, false));
        assert_eq!(got[1], ("Iran".into(), "demand", None, false));
    }
}
