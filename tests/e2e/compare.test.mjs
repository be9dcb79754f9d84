// Browser tests with the two seed articles (one story from two outlets) and of the newsroom
// embedding page: compare mode, the relation graph on real articles, www/embed.html with one
// script tag, its CSP, its highlights in the page's own article, and axe-core on both.
//
// The seeds are copied from ../shared/articles into site/preload/ (git-ignored) for the run and
// removed afterwards: their text is the publishers' and never enters the repository.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  CSP, TIMEOUT, startSite, open as openOn, waitForAnalysis, report, axeViolations, recordRequests, preloadSeeds, expectedEdges,
} from "./helpers.mjs";

let site;
let seeds;
before(async () => {
  seeds = preloadSeeds();
  site = await startSite();
});
after(async () => {
  await site?.close();
  seeds?.remove();
});
const open = (t, pathAndQuery, options) => openOn(site, t, pathAndQuery, options);

const key = (st) => `${st.actor}|${st.class}|${st.target ?? ""}|${st.negated ? "not" : ""}`;

async function compareState(page) {
  return page.evaluate(() => {
    const body = document.querySelector("#comparison");
    const ids = (sel) => [...body.querySelectorAll(sel)].map((el) => el.dataset.id ?? el.dataset.key);
    return {
      hidden: body.hidden,
      shared: ids(".chips.shared li"),
      onlyA: ids(".only-a li[data-id]"),
      onlyB: ids(".only-b li[data-id]"),
      stancesA: ids(".stances-only-a li[data-key]"),
      stancesB: ids(".stances-only-b li[data-key]"),
    };
  });
}

function expectedComparison(a, b) {
  const idsA = a.actors.map((x) => x.id);
  const idsB = new Set(b.actors.map((x) => x.id));
  const keysA = new Set(a.stances.map(key));
  const keysB = new Set(b.stances.map(key));
  return {
    shared: new Set(idsA.filter((id) => idsB.has(id))),
    onlyA: idsA.filter((id) => !idsB.has(id)),
    onlyB: b.actors.map((x) => x.id).filter((id) => !idsA.includes(id)),
    stancesA: [...new Set(a.stances.map(key).filter((k) => !keysB.has(k)))],
    stancesB: [...new Set(b.stances.map(key).filter((k) => !keysA.has(k)))],
  };
}

test("compare mode on the two seeds: shared actors, stances only one reports", TIMEOUT, async (t) => {
  const [first, second] = seeds.names;
  const { page, problems } = await open(t, `?src=preload/${first}&src2=preload/${second}`);
  await waitForAnalysis(page, "", { id: "lens" });
  await waitForAnalysis(page, "", { id: "lens2" });
  await page.waitForFunction(() => !document.querySelector("#comparison").hidden);
  await page.waitForLoadState("networkidle");
  const requests = recordRequests(page);
  assert.equal(await page.inputValue("#article"), seeds.text(first));
  assert.equal(await page.inputValue("#article2"), seeds.text(second));
  assert.equal(await page.locator("#compare-toggle").getAttribute("aria-expanded"), "true");

  const a = await report(page, "#lens");
  const b = await report(page, "#lens2");
  const got = await compareState(page);
  const want = expectedComparison(a, b);
  assert.deepEqual(new Set(got.shared), want.shared);
  for (const id of ["united-states", "israel", "iran"]) assert.ok(got.shared.includes(id), `both name ${id}: ${got.shared}`);
  assert.deepEqual(got.onlyA, want.onlyA);
  assert.deepEqual(got.onlyB, want.onlyB);
  assert.deepEqual(got.stancesA, want.stancesA);
  assert.deepEqual(got.stancesB, want.stancesB);
  assert.ok(got.stancesA.length + got.stancesB.length > 0, "two outlets never report exactly the same stances");

  // An only-one stance shows its quote, and clicking it highlights the words in its article.
  const item = page.locator(got.stancesB.length ? ".stances-only-b li" : ".stances-only-a li").first();
  const lens = got.stancesB.length ? "#lens2" : "#lens";
  const r = got.stancesB.length ? b : a;
  const text = seeds.text(got.stancesB.length ? second : first);
  const st = r.stances.find((x) => key(x) === (got.stancesB[0] ?? got.stancesA[0]));
  const quote = text.slice(st.evidence.start, st.evidence.end);
  assert.equal(await item.locator("blockquote").textContent(), quote.replace(/\s+/g, " ").trim());
  await item.locator("button").click();
  assert.equal((await page.locator(`${lens} [part~=article] mark`).allTextContents()).join(""), quote);

  // The graph of each seed: a node per top actor, an edge per related pair.
  for (const [sel, rep] of [["#lens", a], ["#lens2", b]]) {
    const nodes = await page.locator(`${sel} [part~=node]`).evaluateAll((els) => els.map((el) => el.dataset.id));
    assert.deepEqual(nodes, rep.actors.slice(0, 8).map((x) => x.id));
    const edges = await page.locator(`${sel} [part~=edge]`).evaluateAll((els) => els.map((el) => [`${el.dataset.from}→${el.dataset.to}`, el.dataset.tone]));
    assert.deepEqual(new Map(edges), expectedEdges(rep));
    assert.ok(edges.some(([k]) => k === "united-states→israel"), "the US's appeal to Israel is drawn");
  }

  assert.deepEqual(requests, [], "no request after load");
  assert.deepEqual(problems, []);
  assert.deepEqual(await axeViolations(page), [], "compare mode passes axe-core");
});

test("compare mode by pasting: open the second field, paste, compare; stop comparing", TIMEOUT, async (t) => {
  const [first, second] = seeds.names;
  const { page, problems } = await open(t, `?src=preload/${first}`);
  await waitForAnalysis(page, "", { id: "lens" });
  await page.waitForLoadState("networkidle");
  const requests = recordRequests(page);
  assert.equal(await page.locator("#field2").isHidden(), true);
  await page.locator("#compare-toggle").click();
  assert.equal(await page.locator("#article2").evaluate((el) => el === document.activeElement), true, "focus moves to the second field");
  await page.fill("#article2", seeds.text(second));
  await waitForAnalysis(page, seeds.text(second).slice(0, 40), { id: "lens2" });
  await page.waitForFunction(() => !document.querySelector("#comparison").hidden);
  const got = await compareState(page);
  assert.ok(got.shared.includes("israel"), JSON.stringify(got.shared));
  await page.locator("#compare-toggle").click();
  assert.equal(await page.locator("#comparison").isHidden(), true);
  assert.equal(await page.locator("#second").isHidden(), true);
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
});

test("embed.html: a newsroom article with the element beside it, one script tag, CSP in force", TIMEOUT, async (t) => {
  const { page, problems } = await open(t, "embed.html");
  await waitForAnalysis(page, "Argentina", { id: "lens" });
  await page.waitForLoadState("networkidle");
  const requests = recordRequests(page);

  const scripts = await page.evaluate(() => [...document.scripts].map((s) => ({ src: s.getAttribute("src"), type: s.type, inline: s.textContent.trim().length })));
  assert.deepEqual(scripts, [{ src: "article-lens.js", type: "module", inline: 0 }], "one module script tag");
  assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content"), CSP);
  const blocked = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__inline = 1";
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return window.__inline !== 1;
  });
  assert.ok(blocked, "an inline script does not run");
  problems.splice(0, problems.length, ...problems.filter((p) => !/Content Security Policy/.test(p)));

  const lens = page.locator("article-lens#lens");
  assert.equal(await lens.getAttribute("for"), "story");
  const r = await report(page, "#lens");
  const names = r.actors.map((x) => x.name);
  assert.ok(names.includes("Chile") && names.includes("Argentina"), JSON.stringify(names));
  assert.equal(await page.locator("#lens [part~=article-panel]").isHidden(), true, "the page's own article is the article view");
  assert.equal(await page.locator("#lens [part~=takeaways-panel]").isVisible(), true);
  assert.equal(await page.locator("#lens [part~=export]").isHidden(), true, "view= leaves export out");
  const box = await page.locator("#story").boundingBox();
  const side = await lens.boundingBox();
  assert.ok(side.x > box.x + box.width - 1, "the element sits beside the article");

  // A takeaway selects its words in the page's article; an actor highlights all its mentions there.
  const story = await page.locator("#story").evaluate((el) => el.textContent);
  await page.locator("#lens [part~=takeaway]").first().click();
  assert.equal(await page.evaluate(() => getSelection().toString()), story.slice(r.takeaways[0].start, r.takeaways[0].end));
  const chile = r.actors.find((x) => x.id === "chile");
  await page.locator('#lens [part~=actor-name][data-actor="chile"]').click();
  const highlighted = await page.evaluate(() => [...CSS.highlights.get("article-lens")].map((range) => range.toString()));
  assert.deepEqual(highlighted.sort(), chile.mentions.map((m) => story.slice(m.start, m.end)).sort());

  assert.deepEqual(requests, [], "no request after load");
  assert.deepEqual(problems, []);
  assert.deepEqual(await axeViolations(page), []); // last: axe itself sets inline styles, which the CSP reports
});

test("embed.html in dark mode and at phone width passes axe-core", TIMEOUT, async (t) => {
  const { page } = await open(t, "embed.html", { colorScheme: "dark", width: 390 });
  await waitForAnalysis(page, "Argentina", { id: "lens" });
  await page.locator("#lens [part~=stance] button").first().click();
  assert.deepEqual(await axeViolations(page), []);
});
