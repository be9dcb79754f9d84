// Browser end-to-end tests of the paste page (index.html) and the <article-lens> element,
// in headless Debian Chromium through playwright-core, on the built site (site/, from
// scripts/build-site.sh). Run: node --test tests/e2e/
//
// The page must work under its Content-Security-Policy, make no request after the first
// analysis, and never turn article text into markup.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { WWW } from "./server.mjs";
import {
  CSP, TIMEOUT, startSite, open as openOn, waitForEvent, waitForAnalysis, report, axeViolations, recordRequests,
} from "./helpers.mjs";

const EXAMPLE = readFileSync(path.join(WWW, "example.txt"), "utf8");

// Short original texts written for these tests.
const TRADE_STORY = [
  "Japan Urges China to Lift Seafood Ban",
  "",
  "Japan on Monday urged China to lift its ban on Japanese seafood imports, saying the measure had no scientific basis.",
  "Chinese officials rejected the request and warned Tokyo against politicising food safety.",
  "Trade Minister Keiko Arai said Tokyo would keep pressing Beijing at next month's regional summit.",
].join("\n");

const HOSTILE_STORY = [
  "Brazil Warns Argentina Over Tariffs",
  "",
  'Brazil warned Argentina on Friday <img src=x onerror="window.__pwned=1"> over the new tariffs on steel.',
  "Argentina rejected the warning <script>window.__pwned=1</script> and said the tariffs were temporary.",
].join("\n");

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const open = (t, pathAndQuery, options) => openOn(site, t, pathAndQuery, options);

async function actorNames(page) {
  return page.locator("#lens [part~=actor-name]").allTextContents();
}

test("preloads example.txt, analyses it and renders every panel", TIMEOUT, async (t) => {
  const { page, problems } = await open(t);
  await waitForAnalysis(page, "Serbia");
  const lens = page.locator("#lens");
  assert.equal(await lens.getAttribute("state"), "ready");
  assert.equal(await page.inputValue("#article"), EXAMPLE, "the textarea holds the preloaded article");

  const r = await report(page);
  assert.equal(r.version, 1);
  const takeaways = await page.locator("#lens [part~=takeaway]").allTextContents();
  assert.ok(takeaways.length >= 1 && takeaways.length <= 5, `1-5 takeaways, got ${takeaways.length}`);
  assert.ok(takeaways.length >= r.takeaways.length, "every takeaway of the report is shown");
  for (const text of takeaways) assert.ok(text.trim().length > 20, `takeaway has text: ${text}`);

  const names = await actorNames(page);
  for (const expected of ["Serbia", "Kosovo", "European Union", "Radović"]) {
    assert.ok(names.some((n) => n.includes(expected)), `actor ${expected} in ${JSON.stringify(names)}`);
  }
  assert.equal(names.length, r.actors.length);
  const firstActor = page.locator("#lens [part~=actor]").first();
  assert.match(await firstActor.textContent(), /\d+ mentions?/);

  const author = page.locator("#lens [part~=author-takeaways] li");
  assert.equal(await author.count(), (r.author_takeaways ?? []).length);
  if (r.author_takeaways?.length) {
    assert.ok(await page.locator("#lens [part~=author-panel]").isVisible());
    assert.match(await page.locator("#lens [part~=author-panel] h2").textContent(), /author/i);
  }

  // Every stance is listed once, repeats merged: the sure ones in the digest, the rest behind "N more, unsure".
  const counts = await page.locator("#lens [part~=stance]").evaluateAll((els) => els.map((el) => Number(el.dataset.count)));
  assert.equal(counts.reduce((a, b) => a + b, 0), r.stances.length, "every stance is listed once, repeats merged");
  const status = await page.locator("#lens [part~=status]").textContent();
  assert.match(status, /analysed in [\d.]+ ms/);
  // The stylesheet is applied (the shadow root links it; no inline styles are allowed).
  const display = await lens.evaluate((el) => getComputedStyle(el).display);
  assert.equal(display, "block");
  assert.deepEqual(problems, []);
});

test("the CSP meta is present and enforced", TIMEOUT, async (t) => {
  const { page, problems } = await open(t);
  const csp = page.locator('meta[http-equiv="Content-Security-Policy"]');
  assert.equal(await csp.count(), 1);
  assert.equal(await csp.getAttribute("content"), CSP);
  await waitForAnalysis(page, "Serbia");
  // An inline script added now must not run: proves the policy is in force, not just present.
  const ran = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__inline = 1";
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return window.__inline === 1;
  });
  assert.equal(ran, false);
  assert.ok(problems.some((p) => /Content Security Policy/i.test(p)), "the blocked script was reported");
});

test("editing the text re-analyses it without any network request", TIMEOUT, async (t) => {
  const { page, problems } = await open(t);
  await waitForAnalysis(page, "Serbia");
  await page.waitForLoadState("networkidle");
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));

  // Re-analysing the preloaded file (here for another takeaway count) uses the copy already fetched.
  await page.evaluate(() => { window.__events.length = 0; document.querySelector("article-lens").takeaways = 3; });
  await waitForAnalysis(page, "Serbia");
  assert.ok((await report(page)).takeaways.length <= 3);

  await page.fill("#article", TRADE_STORY);
  await waitForAnalysis(page, "Seafood");
  const names = await actorNames(page);
  assert.ok(names.some((n) => n.includes("Japan")), `Japan in ${JSON.stringify(names)}`);
  assert.ok(names.some((n) => n.includes("China")), `China in ${JSON.stringify(names)}`);
  assert.ok(!names.some((n) => n.includes("Serbia")), `Serbia gone from ${JSON.stringify(names)}`);
  assert.equal((await report(page)).actors.length, names.length);
  await page.waitForTimeout(300);
  assert.deepEqual(requests, [], "no request after the first analysis");
  assert.deepEqual(problems, []);
});

test("clearing the text shows a prompt, not a blank widget", TIMEOUT, async (t) => {
  const { page } = await open(t);
  await waitForAnalysis(page, "Serbia");
  await page.fill("#article", "   ");
  await page.waitForFunction(() => document.querySelector("article-lens").getAttribute("state") === "empty");
  assert.match(await page.locator("#lens [part~=status]").textContent(), /paste or type/i);
  assert.equal(await page.locator("#lens [part~=takeaways]").isVisible(), false);
});

test("markup in an article is shown as text and never runs", TIMEOUT, async (t) => {
  const { page, problems } = await open(t);
  await waitForAnalysis(page, "Serbia");
  await page.waitForLoadState("networkidle");
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));

  await page.fill("#article", HOSTILE_STORY);
  await waitForAnalysis(page, "onerror");
  // The markup sits inside stance evidence, so the evidence quotes are exercised too.
  const r = await report(page);
  const quoted = r.stances.map((st) => HOSTILE_STORY.slice(st.evidence.start, st.evidence.end)).join("\n");
  assert.ok(quoted.includes("<img") || quoted.includes("<script"), `evidence holds markup: ${quoted}`);
  const article = await page.locator("#lens [part~=article]").textContent();
  assert.ok(article.includes('<img src=x onerror="window.__pwned=1">'), "the img tag is shown as text");
  assert.ok(article.includes("<script>window.__pwned=1</script>"), "the script tag is shown as text");
  const injected = await page.evaluate(() => {
    const root = document.querySelector("article-lens").shadowRoot;
    return root.querySelectorAll("img, script").length + document.querySelectorAll("img, body script").length;
  });
  assert.equal(injected, 0, "no img or script element was created");
  // Every text a stance or takeaway shows goes in as text too: open them all, then highlight
  // the whole article, so every piece of it is rendered inside a <mark> as well.
  const unsureToggle = page.locator("#lens [part~=unsure-toggle]");
  if (await unsureToggle.isVisible()) await unsureToggle.click();
  for (const button of await page.locator("#lens [part~=stance] button, article-lens [part~=takeaway]").all()) {
    await button.click();
  }
  await page.evaluate((n) => document.querySelector("article-lens").highlight(0, n), HOSTILE_STORY.length);
  assert.equal((await page.locator("#lens [part~=article] mark").allTextContents()).join(""), HOSTILE_STORY);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(requests, [], "nothing was fetched (an <img src=x> would fetch /x)");
  assert.deepEqual(problems, []);
});

test("clicking a takeaway highlights its span; clicking a stance shows its evidence", TIMEOUT, async (t) => {
  const { page } = await open(t);
  await waitForAnalysis(page, "Serbia");
  const r = await report(page);
  assert.ok(r.takeaways.length > 0, "the example yields takeaways");

  const last = r.takeaways.length - 1;
  await page.locator("#lens [part~=takeaway]").nth(last).click();
  const marked = await page.locator("#lens [part~=article] mark").allTextContents();
  const { start, end } = r.takeaways[last];
  assert.equal(marked.join(""), EXAMPLE.slice(start, end));
  const visible = await page.locator("#lens [part~=article] mark").first().evaluate((mark) => {
    const view = mark.closest("[part~=article]").getBoundingClientRect();
    const box = mark.getBoundingClientRect();
    return box.top >= view.top - 1 && box.top < view.bottom;
  });
  assert.ok(visible, "the highlighted span is scrolled into the article view");

  assert.ok(r.stances.length > 0, "the example yields stances");
  // Stances are a digest by actor (report order) and target; only the sure ones by default.
  const sure = r.stances.filter((st) => st.confidence >= r.stance_threshold);
  const groupIds = await page.locator("#lens [part~=stances] > [part~=stance-group]").evaluateAll((els) => els.map((el) => el.dataset.actor));
  const order = r.actors.map((a) => a.id);
  assert.deepEqual(groupIds, order.filter((id) => groupIds.includes(id)), "groups follow the actors' order");
  assert.deepEqual(new Set(groupIds), new Set(sure.map((st) => st.actor)), "one group per actor with sure stances");
  // Negation is visible: a NOT badge exactly on the negated stances.
  const negatedShown = await page.locator("#lens [part~=stances] [part~=stance]").evaluateAll((els) => els
    .filter((el) => el.querySelector("[part~=negated]")).reduce((n, el) => n + Number(el.dataset.count), 0));
  assert.equal(negatedShown, sure.filter((st) => st.negated).length, '"not" shown on every negated stance');

  const group = page.locator("#lens [part~=stances] > [part~=stance-group]").first();
  const actor = r.actors.find((a) => a.id === groupIds[0]);
  assert.match(await group.locator("h3").textContent(), new RegExp(actor.name));
  // A pair's line: its classes, each a button opening the words of its stances.
  const pairLine = group.locator("[part~=stance-pair]").first();
  const stance = pairLine.locator("[part~=stance]").first();
  const clsName = await stance.getAttribute("data-class");
  const targetId = (await pairLine.getAttribute("data-target")) ?? "";
  const speaks = (await pairLine.getAttribute("class")).includes("speaks");
  const firstStance = sure.find((st) => st.actor === actor.id && st.class === clsName &&
    (speaks ? st.target == null : (st.target ?? "") === targetId));
  assert.ok(firstStance, `a sure ${clsName} stance of ${actor.id}`);
  const line = await stance.locator("button").textContent();
  assert.ok(line.toLowerCase().includes(firstStance.verb.toLowerCase()), `stance line: ${line}`);
  const cls = stance.locator("[part~=stance-class]");
  assert.equal(await cls.textContent(), speaks ? "said" : firstStance.class.replace("_", " "), "the class is written out");
  const colour = await cls.evaluate((el) => getComputedStyle(el).color);
  const other = await page.locator("#lens [part~=actor-name]").first().evaluate((el) => getComputedStyle(el).color);
  assert.notEqual(colour, other, "the class is coloured");
  const evidence = stance.locator("[part~=evidence]").first();
  assert.equal(await evidence.isVisible(), false);
  await stance.locator("button").click();
  assert.equal(await evidence.isVisible(), true);
  const ev = firstStance.evidence;
  assert.equal(await evidence.textContent(), EXAMPLE.slice(ev.start, ev.end));
  const quotes = await stance.locator("[part~=evidence]").count();
  assert.equal(quotes, Number(await stance.getAttribute("data-count")), "one quote per merged stance");
  assert.ok(
    (await page.locator("#lens [part~=article] mark").allTextContents()).join("").includes(EXAMPLE.slice(ev.start, ev.end)),
    "the stance's words are highlighted in the article");
});

test("?src= preloads another file of the site", TIMEOUT, async (t) => {
  const { page } = await open(t, "?src=preload/e2e-story.txt", {
    route: (p) => p.route("**/preload/e2e-story.txt",
      (route) => route.fulfill({ status: 200, contentType: "text/plain; charset=utf-8", body: TRADE_STORY })),
  });
  await waitForAnalysis(page, "Seafood");
  assert.equal(await page.inputValue("#article"), TRADE_STORY);
  const names = await actorNames(page);
  assert.ok(names.some((n) => n.includes("Japan")), `Japan in ${JSON.stringify(names)}`);
  assert.match(await page.locator("#source").textContent(), /preload\/e2e-story\.txt/);
});

test("a missing or foreign ?src= shows an error message", TIMEOUT, async (t) => {
  const { page } = await open(t, "?src=no-such-article.txt");
  const missing = await waitForEvent(page, "error");
  assert.match(missing.message, /HTTP 404/);
  assert.equal(await page.locator("#lens").getAttribute("state"), "error");
  const shown = page.locator("#lens [part~=error]");
  assert.ok(await shown.isVisible());
  assert.match(await shown.textContent(), /could not be analysed.*HTTP 404/s);

  const other = await open(t, "?src=" + encodeURIComponent("https://example.com/story.txt"));
  const requests = [];
  other.page.on("request", (r) => requests.push(r.url()));
  const foreign = await waitForEvent(other.page, "error");
  assert.match(foreign.message, /on this site/);
  assert.ok(await other.page.locator("#lens [part~=error]").isVisible());
  assert.ok(!requests.some((u) => u.includes("example.com")), "nothing was fetched from elsewhere");
});

test("a missing engine shows a clear message, not a blank widget", TIMEOUT, async (t) => {
  const { page } = await open(t, "", {
    route: (p) => p.route("**/pkg/article_lens.js", (route) => route.fulfill({ status: 404, body: "" })),
  });
  const failed = await waitForEvent(page, "error");
  assert.match(failed.message, /analysis engine could not be loaded/);
  const shown = page.locator("#lens [part~=error]");
  assert.ok(await shown.isVisible());
  assert.match(await shown.textContent(), /scripts\/build-wasm\.sh/);
});

test("the element reads text content, src and for; new and createElement both work", TIMEOUT, async (t) => {
  const { page, problems } = await open(t);
  await waitForAnalysis(page, "Serbia");
  const result = await page.evaluate(async ([story, example]) => {
    const analysed = (el) => new Promise((resolve, reject) => {
      el.addEventListener("analyzed", (e) => resolve(e.detail), { once: true });
      el.addEventListener("error", (e) => reject(e.detail.error), { once: true });
    });
    const names = (detail) => detail.report.actors.map((a) => a.name);
    const Lens = customElements.get("article-lens");
    const out = { ctorName: Lens.name };

    // new + light-DOM text content.
    const byContent = new Lens();
    byContent.id = "by-content";
    byContent.textContent = story;
    let done = analysed(byContent);
    document.body.append(byContent);
    out.content = names(await done);
    out.contentShadow = byContent.shadowRoot.textContent.includes("Japan");
    // Editing the light-DOM text re-analyses.
    done = analysed(byContent);
    byContent.textContent = "France urged Germany to act.";
    out.contentEdited = names(await done);

    // createElement + src, with 3 takeaways; an out-of-range takeaways value falls back.
    const bySrc = document.createElement("article-lens");
    bySrc.setAttribute("src", "example.txt");
    bySrc.setAttribute("takeaways", "3");
    done = analysed(bySrc);
    document.body.append(bySrc);
    const srcDetail = await done;
    out.srcSame = srcDetail.text === example;
    out.srcTakeaways = srcDetail.report.takeaways.length;
    out.srcTakeawaysShown = bySrc.shadowRoot.querySelectorAll("[part~=takeaway]").length;
    bySrc.setAttribute("takeaways", "9");
    out.clamped = bySrc.takeaways;

    // for= another element: highlights select text in that element.
    const story2 = document.createElement("div");
    story2.id = "e2e-story";
    story2.textContent = story;
    document.body.append(story2);
    const byFor = document.createElement("article-lens");
    byFor.setAttribute("for", "e2e-story");
    done = analysed(byFor);
    document.body.append(byFor);
    const forDetail = await done;
    out.forNames = names(forDetail);
    out.forArticleHidden = byFor.shadowRoot.querySelector("[part~=article-panel]").hidden;
    const t0 = forDetail.report.takeaways[0];
    byFor.shadowRoot.querySelector("[part~=takeaway]").click();
    out.selection = getSelection().toString();
    out.expectedSelection = story.slice(t0.start, t0.end);
    return out;
  }, [TRADE_STORY, EXAMPLE]);

  assert.equal(result.ctorName, "ArticleLensElement");
  assert.ok(result.content.includes("Japan"), JSON.stringify(result.content));
  assert.ok(result.contentShadow);
  assert.ok(result.contentEdited.includes("France"), JSON.stringify(result.contentEdited));
  assert.ok(!result.contentEdited.includes("Japan"));
  assert.ok(result.srcSame);
  assert.ok(result.srcTakeaways <= 3, `takeaways="3" gives at most 3, got ${result.srcTakeaways}`);
  assert.equal(result.srcTakeawaysShown, result.srcTakeaways);
  assert.equal(result.clamped, 5);
  assert.ok(result.forNames.includes("Japan"), JSON.stringify(result.forNames));
  assert.equal(result.forArticleHidden, true);
  assert.equal(result.selection, result.expectedSelection);
  assert.deepEqual(problems, []);
});

test("examples/embed.html: one script tag, three ways to give the article", TIMEOUT, async (t) => {
  const { page, problems } = await open(t, "examples/embed.html");
  await page.waitForFunction(() => ["lens-src", "lens-content", "lens-for"]
    .every((id) => window.__events.some((e) => e.type === "analyzed" && e.id === id)));
  const names = Object.fromEntries(await page.evaluate(() =>
    window.__events.filter((e) => e.type === "analyzed").map((e) => [e.id, e.actors])));
  assert.ok(names["lens-src"].includes("Serbia"), JSON.stringify(names));
  assert.ok(names["lens-content"].includes("Mexico"), JSON.stringify(names));
  assert.ok(names["lens-for"].includes("Norway"), JSON.stringify(names));
  assert.deepEqual(problems, []);
});

for (const colorScheme of ["light", "dark"]) {
  test(`no serious accessibility violations (axe-core, ${colorScheme})`, TIMEOUT, async (t) => {
    const { page } = await open(t, "", { colorScheme });
    await waitForAnalysis(page, "Serbia");
    // Open one stance so the evidence quote and highlights are checked too.
    await page.locator("#lens [part~=stance] button").first().click();
    // And select an actor, so the pressed states and the graph's selection are checked as well.
    await page.locator("#lens [part~=actor-name]").first().click();
    assert.deepEqual(await axeViolations(page), []);
  });
}
