// <article-lens>: a custom element that analyses a news article in the browser with the
// article-lens WebAssembly core and shows its key takeaways, actors and stances, each linked
// back to the exact span of the article it came from.
//
// One module tag embeds it; the element registers itself and loads `./pkg/article_lens.js`
// (the wasm-pack output) relative to this file on first use:
//
//   <script type="module" src="article-lens.js"></script>
//   <article-lens src="story.txt" takeaways="3"></article-lens>
//
// | Property    | Attribute   | Values                                   | Default |
// |-------------|-------------|------------------------------------------|---------|
// | `src`       | `src`       | same-origin URL of a plain-text article  | none    |
// | `htmlFor`   | `for`       | id of an element whose text is analysed  | none    |
// | `takeaways` | `takeaways` | 3, 4 or 5                                | 5       |
// | `text`      | none        | a string; overrides every attribute      | null    |
// | `report`    | none        | the last report, read-only               | null    |
// | `state`     | `state`     | idle, loading, ready, empty, error; read-only, set by the element | idle |
//
// Where the article comes from, first match wins: the `text` property, `for`, `src`, then the
// element's own text content (which is also what a reader sees without JavaScript). A `for`
// textarea or input is re-analysed as it is edited, another element when its text changes.
//
// Events (both bubble and cross the shadow boundary):
//   `analyzed`: detail { report, text, elapsed } where elapsed is the analysis time in ms.
//   `error`:    detail { error, message }; the element also shows the message.
//
// Security: every piece of article or report text enters the DOM as a text node
// (`textContent`, `append(string)`); nothing is ever parsed as HTML. Styles come from the
// linked `article-lens.css`, so the element works under `style-src 'self'`.
//
// Styling: `::part()` hooks: root, status, error, panel (plus takeaways-panel, author-panel,
// actors-panel, stances-panel, relations-panel, article-panel), heading, takeaways, takeaway,
// author-takeaways, author-takeaway, actors, actor, actor-name, actor-kind, stances, stance,
// stance-class, evidence, relations, article, mark, removed; and the `--article-lens-*`
// custom properties listed at the top of article-lens.css.

const STYLESHEET_URL = new URL("./article-lens.css", import.meta.url).href;
const ENGINE_URL = new URL("./pkg/article_lens.js", import.meta.url).href;

const DEFAULT_TAKEAWAYS = 5;
const MIN_TAKEAWAYS = 3;
const MAX_TAKEAWAYS = 5;
/** Items whose confidence is below this are shown as unsure. */
const UNSURE_BELOW = 0.6;
/** Delay between the last edit of a `for` text field and the re-analysis, in ms. */
const EDIT_DEBOUNCE_MS = 250;

const STANCE_CLASSES = new Set([
  "appeal", "demand", "reject", "threaten", "use_force", "negotiate",
  "cooperate", "criticize", "concern", "intend", "statement",
]);
const SENTENCE_KINDS = new Set([
  "title", "body", "heading", "bullet", "caption", "boilerplate", "byline", "author_takeaway",
]);
const ACTOR_KINDS = new Set(["country", "person", "organization", "group", "place"]);
const TONES = new Set(["friendly", "cooperative", "positive", "neutral", "mixed", "tense", "hostile", "negative"]);

let enginePromise = null;

/** Loads and initialises the wasm package once per page; a failed load is retried next time. */
function loadEngine() {
  enginePromise ??= (async () => {
    let mod;
    try {
      mod = await import(ENGINE_URL);
      await mod.default();
    } catch (cause) {
      enginePromise = null;
      throw new EngineLoadError(cause);
    }
    if (typeof mod.analyze !== "function") {
      enginePromise = null;
      throw new EngineLoadError(new Error("the package has no analyze() export"));
    }
    return mod;
  })();
  return enginePromise;
}

class EngineLoadError extends Error {
  constructor(cause) {
    super(`The analysis engine could not be loaded: ${cause?.message ?? cause}`, { cause });
    this.name = "EngineLoadError";
  }
}

/** Builds an element; string children become text nodes, never markup. */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === "className") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key === "onclick") el.addEventListener("click", value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  el.append(...children.flat().filter((c) => c != null && c !== false));
  return el;
}

function plural(n, one, many = `${one}s`) {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

function formatMs(ms) {
  return ms < 1 ? `${ms.toFixed(2)} ms` : ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** Clamps a span from the report to the text, so a bad offset can never throw while rendering. */
function span(obj, length) {
  const start = Math.max(0, Math.min(length, Number(obj?.start) || 0));
  const end = Math.max(start, Math.min(length, Number(obj?.end) || 0));
  return { start, end };
}

function isReport(value) {
  return value != null && typeof value === "object" && value.version === 1 &&
    ["sentences", "removed", "actors", "stances", "takeaways"].every((k) => Array.isArray(value[k]));
}

export class ArticleLensElement extends HTMLElement {
  static observedAttributes = ["src", "for", "takeaways"];

  static define(tag = "article-lens", registry = customElements) {
    registry.define(tag, this);
    return this;
  }

  #root;
  #parts = {};
  #text = null;          // the text property, when set
  #analysedText = "";    // the text the current report describes
  #report = null;
  #marks = [];           // spans highlighted in the article view
  #generation = 0;
  #scheduled = false;
  #srcCache = null;      // { url, text }: `src` is fetched once per URL
  #forTarget = null;
  #forCleanup = null;
  #lightObserver = null;
  #editTimer = 0;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    this.#build();
  }

  connectedCallback() {
    // A property set on the element before this class was defined shadows the accessor.
    for (const name of ["text", "src", "htmlFor", "takeaways"]) {
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
    this.#schedule();
  }

  disconnectedCallback() {
    this.#lightObserver?.disconnect();
    this.#unbindFor();
    clearTimeout(this.#editTimer);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
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

  /** The article text: the value set on this property, or else the text last analysed. */
  get text() {
    return this.#text ?? this.#analysedText;
  }
  set text(value) {
    this.#text = value == null ? null : String(value);
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
    this.#highlight([{ start, end }]);
  }

  // ---- source ---------------------------------------------------------------------------

  #source() {
    if (this.#text != null) return "text";
    if (this.hasAttribute("for")) return "for";
    if (this.hasAttribute("src")) return "src";
    return "content";
  }

  async #readText() {
    switch (this.#source()) {
      case "text":
        return this.#text;
      case "for": {
        const target = this.#forTarget ?? this.#bindFor();
        if (!target) throw new Error(`No element with id "${this.htmlFor}" to read the article from.`);
        return "value" in target && /^(TEXTAREA|INPUT)$/.test(target.tagName) ? target.value : target.textContent;
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
    if (/^(TEXTAREA|INPUT)$/.test(target.tagName)) {
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
      const engine = await loadEngine();
      if (!current()) return;
      const started = performance.now();
      const report = engine.analyze(text, { takeaways: this.takeaways });
      const elapsed = performance.now() - started;
      if (!isReport(report)) throw new Error("The analysis engine returned a report this page does not understand.");
      this.#report = report;
      this.#analysedText = text;
      this.#marks = [];
      this.#render(elapsed);
      this.#setState("ready");
      this.dispatchEvent(new CustomEvent("analyzed", {
        bubbles: true, composed: true, detail: { report, text, elapsed },
      }));
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
    p.actorsPanel = this.#panel("actors", "Actors", p.actors);
    p.stances = h("ul", { className: "stances", part: "stances" });
    p.stancesPanel = this.#panel("stances", "Stances", p.stances);
    p.relations = h("ul", { className: "relations", part: "relations" });
    p.relationsPanel = this.#panel("relations", "Relations", p.relations);
    p.article = h("div", {
      className: "article", part: "article", tabindex: 0, role: "region", "aria-label": "Article text",
    });
    p.articlePanel = this.#panel("article", "Article", p.article);
    p.results = h("div", { className: "results", hidden: true },
      h("div", { className: "findings" }, p.takeawaysPanel, p.authorPanel, p.actorsPanel, p.stancesPanel, p.relationsPanel),
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
    const hint = error instanceof EngineLoadError
      ? "The WebAssembly package is missing or broken; build it with scripts/build-wasm.sh."
      : null;
    p.error.replaceChildren(
      h("strong", {}, "This article could not be analysed."), " ",
      h("span", { className: "message" }, error.message),
      hint && h("span", { className: "hint" }, ` ${hint}`));
    p.error.hidden = false;
  }

  #render(elapsed) {
    const p = this.#parts;
    const report = this.#report;
    const text = this.#analysedText;
    const actorsById = new Map(report.actors.map((a) => [a.id, a]));
    const nameOf = (id) => (id == null ? null : actorsById.get(id)?.name ?? String(id));

    p.error.hidden = true;
    p.results.hidden = false;
    p.status.textContent = `${plural(text.length, "character")} analysed in ${formatMs(elapsed)}: ` +
      `${plural(report.actors.length, "actor")}, ${plural(report.stances.length, "stance")}.`;

    // Takeaways.
    p.takeaways.replaceChildren(...report.takeaways.map((t) => this.#takeawayItem(t, text, "takeaway")));
    if (!report.takeaways.length) p.takeaways.append(h("li", { className: "none" }, "No takeaways found."));
    const author = Array.isArray(report.author_takeaways) ? report.author_takeaways : [];
    p.author.replaceChildren(...author.map((t) => this.#takeawayItem(t, text, "author-takeaway")));
    p.authorPanel.hidden = author.length === 0;

    // Actors.
    p.actors.replaceChildren(...report.actors.map((actor) => this.#actorItem(actor, nameOf, text)));
    if (!report.actors.length) p.actors.append(h("li", { className: "none" }, "No actors found."));

    // Stances.
    p.stances.replaceChildren(...report.stances.map((stance) => this.#stanceItem(stance, nameOf, text)));
    if (!report.stances.length) p.stances.append(h("li", { className: "none" }, "No stances found."));

    // Relations.
    const relations = Array.isArray(report.relations) ? report.relations : [];
    p.relations.replaceChildren(...relations.map((r) => this.#relationItem(r, nameOf, report.stances, text)));
    p.relationsPanel.hidden = relations.length === 0;

    // The article view is the place highlights go, unless they go to the `for` element.
    p.articlePanel.hidden = this.#source() === "for";
    this.#renderArticle();
  }

  #takeawayItem(t, text, part) {
    const s = span(t, text.length);
    const label = typeof t.text === "string" && t.text ? t.text : text.slice(s.start, s.end);
    return h("li", {}, h("button", {
      type: "button", className: "takeaway link", part,
      onclick: (event) => this.#select(event.currentTarget, [s]),
    }, label));
  }

  #actorItem(actor, nameOf, text) {
    const kind = ACTOR_KINDS.has(actor.kind) ? actor.kind : "other";
    const mentions = Array.isArray(actor.mentions) ? actor.mentions.map((m) => span(m, text.length)) : [];
    const aliases = (Array.isArray(actor.aliases) ? actor.aliases : []).filter((a) => a !== actor.name);
    const unsure = typeof actor.confidence === "number" && actor.confidence < UNSURE_BELOW;
    const affiliation = nameOf(actor.affiliation);
    return h("li", { className: "actor", part: "actor", "data-id": actor.id },
      h("div", { className: "actor-head" },
        h("button", {
          type: "button", className: "actor-name link", part: "actor-name",
          title: "Highlight every mention", onclick: (event) => this.#select(event.currentTarget, mentions),
        }, String(actor.name)),
        h("span", { className: `chip kind kind-${kind}`, part: "actor-kind" }, String(actor.kind ?? "actor")),
        unsure && h("span", { className: "chip unsure", title: `confidence ${actor.confidence.toFixed(2)}` }, "unsure")),
      h("div", { className: "meta" },
        plural(mentions.length, "mention"),
        affiliation && ` · ${affiliation}`,
        aliases.length > 0 && h("span", { className: "aliases" }, ` · also ${aliases.join(", ")}`)));
  }

  #stanceItem(stance, nameOf, text) {
    const cls = STANCE_CLASSES.has(stance.class) ? stance.class : "statement";
    const evidence = span(stance.evidence, text.length);
    const unsure = typeof stance.confidence === "number" && stance.confidence < UNSURE_BELOW;
    const target = nameOf(stance.target);
    const quote = h("blockquote", { className: "evidence", part: "evidence", hidden: true },
      text.slice(evidence.start, evidence.end));
    const button = h("button", {
      type: "button", className: "stance-line", "aria-expanded": "false",
      onclick: () => {
        const open = button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", String(open));
        quote.hidden = !open;
        if (open) this.#select(button, [evidence]);
      },
    },
    h("span", { className: "who" }, nameOf(stance.actor) ?? "someone"),
    h("span", { className: "arrow", "aria-hidden": "true" }, " → "),
    stance.negated && h("span", { className: "not" }, "not "),
    h("span", { className: "verb" }, String(stance.verb ?? "")),
    target && h("span", { className: "arrow", "aria-hidden": "true" }, " → "),
    target && h("span", { className: "who" }, target));
    return h("li", { className: `stance c-${cls}`, part: "stance" },
      h("span", { className: "chip class", part: "stance-class" }, cls.replace("_", " ")),
      h("div", { className: "stance-body" },
        button,
        stance.hypothetical && h("span", { className: "chip hypothetical" }, "hypothetical"),
        unsure && h("span", { className: "chip unsure", title: `confidence ${stance.confidence.toFixed(2)}` }, "unsure")),
      quote);
  }

  #relationItem(relation, nameOf, stances, text) {
    const tone = TONES.has(relation.tone) ? relation.tone : "neutral";
    const indices = Array.isArray(relation.stances) ? relation.stances : [];
    const spans = indices.map((i) => stances[i]?.evidence).filter(Boolean).map((e) => span(e, text.length));
    return h("li", { className: "relation" },
      h("button", {
        type: "button", className: "link", title: "Highlight the evidence",
        onclick: (event) => this.#select(event.currentTarget, spans),
      }, nameOf(relation.a), " ↔ ", nameOf(relation.b)),
      " ", h("span", { className: `chip tone tone-${tone}` }, String(relation.tone ?? "neutral")),
      h("span", { className: "meta" }, ` ${plural(indices.length, "stance")}`));
  }

  /** Marks `control` as the active selection and highlights its spans. */
  #select(control, spans) {
    for (const el of this.#root.querySelectorAll("[data-active]")) el.removeAttribute("data-active");
    control.setAttribute("data-active", "");
    this.#highlight(spans);
  }

  #highlight(spans) {
    const length = this.#analysedText.length;
    this.#marks = spans.map((s) => span(s, length)).filter((s) => s.end > s.start);
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
    const text = this.#analysedText;
    const removed = (this.#report?.removed ?? []).map((r) => ({ ...span(r, text.length), reason: r.reason }));
    const kinds = (this.#report?.sentences ?? [])
      .filter((s) => SENTENCE_KINDS.has(s.kind) && s.kind !== "body")
      .map((s) => ({ ...span(s, text.length), kind: s.kind }));
    const cuts = new Set([0, text.length]);
    for (const s of [...removed, ...kinds, ...this.#marks]) cuts.add(s.start).add(s.end);
    const bounds = [...cuts].sort((a, b) => a - b);
    const nodes = [];
    let first = null;
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [a, b] = [bounds[i], bounds[i + 1]];
      if (a === b) continue;
      const inside = (s) => s.start <= a && b <= s.end;
      let node = text.slice(a, b);
      if (this.#marks.some(inside)) {
        node = h("mark", { part: "mark" }, node);
        first ??= node;
      }
      const clutter = removed.find(inside);
      if (clutter) {
        node = h("span", {
          className: "removed", part: "removed", title: `Not analysed (${clutter.reason ?? "clutter"})`,
        }, node);
      }
      const kind = kinds.find(inside);
      if (kind) node = h("span", { className: `k-${kind.kind}`, title: kind.kind.replace("_", " ") }, node);
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

  /** Selects the first highlighted span inside the `for` element and scrolls it into view. */
  #highlightFor() {
    const target = this.#forTarget;
    const s = this.#marks[0];
    if (!target || !s) return;
    if (/^(TEXTAREA|INPUT)$/.test(target.tagName)) {
      target.focus({ preventScroll: true });
      target.setSelectionRange(s.start, s.end);
      return;
    }
    const range = this.ownerDocument.createRange();
    const walker = this.ownerDocument.createTreeWalker(target, NodeFilter.SHOW_TEXT);
    let offset = 0;
    let started = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const len = node.data.length;
      if (!started && s.start <= offset + len) {
        range.setStart(node, s.start - offset);
        started = true;
      }
      if (started && s.end <= offset + len) {
        range.setEnd(node, s.end - offset);
        break;
      }
      offset += len;
    }
    if (!started) return;
    const selection = this.ownerDocument.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    range.startContainer.parentElement?.scrollIntoView({ block: "center" });
  }
}

if (!customElements.get("article-lens")) ArticleLensElement.define();
