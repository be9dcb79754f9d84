// Types of article-lens-element.js: the <article-lens> class (registered by nothing) and its
// pure helpers. The report's types are wasm-bindgen's, from the typescript_custom_section of
// src/wasm.rs (pkg/article_lens.d.ts, written by scripts/build-wasm.sh). The npm package's
// test checks that this file declares exactly what the module exports.

import type { Actor, Report, Stance, Tone } from "./pkg/article_lens.js";

/** The panels, in the order they appear; `view` picks some of them. */
export declare const VIEWS: readonly ["takeaways", "author", "actors", "stances", "relations", "article", "export"];
/** One panel's name. */
export type ArticleLensView = (typeof VIEWS)[number];
/** The relation graph draws at most this many actors, the most salient. */
export declare const GRAPH_MAX_ACTORS: number;
/** The CSS custom highlight of a `for` element: style it with `::highlight(article-lens)`. */
export declare const HIGHLIGHT_NAME: "article-lens";

/** What the element is doing, also reflected as its `state` attribute. */
export type ArticleLensState = "idle" | "loading" | "ready" | "empty" | "error";

/** `detail` of the `analyzed` event. */
export interface ArticleLensAnalyzedDetail {
  report: Report;
  /** The text the report describes. */
  text: string;
  /** Analysis time in ms. */
  elapsed: number;
}

/** `detail` of the element's `error` event; the element shows the message too. */
export interface ArticleLensErrorDetail {
  error: unknown;
  message: string;
}

/** The `analyzed` event (bubbles, composed): the detail is also readable as fields. */
export declare class ArticleLensAnalyzedEvent extends CustomEvent<ArticleLensAnalyzedDetail> {
  constructor(report: Report, text: string, elapsed: number);
  readonly report: Report;
  readonly text: string;
  readonly elapsed: number;
}

/** The events of <article-lens> besides those of every element. */
export interface ArticleLensElementEventMap extends Omit<HTMLElementEventMap, "error"> {
  analyzed: ArticleLensAnalyzedEvent;
  error: CustomEvent<ArticleLensErrorDetail>;
}

/** The <article-lens> element; `ArticleLensElement.define()` registers it. */
export declare class ArticleLensElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Registers the class under `tag` (default "article-lens") in `registry` (default `customElements`). */
  static define(tag?: string, registry?: CustomElementRegistry): typeof ArticleLensElement;

  /** Absolute URL of the `src` attribute ("" when unset): a same-origin plain-text article. */
  get src(): string;
  set src(value: string | URL | null | undefined);
  /** The `for` attribute: id of the element whose text is the article. */
  get htmlFor(): string;
  set htmlFor(value: string | null | undefined);
  /** 3, 4 or 5 key takeaways (default 5). */
  get takeaways(): number;
  set takeaways(value: number | string);
  /** The panels shown, space-separated, in display order (default: all of `VIEWS`). */
  get view(): string;
  set view(value: string | readonly string[] | null | undefined);
  /** The article: the value set here (it wins over every attribute), or else the text last analysed. Null clears it. */
  get text(): string;
  set text(value: string | number | boolean | bigint | null | undefined);
  /** The last report, or null. */
  readonly report: Report | null;
  readonly state: ArticleLensState;

  /** Marks a span of the article (UTF-16 offsets, as in the report) and scrolls to it. */
  highlight(start: number, end: number): void;
  /** Highlights every mention of an actor; null (or an unknown id) clears the selection. */
  selectActor(id: string | null): void;
  /** The Markdown brief: takeaways, the author's takeaways, actors, stances with their quotes ("" before a report). */
  markdown(): string;
  /** Copies the report or the brief to the clipboard; resolves to false when it showed the text to copy by hand instead. */
  copy(format?: "json" | "markdown"): Promise<boolean>;

  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void;

  addEventListener<K extends keyof ArticleLensElementEventMap>(type: K, listener: (this: ArticleLensElement, ev: ArticleLensElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ArticleLensElementEventMap>(type: K, listener: (this: ArticleLensElement, ev: ArticleLensElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** A child of `h()`: strings become text nodes, never markup; null and false are skipped. */
export type ArticleLensChild = Node | string | null | undefined | false | readonly ArticleLensChild[];

/** Builds an element: props become attributes (`className`, and `onclick` as a listener); string children become text nodes. */
export declare function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Record<string, unknown>, ...children: ArticleLensChild[]): HTMLElementTagNameMap[K];
export declare function h(tag: string, props?: Record<string, unknown>, ...children: ArticleLensChild[]): HTMLElement;

/** The tone of a set of stances, by the core's rule: cooperative, hostile, mixed or neutral. */
export declare function toneOf(stances: readonly Pick<Stance, "class" | "negated">[]): Tone;

/** Identical stances of one actor (same class, verb, target, negation, hypothesis), merged. */
export interface ArticleLensStanceItem {
  key: string;
  /** The first of them. */
  stance: Stance;
  /** Their indices into `Report.stances`, in text order. */
  indices: number[];
}

/** The stances of a report grouped by actor (most salient first), repeats merged. */
export declare function groupStances(report: Report): { actor: string; items: ArticleLensStanceItem[] }[];

/** A directed edge of the relation graph: the stances of `from` toward `to`, and their tone. */
export interface ArticleLensGraphEdge {
  from: string;
  to: string;
  indices: number[];
  tone: Tone;
}

/** The relation graph's content: the `max` most salient actors and the edges among them. */
export declare function graphOf(report: Report, max?: number): { nodes: Actor[]; edges: ArticleLensGraphEdge[] };

/** The report as a Markdown brief; `text` is the analysed article, for the quotes. */
export declare function markdownBrief(report: Report, text: string): string;
