//! The WebAssembly door: the only file that knows wasm-bindgen.
//!
//! `analyze(text, options?)` returns the report as a plain JS object; an error becomes a thrown
//! JS `Error` whose message is the Rust error's text.

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::{Options, REPORT_VERSION};

/// Options as the page passes them: `{ takeaways: 5 }`; unknown fields are ignored.
#[derive(Deserialize, Default)]
struct JsOptions {
    takeaways: Option<usize>,
}

/// Analyses one article and returns its report (see DESIGN.md, report version 1).
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: JsOptions = if options.is_undefined() || options.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    let report = crate::analyze(text, &Options { takeaways: options.takeaways })?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    report.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// The report version this build produces.
#[wasm_bindgen(js_name = reportVersion)]
pub fn report_version() -> u32 {
    REPORT_VERSION
}

use serde::Serialize as _;
