// www/brief.js on real reports: the Markdown brief names every actor, quotes every stance's own
// words, and escapes what Markdown would read as markup.

import { test } from "node:test";
import assert from "node:assert/strict";
import { devSets, seeds } from "./corpus.mjs";
import { markdownBrief } from "../../www/brief.js";
import { groupStances } from "../../www/report-helpers.js";

const corpus = [...seeds(), ...devSets(6)];
/** Markdown's escaping as the brief does it, to compare quotes. */
const md = (text) => String(text).replace(/\s+/g, " ").trim().replace(/[\\`*_[\]<>#|]/g, "\\$&");

test("the brief has its sections, one line per actor and one quote per stance, in the report's words", () => {
  for (const { name, text, report } of corpus) {
    const brief = markdownBrief(report, text);
    const lines = brief.split("\n");
    assert.match(lines[0], /^# Brief: \S/, name);
    for (const heading of ["## Key takeaways", "## Actors", "## Stances"]) assert.ok(lines.includes(heading), `${name}: ${heading}`);
    assert.equal(lines.includes("## The author's takeaways"), report.author_takeaways.length > 0, name);
    const actorsAt = lines.indexOf("## Actors");
    const actorLines = lines.slice(actorsAt + 2, lines.indexOf("## Stances") - 1);
    assert.equal(actorLines.length, Math.max(1, report.actors.length), `${name}: actor lines`);
    report.actors.forEach((a, i) => assert.ok(actorLines[i].startsWith(`- **${md(a.name)}** (${a.kind}): `), `${name}: ${actorLines[i]}`));
    const quotes = lines.filter((l) => l.startsWith("  > “"));
    assert.deepEqual(quotes, groupStances(report).flatMap((g) => g.items.flatMap((item) => item.indices))
      .map((i) => `  > “${md(text.slice(report.stances[i].evidence.start, report.stances[i].evidence.end))}”`), name);
    assert.ok(brief.endsWith("\n") && !brief.endsWith("\n\n"), `${name}: ends with one newline`);
  }
});

test("the brief of seed 001 says what the United States urged, toward whom, and that it quotes the article", () => {
  const seed = corpus.find((c) => c.name.startsWith("001_")) ?? assert.fail("no seed 001");
  const brief = markdownBrief(seed.report, seed.text);
  assert.match(brief, /^### United States$/m);
  assert.match(brief, /^- urged → Israel \(appeal/m);
  assert.match(brief, /quotes the article's own words/);
});

test("markup in a report's names and quotes is escaped, not passed on", () => {
  const { text, report } = corpus[0];
  const hostile = structuredClone(report);
  hostile.actors[0].name = "<img src=x onerror=alert(1)> **bold** [link](http://x)";
  const brief = markdownBrief(hostile, text);
  assert.ok(brief.includes("\\<img src=x onerror=alert(1)\\> \\*\\*bold\\*\\* \\[link\\](http://x)"), brief.slice(0, 600));
  assert.doesNotMatch(brief, /(^|[^\\])</, "no unescaped angle bracket");
});
