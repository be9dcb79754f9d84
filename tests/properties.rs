//! Properties that hold for any input: no panic, spans in range and on code-point boundaries,
//! takeaways and evidence slice to what they claim, the same input gives the same report.
//! Inputs are arbitrary strings and mutations of the seed articles (read from ../shared).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use article_lens::{analyze, Options, Report};
use proptest::prelude::*;

/// Checks every invariant of `report` against `text` ([`common::report_faults`]).
fn check(text: &str, report: &Report) -> Result<(), TestCaseError> {
    common::report_faults(text, report).map_err(TestCaseError::fail)
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
        "U.S.",
        "Washington",
        "Iran",
        "Tehran",
        "Israeli",
        "officials",
        "urged",
        "not",
        "cannot accept",
        "talks",
        "Prime Minister",
        "Benjamin",
        "Netanyahu",
        "Mr.",
        "Feb.",
        "5",
        "Key Takeaways",
        "Share Article",
        "• 1The",
        "and",
        "-",
        "said",
        "Oman-mediated",
        "‘‘",
        "’’",
    ])
    .prop_map(str::to_string)
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![tricky_char().prop_map(|c| c.to_string()), tricky_word().prop_map(|w| format!(" {w} "))], 0..300)
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
            let report = analyze(&text, &Options { takeaways: Some(takeaways), ..Options::default() }).unwrap();
            check(&text, &report)?;
            prop_assert!(report.takeaways.len() <= takeaways.min(10));
        }
    }
}
