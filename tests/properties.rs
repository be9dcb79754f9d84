//! Properties that hold for any input: no panic, spans in range and on code-point boundaries,
//! takeaways and evidence slice to what they claim, the same input gives the same report.
//! Inputs are arbitrary strings and mutations of the seed articles (read from ../shared).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use article_lens::{analyze, Options, Report};
use proptest::prelude::*;

/// Checks every invariant of `report` against `text`.
fn check(text: &str, report: &Report) -> Result<(), TestCaseError> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let len = units.len();
    // A low surrogate at i means i is inside a pair: no span may start or end there.
    let on_boundary = |i: usize| i == len || (i < len && !(0xDC00..0xE000).contains(&units[i]));
    let mut spans: Vec<(usize, usize)> = Vec::new();
    spans.extend(report.sentences.iter().map(|s| (s.start, s.end)));
    spans.extend(report.removed.iter().map(|s| (s.start, s.end)));
    spans.extend(report.actors.iter().flat_map(|a| a.mentions.iter().map(|m| (m.start, m.end))));
    spans.extend(report.stances.iter().map(|s| (s.evidence.start, s.evidence.end)));
    spans.extend(report.takeaways.iter().map(|t| (t.start, t.end)));
    for (s, e) in spans {
        prop_assert!(s <= e && e <= len, "span {s}..{e} outside 0..{len}");
        prop_assert!(on_boundary(s) && on_boundary(e), "span {s}..{e} splits a surrogate pair");
    }
    for t in report.takeaways.iter().chain(&report.author_takeaways) {
        prop_assert_eq!(String::from_utf16_lossy(&units[t.start..t.end]), t.text.clone());
        prop_assert!(t.sentence < report.sentences.len());
    }
    let ids: Vec<&str> = report.actors.iter().map(|a| a.id.as_str()).collect();
    for s in &report.stances {
        prop_assert!(ids.contains(&s.actor.as_str()));
        prop_assert!(s.target.as_deref().map_or(true, |t| ids.contains(&t)));
        prop_assert!(s.sentence < report.sentences.len());
    }
    for a in &report.actors {
        prop_assert!((0.0..=1.0).contains(&a.salience) && (0.0..=1.0).contains(&a.confidence));
    }
    Ok(())
}

fn seeds() -> Vec<String> {
    ["000", "001"].iter().filter_map(|p| common::seed(p)).collect()
}

/// Characters that stress the stages: quotes, dashes, bullets, digits, surrogate-pair emoji,
/// right-to-left scripts, combining marks, NUL, line breaks.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('a', 'z'),
        2 => prop::char::range('A', 'Z'),
        1 => prop::sample::select(vec![
            ' ', ' ', '\n', '\n', '.', '.', ',', '?', '!', '’', '‘', '“', '”', '"', '\'', '-', '–', '—', '•',
            '1', '9', '😀', '📰', 'א', 'ש', 'ع', '\u{301}', '\u{0}', '\u{a0}', '…', '(', ')', ':', ';',
        ]),
    ]
}

/// Words the lexicons know, so arbitrary text reaches the actor and stance rules.
fn tricky_word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "U.S.", "Washington", "Iran", "Tehran", "Israeli", "officials", "urged", "not", "cannot accept", "talks",
        "Prime Minister", "Benjamin", "Netanyahu", "Mr.", "Feb.", "5", "Key Takeaways", "Share Article", "• 1The",
        "and", "-", "said", "Oman-mediated", "‘‘", "’’",
    ])
    .prop_map(str::to_string)
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![tricky_char().prop_map(|c| c.to_string()), tricky_word().prop_map(|w| format!(" {w} "))],
        0..300,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_a_sound_report(text in text_strategy()) {
        let report = analyze(&text, &Options::default()).unwrap();
        check(&text, &report)?;
        prop_assert_eq!(analyze(&text, &Options::default()).unwrap(), report);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,400}") {
        let report = analyze(&text, &Options::default()).unwrap();
        check(&text, &report)?;
    }

    #[test]
    fn mutated_seeds_give_sound_reports(cut in 0usize..6000, len in 0usize..400, insert in text_strategy(), takeaways in 1usize..12) {
        for seed in seeds() {
            // Splice arbitrary text into the article at a character boundary.
            let at = seed.char_indices().map(|(i, _)| i).find(|&i| i >= cut.min(seed.len())).unwrap_or(seed.len());
            let end = seed[at..].char_indices().map(|(i, _)| at + i).find(|&i| i >= at + len).unwrap_or(seed.len());
            let text = format!("{}{}{}", &seed[..at], insert, &seed[end..]);
            let report = analyze(&text, &Options { takeaways: Some(takeaways) }).unwrap();
            check(&text, &report)?;
            prop_assert!(report.takeaways.len() <= takeaways.min(10));
        }
    }
}
