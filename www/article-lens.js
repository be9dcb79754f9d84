// Registers <article-lens>: the one module an embedding page loads.
//
//   <script type="module" src="article-lens.js"></script>
//   <article-lens for="story" takeaways="3"></article-lens>
//
// The element itself (attributes, events, parts) is in article-lens-element.js, re-exported here.
// Loading this twice, or after another registration of the name, is harmless.

import { ArticleLensElement } from "./article-lens-element.js";

export * from "./article-lens-element.js";

try {
  ArticleLensElement.define();
} catch (error) {
  // NotSupportedError: the name is already defined (this module loaded from two URLs, say).
  if (!(error instanceof DOMException && error.name === "NotSupportedError")) throw error;
}
