// The npm package as an app would use it: article-lens-VERSION.tgz (scripts/build-package.sh)
// installed without a registry into an empty project, then
//   - in Node: analyze() on seed 001 (read from ../shared/articles at test time);
//   - in TypeScript: a file using the declarations type-checks, misuse is refused, and the
//     declared exports of each entry are exactly the modules' exports;
//   - in a bundle: esbuild bundles a page whose entry imports article-lens/element, and the page
//     runs in headless Chromium under the strict CSP with the package's stylesheet and pkg/
//     served beside the bundle; the package folder copied as it is works from a plain
//     <script type="module"> too; a bundle served without pkg/ beside it says so.
// Run with: scripts/build-package.sh && node --test tests/package/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { startServer, launchChromium } from "../e2e/server.mjs";
import { CSP, TIMEOUT } from "../e2e/helpers.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const VERSION = /^version = "(.*)"$/m.exec(readFileSync(path.join(ROOT, "Cargo.toml"), "utf8"))[1];
const TARBALL = path.join(ROOT, `article-lens-${VERSION}.tgz`);
const BIN = path.join(ROOT, "node_modules/.bin");
const SEEDS = process.env.ARTICLE_LENS_SEEDS ?? path.resolve(ROOT, "../shared/articles");

let app;       // the empty project the tarball is installed into
let installed; // app/node_modules/article-lens
let seedFile;
let seedText;

before(() => {
  if (!existsSync(TARBALL)) throw new Error(`${TARBALL} is missing: run scripts/build-package.sh first`);
  const seed = existsSync(SEEDS) ? readdirSync(SEEDS).find((n) => /^001_.*\.txt$/.test(n)) : undefined;
  if (!seed) throw new Error(`no 001_*.txt in ${SEEDS}: the seed articles live in ../shared/articles (or set ARTICLE_LENS_SEEDS)`);
  seedFile = path.join(SEEDS, seed);
  seedText = readFileSync(seedFile, "utf8");

  app = mkdtempSync(path.join(tmpdir(), "article-lens-app-"));
  writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "lens-app", private: true, type: "module" }));
  // --offline and a registry nobody listens on: the install cannot reach the network.
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts",
    "--registry=http://127.0.0.1:9/", "--cache", path.join(app, ".npm-cache"), TARBALL],
  { cwd: app, stdio: ["ignore", "ignore", "pipe"] });
  installed = path.join(app, "node_modules", "article-lens");
});

after(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

/** The actor ids of a report, and a check of seed 001's cast (the same facts as tests/seeds.rs). */
function checkSeedActors(report, text) {
  const ids = report.actors.map((a) => a.id);
  for (const id of ["united-states", "israel", "iran"]) {
    assert.ok(ids.slice(0, 3).includes(id), `${id} is among the three most salient actors: ${ids.slice(0, 5)}`);
  }
  const actor = (id) => report.actors.find((a) => a.id === id) ?? assert.fail(`no actor ${id} in ${ids}`);
  assert.equal(actor("benjamin-netanyahu").kind, "person");
  assert.equal(actor("abbas-araghchi").affiliation, "iran");
  const forms = (id) => actor(id).mentions.map((m) => text.slice(m.start, m.end));
  assert.ok(forms("united-states").includes("Washington"), "Washington is a mention of the United States");
  assert.ok(forms("iran").includes("Tehran"), "Tehran is a mention of Iran");
}

test("the tarball holds the package and nothing of the site", () => {
  const files = execFileSync("tar", ["-tzf", TARBALL], { encoding: "utf8" }).trim().split("\n").map((f) => f.replace(/^package\//, ""));
  for (const f of ["package.json", "README.md", "LICENSE", "index.js", "node.js", "index.d.ts", "article-lens.js",
    "article-lens.d.ts", "article-lens-element.js", "article-lens-element.d.ts", "article-lens.css",
    "wasm-engine.js", "schema.js", "dom.js", "format.js", "report-helpers.js", "brief.js", "graph.js",
    "pkg/article_lens.js", "pkg/article_lens_bg.wasm", "pkg/article_lens.d.ts"]) {
    assert.ok(files.includes(f), `the tarball has ${f}: ${files}`);
  }
  for (const f of files) {
    assert.doesNotMatch(f, /(^|\/)(index\.html|embed|compare|example|preload|favicon)/, `a page file in the package: ${f}`);
  }
  const pkg = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8"));
  assert.equal(pkg.name, "article-lens");
  assert.equal(pkg.version, VERSION);
  assert.equal(pkg.type, "module");
  assert.equal(pkg.dependencies, undefined, "no runtime dependency");
  assert.match(pkg.license, /^MIT AND CC-BY-SA/);
  assert.match(readFileSync(path.join(installed, "LICENSE"), "utf8"), /CountryInfo[\s\S]*CC BY-SA 3\.0[\s\S]*UD English EWT[\s\S]*CC BY-SA 4\.0/);
  assert.match(readFileSync(path.join(installed, "README.md"), "utf8"), /esbuild .*--bundle/, "the README's usage section is in the package");
});

test("Node: analyze() reports seed 001's actors, loads the wasm once and refuses what it cannot analyse", TIMEOUT, () => {
  writeFileSync(path.join(app, "node-check.mjs"), `
    import { readFileSync } from "node:fs";
    import { analyze } from "article-lens";
    const text = readFileSync(process.argv[2], "utf8");
    const [report, three] = await Promise.all([analyze(text), analyze(text, { takeaways: 3 })]);
    const refusals = [];
    for (const args of [[42], ["x".repeat(5 * 1024 * 1024 + 1)], ["text", { takeaways: "three" }]]) {
      await analyze(...args).then(() => refusals.push("accepted"), (e) => refusals.push(e.constructor.name + ": " + e.message));
    }
    console.log(JSON.stringify({ report, three: three.takeaways.length, again: (await analyze(text)).actors.length, refusals }));
  `);
  const out = JSON.parse(execFileSync(process.execPath, ["node-check.mjs", seedFile], { cwd: app, encoding: "utf8" }));
  assert.equal(out.report.version, 1);
  checkSeedActors(out.report, seedText);
  assert.ok(out.report.takeaways.length >= 3 && out.report.takeaways.length <= 5, "3 to 5 takeaways by default");
  assert.equal(out.three, 3, "{ takeaways: 3 } gives three takeaways");
  assert.equal(out.again, out.report.actors.length, "a later call gives the same report");
  assert.match(out.refusals[0], /^TypeError: analyze: the text must be a string/);
  assert.match(out.refusals[1], /^Error: the text is 5242881 bytes long, more than the 5242880 bytes/);
  assert.match(out.refusals[2], /^Error: bad options: takeaways must be a whole number/);
});

/** The names each entry exports at run time, as esbuild reads them. */
async function runtimeExports(specifier) {
  const { metafile } = await build({
    stdin: { contents: `export * from ${JSON.stringify(specifier)};`, resolveDir: app },
    bundle: true, write: false, metafile: true, format: "esm", platform: "neutral", logLevel: "silent",
    mainFields: ["module", "main"], conditions: ["import"],
  });
  return Object.values(metafile.outputs)[0].exports.sort();
}

test("TypeScript: the declarations type-check a use of both entries, refuse misuse and match the exports", TIMEOUT, async () => {
  const exact = [];
  for (const [name, specifier] of [["analyzeEntry", "article-lens"], ["element", "article-lens/element"], ["elementClass", "article-lens/element-class"]]) {
    const names = await runtimeExports(specifier);
    assert.ok(names.length > 0, `${specifier} exports something`);
    exact.push(`import * as ${name} from ${JSON.stringify(specifier)};`,
      `const ${name}Exports = ${JSON.stringify(names)} as const;`,
      // A name the module exports that the declarations lack (or the reverse) fails here, named.
      `const ${name}Undeclared: [Exclude<(typeof ${name}Exports)[number], keyof typeof ${name}>] extends [never] ? "none" : Exclude<(typeof ${name}Exports)[number], keyof typeof ${name}> = "none";`,
      `const ${name}Missing: [Exclude<keyof typeof ${name}, (typeof ${name}Exports)[number]>] extends [never] ? "none" : Exclude<keyof typeof ${name}, (typeof ${name}Exports)[number]> = "none";`,
      `void [${name}Undeclared, ${name}Missing];`);
  }
  writeFileSync(path.join(app, "exports.ts"), `${exact.join("\n")}\nexport {};\n`);
  writeFileSync(path.join(app, "use.ts"), `
    import { analyze, type Actor, type Report, type StanceClass } from "article-lens";
    import { ArticleLensElement, ArticleLensAnalyzedEvent, VIEWS, graphOf, groupStances, markdownBrief } from "article-lens/element-class";
    import "article-lens/element";

    const report = await analyze("The U.S. urged Israel to hold back.", { takeaways: 3 }); // inferred: a Report, not any
    const same: Report = report;
    const names: string[] = report.actors.map((a: Actor) => a.name);
    const kinds: ("country" | "person" | "organization" | "group" | "place")[] = report.actors.map((a) => a.kind);
    const classes: StanceClass[] = report.stances.map((s) => s.class);
    const quoted: string = report.takeaways[0]?.text ?? "";
    // @ts-expect-error the text must be a string
    await analyze(42);
    // @ts-expect-error takeaways is a number
    await analyze("text", { takeaways: "3" });
    // @ts-expect-error an actor has no such field
    report.actors[0]?.nmae;
    // @ts-expect-error not a stance class
    const wrong: StanceClass = "praise";

    const lens = document.createElement("article-lens");
    const typed: ArticleLensElement = lens;
    lens.takeaways = 3;
    lens.view = ["takeaways", "actors"];
    lens.text = "The U.S. urged Israel to hold back.";
    lens.addEventListener("analyzed", (event) => {
      const r: Report = event.report;
      const ms: number = event.detail.elapsed;
      const isEvent: boolean = event instanceof ArticleLensAnalyzedEvent;
      console.log(r.version, ms, isEvent);
    });
    lens.addEventListener("error", (event) => console.log(event.detail.message.length));
    // @ts-expect-error the report is read-only
    lens.report = null;
    // @ts-expect-error copy takes "json" or "markdown"
    await lens.copy("html");
    const done: boolean = await lens.copy("markdown");
    const brief: string = markdownBrief(report, "text") + lens.markdown();
    const tones: string[] = graphOf(report).edges.map((e) => e.tone);
    const groups: number = groupStances(report).length + VIEWS.length;
    ArticleLensElement.define("my-lens");
    console.log(same, names, kinds, classes, quoted, wrong, typed, done, brief, tones, groups);
  `);
  writeFileSync(path.join(app, "tsconfig.json"), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: "es2022", module: "nodenext", moduleResolution: "nodenext",
      lib: ["es2022", "dom"], types: [], skipLibCheck: false,
    },
    files: ["use.ts", "exports.ts"],
  }));
  // A server-side project: no DOM types, a bundler's module resolution; analyze() alone must check.
  writeFileSync(path.join(app, "server.ts"), `
    import { analyze, type Report, type Stance } from "article-lens";
    const report = await analyze("Iran rejected the U.S. demand.");
    const stances: Stance[] = report.stances;
    const same: Report = report;
    // @ts-expect-error the options are an object
    await analyze("text", 3);
    export const summary = [stances.length, same.version];
  `);
  writeFileSync(path.join(app, "tsconfig.server.json"), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: "es2022", module: "esnext", moduleResolution: "bundler",
      lib: ["es2022"], types: [], skipLibCheck: false,
    },
    files: ["server.ts"],
  }));
  for (const project of ["tsconfig.json", "tsconfig.server.json"]) {
    try {
      execFileSync(path.join(BIN, "tsc"), ["-p", project], { cwd: app, encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      assert.fail(`tsc -p ${project} found errors:\n${e.stdout}${e.stderr}`);
    }
  }
});

test("a page bundled by esbuild runs the element and analyze() under the strict CSP; so does the plain package folder", TIMEOUT, async (t) => {
  // The entry imports the element (registering it) and analyze(), exposed for the test.
  writeFileSync(path.join(app, "entry.js"),
    'import "article-lens/element";\nimport { analyze } from "article-lens";\nwindow.analyzeArticle = analyze;\n');
  const dist = path.join(app, "dist");
  execFileSync(path.join(BIN, "esbuild"), ["entry.js", "--bundle", "--format=esm", "--loader:.wasm=file", "--outdir=dist", "--log-level=warning"],
    { cwd: app, stdio: ["ignore", "ignore", "pipe"] });
  // The package's files the bundle loads at run time, served beside it at their relative paths.
  for (const rel of ["article-lens.css", "pkg/article_lens.js", "pkg/article_lens_bg.wasm"]) {
    mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
    cpSync(path.join(installed, rel), path.join(dist, rel));
  }
  // The plain way: the installed package folder copied as it is, one module tag.
  cpSync(installed, path.join(dist, "plain"), { recursive: true });
  cpSync(seedFile, path.join(dist, "article.txt"));
  writeFileSync(path.join(dist, "favicon.svg"), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  const page = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${CSP}">
    <link rel="icon" href="favicon.svg"><title>article-lens in an app</title><script type="module" src="${script}"></script></head>
    <body><article-lens id="lens" src="article.txt" takeaways="3"></article-lens></body></html>`;
  writeFileSync(path.join(dist, "bundle.html"), page("entry.js"));
  writeFileSync(path.join(dist, "plain.html"), page("plain/article-lens.js"));
  mkdirSync(path.join(dist, "bare"));
  cpSync(path.join(dist, "entry.js"), path.join(dist, "bare", "entry.js"));
  writeFileSync(path.join(dist, "bare", "bundle.html"), page("entry.js"));

  const server = await startServer(dist);
  const browser = await launchChromium();
  t.after(async () => {
    await browser.close();
    await server.close();
  });
  for (const name of ["bundle.html", "plain.html"]) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const problems = [];
    tab.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
    tab.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
    tab.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
    tab.on("request", (r) => { if (!r.url().startsWith(server.url)) problems.push(`request off the site: ${r.url()}`); });
    await tab.goto(new URL(name, server.url).href);
    await tab.waitForFunction(() => ["ready", "error"].includes(document.querySelector("#lens").state), null, { timeout: 20_000 });
    const seen = await tab.evaluate(() => {
      const lens = document.querySelector("#lens");
      const root = lens.shadowRoot;
      return {
        state: lens.state,
        report: lens.report,
        shown: [...root.querySelectorAll("[part~=actor-name]")].map((b) => b.textContent),
        takeaways: root.querySelectorAll("[part~=takeaway]").length,
        styled: [...root.querySelectorAll("link[rel=stylesheet]")].some((l) => l.sheet?.cssRules.length > 0),
      };
    });
    assert.equal(seen.state, "ready", `${name}: the element analysed the article (${problems})`);
    checkSeedActors(seen.report, seedText);
    assert.ok(seen.shown.some((n) => /Israel/.test(n)), `${name}: the actors are shown: ${seen.shown}`);
    assert.equal(seen.takeaways, 3, `${name}: three takeaways shown`);
    assert.ok(seen.styled, `${name}: the element's stylesheet loaded`);
    if (name === "bundle.html") {
      const ids = await tab.evaluate(async (text) => (await window.analyzeArticle(text)).actors.map((a) => a.id), seedText);
      assert.deepEqual(ids, seen.report.actors.map((a) => a.id), "analyze() in the bundle gives the element's report");
    }
    assert.deepEqual(problems, [], `${name}: no error, CSP violation, failed or outside request`);
    await context.close();
  }

  // The bundle served without the package's pkg/ beside it: analyze() says what is missing.
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(new URL("bare/bundle.html", server.url).href);
  const refusal = await tab.evaluate(() => window.analyzeArticle("text").then(() => "analysed", (e) => e.message));
  assert.match(refusal, /could not load .*\/bare\/pkg\/article_lens_bg\.wasm \(HTTP 404\): serve the package's pkg\/ folder beside/);
  await context.close();
});
