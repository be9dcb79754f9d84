// The element's modules import in Node, without a DOM (as relative-time-element does): nothing
// runs at import, the class module exports what its .d.ts declares, and wasm-engine.js tells the
// core's refusals (its size limit, as the CLI words it) from an engine failure.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { refusal, ROOT } from "./corpus.mjs";

test("no DOM here: the test runs as a page-less Node would", () => {
  assert.equal(typeof globalThis.document, "undefined");
  assert.equal(typeof globalThis.HTMLElement, "undefined");
  assert.equal(typeof globalThis.customElements, "undefined");
});

test("article-lens-element.js imports without a DOM and exports exactly what its .d.ts declares", async () => {
  const mod = await import("../../www/article-lens-element.js");
  const declared = [...readFileSync(path.join(ROOT, "www/article-lens-element.d.ts"), "utf8")
    .matchAll(/^export declare (?:const|function|class) (\w+)/gm)].map((m) => m[1]);
  assert.deepEqual(Object.keys(mod).sort(), [...new Set(declared)].sort());
  assert.equal(typeof mod.ArticleLensElement.define, "function");
  assert.deepEqual(mod.ArticleLensElement.observedAttributes, ["src", "for", "takeaways", "view"]);
  assert.deepEqual(mod.VIEWS, ["takeaways", "author", "actors", "stances", "relations", "article", "export"]);
  assert.equal(mod.HIGHLIGHT_NAME, "article-lens");
});

test("the pure helpers the element re-exports are the modules' own", async () => {
  const element = await import("../../www/article-lens-element.js");
  const report = await import("../../www/report-helpers.js");
  const graph = await import("../../www/graph.js");
  const brief = await import("../../www/brief.js");
  const dom = await import("../../www/dom.js");
  for (const name of ["groupStances", "digestStances", "isSure", "toneOf"]) assert.equal(element[name], report[name], name);
  assert.equal(element.graphOf, graph.graphOf);
  assert.equal(element.GRAPH_MAX_ACTORS, graph.GRAPH_MAX_ACTORS);
  assert.equal(element.markdownBrief, brief.markdownBrief);
  assert.equal(element.h, dom.h);
});

test("wasm-engine.js: the core's refusal is an Error the element shows; a trap, a stack overflow or a broken glue is a failure", async () => {
  const { isEngineFailure, EngineStoppedError, TOO_LARGE } = await import("../../www/wasm-engine.js");
  const message = refusal("a".repeat(5 * 1024 * 1024 + 1));
  assert.ok(message, "the core refuses a text over its size limit");
  assert.match(message, TOO_LARGE, "the element recognises the core's size message");
  assert.equal(refusal("The talks resumed on Monday."), null);
  assert.equal(isEngineFailure(new Error(message)), false);
  for (const failure of [new WebAssembly.RuntimeError("unreachable"), new RangeError("Maximum call stack size exceeded"), new TypeError("x is not a function"), "thrown string"]) {
    assert.equal(isEngineFailure(failure), true, String(failure));
  }
  const stopped = new EngineStoppedError(new WebAssembly.RuntimeError("unreachable"));
  assert.equal(stopped.message, "The analysis engine stopped (WebAssembly trap: unreachable).");
});

test("wasm-engine.js: one warm measurement per page; an engine's first run is known", async () => {
  const { claimWarmMeasure, isFirstRun, ranOnce } = await import("../../www/wasm-engine.js");
  assert.equal(claimWarmMeasure(), true);
  assert.equal(claimWarmMeasure(), false);
  const engine = {};
  assert.equal(isFirstRun(engine), true);
  ranOnce(engine);
  assert.equal(isFirstRun(engine), false);
});
