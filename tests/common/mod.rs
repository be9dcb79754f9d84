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

/// The text of `report`'s UTF-16 span `start..end` of `text`.
pub fn slice16(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(&units[start..end])
}
