// Real reports for the Node tests of the element's pure modules: the CLI
// (target/release/article-lens, built by `cargo build --release` or `cargo test --release`)
// analyses the seed articles of ../shared/articles and the first records of each JSONL dev set
// of ../shared/eval/data at test time. No article text is copied into the repository.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SHARED = path.resolve(ROOT, "../shared");
const CLI = path.join(ROOT, "target/release/article-lens");

function cli(args, input) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build it with cargo build --release`);
  return execFileSync(CLI, args, { input, encoding: "utf8", maxBuffer: 1 << 28 });
}

/** The seed articles: [{ name, text, report }]. */
export function seeds() {
  const dir = path.join(SHARED, "articles");
  return readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => {
    const text = readFileSync(path.join(dir, f), "utf8");
    return { name: f, text, report: JSON.parse(cli(["analyze", "-"], text)) };
  });
}

/** The first `n` records of every JSONL dev set, analysed: [{ name, text, report }]. */
export function devSets(n = 12) {
  const dir = path.join(SHARED, "eval/data");
  const out = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".jsonl")).sort()) {
    const records = readFileSync(path.join(dir, f), "utf8").split("\n").filter((l) => l.trim()).slice(0, n).map((l) => JSON.parse(l));
    // Each record's text as the scorer gives it: "text", a CNN/DM "article", a pasted page's "page_text".
    const texts = records.map((r) => r.text || r.article || r.page_text || "");
    const lines = cli(["analyze", "--jsonl", "-"], texts.map((text, i) => JSON.stringify({ id: String(i), text })).join("\n")).split("\n").filter(Boolean);
    lines.forEach((line, i) => {
      const { id, ...report } = JSON.parse(line);
      out.push({ name: `${f}#${records[i].id ?? i}`, text: texts[Number(id)], report });
    });
  }
  return out;
}

/** The CLI's refusal of `text` (its message on stderr), or null when it analyses it. */
export function refusal(text) {
  try {
    cli(["analyze", "-"], text);
    return null;
  } catch (error) {
    return String(error.stderr).trim().replace(/^article-lens: /, "");
  }
}
