//! Every text of the evaluation data in ../shared/eval/data analysed without error, and every
//! report sound: spans inside the text on code-point boundaries, takeaways slicing to their text.
//! (The data is publishers' copyright: read here at run time, never copied into the project.)
#![cfg(not(target_arch = "wasm32"))]

mod common;

use article_lens::{analyze, Options};

/// Analyses `text` and checks its report with [`common::report_faults`].
fn sound(text: &str) -> Result<(), String> {
    let report = analyze(text, &Options::default()).map_err(|e| format!("error: {e}"))?;
    common::report_faults(text, &report)
}

/// The texts of one JSON Lines file: the string fields named `fields` of every record.
fn jsonl_texts(name: &str, fields: &[&str]) -> Option<Vec<String>> {
    let records = common::jsonl(&format!("eval/data/{name}"))?;
    Some(
        records
            .iter()
            .flat_map(|record| fields.iter().filter_map(|f| record.get(*f).and_then(|v| v.as_str()).map(str::to_string)))
            .collect(),
    )
}

#[test]
fn every_evaluation_text_gives_a_sound_report() {
    let sets: &[(&str, &[&str])] = &[
        ("sbd-golden.jsonl", &["text"]),
        ("cnndm-dev.jsonl", &["article"]),
        ("extraction-dev.jsonl", &["page_text", "article_body"]),
        ("plover-dev.jsonl", &["text"]),
        ("polnear-dev.jsonl", &["text"]),
        ("aliases-dev.jsonl", &["text"]),
    ];
    let mut analysed = 0;
    for (name, fields) in sets {
        let Some(texts) = jsonl_texts(name, fields) else { return };
        assert!(!texts.is_empty(), "{name}: no texts");
        for (i, text) in texts.iter().enumerate() {
            if let Err(why) = sound(text) {
                panic!("{name} record {i}: {why}");
            }
        }
        analysed += texts.len();
    }
    // CoNLL-2003: documents rebuilt from the token column, as score.py feeds them.
    let path = common::shared().join("eval").join("data").join("conll-dev.txt");
    let Ok(conll) = std::fs::read_to_string(&path) else { return };
    let mut docs = Vec::new();
    for doc in conll.split("-DOCSTART-").skip(1) {
        let sentences: Vec<String> = doc
            .split("\n\n")
            .map(|s| s.lines().filter_map(|l| l.split(' ').next()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty() && !s.starts_with("-X-"))
            .collect();
        docs.push(sentences.join("\n"));
    }
    assert!(docs.len() > 200, "conll-dev: {} documents", docs.len());
    for (i, text) in docs.iter().enumerate() {
        if let Err(why) = sound(text) {
            panic!("conll-dev document {i}: {why}");
        }
    }
    analysed += docs.len();
    eprintln!("analysed {analysed} evaluation texts");
}
