//! Fuzzes `analyze` with arbitrary text: it must never panic, and its report must keep every
//! invariant the tests check (`tests/common/faults.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/faults.rs"]
mod faults;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(report) = article_lens::analyze(&text, &article_lens::Options::default()) else { return };
    if let Err(fault) = faults::report_faults(&text, &report) {
        panic!("{fault}");
    }
});
