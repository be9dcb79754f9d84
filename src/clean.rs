//! Stage 1: a view of the pasted text that marks what is not the article.
//!
//! People paste whole pages: headlines, image captions, "Share Article", bylines, bullet lists
//! with their numbers fused to the first word ("• 1The U.S. asked..."). This stage reads the text
//! line by line and gives each line a kind, so no later stage shows clutter. It never changes the
//! text: every block is a byte span of the original, and what it drops is listed with a reason.

use crate::text::is_closing;

/// What a line of the pasted text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// The article's headline: the first heading-like line before any body text.
    Title,
    /// Running text of the article.
    Body,
    /// A short line without final punctuation: a section heading or a publisher's label.
    Heading,
    /// A list item.
    Bullet,
    /// A list item of the author's own summary ("Key Takeaways").
    AuthorTakeaway,
    /// An image caption or credit.
    Caption,
    /// Page furniture: share and related-article blocks, promotions, symbols.
    Boilerplate,
    /// Author, date and reading-time lines.
    Byline,
}

impl BlockKind {
    /// Whether the kind is clutter, which never feeds actors, stances or takeaways.
    pub fn is_clutter(self) -> bool {
        matches!(self, BlockKind::Caption | BlockKind::Boilerplate | BlockKind::Byline)
    }

    /// The name the report uses for sentences of this kind.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Body => "body",
            BlockKind::Heading => "heading",
            BlockKind::Bullet => "bullet",
            BlockKind::AuthorTakeaway => "author_takeaway",
            BlockKind::Caption => "caption",
            BlockKind::Boilerplate => "boilerplate",
            BlockKind::Byline => "byline",
        }
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

/// Lines that start a share, related-content or promotion block, lower case.
const FURNITURE: &[(&str, &str)] = &[
    ("share article", "share"),
    ("share this", "share"),
    ("share on", "share"),
    ("share via", "share"),
    ("share", "share"),
    ("related articles", "related"),
    ("related stories", "related"),
    ("related", "related"),
    ("more on this story", "related"),
    ("read more", "related"),
    ("read next", "related"),
    ("no related articles", "related"),
    ("recommended", "related"),
    ("advertisement", "promotion"),
    ("sign up", "promotion"),
    ("subscribe", "promotion"),
    ("follow us", "promotion"),
    ("newsletter", "promotion"),
    ("click here", "promotion"),
    ("download the app", "promotion"),
    ("media playback is", "promotion"),
    ("we use cookies", "cookies"),
    ("accept cookies", "cookies"),
    ("cookie", "cookies"),
    ("all rights reserved", "legal"),
    ("copyright", "legal"),
    ("©", "legal"),
    ("comments", "share"),
    ("print", "share"),
    ("email", "share"),
];

/// Headings that introduce the author's own summary bullets, lower case.
const SUMMARY_HEADINGS: &[&str] =
    &["key takeaways", "key points", "takeaways", "highlights", "at a glance", "in brief", "summary", "what to know", "the big picture", "quick read"];

/// Openings of image captions and credits, lower case.
const CAPTION_OPENINGS: &[&str] = &[
    "detail of", "a view of", "view of", "photo:", "photo by", "photograph:", "image:", "image source", "file photo",
    "pictured", "caption:", "credit:", "illustration:",
];

/// Marks the blocks and clutter of `text`.
pub(crate) fn clean(text: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let mut seen_body = false;
    let mut in_summary = false;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let Some((s, e)) = trim_span(text, start, start + line.len()) else { continue };
        let content = &text[s..e];
        let lower = content.to_lowercase();
        let words = content.split_whitespace().count();

        if let Some(reason) = furniture(content, &lower, words) {
            out.push(s, e, BlockKind::Boilerplate, Some(reason));
            continue;
        }
        if is_byline(content, &lower, words) {
            out.push(s, e, BlockKind::Byline, Some("byline"));
            continue;
        }
        if CAPTION_OPENINGS.iter().any(|p| lower.starts_with(p)) {
            out.push(s, e, BlockKind::Caption, Some("caption"));
            continue;
        }
        if let Some(body_start) = bullet_content(content) {
            let kind = if in_summary { BlockKind::AuthorTakeaway } else { BlockKind::Bullet };
            if body_start > 0 {
                out.removed.push(Removal { start: s, end: s + body_start, reason: "bullet_marker" });
            }
            out.blocks.push(Block { start: s + body_start, end: e, kind });
            continue;
        }
        in_summary = false;
        if is_heading(content, words) {
            let key = lower.trim_end_matches(':');
            in_summary = SUMMARY_HEADINGS.contains(&key);
            let kind = if !seen_body && words >= 4 && out.blocks.iter().all(|b| b.kind != BlockKind::Title) {
                BlockKind::Title
            } else {
                BlockKind::Heading
            };
            out.blocks.push(Block { start: s, end: e, kind });
            continue;
        }
        seen_body = true;
        out.blocks.push(Block { start: s, end: e, kind: BlockKind::Body });
    }
    out
}

impl Cleaned {
    fn push(&mut self, start: usize, end: usize, kind: BlockKind, reason: Option<&'static str>) {
        self.blocks.push(Block { start, end, kind });
        if let Some(reason) = reason {
            self.removed.push(Removal { start, end, reason });
        }
    }
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

/// The reason a line is page furniture, if it is: a known opening on a short line, or no letters at all.
fn furniture(content: &str, lower: &str, words: usize) -> Option<&'static str> {
    if !content.chars().any(char::is_alphanumeric) {
        return Some("symbols");
    }
    if words > 12 {
        return None;
    }
    // A line that ends as a sentence is furniture only when it is a notice ("We use cookies.");
    // "Share prices fell." is news.
    let sentence = content.ends_with(['.', '!', '?']);
    FURNITURE
        .iter()
        .find(|(opening, reason)| {
            lower.starts_with(opening)
                && !lower[opening.len()..].chars().next().is_some_and(char::is_alphanumeric)
                && (!sentence || matches!(*reason, "cookies" | "legal" | "promotion"))
        })
        .map(|(_, reason)| *reason)
}

/// Whether a line is an author, date or reading-time line.
fn is_byline(content: &str, lower: &str, words: usize) -> bool {
    if words > 12 {
        return false;
    }
    let by = lower.starts_with("by ") && content[3..].split_whitespace().all(|w| {
        w.chars().next().is_some_and(|c| c.is_uppercase()) || matches!(w, "and" | "in" | "|" | "," | "-")
    });
    let stamp = ["published", "updated", "posted", "last updated"].iter().any(|p| lower.starts_with(p));
    let read_time = lower.ends_with("min read") || lower.ends_with("minute read") || lower.ends_with("mins read");
    by || stamp || read_time
}

/// Where a bullet's text starts after its marker and any number fused to it ("• 1The" → at "The").
fn bullet_content(content: &str) -> Option<usize> {
    let first = content.chars().next()?;
    let after_marker = if matches!(first, '•' | '·' | '▪' | '◦' | '‣' | '●' | '■' | '–' | '—' | '*' | '-') {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, BlockKind)> {
        clean(text).blocks.iter().map(|b| (&text[b.start..b.end], b.kind)).collect()
    }

    #[test]
    fn fused_bullet_numbers_are_not_text() {
        let text = "Key Takeaways\n  • 1The U.S. asked Israel to wait.\n  • 12Iran agreed.\n";
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
    fn a_sharing_sentence_is_not_furniture() {
        let text = "Share prices fell sharply on Monday after the announcement.";
        assert_eq!(kinds(text), [(text, BlockKind::Body)]);
    }
}
