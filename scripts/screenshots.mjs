#!/usr/bin/env node
// Writes screenshots of the paste page with each seed article (../shared/articles) at 1280 and
// 390 px wide, light and dark, plus compare mode and the newsroom embedding page, to
// screenshots/ (git-ignored). Needs the built site (scripts/build-site.sh).
//
//   node scripts/screenshots.mjs            all of them
//   node scripts/screenshots.mjs --only embed   just those whose file name contains "embed"
//
// The seeds are copied into site/preload/ (git-ignored) for the run and removed afterwards.

import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, launchChromium } from "../tests/e2e/server.mjs";
import { preloadSeeds } from "../tests/e2e/helpers.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "screenshots");
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : "";
mkdirSync(out, { recursive: true });

const seeds = preloadSeeds();
const server = await startServer();
const browser = await launchChromium();

/** Waits until every <article-lens> on the page has finished (ready, empty or error). */
async function settled(page) {
  await page.waitForFunction(() => [...document.querySelectorAll("article-lens")]
    .filter((el) => !el.closest("[hidden]"))
    .every((el) => ["ready", "empty", "error"].includes(el.getAttribute("state"))), null, { timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(150);
}

const shots = [];
for (const [i, name] of seeds.names.entries()) {
  for (const width of [1280, 390]) {
    for (const scheme of ["light", "dark"]) {
      shots.push({ file: `seed${i + 1}-${width}-${scheme}.png`, url: `?src=preload/${encodeURIComponent(name)}`, width, scheme });
    }
  }
}
const [a, b] = seeds.names.map(encodeURIComponent);
for (const scheme of ["light", "dark"]) {
  shots.push({ file: `compare-1280-${scheme}.png`, url: `?src=preload/${a}&src2=preload/${b}`, width: 1280, scheme });
  shots.push({ file: `embed-1280-${scheme}.png`, url: "embed.html", width: 1280, scheme });
  shots.push({ file: `embed-390-${scheme}.png`, url: "embed.html", width: 390, scheme });
}

try {
  for (const shot of shots.filter((s) => s.file.includes(only))) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: 900 }, colorScheme: shot.scheme, deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.goto(new URL(shot.url, server.url).href);
    await settled(page);
    await page.screenshot({ path: path.join(out, shot.file), fullPage: true });
    await context.close();
    console.log(`screenshots/${shot.file}`);
  }
} finally {
  await browser.close();
  await server.close();
  seeds.remove();
}
