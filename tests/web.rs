//! The WebAssembly build, in headless Chromium (`wasm-pack test --headless --chrome`): the same
//! analysis as natively, through the JS door the page uses.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// An original diplomatic paragraph (the seed articles stay in ../shared, out of the binary).
const STORY: &str = "Washington Presses Israel Before Oman Talks\n\n\
The United States has urged Israel to hold off any strike on Iran while U.S.-Iran talks go on in Muscat. \
Tehran confirmed the talks and insists on discussing only its nuclear programme. \
Israeli officials said Jerusalem remains wary of a deal.\n\nShare Article\n";

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn analyze_in_the_browser_finds_the_actors() {
    let report = article_lens::wasm_analyze(STORY, JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&report, "version").as_f64(), Some(1.0));
    let actors = js_sys::Array::from(&get(&report, "actors"));
    let ids: Vec<String> = actors.iter().map(|a| get(&a, "id").as_string().unwrap()).collect();
    for id in ["united-states", "israel", "iran", "oman"] {
        assert!(ids.contains(&id.to_string()), "{id} missing from {ids:?}");
    }
    let stances = js_sys::Array::from(&get(&report, "stances"));
    assert!(stances
        .iter()
        .any(|s| get(&s, "class").as_string().as_deref() == Some("appeal") && get(&s, "target").as_string().as_deref() == Some("israel")));
}

#[wasm_bindgen_test]
fn offsets_are_utf16_in_the_browser() {
    let text = "“Iran” said 😀 Israel must wait.";
    let report = article_lens::wasm_analyze(text, JsValue::UNDEFINED).unwrap();
    let actors = js_sys::Array::from(&get(&report, "actors"));
    let js_text = js_sys::JsString::from(text);
    for a in actors.iter() {
        for m in js_sys::Array::from(&get(&a, "mentions")).iter() {
            let (s, e) = (get(&m, "start").as_f64().unwrap() as u32, get(&m, "end").as_f64().unwrap() as u32);
            let name: String = js_text.slice(s, e).into();
            assert!(name == "Iran" || name == "Israel", "{name}");
        }
    }
}

#[wasm_bindgen_test]
fn bad_options_throw_instead_of_crashing() {
    let options = js_sys::JSON::parse(r#"{"takeaways": "many"}"#).unwrap();
    assert!(article_lens::wasm_analyze("Iran spoke.", options).is_err());
}

/// Seed 001 from ../shared, read when the test is built (never copied into the project).
const SEED_001: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/articles/001_aa174c2cb271f789.txt"));

#[wasm_bindgen_test]
fn seed_001_in_the_browser_has_the_same_actors_as_natively() {
    let report = article_lens::wasm_analyze(SEED_001, JsValue::UNDEFINED).unwrap();
    let actors = js_sys::Array::from(&get(&report, "actors"));
    let ids: Vec<String> = actors.iter().map(|a| get(&a, "id").as_string().unwrap()).collect();
    let native = article_lens::analyze(SEED_001, &Default::default()).unwrap();
    let native_ids: Vec<String> = native.actors.iter().map(|a| a.id.clone()).collect();
    assert_eq!(ids, native_ids);
    for id in ["united-states", "israel", "iran", "oman", "benjamin-netanyahu", "abbas-araghchi"] {
        assert!(ids.contains(&id.to_string()), "{id} missing from {ids:?}");
    }
    assert_eq!(js_sys::Array::from(&get(&report, "author_takeaways")).length(), 5);
}
