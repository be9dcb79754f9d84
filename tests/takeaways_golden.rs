//! Takeaways on the evaluation data (read from `../shared` at run time; skipped with a message
//! when it is absent, since the texts are publishers' copyright and never live in the project).
//!
//! `score.py takeaways` holds the ROUGE figures against Lead-3; here a plain unigram-overlap F1
//! (ROUGE-1 without the stemmer) keeps the ranking above its own Lead-3, and every CNN/DM
//! article is checked for the structural promises: the count asked for, article order, body
//! sentences only, no duplicates, text equal to its offsets, and no takeaway that opens with a
//! pronoun or demonstrative away from the sentence it leans on. The pasted pages must give
//! (almost) no clutter takeaways, and the seed with an author's "Key Takeaways" block must keep it
//! apart and stay as close to it as it was.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use article_lens::{analyze, Options, Report};
use serde_json::Value;

mod common;
use common::{flat, jsonl as records, slice16 as utf16_slice};

/// Lower-cased alphanumeric words.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Unigram-overlap F1 of a candidate against a reference (ROUGE-1 without stemming).
fn unigram_f1(reference: &str, candidate: &str) -> f64 {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let r = words(reference);
    for w in &r {
        *counts.entry(w.clone()).or_default() += 1;
    }
    let c = words(candidate);
    let mut hit = 0usize;
    for w in &c {
        if let Some(n) = counts.get_mut(w) {
            if *n > 0 {
                *n -= 1;
                hit += 1;
            }
        }
    }
    if hit == 0 {
        return 0.0;
    }
    let (p, rc) = (hit as f64 / c.len() as f64, hit as f64 / r.len() as f64);
    2.0 * p * rc / (p + rc)
}

/// Openings that point back, as `score.py takeaways` counts them (its `DANGLING`): a takeaway
/// opening with one, capitalised, dangles unless the takeaway just before is the sentence before.
const DANGLING: &[&str] = &["he", "she", "it", "they", "this", "these", "that", "those", "his", "her", "its", "their", "such"];

/// The takeaways of a report that open with a pointing word away from the sentence before them.
fn dangling(report: &Report) -> Vec<String> {
    let mut out = Vec::new();
    for (i, t) in report.takeaways.iter().enumerate() {
        let first: String = t.text.chars().skip_while(|c| !c.is_ascii_alphabetic()).take_while(char::is_ascii_alphabetic).collect();
        let capital = first.starts_with(|c: char| c.is_ascii_uppercase());
        if capital && DANGLING.contains(&first.to_ascii_lowercase().as_str()) {
            let before = i.checked_sub(1).map(|j| report.takeaways[j].sentence);
            if before.is_none_or(|b| b + 1 != t.sentence) {
                out.push(t.text.chars().take(80).collect());
            }
        }
    }
    out
}

/// The structural promises of a report's takeaways; `k` is the count asked for, if any.
fn check_structure(id: &str, text: &str, report: &Report, k: Option<usize>) {
    let body = report.sentences.iter().filter(|s| s.kind == "body").count();
    let n = report.takeaways.len();
    match k {
        Some(k) => assert!(n <= k && (n == k || n < body), "{id}: {n} takeaways for k={k} ({body} body sentences)"),
        None => assert!(n <= 5 && n >= 3.min(body), "{id}: {n} takeaways by default"),
    }
    assert!(body == 0 || n > 0, "{id}: no takeaway from {body} body sentences");
    assert!(report.takeaways.windows(2).all(|w| w[0].sentence < w[1].sentence), "{id}: not in article order");
    let mut seen = HashSet::new();
    for t in &report.takeaways {
        let s = &report.sentences[t.sentence];
        assert_eq!(s.kind, "body", "{id}: takeaway from a {} sentence", s.kind);
        // The span is the sentence's, less a lead-in dateline or source tag at most.
        assert!(s.start <= t.start && t.start < t.end && t.end == s.end, "{id}: takeaway span outside its sentence");
        assert!(t.start - s.start <= 80, "{id}: takeaway cut {} units into its sentence", t.start - s.start);
        assert_eq!(utf16_slice(text, t.start, t.end), t.text, "{id}: takeaway text differs from its offsets");
        assert!(seen.insert(t.text.clone()), "{id}: duplicate takeaway {:?}", t.text);
    }
    let away = dangling(report);
    assert!(away.is_empty(), "{id}: takeaways shown away from the sentence they lean on: {away:?}");
}

#[test]
fn cnndm_takeaways_beat_their_lead_and_keep_their_promises() {
    let Some(rows) = records("eval/data/cnndm-dev.jsonl") else { return };
    let (mut system, mut lead) = (0.0, 0.0);
    for row in &rows {
        let id = row["id"].as_str().unwrap_or("?");
        let text = row["article"].as_str().unwrap_or("");
        let reference: Vec<&str> = row["highlights"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        let reference = reference.join("\n");
        for k in [Some(1), Some(3), Some(4), None] {
            let report = analyze(text, &Options { takeaways: k, ..Options::default() }).expect("an article within the size limit");
            check_structure(id, text, &report, k);
            if k == Some(3) {
                let got: Vec<&str> = report.takeaways.iter().map(|t| t.text.as_str()).collect();
                let first: Vec<String> =
                    report.sentences.iter().filter(|s| s.kind == "body").take(3).map(|s| utf16_slice(text, s.start, s.end)).collect();
                system += unigram_f1(&reference, &got.join("\n"));
                lead += unigram_f1(&reference, &first.join("\n"));
            }
        }
    }
    let n = rows.len().max(1) as f64;
    let (system, lead) = (100.0 * system / n, 100.0 * lead / n);
    eprintln!("CNN/DM dev, k=3: unigram F1 {system:.2} vs Lead-3 {lead:.2} over {} articles", rows.len());
    // 40.67 against 39.22 when written (ROUGE-1 of score.py: 42.12 against 40.94).
    assert!(system > lead + 1.0, "takeaways {system:.2} no longer beat Lead-3 {lead:.2} by 1.0");
}

#[test]
fn pasted_pages_give_almost_no_clutter_takeaways() {
    let Some(rows) = records("eval/data/extraction-dev.jsonl") else { return };
    let (mut total, mut clutter) = (0usize, Vec::new());
    for row in &rows {
        let page = row["page_text"].as_str().unwrap_or("");
        // Matched with white space removed, as the scorer does.
        let body: String = flat(row["article_body"].as_str().unwrap_or("")).split_whitespace().collect();
        let report = analyze(page, &Options { takeaways: Some(3), ..Options::default() }).expect("a page within the size limit");
        check_structure(row["id"].as_str().unwrap_or("?"), page, &report, Some(3));
        for t in &report.takeaways {
            total += 1;
            let x = flat(&t.text);
            let squashed: String = x.split_whitespace().collect();
            if !x.is_empty() && !body.contains(&squashed) {
                clutter.push(x.chars().take(80).collect::<String>());
            }
        }
    }
    let rate = clutter.len() as f64 / total.max(1) as f64;
    eprintln!("extraction dev, k=3: {} of {total} takeaways outside the body ({rate:.4}): {clutter:#?}", clutter.len());
    // Issue 18: none.
    assert!(rate == 0.0, "clutter takeaways {rate:.4} above 0");
}

#[test]
fn seed_with_author_takeaways_keeps_them_apart() {
    let dir = common::shared().join("articles");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("SKIP: {} not found", dir.display());
        return;
    };
    let mut files: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    let mut checked_author_block = false;
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        let id = path.display().to_string();
        let report = analyze(&text, &Options::default()).expect("a seed within the size limit");
        check_structure(&id, &text, &report, None);
        assert!((3..=5).contains(&report.takeaways.len()), "{id}: {} takeaways", report.takeaways.len());
        let author: HashSet<String> = report.author_takeaways.iter().map(|t| flat(&t.text)).collect();
        for t in &report.takeaways {
            assert!(!author.contains(&flat(&t.text)), "{id}: takeaway copies an author bullet: {}", t.text);
        }
        if !report.author_takeaways.is_empty() {
            checked_author_block = true;
            assert!(report.author_takeaways.len() >= 3, "{id}: author's block cut short");
            for a in &report.author_takeaways {
                assert_eq!(report.sentences[a.sentence].kind, "author_takeaway", "{id}");
            }
            let got: Vec<&str> = report.takeaways.iter().map(|t| t.text.as_str()).collect();
            let theirs: Vec<&str> = report.author_takeaways.iter().map(|t| t.text.as_str()).collect();
            let f1 = 100.0 * unigram_f1(&theirs.join("\n"), &got.join("\n"));
            eprintln!("{id}: takeaways vs the author's own, unigram F1 {f1:.4}");
            // Seed 001: 43.80 (score.py gold ROUGE-1 48.76) before and after the takeaways were
            // made to stand alone (issue 19); no change may take them further from the author's.
            assert!(f1 >= 43.8, "{id}: takeaways drifted from the author's summary ({f1:.2})");
        }
    }
    if files.iter().any(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("001_"))) {
        assert!(checked_author_block, "seed 001 lost its author's Key Takeaways block");
    }
}
