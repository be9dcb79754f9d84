// The relation graph of <article-lens>: which actors and edges it draws (`graphOf`, read from the
// report's relations, so the graph and the relations list agree), where they go (`layoutGraph`,
// plain geometry) and the SVG (`drawGraph`, built with createElementNS and setAttribute:
// geometry and classes only, never a style attribute). graphOf and layoutGraph are pure; the
// module imports in Node (drawGraph needs a document only when it is called).

import { s } from "./dom.js";
import { classLabel, plural } from "./format.js";
import { span } from "./report-helpers.js";
import { ACTOR_KINDS, TONES } from "./schema.js";

/** The relation graph draws at most this many actors, the most salient. */
export const GRAPH_MAX_ACTORS = 8;

/**
 * The relation graph's content: the most salient actors as nodes and one directed edge per
 * (actor, target) pair among them, read from the report's relations (built from the confident
 * stances), each edge with the tone of its relation: the graph and the relations list agree.
 */
export function graphOf(report, max = GRAPH_MAX_ACTORS) {
  const nodes = report.actors.slice(0, max);
  const ids = new Set(nodes.map((a) => a.id));
  const edges = new Map();
  for (const rel of Array.isArray(report.relations) ? report.relations : []) {
    const tone = TONES.includes(rel.tone) ? rel.tone : "neutral";
    for (const index of Array.isArray(rel.stances) ? rel.stances : []) {
      const st = report.stances[index];
      if (!st || st.target == null || st.target === st.actor || !ids.has(st.actor) || !ids.has(st.target)) continue;
      const key = `${st.actor}→${st.target}`;
      let edge = edges.get(key);
      if (!edge) edges.set(key, edge = { from: st.actor, to: st.target, indices: [], tone });
      edge.indices.push(index);
    }
  }
  return { nodes, edges: [...edges.values()] };
}

/** Splits a graph label into lines of about `limit` characters, at spaces. */
export function wrapLabel(name, limit) {
  const lines = [];
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= limit) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [name];
}

/**
 * Where `graphOf`'s nodes and edges go for a layout ("wide" or "narrow", so labels stay
 * readable in a narrow column): actors linked to another on an ellipse, the most salient at the
 * top, the others in rows below it, so the links get the room; each edge a quadratic curve bent
 * to its right (A→B and B→A are two arcs) from node rim to node rim; each label beside a ring
 * node on the flanks (wide layout), above or below the others, wrapped onto lines.
 * { W, H, cx, ring, rest, ringBottom, nodes: Map(id → { x, y, r, place, anchor, lines, lineHeight, lx, ly }),
 *   edges: [{ d, width }] (in `edges` order) }
 */
export function layoutGraph(nodes, edges, layout) {
  const linked = new Set(edges.flatMap((e) => [e.from, e.to]));
  const ring = nodes.filter((a) => linked.has(a.id));
  const rest = nodes.filter((a) => !linked.has(a.id));
  const W = layout === "narrow" ? 360 : 700;
  const [rx, ry] = layout === "narrow" ? [118, 100] : [180, 112];
  const ringHeight = ring.length ? (layout === "narrow" ? 310 : 300) : 0;
  const perRow = layout === "narrow" ? 3 : 6;
  const rowHeight = 66;
  const rows = Math.ceil(rest.length / perRow);

  const cx = W / 2;
  const cy = ringHeight / 2 + 2;
  const maxSalience = Math.max(...nodes.map((a) => Number(a.salience) || 0), 0.0001);
  const radius = (actor, max) => 8 + max * Math.sqrt((Number(actor.salience) || 0) / maxSalience);
  const pos = new Map(ring.map((actor, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / ring.length;
    const x = ring.length === 1 ? cx : cx + rx * Math.cos(angle);
    const y = ring.length === 1 ? cy : cy + ry * Math.sin(angle);
    return [actor.id, { x, y, r: radius(actor, 14), place: "ring" }];
  }));
  // The ring's real extent (a triangle leaves the bottom of the ellipse empty), labels included.
  const ringBottom = ring.length
    ? Math.min(ringHeight, Math.max(...[...pos.values()].map((p) => p.y + p.r)) + 40)
    : 0;
  rest.forEach((actor, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, rest.length - row * perRow);
    const step = W / perRow;
    const x = W / 2 + (i % perRow - (inRow - 1) / 2) * step;
    const y = (ring.length ? ringBottom + 26 : 0) + row * rowHeight + 18;
    pos.set(actor.id, { x, y, r: radius(actor, 5), place: "row" });
  });
  const H = Math.max((ring.length ? ringBottom + (rows ? 26 : 6) : 0) + rows * rowHeight, 80);

  const curves = edges.map((edge) => {
    const a = pos.get(edge.from);
    const b = pos.get(edge.to);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    // Bend every edge to its right, so A→B and B→A are two separate arcs.
    const bend = Math.min(40, len * 0.16);
    const qx = (a.x + b.x) / 2 - (dy / len) * bend;
    const qy = (a.y + b.y) / 2 + (dx / len) * bend;
    const unit = (x, y) => { const l = Math.hypot(x, y) || 1; return [x / l, y / l]; };
    const [sx, sy] = unit(qx - a.x, qy - a.y);
    const [ex, ey] = unit(qx - b.x, qy - b.y);
    const width = Math.min(5, 1.6 + 0.55 * (edge.indices.length - 1));
    const start = [a.x + sx * (a.r + 2), a.y + sy * (a.r + 2)];
    const back = b.r + 3; // the arrow's tip (refX 9 of 10) stops just short of the node
    const end = [b.x + ex * back, b.y + ey * back];
    const d = `M${start[0].toFixed(1)},${start[1].toFixed(1)} Q${qx.toFixed(1)},${qy.toFixed(1)} ${end[0].toFixed(1)},${end[1].toFixed(1)}`;
    return { d, width };
  });

  for (const actor of nodes) {
    const p = pos.get(actor.id);
    const { x, y, r, place } = p;
    // Labels go beside ring nodes on the flanks (wide layout), above or below the others; long
    // names wrap onto more lines rather than being cut, so the whole name stays visible.
    const side = place === "ring" && layout === "wide" && ring.length > 1 && Math.abs(x - cx) > rx * 0.3;
    const below = place === "row" || y >= cy - 1;
    p.anchor = side ? (x > cx ? "start" : "end") : "middle";
    p.lines = wrapLabel(String(actor.name), place === "row" ? (layout === "wide" ? 13 : 11) : layout === "wide" ? 18 : 14);
    p.lineHeight = layout === "wide" ? 15 : 17;
    p.lx = side ? x + (x > cx ? r + 6 : -(r + 6)) : x;
    p.ly = side ? y + 4.5 - ((p.lines.length - 1) * p.lineHeight) / 2
      : below ? y + r + 15 : y - r - 7 - (p.lines.length - 1) * p.lineHeight;
  }
  return { W, H, cx, ring, rest, ringBottom, nodes: pos, edges: curves };
}

/**
 * Draws the graph of `report` as SVG for `layout`: the most salient actors, a directed, curved
 * edge per (actor → target) pair, coloured by the tone of its relation. `nameOf(id)` names an
 * actor; `onEdge(spans, what)` is called when an edge is clicked (the evidence of its stances),
 * `onNode(actor)` when a node is clicked or pressed with Enter or Space. Returns
 * { svg, nodes, edges } (graphOf's nodes and edges).
 */
export function drawGraph(report, text, layout, { nameOf, onEdge, onNode }) {
  const { nodes, edges } = graphOf(report);
  const { W, H, ring, rest, ringBottom, nodes: pos, edges: curves } = layoutGraph(nodes, edges, layout);

  const defs = s("defs", {}, TONES.map((tone) => s("marker", {
    id: `arrow-${tone}`, viewBox: "0 0 10 10", refX: 9, refY: 5,
    markerWidth: 11, markerHeight: 11, orient: "auto", markerUnits: "userSpaceOnUse",
  }, s("path", { d: "M0,0 L10,5 L0,10 z", class: `arrowhead tone-${tone}` }))));

  const edgeEls = edges.map((edge, k) => {
    const { d, width } = curves[k];
    const classes = [...new Set(edge.indices.map((i) => classLabel(report.stances[i].class)))];
    const label = `${nameOf(edge.from)} → ${nameOf(edge.to)}: ` +
      `${plural(edge.indices.length, "stance")} (${classes.join(", ")}), ${edge.tone}`;
    const spans = edge.indices.map((i) => span(report.stances[i].evidence, text.length));
    const g = s("g", {
      class: `edge tone-${edge.tone}`, part: "edge", "data-from": edge.from, "data-to": edge.to,
      "data-tone": edge.tone,
    },
    s("title", {}, label),
    s("path", { class: "edge-hit", d }),
    s("path", { class: "edge-line", "stroke-width": width.toFixed(2), "marker-end": `url(#arrow-${edge.tone})`, d }));
    g.addEventListener("click", () => onEdge(spans, `the stances of ${nameOf(edge.from)} toward ${nameOf(edge.to)}`));
    return g;
  });

  const nodeEls = nodes.map((actor) => {
    const { x, y, r, anchor, lines, lineHeight, lx, ly } = pos.get(actor.id);
    const kind = ACTOR_KINDS.includes(actor.kind) ? actor.kind : "other";
    const count = actor.mentions?.length ?? 0;
    const g = s("g", {
      class: `node kind-${kind}`, part: "node", "data-id": actor.id, tabindex: 0, role: "button",
      "aria-pressed": "false",
      "aria-label": `${actor.name}, ${actor.kind}, ${plural(count, "mention")}: highlight its mentions`,
    },
    s("circle", { class: "focus-ring", cx: x.toFixed(1), cy: y.toFixed(1), r: (r + 5).toFixed(1) }),
    s("circle", { class: "dot", cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1) }),
    s("text", { x: lx.toFixed(1), y: ly.toFixed(1), "text-anchor": anchor },
      lines.map((line, i) => s("tspan", { x: lx.toFixed(1), dy: i ? lineHeight : null },
        i < lines.length - 1 ? `${line} ` : line))));
    const activate = () => onNode(actor);
    g.addEventListener("click", activate);
    g.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        activate();
      }
    });
    return g;
  });

  const described = `${plural(nodes.length, "actor")} and ${plural(edges.length, "directed link")} between them`;
  const svg = s("svg", {
    class: `graph ${layout}`, part: "graph", viewBox: `0 0 ${W} ${H}`, role: "group",
    "aria-label": `Relation graph: ${described}. Arrows point from an actor to the one its stances are aimed at.`,
    "data-nodes": nodes.length, "data-edges": edges.length,
  }, defs,
  ring.length && rest.length
    ? s("text", { class: "row-note", x: W / 2, y: ringBottom + 10, "text-anchor": "middle", "aria-hidden": "true" },
      "not linked to the others")
    : null,
  s("g", { class: "edges" }, edgeEls), s("g", { class: "nodes" }, nodeEls));
  return { svg, nodes, edges };
}
