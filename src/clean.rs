//! Stage 1: a view of the pasted text that marks what is not the article.
//!
//! People paste whole pages: menus, headlines, image captions, "Share Article", bylines, cookie
//! notices, lists of other stories, comment threads, footers; and bullet lists with their numbers
//! fused to the first word ("• 1The U.S. asked..."). This stage reads the text line by line and
//! gives each line a kind, so no later stage shows clutter. It never changes the text: every block
//! is a byte span of the original, and what it drops is listed with a reason.
//!
//! It works in two passes. The first judges each line alone, by class: page furniture (share,
//! related, navigation, cookie, subscription, comment, legal lines), bylines and datelines,
//! captions and credits, markup, bullets, headings; lines a stray line break cut inside a sentence
//! are one line. The second looks at the page as a whole, and only when the text shows it is a
//! pasted web page (furniture lines, menus). It finds clutter by its shape and its place, never
//! by a site's words: blocks run together with no break (a headline fused to a sentence at a
//! change of case, "betTom"; a share bar before it); captions under their labels and over their
//! credits; fact boxes and timelines; menus; blocks of links under a header, wherever they stand;
//! promotion boxes; comment threads. The article is then the stretch of the page richest in
//! running text (the largest sum of line scores, as in Finn et al.'s body text extraction), which
//! a block of links or a picture between two paragraphs does not end; the publication's notes at
//! its ends (a greeting, calls to follow or subscribe, contributors, the author's biography) are
//! not the story, and the headline above it, with the standfirst under that, is its title. A
//! plain article, a wire story with its results table, keeps every line.

use crate::fasthash::FastMap;
use crate::text::{is_closing, Phrases};
use crate::word_lists::{
    BYLINE_ROLES, CAPTION_CUES, CAPTION_CUES_TAGS, CAPTION_OPENINGS, COMMENTS_HEADER_WORDS, COOKIE_NOTICE_WORDS, CREDIT_AGENCIES, FINITE,
    FURNITURE, MONTHS, NOTICE_PHRASES, NOTICE_PHRASES_TAGS, READING_TIME_ENDINGS, SUBSCRIBE_CALLS, SUBSCRIPTION_WORDS, SUMMARY_HEADINGS,
    TIMESTAMP_OPENINGS, WEEKDAYS,
};

pub(crate) use crate::vocabulary::BlockKind;

impl BlockKind {
    /// Whether the kind is clutter, which never feeds actors, stances or takeaways.
    pub fn is_clutter(self) -> bool {
        matches!(self, BlockKind::Caption | BlockKind::Boilerplate | BlockKind::Byline)
    }
}

/// One line of the input with its kind; `start..end` excludes a bullet's marker and number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Block {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
}

/// A span the analysis leaves out, with why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Removal {
    pub start: usize,
    pub end: usize,
    pub reason: &'static str,
}

/// The output of [`clean`]: the text's lines as blocks, and the spans left out.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    pub blocks: Vec<Block>,
    pub removed: Vec<Removal>,
}

/// Reasons of furniture that may be written as a whole sentence ("We use cookies.").
const NOTICES: &[&str] = &["cookies", "legal", "promotion", "comments"];

/// The phrases of furniture lines (`data/en/furniture.tsv`, each list shown there by an example),
/// as sets to find in a line.
static NOTICES_INDEX: Phrases = Phrases::new(NOTICE_PHRASES);
static CAPTION_CUES_INDEX: Phrases = Phrases::new(CAPTION_CUES);

/// The reason of the first phrase of `index` (tagged by `tags`: reason, marks a sentence too)
/// that occurs in `lower` at a word's start; only of those that mark a sentence too, if
/// `sentence_only`.
fn find_notice(index: &Phrases, tags: &[(&'static str, bool)], lower: &str, sentence_only: bool) -> Option<&'static str> {
    let k = index.find_at_word_start(lower, |k| !sentence_only || tags.get(k).is_some_and(|&(_, sentence)| sentence))?;
    tags.get(k).map(|&(reason, _)| reason)
}

/// Marks the blocks and clutter of `text`.
pub(crate) fn clean(text: &str) -> Cleaned {
    let mut lines = read_lines(text);
    let page = is_page(&lines);
    if page {
        let fused: Vec<(usize, usize)> = lines.iter().enumerate().filter_map(|(i, l)| fused_at(text, l).map(|at| (i, at))).collect();
        if !fused.is_empty() {
            lines = split_fused_lines(text, lines, &fused);
        }
        mark_repeated_lines(text, &mut lines);
        mark_page_lines(text, &mut lines);
        mark_fact_boxes(text, &mut lines);
        mark_menus(text, &mut lines);
        mark_teasers(&mut lines);
        mark_related_blocks(&mut lines);
        mark_promotion_boxes(&mut lines);
        mark_comment_thread(&mut lines);
        mark_outside_article(text, &mut lines);
    }
    let mut out = Cleaned { blocks: Vec::with_capacity(lines.len()), removed: Vec::new() };
    let mut seen_body = false;
    let mut has_title = false;
    let mut in_summary = false;
    let mut summary_points = 0;
    for line in &lines {
        let (s, e) = (line.start, line.end);
        match line.class {
            Class::Clutter(kind, reason) => {
                // An image ends the author's list of points.
                in_summary &= kind != BlockKind::Caption;
                out.blocks.push(Block { start: s, end: e, kind });
                out.removed.push(Removal { start: s, end: e, reason });
            }
            Class::Bullet(body_start) => {
                let kind = if in_summary { BlockKind::AuthorTakeaway } else { BlockKind::Bullet };
                if body_start > s {
                    // A number fused to the first word ("• 1The") is a layout artefact, not a label
                    // the reader sees: its sentence starts after it.
                    let fused = text[s..body_start].ends_with(|c: char| c.is_ascii_digit());
                    let reason = if fused { "bullet_number" } else { "bullet_marker" };
                    out.removed.push(Removal { start: s, end: body_start, reason });
                }
                out.blocks.push(Block { start: body_start, end: e, kind });
            }
            Class::Title => {
                has_title = true;
                out.blocks.push(Block { start: s, end: e, kind: BlockKind::Title });
            }
            Class::Heading => {
                in_summary = line.summary;
                summary_points = 0;
                let kind = if !seen_body && !has_title && line.words >= 4 {
                    has_title = true;
                    BlockKind::Title
                } else {
                    BlockKind::Heading
                };
                out.blocks.push(Block { start: s, end: e, kind });
            }
            // "Key Points" over plain lines (a list pasted without its bullets): the author's points
            // are its first short paragraphs.
            Class::Body if in_summary && summary_points < 6 && line.sentences <= 2 && line.words <= 50 => {
                summary_points += 1;
                out.blocks.push(Block { start: s, end: e, kind: BlockKind::AuthorTakeaway });
            }
            Class::Body => {
                in_summary = false;
                seen_body = true;
                out.blocks.push(Block { start: s, end: e, kind: BlockKind::Body });
            }
        }
    }
    out
}

/// What the first pass makes of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Clutter of a kind, with the reason reported.
    Clutter(BlockKind, &'static str),
    /// A list item whose text starts at the byte given.
    Bullet(usize),
    /// A short line without final punctuation.
    Heading,
    /// The headline of a pasted page and the standfirst under it, found by the page pass.
    Title,
    /// Running text.
    Body,
}

/// A non-blank line: its trimmed span, word count, class and what the page pass needs.
#[derive(Debug, Clone)]
struct Line {
    start: usize,
    end: usize,
    words: usize,
    class: Class,
    /// Whether the line ends as a sentence does.
    sentence: bool,
    /// About how many sentences the line holds (full stops followed by a space, plus one).
    sentences: usize,
    /// Whether the line opens with a label and a colon ("Q: ...", "Source: ...").
    labelled: bool,
    /// Whether the line heads the author's own summary ("Key Takeaways", "Key Points").
    summary: bool,
    /// The line (of a long one, its opening) lower-cased and folded for matching.
    lower: String,
    /// Whether the line heads a block of other stories or comments: the article does not go on past it.
    barrier: bool,
}

/// Splits the lines where a page ran two blocks together with no break between: another
/// story's headline run into the first sentence of a paragraph at a change of case ("Hinkley
/// delay is a high stakes betTom Greatrex, chief executive of ..., urged the government"), or
/// a share bar run into it ("Share this with Email Facebook Twitter The minister said ...").
/// The first part is furniture; the second is classified afresh.
fn split_fused_lines(text: &str, lines: Vec<Line>, fused: &[(usize, usize)]) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len() + fused.len());
    let mut seams = fused.iter().peekable();
    for (i, line) in lines.into_iter().enumerate() {
        let Some(&(_, at)) = seams.next_if(|(k, _)| *k == i) else {
            out.push(line);
            continue;
        };
        let head_end = line.start + text[line.start..at].trim_end().len();
        let mut head = classify(text, line.start, head_end);
        if !head.class_is_clutter() {
            head.class = Class::Clutter(BlockKind::Boilerplate, "related");
        }
        out.push(head);
        out.push(classify(text, at, line.end));
    }
    out
}

/// Where a line of running text starts after a block fused to its front, if one is: see
/// [`split_fused_lines`].
fn fused_at(text: &str, line: &Line) -> Option<usize> {
    if line.class != Class::Body || line.words < 8 {
        return None;
    }
    let content = &text[line.start..line.end];
    let at = share_bar_end(content).or_else(|| case_change(text, line.start, line.end))?;
    let (head, tail) = (&content[..at], &content[at..]);
    let sentence_inside = head.contains(". ") || head.contains("? ") || head.contains("! ");
    (!sentence_inside && tail.split_whitespace().count() >= 5).then_some(line.start + at)
}

/// The end of a share bar that opens a line: share words and two social networks or more
/// ("Share this with Email Facebook Messenger Twitter"), before a capitalised word.
fn share_bar_end(content: &str) -> Option<usize> {
    if !content.get(..6).is_some_and(|w| w.eq_ignore_ascii_case("share ")) {
        return None;
    }
    let mut networks = 0;
    for (k, word) in content.split(' ').scan(0usize, |at, w| {
        let k = *at;
        *at += w.len() + 1;
        Some((k, w))
    }) {
        let lower = crate::text::lowercase(word.trim_matches(|c: char| !c.is_alphanumeric()));
        if crate::lexicon::PAGE_NETWORK.binary_search(&lower.as_str()).is_ok() {
            networks += 1;
        } else if crate::lexicon::PAGE_SHARE.binary_search(&lower.as_str()).is_err() {
            let opens = word.starts_with(|c: char| c.is_uppercase() || is_opening_quote(c));
            return (networks >= 2 && opens).then_some(k);
        }
    }
    None
}

/// Whether `c` opens a quotation.
fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{2018}' | '\'')
}

/// The first change of case inside the line `text[start..end]` where a new block starts
/// ("betTom Greatrex", "downedHow the"), as an offset in the line: two lower-case letters or more
/// of a word written in lower case, then a capital that opens a word. A word the text writes that
/// way again nearby is a name ("deGrom"), not a seam.
fn case_change(text: &str, start: usize, end: usize) -> Option<usize> {
    let content = &text[start..end];
    // A headline run into a paragraph stands at its front.
    let bytes = prefix(content, FUSED_HEAD_MAX).as_bytes();
    let mut next = 2;
    // Capitals are few: jump from one to the next, then look at the letter before.
    while let Some(k) = bytes.get(next..).and_then(|rest| rest.iter().position(u8::is_ascii_uppercase)) {
        let i = next + k;
        next = i + 1;
        if !bytes[i - 1].is_ascii_lowercase() {
            continue;
        }
        let opens_word = bytes.get(i + 1).is_none_or(|&n| n.is_ascii_lowercase() || n == b' ' || n == b'\'');
        let word_start = bytes[..i].iter().rposition(|b| !b.is_ascii_alphabetic()).map_or(0, |k| k + 1);
        let lower_word = i - word_start >= 2 && bytes[word_start].is_ascii_lowercase();
        if !(opens_word && lower_word && content[..word_start].split_whitespace().nth(1).is_some()) {
            continue;
        }
        // One look a line, in the text around it (a name comes back within its article), so a
        // long text of such words costs no more than a window per line.
        let token_end = content[i..].find(|c: char| !c.is_alphanumeric()).map_or(content.len(), |k| i + k);
        let token = &content[word_start..token_end];
        let (mut from, mut to) = (start.saturating_sub(NAME_WINDOW), (end + NAME_WINDOW).min(text.len()));
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        while !text.is_char_boundary(to) {
            to += 1;
        }
        return text[from..to].matches(token).nth(1).is_none().then_some(i);
    }
    None
}

/// How far into a line [`case_change`] looks for a seam, in bytes: a headline's length.
const FUSED_HEAD_MAX: usize = 200;
/// How far around a line [`case_change`] looks for another use of a word, in bytes.
const NAME_WINDOW: usize = 20_000;

/// Whether a line ends as a sentence does: a stop, perhaps inside closing quotes or brackets,
/// perhaps before emoji ("... today! 🙂"). A label in capitals at the end ("... turmoil
/// [VIDEO]", "... beauties (PHOTOS)") marks a link to a story, not the end of a sentence.
fn ends_as_sentence(content: &str, words: usize) -> bool {
    let mut end = content;
    if content.ends_with(|c: char| !c.is_ascii() || matches!(c, '~' | '|')) {
        end = content.trim_end_matches(|c: char| is_symbol(c) || c.is_whitespace() || matches!(c, '~' | '|'));
    }
    let last = end.chars().next_back().unwrap_or(' ');
    if matches!(last, ']' | ')') {
        let open = if last == ']' { '[' } else { '(' };
        let tag = end.rfind(open).map_or("", |k| &end[k + 1..end.len() - 1]);
        if tag.len() >= 2 && tag.chars().all(|c| c.is_uppercase() || c == ' ') {
            return false;
        }
    }
    matches!(last, '.' | '!' | '?' | '…') || (is_closing(last) && words > 3)
}

/// Whether `c` is a pictograph, an arrow or a joiner of emoji: marks that may follow the last
/// word of a line without ending it or not.
fn is_symbol(c: char) -> bool {
    matches!(c, '\u{2190}'..='\u{2BFF}' | '\u{FE00}'..='\u{FE0F}' | '\u{200D}' | '\u{1F000}'..='\u{1FAFF}')
}

/// Lower-cases `s` and folds curly quotes, dashes and non-breaking spaces into their plain
/// forms: matching sees "Editor’s" as "editor's". The original text is never changed.
fn normalize(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // The common case: a run of ASCII, copied at once and lower-cased in place.
        let run = bytes[i..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - i);
        if run > 0 {
            let from = out.len();
            out.extend_from_slice(&bytes[i..i + run]);
            out[from..].make_ascii_lowercase();
            i += run;
            continue;
        }
        let Some(c) = s[i..].chars().next() else { break };
        i += c.len_utf8();
        let mut buf = [0u8; 4];
        match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => out.push(b'\''),
            '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => out.push(b'"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push(b'-'),
            '\u{00A0}' | '\u{2007}' | '\u{202F}' => out.push(b' '),
            c => out.extend_from_slice(crate::text::lower(c).encode_utf8(&mut buf).as_bytes()),
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The lines of `text`, each classified on its own. A text whose line breaks were pasted as
/// escapes (`\n` written out, from a JSON or log dump) and has no real one is split at them.
fn read_lines(text: &str) -> Vec<Line> {
    let escaped = !text.contains('\n') && text.contains("\\n");
    let mut spans = Vec::new();
    let mut line_start = 0;
    while line_start < text.len() {
        let rest = &text[line_start..];
        let (len, skip) = match (rest.find('\n'), escaped.then(|| rest.find("\\n")).flatten()) {
            (Some(k), _) => (k, 1),
            (None, Some(k)) => (k, 2),
            (None, None) => (rest.len(), 0),
        };
        if let Some(span) = trim_span(text, line_start, line_start + len) {
            spans.push(span);
        }
        line_start += len + skip;
    }
    let mut lines = Vec::with_capacity(spans.len());
    let mut i = 0;
    while i < spans.len() {
        // A sentence cut by line breaks: lines that run on into the next, up to one that ends it.
        let mut j = i;
        while j + 1 < spans.len() && breaks_sentence(text, spans[j], spans[j + 1]) {
            j += 1;
        }
        let last = &text[spans[j].0..spans[j].1];
        if j > i && ends_as_sentence(last, last.split_whitespace().count()) {
            lines.push(classify(text, spans[i].0, spans[j].1));
        } else {
            j = i;
            lines.push(classify(text, spans[i].0, spans[i].1));
        }
        i = j + 1;
    }
    lines
}

/// Whether a single line break cuts a sentence in two, as text from a PDF or an e-mail has it
/// ("It was a cold \nnight in the city."): the line before has three words or more and no end,
/// the line after opens in lower case. Lines so cut, up to one that ends the sentence, are one
/// line; lines that never reach an end ("Results of the games\nplayed on Sunday") stay apart.
fn breaks_sentence(text: &str, before: (usize, usize), after: (usize, usize)) -> bool {
    let (Some(first), Some(gap), Some(last)) = (text.get(before.0..before.1), text.get(before.1..after.0), text.get(after.0..after.1))
    else {
        return false;
    };
    // Asked of every line: the cheap tests first, most lines open with a capital.
    if !last.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    // The line before reads as running text, not as a heading over the text: it ends on a word
    // in lower case and few of its words are capitalised ("Results of South Korean pro-soccer").
    let last_word = first.rsplit(' ').next().unwrap_or("");
    if !(first.ends_with(',') || last_word.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())) {
        return false;
    }
    let (mut words, mut capitalised) = (0, 0);
    for w in first.split_whitespace().skip(1) {
        words += 1;
        capitalised += usize::from(w.starts_with(char::is_uppercase));
    }
    capitalised * 4 <= words && words >= 2 && gap.bytes().filter(|&b| b == b'\n').count() + gap.matches("\\n").count() == 1
}

/// The first pass: what a line is, judged alone.
fn classify(text: &str, s: usize, e: usize) -> Line {
    let content = &text[s..e];
    let scanned = scan(content);
    let words = scanned.words;
    // Only short lines are matched whole; of a paragraph only its opening is (bylines,
    // captions and furniture announce themselves there).
    let lower = if words <= 40 { normalize(content) } else { normalize(prefix(content, 96)) };
    let sentence = ends_as_sentence(content, words);
    let sentences = 1 + scanned.stops;
    let labelled = content.split_whitespace().next().is_some_and(|w| w.ends_with(':'));
    let summary = words <= 4 && SUMMARY_HEADINGS.contains(&lower.trim_end_matches(':'));
    let mut line =
        Line { start: s, end: e, words, class: Class::Body, sentence, sentences, labelled, summary, lower: String::new(), barrier: false };
    if is_caption(&lower, words, sentences) {
        // Before furniture: "(Image: © Agency)" is a credit, not a copyright notice.
        line.class = Class::Clutter(BlockKind::Caption, "caption");
    } else if let Some(reason) = furniture(content, &lower, scanned, sentence) {
        // Headers of other stories or of readers' comments ("Related Articles", "Leave a Reply");
        // a count ("0 Comments") or a button ("Report") heads nothing.
        let header = match reason {
            "related" => true,
            "comments" => COMMENTS_HEADER_WORDS.iter().any(|w| lower.contains(w)) && !lower.contains(|c: char| c.is_ascii_digit()),
            _ => false,
        };
        line.barrier = header && !sentence && words <= 6;
        line.class = Class::Clutter(BlockKind::Boilerplate, reason);
    } else if is_promotion_blurb(content, words) {
        line.class = Class::Clutter(BlockKind::Boilerplate, "promotion");
    } else if is_byline(content, &lower, words) {
        line.class = Class::Clutter(BlockKind::Byline, "byline");
    } else if let Some(body_start) = bullet_content(content) {
        line.class = Class::Bullet(s + body_start);
    } else if is_heading(content, words) {
        line.class = Class::Heading;
    }
    line.lower = lower;
    line
}

impl Cleaned {
    #[cfg(test)]
    fn kinds<'t>(&self, text: &'t str) -> Vec<(&'t str, BlockKind)> {
        self.blocks.iter().map(|b| (&text[b.start..b.end], b.kind)).collect()
    }
}

/// What one pass over a line's bytes tells: its words (runs between ASCII white space; other
/// spaces are rare enough not to matter for the thresholds they feed), its inner full stops,
/// and whether it has the bytes that markup, separators and cookie notices need.
#[derive(Debug, Clone, Copy, Default)]
struct Scan {
    words: usize,
    stops: usize,
    markup: bool,
    separators: usize,
    cookie: bool,
}

fn scan(s: &str) -> Scan {
    let bytes = s.as_bytes();
    let mut out = Scan::default();
    let mut in_word = false;
    for (i, &b) in bytes.iter().enumerate() {
        // Inside a word a lower-case letter, most of any line, changes nothing (but the 'c' of
        // "cookie"): one test.
        if in_word && b.is_ascii_lowercase() && b != b'c' {
            continue;
        }
        let space = b.is_ascii_whitespace();
        out.words += usize::from(!space && !in_word);
        in_word = !space;
        match b {
            b'.' => out.stops += usize::from(bytes.get(i + 1) == Some(&b' ')),
            b'{' | b'<' => out.markup = true,
            // " | ", " • ", " · ": links in a row.
            b'|' | 0xE2 | 0xC2 if i > 0 && bytes[i - 1] == b' ' => {
                let rest = &bytes[i..];
                let sep = rest.starts_with(b"| ") || rest.starts_with("• ".as_bytes()) || rest.starts_with("· ".as_bytes());
                out.separators += usize::from(sep);
            }
            b'c' | b'C' if !out.cookie && bytes.get(i + 1) == Some(&b'o') => out.cookie = bytes[i + 1..].starts_with(b"ookie"),
            _ => {}
        }
    }
    out
}

/// The first `n` bytes of `s` or a little fewer, cut at a character boundary.
fn prefix(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The span of `text[start..end]` without surrounding white space, or `None` if blank.
fn trim_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let line = &text[start..end];
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return None;
    }
    let s = start + (line.len() - line.trim_start().len());
    Some((s, s + trimmed.len()))
}

/// Whether a line with closing tags is page source rather than prose: fewer than four words
/// outside its tags, or tags taking most of it. A sentence that quotes a tag
/// ("Brazil warned Argentina <script>alert(1)</script> over tariffs.") stays text.
fn is_mostly_tags(content: &str) -> bool {
    if !content.contains("</") && !content.contains("/>") {
        return false;
    }
    let (mut inside, mut tag_bytes, mut outside) = (false, 0usize, String::with_capacity(content.len()));
    for c in content.chars() {
        match c {
            '<' => inside = true,
            '>' if inside => {
                inside = false;
                tag_bytes += 1;
                continue;
            }
            _ => {}
        }
        if inside {
            tag_bytes += c.len_utf8();
        } else {
            outside.push(c);
        }
    }
    outside.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() < 4 || tag_bytes * 2 > content.len()
}

/// The reason a line is page furniture, if it is: a known opening on a short line, a notice
/// phrase, a row of links ("Terms | Privacy | Contact"), markup, or no letters at all.
fn furniture(content: &str, lower: &str, scanned: Scan, sentence: bool) -> Option<&'static str> {
    let words = scanned.words;
    if !content.bytes().any(|b| b.is_ascii_alphanumeric()) && !content.chars().any(char::is_alphanumeric) {
        return Some("symbols");
    }
    if scanned.markup && (content.contains("{*") || content.contains("*}") || content.contains("{{") || is_mostly_tags(content)) {
        return Some("markup");
    }
    let separators = scanned.separators;
    if separators >= 2 || (separators == 1 && words <= 6 && !sentence) {
        return Some("navigation");
    }
    // A cookie notice, however long: "This website uses cookies ... your consent."
    if scanned.cookie {
        let full = normalize(content);
        if full.contains("cookies") && COOKIE_NOTICE_WORDS.iter().any(|w| full.contains(w)) {
            return Some("cookies");
        }
    }
    // A comments header or counter: "[ 167 comments ]", "Top Rated Comments", "Tell us what you think".
    if !sentence && words <= 5 && (lower.contains("comment") || lower.contains("what you think")) {
        return Some("comments");
    }
    if words <= 30 {
        if let Some(reason) = find_notice(&NOTICES_INDEX, NOTICE_PHRASES_TAGS, lower, sentence) {
            return Some(reason);
        }
    }
    if words > 20 {
        return None;
    }
    // A count of shares or comments ("12 Comments", "1.2K shares"), a bracketed label ("[Related: ...]").
    let bare = lower.trim_start_matches(['[', '(', ' ']);
    let bare = match bare.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ','))) {
        Some(k) if k > 0 => bare[k..].trim_start_matches(['k', 'm']).trim_start(),
        _ => bare,
    };
    let first = bare.as_bytes().first().copied()?;
    FURNITURE
        .iter()
        .find(|(opening, reason)| {
            // The first byte rules out almost every opening at the cost of one comparison.
            if opening.as_bytes().first() != Some(&first) {
                return false;
            }
            let Some(tail) = bare.strip_prefix(opening) else { return false };
            // A one-word opening makes furniture only of a short line ("Home", "Share", "Reply"),
            // or of a label ("Related: ..."); "Home Secretary resigns" is a headline.
            let one_word = opening.chars().all(char::is_alphanumeric);
            !tail.chars().next().is_some_and(char::is_alphanumeric)
                && (!sentence || NOTICES.contains(reason) || tail.starts_with(':'))
                && (words <= 12 || NOTICES.contains(reason))
                && (!one_word || words <= 3 || tail.trim_start().starts_with([':', '(', '|']))
        })
        .map(|(_, reason)| *reason)
}

/// Whether a short paragraph is the site promoting itself: it opens or closes with a call to
/// subscribe, so what it says beside the call ("The Daily Brief is the first read of busy
/// traders.") is about the publication, not the story. One-sentence calls are furniture already.
fn is_promotion_blurb(content: &str, words: usize) -> bool {
    if !(8..=80).contains(&words) {
        return false;
    }
    // Sentence ends, roughly: a stop and a space. A blurb has two to four sentences; the first
    // and the last are found from either end, and the ends between are counted only when one of
    // them could open a call, so most paragraphs are read only at their edges.
    let bytes = content.as_bytes();
    let stop_space = |pair: &[u8]| pair[1] == b' ' && matches!(pair[0], b'.' | b'!' | b'?');
    let Some(first_end) = bytes.windows(2).position(stop_space).map(|j| j + 1) else { return false };
    let last_start = bytes[first_end - 1..].windows(2).rposition(stop_space).map_or(first_end, |j| first_end + j);
    let (first, last) = (&content[..first_end], &content[last_start..]);
    if !may_open_call(first) && !may_open_call(last) {
        return false;
    }
    let ends = (first_end..=last_start).filter(|&i| is_sentence_end(bytes, i)).count();
    ends <= 3 && (is_subscribe_call(first) || is_subscribe_call(last))
}

/// Whether byte `i` (at least 1) is the space after a sentence's stop.
#[inline]
fn is_sentence_end(bytes: &[u8], i: usize) -> bool {
    bytes[i] == b' ' && matches!(bytes[i - 1], b'.' | b'!' | b'?')
}

/// Whether a sentence opens with a letter some call to subscribe opens with: most sentences do
/// not, and need no folding.
fn may_open_call(sentence: &str) -> bool {
    let first = sentence.trim_start().bytes().next().map(|b| b.to_ascii_lowercase());
    SUBSCRIBE_CALLS.iter().any(|c| c.as_bytes().first() == first.as_ref())
}

/// Whether a sentence asks the reader to subscribe: a call and what it offers.
fn is_subscribe_call(sentence: &str) -> bool {
    if !may_open_call(sentence) {
        return false;
    }
    let lower = normalize(sentence.trim());
    SUBSCRIBE_CALLS.iter().any(|c| lower.starts_with(c)) && SUBSCRIPTION_WORDS.iter().any(|w| lower.contains(w))
}

/// Whether a line is an author, date or reading-time line.
fn is_byline(content: &str, lower: &str, words: usize) -> bool {
    // Asked of most lines: the first byte turns most openings away before a comparison.
    let first = lower.as_bytes().first();
    let opens = |p: &str| p.as_bytes().first() == first && lower.starts_with(p);
    let capitalised_after = |from: usize| {
        content.get(from..).is_some_and(|rest| {
            rest.split_whitespace().all(|w| {
                w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphanumeric())
                    || matches!(w, "and" | "in" | "|" | "," | "-" | "for" | "of" | "the" | "at")
            })
        })
    };
    // Credits at the foot of a wire story, however long: "(Reporting by ...; Editing by ...)".
    if ["(reporting by", "(additional reporting", "(editing by", "(writing by", "reporting by", "additional reporting by"]
        .iter()
        .any(|p| opens(p))
    {
        return words <= 40;
    }
    let by = (lower.starts_with("by ") && (capitalised_after(3) || content.get(3..).is_some_and(|rest| is_author_line(rest, words - 1))))
        || (lower.starts_with("written by ") && capitalised_after(11))
        || [
            "author:",
            "authors:",
            "reporter:",
            "story by",
            "words by",
            "reporting by",
            "(reporting by",
            "edited by",
            "(editing by",
            "additional reporting",
            "compiled by",
        ]
        .iter()
        .any(|p| opens(p));
    if words > 14 {
        return false;
    }
    let stamp = TIMESTAMP_OPENINGS.iter().any(|p| opens(p) && lower[p.len()..].starts_with([' ', ':']));
    let read_time = READING_TIME_ENDINGS.iter().any(|p| lower.ends_with(p));
    let ago = words <= 8
        && lower.split_whitespace().any(|w| w == "ago")
        && lower.split_whitespace().any(|w| {
            w.trim_end_matches('s').ends_with("minute")
                || ["hour", "day", "week", "month", "year", "min", "hr", "second"].contains(&w.trim_end_matches('s'))
        });
    by || stamp || read_time || ago || is_author_line(content, words)
}

/// Whether a short line names an author: "Catherine Shu", "Jason Cipriani/ZDNet",
/// "Chris Davies - Nov 19, 2019", "Tim Childers - Science Contributor", "7:45 am PST by Joe
/// Rossignol". A name counts when it opens with a given name, so "Middle East" is no author.
fn is_author_line(content: &str, words: usize) -> bool {
    if words > 14 || content.ends_with(['.', '!', '?']) {
        return false;
    }
    let is_name = |part: &str| {
        let ws: Vec<&str> = part.split_whitespace().collect();
        (2..=4).contains(&ws.len())
            && ws.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && crate::lexicon::is_given_name(ws[0])
    };
    let stamp_or_role = |part: &str| {
        let lower = crate::text::lowercase(part);
        part.chars().any(|c| c.is_ascii_digit()) || BYLINE_ROLES.iter().any(|r| lower.contains(r))
    };
    // The whole line is a name, or a name and its outlet or its handle ("Jane Roe @janeroe").
    let before = |sep: char| {
        content.split_once(sep).is_some_and(|(name, rest)| {
            // A handle names an account, so the name before it needs no known given name.
            let capitalised = || {
                let ws: Vec<&str> = name.split_whitespace().collect();
                (2..=3).contains(&ws.len()) && ws.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
            };
            (is_name(name) || (sep == '@' && capitalised())) && !rest.trim().is_empty() && !rest.trim().contains(' ')
        })
    };
    if is_name(content) || before('/') || before('@') {
        return true;
    }
    // "Name - date or role".
    for sep in [" - ", " – ", " — ", " | "] {
        if let Some((name, rest)) = content.split_once(sep) {
            if is_name(name) && stamp_or_role(rest) {
                return true;
            }
        }
    }
    // "date ... by Name".
    content.rsplit_once(" by ").is_some_and(|(before, name)| is_name(name) && stamp_or_role(before))
}

/// Whether a line is nothing but a date and time, perhaps with a source or a place before it
/// ("Reuters November 18, 2019 11:03 PM", "Nov. 5, 2019", "2019-11-18 09:30 GMT").
fn is_dateline(lower: &str, words: usize) -> bool {
    if words > 10 {
        return false;
    }
    let mut month = false;
    let mut year = false;
    let mut others = 0;
    let mut days = 0;
    for w in lower.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '-' | '(' | ')')) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != ':');
        if w.is_empty() {
            continue;
        }
        if MONTHS.iter().any(|m| w.starts_with(m)) && w.len() <= 9 {
            month = true;
        } else if w.len() == 4 && w.starts_with("20") || w.len() == 4 && w.starts_with("19") {
            year = year || w.bytes().all(|b| b.is_ascii_digit());
        } else if w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()) {
            days += 1;
        } else if w.bytes().all(|b| b.is_ascii_digit() || b == b':')
            || matches!(
                w,
                "am" | "pm"
                    | "a.m"
                    | "p.m"
                    | "gmt"
                    | "utc"
                    | "et"
                    | "est"
                    | "edt"
                    | "pst"
                    | "pdt"
                    | "bst"
                    | "ist"
                    | "updated"
                    | "published"
                    | "on"
                    | "at"
            )
            || w.ends_with("th") && w.bytes().next().is_some_and(|b| b.is_ascii_digit())
            || WEEKDAYS.contains(&w)
        {
        } else {
            others += 1;
        }
    }
    (month && (year || days > 0) || year && days > 0) && others <= 2
}

/// Whether a line is an image caption or credit by its words: a caption label or a credit
/// pattern ("Image Credit: WeWork", "(AP Photo/Evan Vucci)").
fn is_caption(lower: &str, words: usize, sentences: usize) -> bool {
    let first = lower.as_bytes().first();
    if CAPTION_OPENINGS.iter().any(|p| p.as_bytes().first() == first && lower.starts_with(p)) {
        return true;
    }
    // "pictured" marks a caption of one sentence ("Jane Roe (pictured) at the launch"); in a
    // paragraph it points at a picture beside it ("Mr Roe, pictured, said ... He added ...").
    let cue =
        || find_notice(&CAPTION_CUES_INDEX, CAPTION_CUES_TAGS, lower, false).is_some_and(|reason| reason != "pictured" || sentences <= 1);
    words <= 40 && (cue() || ends_with_credit(lower) || ends_with_slash_credit(lower))
}

/// Whether a line ends with a photographer and an agency after a slash, the caption run into its
/// credit: "The house where he was born, Austria.Jane Roe / Agency file".
fn ends_with_slash_credit(lower: &str) -> bool {
    let Some((before, after)) = lower.rsplit_once('/') else { return false };
    let after: Vec<&str> = after.split_whitespace().collect();
    !before.ends_with(['/', ':']) // no address
        && (1..=3).contains(&after.len())
        && after.last().is_some_and(|w| CREDIT_AGENCIES.contains(w))
        && before.split_whitespace().count() >= 4
}

/// Whether a line ends with a credit in brackets: "(NASA/JPL-Caltech/ASU)", "[Jane Roe/Agency]".
fn ends_with_credit(lower: &str) -> bool {
    let Some(inner) = lower.strip_suffix([')', ']']) else { return false };
    let Some(open) = inner.rfind(['(', '[']) else { return false };
    let group = &inner[open + 1..];
    let agency = group.split_whitespace().next_back().is_some_and(|w| CREDIT_AGENCIES.contains(&w));
    // A slash parts a photographer from an agency, not two measures ("(113.5 mph / 182.7 kph)").
    let slash = group.contains('/') && !group.contains("//") && !group.contains(|c: char| c.is_ascii_digit());
    (slash || agency) && group.split_whitespace().count() <= 5
}

/// Whether a line is a descriptive caption with no finite verb of the story ("Detail of the
/// flag highlighting the star, emphasizing its significance."): a noun phrase with participles
/// only. Asked only of pasted pages, where captions stand between paragraphs; in a plain text a
/// verbless line is a headline or a table row.
fn is_verbless_caption(content: &str, lower: &str, words: usize, sentence: bool) -> bool {
    if !(4..=30).contains(&words) || !sentence || content.contains(". ") {
        return false;
    }
    // A headline in title case ("Minister Equates Firing to a Sentence") is no caption.
    let capitalised = content.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    if capitalised * 2 > words {
        return false;
    }
    // A noun phrase with participles only: no auxiliary, modal, reporting verb or pronoun, no
    // past tense, and no present-tense verb right after its subject ("Israel warns Iran").
    // Cheapest tests first: most lines have no participle at all.
    let mut tokens = lower.split(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty());
    if !tokens.clone().any(|w| w.len() > 5 && w.ends_with("ing")) {
        return false;
    }
    let verb_after_subject = content.split_whitespace().skip(1).take(3).any(|w| {
        let w = w.trim_end_matches([',', '.']);
        w.chars().next().is_some_and(char::is_lowercase)
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !["of", "us", "its", "as", "is"].contains(&w)
    });
    !verb_after_subject && !tokens.any(|w| (w.len() > 4 && w.ends_with("ed")) || (w.len() <= 7 && FINITE.contains(&w)))
}

/// Where a bullet's text starts after its marker and any number fused to it ("• 1The" → at "The").
fn bullet_content(content: &str) -> Option<usize> {
    let first = content.chars().next()?;
    let after_marker = if matches!(first, '•' | '·' | '▪' | '◦' | '‣' | '⁃' | '●' | '■' | '–' | '—' | '*' | '-') {
        let rest = &content[first.len_utf8()..];
        if first == '-' || first == '*' {
            // "- item" and "* item" need a space; "-5" is a number.
            if !rest.starts_with(' ') {
                return None;
            }
        }
        first.len_utf8()
    } else {
        // "1. item", "2) item".
        let digits = content.bytes().take_while(u8::is_ascii_digit).count();
        let marker = content.as_bytes().get(digits).copied();
        if digits == 0 || digits > 2 || !matches!(marker, Some(b'.') | Some(b')')) {
            return None;
        }
        if !content[digits + 1..].starts_with(' ') {
            return None;
        }
        digits + 1
    };
    let rest = &content[after_marker..];
    let mut at = after_marker + (rest.len() - rest.trim_start().len());
    // A number fused to the first word: "1The U.S. asked" (a list rendered without its layout).
    let body = &content[at..];
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) && body[digits..].chars().next().is_some_and(char::is_uppercase) {
        at += digits;
    }
    (at < content.len()).then_some(at)
}

/// Whether a line reads as a heading: short and without a sentence's final punctuation.
fn is_heading(content: &str, words: usize) -> bool {
    let last = content.chars().last().unwrap_or(' ');
    let ends_sentence = matches!(last, '.' | '!' | '?' | '…' | ':' | ';' | ',') || is_closing(last);
    !ends_sentence && words <= 16
}

/// Whether the text is a pasted web page rather than an article: it has furniture lines
/// (share, related, navigation, cookies, comments, legal) or a menu. Only then does the page
/// pass run, so a wire story's results table or a list of short lines stays text.
fn is_page(lines: &[Line]) -> bool {
    let furniture = lines.iter().filter(|l| matches!(l.class, Class::Clutter(BlockKind::Boilerplate, r) if r != "symbols")).count();
    furniture >= 2
}

/// Marks lines a page repeats word for word (its headline in the breadcrumbs, the share text
/// and the title; a pull quote) as headings: an article does not say the same line twice.
/// When nine tenths of the body is repeated text, the reader pasted the article more than once:
/// the first copy of each line stays body and only the later copies are set aside. (A page that
/// shows its related stories twice repeats about three quarters of its body lines.)
fn mark_repeated_lines(text: &str, lines: &mut [Line]) {
    let mut seen: FastMap<&str, usize> = FastMap::default();
    for line in lines.iter().filter(|l| l.end - l.start >= 20) {
        *seen.entry(&text[line.start..line.end]).or_insert(0) += 1;
    }
    let repeated: Vec<bool> =
        lines.iter().map(|l| l.end - l.start >= 20 && seen.get(&text[l.start..l.end]).is_some_and(|&n| n > 1)).collect();
    let body = lines.iter().zip(&repeated).filter(|(l, _)| l.class == Class::Body);
    let (all, twice) = body.fold((0, 0), |(all, twice), (l, &again)| {
        let n = l.end - l.start;
        (all + n, twice + if again { n } else { 0 })
    });
    let pasted_again = twice * 10 >= all * 9;
    let mut kept: FastMap<&str, ()> = FastMap::default();
    for (line, again) in lines.iter_mut().zip(repeated) {
        let first_copy = pasted_again && kept.insert(&text[line.start..line.end], ()).is_none();
        if again && line.class == Class::Body && !first_copy {
            line.class = Class::Heading;
        }
    }
}

/// Marks the lines that only a pasted page has: datelines ("Reuters November 18, 2019 11:03 PM")
/// and verbless captions between paragraphs.
fn mark_page_lines(text: &str, lines: &mut [Line]) {
    for line in lines.iter_mut() {
        let candidate = matches!(line.class, Class::Body | Class::Heading | Class::Clutter(_, "navigation"));
        if !candidate || line.words > 30 {
            continue;
        }
        let content = &text[line.start..line.end];
        if is_shouted(content, line.words) && !matches!(line.class, Class::Clutter(..)) {
            // A line in capitals is a heading, a label or a link to another story ("'SHOW' STAR
            // OPENS UP ABOUT ..."), never running text: it names actors from the gazetteer only.
            // A long one is a headline of another story: a section heading is short.
            line.class = if line.words >= 8 { Class::Clutter(BlockKind::Boilerplate, "related") } else { Class::Heading };
            continue;
        }
        if matches!(line.class, Class::Body | Class::Heading) && !line.sentence && line.words >= 8 && is_cut_off(&line.lower) {
            // "In recent months, hundreds of people have become sick and have even died due to":
            // a teaser of another story, cut off where the page ran out of room.
            line.class = Class::Clutter(BlockKind::Boilerplate, "related");
            continue;
        }
        if line.words > 10 && !(line.class == Class::Body && line.sentence) {
            continue; // too long for a dateline or a credit, and no caption
        }
        if let Class::Clutter(..) = line.class {
            // "Natalie Naccache | Bloomberg | Getty Images": a credit, though set out like links.
            if is_credit(&line.lower, line.words, line.sentence) {
                line.class = Class::Clutter(BlockKind::Caption, "credit");
            }
        } else if is_dateline(&line.lower, line.words) {
            line.class = Class::Clutter(BlockKind::Byline, "byline");
        } else if is_credit(&line.lower, line.words, line.sentence) {
            line.class = Class::Clutter(BlockKind::Caption, "credit");
        } else if line.class == Class::Body && is_verbless_caption(content, &line.lower, line.words, line.sentence) {
            line.class = Class::Clutter(BlockKind::Caption, "caption");
        }
    }
    for i in 0..lines.len() {
        let next = lines.get(i + 1);
        let prev = i.checked_sub(1).and_then(|k| lines.get(k));
        let line = &lines[i];
        if !matches!(line.class, Class::Body | Class::Heading) || line.words > 50 {
            continue;
        }
        if prev.is_some_and(Line::is_caption_label) {
            // "Image caption" / "The minister at the summit": the line a caption label announces.
            lines[i].class = Class::Clutter(BlockKind::Caption, "caption");
        } else if line.class == Class::Heading {
            continue;
        } else if next.is_some_and(Line::is_bare_credit) {
            // The text a bare image credit follows is the image's caption (or its first part).
            lines[i].class = Class::Clutter(BlockKind::Caption, "caption");
        } else if line.lower.contains("pictured") && prev.is_some_and(|p| matches!(p.class, Class::Clutter(BlockKind::Caption, _))) {
            // "Jane Roe, pictured at the launch in 2018, when she was a minister. ..." under its credit.
            lines[i].class = Class::Clutter(BlockKind::Caption, "caption");
        } else if line.sentences <= 2
            && prev.is_some_and(|p| p.class == Class::Heading && p.words >= 4)
            && matches!(next.map(|l| l.class), Some(Class::Clutter(BlockKind::Byline, _)))
        {
            // Between the headline and the byline: the standfirst, a summary the page shows
            // above the article; a heading of it, not one of its sentences.
            lines[i].class = Class::Heading;
        }
    }
}

impl Line {
    /// Whether the line only says that a caption comes next: "Image caption", "Media caption".
    fn is_caption_label(&self) -> bool {
        self.words <= 2 && matches!(self.class, Class::Clutter(..)) && self.lower.trim_end_matches(':').ends_with("caption")
    }

    /// Whether the line is an image credit and nothing else ("Getty Images", "Jane Roe/AP"):
    /// the caption it credits stands before it. A caption with words of its own before its
    /// credit ("The harbour at dawn (Image: Agency)") is whole, and a credit that names its
    /// image ("Main image credit: Agency") points away from the line before.
    fn is_bare_credit(&self) -> bool {
        let first = self.lower.as_bytes().first();
        let labelled = CAPTION_OPENINGS.iter().any(|p| p.as_bytes().first() == first && self.lower.starts_with(p));
        !labelled
            && matches!(self.class, Class::Clutter(BlockKind::Caption, _))
            && self.words <= 8
            && !self.lower.split(' ').next().is_some_and(|w| crate::lexicon::PAGE_NAMED.binary_search(&w).is_ok())
            && !crate::lexicon::PAGE_LABEL.iter().any(|l| self.lower.ends_with(l))
    }
}

/// Whether a paragraph is the publication speaking to its reader rather than telling the story,
/// outside quotation marks: a sentence opens with a call ("Follow Newsbeat on Instagram",
/// "Listen back here", "Like this story? Share it") that points "here", at "you", at the page
/// or at its networks; the paragraph speaks to "you" as "we" ("We'd like to hear what you think
/// about our articles", "If you click on one, we may receive a commission"); or it offers a
/// newsletter.
fn is_reader_notice(content: &str) -> bool {
    use crate::lexicon::{PAGE_CALL, PAGE_HOUSE, PAGE_NETWORK, PAGE_READER};
    let lower = normalize(content);
    let (mut reader, mut house, mut call, mut here, mut networks) = (false, false, false, false, 0);
    let mut quoted = false;
    let mut sentence_start = true;
    for token in lower.split(' ') {
        let opens = token.starts_with('"');
        let word = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if opens {
            quoted = true;
        }
        if !quoted && !word.is_empty() {
            reader |= PAGE_READER.binary_search(&word).is_ok();
            house |= PAGE_HOUSE.binary_search(&word).is_ok();
            here |= word == "here";
            networks += usize::from(PAGE_NETWORK.binary_search(&word).is_ok());
            call |= sentence_start && PAGE_CALL.binary_search(&word).is_ok();
        }
        if token.trim_end_matches(['.', ',', '!', '?', ':', ';', ')']).ends_with('"') && !(opens && token.len() == 1) {
            quoted = false;
        }
        if !word.is_empty() {
            sentence_start = token.ends_with(['.', '!', '?', ':']) || token.ends_with(".\"");
        }
    }
    // The page itself ("Like this story? Share it") or its newsletter.
    let page = crate::lexicon::PAGE_SELF.iter().any(|p| lower.contains(p));
    let newsletter = crate::lexicon::PAGE_NEWSLETTER.iter().any(|w| lower.contains(w));
    (call && (reader || here || page || networks >= 2)) || (reader && house) || newsletter
}

/// Whether a line stops on a word no sentence ends on ("... due to", "... of the").
fn is_cut_off(lower: &str) -> bool {
    let last = lower.rsplit(|c: char| !(c.is_alphanumeric() || c == '\'')).find(|w| !w.is_empty());
    last.is_some_and(|w| crate::lexicon::PAGE_OPEN.binary_search(&w).is_ok()) && lower.ends_with(char::is_alphanumeric)
}

/// Marks fact boxes and timelines beside an article: three short lines or more in a row, each a
/// label and its value ("Capacity: 3.2 gigawatts", "Owner: Acme Energy") or a date and its event
/// ("2008: Ministers back new plants", "March 2016 - Final decision"), with the heading above
/// them ("Key facts", "Timeline"). A box restates the story in fragments beside it; read as
/// running text it feeds takeaways and stances with them.
fn mark_fact_boxes(text: &str, lines: &mut [Line]) {
    let fact = |l: &Line| {
        matches!(l.class, Class::Body | Class::Heading | Class::Bullet(_))
            && l.words <= 25
            && l.sentences <= 1
            && is_fact_line(&text[l.start..l.end])
    };
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while j < lines.len() && fact(&lines[j]) {
            j += 1;
        }
        if j - i >= 3 {
            let head = i.checked_sub(1).filter(|&h| lines[h].class == Class::Heading && lines[h].words <= 6);
            for line in &mut lines[head.unwrap_or(i)..j] {
                line.class = Class::Clutter(BlockKind::Boilerplate, "factbox");
            }
        }
        i = j.max(i + 1);
    }
}

/// Whether a line is a fact of a box: a label and a short value ("Cost: £22bn"), or a date and
/// what happened then ("2013 - Deal signed"). A one-letter label is an interview's ("Q: ...").
fn is_fact_line(content: &str) -> bool {
    let content = content.trim_start_matches(|c: char| matches!(c, '•' | '-' | '*' | '–' | ' '));
    // A date: a year among the first three words ("2008", "March 2016", "12 March 2016"), then a separator.
    let mut at = 0;
    for w in content.split(' ').take(3) {
        let bare = w.trim_end_matches([':', ',']);
        if bare.len() == 4 && (bare.starts_with('1') || bare.starts_with("20")) && bare.bytes().all(|b| b.is_ascii_digit()) {
            let rest = &content[at + bare.len()..];
            if [":", " -", " –", " —"].iter().any(|s| rest.starts_with(s)) {
                return true;
            }
            break;
        }
        at += w.len() + 1;
    }
    // A label of one to three words, the first capitalised, then a colon and a short value.
    let Some((label, value)) = content.split_once(": ") else { return false };
    let label_words = label.split_whitespace().count();
    (1..=3).contains(&label_words)
        && label.chars().count() >= 2
        && label.starts_with(char::is_uppercase)
        && !label.contains(['(', '[', '"'])
        && value.split_whitespace().count() <= 15
}

/// Whether a line of three words or more is written in capitals.
fn is_shouted(content: &str, words: usize) -> bool {
    if words < 3 {
        return false;
    }
    // Most lines give themselves away within their first letters.
    let early_lower = content.bytes().filter(u8::is_ascii_alphabetic).take(24).filter(u8::is_ascii_lowercase).count();
    if early_lower > 2 {
        return false;
    }
    let (mut upper, mut lower) = (0, 0);
    for c in content.chars() {
        upper += usize::from(c.is_uppercase());
        lower += usize::from(c.is_lowercase());
    }
    words >= 3 && upper >= 8 && lower * 10 < upper
}

/// Whether a short line is an image credit: a photographer and an agency, nothing else
/// ("Michael Conroy, AP", "Natalie Naccache | Bloomberg | Getty Images", "Photo: Getty").
fn is_credit(lower: &str, words: usize, sentence: bool) -> bool {
    if words > 8 || sentence {
        return false;
    }
    let last = lower.rsplit(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '|' | '(' | ')' | '[' | ']')).find(|w| !w.is_empty());
    let agency = last.is_some_and(|w| CREDIT_AGENCIES.contains(&w));
    // A credit names someone: "Name Surname, AP", "Name/Reuters"; a bare agency word is a label,
    // but for the picture libraries, whose name alone credits an image ("Getty").
    let library = words == 1 && last.is_some_and(|w| crate::lexicon::PAGE_LIBRARY.binary_search(&w).is_ok());
    agency && (lower.contains([',', '/', '|']) || words >= 2) || library
}

/// Marks menus: four or more short lines in a row without final punctuation ("Business",
/// "Cloud", "Commerce", ...), or three of at most three words.
fn mark_menus(text: &str, lines: &mut [Line]) {
    let short = |l: &Line| !l.sentence && l.words <= 5 && !matches!(l.class, Class::Bullet(_)) && !text[l.start..l.end].ends_with(':');
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while j < lines.len() && short(&lines[j]) {
            j += 1;
        }
        let tiny = lines[i..j].iter().all(|l| l.words <= 3);
        if j - i >= 4 || (j - i >= 3 && tiny) {
            for line in &mut lines[i..j] {
                if !line.class_is_clutter() {
                    line.class = Class::Clutter(BlockKind::Boilerplate, "menu");
                }
            }
        }
        i = j.max(i + 1);
    }
}

impl Line {
    fn class_is_clutter(&self) -> bool {
        matches!(self.class, Class::Clutter(..))
    }

    /// How much the line speaks for being part of the article: running text scores by its
    /// length, short lines and clutter against, and headers of other stories or comments
    /// strongly against.
    fn score(&self) -> i64 {
        let words = self.words as i64;
        match self.class {
            _ if self.barrier && matches!(self.class, Class::Clutter(_, "comments")) => -120,
            _ if self.barrier => -10,
            // Headlines under a header of other stories: a block of links may stand between
            // two paragraphs of the article, so it costs less than other furniture.
            Class::Clutter(_, "related") => -(words.min(10) / 2 + 3),
            Class::Clutter(BlockKind::Caption | BlockKind::Byline, _) => -3,
            Class::Clutter(..) => -(words.min(10) + 4),
            Class::Heading | Class::Title => -(words.min(16) / 2 + 3),
            Class::Body | Class::Bullet(_) if self.sentence => words - 6,
            Class::Body | Class::Bullet(_) => -4,
        }
    }
}

/// Marks lists of other stories: three or more headlines in a row each followed by a
/// one-sentence teaser ("Minister Resigns Over Row" / "The minister resigned on Monday ...").
fn mark_teasers(lines: &mut [Line]) {
    let pair_at = |lines: &[Line], i: usize| {
        matches!(lines.get(i), Some(l) if l.class == Class::Heading && l.words >= 3 && !l.labelled)
            && matches!(lines.get(i + 1), Some(l) if l.class == Class::Body && l.sentence && l.sentences <= 1)
    };
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while pair_at(lines, j) {
            j += 2;
        }
        if j - i >= 6 {
            for line in &mut lines[i..j] {
                line.class = Class::Clutter(BlockKind::Boilerplate, "related");
            }
        }
        i = j.max(i + 1);
    }
}

/// Marks the headlines under a header of other stories ("Related articles", "Also on ...",
/// "Don't miss") as links, up to the first line of running text: a block of links stands
/// anywhere, between two paragraphs of the article as well as after it.
fn mark_related_blocks(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        if !(lines[i].barrier && matches!(lines[i].class, Class::Clutter(_, "related"))) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while let Some(line) = lines.get(j) {
            // Headlines, perhaps with their dates; a menu or a share bar is another block. A
            // headline may end as a sentence does ("Video shows rescue: \"We got her!\""): a
            // short one counts when another headline follows it.
            let link = match line.class {
                Class::Heading | Class::Clutter(BlockKind::Byline, _) => true,
                Class::Body if !line.sentence => line.words <= 30,
                Class::Body => line.words <= 14 && line.sentences == 1 && lines.get(j + 1).is_some_and(|next| next.class == Class::Heading),
                Class::Clutter(..) | Class::Bullet(_) | Class::Title => false,
            };
            if !link {
                break;
            }
            if !line.class_is_clutter() {
                lines[j].class = Class::Clutter(BlockKind::Boilerplate, "related");
            }
            j += 1;
        }
        i = j;
    }
}

/// Marks boxes that promote the publication's own products: a short heading, a line or two of
/// blurb and a button ("Breaking News Emails" / "Get breaking news alerts." / "SUBSCRIBE").
fn mark_promotion_boxes(lines: &mut [Line]) {
    for p in 0..lines.len() {
        if !(matches!(lines[p].class, Class::Clutter(_, "promotion")) && lines[p].words <= 3 && !lines[p].sentence) {
            continue;
        }
        let mut k = p;
        while k > 0 && p - k < 3 && matches!(lines[k - 1].class, Class::Body) && lines[k - 1].words <= 20 {
            k -= 1;
        }
        let Some(head) = k.checked_sub(1) else { continue };
        if k == p || !(lines[head].class == Class::Heading && lines[head].words <= 6) {
            continue;
        }
        for line in &mut lines[head..p] {
            line.class = Class::Clutter(BlockKind::Boilerplate, "promotion");
        }
    }
}

/// Marks a comment thread: everything after a comments header ("[ 167 comments ]", "Leave a
/// Reply") that follows some running text. Readers' comments are running text too, often more
/// of it than the article, so the region pass alone would take them for the article.
fn mark_comment_thread(lines: &mut [Line]) {
    let mut words_before = 0;
    let mut thread_from = None;
    for (i, line) in lines.iter().enumerate() {
        // A header, or a count of comments ("2 comments") over the first commenter's name and date.
        let count_over_comment = || {
            lines
                .get(i + 1..(i + 3).min(lines.len()))
                .is_some_and(|next| next.iter().any(|l| matches!(l.class, Class::Clutter(BlockKind::Byline, _))))
        };
        let comments = matches!(line.class, Class::Clutter(_, "comments"));
        if comments && words_before >= 150 && (line.barrier || (line.words <= 3 && count_over_comment())) {
            thread_from = Some(i);
            break;
        }
        if line.sentence && matches!(line.class, Class::Body | Class::Bullet(_)) {
            words_before += line.words;
        }
    }
    if let Some(from) = thread_from {
        for line in &mut lines[from..] {
            if !line.class_is_clutter() {
                line.class = Class::Clutter(BlockKind::Boilerplate, "comments");
            }
        }
    }
}

/// Marks everything outside the article: the stretch of lines with the largest sum of scores
/// (Kadane's maximum subarray), less the publication's notes at either end of it. Clutter inside
/// keeps its own kind; the headline just above the stretch (often with a byline between) and the
/// standfirst under it are the title.
fn mark_outside_article(text: &str, lines: &mut [Line]) {
    let Some((from, to)) = article_run(lines) else {
        return; // no running text at all: leave the lines as they are
    };
    let (from, to) = trim_notes(text, lines, from, to);
    // The title: the headline above the run, or else the first long heading in it before its
    // text; with the standfirst under it.
    let title = headline_above(lines, from).or_else(|| {
        let body = lines[from..to].iter().position(|l| l.sentence && l.class == Class::Body)?;
        (from..from + body).find(|&k| lines[k].class == Class::Heading && lines[k].words >= 4)
    });
    if let Some(t) = title {
        lines[t].class = Class::Title;
        mark_standfirst(text, lines, t);
    }
    for (i, line) in lines.iter_mut().enumerate() {
        // The author's summary heading just above the article belongs to it ("Key Points").
        let summary = line.summary && line.class == Class::Heading && i < from && i + 6 >= from;
        let inside = (from..to).contains(&i) || summary || line.class == Class::Title;
        if !inside && !line.class_is_clutter() {
            line.class = Class::Clutter(BlockKind::Boilerplate, "outside_article");
        }
    }
}

/// The stretch of lines richest in running text: the largest sum of line scores.
fn article_run(lines: &[Line]) -> Option<(usize, usize)> {
    let (mut best, mut best_from, mut best_to) = (0i64, 0usize, 0usize);
    let (mut sum, mut from) = (0i64, 0usize);
    for (i, line) in lines.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            from = i;
        }
        sum += line.score();
        if sum > best {
            best = sum;
            best_from = from;
            best_to = i + 1;
        }
    }
    (best_to > 0).then_some((best_from, best_to))
}

/// The run without the publication's notes: its greeting at the top ("Welcome to ..., your
/// source for ..."), its words to the reader at the end ("Follow us on ...", "We'd like to hear
/// what you think") and its notes on who wrote the story ("Jane Roe is a reporter for the Daily ...", "John Doe
/// contributed reporting from Hong Kong.").
fn trim_notes(text: &str, lines: &mut [Line], from: usize, to: usize) -> (usize, usize) {
    // From the end: every closing paragraph that is a note, up to the last of the story; a note
    // about the author may stand among them.
    let mut last = closing_notes(text, lines, from, to);
    if let Some(bio) = author_bio(text, lines, from, last) {
        last = closing_notes(text, lines, from, bio);
    }
    // From the start: the publication's greeting ("Welcome to the Daily Deals, your source for ...").
    let mut first = from;
    if let Some(i) = (from..last).find(|&i| lines[i].class == Class::Body) {
        if is_greeting(&lines[i].lower) {
            lines[i].class = Class::Clutter(BlockKind::Boilerplate, "promotion");
            first = i + 1;
        }
    }
    (first, last.max(first))
}

/// Marks the notes that close the run `from..to` (words to the reader, credits to contributors)
/// and returns where the story ends before them.
fn closing_notes(text: &str, lines: &mut [Line], from: usize, to: usize) -> usize {
    let mut last = to;
    for i in (from..to).rev() {
        let line = &lines[i];
        let content = &text[line.start..line.end];
        match line.class {
            Class::Body if is_reader_notice(content) => {
                lines[i].class = Class::Clutter(BlockKind::Boilerplate, "promotion");
                last = i;
            }
            Class::Body if is_contributor_note(content) => {
                lines[i].class = Class::Clutter(BlockKind::Byline, "contributor");
                last = i;
            }
            Class::Body | Class::Bullet(_) if line.sentence => break,
            _ => {}
        }
    }
    last
}

/// Marks a note about the author that closes the run `from..to` and runs on ("Jane Roe is a
/// reporter ... She previously wrote for ..."): a few short paragraphs, from the one that names
/// her role to the end. Returns where it starts.
fn author_bio(text: &str, lines: &mut [Line], from: usize, to: usize) -> Option<usize> {
    let tail = (from..to).rev().take(5).filter(|&i| lines[i].class == Class::Body).take(4).last()?;
    let bio = (tail..to).find(|&i| is_author_bio(&text[lines[i].start..lines[i].end]))?;
    if lines[bio..to].iter().any(|l| l.words > 90) {
        return None;
    }
    for line in &mut lines[bio..to] {
        if line.class == Class::Body {
            line.class = Class::Clutter(BlockKind::Byline, "contributor");
        }
    }
    Some(bio)
}

/// Whether a line greets the reader: "Welcome to the Daily Deals, your source for the best deals".
fn is_greeting(lower: &str) -> bool {
    use crate::lexicon::{PAGE_GREETING, PAGE_READER};
    let mut words = lower.split(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty());
    words.next().is_some_and(|w| PAGE_GREETING.binary_search(&w).is_ok())
        && words.next() == Some("to")
        && words.any(|w| PAGE_READER.binary_search(&w).is_ok())
}

/// The headline above the article: of the long headings in the few lines above it, the longest
/// (the lines between are bylines, credits and the author's name, shorter), a dated one last
/// ("October 12, 2018/0 Comments/in News /by admin"). A long headline may read as a line of text
/// without its stop, as a question, or as a sentence over its byline.
fn headline_above(lines: &[Line], from: usize) -> Option<usize> {
    let rank = |k: usize| {
        let line = &lines[k];
        // A headline may ask or exclaim ("..., and Twitter asks, Are you guys OK?"), or end with
        // a stop over its byline ("Harbour master quits after the storm." / "By Jane Doe").
        let bylined = matches!(lines.get(k + 1).map(|l| l.class), Some(Class::Clutter(BlockKind::Byline, _)));
        let asks = line.sentences <= 2 && (line.lower.ends_with(['?', '!']) || (bylined && line.words <= 20));
        let candidate = line.words >= 4
            && (line.class == Class::Heading || (line.class == Class::Body && (!line.sentence || asks) && line.words <= 30));
        candidate.then(|| (!is_dated(&line.lower), line.words))
    };
    let mut best: Option<(usize, (bool, usize))> = None;
    for k in (from.saturating_sub(6)..from).rev() {
        if let Some(r) = rank(k) {
            if best.is_none_or(|(_, b)| r > b) {
                best = Some((k, r));
            }
        }
    }
    best.map(|(k, _)| k)
}

/// Whether a line holds a date: a month's name and a year.
fn is_dated(lower: &str) -> bool {
    let mut words = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let month = words.clone().any(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)) && w.len() <= 9);
    month && words.any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit()))
}

/// Marks the standfirst under the title as part of it: one or two short paragraphs (40 words in
/// all) right under the headline that a byline, a picture, a promotion or a share bar parts from
/// the article
/// ("Our present financial ruin is being turned into a business model." / "Photograph: ...").
fn mark_standfirst(text: &str, lines: &mut [Line], title: usize) {
    // Right under the headline: after the byline, a short paragraph is the article's lead.
    let mut k = title + 1;
    let start = k;
    // A paragraph that opens with a dateline in capitals ("NEW YORK (Agency) - ...") is the lead.
    let dateline = |l: &Line| {
        let first = text[l.start..l.end].split_whitespace().next().unwrap_or("");
        let letters = first.trim_matches(|c: char| !c.is_alphabetic());
        letters.chars().count() >= 3 && letters.chars().all(char::is_uppercase)
    };
    let mut words = 0;
    while k < start + 2
        && lines.get(k).is_some_and(|l| {
            words += l.words;
            l.class == Class::Body && l.sentences <= 2 && words <= 40 && !dateline(l)
        })
    {
        k += 1;
    }
    // What parts a standfirst from the article: the byline, the picture, a promotion or a share bar.
    let parted = lines.get(k).is_some_and(|l| {
        matches!(l.class, Class::Clutter(BlockKind::Byline | BlockKind::Caption, _) | Class::Clutter(_, "promotion" | "share"))
    });
    let body_follows = lines[k..].iter().find(|l| !matches!(l.class, Class::Clutter(..) | Class::Heading));
    if k > start && parted && body_follows.is_some_and(|l| l.class == Class::Body && l.sentence) {
        for line in &mut lines[start..k] {
            line.class = Class::Title;
        }
    }
}

/// Whether a paragraph credits other reporters: "Keith Roe contributed reporting from Hong
/// Kong.", "Jane Doe and John Roe contributed to this report."
fn is_contributor_note(content: &str) -> bool {
    content.split_whitespace().count() <= 30
        && content.split_whitespace().next().is_some_and(|w| w.starts_with(char::is_uppercase))
        && crate::lexicon::PAGE_CONTRIBUTED.iter().any(|p| content.contains(p))
}

/// Whether a paragraph opens a note about the author: a name, "is a" and a writer's role in its
/// first words ("Meg Roe is a corporate media reporter for the Daily ...").
fn is_author_bio(content: &str) -> bool {
    let words: Vec<&str> = content.split_whitespace().take(16).collect();
    let Some(is) = words.iter().position(|&w| w == "is") else { return false };
    let named = (2..=4).contains(&is) && words[..is].iter().all(|w| w.starts_with(char::is_uppercase));
    named
        && matches!(words.get(is + 1), Some(&("a" | "an" | "the")))
        && words[is + 1..].iter().any(|w| {
            let w = crate::text::lowercase(w.trim_end_matches([',', '.']));
            crate::lexicon::PAGE_ROLE.binary_search(&w.as_str()).is_ok()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, BlockKind)> {
        clean(text).kinds(text)
    }

    #[test]
    fn fused_bullet_numbers_are_not_text() {
        let text = "Key Takeaways\n  • 1The U.S. asked Israel to wait.\n  • 12Iran agreed.\n";
        let reasons: Vec<&str> = clean(text).removed.iter().map(|r| r.reason).collect();
        assert_eq!(reasons, ["bullet_number", "bullet_number"]);
        assert_eq!(
            kinds(text),
            [
                ("Key Takeaways", BlockKind::Heading),
                ("The U.S. asked Israel to wait.", BlockKind::AuthorTakeaway),
                ("Iran agreed.", BlockKind::AuthorTakeaway)
            ]
        );
    }

    #[test]
    fn furniture_and_titles() {
        let text = "Leaders Meet in Geneva for Talks\n\nBy Jane Doe\nThe talks began.\nShare Article\n📰\nRelated Articles\n";
        assert_eq!(
            kinds(text),
            [
                ("Leaders Meet in Geneva for Talks", BlockKind::Title),
                ("By Jane Doe", BlockKind::Byline),
                ("The talks began.", BlockKind::Body),
                ("Share Article", BlockKind::Boilerplate),
                ("📰", BlockKind::Boilerplate),
                ("Related Articles", BlockKind::Boilerplate),
            ]
        );
    }

    #[test]
    fn lines_by_class() {
        use BlockKind::*;
        let cases: &[(&str, BlockKind)] = &[
            ("Share prices fell sharply on Monday after the announcement.", Body),
            ("Share this with Email Facebook Messenger", Boilerplate),
            ("Media playback is not supported on this device", Boilerplate),
            ("We use cookies to improve your experience.", Boilerplate),
            ("Sign up for our daily newsletter", Boilerplate),
            ("Terms of Use | Privacy Policy | Contact", Boilerplate),
            ("12 Comments", Boilerplate),
            ("{* loginForm *}", Boilerplate),
            ("Updated: March 3, 2021 10:04 AM", Byline),
            ("5 min read", Byline),
            ("Image Credit: Some Agency", Caption),
            ("Smoke over the harbour at dusk. (Jane Roe/Agency)", Caption),
            ("A lander on the lunar surface, as an artist sees it [Lander Co via AP]", Caption),
            ("Ships at anchor off the coast.Credit...Jane Roe/The Daily", Caption),
            ("Subscribe to The Daily and stay informed.", Boilerplate),
            (
                "Start your week with The Harbour Brief. The Harbour Brief is the first read of port traders. \
                 Sign up for the free weekly newsletter.",
                Boilerplate,
            ),
            ("Get our newsletter in your inbox each day. It is the best guide to the harbour.", Boilerplate),
            ("The mayor writes a newsletter to residents. Sign-ups rose by a third this year.", Body),
            ("Join the queue, she said. The newsletter was late.", Body),
            ("A tanker at anchor near the port. (AP Photo/Jane Roe)", Caption),
            ("May", Heading),
            ("1996-08-30", Heading),
            ("Strategic Analysis", Heading),
        ];
        for &(line, want) in cases {
            let got = clean(line).blocks.first().map(|b| b.kind);
            assert_eq!(got, Some(want), "{line}");
        }
    }

    #[test]
    fn lines_of_pasted_pages() {
        use BlockKind::*;
        let cases: &[(&str, BlockKind)] = &[
            ("Wire Service March 3, 2021 10:04 AM", Byline),
            ("View of the harbour at dawn, showing the new cranes and moorings.", Caption),
            ("Officials say the harbour is open again after the storm.", Body),
            ("Ministers gathered in the capital, hoping for a deal.", Body),
            ("Israel warns Iran, citing threats to its ships.", Body),
        ];
        let paragraph = "The harbour reopened on Monday after a week of storms that kept every ship at anchor offshore.";
        for &(line, want) in cases {
            let page = format!("Share\nPrivacy Policy\n{paragraph}\n{line}\n{paragraph}\n");
            let got = clean(&page).kinds(&page).into_iter().find(|(t, _)| *t == line).map(|(_, k)| k);
            assert_eq!(got, Some(want), "{line}");
        }
    }

    #[test]
    fn a_page_keeps_only_its_article() {
        let text = "Home\nWorld\nBusiness\nSport\nLogin\n\
            Ships Return to the Harbour After the Storm\n\
            By Jane Doe\n\
            The harbour reopened on Monday after a week of storms that kept every ship at anchor offshore.\n\
            Port officials said the damage to the quays was lighter than they had feared, and cranes were working again.\n\
            Related Stories\n\
            A different story about the markets with a long teaser sentence that goes on and on.\n\
            Privacy Policy\n";
        let got = kinds(text);
        let body: Vec<&str> = got.iter().filter(|(_, k)| *k == BlockKind::Body).map(|(t, _)| *t).collect();
        assert_eq!(body.len(), 2, "{got:?}");
        assert!(body[0].starts_with("The harbour reopened"));
        assert!(got.iter().any(|&(t, k)| t.starts_with("Ships Return") && k == BlockKind::Title));
        assert!(got.iter().any(|&(t, k)| t.starts_with("A different story") && k == BlockKind::Boilerplate));
    }

    #[test]
    fn a_line_a_page_repeats_is_no_body() {
        let paragraph = "The harbour reopened on Monday after a week of storms that kept every ship at anchor offshore.";
        let headline = "Is the Harbour Safe Again After the Storm?";
        let page = format!("Share\nPrivacy Policy\n{headline}\n{headline}\n{paragraph}\n");
        let kinds = clean(&page).kinds(&page);
        assert!(kinds.iter().filter(|(t, _)| *t == headline).all(|(_, k)| *k != BlockKind::Body), "{kinds:?}");
    }

    #[test]
    fn an_article_pasted_twice_keeps_its_first_copy() {
        let article = "The harbour reopened on Monday after a week of storms that kept every ship at anchor offshore.\n\
            Fishermen said the quays had never been so quiet, and the port authority promised repairs by spring.\n";
        let page = format!("Share\nPrivacy Policy\n{article}{article}");
        let kinds = clean(&page).kinds(&page);
        let body: Vec<usize> = kinds.iter().enumerate().filter(|(_, (_, k))| *k == BlockKind::Body).map(|(i, _)| i).collect();
        let first = kinds.iter().position(|(t, _)| t.starts_with("The harbour")).unwrap_or(usize::MAX);
        assert_eq!(body, [first, first + 1], "{kinds:?}");
    }

    #[test]
    fn an_article_with_a_results_table_keeps_every_line() {
        let text = "Rain stopped play in the second match of the series on Friday afternoon.\nTeam One 210\nTeam Two 190\nTeam Three 150\nTeam Four 120\n";
        assert!(kinds(text).iter().all(|(_, k)| !k.is_clutter()));
    }

    #[test]
    fn escaped_line_breaks_split_lines() {
        assert_eq!(kinds("alpha beta\\ngamma\\n").len(), 2);
        assert_eq!(kinds("a\\nb\nc").len(), 2); // real breaks win
    }

    #[test]
    fn odd_text_never_panics_and_spans_stay_on_boundaries() {
        let cases = [
            "",
            "\\n",
            "\\n\\n",
            "•",
            "• ",
            "•1",
            "• 1",
            "1.",
            "1)",
            "a.",
            "[",
            "(",
            "[.",
            "(…",
            ". . . .",
            " . . .",
            "|",
            " | | ",
            "©",
            "{*",
            "</",
            "Ä",
            "😀😀",
            "cookies",
            "Cookies\u{a0}website",
            "ookie",
            "c",
            "C",
            "Key Points\nA.\n",
            "Share\nHome\nA\nB\nC\nD\n\u{2019}\u{201C}\u{2014}",
            "by ",
            "By",
            "(Reporting by",
            "Published: ",
            "2 days ago",
            "May 5",
            "\u{e2}",
            "x/y)",
            "(a/b)",
            "[File: Reuters]",
            "\u{0}\u{1}\r\n\r\n",
        ];
        for text in cases {
            let cleaned = clean(text);
            for b in &cleaned.blocks {
                assert!(b.start <= b.end && b.end <= text.len(), "{text:?}");
                assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end), "{text:?}");
            }
            for r in &cleaned.removed {
                assert!(r.start <= r.end && r.end <= text.len() && text.is_char_boundary(r.start), "{text:?}");
            }
            let _ = crate::segment::segment(text, &cleaned);
        }
    }

    /// Invented paragraphs of one story, long enough to read as running text.
    const P1: &str = "The harbour reopened on Monday after a week of storms that kept every ship at anchor offshore and the quays empty.";
    const P2: &str =
        "Port officials said the damage to the quays was lighter than they had feared, and the cranes were working again by noon.";
    const P3: &str = "Fishing crews, who lost a week of catches, asked the town council for help with the cost of repairs to their boats.";
    const P4: &str = "The council said it would decide on Thursday how much of the emergency fund could go to the crews and the harbour.";
    const P5: &str = "Insurers sent assessors to the harbour on Tuesday, and the first claims were expected to be paid within a month.";
    const P6: &str = "The ferry company said its boats would sail again on Wednesday morning, a day later than it had first announced.";
    const P7: &str = "Shops along the front stayed closed for most of the week, and several owners said they had lost their busiest days.";
    const P8: &str =
        "Forecasters warned that another band of strong winds could reach the coast at the weekend, though it should be weaker.";

    /// A pasted page: a menu and a headline above `lines`, a footer below.
    fn page(lines: &[&str]) -> String {
        let mut text = String::from("Home\nWorld\nBusiness\nSport\nShare this page\n");
        text.push_str("Ships Return to the Harbour After the Storm\n");
        for line in lines {
            text.push_str(line);
            text.push('\n');
        }
        text.push_str("Related Stories\nA Different Story About the Markets Today\nPrivacy Policy\nTerms of Use\n");
        text
    }

    /// The kind of the block that is exactly `line` in `text`'s cleaning.
    fn kind_of(text: &str, line: &str) -> Option<BlockKind> {
        clean(text).kinds(text).into_iter().find(|(t, _)| *t == line).map(|(_, k)| k)
    }

    /// A named shape of page clutter: the page's lines, and the kind some of them must get.
    struct Shape {
        name: &'static str,
        lines: &'static [&'static str],
        want: &'static [(&'static str, BlockKind)],
    }

    /// Shapes of clutter on real pages (issue 18), told by their form and place, with invented text.
    const SHAPES: &[Shape] = &[
        Shape {
            name: "a block of links between paragraphs; the article goes on after it",
            lines: &[P1, P2, "Also on example.com", "Council Votes to Sell the Old Lighthouse to a Hotel Group", P3, P4],
            want: &[
                (P1, BlockKind::Body),
                ("Council Votes to Sell the Old Lighthouse to a Hotel Group", BlockKind::Boilerplate),
                (P3, BlockKind::Body),
                ("Ships Return to the Harbour After the Storm", BlockKind::Title),
            ],
        },
        Shape {
            name: "links tagged in capitals under a header",
            lines: &[P1, P2, "DON'T MISS", "Storm Warning Issued for the Coast [VIDEO]", "Ferry Fares Rise Again [INSIGHT]", P3, P4],
            want: &[("Storm Warning Issued for the Coast [VIDEO]", BlockKind::Boilerplate), (P3, BlockKind::Body)],
        },
        Shape {
            name: "a caption label announces the caption; a label before its credit",
            lines: &[P1, P2, "Image copyright", "Getty Images", "Image caption", "Cranes on the quay at dawn", P3, P4],
            want: &[(P2, BlockKind::Body), ("Cranes on the quay at dawn", BlockKind::Caption), (P3, BlockKind::Body)],
        },
        Shape {
            name: "a bare credit under its caption; a caption with its own credit is whole",
            lines: &[
                P1,
                "Boats tied up along the north quay on Monday.",
                "Jane Roe/Reuters",
                P2,
                "The mayor visited the quay on Tuesday. (Image: AGENCY)",
                P3,
                P4,
            ],
            want: &[
                ("Boats tied up along the north quay on Monday.", BlockKind::Caption),
                (P2, BlockKind::Body),
                (P3, BlockKind::Body),
            ],
        },
        Shape {
            name: "the publication's notes to its reader close the article",
            lines: &[
                P1,
                P2,
                P3,
                "Follow the Harbour Daily on Instagram, Facebook and Twitter.",
                "We'd like to hear what you think about this or any of our articles.",
                "Like this story? Share it with a friend!",
            ],
            want: &[
                (P3, BlockKind::Body),
                ("Follow the Harbour Daily on Instagram, Facebook and Twitter.", BlockKind::Boilerplate),
                ("We'd like to hear what you think about this or any of our articles.", BlockKind::Boilerplate),
                ("Like this story? Share it with a friend!", BlockKind::Boilerplate),
            ],
        },
        Shape {
            name: "contributors and the author's note are bylines",
            lines: &[
                P1,
                P2,
                P3,
                "Jane Roe and John Doe contributed reporting from the coast.",
                "Mary Major is a maritime reporter for the Harbour Daily, covering ports and shipping. She previously wrote for the Coast Courier.",
            ],
            want: &[
                (P3, BlockKind::Body),
                ("Jane Roe and John Doe contributed reporting from the coast.", BlockKind::Byline),
                (
                    "Mary Major is a maritime reporter for the Harbour Daily, covering ports and shipping. She previously wrote for the Coast Courier.",
                    BlockKind::Byline,
                ),
            ],
        },
        Shape {
            name: "a promotion box: heading, blurb, button",
            lines: &[P1, P2, "Breaking News Emails", "Get alerts and special reports.", "SUBSCRIBE", P3, P4],
            want: &[("Get alerts and special reports.", BlockKind::Boilerplate), (P3, BlockKind::Body)],
        },
        Shape {
            name: "the standfirst under the headline, parted from the article by a picture",
            lines: &["Calm returns to a battered coast.", "Photo: Jane Roe/Agency", P1, P2, P3],
            want: &[("Calm returns to a battered coast.", BlockKind::Title), (P1, BlockKind::Body)],
        },
        Shape {
            name: "after the byline, a short paragraph over a picture is the lead",
            lines: &["By Jane Doe", P1, "Image copyright", "Getty Images", P2, P3],
            want: &[(P1, BlockKind::Body)],
        },
        Shape {
            name: "a fact box and a timeline",
            lines: &[
                P1,
                P2,
                "Key facts",
                "Length: 2.4 kilometres",
                "Built: 1887",
                "Owner: Harbour Trust",
                "Timeline",
                "1887: The harbour opens",
                "1953 - A storm breaks the north wall",
                "2019: Repairs begin",
                P3,
                P4,
            ],
            want: &[
                ("Owner: Harbour Trust", BlockKind::Boilerplate),
                ("1953 - A storm breaks the north wall", BlockKind::Boilerplate),
                ("Key facts", BlockKind::Boilerplate),
                (P3, BlockKind::Body),
            ],
        },
        Shape {
            name: "'Profile:' and 'Timeline' link lines",
            lines: &[P1, "Profile: The Harbour Trust", P2, "Timeline: A century of storms", P3],
            want: &[("Profile: The Harbour Trust", BlockKind::Boilerplate), ("Timeline: A century of storms", BlockKind::Boilerplate)],
        },
        Shape {
            name: "a teaser cut off where the page ran out of room",
            lines: &[P1, P2, "Ferry Fares Rise Again", "In recent months, hundreds of travellers have complained about the price of the crossing due to", P3],
            want: &[
                ("In recent months, hundreds of travellers have complained about the price of the crossing due to", BlockKind::Boilerplate),
                (P3, BlockKind::Body),
            ],
        },
        Shape {
            name: "a long line in capitals is another story's headline",
            lines: &[P1, P2, "COAST GUARD CHIEF OPENS UP ABOUT THE NIGHT OF THE STORM", P3],
            want: &[("COAST GUARD CHIEF OPENS UP ABOUT THE NIGHT OF THE STORM", BlockKind::Boilerplate), (P3, BlockKind::Body)],
        },
        Shape {
            name: "a paragraph that ends with an emoji ends as a sentence",
            lines: &[P1, "We hope to see the ferries back on the water very soon, said the harbour master! 🙂", P2, P3],
            want: &[("We hope to see the ferries back on the water very soon, said the harbour master! 🙂", BlockKind::Body)],
        },
    ];

    #[test]
    fn shapes_of_page_clutter() {
        for shape in SHAPES {
            let text = page(shape.lines);
            for &(line, want) in shape.want {
                assert_eq!(kind_of(&text, line), Some(want), "{}: {line:?}\n{:#?}", shape.name, clean(&text).kinds(&text));
            }
        }
    }

    #[test]
    fn a_headline_with_a_stop_over_its_byline_is_the_title() {
        let headline = "Harbour master quits after the storm.";
        let text = format!(
            "Home\nWorld\nBusiness\nSport\nShare this page\nPrivacy Policy\n{headline}\nBy Jane Doe\n{P1}\n{P2}\n{P3}\nTerms of Use\n"
        );
        assert_eq!(kind_of(&text, headline), Some(BlockKind::Title));
        assert_eq!(kind_of(&text, P1), Some(BlockKind::Body));
    }

    #[test]
    fn blocks_fused_to_a_first_sentence_are_split_off() {
        let headline = "Hinkley delay is a high stakes bet";
        let sentence = "Tom Greatrex, chief executive of the trade body, urged the government to back new plants.";
        let bar = "Share this with Email Facebook Messenger Twitter";
        let lead = "The government said it remained committed to new nuclear power stations in the coming decade.";
        let text = page(&[P1, &format!("{headline}{sentence}"), &format!("{bar} {lead}"), P2, P3]);
        assert_eq!(kind_of(&text, headline), Some(BlockKind::Boilerplate));
        assert_eq!(kind_of(&text, sentence), Some(BlockKind::Body));
        assert_eq!(kind_of(&text, bar), Some(BlockKind::Boilerplate));
        assert_eq!(kind_of(&text, lead), Some(BlockKind::Body));
        // A name the text writes the same way elsewhere is a name, not a seam.
        let name = "The pitcher Jacob deGrom won the award again on Wednesday, the league said in a statement.";
        let text = page(&[P1, name, "Fans cheered deGrom at the stadium on Thursday night before the game.", P2]);
        assert_eq!(kind_of(&text, name), Some(BlockKind::Body));
    }

    #[test]
    fn a_comment_count_over_a_commenter_starts_the_thread() {
        let comment = "I made this jam today and it turned out really good, though it needed more fruit than it says.";
        let text = page(&[P1, P2, P3, P4, P5, P6, P7, P8, "2 comments", "Jane Roe August 17, 2019 - 2:19 pm", comment]);
        assert_eq!(kind_of(&text, comment), Some(BlockKind::Boilerplate));
        assert_eq!(kind_of(&text, P4), Some(BlockKind::Body));
    }

    #[test]
    fn a_line_break_inside_a_sentence_joins_its_lines() {
        // Cut as text from a PDF or an e-mail is: one sentence, one block.
        let text = "It was a cold \nnight in the city.";
        assert_eq!(clean(text).blocks.len(), 1);
        let text = "The talks went on for three days and\nended with a deal on\nport fees.\nA New Line";
        assert_eq!(kind_of(text, "The talks went on for three days and\nended with a deal on\nport fees."), Some(BlockKind::Body));
        // A heading over the text, and lines that never reach an end, stay apart.
        let text = "Results of South Korean pro-soccer\ngames played on Sunday.";
        assert_eq!(clean(text).blocks.len(), 2);
        let text = "Leading scores in\nthe open after the first round";
        assert_eq!(clean(text).blocks.len(), 2);
    }

    #[test]
    fn matching_folds_typography() {
        assert_eq!(normalize("Editor’s “Desk” – 1\u{a0}A"), "editor's \"desk\" - 1 a");
    }
}
