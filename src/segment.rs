//! Stage 2: sentences, with kinds and byte offsets of the original text.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets after it) when
//! the next word can start a sentence. The hard cases are the full stops that end no sentence:
//! "U.S. officials", "Feb. 5", "Mr. Smith", "J. R. Tolkien", "3.5", "[...]", "is . . . I"; the
//! ones that do with no space after them ("community.Dr Venter"); and abbreviations that may end
//! one ("Jane and co. They", "the U.S. How"), told apart by whether a word that opens sentences
//! follows. The cases follow the English Golden Rules of pySBD and the Pragmatic Segmenter.
//!
//! Lists come first: a line such as "1) The first item 2) The second item" is one sentence per
//! item when its labels count up (1, 2, 3 or a, b, c); the label is part of the sentence's span
//! for the reader ([`Sentence::lead`]) but not of the text later stages read. Lines that
//! [`clean`](crate::clean) marked as captions or furniture are one sentence each; titles and
//! headings are split only at list items. Image captions that a page stripped of its layout ran
//! into a paragraph with no stop ("... the new ship Proud owner: Her father, pictured, cut the
//! ribbon") are parted from it as caption sentences.

use crate::clean::{BlockKind, Cleaned};
use crate::text::{is_closing, is_opening, lowercase};

/// A sentence: a byte span of the original text and the kind of its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Where the sentence starts for the reader: before a list label or bullet ("2) ", "• 10. ")
    /// that no stage analyses; `start` when it has none. The report's sentence spans start here.
    pub lead: usize,
    /// Where the sentence's text starts: what actors, stances and takeaways read.
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
}

// The abbreviations around a full stop (data/en/abbreviations.tsv, each list shown there by an
// example): `PREPOSITIVE` ("Mr. Smith"), `POSTPOSITIVE` ("Smith Jr."), `NUMBERED` ("Feb. 5") and
// the `STARTERS` of a sentence ("the U.S. How"). They are [`WordList`]s, whose masks turn most
// words away at once: they are asked after every full stop.
use crate::word_lists::{NUMBERED, POSTPOSITIVE, PREPOSITIVE, STARTERS};
/// The shortest block, in bytes, in which [`run_in_captions`] looks for captions: a paragraph of
/// several sentences, as a page stripped of its layout runs its captions into.
const RUN_IN_BLOCK_MIN: usize = 600;
/// Bullet glyphs that may stand before a list label ("• 10.", "⁃9.").
const LIST_BULLETS: &[char] = &['•', '◦', '‣', '⁃', '▪', '●', '■', '·', '*', '-', '–'];

/// Splits every block of `cleaned` into sentences.
pub(crate) fn segment(text: &str, cleaned: &Cleaned) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(cleaned.blocks.len() * 2);
    // Blocks and removals are both in text order: one cursor finds a block's bullet marker.
    let mut removal = 0;
    for block in &cleaned.blocks {
        if block.kind.is_clutter() {
            out.push(Sentence { lead: block.start, start: block.start, end: block.end, kind: block.kind });
            continue;
        }
        // The bullet clean cut off the line ("• ", "1) ") belongs to the span of its first sentence.
        while cleaned.removed.get(removal).is_some_and(|r| r.end < block.start) {
            removal += 1;
        }
        let marker = cleaned.removed.get(removal).filter(|r| r.reason == "bullet_marker" && r.end == block.start).map(|r| r.start);
        let by_stops = matches!(block.kind, BlockKind::Body | BlockKind::Bullet | BlockKind::AuthorTakeaway);
        // Captions run into the text are found in long paragraphs: a line of its own is a
        // caption already if it is one, and most paragraphs are spared the look.
        let body = block.kind == BlockKind::Body && block.end - block.start >= RUN_IN_BLOCK_MIN;
        for item in list_items(text, block.start, block.end, marker) {
            let mut lead = Some(item.lead);
            let mut emit = |start: usize, end: usize| {
                let lead = lead.take().unwrap_or(start);
                if body {
                    run_in_captions(text, start, end, lead, &mut out);
                } else {
                    out.push(Sentence { lead, start, end, kind: block.kind });
                }
            };
            if by_stops {
                split(text, item.start, item.end, &mut emit);
            } else {
                emit_trimmed(text, item.start, item.end, &mut emit);
            }
        }
    }
    out
}

/// Pushes the sentence `text[start..end]` of a body block, parted from the image captions run
/// into it. A page stripped of its layout runs a caption into the text with no stop: "... their
/// hit political comedy Happy couple: Her husband, pictured, showed his support". A caption opens
/// with a short label and a colon; it is run in when its label follows a word in lower case with
/// no stop between, and it reaches to the next such label or to the sentence's end. A sentence
/// that opens with a label is a caption when it points at a picture ("Bride: Jane Roe, pictured,
/// has been married ten times"); "Update: The talks resumed." is not.
fn run_in_captions(text: &str, start: usize, end: usize, lead: usize, out: &mut Vec<Sentence>) {
    let s = &text[start..end];
    let bytes = s.as_bytes();
    let mut cuts: Vec<usize> = Vec::new();
    let mut first_label = None;
    let mut from = 0;
    while let Some(k) = s.get(from..).and_then(|rest| rest.find(':')) {
        let colon = from + k;
        from = colon + 1;
        if bytes.get(from) != Some(&b' ') {
            continue;
        }
        from += 1;
        // A label ends on a letter ("Update 3:" is none), and its caption opens with a capital:
        // most colons of running text fail one test or the other.
        let after_letter = colon > 0 && (bytes[colon - 1].is_ascii_alphabetic() || bytes[colon - 1] >= 0x80);
        if !after_letter {
            continue;
        }
        let label = label_before(s, colon);
        first_label.get_or_insert(label);
        if !s[from..].starts_with(|c: char| c.is_uppercase() || is_opening(c)) {
            continue;
        }
        if let Some(label) = label.filter(|&l| l > 0) {
            // The caption before ends on a word in lower case, not on one no sentence ends on
            // ("Attack on Titan: Final Battle" is a title in a list).
            let before = s[..label].strip_suffix(' ');
            let run_in = before.is_some_and(|b| {
                let last = b.rsplit(' ').next().unwrap_or("");
                b.ends_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) && crate::lexicon::PAGE_OPEN.binary_search(&last).is_err()
            });
            if run_in {
                cuts.push(label);
            }
        }
    }
    // The sentence opens with a label when the first labelled colon's label starts it.
    let opens_caption = first_label == Some(Some(0));
    if cuts.is_empty() && !(opens_caption && points_at_picture(s)) {
        out.push(Sentence { lead, start, end, kind: BlockKind::Body });
        return;
    }
    // The pieces between labels; a piece is a caption when it points at a picture or when a
    // label stands before it too (two labels in a row with no stop between are two captions).
    let bounds: Vec<usize> = std::iter::once(0).chain(cuts.iter().copied()).chain(std::iter::once(s.len())).collect();
    let mut pieces: Vec<(usize, usize, bool)> = Vec::new();
    for (n, w) in bounds.windows(2).enumerate() {
        let (a, b) = (w[0], w[1]);
        let pictured = points_at_picture(&s[a..b]);
        let caption = if n == 0 { opens_caption && (pictured || !cuts.is_empty()) } else { pictured || n >= 2 || opens_caption };
        match pieces.last_mut() {
            // Text after a label that is no caption's ("He told the BBC: ...") stays in its sentence.
            Some(last) if !caption => last.1 = b,
            _ => pieces.push((a, b, caption)),
        }
    }
    for (n, (a, b, caption)) in pieces.into_iter().enumerate() {
        let piece = s[a..b].trim_end();
        if piece.is_empty() {
            continue;
        }
        let kind = if caption { BlockKind::Caption } else { BlockKind::Body };
        let lead = if n == 0 { lead } else { start + a };
        out.push(Sentence { lead, start: start + a, end: start + a + piece.len(), kind });
    }
}

/// Where the caption label that ends at the colon at byte `colon` of `s` starts: one to four
/// words, the first capitalised, letters only ("Happy couple", "Her own biggest fan").
fn label_before(s: &str, colon: usize) -> Option<usize> {
    let head = &s[..colon];
    // A name and a verb of speech introduce a quotation, not a caption ("Redwood said:").
    let speech = last_verb(head);
    let mut label = colon;
    for (n, word) in head.rsplit(' ').enumerate() {
        if n == 4 || word.is_empty() || !word.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-')) {
            break;
        }
        if n > 0 && speech {
            return None;
        }
        label -= word.len() + usize::from(n > 0);
        if word.starts_with(char::is_uppercase) && (label == 0 || head[..label].ends_with(' ')) {
            return Some(label);
        }
    }
    None
}

/// Whether the word before a colon is a verb that introduces speech: "said", "added", "tells".
fn last_verb(head: &str) -> bool {
    let last = head.rsplit(' ').next().unwrap_or("");
    last.starts_with(char::is_lowercase) && (last.ends_with("ed") || crate::lexicon::PAGE_SPEECH.binary_search(&last).is_ok())
}

/// Whether a caption points at its picture: "pictured", "(left)", "(above)", "(file photo)".
fn points_at_picture(s: &str) -> bool {
    crate::lexicon::PAGE_PICTURE.iter().any(|w| s.contains(w))
}

/// One item of a block: its label (if any) starts at `lead`, its text runs `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Item {
    lead: usize,
    start: usize,
    end: usize,
}

/// The items of the list that `text[start..end]` holds, or the whole block as one item.
///
/// The first label is the bullet marker clean cut off (it starts at `marker`) or one at the
/// block's start. Each later label must count up from the one before in the same style, so a
/// stray "2)" or "b." in running text never splits a sentence.
fn list_items(text: &str, start: usize, end: usize, marker: Option<usize>) -> Vec<Item> {
    let lead = marker.unwrap_or(start);
    let first = marker.and_then(|m| label_at(text, m, end)).or_else(|| label_at(text, start, end));
    let Some(mut last) = first else { return vec![Item { lead, start, end }] };
    let body = last.end.max(start);
    let mut items = vec![Item { lead, start: body, end }];
    let mut after_space = false;
    for (k, c) in text[body..end].char_indices() {
        let at = body + k;
        if after_space {
            if let Some(label) = label_at(text, at, end).filter(|l| l.follows(&last)) {
                if let Some(item) = items.last_mut() {
                    item.end = at;
                }
                items.push(Item { lead: at, start: label.end, end });
                last = label;
            }
        }
        after_space = c.is_whitespace();
    }
    items
}

/// A list label ("2)", "2.)", "b.", "• 10.") and where the item's text after it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Label {
    end: usize,
    number: u32,
    letter: bool,
    style: &'static str,
}

impl Label {
    /// Whether `self` is the label after `prev` in the same list: 9 → 10, b → c, "2)" → "3)".
    fn follows(&self, prev: &Label) -> bool {
        self.number == prev.number + 1 && self.letter == prev.letter && self.style == prev.style
    }
}

/// The list label at byte `at` of `text` (within `..limit`): an optional bullet glyph, one or two
/// digits or one lower-case letter, then `.`, `)` or `.)`, white space and a word that can open
/// an item ("1. The", not "1.5" or "p. 55").
fn label_at(text: &str, at: usize, limit: usize) -> Option<Label> {
    let s = text.get(at..limit)?;
    let mut q = 0;
    if let Some(bullet) = s.chars().next().filter(|c| LIST_BULLETS.contains(c)) {
        q += bullet.len_utf8();
        q += s[q..].len() - s[q..].trim_start().len();
    }
    let rest = &s[q..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (number, letter) = match digits {
        1 | 2 => (rest[..digits].parse::<u32>().ok()?, false),
        0 => {
            let c = rest.chars().next().filter(char::is_ascii_lowercase)?;
            (u32::from(c) - u32::from('a') + 1, true)
        }
        _ => return None,
    };
    q += digits.max(1);
    let style = [".)", ")", "."].into_iter().find(|m| s[q..].starts_with(m))?;
    q += style.len();
    let after = &s[q..];
    let word = after.trim_start();
    let next = word.chars().next()?;
    let opens = next.is_uppercase() || is_opening(next) || (!letter && next.is_ascii_digit());
    if word.len() == after.len() || !opens {
        return None;
    }
    Some(Label { end: at + q + (after.len() - word.len()), number, letter, style })
}

/// Calls `emit` with the span of each sentence of `text[start..end]`, white space trimmed.
fn split(text: &str, start: usize, end: usize, emit: &mut impl FnMut(usize, usize)) {
    let s = &text[start..end];
    let bytes = s.as_bytes();
    let mut from = 0;
    let mut pos = 0;
    // Jump from one candidate stop to the next with a byte scan: `.`, `!`, `?`, or the first
    // byte of `…` (0xE2, which other characters share and the match below sorts out).
    while let Some(k) = bytes.get(pos..).and_then(|rest| rest.iter().position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))) {
        let i = pos + k;
        let Some(c) = s[i..].chars().next() else { break };
        pos = i + c.len_utf8();
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        if let Some(dots) = spaced_ellipsis(s, i) {
            pos = pos.max(dots.end);
            if let Some(cut) = dots.cut {
                emit_trimmed(text, start + from, start + cut, emit);
                from = cut;
            }
            continue;
        }
        // Take the whole run of final punctuation and closers: `?!`, `...`, `.’’`, `.)`.
        let mut stop = pos;
        while let Some(d) = s[stop..].chars().next().filter(|&d| matches!(d, '.' | '!' | '?' | '…') || is_closing(d)) {
            stop += d.len_utf8();
        }
        pos = stop;
        // "[...]" and "(…)" mark words left out of a quotation, not an end.
        if s[..i].ends_with(['[', '(']) {
            continue;
        }
        if ends_sentence(s, from, i, c, stop) {
            emit_trimmed(text, start + from, start + stop, emit);
            from = stop;
        }
    }
    emit_trimmed(text, start + from, end, emit);
}

/// A spaced ellipsis (". . ." or ". . . .") and where, if anywhere, a sentence ends in it.
struct SpacedEllipsis {
    end: usize,
    cut: Option<usize>,
}

/// The spaced ellipsis starting at the `.` at byte `i` of `s`, if there is one.
///
/// Three dots after a space mark words left out inside a sentence ("the thing is . . . I didn’t").
/// Four are an ellipsis and a full stop: after a space they end the sentence ("a period . . . .
/// Next"); right after a word the stop comes first and the ellipsis opens the next sentence
/// ("compounds. . . . The practice"). Three right after a word end it when a sentence can follow.
fn spaced_ellipsis(s: &str, i: usize) -> Option<SpacedEllipsis> {
    if !s[i..].starts_with('.') {
        return None;
    }
    let (mut dots, mut q) = (1, i + 1);
    while s[q..].starts_with(" .") {
        dots += 1;
        q += 2;
    }
    if dots < 3 {
        return None;
    }
    let closers: usize = s[q..].chars().take_while(|&ch| is_closing(ch)).map(char::len_utf8).sum();
    let end = q + closers;
    let rest = &s[end..];
    let after_word = s[..i].chars().next_back().is_some_and(|ch| !ch.is_whitespace());
    let cut = if rest.trim().is_empty() || !can_start(rest) || (dots == 3 && !after_word) {
        None
    } else if dots >= 4 && after_word && closers == 0 {
        Some(i + 1)
    } else {
        Some(end)
    };
    Some(SpacedEllipsis { end, cut })
}

fn emit_trimmed(text: &str, start: usize, end: usize, emit: &mut impl FnMut(usize, usize)) {
    let piece = &text[start..end];
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let lead = piece.len() - piece.trim_start().len();
        emit(start + lead, start + lead + trimmed.len());
    }
}

/// Whether the text after a stop can open a sentence: a capital, a digit or an opening quote.
fn can_start(rest: &str) -> bool {
    rest.trim_start().chars().next().is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || is_opening(c))
}

/// Whether the stop `c` at byte `i` of `s` (its run of punctuation ending at `stop`) ends the
/// sentence that started at byte `from`.
fn ends_sentence(s: &str, from: usize, i: usize, c: char, stop: usize) -> bool {
    let rest = &s[stop..];
    let gap = rest.len() - rest.trim_start().len();
    let next_word: &str = rest.trim_start().split(char::is_whitespace).next().unwrap_or("");
    if next_word.trim_start_matches(is_opening).is_empty() {
        return true; // end of the block
    }
    let word = word_before(s, i);
    if gap == 0 {
        if c != '.' {
            return true;
        }
        // A glued ellipsis ends a sentence only after a lower-case word: "company...Ive or Cook?"
        // does, "Credit...Doug Mills" does not.
        let ellipsis = s[i + 1..stop].contains(['.', '…']);
        return glued_end(s, i, word, next_word) && (!ellipsis || word.chars().all(char::is_lowercase));
    }
    if c != '.' || stop > i + 1 {
        // `?`, `!`, an ellipsis or a stop followed by a closing quote: a sentence ends if the next word can start one.
        return can_start(rest);
    }
    let starter = STARTERS.contains(&bare(next_word));
    let lower = lowercase(word);
    let last = lower.rsplit('.').next().unwrap_or("");
    if PREPOSITIVE.contains(&lower.as_str()) {
        return false;
    }
    if lower == "a.m" || lower == "p.m" {
        // A time ends a sentence before an opener or a title ("He left at 6 P.M. Mr. Smith then
        // went"), unless what precedes it is no sentence yet ("At 5 a.m. Mr. Smith went").
        let title = PREPOSITIVE.contains(&lowercase(bare(next_word)).as_str());
        let fragment = s.get(from..i).map_or(0, |p| p.split_whitespace().count()) < 4;
        return (starter || title) && !fragment;
    }
    if is_initialism(word) {
        return starter; // "the U.S. How" ends; "the U.S. Government" does not
    }
    if PREPOSITIVE.contains(&last) {
        return false;
    }
    if POSTPOSITIVE.contains(&last) {
        return starter;
    }
    if NUMBERED.contains(&last) && next_word.starts_with(|ch: char| ch.is_ascii_digit()) {
        return false;
    }
    let mut letters = word.rsplit('.').next().unwrap_or("").chars();
    if let (Some(only), None) = (letters.next(), letters.next()) {
        if only.is_uppercase() {
            return starter; // an initial ("Albert I. Jones") unless a sentence opens ("you and I. Did")
        }
    }
    can_start(rest)
}

/// Whether a full stop with no space after it ends a sentence: "world.Today", "1,000.That",
/// "Tuesday.Mr. Smith"; not "3.5", "U.S.-Iran", "example.com", "Jane.Doe@example.com".
fn glued_end(s: &str, i: usize, word: &str, next_word: &str) -> bool {
    let next = bare(next_word);
    let mut next_chars = next.chars();
    let capitalised = next_chars.next().is_some_and(char::is_uppercase) && next_chars.next().is_some_and(char::is_lowercase);
    let last = word.rsplit('.').next().unwrap_or("");
    let ends_word = last.chars().count() >= 2 && last.chars().next_back().is_some_and(|ch| ch.is_lowercase() || ch.is_ascii_digit());
    let token = s[..i].rsplit(char::is_whitespace).next().unwrap_or("");
    // "example.com", "Doe@example": a dot or an at sign between letters or digits.
    let address = |t: &str| {
        let chars: Vec<char> = t.chars().collect();
        chars.windows(3).any(|w| matches!(w[1], '.' | '@') && w[0].is_alphanumeric() && w[2].is_alphanumeric())
    };
    capitalised && ends_word && !is_initialism(word) && !address(next) && !token.contains(['@', '/'])
}

/// `word` without opening quotes before it or closing punctuation after it.
fn bare(word: &str) -> &str {
    word.trim_start_matches(is_opening).trim_end_matches(|ch: char| is_closing(ch) || matches!(ch, '.' | ',' | ';' | ':' | '!' | '?'))
}

/// Whether `word` (without its final stop) is an initialism: single letters joined by dots ("U.S", "a.m").
fn is_initialism(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
        })
}

/// The word that ends just before byte `i` of `s` (letters, digits, inner dots and "°" of "N°").
fn word_before(s: &str, i: usize) -> &str {
    let before = &s[..i];
    let start = before
        .char_indices()
        .rev()
        .find(|(_, ch)| !(ch.is_alphanumeric() || *ch == '.' || *ch == '°'))
        .map_or(0, |(k, ch)| k + ch.len_utf8());
    &before[start..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;

    /// A named case: the text and the sentences a reader sees (from `lead`).
    struct Case {
        name: &'static str,
        text: &'static str,
        want: &'static [&'static str],
    }

    const fn t(name: &'static str, text: &'static str, want: &'static [&'static str]) -> Case {
        Case { name, text, want }
    }

    const BASICS: &[Case] = &[
        t("plain stops", "Talks resumed. Both sides came.", &["Talks resumed.", "Both sides came."]),
        t("doubled question", "Really?? Nobody came.", &["Really??", "Nobody came."]),
        t("brand with a bang", "He works at Yahoo! in the city.", &["He works at Yahoo! in the city."]),
        t(
            "closing quote",
            "They call it ‘‘highly improbable.’’ Others in Geneva disagree.",
            &["They call it ‘‘highly improbable.’’", "Others in Geneva disagree."],
        ),
        t("quote mid-sentence", "He said, \"Go home.\" she added.", &["He said, \"Go home.\" she added."]),
    ];

    const ABBREVIATIONS: &[Case] = &[
        t(
            "titles and months",
            "Israeli officials said on Feb. 5 that U.S. envoys met Mr. Smith. The talks went on.",
            &["Israeli officials said on Feb. 5 that U.S. envoys met Mr. Smith.", "The talks went on."],
        ),
        t("money and initialism", "It cost $3.50 in the U.S. The price rose.", &["It cost $3.50 in the U.S.", "The price rose."]),
        t("initialism then a question", "Is it cheap in the E.U. What do you think?", &["Is it cheap in the E.U.", "What do you think?"]),
        t("initialism inside a name", "He sued the U.S. Army in May.", &["He sued the U.S. Army in May."]),
        t("company at the end", "She sold it to Acme & Co. They paid cash.", &["She sold it to Acme & Co.", "They paid cash."]),
        t("company mid-sentence", "She sold it to Acme & Co. last week.", &["She sold it to Acme & Co. last week."]),
        t("initial in a name", "Ask Mary K. Lane about it.", &["Ask Mary K. Lane about it."]),
        t("pronoun I at the end", "It was him and I. Was it wise?", &["It was him and I.", "Was it wise?"]),
        t("number sign", "Take route N°. 12.4.7. It is faster.", &["Take route N°. 12.4.7.", "It is faster."]),
        t(
            "initialism before an opener",
            "He flew to Washington, D.C. The talks began.",
            &["He flew to Washington, D.C.", "The talks began."],
        ),
        t("time before a day", "They met at 3 p.m. Friday.", &["They met at 3 p.m. Friday."]),
        t(
            "time before a title",
            "At 9 a.m. Dr. Lee spoke. They left at 5 p.m. Dr. Lee stayed.",
            &["At 9 a.m. Dr. Lee spoke.", "They left at 5 p.m.", "Dr. Lee stayed."],
        ),
        t("degree at the end", "She has a Ph.D. The rest do not.", &["She has a Ph.D.", "The rest do not."]),
        t(
            "month only before a number",
            "It began Sept. 11. I met Jan. Then I left.",
            &["It began Sept. 11.", "I met Jan.", "Then I left."],
        ),
        t("case names", "Roe v. Wade was cited.", &["Roe v. Wade was cited."]),
        t("a word, not a number sign", "He said no. The talks ended.", &["He said no.", "The talks ended."]),
        t("unit at the end", "It is 20 ft. A rope helps.", &["It is 20 ft.", "A rope helps."]),
        t("web address", "Go to https://example.org/a_b.html. It is free.", &["Go to https://example.org/a_b.html.", "It is free."]),
    ];

    const GLUED: &[Case] = &[
        t("missing spaces", "It helped the community.Dr Venter agreed.", &["It helped the community.", "Dr Venter agreed."]),
        t(
            "missing spaces after names and numbers",
            "We met Sunday.Mr. Lee paid 2,000.Nobody argued.",
            &["We met Sunday.", "Mr. Lee paid 2,000.", "Nobody argued."],
        ),
        t("glued ellipsis after a name", "Photo: Credit...Ann Lee", &["Photo: Credit...Ann Lee"]),
        t("glued ellipsis after a word", "Who ran the firm...Lee or Kim?", &["Who ran the firm...", "Lee or Kim?"]),
        t("e-mail address", "Write to Ann.Lee@example.org. She replies.", &["Write to Ann.Lee@example.org.", "She replies."]),
    ];

    const ELLIPSES: &[Case] = &[
        t("bracketed elision", "\"Rates [...] will rise [...]\" (Lee 12).", &["\"Rates [...] will rise [...]\" (Lee 12)."]),
        t("spaced elision", "The plan . . . He never finished it.", &["The plan . . . He never finished it."]),
        t("four dots", "It was over. . . . Nobody spoke again. . . .", &["It was over.", ". . . Nobody spoke again. . . ."]),
        t("four spaced dots", "It stopped . . . . Then it rained.", &["It stopped . . . .", "Then it rained."]),
        t("unspaced ellipsis", "I never knew.... She left.", &["I never knew....", "She left."]),
    ];

    const LISTS: &[Case] = &[
        t("inline numbers", "1) Iran agreed 2) Israel waited", &["1) Iran agreed", "2) Israel waited"]),
        t("inline numbers with stops", "1. Iran agreed. 2. Israel waited.", &["1. Iran agreed.", "2. Israel waited."]),
        t("dot and paren", "1.) Iran agreed. 2.) Israel waited.", &["1.) Iran agreed.", "2.) Israel waited."]),
        t("letters", "a. Iran agreed b. Israel waited c. Egypt hosted", &["a. Iran agreed", "b. Israel waited", "c. Egypt hosted"]),
        t("bullets and numbers", "• 4. Iran agreed • 5. Israel waited", &["• 4. Iran agreed", "• 5. Israel waited"]),
        t("numbers must count up", "1) Iran agreed to 3) of the terms.", &["1) Iran agreed to 3) of the terms."]),
        t("no list without a label first", "He read p. 5. Then he slept.", &["He read p. 5.", "Then he slept."]),
    ];

    /// Captions a page stripped of its layout runs into the text (issue 18), with invented text.
    const RUN_IN_CAPTIONS: &[Case] = &[
        t(
            "two captions run into a paragraph",
            "The ship left the yard at noon after a week of delays, watched by a crowd of several hundred people on the quay. \
             Big day: The crew (pictured) came to the quay to see the new ship \
             Proud owner: Her father, pictured, cut the ribbon \
             The yard said it had orders for two more ships of the same class, and that work on the first would begin in the \
             spring. Its owners hope the orders will keep the yard busy for at least three years. The town council welcomed \
             the news on Tuesday. Work on the second ship is due to start next year. The mayor said the orders were the \
             best news the town had heard in a decade, and that the council would help train new welders.",
            &[
                "The ship left the yard at noon after a week of delays, watched by a crowd of several hundred people on the quay.",
                "Big day: The crew (pictured) came to the quay to see the new ship",
                "Proud owner: Her father, pictured, cut the ribbon The yard said it had orders for two more ships of the same \
                 class, and that work on the first would begin in the spring.",
                "Its owners hope the orders will keep the yard busy for at least three years.",
                "The town council welcomed the news on Tuesday.",
                "Work on the second ship is due to start next year.",
                "The mayor said the orders were the best news the town had heard in a decade, and that the council would help \
                 train new welders.",
            ],
        ),
        t(
            "a caption that points at its picture",
            "The couple met at a dance in the town hall more than twenty years ago and have lived in the same street ever since. \
             Bride: Jane Roe, pictured, has been married ten times. Her first wedding was held in the same hall, with the \
             same band playing, and most of the town came to watch. The latest took place on Saturday in front of a smaller \
             crowd, though the band was the same. Neighbours said the couple were planning a trip to the coast in the summer. \
             The hall itself is due to close for repairs next month.",
            &[
                "The couple met at a dance in the town hall more than twenty years ago and have lived in the same street ever since.",
                "Bride: Jane Roe, pictured, has been married ten times.",
                "Her first wedding was held in the same hall, with the same band playing, and most of the town came to watch.",
                "The latest took place on Saturday in front of a smaller crowd, though the band was the same.",
                "Neighbours said the couple were planning a trip to the coast in the summer.",
                "The hall itself is due to close for repairs next month.",
            ],
        ),
    ];

    /// Colons that open no caption.
    const NO_CAPTIONS: &[&str] = &[
        "Update: The talks resumed on Monday.",
        "The minister told the BBC: The plan will go ahead next year.",
        "The crowd cheered as Redwood said: 'We did it.'",
        "The games include Attack on Titan: Final Battle and Destiny 2: The Collection.",
    ];

    #[test]
    fn run_in_captions_are_captions() {
        check(RUN_IN_CAPTIONS);
        for case in RUN_IN_CAPTIONS {
            let sentences = segment(case.text, &clean(case.text));
            let captions: Vec<&str> =
                sentences.iter().filter(|s| s.kind == BlockKind::Caption).map(|s| &case.text[s.start..s.end]).collect();
            assert!(captions.len() == 2 || case.name.starts_with("a caption"), "{}: {captions:?}", case.name);
            assert!(captions.iter().all(|c| c.contains("pictured")), "{}: {captions:?}", case.name);
        }
        // Colons in a long paragraph that open no caption.
        let paragraph = NO_CAPTIONS.join(" ").repeat(3);
        let kinds: Vec<BlockKind> = segment(&paragraph, &clean(&paragraph)).iter().map(|s| s.kind).collect();
        assert!(kinds.iter().all(|&k| k == BlockKind::Body), "{kinds:?}");
    }

    fn check(cases: &[Case]) {
        for case in cases {
            let cleaned = clean(case.text);
            let got: Vec<&str> = segment(case.text, &cleaned).iter().map(|s| &case.text[s.lead..s.end]).collect();
            assert_eq!(got, case.want, "case {:?}", case.name);
        }
    }

    #[test]
    fn basics() {
        check(BASICS);
    }

    #[test]
    fn abbreviations() {
        check(ABBREVIATIONS);
    }

    #[test]
    fn glued_sentences() {
        check(GLUED);
    }

    #[test]
    fn ellipses() {
        check(ELLIPSES);
    }

    #[test]
    fn lists() {
        check(LISTS);
    }

    #[test]
    fn later_stages_do_not_read_list_labels() {
        let text = "1) Iran agreed 2) Israel waited";
        let spans: Vec<&str> = segment(text, &clean(text)).iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(spans, ["Iran agreed", "Israel waited"]);
    }

    #[test]
    fn odd_text_never_panics_and_spans_stay_in_order() {
        for text in ["", ".", ". . .", "• ", "1) ", "a.", "…", "[.", "é. . . .”", "9. ⁃10. ", "N°.", "x.Y", "1.)"] {
            let mut last = 0;
            for s in segment(text, &clean(text)) {
                assert!(last <= s.lead && s.lead <= s.start && s.start < s.end && s.end <= text.len(), "{text:?}");
                last = s.end;
            }
        }
    }
}
