// Browser tests of the element's interactive parts on the paste page: actor selection, the
// relation graph, the `view` attribute, export (JSON and the Markdown brief), dropping a file,
// and keyboard reach. Run with the others: node --test tests/e2e/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { WWW } from "./server.mjs";
import { TIMEOUT, startSite, open as openOn, waitForAnalysis, report, recordRequests, expectedEdges } from "./helpers.mjs";

const EXAMPLE = readFileSync(path.join(WWW, "example.txt"), "utf8");

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });
const open = (t, pathAndQuery, options) => openOn(site, t, pathAndQuery, options);

/** The spans of the article view inside <mark>, merged where they touch: [[start, end], ...]. */
function markedSpans(page, selector = "#lens") {
  return page.evaluate((sel) => {
    const view = document.querySelector(sel).shadowRoot.querySelector("[part~=article]");
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    const spans = [];
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const end = offset + node.data.length;
      if (node.parentElement.closest("mark")) {
        const last = spans.at(-1);
        if (last && last[1] === offset) last[1] = end;
        else spans.push([offset, end]);
      }
      offset = end;
    }
    return spans;
  }, selector);
}

function merged(spans) {
  const out = [];
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

test("selecting an actor highlights all its mentions, in the list and in the graph", TIMEOUT, async (t) => {
  const { page, problems } = await open(t);
  await waitForAnalysis(page, "Serbia");
  const r = await report(page);
  const actor = r.actors.find((a) => a.mentions.length >= 2) ?? r.actors[0];
  const button = page.locator(`#lens [part~=actor-name][data-actor="${actor.id}"]`);
  assert.equal(await button.getAttribute("aria-pressed"), "false");
  await button.click();
  assert.equal(await button.getAttribute("aria-pressed"), "true");
  assert.deepEqual(await markedSpans(page), merged(actor.mentions), `every mention of ${actor.name} is marked`);
  assert.match(await page.locator("#lens [part~=mark-note]").textContent(), new RegExp(`${actor.mentions.length} mentions? of`));
  const node = page.locator(`#lens [part~=node][data-id="${actor.id}"]`);
  assert.equal(await node.getAttribute("aria-pressed"), "true", "the graph shows the selection too");

  // Selecting it again clears the highlights.
  await button.click();
  assert.equal(await button.getAttribute("aria-pressed"), "false");
  assert.deepEqual(await markedSpans(page), []);

  // The graph's nodes select actors too, by keyboard.
  const other = r.actors[1];
  await page.locator(`#lens [part~=node][data-id="${other.id}"]`).focus();
  await page.keyboard.press("Enter");
  assert.deepEqual(await markedSpans(page), merged(other.mentions));
  assert.equal(await page.locator(`#lens [part~=actor-name][data-actor="${other.id}"]`).getAttribute("aria-pressed"), "true");
  // selectActor() is the same from script.
  await page.evaluate((id) => document.querySelector("#lens").selectActor(id), actor.id);
  assert.deepEqual(await markedSpans(page), merged(actor.mentions));
  assert.deepEqual(problems, []);
});

test("the relation graph: a node per top actor, a directed edge per related pair, coloured by tone", TIMEOUT, async (t) => {
  const { page, problems } = await open(t);
  await waitForAnalysis(page, "Serbia");
  const r = await report(page);
  const svg = page.locator("#lens svg[part~=graph]");
  assert.ok(await svg.isVisible());
  const nodeIds = await svg.locator("[part~=node]").evaluateAll((els) => els.map((el) => el.dataset.id));
  assert.deepEqual(nodeIds, r.actors.slice(0, 8).map((a) => a.id), "the most salient actors, at most 8");
  for (const id of nodeIds) {
    const label = await svg.locator(`[part~=node][data-id="${id}"] text`).textContent();
    assert.equal(label.replace(/\s+/g, " ").trim(), r.actors.find((a) => a.id === id).name, "the node is labelled with the whole name");
  }

  const edges = await svg.locator("[part~=edge]").evaluateAll((els) => els.map((el) => ({
    key: `${el.dataset.from}→${el.dataset.to}`, tone: el.dataset.tone,
    stroke: getComputedStyle(el.querySelector(".edge-line")).stroke,
    marker: el.querySelector(".edge-line").getAttribute("marker-end"),
  })));
  const expected = expectedEdges(r);
  assert.ok(expected.size > 0, "the example has actors acting toward each other");
  assert.deepEqual(new Map(edges.map((e) => [e.key, e.tone])), expected, "one edge per directed pair, with its tone");
  assert.equal(edges.length, expected.size, "no pair drawn twice");
  for (const rel of r.relations) {
    if (!nodeIds.includes(rel.a) || !nodeIds.includes(rel.b)) continue;
    assert.ok(edges.some((e) => e.key === `${rel.a}→${rel.b}` || e.key === `${rel.b}→${rel.a}`), `an edge for ${rel.a}–${rel.b}`);
  }
  for (const e of edges) assert.match(e.marker, /^url\(#arrow-/, "edges are directed (arrowheads)");
  const strokeOf = new Map(edges.map((e) => [e.tone, e.stroke]));
  if (strokeOf.size > 1) assert.equal(new Set(strokeOf.values()).size, strokeOf.size, "each tone has its own colour");

  // Clicking an edge highlights the words of its stances.
  const first = edges[0].key.split("→");
  await svg.locator(`[part~=edge][data-from="${first[0]}"][data-to="${first[1]}"]`).dispatchEvent("click");
  const sure = new Set(r.relations.flatMap((rel) => rel.stances));
  const want = merged(r.stances.filter((st, i) => sure.has(i) && st.actor === first[0] && st.target === first[1]).map((st) => st.evidence));
  assert.deepEqual(await markedSpans(page), want);

  // A phone-width column redraws the graph in its narrow geometry, with the same content.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.waitForFunction(() => document.querySelector("#lens").shadowRoot.querySelector("svg.graph.narrow"));
  assert.equal(await page.locator("#lens svg[part~=graph] [part~=edge]").count(), expected.size);
  assert.deepEqual(problems, []);
});

test("unsure stances are held back behind a control and shown on request", TIMEOUT, async (t) => {
  const { page, problems } = await open(t);
  await waitForAnalysis(page, "Serbia");
  const r = await report(page);
  assert.equal(typeof r.stance_threshold, "number");
  const unsure = r.stances.filter((st) => st.confidence < r.stance_threshold).length;
  assert.ok(unsure > 0 && unsure < r.stances.length, "the example has both sure and unsure stances");
  const count = (sel) => page.locator(sel).evaluateAll((els) => els.filter((el) => el.checkVisibility())
    .reduce((n, el) => n + Number(el.dataset.count), 0));
  // By default only the stances at or above the threshold are listed.
  assert.equal(await count("#lens [part~=stances] [part~=stance]"), r.stances.length - unsure);
  assert.equal(await count("#lens [part~=unsure-stances] [part~=stance]"), 0);
  const toggle = page.locator("#lens [part~=unsure-toggle]");
  assert.equal(await toggle.textContent(), `${unsure} more, unsure`);
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  // On request the rest appear, and hide again.
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.equal(await count("#lens [part~=unsure-stances] [part~=stance]"), unsure);
  await toggle.click();
  assert.equal(await count("#lens [part~=unsure-stances] [part~=stance]"), 0);
  // Relations hold only sure stances.
  for (const rel of r.relations) {
    for (const i of rel.stances) assert.ok(r.stances[i].confidence >= r.stance_threshold, `relation stance ${i} is sure`);
  }
  assert.deepEqual(problems, []);
});

test("the graph and the relations list agree on a pair with a hypothetical stance", TIMEOUT, async (t) => {
  const { page, problems } = await open(t);
  await waitForAnalysis(page, "Serbia");
  await page.evaluate(() => {
    document.querySelector("#lens").text = "Russia could strike Ukraine within weeks, officials said.\n\n" +
      "Russia and Ukraine held talks in Geneva on Monday. Russia urged Ukraine to withdraw its troops.\n";
  });
  await waitForAnalysis(page, "Geneva");
  const r = await report(page);
  const hostile = new Set(["reject", "threaten", "use_force", "criticize"]);
  assert.ok(r.stances.some((st) => st.hypothetical && hostile.has(st.class)), 'a hypothetical hostile stance ("could strike")');
  const rel = r.relations.find((x) => [x.a, x.b].sort().join() === "russia,ukraine");
  assert.ok(rel, "Russia and Ukraine are related");
  assert.notEqual(rel.tone, "hostile", "a hypothetical strike does not make the pair hostile");
  // The list says each relation's tone, and the graph draws every pair of it, and only those, in that tone.
  const listed = await page.locator("#lens [part~=relation]").evaluateAll((els) => els.map((el) => el.querySelector(".tone").textContent));
  assert.deepEqual(listed, r.relations.map((x) => x.tone));
  const edges = await page.locator("#lens svg[part~=graph] [part~=edge]").evaluateAll((els) => els.map((el) => ({
    from: el.dataset.from, to: el.dataset.to, tone: el.dataset.tone,
  })));
  const pairOf = (a, b) => [a, b].sort().join();
  const tones = new Map(r.relations.map((x) => [pairOf(x.a, x.b), x.tone]));
  assert.ok(edges.length > 0, "the pair is drawn");
  for (const e of edges) assert.equal(e.tone, tones.get(pairOf(e.from, e.to)), `edge ${e.from}→${e.to} has its relation's tone`);
  assert.deepEqual(problems, []);
});

test("the view attribute picks the panels", TIMEOUT, async (t) => {
  const { page } = await open(t);
  await waitForAnalysis(page, "Serbia");
  const visible = () => page.evaluate(() => {
    const root = document.querySelector("#lens").shadowRoot;
    return ["takeaways", "actors", "stances", "relations", "article"]
      .filter((name) => !root.querySelector(`[part~=${name}-panel]`).hidden)
      .concat(root.querySelector("[part~=export]").hidden ? [] : ["export"]);
  });
  assert.deepEqual(await visible(), ["takeaways", "actors", "stances", "relations", "article", "export"]);
  await page.evaluate(() => document.querySelector("#lens").setAttribute("view", "relations actors"));
  assert.deepEqual(await visible(), ["actors", "relations"]);
  assert.equal(await page.evaluate(() => document.querySelector("#lens").view), "actors relations");
  await page.evaluate(() => { document.querySelector("#lens").view = "bogus"; });
  assert.equal((await visible()).length, 6, "an unknown name shows everything");
  await page.evaluate(() => document.querySelector("#lens").removeAttribute("view"));
  assert.equal((await visible()).length, 6);
});

test("export: copy the report JSON and a Markdown brief with quotes; markup stays text", TIMEOUT, async (t) => {
  const { page, problems } = await open(t, "", { permissions: ["clipboard-read", "clipboard-write"] });
  await waitForAnalysis(page, "Serbia");
  await page.waitForLoadState("networkidle");
  const requests = recordRequests(page);
  const r = await report(page);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  await page.locator("#lens [part~=export] button", { hasText: "JSON" }).click();
  assert.deepEqual(JSON.parse(await clipboard()), r);
  assert.match(await page.locator("#lens [part~=export]").textContent(), /Copied the report/);

  await page.locator("#lens [part~=export] button", { hasText: "Markdown" }).click();
  const brief = await clipboard();
  assert.equal(brief, await page.evaluate(() => document.querySelector("#lens").markdown()));
  assert.match(brief, /^# Brief: /);
  const section = (name) => brief.split(/^## /m).find((s) => s.startsWith(name)) ?? "";
  for (const heading of ["Key takeaways", "Actors", "Stances"]) assert.ok(section(heading), `## ${heading} in the brief`);
  const flat = (s) => s.replace(/\s+/g, " ").trim();
  r.takeaways.forEach((tk, i) => {
    assert.ok(section("Key takeaways").includes(`${i + 1}. ${flat(tk.text).slice(0, 30)}`), `takeaway ${i + 1}`);
  });
  for (const a of r.actors) assert.ok(section("Actors").includes(`**${a.name}** (${a.kind})`), `actor ${a.name}`);
  const st = r.stances[0];
  const quote = flat(EXAMPLE.slice(st.evidence.start, st.evidence.end));
  assert.ok(section("Stances").includes(`> “${quote.slice(0, 40)}`), `the first stance is quoted: ${quote}`);
  const quotes = section("Stances").split("\n").filter((l) => l.trimStart().startsWith("> “")).length;
  assert.equal(quotes, r.stances.length, "every stance is quoted");
  if (r.author_takeaways.length) assert.ok(section("The author's takeaways"), "the author's takeaways have a section");

  // Markup in the article is escaped in the brief, so pasting it into a Markdown renderer
  // shows the tags as text.
  await page.fill("#article", "Brazil warned Argentina <script>alert(1)</script> over the tariffs on steel.\nArgentina rejected the warning <b>today</b>.");
  await waitForAnalysis(page, "alert(1)");
  const hostile = await page.evaluate(() => document.querySelector("#lens").markdown());
  assert.ok(!hostile.includes("<script>") && !hostile.includes("<b>"), hostile);
  assert.ok(hostile.includes("\\<script\\>"), hostile);
  assert.deepEqual(requests, [], "copying makes no request");
  assert.deepEqual(problems, []);
});

test("a .txt file dropped on the page is analysed; other files are refused", TIMEOUT, async (t) => {
  const { page, problems } = await open(t);
  await waitForAnalysis(page, "Serbia");
  await page.waitForLoadState("networkidle");
  const requests = recordRequests(page);
  const drop = (name, type, content) => page.evaluate(([name, type, content]) => {
    const data = new DataTransfer();
    data.items.add(new File([content], name, { type }));
    const target = document.querySelector("#article");
    target.dispatchEvent(new DragEvent("dragenter", { bubbles: true, dataTransfer: data }));
    const shown = !document.querySelector("#drop-overlay").hidden;
    target.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: data }));
    target.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data }));
    return shown;
  }, [name, type, content]);

  assert.equal(await drop("photo.png", "image/png", "\x89PNG"), true, "dragging a file shows the drop target");
  assert.match(await page.locator("#source").textContent(), /photo\.png is not a text file/);
  assert.equal(await page.locator("#drop-overlay").isHidden(), true);

  const story = "Peru Urges Bolivia to Reopen Lake Titicaca Ferry\n\nPeru on Monday urged Bolivia to reopen the ferry route across Lake Titicaca. Bolivia rejected the request.";
  await drop("ferry story.txt", "text/plain", story);
  await waitForAnalysis(page, "Titicaca");
  assert.equal(await page.inputValue("#article"), story);
  assert.match(await page.locator("#source").textContent(), /ferry story\.txt/);
  const names = (await report(page)).actors.map((a) => a.name);
  assert.ok(names.includes("Peru") && names.includes("Bolivia"), JSON.stringify(names));
  assert.deepEqual(requests, [], "the file is read locally");
  assert.deepEqual(problems, []);
});

test("every control is reachable by keyboard and has a name", TIMEOUT, async (t) => {
  const { page } = await open(t);
  await waitForAnalysis(page, "Serbia");
  await page.locator("#article").focus();
  const seen = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body) return null;
      const name = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("title") || "").trim();
      const kind = el.getAttribute("part") || el.id || el.className?.baseVal || el.className || el.tagName;
      return { kind: String(kind), name, tag: el.tagName };
    });
    if (!info) break;
    seen.push(info);
    if (info.kind.includes("button") && info.name.includes("JSON")) break;
  }
  const kinds = seen.map((s) => s.kind).join(" ");
  for (const want of ["open-file", "compare-toggle", "takeaway", "actor-name", "node", "stance-line", "button"]) {
    assert.ok(kinds.includes(want), `Tab reaches ${want}: ${kinds}`);
  }
  for (const s of seen) assert.ok(s.name.length > 0 || s.tag === "TEXTAREA" || s.kind === "article", `named: ${JSON.stringify(s)}`);
});

test("article-lens-element.js registers nothing; define() takes another name; re-registration is harmless", TIMEOUT, async (t) => {
  const { page, problems } = await open(t);
  await waitForAnalysis(page, "Serbia");
  const out = await page.evaluate(async () => {
    const mod = await import("./article-lens-element.js");
    const entry = await import("./article-lens.js?again"); // a second URL: defines again, must not throw
    class MyLens extends mod.ArticleLensElement {}
    MyLens.define("my-lens");
    const el = document.createElement("my-lens");
    el.text = "Japan urged China to lift its ban on seafood imports.";
    const done = new Promise((resolve) => el.addEventListener("analyzed", (e) => resolve(e), { once: true }));
    document.body.append(el);
    const event = await done;
    return {
      sameClass: customElements.get("article-lens") === entry.ArticleLensElement,
      typed: event instanceof mod.ArticleLensAnalyzedEvent && event.report === event.detail.report,
      actors: event.report.actors.map((a) => a.name),
    };
  });
  assert.ok(out.sameClass);
  assert.ok(out.typed, "the analyzed event carries the report as a field too");
  assert.ok(out.actors.includes("Japan"), JSON.stringify(out.actors));
  assert.deepEqual(problems, []);
});
