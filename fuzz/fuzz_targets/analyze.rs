//! Fuzzes `analyze` with arbitrary text: it must never panic, and every span of the report must
//! lie inside the text, on a code-point boundary (never between the halves of a surrogate pair).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(report) = article_lens::analyze(&text, &article_lens::Options::default()) else { return };
    let units: Vec<u16> = text.encode_utf16().collect();
    let ok = |i: usize| i == units.len() || (i < units.len() && !(0xDC00..0xE000).contains(&units[i]));
    let spans = report
        .sentences
        .iter()
        .map(|s| (s.start, s.end))
        .chain(report.removed.iter().map(|r| (r.start, r.end)))
        .chain(report.actors.iter().flat_map(|a| a.mentions.iter().map(|m| (m.start, m.end))))
        .chain(report.stances.iter().map(|s| (s.evidence.start, s.evidence.end)))
        .chain(report.takeaways.iter().map(|t| (t.start, t.end)));
    for (start, end) in spans {
        assert!(start <= end && ok(start) && ok(end), "bad span {start}..{end} of {}", units.len());
    }
    for t in &report.takeaways {
        assert_eq!(String::from_utf16_lossy(&units[t.start..t.end]), t.text);
    }
});
