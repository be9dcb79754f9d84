// article-lens in Node (20 or later): analyze(text, options?) → Promise<Report>, the same
// report the browser makes. The .wasm is read from the package folder on the first call.

import { readFile } from "node:fs/promises";
import { analyzer } from "./engine.js";

export const analyze = analyzer(() => readFile(new URL("./pkg/article_lens_bg.wasm", import.meta.url)));
