//! Helpers shared by the integration tests: the seed articles and evaluation data in ../shared,
//! read at test time (they are publishers' copyright and never copied into the project).

#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared` beside the repository.
pub fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("shared")
}

/// The text of a seed article whose file name starts with `prefix` ("000", "001"), or `None`
/// (with a message) when ../shared is not there.
pub fn seed(prefix: &str) -> Option<String> {
    let dir = shared().join("articles");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return None;
    };
    let path = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix)))?;
    std::fs::read_to_string(path).ok()
}

/// The text of `report`'s UTF-16 span `start..end` of `text` ("" when out of range).
pub fn slice16(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    slice_units(&units, start, end)
}

/// The text between UTF-16 offsets `start..end` of `units`, as JavaScript would slice it.
pub fn slice_units(units: &[u16], start: usize, end: usize) -> String {
    units.get(start..end).map(String::from_utf16_lossy).unwrap_or_default()
}

/// A file of `../shared` (path relative to it), or `None` with a skip message when absent.
pub fn shared_text(rel: &str) -> Option<String> {
    let path = shared().join(rel);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!("skipped: {} is absent; this check needs the shared evaluation data", path.display());
            None
        }
    }
}

/// The JSON Lines records of a file of `../shared`, or `None` (with a skip message) if absent.
pub fn jsonl(rel: &str) -> Option<Vec<serde_json::Value>> {
    let text = shared_text(rel)?;
    let parse = |l: &str| serde_json::from_str(l).unwrap_or_else(|e| panic!("{rel}: a line is no JSON record: {e}"));
    Some(text.lines().filter(|l| !l.trim().is_empty()).map(parse).collect())
}

/// Maps a report's UTF-16 offsets to code-point offsets (the data files count code points).
pub fn cp_map(text: &str) -> Vec<usize> {
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.chars().enumerate() {
        map.extend(std::iter::repeat_n(i, c.len_utf16()));
    }
    map.push(text.chars().count());
    map
}

/// A UTF-16 span as code points, through [`cp_map`]; offsets past the end clamp to it.
pub fn to_cp(map: &[usize], start: usize, end: usize) -> (usize, usize) {
    let last = map.len() - 1;
    (map[start.min(last)], map[end.min(last)])
}

/// White space and quotes normalised, case kept: how the scorer asks whether a page's text
/// occurs in the article body.
pub fn flat(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{00A0}' => ' ',
            c => c,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

mod faults;
#[allow(unused_imports)] // each test file uses what it needs
pub use faults::report_faults;
