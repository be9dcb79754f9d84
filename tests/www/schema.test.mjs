// www/schema.js (generated from data/report_vocabulary.tsv) against the core's reports and the
// element's stylesheet: every name a report uses is in the schema, and the stylesheet colours each
// name of the schema with the colour the data file gives it.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { devSets, ROOT, seeds } from "./corpus.mjs";
import { ACTOR_KINDS, FRIENDLY_CLASSES, HOSTILE_CLASSES, SENTENCE_KINDS, STANCE_CLASSES, TONES, VOCABULARIES } from "../../www/schema.js";

const CSS = readFileSync(path.join(ROOT, "www/article-lens.css"), "utf8");

test("every class, kind and tone in the core's reports is in the schema, and the reports use most of it", () => {
  const used = { stance_class: new Set(), actor_kind: new Set(), sentence_kind: new Set(), tone: new Set() };
  for (const { report } of [...seeds(), ...devSets(40)]) {
    for (const st of report.stances) used.stance_class.add(st.class);
    for (const a of report.actors) used.actor_kind.add(a.kind);
    for (const x of report.sentences) used.sentence_kind.add(x.kind);
    for (const r of report.relations) used.tone.add(r.tone);
  }
  for (const [vocabulary, names] of Object.entries(used)) {
    for (const name of names) assert.ok(VOCABULARIES[vocabulary].names.includes(name), `${vocabulary} ${name} is in the schema`);
    assert.ok(names.size >= VOCABULARIES[vocabulary].names.length - 3, `${vocabulary}: the reports use ${[...names]}`);
  }
});

test("the schema's lists: the classes, friendly and hostile ones among them, disjoint", () => {
  assert.deepEqual(VOCABULARIES.stance_class.names, STANCE_CLASSES);
  assert.deepEqual([VOCABULARIES.actor_kind.names, VOCABULARIES.sentence_kind.names, VOCABULARIES.tone.names], [ACTOR_KINDS, SENTENCE_KINDS, TONES]);
  assert.deepEqual(FRIENDLY_CLASSES, ["negotiate", "cooperate"]);
  assert.deepEqual(HOSTILE_CLASSES, ["reject", "threaten", "use_force", "criticize"]);
  assert.deepEqual(TONES, ["cooperative", "hostile", "mixed", "neutral"]);
  for (const cls of [...FRIENDLY_CLASSES, ...HOSTILE_CLASSES]) assert.ok(STANCE_CLASSES.includes(cls), cls);
  assert.ok(Object.isFrozen(STANCE_CLASSES) && Object.isFrozen(VOCABULARIES.tone.colours));
});

/** The declarations of every rule whose selector list names the class `.name` (exactly). */
function rulesFor(className) {
  const out = [];
  for (const [, selectors, body] of CSS.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const hit = selectors.split(",").some((sel) => new RegExp(`\\.${className.replace(/[-_]/g, "\\$&")}(?![\\w-])`).test(sel));
    if (hit) out.push(body);
  }
  return out;
}

test("the stylesheet colours every name with the data file's colour, a custom property it declares", () => {
  let checked = 0;
  for (const [vocabulary, { prefix, names, colours }] of Object.entries(VOCABULARIES)) {
    for (const name of names) {
      const colour = colours[name];
      if (!colour) continue;
      const rules = rulesFor(`${prefix}${name}`);
      assert.ok(rules.some((body) => body.includes(`var(--_${colour})`)), `${vocabulary} ${name}: a rule for .${prefix}${name} uses var(--_${colour}): ${rules}`);
      assert.match(CSS, new RegExp(`--_${colour}: var\\(--article-lens-${colour},`), `--article-lens-${colour} is declared`);
      checked++;
    }
  }
  assert.ok(checked >= 19, `${checked} names checked`);
  // Each stance class has its chip colour, each tone its edge colour and swatch.
  for (const cls of STANCE_CLASSES) assert.ok(rulesFor(`c-${cls}`).length > 0, `.c-${cls}`);
  for (const tone of TONES) assert.ok(rulesFor(`tone-${tone}`).length >= 2, `.tone-${tone}`);
});
