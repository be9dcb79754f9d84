// The paste page: preloads an article into the textarea and the <article-lens> element, then
// re-analyses (debounced) as the reader edits. `?src=some/path.txt` preloads a file from this
// site instead of example.txt (the element refuses any other origin); `?src2=other.txt` opens
// compare mode with a second article. A .txt file can be dropped on the page or opened.
// Nothing here makes a request of its own: dropped and opened files are read locally.

import { renderComparison } from "./compare.js";

const EDIT_DEBOUNCE_MS = 200;
/** Larger files are refused: no news article is this long, and analysis would stall the page. */
const MAX_FILE_BYTES = 2_000_000;

const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);

/** The two sides of the page: the article and, in compare mode, a second one. */
const sides = [
  { textarea: $("article"), lens: $("lens"), source: $("source"), label: "the first", edited: false, src: params.get("src") || "example.txt" },
  { textarea: $("article2"), lens: $("lens2"), source: $("source2"), label: "the second", edited: false, src: params.get("src2") },
];
const [first, second] = sides;
const toggle = $("compare-toggle");
const comparison = $("comparison");

/** The footer's note on the invented example is shown only while the example is what is shown. */
const EXAMPLE_URL = new URL("example.txt", location.href).href;
function updateExampleNote() {
  $("example-note").hidden = new URL(first.src, location.href).href !== EXAMPLE_URL || first.edited ||
    first.lens.state === "error";
}
updateExampleNote();

await customElements.whenDefined("article-lens");

for (const side of sides) {
  side.lens.addEventListener("analyzed", (event) => {
    // The first analysis of a preloaded file fills the textarea; edits then drive the element.
    if (!side.edited && side.textarea.value === "") {
      side.textarea.value = event.detail.text;
      side.source.textContent = `Preloaded from ${side.src}. Edit it or paste another article.`;
    }
    updateComparison();
  });
  side.lens.addEventListener("error", () => {
    if (!side.edited && side.src) side.source.textContent = `Could not preload ${side.src}.`;
    updateExampleNote();
    updateComparison();
  });
  let timer = 0;
  side.textarea.addEventListener("input", () => {
    side.edited = true;
    updateExampleNote();
    side.source.textContent = "Your text.";
    clearTimeout(timer);
    timer = setTimeout(() => { side.lens.text = side.textarea.value; }, EDIT_DEBOUNCE_MS);
  });
}

function load(side) {
  side.source.textContent = `Loading ${side.src}…`;
  side.lens.src = side.src;
}

load(first);
if (second.src) {
  setComparing(true);
  load(second);
}

// ---- compare mode ----------------------------------------------------------------------------

function comparing() {
  return toggle.getAttribute("aria-expanded") === "true";
}

function setComparing(on) {
  toggle.setAttribute("aria-expanded", String(on));
  toggle.textContent = on ? "Stop comparing" : "Compare with a second article";
  $("field2").hidden = !on;
  $("second").hidden = !on;
  document.body.classList.toggle("comparing", on);
  $("lens-heading").textContent = on ? "First article" : "Analysis";
  if (!on) {
    second.lens.text = "";
    second.textarea.value = "";
    second.edited = false;
  }
  updateComparison();
}

toggle.addEventListener("click", () => {
  setComparing(!comparing());
  if (comparing()) second.textarea.focus();
});

function updateComparison() {
  const ready = comparing() && sides.every((s) => s.lens.state === "ready" && s.lens.report);
  comparison.hidden = !ready;
  if (!ready) return;
  renderComparison($("comparison-body"), sides.map((s) => ({
    label: s.label === "the first" ? "the first article" : "the second article",
    report: s.lens.report, text: s.lens.text, lens: s.lens,
  })));
}

// ---- files: drop anywhere, or open one -----------------------------------------------------

async function readFile(file, side) {
  const isText = file.type === "" || file.type.startsWith("text/") || /\.(txt|text|md)$/i.test(file.name);
  if (!isText) {
    side.source.textContent = `${file.name} is not a text file; drop or open a .txt file.`;
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    side.source.textContent = `${file.name} is too large (${Math.round(file.size / 1000)} kB); the limit is 2 MB.`;
    return;
  }
  if (side === second && !comparing()) setComparing(true);
  const text = await file.text();
  side.edited = true;
  updateExampleNote();
  side.textarea.value = text;
  side.lens.text = text;
  side.source.textContent = `From the file ${file.name}.`;
}

const overlay = $("drop-overlay");
const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes("Files");
document.addEventListener("dragenter", (event) => {
  if (hasFiles(event)) overlay.hidden = false;
});
document.addEventListener("dragover", (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = "copy";
});
document.addEventListener("dragleave", (event) => {
  if (event.relatedTarget == null) overlay.hidden = true;
});
document.addEventListener("drop", (event) => {
  overlay.hidden = true;
  const file = event.dataTransfer?.files?.[0];
  if (!file) return;
  event.preventDefault();
  // A file dropped on the second field (or its results) goes to the second article.
  const onSecond = comparing() && event.target instanceof Node &&
    ($("field2").contains(event.target) || $("second").contains(event.target));
  readFile(file, onSecond ? second : first);
});

const fileInput = $("file");
$("open-file").addEventListener("click", () => fileInput.click());
fileInput.addEventListener("change", () => {
  const file = fileInput.files?.[0];
  if (file) readFile(file, first);
  fileInput.value = "";
});
