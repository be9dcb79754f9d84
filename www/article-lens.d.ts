// Types of article-lens.js, the module that registers <article-lens> (as `article-lens/element`
// in the npm package): it re-exports article-lens-element.js.

import type { ArticleLensElement } from "./article-lens-element.js";

export * from "./article-lens-element.js";

declare global {
  interface HTMLElementTagNameMap {
    "article-lens": ArticleLensElement;
  }
}
