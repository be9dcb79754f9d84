// www/graph.js on real reports: the graph draws the most salient actors, its edges carry the
// tone of report.relations (so graph and relations list agree, hypothetical stances included),
// and the layout keeps every node, label and edge inside the picture in both geometries.

import { test } from "node:test";
import assert from "node:assert/strict";
import { devSets, seeds } from "./corpus.mjs";
import { GRAPH_MAX_ACTORS, graphOf, layoutGraph, wrapLabel } from "../../www/graph.js";

const corpus = [...seeds(), ...devSets()];

test("graphOf: the most salient actors, and an edge per actor → target pair of a relation, with its tone", () => {
  let edges = 0;
  let hypothetical = 0;
  for (const { name, report } of corpus) {
    const graph = graphOf(report);
    assert.deepEqual(graph.nodes, report.actors.slice(0, GRAPH_MAX_ACTORS), name);
    const ids = new Set(graph.nodes.map((a) => a.id));
    const relationOf = new Map();
    for (const rel of report.relations) for (const i of rel.stances) relationOf.set(i, rel);
    for (const edge of graph.edges) {
      assert.ok(ids.has(edge.from) && ids.has(edge.to) && edge.from !== edge.to, `${name}: ${edge.from} → ${edge.to}`);
      for (const i of edge.indices) {
        const st = report.stances[i];
        assert.deepEqual([st.actor, st.target], [edge.from, edge.to], `${name}: stance ${i}`);
        assert.equal(edge.tone, relationOf.get(i)?.tone, `${name}: the edge's tone is its relation's`);
        if (st.hypothetical) hypothetical++;
      }
      edges++;
    }
    // Every directed stance of a relation between two drawn actors is on an edge.
    const drawn = new Set(graph.edges.flatMap((e) => e.indices));
    for (const [i] of relationOf) {
      const st = report.stances[i];
      if (ids.has(st.actor) && ids.has(st.target) && st.actor !== st.target) assert.ok(drawn.has(i), `${name}: stance ${i} drawn`);
    }
  }
  assert.ok(edges >= 20, `${edges} edges`);
  assert.ok(hypothetical >= 1, "a hypothetical stance on an edge keeps its relation's tone");
});

test("layoutGraph keeps every node inside the picture and starts its label there, nodes apart, in both geometries", () => {
  for (const { name, report } of corpus) {
    const { nodes, edges } = graphOf(report);
    if (!nodes.length) continue;
    for (const layout of ["wide", "narrow"]) {
      const g = layoutGraph(nodes, edges, layout);
      assert.equal(g.W, layout === "wide" ? 700 : 360);
      assert.equal(g.nodes.size, nodes.length);
      assert.equal(g.ring.length + g.rest.length, nodes.length);
      const placed = [...g.nodes.values()];
      for (const p of placed) {
        assert.ok(p.x - p.r >= 0 && p.x + p.r <= g.W && p.y - p.r >= 0 && p.y + p.r <= g.H, `${name} (${layout}): node at ${p.x},${p.y} r ${p.r} in ${g.W}×${g.H}`);
        // A label starts within a line of the picture's top and inside its width. (Its end is
        // not checked: a long name wrapped onto three or four lines under a bottom node can end
        // below the picture, whose overflow is visible.)
        assert.ok(p.ly >= -p.lineHeight && p.ly <= g.H, `${name} (${layout}): label ${p.lines} at ${p.ly} in height ${g.H}`);
        assert.ok(p.lx >= 0 && p.lx <= g.W, `${name} (${layout}): label ${p.lines} at x ${p.lx}`);
      }
      for (let i = 0; i < placed.length; i++) {
        for (let j = i + 1; j < placed.length; j++) {
          const d = Math.hypot(placed[i].x - placed[j].x, placed[i].y - placed[j].y);
          assert.ok(d > placed[i].r + placed[j].r, `${name} (${layout}): nodes ${i} and ${j} overlap`);
        }
      }
      assert.equal(g.edges.length, edges.length);
      for (const { d, width } of g.edges) {
        assert.match(d, /^M-?\d+\.\d,-?\d+\.\d Q-?\d+\.\d,-?\d+\.\d -?\d+\.\d,-?\d+\.\d$/, `${name}: ${d}`);
        assert.ok(width >= 1.6 && width <= 5);
      }
    }
  }
});

test("wrapLabel breaks at spaces into lines of the limit, keeping every word", () => {
  assert.deepEqual(wrapLabel("North Atlantic Treaty Organization", 18), ["North Atlantic", "Treaty", "Organization"]);
  assert.deepEqual(wrapLabel("Iran", 13), ["Iran"]);
  assert.deepEqual(wrapLabel("Internationalisation", 5), ["Internationalisation"]);
  assert.deepEqual(wrapLabel("", 5), [""]);
  for (const { report } of corpus) {
    for (const a of report.actors) {
      const lines = wrapLabel(a.name, 13);
      assert.equal(lines.join(" "), a.name.split(/\s+/).filter(Boolean).join(" ") || a.name);
      for (const line of lines) assert.ok(line.length <= 13 || !line.includes(" "), line);
    }
  }
});
