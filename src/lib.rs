//! article-lens reads a pasted news article and finds what a reader wants from it at a glance:
//! the **key takeaways**, the **actors** (countries, people, organisations, groups; their aliases
//! merged as a reader merges them) and their **stances** toward each other, every item backed by
//! offsets into the pasted text.
//!
//! # Overview
//! The work is a pipeline of plain-Rust stages, each a module with one entry function taking the
//! previous stage's output:
//!
//! 1. [`clean`](crate::clean): marks pasted clutter (share buttons, captions, bylines, headings) and
//!    bullets, keeping every offset of the original text.
//! 2. [`segment`](crate::segment): sentences with kinds (body, title, heading, bullet, ...).
//! 3. [`words`](crate::words): every sentence's tokens and folded words, read once for the stages after.
//! 4. [`actors`](crate::actors): mentions from gazetteers and name patterns, merged into actors.
//! 5. [`stances`](crate::stances): actor → verb → target, with the evidence span.
//! 6. [`takeaways`](crate::takeaways): the sentences that carry the story.
//! 7. [`story`](crate::story): what the findings add up to: each actor's salience, the relations
//!    between actors and their tone.
//! 8. [`report`](crate::report): the one serializable view, offsets in UTF-16 code units.
//!
//! [`analyze`] runs them all; the CLI (`src/bin/article-lens.rs`) and the WebAssembly binding
//! (`src/wasm.rs`) are thin doors onto it.
//!
//! ```
//! let report = article_lens::analyze("Washington urged Tehran to return to talks.", &Default::default()).unwrap();
//! assert!(report.actors.iter().any(|a| a.id == "united-states"));
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod actors;
mod clean;
mod error;
mod fasthash;
mod lexicon;
mod phf;
mod report;
mod segment;
mod sort;
mod stances;
mod story;
pub mod syntax;
mod takeaways;
mod text;
mod vocabulary;
#[cfg(target_arch = "wasm32")]
mod wasm;
mod word_lists;
mod words;

pub use crate::error::Error;
pub use crate::report::{Actor, AuthorTakeaway, Mention, Relation, Removed, Report, SentenceSpan, Span, Stance, Takeaway, REPORT_VERSION};
/// The JS-facing `analyze` (report as a JS object), exposed for the in-browser tests.
#[cfg(target_arch = "wasm32")]
pub use crate::wasm::analyze as wasm_analyze;

/// The largest input [`analyze`] accepts, in bytes of UTF-8: above it the widget would stop being
/// instant, so it says so instead of freezing the page.
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;

/// Choices a caller can make about one analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// How many takeaways to pick (clamped to 1..=10); `None` lets the article decide, 3 to 5.
    pub takeaways: Option<usize>,
    /// The confidence under which a stance counts as unsure: the widget holds it back and
    /// relations leave it out. `None` is [`DEFAULT_STANCE_THRESHOLD`].
    pub stance_threshold: Option<f32>,
}

/// The confidence under which a stance is held back as unsure, unless [`Options`] says otherwise:
/// calibrated on the stance gold so that the stances shown are right about 85 times in 100.
pub const DEFAULT_STANCE_THRESHOLD: f32 = stances::THRESHOLD;

/// Analyses one article: the whole pipeline, from pasted text to report.
///
/// Fails only on input it refuses to work on (too large); any text within the limit, however
/// messy, gives a report.
pub fn analyze(text: &str, options: &Options) -> Result<Report, Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::too_large(text.len(), MAX_INPUT_BYTES));
    }
    Ok(run_stages(text, options, &mut |_| {}))
}

/// The stages in order; `lap(name)` is called as each one ends, so a caller can time them.
fn run_stages(text: &str, options: &Options, lap: &mut dyn FnMut(&'static str)) -> Report {
    let cleaned = clean::clean(text);
    lap("clean");
    let sentences = segment::segment(text, &cleaned);
    lap("segment");
    let words = words::Words::new(text, &sentences);
    lap("words");
    let syntax = syntax::Syntax::new(text, &words, sentences.len());
    lap("syntax");
    let mut cast = actors::find_actors(text, &sentences, &words, &syntax);
    lap("actors");
    let (stances, references) = stances::find_stances(text, &sentences, &words, &syntax, &cast);
    // "he said", "the company said": the words a stance's actor was read from are mentions of it too.
    cast.add_references(references);
    lap("stances");
    let takeaways = takeaways::pick_takeaways(text, &sentences, &words, &cast, &stances, options.takeaways);
    lap("takeaways");
    let threshold = options.stance_threshold.filter(|t| t.is_finite()).unwrap_or(DEFAULT_STANCE_THRESHOLD).clamp(0.0, 1.0);
    let story = story::Story::new(&cast, sentences.len(), &stances, threshold);
    let report = report::build(text, &cleaned, &sentences, &cast, &stances, &story, &takeaways, threshold);
    lap("report");
    report
}

/// Each stage's name with the seconds it took, in pipeline order.
#[doc(hidden)]
pub type StageTimes = Vec<(&'static str, f64)>;

/// [`analyze`] with the time each stage took, in pipeline order, read from `clock` (seconds):
/// what `article-lens bench` prints. The caller brings the clock, so the library needs none.
#[doc(hidden)]
pub fn analyze_timed(text: &str, options: &Options, clock: &mut dyn FnMut() -> f64) -> Result<(Report, StageTimes), Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::too_large(text.len(), MAX_INPUT_BYTES));
    }
    let mut laps = Vec::with_capacity(7);
    let mut last = clock();
    let report = run_stages(text, options, &mut |name| {
        let now = clock();
        laps.push((name, now - last));
        last = now;
    });
    Ok((report, laps))
}
