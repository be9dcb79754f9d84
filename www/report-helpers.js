// Reading a report of the article-lens core (version 1) for display: spans clamped to the text,
// the article cut into pieces by clutter, sentence kind and highlight, the shape check, which stances are sure, a relation's tone, and the stances grouped by actor
// (for the brief) or digested by actor and target (for the stance panel). Pure: imports and runs
// in Node, on the report the CLI prints as on the one the wasm returns.

import { FRIENDLY_CLASSES, HOSTILE_CLASSES, SENTENCE_KINDS, STANCE_CLASSES } from "./schema.js";

/** Clamps a span from the report to the text, so a bad offset can never throw while rendering. */
export function span(obj, length) {
  const start = Math.max(0, Math.min(length, Number(obj?.start) || 0));
  const end = Math.max(start, Math.min(length, Number(obj?.end) || 0));
  return { start, end };
}

/** Whether `value` has the shape of a version 1 report (the element refuses anything else). */
export function isReport(value) {
  return value != null && typeof value === "object" && value.version === 1 &&
    ["sentences", "removed", "actors", "stances", "takeaways"].every((k) => Array.isArray(value[k]));
}

/** cooperative, hostile, mixed or neutral: the rule the core uses for a relation's tone. */
export function toneOf(stances) {
  const live = stances.filter((st) => !st.negated && !st.hypothetical);
  const friendly = live.some((st) => FRIENDLY_CLASSES.includes(st.class));
  const hostile = live.some((st) => HOSTILE_CLASSES.includes(st.class));
  return friendly && hostile ? "mixed" : friendly ? "cooperative" : hostile ? "hostile" : "neutral";
}

/**
 * The stances of a report grouped by actor, and within an actor identical stances (same class,
 * verb, target, negation) merged: [{ actor, items: [{ key, stance, indices }] }], actors in
 * report order (most salient first), items in text order.
 */
export function groupStances(report) {
  const order = new Map(report.actors.map((a, i) => [a.id, i]));
  const groups = new Map();
  report.stances.forEach((st, index) => {
    let group = groups.get(st.actor);
    if (!group) groups.set(st.actor, group = { actor: st.actor, items: new Map() });
    const key = [st.class, String(st.verb ?? "").toLowerCase(), st.target ?? "", !!st.negated, !!st.hypothetical].join("|");
    const item = group.items.get(key);
    if (item) item.indices.push(index);
    else group.items.set(key, { key, stance: st, indices: [index] });
  });
  return [...groups.values()]
    .map((g) => ({ actor: g.actor, items: [...g.items.values()] }))
    .sort((a, b) => (order.get(a.actor) ?? 1e9) - (order.get(b.actor) ?? 1e9));
}

/**
 * Whether the widget shows a stance by default: its confidence is at or above the report's
 * `stance_threshold` (a report without one shows every stance).
 */
export function isSure(report, stance) {
  const floor = typeof report.stance_threshold === "number" ? report.stance_threshold : 0;
  return typeof stance.confidence !== "number" || stance.confidence >= floor;
}

/**
 * The stance panel as a digest: per actor (most salient first), one line per target with the
 * classes of its stances and how often each is reported ("United States → Israel: appeal ×4,
 * cooperate"), and a "speaks" line gathering its bare statements (no target). `sure` picks the
 * stances shown by default (true) or those held back as unsure (false).
 * [{ actor, lines: [{ target, items: [{ key, class, negated, hypothetical, indices }] }], speaks: [index] }]
 */
export function digestStances(report, sure = true) {
  const order = new Map(report.actors.map((a, i) => [a.id, i]));
  const groups = new Map();
  report.stances.forEach((st, index) => {
    if (isSure(report, st) !== sure) return;
    let group = groups.get(st.actor);
    if (!group) groups.set(st.actor, group = { actor: st.actor, lines: new Map(), speaks: [] });
    if (st.class === "statement" && st.target == null && !st.negated) {
      group.speaks.push(index);
      return;
    }
    const target = st.target ?? null;
    let line = group.lines.get(target);
    if (!line) group.lines.set(target, line = { target, items: new Map() });
    const cls = STANCE_CLASSES.includes(st.class) ? st.class : "statement";
    const key = [cls, !!st.negated, !!st.hypothetical].join("|");
    const item = line.items.get(key);
    if (item) item.indices.push(index);
    else line.items.set(key, { key, class: cls, negated: !!st.negated, hypothetical: !!st.hypothetical, indices: [index] });
  });
  return [...groups.values()]
    .map((g) => ({ actor: g.actor, speaks: g.speaks, lines: [...g.lines.values()].map((l) => ({ target: l.target, items: [...l.items.values()] })) }))
    .sort((a, b) => (order.get(a.actor) ?? 1e9) - (order.get(b.actor) ?? 1e9));
}

/**
 * The article view's pieces: the text cut wherever clutter, a sentence of a kind other than body
 * (title, heading, caption, ...) or a highlighted span (`marks`) starts or ends, in order and
 * covering the whole text: [{ start, end, text, marked, removed, kind }], `removed` being the
 * report's entry ({ start, end, reason }) or null, `kind` the sentence kind or null. A report
 * whose spans are out of range is clamped to the text; no report gives the text as one piece.
 */
export function articlePieces(report, text, marks = []) {
  const removed = (report?.removed ?? []).map((r) => ({ ...span(r, text.length), reason: r.reason }));
  const kinds = (report?.sentences ?? [])
    .filter((x) => SENTENCE_KINDS.includes(x.kind) && x.kind !== "body")
    .map((x) => ({ ...span(x, text.length), kind: x.kind }));
  const cuts = new Set([0, text.length]);
  for (const x of [...removed, ...kinds, ...marks]) cuts.add(x.start).add(x.end);
  const bounds = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = [bounds[i], bounds[i + 1]];
    if (a === b) continue;
    const inside = (x) => x.start <= a && b <= x.end;
    pieces.push({
      start: a, end: b, text: text.slice(a, b), marked: marks.some(inside),
      removed: removed.find(inside) ?? null, kind: kinds.find(inside)?.kind ?? null,
    });
  }
  return pieces;
}
