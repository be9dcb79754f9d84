// Browser tests of the page's start: the engine loads when the element is defined (not when the
// first text arrives), nothing is requested after, the status line says what it measured (the
// first run labelled as including the engine's start-up, then the warm time), and the footer's
// note on the invented example shows only under the bundled example.
// Run with the others: node --test tests/e2e/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { TIMEOUT, startSite, open as openOn, waitForAnalysis, recordRequests } from "./helpers.mjs";

// A short original text written for these tests.
const TRADE_STORY = [
  "Japan Urges China to Lift Seafood Ban",
  "",
  "Japan on Monday urged China to lift its ban on Japanese seafood imports, saying the measure had no scientific basis.",
  "Chinese officials rejected the request and warned Tokyo against politicising food safety.",
].join("\n");

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });
const open = (t, pathAndQuery, options) => openOn(site, t, pathAndQuery, options);
const status = (page) => page.locator("#lens [part~=status]").textContent();

/** The element's own rounding of a time in ms (formatMs in article-lens-element.js). */
const formatMs = (ms) => (ms < 1 ? `${ms.toFixed(2)} ms` : ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`);

test("the engine is fetched while the article is still loading, and nothing is requested after", TIMEOUT, async (t) => {
  let release, wasmResponse;
  const held = new Promise((resolve) => { release = resolve; });
  const { page, problems } = await open(t, "", {
    route: (p) => {
      wasmResponse = p.waitForResponse((r) => r.url().endsWith("/pkg/article_lens_bg.wasm"), { timeout: 20_000 });
      // The article is held back until the test lets it through.
      return p.route("**/example.txt", async (route) => {
        await held;
        await route.continue();
      });
    },
  });
  // With the article still on its way, the .wasm is requested and arrives: the element started
  // loading the engine when it was defined. (An element that waited for its text never would.)
  const wasm = await wasmResponse;
  assert.equal(wasm.status(), 200);
  assert.equal(await page.locator("#lens").getAttribute("state"), "loading");
  await wasm.finished();
  const later = recordRequests(page);
  release();
  await waitForAnalysis(page, "Serbia");
  await page.waitForTimeout(300);
  // The favicon is the browser's, requested whenever it likes; every other request (the held
  // article's too) was made before the engine arrived.
  assert.deepEqual(later.filter((u) => !u.endsWith("/favicon.svg")), [], "nothing was requested after the engine");
  assert.deepEqual(problems, []);
});

test("the status line labels the first run as including start-up, then shows the warm time", TIMEOUT, async (t) => {
  const { page, problems } = await open(t, "", {
    route: (p) => p.addInitScript(() => document.addEventListener("analyzed", (e) => {
      window.__firstElapsed ??= e.detail.elapsed;
    })),
  });
  const firstElapsed = await (await page.waitForFunction(() => window.__firstElapsed)).jsonValue();
  const text = await status(page);
  const first = formatMs(firstElapsed).replace(".", "\\.");
  const labelled = new RegExp(`^[\\d,]+ characters analysed in (${first}, a first run that includes the engine's start-up|` +
    `[\\d.]+ ms \\(the first run, which includes the engine's start-up, took ${first}\\)): \\d+ actors?, \\d+ stances?\\.$`);
  assert.match(text, labelled, "the first analysis is never shown as if it were the speed");

  // Once the page is idle the element times the same text on the warm engine and says both.
  await page.waitForFunction(() => /\(the first run/.test(
    document.querySelector("#lens").shadowRoot.querySelector("[part~=status]").textContent), null, { timeout: 10_000 });
  const both = (await status(page)).match(/analysed in ([\d.]+) ms \(the first run, which includes the engine's start-up, took ([\d.]+) ms\)/);
  assert.ok(both, await status(page));
  assert.ok(Number(both[1]) > 0 && Number(both[2]) > 0);

  // A later analysis on the same engine is warm: its time alone, no label.
  await page.fill("#article", TRADE_STORY);
  await waitForAnalysis(page, "Seafood");
  assert.match(await status(page), /^[\d,]+ characters analysed in [\d.]+ ms: \d+ actors?, \d+ stances?\.$/);
  assert.deepEqual(problems, []);
});

test("the footer's note on the invented example shows only while the bundled example is shown", TIMEOUT, async (t) => {
  const note = (page) => page.locator("#example-note");
  const example = await open(t);
  await waitForAnalysis(example.page, "Serbia");
  assert.ok(await note(example.page).isVisible(), "the bundled example: the note is shown");
  assert.match(await note(example.page).textContent(), /invented article/);
  await example.page.fill("#article", TRADE_STORY);
  await waitForAnalysis(example.page, "Seafood");
  assert.equal(await note(example.page).isVisible(), false, "the reader's own text: no note");

  const other = await open(t, "?src=story.txt", {
    route: (p) => p.route("**/story.txt", (route) => route.fulfill({ contentType: "text/plain; charset=utf-8", body: TRADE_STORY })),
  });
  await waitForAnalysis(other.page, "Seafood");
  assert.equal(await note(other.page).isVisible(), false, "an article given with ?src=: no note");
  assert.match(await other.page.locator("footer").textContent(), /\?src=/, "the footer still says how to preload one");
  assert.deepEqual([...example.problems, ...other.problems], []);
});
