//! The stances stage's rules as a table (`tests/data/stances/en.tsv`): each row names a rule,
//! gives an invented sentence that shows it, and the stances it must give. Every row goes
//! through one `check` helper, so a rule cannot be added without showing what it does.

use article_lens::{analyze, Options};

const TABLE: &str = include_str!("data/stances/en.tsv");

/// The stances of `text` as "actor class target" ("-" for no target, "!" after a negated
/// class), every stance whatever its confidence.
fn stances_of(text: &str) -> Vec<String> {
    let options = Options { stance_threshold: Some(0.0), ..Options::default() };
    let report = analyze(text, &options).expect("a short text analyses");
    report
        .stances
        .iter()
        .map(|s| {
            let neg = if s.negated { "!" } else { "" };
            format!("{} {}{} {}", s.actor, s.class, neg, s.target.as_deref().unwrap_or("-"))
        })
        .collect()
}

/// Checks one row: the stances of `sentence` are exactly `want`.
fn check(rule: &str, sentence: &str, want: &[&str]) -> Result<(), String> {
    let got = stances_of(sentence);
    if got == want {
        Ok(())
    } else {
        Err(format!("{rule}\n  sentence: {sentence}\n  want: {want:?}\n  got:  {got:?}"))
    }
}

#[test]
fn every_rule_gives_the_stances_of_its_example() {
    let mut failures = Vec::new();
    let mut rows = 0;
    for (n, line) in TABLE.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut f = line.split('\t');
        let (Some(rule), Some(sentence)) = (f.next(), f.next()) else { panic!("en.tsv:{}: rule<TAB>sentence<TAB>stances", n + 1) };
        let want: Vec<&str> = f.next().unwrap_or("").split("; ").map(str::trim).filter(|s| !s.is_empty()).collect();
        rows += 1;
        if let Err(e) = check(rule, sentence, &want) {
            failures.push(format!("en.tsv:{}: {e}", n + 1));
        }
    }
    assert!(rows >= 40, "the table has its rows");
    assert!(failures.is_empty(), "{} of {rows} rows fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_report_states_its_threshold_and_relations_hold_only_sure_stances() {
    let text = "Russia could strike Ukraine within weeks, officials said. Russia and Ukraine held talks in Geneva on Monday.";
    let report = analyze(text, &Options::default()).unwrap();
    assert_eq!(report.stance_threshold, f64::from(article_lens::DEFAULT_STANCE_THRESHOLD).mul_add(1000.0, 0.0).round() / 1000.0);
    let all = analyze(text, &Options { stance_threshold: Some(0.0), ..Options::default() }).unwrap();
    assert_eq!(all.stance_threshold, 0.0);
    for r in &report.relations {
        for &i in &r.stances {
            assert!(f64::from(report.stances[i].confidence) >= report.stance_threshold, "relation stance {i} is sure");
        }
    }
    // A threshold of 1 holds every stance back, and no relation is left.
    let none = analyze(text, &Options { stance_threshold: Some(1.0), ..Options::default() }).unwrap();
    assert!(none.relations.is_empty());
    assert_eq!(none.stances.len(), all.stances.len(), "the report keeps every stance with its confidence");
}
