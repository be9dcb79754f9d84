// The bench page: loads article-lens (www/pkg and any variants built by bench/variants.sh) and the
// peers (bench/build/peers.js) into this one page, then times them on texts that
// bench/browser.mjs passes in. Served with COOP/COEP so performance.now() is fine-grained.
const OPTIONS = { takeaways: 5 };
const tools = {};
let mainMod = null;
let sink = null; // every result lands here, so no engine can drop the work as dead code

async function loadWasm(glueUrl) {
  const mod = await import(glueUrl);
  await mod.default();
  return mod;
}

async function setup(variants) {
  const main = await loadWasm("../www/pkg/article_lens.js");
  mainMod = main;
  tools["article-lens"] = (t) => main.analyze(t, OPTIONS);
  if (main.analyze_json) tools["article-lens json"] = (t) => JSON.parse(main.analyze_json(t, OPTIONS));
  for (const v of variants) {
    const m = await loadWasm(`./build/variants/${v}/article_lens.js`);
    if (m.analyze) tools[`article-lens ${v}`] = (t) => m.analyze(t, OPTIONS);
    else tools[`article-lens ${v}`] = (t) => JSON.parse(m.analyze_json(t, OPTIONS));
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
  if (!tools["article-lens json"]) return null;
  const a = tools["article-lens"](text), b = tools["article-lens json"](text);
  const f32 = (k, v) => (typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v);
  return { exact: JSON.stringify(a) === JSON.stringify(b), f32: JSON.stringify(a, f32) === JSON.stringify(b, f32),
    bytes: JSON.stringify(a).length, jsonBytes: mainMod.analyze_json(text, OPTIONS).length };
}

/**
 * Times `names` on `text`, interleaved (one run of each tool per round, order rotating) so load
 * from other processes hits all tools alike. Warm-up first: `warm` runs or `warmBudget` ms, at
 * least one. A tool leaves the rounds once it has `minRuns` samples (`slowMinRuns` if its warm-up
 * took over `slowMs`) and has spent `budget` ms or has `maxRuns` samples. Returns the samples in ms.
 */
function runInput(text, names, cfg) {
  const minRuns = {};
  for (const n of names) {
    const t0 = performance.now();
    for (let i = 0; i < cfg.warm && performance.now() - t0 < cfg.warmBudget; i++) sink = tools[n](text);
    // A tool that takes seconds a run (compromise on 1 MB) gets fewer runs, to keep the bench short.
    minRuns[n] = performance.now() - t0 > cfg.slowMs ? cfg.slowMinRuns : cfg.minRuns;
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
    active = active.filter((n) => samples[n].length < minRuns[n] ||
      (spent[n] < cfg.budget && samples[n].length < cfg.maxRuns));
  }
  return samples;
}

/** Where one run of article-lens spends its time, split at the JS boundary. */
function crossing(text, runs) {
  const main = tools["article-lens"];
  const out = { serde: [], json: [], jsonString: [], parse: [] };
  if (!tools["article-lens json"]) return out;
  const mod = mainMod;
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now(); sink = main(text); out.serde.push(performance.now() - t0);
    t0 = performance.now(); const s = mod.analyze_json(text, OPTIONS);
    const t1 = performance.now(); sink = JSON.parse(s); const t2 = performance.now();
    out.json.push(t2 - t0); out.jsonString.push(t1 - t0); out.parse.push(t2 - t1);
  }
  return out;
}

globalThis.bench = { setup, runInput, sameReport, crossing };
document.getElementById("status").textContent = "ready";
