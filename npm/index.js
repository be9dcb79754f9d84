// article-lens in a browser or a bundle: analyze(text, options?) → Promise<Report>.
// The .wasm is fetched on the first call from pkg/ next to this module (import.meta.url). A
// bundle that keeps import.meta.url (esbuild --format=esm) looks for pkg/ next to the bundle:
// serve the package's pkg/ there (the package README says how). Node takes node.js instead.

import { analyzer } from "./engine.js";

export const analyze = analyzer(async () => {
  const url = new URL("./pkg/article_lens_bg.wasm", import.meta.url);
  let response;
  try {
    response = await fetch(url);
  } catch (cause) {
    throw new Error(`article-lens could not fetch ${url}: ${cause.message}`, { cause });
  }
  // A missing file would otherwise surface as WebAssembly's complaint about the bytes of a 404 page.
  if (!response.ok) {
    throw new Error(`article-lens could not load ${url} (HTTP ${response.status}): serve the package's pkg/ folder beside the script that imports article-lens`);
  }
  return response;
});
