// In-browser benchmark: article-lens (wasm) against compromise and wink-nlp, in one headless
// Chromium page, on the same texts; plus the download size of the page.
//
//   node bench/browser.mjs            build what is missing, run, print the tables (about 1.5 min)
//   node bench/browser.mjs --quick    fewer runs (a smoke test, figures too noisy to quote)
//
// Inputs: the seed articles (../shared/articles/*.txt, or $ARTICLE_LENS_ARTICLES), read at run
// time, and 10 KB, 100 KB and 1 MB texts made by repeating them. Builds, all git-ignored:
// site/ (scripts/build-site.sh, when missing), bench/build/peers.js (esbuild, when stale).
// Variants of the wasm built by bench/variants.sh (bench/build/variants/*: opt-level z, s and 3,
// with analyze_json, JSON only) are timed and sized alongside when present.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const buildDir = path.join(root, "bench/build");
const quick = process.argv.includes("--quick");
const log = (...a) => console.error("bench:", ...a);

// ---------------------------------------------------------------- builds
const glue = path.join(root, "site/pkg/article_lens.js");
if (!fs.existsSync(glue)) {
  log("building site/ (scripts/build-site.sh)");
  execFileSync(path.join(root, "scripts/build-site.sh"), { stdio: ["ignore", "inherit", "inherit"] });
}
fs.mkdirSync(buildDir, { recursive: true });
const mtime = (f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0);
const peersOut = path.join(buildDir, "peers.js");
const peersIn = path.join(root, "bench/peers.js");
if (mtime(peersOut) < Math.max(mtime(peersIn), mtime(path.join(root, "package-lock.json")))) {
  log("bundling the peers (esbuild) into bench/build/");
  const common = { bundle: true, format: "esm", minify: true, platform: "browser", logLevel: "error" };
  await build({ ...common, entryPoints: [peersIn], outfile: peersOut });
  // One bundle per peer, only to print what each would add to a page.
  for (const [name, code] of [
    ["compromise", 'import nlp from "compromise"; globalThis.nlp = nlp;'],
    ["wink-nlp", 'import w from "wink-nlp"; import m from "wink-eng-lite-web-model"; globalThis.nlp = w(m);'],
  ]) {
    await build({ ...common, stdin: { contents: code, resolveDir: root }, outfile: path.join(buildDir, `size-${name}.js`) });
  }
}
const variantsDir = path.join(buildDir, "variants");
const variants = fs.existsSync(variantsDir)
  ? fs.readdirSync(variantsDir).filter((v) => fs.existsSync(path.join(variantsDir, v, "article_lens.js"))).sort()
  : [];

// ---------------------------------------------------------------- inputs
const articlesDir = process.env.ARTICLE_LENS_ARTICLES || path.join(root, "../shared/articles");
const seedFiles = fs.readdirSync(articlesDir).filter((f) => f.endsWith(".txt")).sort();
if (!seedFiles.length) throw new Error(`no .txt article in ${articlesDir}`);
const seeds = seedFiles.map((f) => ({ name: f.replace(/_.*/, "") === f ? f : `seed ${f.slice(0, 3)}`,
  file: f, text: fs.readFileSync(path.join(articlesDir, f), "utf8") }));
const joined = seeds.map((s) => s.text.trim()).join("\n\n") + "\n\n";
/** The seeds repeated to exactly `bytes` bytes of UTF-8 (cut back to a character boundary).
 * Each copy's lines are marked "Update N:", as in a live blog, so no line repeats: the clean stage
 * drops the lines a page repeats (menus), which would leave a plain repetition nothing to analyse.
 * `article-lens bench --scale` builds its inputs the same way. */
function repeated(bytes) {
  const copies = [];
  let size = 0;
  for (let copy = 1; size <= bytes; copy++) {
    const marked = joined.split("\n").map((line) => (line.trim() ? `Update ${copy}: ${line}` : line)).join("\n");
    copies.push(marked);
    size += Buffer.byteLength(marked);
  }
  const buf = Buffer.from(copies.join(""));
  let end = bytes;
  while (end > 0 && (buf[end] & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString("utf8");
}
const inputs = [
  ...seeds.map((s) => ({ name: s.name, text: s.text })),
  { name: "10 KB", text: repeated(10_000) },
  { name: "100 KB", text: repeated(100_000) },
  { name: "1 MB", text: repeated(1_000_000) },
];
for (const i of inputs) i.bytes = Buffer.byteLength(i.text);
/** Runs per input: interleaved rounds; see runInput in bench/page.js. */
function config(bytes) {
  const q = quick ? 0.25 : 1;
  if (bytes <= 20_000) return { warm: 10, warmBudget: 300 * q, minRuns: 10, budget: 700 * q, maxRuns: 300, slowMs: Infinity };
  if (bytes <= 200_000) return { warm: 2, warmBudget: 600 * q, minRuns: 5, budget: 1000 * q, maxRuns: 100, slowMs: 1000, slowMinRuns: 3 };
  // 1 MB: compromise takes 10-20 s a run here, so it gets one.
  return { warm: 0, minRuns: quick ? 2 : 5, budget: 3000 * q, maxRuns: 30, slowMs: 3000, slowMinRuns: 1 };
}

// ---------------------------------------------------------------- server
const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8", ".json": "application/json" };
const served = []; // paths served, for the page-download figure
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, "");
  const file = path.join(root, rel);
  if (rel === "favicon.ico") {
    res.writeHead(204).end();
    return;
  }
  const ok = (rel.startsWith("site/") || rel.startsWith("bench/")) && file.startsWith(root + path.sep);
  if (!ok || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  served.push(rel);
  res.writeHead(200, {
    "Content-Type": types[path.extname(file)] || "application/octet-stream",
    "Cache-Control": "no-store",
    // Cross-origin isolation: performance.now() at 5 us instead of 100 us.
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
  });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;

// ---------------------------------------------------------------- stats
const sorted = (xs) => [...xs].sort((a, b) => a - b);
function quantile(xs, q) {
  const s = sorted(xs);
  const p = (s.length - 1) * q, lo = Math.floor(p), hi = Math.ceil(p);
  return s[lo] + (s[hi] - s[lo]) * (p - lo);
}
const ms = (x) => (x < 10 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(1));
const pad = (s, n) => String(s).padStart(n);
const padEnd = (s, n) => String(s).padEnd(n);

// ---------------------------------------------------------------- run
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const started = Date.now();
let results = [], crossing = {}, same = null, env = {}, download = [];
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(base + "bench/page.html");
  await page.waitForFunction(() => globalThis.bench, null, { timeout: 30_000 }).catch(() => {
    throw new Error(`bench page did not load: ${errors.join("; ")}`);
  });
  // Timed: opt-level s and 3 (opt-z is site/pkg when both come from the same commit) and json.
  env = await page.evaluate((v) => globalThis.bench.setup(v), variants.filter((v) => ["opt-s", "opt-3", "json"].includes(v)));
  env.userAgent = await page.evaluate(() => navigator.userAgent);
  const built = (f) => new Date(fs.statSync(path.join(root, f)).mtimeMs).toISOString().slice(0, 16).replace("T", " ");
  log(`site/pkg built ${built("site/pkg/article_lens_bg.wasm")} UTC; variants: ${variants.map((v) => {
    const src = path.join(variantsDir, v, "SOURCE");
    return `${v} from ${fs.existsSync(src) ? fs.readFileSync(src, "utf8").trim() : "?"}`;
  }).join(", ") || "none (bench/variants.sh builds them)"}`);
  log(`Chromium ${env.userAgent.match(/Chrome\/([\d.]+)/)?.[1]}, crossOriginIsolated=${env.isolated}, tools: ${env.tools.join(", ")}`);
  same = await page.evaluate((t) => globalThis.bench.sameReport(t), seeds[seeds.length - 1].text);
  for (const input of inputs) {
    const cfg = config(input.bytes);
    const t0 = Date.now();
    const samples = await page.evaluate(([t, n, c]) => globalThis.bench.runInput(t, n, c), [input.text, env.tools, cfg]);
    log(`${input.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const tool of env.tools) {
      const s = samples[tool];
      results.push({ input: input.name, bytes: input.bytes, tool, runs: s.length,
        median: quantile(s, 0.5), p10: quantile(s, 0.1), p90: quantile(s, 0.9) });
    }
  }
  for (const input of [inputs[seeds.length - 1], inputs.find((i) => i.name === "100 KB")]) {
    const c = await page.evaluate(([t, r]) => globalThis.bench.crossing(t, r), [input.text, input.bytes > 20_000 ? 30 : 400]);
    crossing[input.name] = Object.fromEntries(Object.entries(c).map(([k, v]) =>
      [k, v.length ? { median: quantile(v, 0.5), p10: quantile(v, 0.1), runs: v.length } : null]));
  }
  if (errors.length) log(`page errors: ${errors.join("; ")}`);

  // What the paste page downloads: every response while it loads and analyses its example.
  served.length = 0;
  const site = await browser.newPage();
  await site.goto(base + "site/index.html");
  await site.waitForLoadState("networkidle");
  download = [...new Set(served)];
  await site.close();
} finally {
  await browser.close();
  server.close();
}

// ---------------------------------------------------------------- speed table
const ours = (input) => results.find((r) => r.input === input && r.tool === "article-lens");
const mbps = (r) => r.bytes / 1e6 / (r.median / 1000);
console.log(`\nIn-browser speed: ${env.userAgent.match(/(HeadlessChrome|Chrome)\/[\d.]+/)?.[0]}, ` +
  `one page, interleaved runs after warm-up; ms per analysis; ratio = tool median / article-lens median ` +
  `(p10 ratio: the same of p10, steadier when the machine is loaded)`);
const head = `${padEnd("input", 8)} ${pad("bytes", 9)}  ${padEnd("tool", 24)} ${pad("runs", 5)} ${pad("median", 9)} ${pad("p10", 9)} ${pad("p90", 9)} ${pad("MB/s", 8)} ${pad("ratio", 8)} ${pad("p10 ratio", 9)}`;
console.log(head + "\n" + "-".repeat(head.length));
for (const r of results) {
  const ratio = r.median / ours(r.input).median, ratio10 = r.p10 / ours(r.input).p10;
  const fmt = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
  console.log(`${padEnd(r.input, 8)} ${pad(r.bytes, 9)}  ${padEnd(r.tool, 24)} ${pad(r.runs, 5)} ${pad(ms(r.median), 9)} ` +
    `${pad(ms(r.p10), 9)} ${pad(ms(r.p90), 9)} ${pad(mbps(r).toFixed(2), 8)} ${pad(fmt(ratio), 8)} ${pad(fmt(ratio10), 9)}`);
  if (r.tool === env.tools[env.tools.length - 1]) console.log("");
}

// ---------------------------------------------------------------- boundary
console.log(variants.includes("json")
  ? "Crossing the boundary, variant json (both exports in one module): serde-wasm-bindgen object (analyze) vs " +
    "JSON string + JSON.parse (analyze_json), alternating, ms"
  : "Crossing the boundary: not measured (bench/variants.sh json builds the module with analyze_json)");
for (const [name, c] of Object.entries(crossing)) {
  if (!c.serde) continue;
  for (const q of ["median", "p10"]) {
    console.log(`  ${padEnd(name, 8)} ${padEnd(q, 6)} analyze ${pad(ms(c.serde[q]), 7)}  analyze_json+parse ${pad(ms(c.json[q]), 7)} ` +
      `(string ${ms(c.jsonString[q])} + JSON.parse ${ms(c.parse[q])})  json/serde = ${(c.json[q] / c.serde[q]).toFixed(2)}` +
      `  (${c.serde.runs} runs each)`);
  }
}
if (same) console.log(`  same report both ways: exactly ${same.exact}, at f32 precision ${same.f32} ` +
  `(serde-wasm-bindgen widens f32 fields to f64); JSON string ${same.jsonBytes} chars vs ${same.bytes} re-stringified`);

// ---------------------------------------------------------------- sizes
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
  [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
// Each file is read once, so every table agrees even if someone rebuilds site/ meanwhile.
const sizeCache = new Map();
function gzip1(file) {
  try {
    return execFileSync("gzip", ["-9c", file], { maxBuffer: 1 << 26 }).length;
  } catch {
    return NaN;
  }
}
function sizeRow(label, file) {
  if (!sizeCache.has(file)) {
    const b = fs.readFileSync(path.join(root, file));
    sizeCache.set(file, { raw: b.length, gzip: gz(b), brotli: br(b), gzip1: gzip1(path.join(root, file)) });
  }
  return { label, ...sizeCache.get(file) };
}
function printSizes(title, rows, total) {
  console.log(`\n${title}`);
  console.log(`  ${padEnd("file", 44)} ${pad("raw", 9)} ${pad("gzip 9", 9)} ${pad("brotli 11", 9)} ${pad("gzip(1) -9", 11)}`);
  for (const r of rows) console.log(`  ${padEnd(r.label, 44)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)} ${pad(r.gzip1, 11)}`);
  if (total) {
    const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
    console.log(`  ${padEnd(total, 44)} ${pad(sum("raw"), 9)} ${pad(sum("gzip"), 9)} ${pad(sum("brotli"), 9)} ${pad(sum("gzip1"), 11)}`);
  }
}
const widget = ["site/pkg/article_lens_bg.wasm", "site/pkg/article_lens.js", "site/article-lens.js", "site/article-lens-element.js", "site/article-lens.css"];
printSizes("Size in bytes: node zlib gzip level 9 and brotli quality 11 (what the issue asks); gzip(1) -9 for reference", [...widget, ...fs.readdirSync(path.join(root, "site")).filter((f) => /^index\./.test(f)).sort().map((f) => `site/${f}`)]
  .map((f) => sizeRow(f, f)), null);
printSizes("What site/index.html downloads (every file served while it loads and analyses its example)",
  download.sort().map((f) => sizeRow(f, f)), "total page download");
const widgetTotal = widget.map((f) => sizeRow(f, f));
printSizes("The widget alone (wasm + glue + element + its CSS)", widgetTotal, "total widget");
const extra = [
  ...variants.map((v) => sizeRow(`variant ${v}: .wasm`, `bench/build/variants/${v}/article_lens_bg.wasm`)),
  ...["compromise", "wink-nlp"].filter((p) => fs.existsSync(path.join(buildDir, `size-${p}.js`)))
    .map((p) => sizeRow(`peer ${p} (esbuild --minify)`, `bench/build/size-${p}.js`)),
];
printSizes("Variants (bench/variants.sh) and peers", extra, null);

// ---------------------------------------------------------------- targets
const wink001 = results.find((r) => r.input === "seed 001" && r.tool === "wink-nlp");
const our001 = ours("seed 001"), our1m = ours("1 MB"), our100k = ours("100 KB");
const pageGzip = download.map((f) => sizeRow(f, f)).reduce((a, r) => a + r.gzip, 0);
const codeGzip = download.filter((f) => /\.(wasm|js|css|html)$/.test(f)).map((f) => sizeRow(f, f)).reduce((a, r) => a + r.gzip, 0);
const check = (ok) => (ok ? "PASS" : "MISS");
console.log("\nTargets (issue 9)");
if (our001 && wink001) {
  const r = our001.median / wink001.median;
  console.log(`  seed 001: article-lens ${ms(our001.median)} ms vs wink-nlp ${ms(wink001.median)} ms = 1/${(1 / r).toFixed(1)}  (<= 1/10) ${check(r <= 0.1)}` +
    `  [p10: ${ms(our001.p10)} vs ${ms(wink001.p10)} = 1/${(wink001.p10 / our001.p10).toFixed(1)}]`);
}
console.log(`  1 MB: ${mbps(our1m).toFixed(2)} MB/s  (>= 20) ${check(mbps(our1m) >= 20)}  [p10: ${(our1m.bytes / 1e3 / our1m.p10).toFixed(2)} MB/s]`);
const scale = our1m.median / our100k.median;
console.log(`  time(1 MB) / time(100 KB) = ${scale.toFixed(2)}  (<= 11) ${check(scale <= 11)}  [p10: ${(our1m.p10 / our100k.p10).toFixed(2)}]`);
console.log(`  page download ${pageGzip} bytes gzip = ${(pageGzip / 1024).toFixed(1)} KiB  (<= 150 KB = 150000 bytes) ${check(pageGzip <= 150_000)}` +
  `  [wasm + JS + CSS + HTML only, without example.txt and favicon: ${codeGzip} bytes ${check(codeGzip <= 150_000)}]`);
log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
