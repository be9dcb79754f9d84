// Types of `article-lens` (index.js in browsers and bundles, node.js in Node). report.d.ts is
// the typescript_custom_section of src/wasm.rs, copied there by scripts/package.mjs.

import type { AnalyzeOptions, Report } from "./report.js";

export * from "./report.js";

/**
 * Analyses one article: its sentences, the clutter left out, the actors with their aliases and
 * mentions, the stances between them and the key takeaways, every span in UTF-16 offsets into
 * `text`. The first call loads the WebAssembly module; later calls reuse it. Rejects with a
 * TypeError for a text that is not a string, and with an `Error` saying why for a text over
 * 5 MiB of UTF-8 or bad options.
 */
export declare function analyze(text: string, options?: AnalyzeOptions | null): Promise<Report>;
