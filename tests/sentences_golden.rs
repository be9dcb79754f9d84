//! Golden test of sentence boundaries: the English Golden Rules (pySBD and the Pragmatic
//! Segmenter, MIT) in `../shared/eval/data/sbd-golden.jsonl`, read at run time and never copied
//! into the project. A case passes when the report's sentences, sliced from the text with their
//! white space collapsed (a sentence cut by a stray newline, "It was a cold \nnight", is still
//! one sentence), equal the expected list exactly: the figure `score.py sentences` prints.
#![allow(non_snake_case)]

mod common;
use common::slice_units as slice_utf16;

/// Share of cases that must pass; raise it when the segmenter gets better, never lower it.
const TARGET: f64 = 1.0;

/// `s` with its white space collapsed to single spaces and trimmed, as the scorer compares.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn golden_rules_sentence_boundaries() {
    let path = common::shared().join("eval/data/sbd-golden.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("SKIP golden_rules_sentence_boundaries: {} is absent", path.display());
        return;
    };
    let (mut cases, mut passed, mut failures) = (0usize, 0usize, Vec::new());
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("sbd-golden.jsonl: a line is not JSON");
        let text = case["text"].as_str().expect("a case without text");
        let want: Vec<String> =
            case["expected"].as_array().expect("a case without expected sentences").iter().filter_map(|s| s.as_str().map(squash)).collect();
        let report = article_lens::analyze(text, &Default::default()).expect("analyze refused a short text");
        let units: Vec<u16> = text.encode_utf16().collect();
        let got: Vec<String> = report.sentences.iter().map(|s| squash(&slice_utf16(&units, s.start, s.end))).collect();
        cases += 1;
        if got == want {
            passed += 1;
        } else {
            failures.push(format!("{}: want {want:?}\n    got {got:?}", case["id"]));
        }
    }
    assert!(cases > 0, "{} holds no cases", path.display());
    let accuracy = passed as f64 / cases as f64;
    eprintln!("sentences exact {passed}/{cases} = {accuracy:.2}");
    assert!(
        accuracy >= TARGET,
        "sentences exact {passed}/{cases} = {accuracy:.2}, below the target {TARGET}; failures:\n  {}",
        failures.join("\n  ")
    );
}
