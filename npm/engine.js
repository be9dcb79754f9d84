// The one wasm instance behind `analyze()`, for index.js (browsers, bundles) and node.js (Node).
// Each entry says where the .wasm comes from; this module loads it once, on the first call,
// and retries on the next call if loading failed.

import init, { analyze as analyzeLoaded } from "./pkg/article_lens.js";

/**
 * Makes `analyze(text, options?)`, which resolves to the report. `wasm()` gives what
 * wasm-bindgen's init takes: the .wasm's URL (a browser fetches it) or its bytes (Node).
 */
export function analyzer(wasm) {
  let ready = null;
  return async function analyze(text, options) {
    if (typeof text !== "string") throw new TypeError(`analyze: the text must be a string, not ${text === null ? "null" : typeof text}`);
    ready ??= (async () => init({ module_or_path: await wasm() }))();
    try {
      await ready;
    } catch (error) {
      ready = null;
      throw error;
    }
    return analyzeLoaded(text, options);
  };
}
