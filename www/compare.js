// Comparing the reports of two articles about one story (say, the same event from two outlets):
// the actors both name, the actors only one names, and the stances only one of them reports.
// Actor ids are stable slugs of canonical names, so the two reports agree on who is who.
//
// A stance is "the same" in both when actor, class, target and negation agree: "urged" in one
// and "asked" in the other are both an appeal of the United States to Israel.

import { h } from "./dom.js";

/** The key two reports are matched on; the verb is left out on purpose (see above). */
export function stanceKey(st) {
  return `${st.actor}|${st.class}|${st.target ?? ""}|${st.negated ? "not" : ""}`;
}

function stancesOnlyIn(report, otherKeys) {
  const groups = new Map();
  report.stances.forEach((st, index) => {
    const key = stanceKey(st);
    if (otherKeys.has(key)) return;
    let g = groups.get(key);
    if (!g) groups.set(key, g = { key, stance: st, verbs: [], indices: [] });
    if (!g.verbs.includes(st.verb)) g.verbs.push(st.verb);
    g.indices.push(index);
  });
  return [...groups.values()];
}

/**
 * { shared: [{ id, name, kind, a, b }] (a, b = mention counts), onlyA, onlyB: actors,
 *   stancesOnlyA, stancesOnlyB: [{ key, stance, verbs, indices }] }.
 */
export function compareReports(a, b) {
  const inB = new Map(b.actors.map((x) => [x.id, x]));
  const inA = new Map(a.actors.map((x) => [x.id, x]));
  const shared = a.actors.filter((x) => inB.has(x.id)).map((x) => ({
    id: x.id, name: x.name, kind: x.kind,
    a: x.mentions?.length ?? 0, b: inB.get(x.id).mentions?.length ?? 0,
    salience: (x.salience ?? 0) + (inB.get(x.id).salience ?? 0),
  })).sort((x, y) => y.salience - x.salience);
  const keysA = new Set(a.stances.map(stanceKey));
  const keysB = new Set(b.stances.map(stanceKey));
  return {
    shared,
    onlyA: a.actors.filter((x) => !inB.has(x.id)),
    onlyB: b.actors.filter((x) => !inA.has(x.id)),
    stancesOnlyA: stancesOnlyIn(a, keysB),
    stancesOnlyB: stancesOnlyIn(b, keysA),
  };
}


/**
 * Renders a comparison into `container` (text nodes only). `sides` = [first, second], each
 * { label, report, text, lens }: clicking a stance highlights its words in that side's lens.
 */
export function renderComparison(container, sides) {
  const [A, B] = sides;
  const cmp = compareReports(A.report, B.report);
  const actorName = (side, id) => side.report.actors.find((x) => x.id === id)?.name ?? id;

  const actorList = (actors, className) => actors.length
    ? h("ul", { className: `chips ${className}` }, actors.map((x) => h("li", { "data-id": x.id }, x.name)))
    : h("p", { className: "none" }, "None.");

  const sharedList = cmp.shared.length
    ? h("ul", { className: "chips shared" }, cmp.shared.map((x) => h("li", { "data-id": x.id },
      h("span", { className: "name" }, x.name),
      h("span", { className: "counts", title: `mentions: ${x.a} in the first, ${x.b} in the second` },
        ` ${x.a} · ${x.b}`))))
    : h("p", { className: "none" }, "No actor appears in both.");

  const stanceList = (side, items) => {
    if (!items.length) return h("p", { className: "none" }, "None: the other article reports all of them.");
    return h("ul", { className: "only-stances" }, items.map((item) => {
      const st = item.stance;
      const first = side.report.stances[item.indices[0]].evidence;
      const target = st.target != null ? actorName(side, st.target) : null;
      return h("li", { className: `c-${st.class}`, "data-key": item.key },
        h("button", {
          type: "button", className: "only-line",
          onclick: () => {
            side.lens.highlight(first.start, first.end);
            side.lens.scrollIntoView({ block: "start", behavior: "smooth" });
          },
        },
        h("span", { className: "class" }, st.class.replace("_", " ")),
        " ", h("strong", {}, actorName(side, st.actor)),
        st.negated && h("span", { className: "not" }, " not"),
        ` ${item.verbs.join(" / ")}`,
        target && ` → ${target}`,
        item.indices.length > 1 && h("span", { className: "count" }, ` ×${item.indices.length}`)),
        h("blockquote", {}, side.text.slice(first.start, first.end).replace(/\s+/g, " ").trim()));
    }));
  };

  container.replaceChildren(
    h("div", { className: "cmp-block cmp-actors" },
      h("h3", {}, `Actors both name (${cmp.shared.length})`),
      h("p", { className: "hint" }, "With their mentions in the first · second article."),
      sharedList,
      h("div", { className: "cmp-cols" },
        h("div", { className: "only-a" }, h("h4", {}, `Only in ${A.label}`), actorList(cmp.onlyA, "only")),
        h("div", { className: "only-b" }, h("h4", {}, `Only in ${B.label}`), actorList(cmp.onlyB, "only")))),
    h("div", { className: "cmp-cols cmp-stances" },
      h("div", { className: "stances-only-a" },
        h("h3", {}, `Stances only ${A.label} reports (${cmp.stancesOnlyA.length})`),
        stanceList(A, cmp.stancesOnlyA)),
      h("div", { className: "stances-only-b" },
        h("h3", {}, `Stances only ${B.label} reports (${cmp.stancesOnlyB.length})`),
        stanceList(B, cmp.stancesOnlyB))));
  return cmp;
}
