//! Golden test of the article a pasted page keeps (issue 18): the 72 pages of
//! `../shared/eval/data/extraction-dev.jsonl` (the Zyte article-extraction benchmark, MIT; the
//! pages are publishers' copyright, read here at run time and never copied into the project),
//! scored with the benchmark's own measure as `score.py extraction` scores them: the word 4-gram
//! shingles of the text the report keeps (sentences of kind body, heading, bullet and
//! author_takeaway) against those of the page's gold body, precision and recall per page,
//! averaged. A test whose data are absent says so and passes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashMap;

use article_lens::{analyze, Options, Report};
use common::{flat, slice_units};

/// Issue 18's bar over all 72 pages: F1 and precision at least these.
const F1_MIN: f64 = 0.965;
const PRECISION_MIN: f64 = 0.975;
/// The kinds of sentence that count as article text.
const KEPT: &[&str] = &["body", "heading", "bullet", "author_takeaway"];

/// Word 4-gram shingles of `text` with their counts; words are runs of letters, digits and `_`
/// (Python's `\w+`). A text of fewer than four words is one shingle.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let words: Vec<&str> = text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).collect();
    let mut out = HashMap::new();
    if words.is_empty() {
        return out;
    }
    for i in 0..words.len().saturating_sub(3).max(1) {
        *out.entry(words[i..(i + 4).min(words.len())].to_vec()).or_insert(0) += 1;
    }
    out
}

/// The benchmark's precision and recall of `got` against `gold`.
fn shingle_prf(gold: &str, got: &str) -> (f64, f64) {
    let (t, p) = (shingles(gold), shingles(got));
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for key in t.keys().chain(p.keys().filter(|k| !t.contains_key(*k))) {
        let (a, b) = (t.get(key).copied().unwrap_or(0), p.get(key).copied().unwrap_or(0));
        tp += a.min(b);
        fp += b.saturating_sub(a);
        fn_ += a.saturating_sub(b);
    }
    if fp == 0 && fn_ == 0 {
        return (1.0, 1.0);
    }
    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    (ratio(tp, tp + fp), ratio(tp, tp + fn_))
}

/// The text of the report's sentences of the kinds `kinds`, one a line.
fn text_of(text: &str, report: &Report, kinds: &[&str]) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let kept: Vec<String> =
        report.sentences.iter().filter(|s| kinds.contains(&s.kind)).map(|s| slice_units(&units, s.start, s.end)).collect();
    kept.join("\n")
}

/// Averaged precision, recall and the F1 of the two.
fn averaged(scores: &[(f64, f64)]) -> (f64, f64, f64) {
    let n = scores.len().max(1) as f64;
    let p = scores.iter().map(|s| s.0).sum::<f64>() / n;
    let r = scores.iter().map(|s| s.1).sum::<f64>() / n;
    (if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }, p, r)
}

#[test]
fn pasted_pages_keep_their_article() {
    let Some(pages) = common::jsonl("eval/data/extraction-dev.jsonl") else { return };
    let (mut all, mut tune, mut confirm) = (Vec::new(), Vec::new(), Vec::new());
    for page in &pages {
        let (Some(id), Some(text), Some(body)) = (page["id"].as_str(), page["page_text"].as_str(), page["article_body"].as_str()) else {
            panic!("extraction-dev.jsonl: a record without id, page_text or article_body");
        };
        let report = analyze(text, &Options::default()).expect("a page within the size limit");
        let score = shingle_prf(body, &text_of(text, &report, KEPT));
        all.push(score);
        // The halves the rules were tuned and confirmed on: ids whose second hex digit is 0-7, and the rest.
        let tuned = id.chars().nth(1).and_then(|c| c.to_digit(16)).is_some_and(|d| d < 8);
        if tuned { &mut tune } else { &mut confirm }.push(score);
    }
    let (f1, p, r) = averaged(&all);
    let (tf1, tp, tr) = averaged(&tune);
    let (cf1, cp, cr) = averaged(&confirm);
    eprintln!("extraction F1 {f1:.4} P {p:.4} R {r:.4} over {} pages", all.len());
    eprintln!(
        "  tuned half F1 {tf1:.4} P {tp:.4} R {tr:.4} ({}); other half F1 {cf1:.4} P {cp:.4} R {cr:.4} ({})",
        tune.len(),
        confirm.len()
    );
    assert_eq!(all.len(), 72, "extraction-dev.jsonl holds 72 pages");
    assert!(f1 >= F1_MIN && p >= PRECISION_MIN, "extraction F1 {f1:.4} (min {F1_MIN}), P {p:.4} (min {PRECISION_MIN})");
}

/// The dev page from rt.com (id 4a44ab3e...): a block of links ("Also on ...") stands between its
/// third and fourth paragraphs. The story is kept from its first paragraph to its last, and the
/// page's own headline is its title, not the linked one.
#[test]
fn a_block_of_links_inside_the_story_does_not_end_it() {
    let Some(pages) = common::jsonl("eval/data/extraction-dev.jsonl") else { return };
    let page = pages.iter().find(|p| p["id"].as_str().is_some_and(|id| id.starts_with("4a44ab3e"))).expect("the rt.com page");
    let (text, body) = (page["page_text"].as_str().unwrap_or(""), page["article_body"].as_str().unwrap_or(""));
    let report = analyze(text, &Options::default()).expect("a page within the size limit");
    let units: Vec<u16> = text.encode_utf16().collect();
    let sentences: Vec<(String, &str)> = report.sentences.iter().map(|s| (flat(&slice_units(&units, s.start, s.end)), s.kind)).collect();
    let gold = flat(body);
    let story: Vec<&String> = sentences.iter().filter(|(_, k)| *k == "body").map(|(t, _)| t).collect();
    assert!(story.len() >= 7, "{} body sentences: {story:#?}", story.len());
    assert!(story.iter().all(|s| gold.contains(s.as_str())), "a body sentence outside the story: {story:#?}");
    assert!(story.first().is_some_and(|s| gold.starts_with(s.as_str())), "the story's first sentence is lost: {story:#?}");
    let (_, recall) = shingle_prf(body, &text_of(text, &report, &["body"]));
    assert!(recall >= 0.95, "the body holds {recall:.3} of the story");
    // One title, before the story: the page's headline, which the story does not repeat.
    let titles: Vec<usize> = sentences.iter().enumerate().filter(|(_, (_, k))| *k == "title").map(|(i, _)| i).collect();
    let first_body = sentences.iter().position(|(_, k)| *k == "body");
    assert!(titles.len() == 1 && first_body.is_some_and(|b| titles[0] < b), "titles at {titles:?}, story from {first_body:?}");
    // No takeaway comes from outside the story.
    assert!(report.takeaways.iter().all(|t| gold.contains(flat(&t.text).as_str())), "{:#?}", report.takeaways);
}

#[test]
fn shingles_follow_the_benchmark() {
    assert_eq!(shingle_prf("a b c d e", "a b c d e"), (1.0, 1.0));
    // Two shingles of gold, one found, one extra: P 1/2, R 1/2.
    assert_eq!(shingle_prf("a b c d e", "a b c d x"), (0.5, 0.5));
    assert_eq!(shingle_prf("a b", ""), (0.0, 0.0));
    assert_eq!(shingles("one, two").len(), 1);
}
