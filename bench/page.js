// The bench page: loads article-lens (site/pkg and any variants built by bench/variants.sh) and the
// peers (bench/build/peers.js) into this one page, then times them on texts that
// bench/browser.mjs passes in. Served with COOP/COEP so performance.now() is fine-grained.
const OPTIONS = { takeaways: 5 };
const tools = {};
let mainMod = null; // the `json` variant (bench/variants.sh): both `analyze` and `analyze_json`
let sink = null; // every result lands here, so no engine can drop the work as dead code

async function loadWasm(glueUrl) {
  const mod = await import(glueUrl);
  await mod.default();
  return mod;
}

async function setup(variants) {
  const main = await loadWasm("../site/pkg/article_lens.js");
  tools["article-lens"] = (t) => main.analyze(t, OPTIONS);
  for (const v of variants) {
    const m = await loadWasm(`./build/variants/${v}/article_lens.js`);
    if (m.analyze_json) {
      // The `json` variant has both exports: the boundary is measured within this one module.
      mainMod = m;
      tools["article-lens json"] = (t) => JSON.parse(m.analyze_json(t, OPTIONS));
    } else {
      tools[`article-lens ${v}`] = (t) => m.analyze(t, OPTIONS);
    }
  }
  const peers = await import("./build/peers.js");
  tools["wink-nlp"] = peers.winkNlp;
  tools["compromise"] = peers.compromise;
  return { tools: Object.keys(tools), isolated: self.crossOriginIsolated };
}

/**
 * Same report both ways? Compares the serde-wasm-bindgen object with the parsed JSON: exactly, and
 * with numbers at f32 precision (serde-wasm-bindgen widens an f32 0.97 to 0.9700000286102295,
 * serde_json prints it as 0.97).
 */
function sameReport(text) {
  if (!mainMod) return null;
  const a = mainMod.analyze(text, OPTIONS), b = JSON.parse(mainMod.analyze_json(text, OPTIONS));
  const f32 = (k, v) => (typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v);
  return { exact: JSON.stringify(a) === JSON.stringify(b), f32: JSON.stringify(a, f32) === JSON.stringify(b, f32),
    bytes: JSON.stringify(a).length, jsonBytes: mainMod.analyze_json(text, OPTIONS).length };
}

/**
 * Times `names` on `text`, interleaved (one run of each tool per round, order rotating) so load
 * from other processes hits all tools alike. Warm-up first: `warm` runs or `warmBudget` ms each
 * (0 for large inputs: the smaller ones before have warmed every tool up). A tool leaves the
 * rounds once it has `minRuns` samples (`slowMinRuns` if its first run took over `slowMs`) and
 * has spent `budget` ms or has `maxRuns` samples. Returns the samples in ms.
 */
function runInput(text, names, cfg) {
  for (const n of names) {
    const t0 = performance.now();
    for (let i = 0; i < cfg.warm && performance.now() - t0 < cfg.warmBudget; i++) sink = tools[n](text);
  }
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  const spent = Object.fromEntries(names.map((n) => [n, 0]));
  let active = names.slice();
  for (let round = 0; active.length; round++) {
    for (let i = 0; i < active.length; i++) {
      const n = active[(i + round) % active.length];
      const t0 = performance.now();
      sink = tools[n](text);
      const dt = performance.now() - t0;
      samples[n].push(dt);
      spent[n] += dt;
    }
    active = active.filter((n) => samples[n].length < (samples[n][0] > cfg.slowMs ? cfg.slowMinRuns : cfg.minRuns) ||
      (spent[n] < cfg.budget && samples[n].length < cfg.maxRuns));
  }
  return samples;
}

/**
 * The two ways across the boundary, alternating which goes first (so a GC that one run's garbage
 * triggers lands on both alike): `analyze` (serde-wasm-bindgen builds the JS object) and
 * `analyze_json` + `JSON.parse`, split into the string and the parse. Samples in ms.
 */
function crossing(text, runs) {
  const out = { serde: [], json: [], jsonString: [], parse: [] };
  if (!mainMod || !mainMod.analyze_json) return out;
  const serde = () => {
    const t0 = performance.now();
    sink = mainMod.analyze(text, OPTIONS);
    out.serde.push(performance.now() - t0);
  };
  const json = () => {
    const t0 = performance.now();
    const s = mainMod.analyze_json(text, OPTIONS);
    const t1 = performance.now();
    sink = JSON.parse(s);
    const t2 = performance.now();
    out.json.push(t2 - t0);
    out.jsonString.push(t1 - t0);
    out.parse.push(t2 - t1);
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2) { serde(); json(); } else { json(); serde(); }
  }
  return out;
}

globalThis.bench = { setup, runInput, sameReport, crossing };
document.getElementById("status").textContent = "ready";
