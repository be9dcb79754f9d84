// <article-lens>: a custom element that analyses a news article in the browser with the
// article-lens WebAssembly core and shows its key takeaways, actors, stances and a relation
// graph, each linked back to the exact span of the article it came from.
//
// This module holds the class and registers nothing (as relative-time-element does); it imports
// in Node without a DOM (the class then extends a placeholder), so its helpers can be tested
// there. Its siblings: wasm-engine.js (loading the wasm core), report-helpers.js, brief.js and
// format.js (pure report helpers), graph.js (the relation graph), dom.js (DOM helpers),
// schema.js (the report's vocabularies, generated from data/report_vocabulary.tsv). Its
// sibling `article-lens.js` registers it as <article-lens>, and that is the one module tag an
// embedding page needs. The element loads `./pkg/article_lens.js` (the wasm-pack output) and
// its .wasm relative to this file as soon as it is defined (`define()`), so the engine is
// fetched and compiled while the page and its article load, not when the first text arrives:
//
//   <script type="module" src="article-lens.js"></script>
//   <article-lens src="story.txt" takeaways="3"></article-lens>
//
// To register it under another name: import { ArticleLensElement } from "./article-lens-element.js";
// ArticleLensElement.define("my-lens").
//
// | Property    | Attribute   | Values                                   | Default |
// |-------------|-------------|------------------------------------------|---------|
// | `src`       | `src`       | same-origin URL of a plain-text article  | none    |
// | `htmlFor`   | `for`       | id of an element whose text is analysed  | none    |
// | `takeaways` | `takeaways` | 3, 4 or 5                                | 5       |
// | `view`      | `view`      | panels to show, space-separated: takeaways author actors stances relations article export | all |
// | `text`      | none        | a string; overrides every attribute (see below) | null |
// | `report`    | none        | the last report, read-only               | null    |
// | `state`     | `state`     | idle, loading, ready, empty, error; read-only, set by the element | idle |
//
// Methods: `highlight(start, end)`, `selectActor(id)` (null clears), `markdown()` (the brief),
// `copy("json" | "markdown")` (to the clipboard; resolves to whether it worked).
//
// The `text` property takes a string; a number or boolean is turned into one; null or undefined
// clears it (the attributes apply again); any other value (an object, array, function, symbol)
// is refused: the element shows why and fires `error`, and the setter never throws.
//
// Hostile input: an empty or whitespace-only text shows a prompt (state `empty`); a text the
// core refuses (over its size limit, 5 MiB of UTF-8) shows the core's message; the element
// never changes the text it was given, so a reader's paste stays where it was. If the engine
// itself fails (a WebAssembly trap, `WebAssembly.RuntimeError`, or any other exception that is
// not the core's own `Error`), its instance is discarded: the element says the engine stopped,
// offers "Restart and try again", and the next analysis runs on a fresh instance (the wasm
// module is imported again under a new URL, ./pkg/article_lens.js?instance=N), no page reload.
//
// Where the article comes from, first match wins: the `text` property, `for`, `src`, then the
// element's own text content (which is also what a reader sees without JavaScript). A `for`
// textarea or input is re-analysed as it is edited, another element when its text changes.
//
// Events (both bubble and cross the shadow boundary):
//   `analyzed`: an ArticleLensAnalyzedEvent (a CustomEvent): detail { report, text, elapsed },
//               elapsed being the analysis time in ms (the engine's first includes its start-up);
//               also as event.report, .text, .elapsed.
//   `error`:    detail { error, message }; the element also shows the message.
//
// Security: every piece of article or report text enters the DOM as a text node
// (`textContent`, `append(string)`); nothing is ever parsed as HTML. Styles come from the
// linked `article-lens.css`, so the element works under `style-src 'self'`; the relation graph
// is SVG built with createElementNS and setAttribute (geometry only, never a style attribute).
//
// Styling: `::part()` hooks and `--article-lens-*` custom properties, listed in the README
// ("The <article-lens> element") and at the top of article-lens.css.

import { claimWarmMeasure, discardEngine, EngineLoadError, EngineStoppedError, isEngineFailure, isFirstRun,
  loadEngine, ranOnce, retryEngineLater, TOO_LARGE } from "./wasm-engine.js";
import { h, isTextField, rangeIn, whenIdle } from "./dom.js";
import { classLabel, formatMs, plural } from "./format.js";
import { articlePieces, digestStances, isReport, isSure, span } from "./report-helpers.js";
import { markdownBrief } from "./brief.js";
import { drawGraph } from "./graph.js";
import { ACTOR_KINDS, TONES } from "./schema.js";

export { h } from "./dom.js";
export { groupStances, digestStances, isSure, toneOf } from "./report-helpers.js";
export { markdownBrief } from "./brief.js";
export { graphOf, GRAPH_MAX_ACTORS } from "./graph.js";

const STYLESHEET_URL = new URL("./article-lens.css", import.meta.url).href;

const DEFAULT_TAKEAWAYS = 5;
const MIN_TAKEAWAYS = 3;
const MAX_TAKEAWAYS = 5;
/** Items whose confidence is below this are shown as unsure. */
const UNSURE_BELOW = 0.6;
/** The first text is analysed again, warm, to show the warm time, when it is no longer than this. */
const WARM_MEASURE_MAX_CHARS = 100_000;
/** Delay between the last edit of a `for` text field and the re-analysis, in ms. */
const EDIT_DEBOUNCE_MS = 250;
/** The name of the CSS custom highlight used on a `for` element: style `::highlight(article-lens)`. */
export const HIGHLIGHT_NAME = "article-lens";

/** The panels, in the order they appear; `view` picks some of them. */
export const VIEWS = ["takeaways", "author", "actors", "stances", "relations", "article", "export"];

// In Node (no DOM) the classes extend placeholders, so the module imports; nothing is defined.
const HTMLElementBase = globalThis.HTMLElement ?? class {};
const CustomEventBase = globalThis.CustomEvent ?? class {};

/** The `text` property was given something that is not text. */
class TextTypeError extends TypeError {
  constructor(value) {
    const kind = value === null ? "null" : Array.isArray(value) ? "an array"
      : typeof value === "object" ? "an object" : `a ${typeof value}`;
    super(`The text to analyse must be a string, not ${kind}.`);
    this.name = "TextTypeError";
  }
}

/** The `analyzed` event: a CustomEvent whose detail is also reachable as typed fields. */
export class ArticleLensAnalyzedEvent extends CustomEventBase {
  constructor(report, text, elapsed) {
    super("analyzed", { bubbles: true, composed: true, detail: { report, text, elapsed } });
  }
  get report() { return this.detail.report; }
  get text() { return this.detail.text; }
  get elapsed() { return this.detail.elapsed; }
}

export class ArticleLensElement extends HTMLElementBase {
  static observedAttributes = ["src", "for", "takeaways", "view"];

  static define(tag = "article-lens", registry = customElements) {
    registry.define(tag, this);
    // The engine loads now, not when the first text arrives; an analysis reports a failure.
    loadEngine().catch(() => {});
    return this;
  }

  #root;
  #parts = {};
  #text = null;          // the text property, when set
  #refused = null;       // a TextTypeError when the text property was set to a non-text value
  #analysedText = "";    // the text the current report describes
  #report = null;
  #marks = [];           // spans highlighted in the article view
  #selectedActor = null; // id of the actor whose mentions are highlighted
  #graphLayout = "";     // "wide" or "narrow": which geometry the graph was drawn for
  #unsureCount = 0;      // how many stances the control "N more, unsure" holds back
  #resizeObserver = null;
  #generation = 0;
  #scheduled = false;
  #srcCache = null;      // { url, text }: `src` is fetched once per URL
  #forTarget = null;
  #forCleanup = null;
  #lightObserver = null;
  #editTimer = 0;
  #timing = null;        // { elapsed, first, warm }: what the status line says of the last analysis
  #ids = 0;              // for ids unique inside the shadow root

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    this.#build();
  }

  connectedCallback() {
    // A property set on the element before this class was defined shadows the accessor.
    for (const name of ["text", "src", "htmlFor", "takeaways", "view"]) {
      if (Object.hasOwn(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this.#bindFor();
    this.#lightObserver ??= new MutationObserver(() => {
      if (this.#source() === "content") this.#schedule();
    });
    this.#lightObserver.observe(this, { childList: true, characterData: true, subtree: true });
    this.#resizeObserver ??= new ResizeObserver(() => {
      if (this.#report && this.#graphLayoutFor() !== this.#graphLayout) this.#renderGraph();
    });
    this.#resizeObserver.observe(this.#parts.relationsPanel);
    this.#applyView();
    this.#schedule();
  }

  disconnectedCallback() {
    this.#lightObserver?.disconnect();
    this.#resizeObserver?.disconnect();
    this.#unbindFor();
    clearTimeout(this.#editTimer);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === "view") {
      this.#applyView();
      return;
    }
    if (name === "for" && this.isConnected) this.#bindFor();
    this.#schedule();
  }

  get src() {
    const value = this.getAttribute("src");
    return value ? new URL(value, this.ownerDocument.baseURI).href : "";
  }
  set src(value) {
    if (value == null || value === "") this.removeAttribute("src");
    else this.setAttribute("src", value);
  }

  get htmlFor() {
    return this.getAttribute("for") ?? "";
  }
  set htmlFor(value) {
    if (value == null || value === "") this.removeAttribute("for");
    else this.setAttribute("for", value);
  }

  get takeaways() {
    const n = Number.parseInt(this.getAttribute("takeaways") ?? "", 10);
    if (Number.isNaN(n)) return DEFAULT_TAKEAWAYS;
    return Math.max(MIN_TAKEAWAYS, Math.min(MAX_TAKEAWAYS, n));
  }
  set takeaways(value) {
    this.setAttribute("takeaways", String(value));
  }

  /** The panels shown, space-separated, in display order; unknown names are ignored. */
  get view() {
    const asked = new Set((this.getAttribute("view") ?? "").toLowerCase().split(/[\s,]+/).filter(Boolean));
    const shown = VIEWS.filter((v) => asked.has(v));
    return (shown.length ? shown : VIEWS).join(" ");
  }
  set view(value) {
    if (value == null || value === "") this.removeAttribute("view");
    else this.setAttribute("view", Array.isArray(value) ? value.join(" ") : String(value));
  }

  /** The article text: the value set on this property, or else the text last analysed. */
  get text() {
    return this.#text ?? (this.#refused ? "" : this.#analysedText);
  }
  set text(value) {
    this.#refused = null;
    if (value == null) this.#text = null;
    else if (typeof value === "string") this.#text = value;
    else if (["number", "boolean", "bigint"].includes(typeof value)) this.#text = String(value);
    else if (value instanceof String) this.#text = value.valueOf();
    else {
      this.#text = null;
      this.#refused = new TextTypeError(value);
    }
    this.#schedule();
  }

  get report() {
    return this.#report;
  }

  get state() {
    return this.getAttribute("state") ?? "idle";
  }

  /** Highlights a span of the article (UTF-16 offsets, as in the report) and scrolls to it. */
  highlight(start, end) {
    this.#select(null, [{ start, end }]);
  }

  /** Highlights every mention of an actor (by id); null or an unknown id clears the selection. */
  selectActor(id) {
    const actor = this.#report?.actors.find((a) => a.id === id);
    if (!actor) {
      this.#select(null, []);
      return;
    }
    this.#selectActor(actor);
  }

  /** The report as a Markdown brief: takeaways, actors, stances with their quotes. */
  markdown() {
    return this.#report ? markdownBrief(this.#report, this.#analysedText) : "";
  }

  /** Copies the report ("json") or the brief ("markdown") to the clipboard; true when it worked. */
  async copy(format = "json") {
    if (!this.#report) return false;
    const [content, what] = format === "markdown"
      ? [this.markdown(), "Markdown brief"]
      : [JSON.stringify(this.#report, null, 2), "report (JSON)"];
    const p = this.#parts;
    try {
      await navigator.clipboard.writeText(content);
      p.fallback.hidden = true;
      p.exportNote.textContent = `Copied the ${what} to the clipboard.`;
      return true;
    } catch {
      // No clipboard (an insecure page, or permission refused): offer the text to copy by hand.
      p.fallbackText.value = content;
      p.fallbackLabel.textContent = `The clipboard is not available here: select and copy the ${what} below.`;
      p.fallback.hidden = false;
      p.fallbackText.focus();
      p.fallbackText.select();
      p.exportNote.textContent = "";
      return false;
    }
  }

  // ---- source ---------------------------------------------------------------------------

  #source() {
    if (this.#text != null || this.#refused) return "text";
    if (this.hasAttribute("for")) return "for";
    if (this.hasAttribute("src")) return "src";
    return "content";
  }

  async #readText() {
    switch (this.#source()) {
      case "text":
        if (this.#refused) throw this.#refused;
        return this.#text;
      case "for": {
        const target = this.#forTarget ?? this.#bindFor();
        if (!target) throw new Error(`No element with id "${this.htmlFor}" to read the article from.`);
        return "value" in target && isTextField(target) ? target.value : target.textContent;
      }
      case "src":
        return this.#fetchSrc();
      default:
        return this.textContent;
    }
  }

  async #fetchSrc() {
    const raw = this.getAttribute("src");
    const url = new URL(raw, this.ownerDocument.baseURI);
    if (url.origin !== new URL(this.ownerDocument.baseURI).origin) {
      throw new Error(`The article address must be on this site; "${raw}" is not.`);
    }
    url.hash = "";
    if (this.#srcCache?.url === url.href) return this.#srcCache.text;
    let response;
    try {
      response = await fetch(url, { credentials: "same-origin" });
    } catch (cause) {
      throw new Error(`Could not load the article from "${raw}": ${cause.message}`, { cause });
    }
    if (!response.ok) {
      throw new Error(`Could not load the article from "${raw}" (HTTP ${response.status}).`);
    }
    const text = await response.text();
    this.#srcCache = { url: url.href, text };
    return text;
  }

  #bindFor() {
    this.#unbindFor();
    const id = this.getAttribute("for");
    if (!id) return null;
    const root = this.getRootNode();
    const target = (root.getElementById ? root.getElementById(id) : null) ?? this.ownerDocument.getElementById(id);
    if (!target) return null;
    this.#forTarget = target;
    if (isTextField(target)) {
      const onInput = () => {
        clearTimeout(this.#editTimer);
        this.#editTimer = setTimeout(() => this.#schedule(), EDIT_DEBOUNCE_MS);
      };
      target.addEventListener("input", onInput);
      this.#forCleanup = () => target.removeEventListener("input", onInput);
    } else {
      const observer = new MutationObserver(() => {
        if (this.#source() === "for") this.#schedule();
      });
      observer.observe(target, { childList: true, characterData: true, subtree: true });
      this.#forCleanup = () => observer.disconnect();
    }
    return target;
  }

  #unbindFor() {
    this.#forCleanup?.();
    this.#forCleanup = null;
    this.#forTarget = null;
  }

  // ---- update cycle ---------------------------------------------------------------------

  /** Coalesces every change made in the same task into one analysis. */
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.#update();
    });
  }

  async #update() {
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    this.#setState("loading");
    try {
      const text = await this.#readText();
      if (!current()) return;
      if (!text.trim()) {
        this.#report = null;
        this.#analysedText = text;
        this.#renderEmpty();
        this.#setState("empty");
        return;
      }
      const loading = loadEngine();
      const engine = await loading.catch((error) => {
        retryEngineLater(loading);
        throw error;
      });
      if (!current()) return;
      const first = isFirstRun(engine);
      const started = performance.now();
      let report;
      try {
        report = engine.analyze(text, { takeaways: this.takeaways });
      } catch (caught) {
        if (!isEngineFailure(caught)) throw caught;
        discardEngine(engine);
        throw new EngineStoppedError(caught);
      }
      const elapsed = performance.now() - started;
      ranOnce(engine);
      if (!isReport(report)) throw new Error("The analysis engine returned a report this page does not understand.");
      this.#report = report;
      this.#analysedText = text;
      this.#marks = [];
      this.#selectedActor = null;
      this.#timing = { elapsed, first, warm: null };
      this.#render();
      this.#setState("ready");
      this.dispatchEvent(new ArticleLensAnalyzedEvent(report, text, elapsed));
      if (first && text.length <= WARM_MEASURE_MAX_CHARS && claimWarmMeasure()) {
        whenIdle(() => this.#measureWarm(engine, text, current));
      }
    } catch (caught) {
      if (!current()) return;
      const error = caught instanceof Error ? caught : new Error(String(caught));
      this.#report = null;
      this.#renderError(error);
      this.#setState("error");
      this.dispatchEvent(new CustomEvent("error", {
        bubbles: true, composed: true, detail: { error, message: error.message },
      }));
    }
  }

  #setState(state) {
    this.setAttribute("state", state);
    this.#parts.root.setAttribute("aria-busy", String(state === "loading"));
    if (state === "loading" && !this.#report) this.#parts.status.textContent = "Analysing…";
  }

  // ---- rendering ------------------------------------------------------------------------

  #build() {
    const link = h("link", { rel: "stylesheet", href: STYLESHEET_URL });
    const p = this.#parts;
    p.status = h("p", { className: "status", part: "status", role: "status" }, "Analysing…");
    p.error = h("div", { className: "error", part: "error", role: "alert", hidden: true });

    p.takeaways = h("ol", { className: "takeaways", part: "takeaways" });
    p.takeawaysPanel = this.#panel("takeaways", "Key takeaways", p.takeaways);
    p.author = h("ol", { className: "takeaways author", part: "author-takeaways" });
    p.authorPanel = this.#panel("author", "The author's takeaways",
      h("p", { className: "note" }, "Listed in the article itself, as written by its author."), p.author);
    p.actors = h("ul", { className: "actors", part: "actors" });
    p.actorsPanel = this.#panel("actors", "Actors",
      h("p", { className: "note" }, "Select an actor to highlight every mention of it."), p.actors);
    p.stances = h("ul", { className: "stance-groups", part: "stances" });
    p.unsure = h("ul", { className: "stance-groups unsure", part: "unsure-stances", id: "unsure-stances", hidden: true });
    p.unsureToggle = h("button", {
      type: "button", className: "link unsure-toggle", part: "unsure-toggle button", hidden: true,
      "aria-expanded": "false", "aria-controls": "unsure-stances",
      onclick: () => {
        const open = p.unsureToggle.getAttribute("aria-expanded") !== "true";
        p.unsureToggle.setAttribute("aria-expanded", String(open));
        p.unsure.hidden = !open;
        p.unsureToggle.textContent = this.#unsureLabel(open);
      },
    });
    p.stancesPanel = this.#panel("stances", "Stances",
      h("p", { className: "note" }, "Who wants or does what to whom, by actor and target. Select a class to see its words."),
      p.stances, p.unsureToggle, p.unsure);

    p.graph = h("div", { className: "graph-box" });
    p.legend = h("ul", { className: "legend", part: "legend", "aria-label": "Edge colours" },
      TONES.map((tone) => h("li", {}, h("span", { className: `swatch tone-${tone}`, "aria-hidden": "true" }), tone)));
    p.relations = h("ul", { className: "relations", part: "relations" });
    p.relationsPanel = this.#panel("relations", "Relations", p.graph, p.legend, p.relations);

    p.markNote = h("p", { className: "mark-note", part: "mark-note", "aria-live": "polite" });
    p.article = h("div", {
      className: "article", part: "article", tabindex: 0, role: "region", "aria-label": "Article text",
    });
    p.articlePanel = this.#panel("article", "Article", p.markNote, p.article);

    p.exportNote = h("span", { className: "export-note", role: "status" });
    p.fallbackLabel = h("label", { for: "export-fallback" });
    p.fallbackText = h("textarea", { id: "export-fallback", readonly: true, rows: 8, spellcheck: "false" });
    p.fallback = h("div", { className: "fallback", hidden: true }, p.fallbackLabel, p.fallbackText);
    p.exportPanel = h("div", {
      className: "export", part: "export", role: "group", "aria-label": "Export the analysis",
    },
    h("button", { type: "button", className: "button", part: "button", onclick: () => this.copy("markdown") },
      "Copy Markdown brief"),
    h("button", { type: "button", className: "button", part: "button", onclick: () => this.copy("json") },
      "Copy report JSON"),
    p.exportNote, p.fallback);

    p.results = h("div", { className: "results", hidden: true },
      h("div", { className: "findings" },
        p.takeawaysPanel, p.authorPanel, p.actorsPanel, p.relationsPanel, p.stancesPanel, p.exportPanel),
      p.articlePanel);
    // Hidden until the stylesheet arrives (or fails), so the element never flashes unstyled.
    p.root = h("div", { className: "root", part: "root", hidden: true }, p.status, p.error, p.results);
    const reveal = () => { p.root.hidden = false; };
    link.addEventListener("load", reveal, { once: true });
    link.addEventListener("error", reveal, { once: true });
    this.#root.append(link, p.root);
  }

  #panel(name, title, ...content) {
    const id = `${name}-heading`;
    return h("section", { className: `panel panel-${name}`, part: `panel ${name}-panel`, "aria-labelledby": id },
      h("h2", { id, part: "heading" }, title), ...content);
  }

  /** Shows the panels `view` names (the author's panel also needs author takeaways). */
  #applyView() {
    const shown = new Set(this.view.split(" "));
    const p = this.#parts;
    const hasAuthor = (this.#report?.author_takeaways ?? []).length > 0;
    p.takeawaysPanel.hidden = !shown.has("takeaways");
    p.authorPanel.hidden = !shown.has("author") || !hasAuthor;
    p.actorsPanel.hidden = !shown.has("actors");
    p.stancesPanel.hidden = !shown.has("stances");
    p.relationsPanel.hidden = !shown.has("relations");
    p.exportPanel.hidden = !shown.has("export");
    // The article view is where highlights go, unless they go to the `for` element.
    p.articlePanel.hidden = !shown.has("article") || this.#source() === "for";
    p.results.classList.toggle("with-article", !p.articlePanel.hidden);
  }

  #renderEmpty() {
    const p = this.#parts;
    p.error.hidden = true;
    p.results.hidden = true;
    p.status.textContent = "Paste or type a news article to analyse it.";
  }

  #renderError(error) {
    const p = this.#parts;
    p.results.hidden = true;
    p.status.textContent = "";
    let title = "This article could not be analysed.";
    let message = error.message;
    let hint = null;
    let retry = null;
    if (error instanceof EngineLoadError) {
      hint = "The WebAssembly package is missing or broken; build it with scripts/build-wasm.sh.";
    } else if (TOO_LARGE.test(message)) {
      title = "This text is too long to analyse.";
      message = `${message[0].toUpperCase()}${message.slice(1)}.`.replace(/\.+$/, ".")
        .replace(/\d{4,}/g, (n) => Number(n).toLocaleString("en"));
      hint = "Your text is unchanged; remove some of it, or paste a single article.";
    } else if (error instanceof EngineStoppedError) {
      title = "The analysis engine stopped.";
      hint = "It has been shut down and a fresh one starts with the next text; your text is unchanged.";
      retry = h("button", {
        type: "button", className: "button", part: "button retry", onclick: () => this.#schedule(),
      }, "Restart and try again");
    }
    p.error.replaceChildren(...[
      h("strong", {}, title), " ",
      h("span", { className: "message" }, message),
      hint && h("span", { className: "hint" }, ` ${hint}`),
      retry && h("span", { className: "actions" }, retry),
    ].filter(Boolean));
    p.error.hidden = false;
  }

  #nameOf(id) {
    if (id == null) return null;
    return this.#report?.actors.find((a) => a.id === id)?.name ?? String(id);
  }

  /**
   * Runs the page's first text again once the page is idle, now that the engine has started, so
   * the status line can say what an analysis takes beside what the first one took.
   */
  #measureWarm(engine, text, current) {
    if (!current() || this.#analysedText !== text || !this.#timing?.first) return;
    const started = performance.now();
    try {
      engine.analyze(text, { takeaways: this.takeaways });
    } catch {
      discardEngine(engine); // it analysed this text before: it has failed, the next text gets a fresh one
      return;
    }
    this.#timing.warm = performance.now() - started;
    this.#renderStatus();
  }

  /**
   * What was measured: the analysis time, and a first run (the engine's first analysis, which
   * includes its start-up) labelled as such, beside the warm time once it is known.
   */
  #renderStatus() {
    const { elapsed, first, warm } = this.#timing;
    const took = warm != null
      ? `${formatMs(warm)} (the first run, which includes the engine's start-up, took ${formatMs(elapsed)})`
      : first ? `${formatMs(elapsed)}, a first run that includes the engine's start-up` : formatMs(elapsed);
    this.#parts.status.textContent = `${plural(this.#analysedText.length, "character")} analysed in ${took}: ` +
      `${plural(this.#report.actors.length, "actor")}, ${plural(this.#report.stances.length, "stance")}.`;
  }

  #render() {
    const p = this.#parts;
    const report = this.#report;
    const text = this.#analysedText;

    p.error.hidden = true;
    p.results.hidden = false;
    this.#renderStatus();

    // Takeaways.
    p.takeaways.replaceChildren(...report.takeaways.map((t) => this.#takeawayItem(t, text, "takeaway")));
    if (!report.takeaways.length) p.takeaways.append(h("li", { className: "none" }, "No takeaways found."));
    const author = Array.isArray(report.author_takeaways) ? report.author_takeaways : [];
    p.author.replaceChildren(...author.map((t) => this.#takeawayItem(t, text, "author-takeaway")));

    // Actors.
    p.actors.replaceChildren(...report.actors.map((actor) => this.#actorItem(actor)));
    if (!report.actors.length) p.actors.append(h("li", { className: "none" }, "No actors found."));

    // Stances: the confident ones as a digest by actor and target, the unsure ones behind a control.
    const sure = digestStances(report, true);
    const unsure = digestStances(report, false);
    p.stances.replaceChildren(...sure.map((group) => this.#stanceGroup(group, text)));
    if (!sure.length) p.stances.append(h("li", { className: "none" }, report.stances.length ? "No stance the analysis is sure of." : "No stances found."));
    p.unsure.replaceChildren(...unsure.map((group) => this.#stanceGroup(group, text)));
    this.#unsureCount = report.stances.filter((st) => !isSure(report, st)).length;
    p.unsure.hidden = true;
    p.unsureToggle.hidden = this.#unsureCount === 0;
    p.unsureToggle.setAttribute("aria-expanded", "false");
    p.unsureToggle.textContent = this.#unsureLabel(false);

    // Relations: the graph, and the same pairs as a list (also its text alternative).
    const relations = Array.isArray(report.relations) ? report.relations : [];
    p.relations.replaceChildren(...relations.map((r) => this.#relationItem(r, text)));
    if (!relations.length) p.relations.append(h("li", { className: "none" }, "No actor acts toward another."));
    this.#renderGraph();

    p.exportNote.textContent = "";
    p.fallback.hidden = true;
    p.markNote.textContent = "";
    this.#applyView();
    this.#renderArticle();
  }

  #takeawayItem(t, text, part) {
    const sp = span(t, text.length);
    const label = typeof t.text === "string" && t.text ? t.text : text.slice(sp.start, sp.end);
    return h("li", {}, h("button", {
      type: "button", className: "takeaway link", part,
      onclick: (event) => this.#select(event.currentTarget, [sp], "the takeaway's sentence"),
    }, label));
  }

  #actorItem(actor) {
    const kind = ACTOR_KINDS.includes(actor.kind) ? actor.kind : "other";
    const count = Array.isArray(actor.mentions) ? actor.mentions.length : 0;
    const aliases = (Array.isArray(actor.aliases) ? actor.aliases : []).filter((a) => a !== actor.name);
    const unsure = typeof actor.confidence === "number" && actor.confidence < UNSURE_BELOW;
    const affiliation = this.#nameOf(actor.affiliation);
    return h("li", { className: "actor", part: "actor", "data-id": actor.id },
      h("div", { className: "actor-head" },
        h("button", {
          type: "button", className: "actor-name link", part: "actor-name", "aria-pressed": "false",
          "data-actor": actor.id, onclick: () => this.#toggleActor(actor),
        }, String(actor.name)),
        h("span", { className: `chip kind kind-${kind}`, part: "actor-kind" }, String(actor.kind ?? "actor")),
        unsure && h("span", { className: "chip unsure", title: `confidence ${actor.confidence.toFixed(2)}` }, "unsure")),
      h("div", { className: "meta" },
        plural(count, "mention"),
        affiliation && ` · ${affiliation}`,
        aliases.length > 0 && h("span", { className: "aliases" }, ` · also ${aliases.join(", ")}`)));
  }

  /** "4 more, unsure" (or "Hide the 4 unsure"): the control over the stances held back. */
  #unsureLabel(open) {
    const n = this.#unsureCount;
    return open ? `Hide the ${n} unsure` : `${n} more, unsure`;
  }

  #stanceGroup(group, text) {
    const count = group.lines.reduce((n, l) => n + l.items.reduce((m, item) => m + item.indices.length, 0), group.speaks.length);
    const id = `stances-of-${group.actor}-${++this.#ids}`.replace(/[^\w-]/g, "_");
    const who = this.#nameOf(group.actor);
    const speaks = group.speaks.length > 0 && h("li", { className: "pair speaks", part: "stance-pair" },
      h("div", { className: "pair-row" }, h("span", { className: "who" }, "speaks"),
        this.#stanceItem({ key: "speaks", class: "statement", negated: false, hypothetical: false, indices: group.speaks }, text, "said")));
    return h("li", { className: "stance-group", part: "stance-group", "data-actor": group.actor },
      h("h3", { className: "group-head", id },
        h("span", { className: "who" }, who),
        h("span", { className: "meta" }, ` ${plural(count, "stance")}`)),
      h("ul", { className: "stances", "aria-labelledby": id },
        group.lines.map((line) => {
          const target = this.#nameOf(line.target);
          return h("li", { className: "pair", part: "stance-pair", "data-target": line.target ?? "" },
            h("div", { className: "pair-row" },
              target && h("span", { className: "arrow", "aria-hidden": "true" }, "→"),
              target && h("span", { className: "sr" }, " toward "),
              h("span", { className: "who" }, target || "on its own"),
              line.items.map((item) => this.#stanceItem(item, text))));
        }),
        speaks));
  }

  /** One class of a pair's stances as a button ("appeal ×4") that opens their words. */
  #stanceItem(item, text, label) {
    const cls = item.class;
    const indices = item.indices;
    const stances = indices.map((i) => this.#report.stances[i]);
    const spans = stances.map((st) => span(st.evidence, text.length));
    const verbs = [...new Set(stances.map((st) => String(st.verb ?? "").toLowerCase()))];
    const quotesId = `quotes-${++this.#ids}`;
    const quotes = h("div", { className: "quotes", id: quotesId, hidden: true },
      spans.map((sp) => h("blockquote", { className: "evidence", part: "evidence" }, text.slice(sp.start, sp.end))));
    const first = spans[0] ? text.slice(spans[0].start, spans[0].end).replace(/\s+/g, " ").trim() : "";
    const button = h("button", {
      type: "button", className: "stance-line", "aria-expanded": "false", "aria-controls": quotesId,
      // Hovering shows the words too (an attribute set from a string: text, never markup).
      title: first.length > 280 ? `“${first.slice(0, 279)}…”` : first && `“${first}”`,
      onclick: () => {
        const open = button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", String(open));
        quotes.hidden = !open;
        if (open) this.#select(button, spans, indices.length > 1 ? `${indices.length} places this stance is reported` : "the stance's words");
      },
    },
    item.negated && h("span", { className: "not", part: "negated", title: "negated" }, "not"),
    h("span", { className: "chip class", part: "stance-class" }, label ?? classLabel(cls)),
    h("span", { className: "verb" }, verbs.slice(0, 3).join(", ")),
    indices.length > 1 && h("span", { className: "count", title: `reported ${indices.length} times` }, `×${indices.length}`),
    item.hypothetical && h("span", { className: "chip hypothetical" }, "hypothetical"));
    return h("span", {
      className: `stance c-${cls}${item.negated ? " negated" : ""}`, part: "stance",
      "data-count": indices.length, "data-class": cls,
    }, button, quotes);
  }

  #relationItem(relation, text) {
    const tone = TONES.includes(relation.tone) ? relation.tone : "neutral";
    const indices = Array.isArray(relation.stances) ? relation.stances : [];
    const spans = indices.map((i) => this.#report.stances[i]?.evidence).filter(Boolean).map((e) => span(e, text.length));
    return h("li", { className: "relation", part: "relation" },
      h("button", {
        type: "button", className: "link", title: "Highlight the evidence",
        onclick: (event) => this.#select(event.currentTarget, spans, "the stances between them"),
      }, this.#nameOf(relation.a), " ↔ ", this.#nameOf(relation.b)),
      " ", h("span", { className: `chip tone tone-${tone}` }, tone),
      h("span", { className: "meta" }, ` ${plural(indices.length, "stance")}`));
  }

  // ---- the relation graph ---------------------------------------------------------------

  #graphLayoutFor() {
    const width = this.#parts.relationsPanel.clientWidth;
    return width > 0 && width < 460 ? "narrow" : "wide";
  }

  /**
   * Draws the graph: the most salient actors on an ellipse (the most salient at the top), a
   * directed, curved edge per (actor → target) pair, coloured by the tone of its stances.
   * Two geometries, so labels stay readable in a narrow column.
   */
  #renderGraph() {
    const layout = this.#graphLayout = this.#graphLayoutFor();
    const { svg, nodes, edges } = drawGraph(this.#report, this.#analysedText, layout, {
      nameOf: (id) => this.#nameOf(id),
      onEdge: (spans, what) => this.#select(null, spans, what),
      onNode: (actor) => this.#toggleActor(actor),
    });
    const empty = nodes.length === 0
      ? h("p", { className: "none" }, "No actors to draw.")
      : edges.length === 0 ? h("p", { className: "note" }, "None of these actors acts toward another.") : null;
    this.#parts.graph.replaceChildren(svg, ...(empty ? [empty] : []));
    this.#reflectActor();
  }

  // ---- selection and highlights -----------------------------------------------------------

  #toggleActor(actor) {
    if (this.#selectedActor === actor.id) this.#select(null, []);
    else this.#selectActor(actor);
  }

  #selectActor(actor) {
    const length = this.#analysedText.length;
    const mentions = (Array.isArray(actor.mentions) ? actor.mentions : []).map((m) => span(m, length));
    const button = this.#parts.actors.querySelector(`[data-actor="${CSS.escape(actor.id)}"]`);
    this.#select(button, mentions, `${plural(mentions.length, "mention")} of ${actor.name}`);
    this.#selectedActor = actor.id;
    this.#reflectActor();
  }

  /** Shows the selected actor on its button (aria-pressed) and in the graph. */
  #reflectActor() {
    const id = this.#selectedActor;
    for (const el of this.#root.querySelectorAll("[data-actor][aria-pressed], .node")) {
      const mine = (el.getAttribute("data-actor") ?? el.getAttribute("data-id")) === id;
      el.setAttribute("aria-pressed", String(mine && id != null));
    }
    const svg = this.#root.querySelector("svg.graph");
    if (!svg) return;
    svg.classList.toggle("has-selection", id != null);
    for (const edge of svg.querySelectorAll(".edge")) {
      edge.classList.toggle("touching", id != null && (edge.dataset.from === id || edge.dataset.to === id));
    }
  }

  /** Marks `control` as the active selection and highlights `spans`, described by `what`. */
  #select(control, spans, what = "") {
    for (const el of this.#root.querySelectorAll("[data-active]")) el.removeAttribute("data-active");
    control?.setAttribute("data-active", "");
    this.#selectedActor = null;
    this.#reflectActor();
    this.#highlight(spans, what);
  }

  #highlight(spans, what) {
    const length = this.#analysedText.length;
    this.#marks = spans.map((sp) => span(sp, length)).filter((sp) => sp.end > sp.start);
    this.#parts.markNote.textContent = this.#marks.length && what ? `Highlighted: ${what}.` : "";
    if (this.#source() === "for") {
      this.#highlightFor();
      return;
    }
    const first = this.#renderArticle();
    if (first) this.#scrollArticleTo(first);
  }

  /**
   * Renders the article as text nodes, with <mark> around highlighted spans, dimmed clutter and
   * sentence kinds (title, heading, caption, ...) as classes. Returns the first <mark>, if any.
   */
  #renderArticle() {
    const nodes = [];
    let first = null;
    for (const piece of articlePieces(this.#report, this.#analysedText, this.#marks)) {
      let node = piece.text;
      if (piece.marked) {
        node = h("mark", { part: "mark" }, node);
        first ??= node;
      }
      if (piece.removed) {
        node = h("span", {
          className: "removed", part: "removed", title: `Not analysed (${piece.removed.reason ?? "clutter"})`,
        }, node);
      }
      if (piece.kind) node = h("span", { className: `k-${piece.kind}`, title: piece.kind.replace("_", " ") }, node);
      nodes.push(node);
    }
    this.#parts.article.replaceChildren(...nodes);
    return first;
  }

  #scrollArticleTo(mark) {
    const view = this.#parts.article;
    view.scrollTop = Math.max(0, mark.offsetTop - view.clientHeight / 3);
    const box = view.getBoundingClientRect();
    if (box.bottom < 0 || box.top > innerHeight) view.scrollIntoView({ block: "nearest" });
  }

  /**
   * Highlights the spans inside the `for` element: all of them with the CSS custom highlight
   * `article-lens` (the page styles `::highlight(article-lens)`), the first also as the
   * selection, scrolled into view.
   */
  #highlightFor() {
    const target = this.#forTarget;
    const marks = this.#marks;
    const highlights = globalThis.CSS?.highlights;
    if (!target) return;
    if (isTextField(target)) {
      if (!marks[0]) return;
      target.focus({ preventScroll: true });
      target.setSelectionRange(marks[0].start, marks[0].end);
      return;
    }
    const ranges = marks.map((m) => rangeIn(target, m)).filter(Boolean);
    if (highlights && typeof Highlight === "function") {
      if (ranges.length) highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
      else highlights.delete(HIGHLIGHT_NAME);
    }
    if (!ranges.length) return;
    const selection = this.ownerDocument.getSelection();
    selection.removeAllRanges();
    selection.addRange(ranges[0]);
    ranges[0].startContainer.parentElement?.scrollIntoView({ block: "center" });
  }
}
