//! Golden tests of the stances stage on the evaluation data in `../shared/eval` (read at run time,
//! never copied: the texts are the publishers'). Each test skips with a message when the data is
//! absent, and fails when a figure drops below the floor it guards.
//!
//! The events and attribution figures re-implement the scoring of `score.py events` and
//! `score.py attribution` (the events one with plain case-insensitive search for the gold actor
//! texts, so it may differ from score.py in the third decimal).

use std::collections::HashMap;

use article_lens::{analyze, Options, Report};
use serde_json::Value;

mod common;
use common::{cp_map, shared_text as shared, to_cp};

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Code-point mention spans per actor id; an actor's spans include those of actors affiliated to it.
fn actor_spans(report: &Report, m: &[usize]) -> HashMap<String, Vec<(usize, usize)>> {
    let mut out: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for a in &report.actors {
        let spans: Vec<_> = a.mentions.iter().map(|s| to_cp(m, s.start, s.end)).collect();
        out.entry(a.id.clone()).or_default().extend(spans.iter().copied());
        if let Some(aff) = &a.affiliation {
            out.entry(aff.clone()).or_default().extend(spans);
        }
    }
    out
}

fn matches(spans: &HashMap<String, Vec<(usize, usize)>>, actor: Option<&String>, gold: &[(usize, usize)]) -> bool {
    actor.and_then(|a| spans.get(a)).is_some_and(|s| s.iter().any(|x| gold.iter().any(|g| overlaps(*x, *g))))
}

/// (actor, class, target) of every stance of a seed article.
fn seed(file: &str) -> Option<(String, Report)> {
    let text = shared(&format!("articles/{file}"))?;
    let report = analyze(&text, &Options::default()).expect("report");
    Some((text, report))
}

fn has(report: &Report, actor: &str, classes: &[&str], target: Option<&str>) -> bool {
    report.stances.iter().any(|s| s.actor == actor && classes.contains(&s.class) && target.is_none_or(|t| s.target.as_deref() == Some(t)))
}

#[test]
fn seed_stances_that_must_be_found() {
    let cases: &[(&str, &[(&str, &[&str], Option<&str>)])] = &[
        (
            "000_cdfa9290fd9a2767.txt",
            &[
                ("united-states", &["appeal"], Some("israel")),
                ("united-states", &["negotiate"], Some("iran")),
                ("united-states", &["demand"], Some("iran")),
                ("iran", &["demand", "reject"], None),
                ("israel", &["concern"], None),
                ("iran", &["reject"], Some("united-states")),
                ("united-states", &["use_force"], Some("iran")),
                ("oman", &["negotiate", "cooperate"], None),
            ],
        ),
        (
            "001_aa174c2cb271f789.txt",
            &[
                ("united-states", &["appeal"], Some("israel")),
                ("united-states", &["cooperate", "negotiate"], Some("israel")),
                ("united-states", &["negotiate"], Some("iran")),
                ("united-states", &["demand", "intend"], Some("iran")),
                ("iran", &["demand", "reject"], None),
                ("iran", &["concern"], None),
                ("israel", &["concern"], None),
                ("abbas-araghchi", &["statement"], None),
            ],
        ),
    ];
    for (file, musts) in cases {
        let Some((_, report)) = seed(file) else { return };
        for (actor, classes, target) in *musts {
            assert!(has(&report, actor, classes, *target), "{file}: missing {actor} {classes:?} {target:?}");
        }
    }
}

#[test]
fn seed_stances_that_must_not_be_found() {
    let Some((text, report)) = seed("001_aa174c2cb271f789.txt") else { return };
    let cp = cp_map(&text);
    let title = report.sentences.first().map(|s| to_cp(&cp, s.start, s.end)).unwrap_or((0, 0));
    for s in &report.stances {
        // A headline's "Talks" has no subject: no one negotiates there.
        let ev = to_cp(&cp, s.evidence.start, s.evidence.end);
        assert!(!(s.actor == "oman" && overlaps(ev, title)), "stance from the headline: {s:?}");
        // "urged Israel not to launch strikes": the strikes are the appeal's content, not Israel's act.
        assert!(!(s.actor == "israel" && s.class == "use_force" && !s.hypothetical), "Israel strikes: {s:?}");
        // No stance word inside a name.
        for a in &report.actors {
            for m in &a.mentions {
                let inside = m.start <= s.evidence.start && s.evidence.end <= m.end;
                assert!(!inside, "stance inside the name {}: {s:?}", a.name);
            }
        }
    }
    // Few enough that the page can show them all: one stance word, one stance.
    assert!(report.stances.len() <= 45, "{} stances", report.stances.len());
    let oman = report.stances.iter().filter(|s| s.actor == "oman").count();
    assert_eq!(oman, 0, "Oman only hosts the talks in this article");
}

/// The PLOVER event classes a stance class may stand for (score.py's PLOVER_TO_STANCE).
fn accepts(event: &str, class: &str) -> bool {
    let ok: &[&str] = match event {
        "DEMAND" => &["demand", "appeal"],
        "REJECT" => &["reject"],
        "THREATEN" => &["threaten"],
        "PROTEST" | "DISAPPROVE" => &["criticize"],
        "FIGHT" | "ASSAULT" => &["use_force"],
        "COERCE" | "MOBILIZE" => &["threaten", "use_force"],
        "SANCTION" => &["threaten", "use_force", "reject"],
        "CONSULT" => &["negotiate"],
        "AGREE" => &["cooperate", "intend", "negotiate"],
        "CONCEDE" | "RETREAT" | "SUPPORT" | "AID" | "COOPERATE" => &["cooperate"],
        "INVESTIGATE" => &["statement", "criticize"],
        "STATEMENT" => &["statement", "concern", "intend"],
        _ => &[],
    };
    ok.contains(&class)
}

/// Code-point spans of a gold actor text in its sentence: each "..."-separated piece found
/// case-insensitively, else its content words.
fn locate(text: &str, actor: &str) -> Vec<(usize, usize)> {
    let lower: Vec<char> = text.to_lowercase().chars().collect();
    let find_all = |needle: &str| {
        let n: Vec<char> = needle.to_lowercase().chars().collect();
        let mut out = Vec::new();
        if n.is_empty() || n.len() > lower.len() {
            return out;
        }
        for i in 0..=lower.len() - n.len() {
            if lower[i..i + n.len()] == n[..] {
                out.push((i, i + n.len()));
            }
        }
        out
    };
    let mut spans = Vec::new();
    for piece in actor.split("...").map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")) {
        if piece.is_empty() {
            continue;
        }
        let found = find_all(&piece);
        if found.is_empty() {
            for w in piece.split(' ').map(|w| w.trim_matches(|c| c == '(' || c == ')' || c == ',')) {
                let stop = ["the", "and", "of", "in", "on", "a", "an", "to", "for", "its", "their", "his", "her", "with", "at", "by"];
                if (w.chars().count() >= 3 || w.chars().all(char::is_uppercase)) && !stop.contains(&w.to_lowercase().as_str()) {
                    spans.extend(find_all(w));
                }
            }
        } else {
            spans.extend(found);
        }
    }
    spans
}

#[test]
fn plover_events_source_and_target() {
    let Some(data) = shared("eval/data/plover-dev.jsonl") else { return };
    let (mut located, mut hits) = (0usize, 0usize);
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let rec: Value = serde_json::from_str(line).expect("json line");
        let text = rec["text"].as_str().unwrap_or("");
        let event = rec["event"].as_str().unwrap_or("");
        let texts = |role: &str| -> Vec<String> {
            rec[role].as_array().map_or(Vec::new(), |a| a.iter().filter_map(|x| x["actorText"].as_str().map(String::from)).collect())
        };
        let src: Vec<_> = texts("source").iter().flat_map(|a| locate(text, a)).collect();
        let tgt: Vec<_> = texts("target").iter().flat_map(|a| locate(text, a)).collect();
        let has_target = !texts("target").is_empty();
        if src.is_empty() {
            continue;
        }
        located += 1;
        let report = analyze(text, &Options::default()).expect("report");
        let m = cp_map(text);
        let spans = actor_spans(&report, &m);
        let ok = report.stances.iter().any(|s| {
            accepts(event, s.class)
                && matches(&spans, Some(&s.actor), &src)
                && if has_target {
                    matches(&spans, s.target.as_ref(), &tgt)
                } else {
                    s.target.is_none() || matches(&spans, s.target.as_ref(), &src)
                }
        });
        hits += usize::from(ok);
    }
    let rate = hits as f64 / located.max(1) as f64;
    eprintln!("PLOVER dev source+target: {rate:.3} ({hits}/{located}); target 0.45, naive floor 0.194");
    assert!(rate >= 0.45, "source+target fell to {rate:.3}");
}

#[test]
fn polnear_attribution_cue_and_source() {
    let Some(data) = shared("eval/data/polnear-dev.jsonl") else { return };
    let (mut attr, mut cue_hits, mut with_source, mut source_hits) = (0usize, 0usize, 0usize, 0usize);
    let spans_of = |v: &Value| -> Vec<(usize, usize)> {
        v["spans"]
            .as_array()
            .map_or(Vec::new(), |a| a.iter().filter_map(|s| Some((s.get(0)?.as_u64()? as usize, s.get(1)?.as_u64()? as usize))).collect())
    };
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let rec: Value = serde_json::from_str(line).expect("json line");
        let text = rec["text"].as_str().unwrap_or("");
        let report = analyze(text, &Options::default()).expect("report");
        let m = cp_map(text);
        let spans = actor_spans(&report, &m);
        let evidence: Vec<_> = report.stances.iter().map(|s| (s, to_cp(&m, s.evidence.start, s.evidence.end))).collect();
        let Some(attributions) = rec["annotations"][0]["attributions"].as_array() else { continue };
        for a in attributions {
            let cue = spans_of(&a["cue"]);
            let source = spans_of(&a["source"]);
            attr += 1;
            let hits: Vec<_> = evidence.iter().filter(|(_, e)| cue.iter().any(|c| overlaps(*e, *c))).collect();
            cue_hits += usize::from(!hits.is_empty());
            if !source.is_empty() {
                with_source += 1;
                source_hits += usize::from(hits.iter().any(|(s, _)| matches(&spans, Some(&s.actor), &source)));
            }
        }
    }
    let cue = cue_hits as f64 / attr.max(1) as f64;
    let source = source_hits as f64 / with_source.max(1) as f64;
    eprintln!("PolNeAR dev cue recall {cue:.3}, source+cue recall {source:.3}; target source+cue 0.65, naive floor 0.52 / 0.23");
    // Issue 16 judges source+cue (>= 0.65). Cue recall alone sits just under 0.65 since stances
    // refuse cues the parse reads as nouns or adjectives ("a Pentagon think tank"): precision first.
    assert!(cue >= 0.64, "cue recall fell to {cue:.3}");
    assert!(source >= 0.654, "source+cue recall fell to {source:.3}");
}
