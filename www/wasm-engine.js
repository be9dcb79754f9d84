// The analysis engine of <article-lens> (named so beside the npm package's own engine.js, the
// loader of its analyze()): loads the wasm package (./pkg/article_lens.js and its
// .wasm, relative to this module) once per page, tells an engine failure (a trap) from the
// core's refusal of a text, and starts a fresh instance after a failure. Nothing runs at
// import: `loadEngine()` starts the download (ArticleLensElement.define() calls it), so the
// module imports in Node too.

const ENGINE_URL = new URL("./pkg/article_lens.js", import.meta.url).href;
const WASM_URL = new URL("./pkg/article_lens_bg.wasm", import.meta.url).href;

let enginePromise = null;
let engineInstances = 0; // how many instances were started: the first is ENGINE_URL itself
let compiledEngine = null; // the compiled .wasm, a promise: every instance is made from it

/**
 * Loads and initialises the wasm package once per page; `define()` starts it, so the engine
 * loads while the page and its article do. A failed load is kept until an analysis reports it
 * (`retryEngineLater`); the next analysis then loads it anew. After `discardEngine()` the next
 * call starts a fresh instance: a wasm-bindgen module holds one wasm instance, so a new one
 * needs a new module record, imported under another URL (made from the same compiled .wasm).
 */
export function loadEngine() {
  enginePromise ??= (async () => {
    const n = engineInstances++;
    let mod;
    try {
      // The glue and the .wasm are requested together; the .wasm compiles as it arrives.
      const [glue, compiled] = await Promise.all([
        import(n === 0 ? ENGINE_URL : `${ENGINE_URL}?instance=${n}`), compileEngine(),
      ]);
      mod = glue;
      await mod.default({ module_or_path: compiled });
    } catch (cause) {
      throw new EngineLoadError(cause);
    }
    if (typeof mod.analyze !== "function") throw new EngineLoadError(new Error("the package has no analyze() export"));
    return mod;
  })();
  return enginePromise;
}

/** Fetches and compiles the .wasm (streaming: it compiles as the bytes arrive), once per page. */
function compileEngine() {
  compiledEngine ??= (async () => {
    const response = await fetch(WASM_URL);
    if (!response.ok) throw new Error(`could not fetch ${WASM_URL} (HTTP ${response.status})`);
    // Streaming needs the application/wasm type; a server that says otherwise still works.
    const streams = typeof WebAssembly.compileStreaming === "function" &&
      /^application\/wasm\b/.test(response.headers.get("Content-Type") ?? "");
    return streams ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer());
  })().catch((cause) => {
    compiledEngine = null;
    throw cause;
  });
  return compiledEngine;
}

/** After an analysis has reported the failed load `loading`, the next one loads the engine anew. */
export function retryEngineLater(loading) {
  if (enginePromise === loading) enginePromise = null;
}

/** Drops the current engine instance (after a trap its memory may be inconsistent). */
export function discardEngine(engine) {
  if (!enginePromise) return;
  enginePromise.then((current) => {
    if (current === engine) enginePromise = null;
  }, () => {});
}

/** Engine instances that have analysed a text: their later runs are warm. */
const ranEngines = new WeakSet();

/** Whether `engine`'s next run is its first (which includes its start-up). */
export function isFirstRun(engine) {
  return !ranEngines.has(engine);
}

/** Records that `engine` has analysed a text. */
export function ranOnce(engine) {
  ranEngines.add(engine);
}

/** The page measures one warm run, after its first analysis: true for the first caller only. */
let warmMeasured = false;
export function claimWarmMeasure() {
  if (warmMeasured) return false;
  warmMeasured = true;
  return true;
}

/**
 * True when an exception from the engine means the engine failed, not that it refused the
 * input: the core's refusals are plain `Error`s (wasm-bindgen's JsError); a trap is a
 * `WebAssembly.RuntimeError`, a stack overflow a `RangeError`, a broken glue a `TypeError`.
 */
export function isEngineFailure(error) {
  return !(error instanceof Error) || Object.getPrototypeOf(error) !== Error.prototype;
}

/** The engine failed while analysing (a wasm trap or the like); its instance was discarded. */
export class EngineStoppedError extends Error {
  constructor(cause) {
    const what = cause instanceof WebAssembly.RuntimeError ? "WebAssembly trap" : (cause?.name ?? "exception");
    super(`The analysis engine stopped (${what}: ${cause?.message ?? String(cause)}).`, { cause });
    this.name = "EngineStoppedError";
  }
}

/** The wasm package could not be fetched, compiled or initialised. */
export class EngineLoadError extends Error {
  constructor(cause) {
    super(`The analysis engine could not be loaded: ${cause?.message ?? cause}`, { cause });
    this.name = "EngineLoadError";
  }
}

/** The message of the core's size limit: "the text is N bytes long, more than the M bytes ...". */
export const TOO_LARGE = /^the text is \d+ bytes long, more than the \d+ bytes/;
