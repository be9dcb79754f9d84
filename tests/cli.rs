//! The CLI contract the evaluation kit depends on (DESIGN.md): `analyze FILE`, `analyze --jsonl`.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn cli(args: &[&str], stdin: &str) -> (String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-lens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the CLI runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.success())
}

#[test]
fn jsonl_keeps_ids_and_reports_bad_lines_without_stopping() {
    let input = concat!(
        r#"{"id": "a", "text": "Washington urged Tehran to return to talks."}"#,
        "\n",
        "not json\n",
        r#"{"id": 7, "body": "no text field"}"#,
        "\n",
        r#"{"id": "b", "text": "Iran rejected the demand."}"#,
        "\n",
    );
    let (out, ok) = cli(&["analyze", "--jsonl", "--takeaways", "1", "-"], input);
    assert!(ok);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["version"], 1);
    assert_eq!(lines[0]["takeaways"].as_array().unwrap().len(), 1);
    assert!(lines[1]["error"].as_str().unwrap().contains("not a JSON object"));
    assert_eq!(lines[2]["id"], 7);
    assert!(lines[2]["error"].is_string());
    assert_eq!(lines[3]["id"], "b");
}

#[test]
fn analyze_prints_one_pretty_report() {
    let (out, ok) = cli(&["analyze", "-"], "The United States urged Israel to wait.\n");
    assert!(ok);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["actors"][0]["id"], "united-states");
    assert!(out.contains("\n  \"version\": 1"));
}

#[test]
fn bad_usage_fails() {
    assert!(!cli(&["analyze"], "").1);
    assert!(!cli(&["frobnicate"], "").1);
}
