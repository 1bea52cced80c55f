#!/usr/bin/env node
// Saves docs/screenshot.png: the explorer (/) at 1280×1000 in headless Chromium (/usr/bin/chromium), served
// from the built site. It builds nothing: run `npm run build` first.
// Usage: node scripts/screenshot.mjs [--path /] [--out docs/screenshot.png] [--scroll]
import {existsSync, mkdirSync, statSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {chromium} from "@playwright/test";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "./chromium.mjs";
import {startServer} from "./serve.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const executablePath = CHROMIUM_PATH;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const path = option("path", "/");
const out = resolve(root, option("out", "docs/screenshot.png"));
const MAX_BYTES = 300 * 1024;

if (!existsSync(join(root, "dist", "index.html"))) {
  console.error("screenshot: dist/ is missing; build the site first (npm run build)");
  process.exit(1);
}
if (!existsSync(executablePath)) {
  console.error(`screenshot: ${executablePath} is missing (apt-get install -y chromium)`);
  process.exit(1);
}

const server = await startServer({root: join(root, "dist"), port: 0});
const browser = await chromium.launch({
  executablePath,
  args: CHROMIUM_ARGS
});
let exitCode = 0;
try {
  const page = await browser.newPage({viewport: {width: 1280, height: 1000}, deviceScaleFactor: 1});
  await page.goto(new URL(path, server.url).href, {waitUntil: "load"});
  await page.waitForLoadState("networkidle");
  // Wait for the explorer's first update when it records one, then for fonts and two frames.
  await page
    .waitForFunction(() => performance.getEntriesByName("explorer:update", "measure").length > 0, null, {
      timeout: 15_000
    })
    .catch(() => console.log("screenshot: no explorer:update measure seen; taking the picture anyway"));
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  // The explorer shows its controls and charts together from the top of the page; on a page whose sliders come
  // further down, --scroll moves to the section heading above the first slider.
  if (args.includes("--scroll")) {
    await page.evaluate(() => {
      const slider = document.querySelector('input[type="range"]');
      if (!slider) return;
      const top = slider.getBoundingClientRect().top;
      const headings = [...document.querySelectorAll("h2")].filter((h) => h.getBoundingClientRect().top <= top);
      const target = headings.at(-1) ?? slider;
      window.scrollTo(0, target.getBoundingClientRect().top + window.scrollY - 16);
    });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  mkdirSync(dirname(out), {recursive: true});
  await page.screenshot({path: out, animations: "disabled"});
  const {size} = statSync(out);
  console.log(`saved ${out} (${(size / 1024).toFixed(0)} KB)`);
  if (size > MAX_BYTES) {
    console.error(`screenshot: ${out} is larger than ${MAX_BYTES / 1024} KB`);
    exitCode = 1;
  }
} catch (error) {
  console.error(`screenshot: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
process.exit(exitCode);
