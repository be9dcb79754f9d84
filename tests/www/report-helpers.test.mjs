// www/report-helpers.js and www/format.js on real reports: the element's reading of a report agrees with
// the core (a relation's tone, which stances are sure) and its groupings lose and invent nothing.

import { test } from "node:test";
import assert from "node:assert/strict";
import { devSets, seeds } from "./corpus.mjs";
import { articlePieces, digestStances, groupStances, isReport, isSure, span, toneOf } from "../../www/report-helpers.js";
import { classLabel, formatMs, plural } from "../../www/format.js";

const corpus = [...seeds(), ...devSets()];
const withStances = corpus.filter((c) => c.report.stances.length > 0);

test("the corpus is real: seeds and dev sets, with stances, relations, hypothetical and unsure stances", () => {
  assert.ok(corpus.length >= 40, `${corpus.length} reports`);
  assert.ok(withStances.length >= 20, `${withStances.length} reports with stances`);
  const all = corpus.flatMap((c) => c.report.stances);
  assert.ok(all.some((st) => st.hypothetical) && all.some((st) => st.negated), "hypothetical and negated stances");
  assert.ok(corpus.some((c) => c.report.stances.some((st) => !isSure(c.report, st))), "an unsure stance");
  assert.ok(corpus.some((c) => c.report.relations.some((r) => r.tone !== "neutral")), "a relation with a tone");
});

test("isReport accepts every report of the core and refuses what is not one", () => {
  for (const { name, report } of corpus) assert.ok(isReport(report), name);
  const { report } = corpus[0];
  assert.equal(isReport({ ...report, version: 2 }), false);
  assert.equal(isReport({ ...report, stances: null }), false);
  assert.equal(isReport(null), false);
  assert.equal(isReport("report"), false);
});

test("toneOf gives every relation the tone the core gave it (negated and hypothetical stances count for nothing)", () => {
  let checked = 0;
  for (const { name, report } of corpus) {
    for (const rel of report.relations) {
      assert.equal(toneOf(rel.stances.map((i) => report.stances[i])), rel.tone, `${name}: ${rel.a} ↔ ${rel.b}`);
      checked++;
    }
  }
  assert.ok(checked >= 30, `${checked} relations`);
  const hostile = { class: "reject", negated: false, hypothetical: false };
  assert.equal(toneOf([hostile, { class: "cooperate", negated: false, hypothetical: true }]), "hostile");
  assert.equal(toneOf([hostile, { class: "cooperate", negated: false, hypothetical: false }]), "mixed");
});

test("isSure is the report's stance_threshold, and relations hold only sure stances", () => {
  for (const { name, report } of corpus) {
    const sure = report.stances.filter((st) => isSure(report, st)).length;
    assert.equal(sure, report.stances.filter((st) => st.confidence >= report.stance_threshold).length, name);
    for (const rel of report.relations) {
      for (const i of rel.stances) assert.ok(isSure(report, report.stances[i]), `${name}: stance ${i} of a relation is sure`);
    }
  }
  assert.equal(isSure({}, { confidence: 0.01 }), true, "a report without a threshold shows every stance");
});

test("digestStances: the sure and the unsure digests hold every stance once, by actor in salience order", () => {
  for (const { name, report } of withStances) {
    const seen = [];
    for (const sure of [true, false]) {
      const digest = digestStances(report, sure);
      const order = digest.map((g) => report.actors.findIndex((a) => a.id === g.actor));
      assert.deepEqual(order, [...order].sort((a, b) => a - b), `${name}: groups in salience order`);
      for (const group of digest) {
        for (const i of group.speaks) {
          const st = report.stances[i];
          assert.ok(st.class === "statement" && st.target == null && !st.negated && st.actor === group.actor, `${name}: ${i} speaks`);
          seen.push(i);
        }
        for (const line of group.lines) {
          for (const item of line.items) {
            for (const i of item.indices) {
              const st = report.stances[i];
              assert.equal(st.actor, group.actor);
              assert.equal(st.target ?? null, line.target);
              assert.deepEqual([st.class, st.negated, st.hypothetical], [item.class, item.negated, item.hypothetical], `${name}: stance ${i}`);
              assert.equal(isSure(report, st), sure);
              seen.push(i);
            }
            assert.deepEqual(item.indices, [...item.indices].sort((a, b) => a - b), "in text order");
          }
        }
      }
    }
    assert.deepEqual(seen.sort((a, b) => a - b), report.stances.map((_, i) => i), `${name}: every stance once`);
  }
});

test("digestStances on seed 001: the United States appeals to Israel, on its line toward Israel", () => {
  const seed = corpus.find((c) => c.name.startsWith("001_")) ?? assert.fail("no seed 001");
  const us = digestStances(seed.report, true).find((g) => g.actor === "united-states") ?? assert.fail("no United States group");
  const line = us.lines.find((l) => l.target === "israel") ?? assert.fail("no line toward Israel");
  const appeal = line.items.find((item) => item.class === "appeal") ?? assert.fail("no appeal");
  const words = appeal.indices.map((i) => seed.report.stances[i].verb.toLowerCase());
  assert.ok(words.includes("urged"), words.join(", "));
});

test("groupStances merges only identical stances and keeps every one", () => {
  for (const { name, report } of withStances) {
    const indices = [];
    for (const group of groupStances(report)) {
      for (const item of group.items) {
        const keys = new Set(item.indices.map((i) => {
          const st = report.stances[i];
          return [st.actor, st.class, st.verb.toLowerCase(), st.target, st.negated, st.hypothetical].join("|");
        }));
        assert.equal(keys.size, 1, `${name}: ${item.key}`);
        assert.equal(item.stance, report.stances[item.indices[0]]);
        indices.push(...item.indices);
      }
    }
    assert.deepEqual(indices.sort((a, b) => a - b), report.stances.map((_, i) => i), name);
  }
});

test("span keeps the report's spans and clamps a bad one into the text", () => {
  for (const { name, text, report } of corpus) {
    for (const st of report.stances) assert.deepEqual(span(st.evidence, text.length), { start: st.evidence.start, end: st.evidence.end }, name);
  }
  assert.deepEqual(span({ start: -5, end: 1e9 }, 10), { start: 0, end: 10 });
  assert.deepEqual(span({ start: 8, end: 3 }, 10), { start: 8, end: 8 });
  assert.deepEqual(span({ start: "x", end: null }, 10), { start: 0, end: 0 });
  assert.deepEqual(span(undefined, 10), { start: 0, end: 0 });
});

test("format: counts, times and class names as the element words them", () => {
  assert.equal(plural(1, "actor"), "1 actor");
  assert.equal(plural(12345, "character"), "12,345 characters");
  assert.equal(plural(2, "directed link"), "2 directed links");
  assert.deepEqual([0.421, 12.34, 153.6].map(formatMs), ["0.42 ms", "12.3 ms", "154 ms"]);
  assert.equal(classLabel("use_force"), "use force");
});

test("articlePieces tiles the whole text, and marks, clutter and sentence kinds cover exactly their spans", () => {
  let removedChars = 0;
  for (const { name, text, report } of corpus) {
    const marks = report.stances.slice(0, 3).map((st) => st.evidence);
    const pieces = articlePieces(report, text, marks);
    assert.equal(pieces.map((p) => p.text).join(""), text, `${name}: the pieces are the text`);
    pieces.forEach((p, i) => {
      assert.ok(p.end > p.start && p.text === text.slice(p.start, p.end), `${name}: piece ${i}`);
      if (i) assert.equal(p.start, pieces[i - 1].end, `${name}: piece ${i} follows the last`);
    });
    const covered = (pred) => pieces.filter(pred).reduce((n, p) => n + p.end - p.start, 0);
    const union = (spans) => {
      const at = new Set();
      for (const sp of spans) for (let k = sp.start; k < sp.end; k++) at.add(k);
      return at.size;
    };
    assert.equal(covered((p) => p.marked), union(marks), `${name}: marked characters`);
    assert.equal(covered((p) => p.removed), union(report.removed), `${name}: removed characters`);
    assert.equal(covered((p) => p.kind === "title"), union(report.sentences.filter((x) => x.kind === "title")), `${name}: title characters`);
    assert.ok(pieces.every((p) => p.kind !== "body"), "body is no kind of its own");
    removedChars += covered((p) => p.removed);
  }
  assert.ok(removedChars > 1000, `${removedChars} characters of clutter shown as such`);
  assert.deepEqual(articlePieces(null, "abc").map((p) => [p.text, p.marked, p.removed, p.kind]), [["abc", false, null, null]]);
  assert.deepEqual(articlePieces({ removed: [{ start: -3, end: 2, reason: "share" }], sentences: [] }, "abcd").map((p) => [p.text, p.removed?.reason ?? null]),
    [["ab", "share"], ["cd", null]]);
});
