// Shared helpers for the browser end-to-end tests: a static server for the built site (site/,
// what a newsroom deploys: scripts/build-site.sh) on a free loopback
// port (python3 -m http.server, exactly what scripts/serve.sh runs) and headless Debian Chromium.
//
// ARTICLE_LENS_WWW=/some/dir points the server at another copy of the site (for example one whose
// pkg/ is a stand-in while the wasm package is being built); the default is this repo's site/.

import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { chromium } from "playwright-core";

export const WWW = process.env.ARTICLE_LENS_WWW ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../site");

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Serves `root` on 127.0.0.1; resolves to { url, close } once the server answers. */
export async function startServer(root = WWW) {
  if (!existsSync(path.join(root, "pkg", "article_lens.js"))) {
    throw new Error(`${root}/pkg/article_lens.js is missing: build the site with scripts/build-site.sh`);
  }
  const port = await freePort();
  const child = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root],
    { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr.on("data", (chunk) => { log = (log + chunk).slice(-4000); });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`http.server exited (${child.exitCode}): ${log}`);
    try {
      await fetch(url, { method: "HEAD" });
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`http.server did not answer on ${url} within 10 s: ${log}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    async close() {
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}

export function launchChromium() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/setup.sh`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
