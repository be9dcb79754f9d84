// Lays out the npm package in a folder (scripts/build-package.sh packs it): the element's
// modules as www/ has them, what they load by `new URL("./…", import.meta.url)` (the stylesheet,
// the wasm package in pkg/), their .d.ts beside them, and npm/ (analyze's entries, the
// package.json, README, LICENSE). Paths inside the package are those of www/, so every
// relative URL the modules compute holds in the package as it does on the site.
//
//   node scripts/package.mjs OUT_DIR VERSION
//
// The element's modules are found by following its static imports from www/article-lens.js
// (esbuild's metafile), so a split of the element into more modules needs no change here.

import { build } from "esbuild";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const [out, version] = process.argv.slice(2);
if (!out || !/^\d+\.\d+\.\d+/.test(version ?? "")) {
  console.error("usage: node scripts/package.mjs OUT_DIR VERSION");
  process.exit(2);
}
const die = (message) => {
  console.error(`package: ${message}`);
  process.exit(1);
};

const WWW = "www";
const ELEMENT_ENTRY = "www/article-lens.js";
/** What wasm-pack writes that the package ships: the glue, the module, the report's types. */
const WASM_FILES = ["pkg/article_lens.js", "pkg/article_lens_bg.wasm", "pkg/article_lens.d.ts"];

const copied = new Set();
function copy(from, to) {
  if (copied.has(to)) return;
  if (!existsSync(from)) die(`${from} is missing`);
  mkdirSync(path.dirname(path.join(out, to)), { recursive: true });
  cpSync(from, path.join(out, to));
  copied.add(to);
}

// 1. The element: every module its entry reaches by static import, and what they load by URL.
const { metafile } = await build({
  entryPoints: [ELEMENT_ENTRY], bundle: true, write: false, metafile: true, format: "esm", logLevel: "error",
});
const modules = Object.keys(metafile.inputs);
for (const file of modules) {
  const rel = path.relative(WWW, file);
  if (rel.startsWith("..")) die(`the element imports ${file}, outside ${WWW}/`);
  copy(file, rel);
  const types = file.replace(/\.js$/, ".d.ts");
  if (existsSync(types)) copy(types, path.relative(WWW, types));
  const source = readFileSync(file, "utf8");
  for (const [, , url] of source.matchAll(/new URL\(\s*(["'`])(\.{1,2}\/[^"'`?#]+)\1\s*,\s*import\.meta\.url\s*\)/g)) {
    const asset = path.relative(WWW, path.join(path.dirname(file), url));
    if (!WASM_FILES.includes(asset)) copy(path.join(WWW, asset), asset);
  }
}
for (const rel of ["article-lens.js", "article-lens-element.js"]) {
  if (!copied.has(rel.replace(/\.js$/, ".d.ts"))) die(`www/${rel.replace(/\.js$/, ".d.ts")} is missing: the package's entries need their types`);
}

// 2. The wasm package as scripts/build-wasm.sh left it.
for (const rel of WASM_FILES) copy(path.join(WWW, rel), rel);

// 3. npm/: analyze's entries and the package's own files, some filled in below.
for (const name of readdirSync("npm")) copy(path.join("npm", name), name);

// report.d.ts: the report's types, the typescript_custom_section(s) of src/wasm.rs, for index.d.ts
// (wasm-bindgen appends the same text to pkg/article_lens.d.ts, with the glue's own types, which
// name DOM types that a Node project may not have).
const wasmRs = readFileSync("src/wasm.rs", "utf8");
const sections = [...wasmRs.matchAll(/#\[wasm_bindgen\(typescript_custom_section\)\]\s*const \w+: &'static str = r#"([\s\S]*?)"#;/g)]
  .map(([, ts]) => ts.trim());
const typeNames = sections.flatMap((ts) => [...ts.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]));
if (!typeNames.includes("Report") || !typeNames.includes("AnalyzeOptions")) die("no Report and AnalyzeOptions in the typescript_custom_section of src/wasm.rs");
const glueTypes = readFileSync(path.join(out, "pkg/article_lens.d.ts"), "utf8");
for (const name of typeNames) {
  if (!new RegExp(`^export (?:interface|type) ${name}\\b`, "m").test(glueTypes)) {
    die(`pkg/article_lens.d.ts lacks ${name}: www/pkg is older than src/wasm.rs; rebuild it (scripts/build-wasm.sh)`);
  }
}
writeFileSync(path.join(out, "report.d.ts"),
  `// The report of article-lens (version 1): the TypeScript of src/wasm.rs, written by scripts/package.mjs.\n\n${sections.join("\n\n")}\n`);

// package.json: the version and description of Cargo.toml.
const pkg = JSON.parse(readFileSync(path.join(out, "package.json"), "utf8"));
const cargo = readFileSync("Cargo.toml", "utf8");
pkg.version = version;
pkg.description = /^description = "(.*)"$/m.exec(cargo)?.[1] ?? die("Cargo.toml has no description");
writeFileSync(path.join(out, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);

// README.md: the examples of the project README's "Use it in your app" (its ### parts; the
// lines before them are about building the tarball), the same words in both.
const readme = readFileSync("README.md", "utf8");
const use = /^## Use it in your app\n[\s\S]*?(^### [\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? die('README.md has no "## Use it in your app" section with ### examples');
fill("README.md", "USE_IT_IN_YOUR_APP", use.trim());

// Every file the exports name is in the package.
for (const target of Object.values(pkg.exports).flatMap((e) => (typeof e === "string" ? [e] : Object.values(e)))) {
  if (!target.includes("*") && !existsSync(path.join(out, target))) die(`package.json exports ${target}, which is not in the package`);
}
console.error(`package: ${copied.size} files laid out in ${out} (element modules: ${modules.map((m) => path.relative(WWW, m)).join(", ")})`);

/** Replaces the one placeholder `key` in a copied file. */
function fill(rel, key, value) {
  const file = path.join(out, rel);
  const text = readFileSync(file, "utf8");
  if (text.split(key).length !== 2) die(`${rel} should hold the placeholder ${key} once`);
  writeFileSync(file, text.replace(key, () => value));
}
