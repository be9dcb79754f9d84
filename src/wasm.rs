//! The WebAssembly door: the only file that knows wasm-bindgen.
//!
//! `analyze(text, options?)` returns the report as a plain JS object; an error becomes a thrown
//! JS `Error` whose message is the Rust error's text.

use serde::Serialize as _;
use wasm_bindgen::prelude::*;

use crate::{Options, REPORT_VERSION};

/// Analyses one article and returns its report (see DESIGN.md, report version 1).
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let report = crate::analyze(text, &read_options(&options)?)?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    report.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// Reads the page's options, `{ takeaways?: number, stanceThreshold?: number }` (unknown fields
/// ignored); undefined or null is the default. Read by hand rather than with serde: a
/// deserializer, with the float formatting of its error messages, weighed about 20 KB of gzipped wasm.
fn read_options(options: &JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() {
        return Err(JsError::new("bad options: expected an object such as { takeaways: 3 }"));
    }
    let field = |name: &str| {
        js_sys::Reflect::get(options, &JsValue::from_str(name))
            .map(|v| if v.is_undefined() || v.is_null() { None } else { Some(v) })
            .map_err(|_| JsError::new(&format!("bad options: cannot read {name}")))
    };
    let mut out = Options::default();
    if let Some(takeaways) = field("takeaways")? {
        match takeaways.as_f64() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) => out.takeaways = Some(n as usize),
            _ => return Err(JsError::new("bad options: takeaways must be a whole number")),
        }
    }
    if let Some(threshold) = field("stanceThreshold")? {
        match threshold.as_f64() {
            Some(t) if (0.0..=1.0).contains(&t) => out.stance_threshold = Some(t as f32),
            _ => return Err(JsError::new("bad options: stanceThreshold must be a number from 0 to 1")),
        }
    }
    Ok(out)
}

/// The report version this build produces.
#[wasm_bindgen(js_name = reportVersion)]
pub fn report_version() -> u32 {
    REPORT_VERSION
}


// TypeScript declarations of the report, appended to `pkg/article_lens.d.ts` by wasm-bindgen so
// embedders get types for what `analyze` returns (report version 1, see DESIGN.md).
#[wasm_bindgen(typescript_custom_section)]
const REPORT_TYPES: &'static str = r#"
/** A span of the input in UTF-16 code units: `text.slice(start, end)`. */
export interface Span {
    /** First code unit. */
    start: number;
    /** One past the last code unit. */
    end: number;
}

/** What a sentence is. Clutter (caption, boilerplate, byline) never feeds the analysis. */
export type SentenceKind =
    "title" | "body" | "heading" | "bullet" | "caption" | "boilerplate" | "byline" | "author_takeaway";

/** A sentence of the article and its kind. */
export interface Sentence extends Span {
    kind: SentenceKind;
}

/** A span the analysis left out, and why ("share", "caption", "byline", "bullet_marker", ...). */
export interface Removed extends Span {
    reason: string;
}

/** A mention of an actor: a span of its name, or of a pronoun or description standing for it. */
export interface Mention extends Span {
    reference?: boolean;
}

export type ActorKind = "country" | "person" | "organization" | "group" | "place";

/** An actor of the story with its merged aliases and every mention. */
export interface Actor {
    /** Stable slug of the canonical name ("united-states"): two reports of one story agree. */
    id: string;
    /** Canonical name ("United States"). */
    name: string;
    kind: ActorKind;
    /** Other names the text uses for it ("Washington", "U.S."). */
    aliases: string[];
    /** Where it is named; `reference: true` marks a pronoun or description read as a stance's actor ("he", "the company"). */
    mentions: Mention[];
    /** How central it is to the story, in [0, 1]; actors are sorted by it. */
    salience: number;
    /** A person's country or organisation (an actor id), or null. */
    affiliation: string | null;
    /** How sure the analysis is of this actor, in [0, 1]. */
    confidence: number;
}

export type StanceClass =
    "appeal" | "demand" | "reject" | "threaten" | "use_force" | "negotiate" |
    "cooperate" | "criticize" | "concern" | "intend" | "statement";

/** What an actor wants or does toward another, with the words it came from. */
export interface Stance {
    /** The actor's id. */
    actor: string;
    class: StanceClass;
    /** The stance words as written ("urged"). */
    verb: string;
    /** The id of the actor it is directed at, or null. */
    target: string | null;
    /** "not", "never", "cannot". */
    negated: boolean;
    /** Under a modal or condition ("could", "if"). */
    hypothetical: boolean;
    /** How sure the analysis is, in [0, 1]. */
    confidence: number;
    /** The clause that carries it. */
    evidence: Span;
    /** Index of its sentence in `Report.sentences`. */
    sentence: number;
    /** The rule that found its holder ("subject", "passive_agent", "reference", "possessor", ...). */
    rule: string;
}

export type Tone = "cooperative" | "hostile" | "mixed" | "neutral";

/** The stances between two actors, and their tone. */
export interface Relation {
    /** One actor's id. */
    a: string;
    /** The other actor's id. */
    b: string;
    /** Indices into `Report.stances`. */
    stances: number[];
    tone: Tone;
}

/** A sentence chosen as a key takeaway (or one of the author's own summary bullets). */
export interface Takeaway extends Span {
    /** The sentence's text. */
    text: string;
    /** Index of the sentence in `Report.sentences`. */
    sentence: number;
}

/** The whole analysis of one article (report version 1). Fields may be added, never renamed. */
export interface Report {
    version: 1;
    sentences: Sentence[];
    removed: Removed[];
    /** Most salient first. */
    actors: Actor[];
    /** In text order. */
    stances: Stance[];
    /** Pairs of actors with confident stances between them (confidence at or above `stance_threshold`). */
    relations: Relation[];
    /** The confidence under which a stance is unsure: the widget shows the others and holds these back. */
    stance_threshold: number;
    /** The key takeaways, in article order. */
    takeaways: Takeaway[];
    /** The author's own summary bullets, when the article has them. */
    author_takeaways: Takeaway[];
}

/** Options of `analyze`: `{ takeaways: 3 }` asks for 3 key takeaways (3-5; default 5);
 * `stanceThreshold` (0-1) sets the confidence under which stances count as unsure. */
export interface AnalyzeOptions {
    takeaways?: number;
    stanceThreshold?: number;
}
"#;
