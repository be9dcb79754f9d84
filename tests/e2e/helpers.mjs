// Helpers shared by the browser end-to-end tests: one server and browser per test file, pages
// that record problems (uncaught errors, console errors, CSP violations) and every
// analyzed/error event of an <article-lens>, and an axe-core run.

import { readFileSync, mkdirSync, copyFileSync, rmSync, readdirSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import path from "node:path";
import { WWW, startServer, launchChromium } from "./server.mjs";

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
export const TIMEOUT = { timeout: 60_000 };
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Starts the static server and Chromium; call from `before`, close from `after`. */
export async function startSite() {
  const server = await startServer();
  const browser = await launchChromium();
  return {
    server, browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens a page of the site. `problems` collects uncaught errors, console errors and CSP
 * violations; window.__events records every analyzed/error event of an article-lens.
 */
export async function open(site, t, pathAndQuery = "", { colorScheme = "light", route, width = 1280, permissions } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  if (permissions) await context.grantPermissions(permissions, { origin: new URL(site.server.url).origin });
  t.after(() => context.close());
  const page = await context.newPage();
  if (route) await route(page);
  const problems = [];
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ["analyzed", "error"]) {
      document.addEventListener(type, (e) => {
        if (!(e instanceof CustomEvent) || !e.target?.matches?.("article-lens")) return;
        window.__events.push(type === "analyzed"
          ? { type, id: e.target.id, text: e.detail.text, actors: e.detail.report.actors.map((a) => a.name) }
          : { type, id: e.target.id, message: e.detail.message });
      });
    }
  });
  await page.goto(new URL(pathAndQuery, site.server.url).href);
  return { page, problems };
}

/**
 * Waits for an `analyzed` or `error` event; `includes` (for analyzed events) is a string the
 * analysed text must contain, `id` the element's id. Returns the recorded event.
 */
export async function waitForEvent(page, type, includes = "", { id = null, timeout = 20_000 } = {}) {
  const handle = await page.waitForFunction(
    ([type, includes, id]) => window.__events.find((e) => e.type === type &&
      (!id || e.id === id) && (!includes || e.text.includes(includes))),
    [type, includes, id], { timeout });
  return handle.jsonValue();
}

export const waitForAnalysis = (page, includes, opts) => waitForEvent(page, "analyzed", includes, opts);

/** The report of an element (the first article-lens by default). */
export function report(page, selector = "article-lens") {
  return page.evaluate((sel) => document.querySelector(sel).report, selector);
}

/** Serious and critical axe-core violations of the page, as readable strings. */
export async function axeViolations(page) {
  await page.evaluate(AXE); // evaluated by the debugger protocol, so the CSP does not apply
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
}

/** Records every request the page makes from now on. */
export function recordRequests(page) {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  return requests;
}

/**
 * Copies the seed articles from ../shared/articles into site/preload/ (git-ignored) for the
 * test run, returning their file names and a function that removes the copies again. Their
 * text is the publishers'; it is never committed.
 */
export function preloadSeeds() {
  const from = process.env.ARTICLE_LENS_SEEDS ??
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/articles");
  if (!existsSync(from)) throw new Error(`${from} is missing: the seed articles live in ../shared/articles (or set ARTICLE_LENS_SEEDS)`);
  const names = readdirSync(from).filter((n) => n.endsWith(".txt")).sort();
  const dir = path.join(WWW, "preload");
  mkdirSync(dir, { recursive: true });
  for (const name of names) copyFileSync(path.join(from, name), path.join(dir, name));
  return {
    names,
    dir,
    text: (name) => readFileSync(path.join(from, name), "utf8"),
    remove() {
      for (const name of names) rmSync(path.join(dir, name), { force: true });
    },
  };
}

const FRIENDLY = new Set(["negotiate", "cooperate"]);
const HOSTILE = new Set(["reject", "threaten", "use_force", "criticize"]);

/** The directed (actor → target) pairs among the top actors, with the tone the graph should show. */
export function expectedEdges(r, max = 8) {
  // The graph draws the report's relations (confident stances only), each edge with its relation's tone.
  const ids = new Set(r.actors.slice(0, max).map((a) => a.id));
  const edges = new Map();
  for (const rel of r.relations) {
    for (const i of rel.stances) {
      const st = r.stances[i];
      if (st.target == null || st.target === st.actor || !ids.has(st.actor) || !ids.has(st.target)) continue;
      edges.set(`${st.actor}→${st.target}`, rel.tone);
    }
  }
  return edges;
}
