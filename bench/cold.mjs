// Cold start in the browser: the first analysis on a fresh page, the only one most readers see.
//
//   node bench/cold.mjs                 15 fresh loads of each page (about 1 min)
//   node bench/cold.mjs --runs 30       more loads
//   node bench/cold.mjs --vs DIR        also time another build of the site (a copy of an older
//                                       site/, say) in the same rounds, for a before/after
//
// Each load is a new browser context (empty cache; the server also sends no-store) in headless
// Chromium, on 127.0.0.1. Pages, interleaved one load of each per round so load from other
// processes hits all alike:
//   - paste 001: the paste page (site/index.html) preloading seed 001 with ?src= (the seed is
//     copied into site/preload/ for the run and removed after; its text is never committed);
//   - paste example: the paste page with its bundled example;
//   - embed: the newsroom page (site/embed.html), whose element reads the article beside it;
//   - wink-nlp 001: bench/cold-wink.html, which loads wink-nlp (lite web model), fetches seed 001
//     and reads it (bench/cold-wink.js; bundled by esbuild into bench/build/).
// Figures per page, in ms, median and spread (min, max):
//   - shown: from navigation start to the first analysis in the page (the element's first
//     `analyzed` event, fired once its results are in the DOM; wink: once its line is);
//   - first: the first `analyze` call itself (the event's `elapsed`; wink: its first readDoc);
//   - warm: the same text again on the same instance (median of 5 calls: article-lens's
//     `analyze` from its wasm package, imported by URL, so the instance the element uses);
//   - wasm fetch: when the .wasm request started and ended (resource timing), to show how early
//     the engine is fetched.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg("--runs", 15));
const log = (...a) => console.error("cold:", ...a);

// ---------------------------------------------------------------- builds
const siteDir = path.join(root, "site");
if (!fs.existsSync(path.join(siteDir, "pkg/article_lens.js"))) {
  log("building site/ (scripts/build-site.sh)");
  execFileSync(path.join(root, "scripts/build-site.sh"), { stdio: ["ignore", "inherit", "inherit"] });
}
const sites = [{ label: "", dir: siteDir }];
const vs = arg("--vs", null);
if (vs) {
  const dir = path.resolve(vs);
  if (!fs.existsSync(path.join(dir, "pkg/article_lens.js"))) throw new Error(`--vs ${dir}: no pkg/article_lens.js there`);
  sites[0].label = " (site/)";
  sites.push({ label: ` (${path.basename(dir)})`, dir });
}
const winkIn = path.join(root, "bench/cold-wink.js");
const winkOut = path.join(root, "bench/build/cold-wink.js");
const mtime = (f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0);
if (mtime(winkOut) < Math.max(mtime(winkIn), mtime(path.join(root, "package-lock.json")))) {
  log("bundling wink-nlp (esbuild) into bench/build/");
  await build({ entryPoints: [winkIn], outfile: winkOut, bundle: true, format: "esm", minify: true,
    platform: "browser", logLevel: "error" });
}

// ---------------------------------------------------------------- the seed, copied in for the run
const articlesDir = process.env.ARTICLE_LENS_ARTICLES || path.join(root, "../shared/articles");
const seedFile = fs.readdirSync(articlesDir).find((f) => f.startsWith("001") && f.endsWith(".txt"));
if (!seedFile) throw new Error(`no 001*.txt article in ${articlesDir}`);
const seedChars = fs.readFileSync(path.join(articlesDir, seedFile), "utf8").length;
const copies = [];
for (const { dir } of sites) {
  fs.mkdirSync(path.join(dir, "preload"), { recursive: true });
  const copy = path.join(dir, "preload", seedFile);
  fs.copyFileSync(path.join(articlesDir, seedFile), copy);
  copies.push(copy);
}
const removeCopies = () => copies.forEach((f) => fs.rmSync(f, { force: true }));
process.on("exit", removeCopies);

// ---------------------------------------------------------------- server
// /s0/… is site/, /s1/… the --vs site, /bench/… this folder; no caching anywhere.
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm",
  ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8", ".json": "application/json" };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  const [, top, ...rest] = path.posix.normalize(decodeURIComponent(url.pathname)).split("/");
  const base = top === "bench" ? path.join(root, "bench") : sites[Number(/^s(\d)$/.exec(top)?.[1])]?.dir;
  const file = base && path.join(base, ...rest);
  if (!file || !file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    "Content-Type": types[path.extname(file)] || "application/octet-stream",
    "Cache-Control": "no-store",
    // Cross-origin isolation: performance.now() at 5 µs instead of 100 µs.
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
  });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---------------------------------------------------------------- pages
const pages = [];
sites.forEach((site, i) => {
  pages.push(
    { name: `paste 001${site.label}`, url: `/s${i}/index.html?src=preload/${seedFile}`, kind: "lens" },
    { name: `paste example${site.label}`, url: `/s${i}/index.html`, kind: "lens" },
    { name: `embed${site.label}`, url: `/s${i}/embed.html`, kind: "lens" },
  );
});
pages.push({ name: "wink-nlp 001", url: `/bench/cold-wink.html?src=/s0/preload/${seedFile}`, kind: "wink" });

/** Records the first `analyzed` event of any <article-lens>: when (since navigation) and its elapsed. */
function recordFirstAnalysis() {
  document.addEventListener("analyzed", (e) => {
    window.__first ??= { shown: performance.now(), first: e.detail.elapsed, text: e.detail.text };
  });
}

/** One fresh load of `page`: a new context, the figures, the context closed. */
async function load(browser, page) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const errors = [];
    tab.on("pageerror", (e) => errors.push(e.message));
    tab.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await tab.addInitScript(recordFirstAnalysis);
    await tab.goto(origin + page.url);
    const wait = page.kind === "wink" ? () => globalThis.coldWink : () => window.__first;
    await tab.waitForFunction(wait, null, { timeout: 30_000 }).catch((e) => {
      throw new Error(`${page.name}: no analysis (${errors.join("; ") || e.message})`);
    });
    if (page.kind === "wink") {
      const w = await tab.evaluate(() => globalThis.coldWink);
      return { shown: w.shown, first: w.first, warm: median(w.warm), setup: w.load };
    }
    return await tab.evaluate(async () => {
      const { shown, first, text } = window.__first;
      // Let the page settle (the element may do idle work after its first analysis).
      await new Promise((r) => setTimeout(r, 100));
      const engine = await import(new URL("pkg/article_lens.js", document.baseURI).href);
      const lens = document.querySelector("article-lens");
      const warm = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        engine.analyze(text, { takeaways: lens.takeaways });
        warm.push(performance.now() - t0);
      }
      warm.sort((a, b) => a - b);
      const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
      return { shown, first, warm: warm[2], fetchStart: wasm?.startTime, fetchEnd: wasm?.responseEnd };
    });
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- stats
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
const fmt = (x) => (x == null || Number.isNaN(x) ? "-" : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const cell = (xs) => {
  const v = xs.filter((x) => x != null);
  return v.length ? `${fmt(median(v))} [${fmt(Math.min(...v))}-${fmt(Math.max(...v))}]` : "-";
};

// ---------------------------------------------------------------- run
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const results = Object.fromEntries(pages.map((p) => [p.name, []]));
const started = Date.now();
let version = "";
try {
  version = browser.version();
  // One warm-up load of each page (the browser's own first-use costs), not counted.
  for (const page of pages) await load(browser, page);
  for (let round = 0; round < RUNS; round++) {
    for (let i = 0; i < pages.length; i++) {
      const page = pages[(i + round) % pages.length];
      results[page.name].push(await load(browser, page));
    }
  }
} finally {
  await browser.close();
  server.close();
  removeCopies();
}

console.log(`\nCold start: headless Chromium ${version}, ${RUNS} fresh contexts per page (no cache), ` +
  `127.0.0.1; ms, median [min-max]; seed 001 is ${seedChars.toLocaleString("en")} characters`);
const cols = ["page", "navigation -> shown", "first analyze", "warm analyze", "wasm fetch start", "wasm fetch end"];
const widths = [28, 22, 22, 20, 20, 20];
const row = (cells) => cells.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join(" ");
console.log(row(cols));
console.log("-".repeat(widths.reduce((a, b) => a + b + 1, 0)));
for (const page of pages) {
  const r = results[page.name];
  const pick = (k) => r.map((x) => x[k]);
  console.log(row([page.name, cell(pick("shown")), cell(pick("first")), cell(pick("warm")),
    page.kind === "wink" ? `(load ${cell(pick("setup"))})` : cell(pick("fetchStart")), cell(pick("fetchEnd"))]));
}
console.log("wink-nlp: first and warm are its readDoc + sentences + entities + sentence importance (bench/peers.js's " +
  "work); load is building its instance from the model, before the text is fetched.");
const m = (name, k) => median(results[name].map((x) => x[k]));
const pass = (ok) => (ok ? "PASS" : "MISS");
console.log(`\nTargets (issue 20): first analyze, paste 001${sites[0].label}: ${fmt(m(pages[0].name, "first"))} ms (<= 15) ` +
  `${pass(m(pages[0].name, "first") <= 15)}; navigation -> shown, embed${sites[0].label}: ` +
  `${fmt(m(pages[2].name, "shown"))} ms (<= 300) ${pass(m(pages[2].name, "shown") <= 300)}`);
log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
