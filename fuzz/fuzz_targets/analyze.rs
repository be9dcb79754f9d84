//! Fuzzes `analyze` with arbitrary text: it must never panic, and its report must keep every
//! invariant the tests check (`tests/common/mod.rs`, `report_faults`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(report) = article_lens::analyze(&text, &article_lens::Options::default()) else { return };
    if let Err(fault) = common::report_faults(&text, &report) {
        panic!("{fault}");
    }
});
