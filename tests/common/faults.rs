//! The invariants every report keeps, checked by the property, seed and evaluation-data tests
//! and by the fuzz target (which includes this file alone).

/// Every invariant a report keeps for its text, or the first one broken: spans inside the text,
/// `start <= end`, never between the halves of a surrogate pair; takeaways slice to their text;
/// stances name actors of the report and sentences that exist; scores lie in [0, 1].
/// Shared by the property tests, the evaluation-data test and the fuzz target.
pub fn report_faults(text: &str, report: &article_lens::Report) -> Result<(), String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let len = units.len();
    // A low surrogate at i means i is inside a pair: no span may start or end there.
    let on_boundary = |i: usize| i == len || (i < len && !(0xDC00..0xE000).contains(&units[i]));
    let spans = report
        .sentences
        .iter()
        .map(|s| (s.start, s.end))
        .chain(report.removed.iter().map(|r| (r.start, r.end)))
        .chain(report.actors.iter().flat_map(|a| a.mentions.iter().map(|m| (m.start, m.end))))
        .chain(report.stances.iter().map(|s| (s.evidence.start, s.evidence.end)))
        .chain(report.takeaways.iter().map(|t| (t.start, t.end)));
    for (s, e) in spans {
        if !(s <= e && e <= len) {
            return Err(format!("span {s}..{e} outside 0..{len}"));
        }
        if !(on_boundary(s) && on_boundary(e)) {
            return Err(format!("span {s}..{e} splits a surrogate pair"));
        }
    }
    for t in report.takeaways.iter().chain(&report.author_takeaways) {
        if String::from_utf16_lossy(&units[t.start..t.end]) != t.text || t.sentence >= report.sentences.len() {
            return Err(format!("takeaway {}..{} does not slice to its text", t.start, t.end));
        }
    }
    let ids: Vec<&str> = report.actors.iter().map(|a| a.id.as_str()).collect();
    for s in &report.stances {
        let target_ok = s.target.as_deref().is_none_or(|t| ids.contains(&t));
        if !ids.contains(&s.actor.as_str()) || !target_ok || s.sentence >= report.sentences.len() {
            return Err(format!("stance of {} names no actor or sentence of the report", s.actor));
        }
    }
    for a in &report.actors {
        if !(0.0..=1.0).contains(&a.salience) || !(0.0..=1.0).contains(&a.confidence) {
            return Err(format!("actor {} has a score outside [0, 1]", a.id));
        }
    }
    Ok(())
}
