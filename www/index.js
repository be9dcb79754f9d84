// The paste page: preloads an article into the textarea and the <article-lens> element, then
// re-analyses (debounced) as the reader edits. `?src=some/path.txt` preloads a file from this
// site instead of example.txt; the element refuses any other origin.

const EDIT_DEBOUNCE_MS = 200;

const textarea = document.getElementById("article");
const lens = document.getElementById("lens");
const source = document.getElementById("source");

const src = new URLSearchParams(location.search).get("src") || "example.txt";
let edited = false;

await customElements.whenDefined("article-lens");

source.textContent = `Loading ${src}…`;
lens.addEventListener("analyzed", (event) => {
  // The first analysis of the preloaded file fills the textarea; edits then drive the element.
  if (!edited && textarea.value === "") {
    textarea.value = event.detail.text;
    source.textContent = `Preloaded from ${src}. Edit it or paste another article.`;
  }
});
lens.addEventListener("error", () => {
  if (!edited) source.textContent = `Could not preload ${src}.`;
});
lens.src = src;

let timer = 0;
textarea.addEventListener("input", () => {
  edited = true;
  source.textContent = "Your text.";
  clearTimeout(timer);
  timer = setTimeout(() => { lens.text = textarea.value; }, EDIT_DEBOUNCE_MS);
});
