// article-lens in a browser or a bundle: analyze(text, options?) → Promise<Report>.
// The .wasm is fetched on the first call from pkg/ next to this module (import.meta.url). A
// bundle that keeps import.meta.url (esbuild --format=esm) looks for pkg/ next to the bundle:
// serve the package's pkg/ there (the package README says how). Node takes node.js instead.

import { analyzer } from "./engine.js";

export const analyze = analyzer(() => new URL("./pkg/article_lens_bg.wasm", import.meta.url));
