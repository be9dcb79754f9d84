// The Markdown brief of a report (the element's markdown() and its "Copy Markdown brief"):
// takeaways, the author's takeaways, actors and stances with their quotes. Every piece of the
// article is escaped, so quoted text stays text. Pure: imports and runs in Node.

import { classLabel, plural } from "./format.js";
import { groupStances, isSure, span } from "./report-helpers.js";

/** Escapes the characters Markdown would read as markup, so quoted text stays text. */
function md(text) {
  return String(text).replace(/\s+/g, " ").trim().replace(/[\\`*_[\]<>#|]/g, "\\$&");
}

/** A Markdown brief of a report: takeaways, actors and stances with their quotes. */
export function markdownBrief(report, text) {
  const names = new Map(report.actors.map((a) => [a.id, a.name]));
  const nameOf = (id) => names.get(id) ?? String(id);
  const quote = (e) => md(text.slice(span(e, text.length).start, span(e, text.length).end));
  // The headline, or else the opening words of the first sentence.
  const title = report.sentences.find((x) => x.kind === "title") ?? report.sentences.find((x) => x.kind === "body");
  const heading = title ? text.slice(span(title, text.length).start, span(title, text.length).end).replace(/\s+/g, " ").trim() : "";
  const short = heading.length > 90 ? `${heading.slice(0, 89).replace(/\s+\S*$/, "")}…` : heading;
  const lines = [`# Brief: ${short ? md(short) : "an article"}`, ""];
  lines.push(`_${plural(report.actors.length, "actor")}, ${plural(report.stances.length, "stance")}; ` +
    "made with article-lens, which quotes the article's own words._", "");
  lines.push("## Key takeaways", "");
  report.takeaways.forEach((t, i) => lines.push(`${i + 1}. ${md(t.text || quote(t))}`));
  if (!report.takeaways.length) lines.push("None found.");
  const author = report.author_takeaways ?? [];
  if (author.length) {
    lines.push("", "## The author's takeaways", "");
    for (const t of author) lines.push(`- ${md(t.text || quote(t))}`);
  }
  lines.push("", "## Actors", "");
  for (const a of report.actors) {
    const aliases = (a.aliases ?? []).filter((x) => x !== a.name);
    lines.push(`- **${md(a.name)}** (${a.kind}): ${plural(a.mentions?.length ?? 0, "mention")}` +
      (aliases.length ? `; also ${aliases.map(md).join(", ")}` : ""));
  }
  if (!report.actors.length) lines.push("None found.");
  lines.push("", "## Stances", "");
  for (const group of groupStances(report)) {
    lines.push(`### ${md(nameOf(group.actor))}`, "");
    for (const { stance: st, indices } of group.items) {
      const target = st.target != null ? ` → ${md(nameOf(st.target))}` : "";
      const flags = [st.negated && "**not**", st.hypothetical && "hypothetical"].filter(Boolean);
      const unsure = indices.every((i) => !isSure(report, report.stances[i]));
      lines.push(`- ${flags.includes("**not**") ? "**not** " : ""}${md(st.verb)}${target} ` +
        `(${classLabel(st.class)}${st.hypothetical ? ", hypothetical" : ""}${unsure ? ", unsure" : ""}` +
        `${indices.length > 1 ? `, ×${indices.length}` : ""})`);
      for (const i of indices) lines.push(`  > “${quote(report.stances[i].evidence)}”`);
    }
    lines.push("");
  }
  if (!report.stances.length) lines.push("None found.", "");
  return lines.join("\n").replace(/\n+$/, "\n");
}
