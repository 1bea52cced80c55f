#!/usr/bin/env node
// Browser benchmark of the behaviour atlas (src/lab/atlas.md): in headless Chromium (/usr/bin/chromium), the
// (c, d) map is recomputed at 200 × 200 cells of 1000-ms runs at dt = 2⁻⁵ ms (1.28e9 neuron-steps) by
// choosing "200 × 200" in its resolution menu. Per run it reports, from the choice (the form's input event,
// after the map's 250-ms debounce is subtracted: it is measured from the page's own start of the recompute):
//   first rows  the mark "atlas:first-rows:cd" (the first block of rows painted)
//   total       the mark "atlas:done:cd" (every cell painted)
//   longest     the longest main-thread task (Long Tasks API, > 50 ms) while it ran
// and both marks also from the choice itself, less the 250-ms debounce (the page's start of the recompute moved
// when the chart's redraw went to a task of its own: before, it came after the redraw; now, before).
// with the number of workers (one per core, navigator.hardwareConcurrency). Builds dist/ if stale.
// Usage: node scripts/bench-atlas.mjs [--runs 5] [--dist DIR]
// A benchmark, not a test: it prints numbers and exits 0 unless it could not measure at all.
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {chromium} from "@playwright/test";
import {buildIfStale, option, quantile, root, runBench} from "./bench-common.mjs";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "./chromium.mjs";
import {startServer} from "./serve.mjs";

const runs = Math.max(1, Number(option("runs", 5)));
const distOption = option("dist", "");
const dist = distOption ? resolve(distOption) : join(root, "dist");
if (!distOption) buildIfStale(join("lab", "atlas.html"), "bench-atlas");
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`bench-atlas: ${CHROMIUM_PATH} is missing (apt-get install -y chromium)`);
  process.exit(1);
}

const server = await startServer({root: dist, port: 0});
const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
const address = `${server.url}lab/atlas`;
const errors = [];
/** The map's debounce after a change of its controls (atlasMap.ts). */
const DEBOUNCE_MS = 250;

function watchTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({type: "longtask", buffered: true});
  // The page's start of the recompute: the first time the map says it is running.
  window.__startRecompute = null;
  new MutationObserver(() => {
    const el = document.querySelector("#atlas-cd");
    if (el?.dataset.state === "running" && window.__startRecompute === null)
      window.__startRecompute = performance.now();
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-state"]});
}

async function once(page) {
  await page.goto(address);
  await page.locator("#atlas-cd canvas.atlas-cells").waitFor();
  await page.waitForTimeout(2000); // a reader takes a moment before changing a control: the page warms its workers after 1.5 s
  const chosen = await page.evaluate(() => performance.now());
  await page.locator("#atlas-cd select").first().selectOption({label: "200 × 200"});
  await page.waitForFunction(() => performance.getEntriesByName("atlas:done:cd").length > 0, null, {
    timeout: 120_000,
    polling: 50
  });
  return page.evaluate((chosen) => {
    const start = window.__startRecompute;
    const first = performance.getEntriesByName("atlas:first-rows:cd")[0].startTime;
    const done = performance.getEntriesByName("atlas:done:cd")[0].startTime;
    const longest = Math.max(0, ...window.__longTasks.filter(([t]) => t >= start).map(([, d]) => d));
    return {
      first: first - start,
      total: done - start,
      longest,
      sinceChoice: done - chosen,
      firstSinceChoice: first - chosen,
      workers: navigator.hardwareConcurrency
    };
  }, chosen);
}

await runBench(
  "bench-atlas",
  errors,
  async () => {
    const context = await browser.newContext({viewport: {width: 1280, height: 1000}});
    const page = await context.newPage();
    await page.addInitScript(watchTasks);
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await once(page); // throw-away: Chromium's and the worker modules' start-up
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await once(page));
    if (option("screenshot", "")) await page.locator("#atlas-cd").screenshot({path: option("screenshot", "")});
    await context.close();
    const ms = (x) => `${x.toFixed(0)} ms`;
    const report = (name, values) => {
      const sorted = [...values].sort((x, y) => x - y);
      console.log(
        `${name}: median ${ms(quantile(sorted, 0.5))}  min ${ms(sorted[0])}  max ${ms(sorted[sorted.length - 1])}`
      );
    };
    console.log(
      `Behaviour atlas: 200 × 200 cells × 32,000 steps, Chromium ${browser.version()}, ${results[0].workers} workers, ${runs} runs`
    );
    report(
      "first rows painted ",
      results.map((r) => r.first)
    );
    report(
      "all cells painted  ",
      results.map((r) => r.total)
    );
    report(
      "first rows, choice ",
      results.map((r) => r.firstSinceChoice - DEBOUNCE_MS)
    );
    report(
      "all cells, choice  ",
      results.map((r) => r.sinceChoice - DEBOUNCE_MS)
    );
    report(
      "longest task       ",
      results.map((r) => r.longest)
    );
  },
  async () => {
    await browser.close();
    await server.close();
  }
);
