//! Golden tests of the whole pipeline on the two seed articles (../shared/articles).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use article_lens::{analyze, Options, Report};
use common::{seed, slice16};

fn report_of(prefix: &str) -> Option<(String, Report)> {
    let text = seed(prefix)?;
    let report = analyze(&text, &Options::default()).expect("a seed article analyses");
    Some((text, report))
}

fn actor<'r>(report: &'r Report, id: &str) -> &'r article_lens::Actor {
    report.actors.iter().find(|a| a.id == id).unwrap_or_else(|| panic!("no actor {id}"))
}

#[test]
fn seeds_name_the_three_states_with_their_capitals() {
    for prefix in ["000", "001"] {
        let Some((text, report)) = report_of(prefix) else { return };
        for id in ["united-states", "israel", "iran"] {
            actor(&report, id);
        }
        let top3: Vec<&str> = report.actors.iter().take(3).map(|a| a.id.as_str()).collect();
        for id in ["united-states", "israel", "iran"] {
            assert!(top3.contains(&id), "{prefix}: {id} not among the top three {top3:?}");
        }
        let us = actor(&report, "united-states");
        let forms: Vec<String> = us.mentions.iter().map(|m| slice16(&text, m.start, m.end)).collect();
        assert!(forms.iter().any(|f| f == "Washington"), "{prefix}: Washington is not a mention of the United States");
        let tehran = actor(&report, "iran").mentions.iter().any(|m| slice16(&text, m.start, m.end) == "Tehran");
        assert!(tehran, "{prefix}: Tehran is not a mention of Iran");
    }
}

#[test]
fn seed_001_people_belong_to_their_countries() {
    let Some((_, report)) = report_of("001") else { return };
    assert_eq!(actor(&report, "benjamin-netanyahu").kind, "person");
    assert_eq!(actor(&report, "abbas-araghchi").affiliation.as_deref(), Some("iran"));
}

#[test]
fn clutter_is_never_an_actor_or_takeaway() {
    let clutter = ["Share Article", "Related Articles", "Key Takeaways", "Star of David", "Conversely", "Editor"];
    for prefix in ["000", "001"] {
        let Some((_, report)) = report_of(prefix) else { return };
        for a in &report.actors {
            assert!(!clutter.iter().any(|c| a.name.contains(c)), "{prefix}: clutter actor {}", a.name);
        }
        assert!((3..=5).contains(&report.takeaways.len()), "{prefix}: {} takeaways", report.takeaways.len());
        for t in &report.takeaways {
            assert!(!clutter.iter().any(|c| t.text.contains(c)), "{prefix}: clutter takeaway {}", t.text);
            assert_eq!(report.sentences[t.sentence].kind, "body");
        }
    }
}

#[test]
fn seed_001_keeps_the_authors_takeaways_apart() {
    let Some((_, report)) = report_of("001") else { return };
    assert_eq!(report.author_takeaways.len(), 5);
    assert!(report.author_takeaways[0].text.starts_with("The U.S. asked"));
    for t in &report.takeaways {
        assert!(report.author_takeaways.iter().all(|a| a.text != t.text), "copied the author's bullet: {}", t.text);
    }
}

#[test]
fn seed_stances_include_the_us_appeal_to_israel() {
    for prefix in ["000", "001"] {
        let Some((_, report)) = report_of(prefix) else { return };
        let found =
            report.stances.iter().any(|s| s.actor == "united-states" && s.class == "appeal" && s.target.as_deref() == Some("israel"));
        assert!(found, "{prefix}: no United States → appeal → Israel stance");
    }
}

#[test]
fn every_span_lies_on_the_text_and_slices_to_what_it_claims() {
    for prefix in ["000", "001"] {
        let Some((text, report)) = report_of(prefix) else { return };
        if let Err(fault) = common::report_faults(&text, &report) {
            panic!("{prefix}: {fault}");
        }
        for s in &report.stances {
            assert!(slice16(&text, s.evidence.start, s.evidence.end).contains(&s.verb), "{prefix}: evidence lacks {}", s.verb);
        }
    }
}

#[test]
fn analysis_is_deterministic() {
    let Some((text, report)) = report_of("000") else { return };
    assert_eq!(analyze(&text, &Options::default()).unwrap(), report);
}

#[test]
fn too_large_input_is_a_clear_error() {
    let text = "a".repeat(article_lens::MAX_INPUT_BYTES + 1);
    let err = analyze(&text, &Options::default()).unwrap_err();
    assert!(err.to_string().contains("bytes"), "{err}");
    assert!(analyze(&"a".repeat(1000), &Options::default()).is_ok());
}

#[test]
fn odd_inputs_give_reports() {
    for text in ["", "   \n\n ", "\u{0}", "🙂🙂", "U.S.", "1The", "• 1", "...", "A. B. C.", "\u{2019}s"] {
        let report = analyze(text, &Options::default()).unwrap();
        assert_eq!(report.version, 1, "{text:?}");
    }
}
