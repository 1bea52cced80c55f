#!/usr/bin/env node
// Browser benchmark of the neuron zoo (src/zoo.md.in, pre-rendered by src/zoo.md.ts). Two times from navigation
// start, per load:
//   visible  the first animation frame in which the first row's four panels, charts included, are in the
//            document (an init script polls every frame from the start of the page). The row is pre-rendered
//            into the HTML at build time, so this is about the first paint.
//   live     the page's mark "zoo:first-panels": the gallery has replaced the row with live panels, i.e. the
//            scripts, the library and the first four simulations have run.
// and the longest main-thread task (Long Tasks API, > 50 ms) from the live mark until every accurate run is
// drawn: the accurate runs go to a worker, so input should never wait long.
// It builds the site if dist/
// is missing or older than src/ or lib/, serves dist/ on 127.0.0.1 and opens /zoo in headless Chromium
// (/usr/bin/chromium): N cold loads, each in a new browser context (no module or HTTP cache), then N warm
// reloads in one context. The mark's startTime is measured from the navigation's time origin.
//
// Usage: node scripts/bench-zoo.mjs [--runs 15] [--query "mode=published"] [--dist DIR]
// --dist serves an already built site (e.g. a copy of dist/ built from another commit, to compare) and skips
// the build.
// A benchmark, not a test: it prints numbers and exits 0 unless it could not measure at all.
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {chromium} from "@playwright/test";
import {buildIfStale, option, quantile, root, runBench} from "./bench-common.mjs";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "./chromium.mjs";
import {startServer} from "./serve.mjs";

const MARK = "zoo:first-panels";
const BUDGET_MS = 300;

const runs = Math.max(1, Number(option("runs", 15)));
const query = option("query", "");
const distOption = option("dist", "");

const dist = distOption ? resolve(distOption) : join(root, "dist");
if (!distOption) buildIfStale("zoo.html", "bench-zoo");
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`bench-zoo: ${CHROMIUM_PATH} is missing (apt-get install -y chromium)`);
  process.exit(1);
}

const server = await startServer({root: dist, port: 0});
const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
const address = `${server.url}zoo${query ? `?${query}` : ""}`;
const errors = [];

/**
 * Records, in the page, the first frame in which the first row's four charts exist (window.__zooVisible), and
 * every main-thread task longer than 50 ms (window.__longTasks: [start, duration] in ms).
 */
function watchFirstRow() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({type: "longtask", buffered: true});
  const check = () => {
    if (document.querySelectorAll("#zoo-features .zoo-panel svg").length >= 4) window.__zooVisible = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Waits for the live mark; returns both times from navigation start (ms). */
async function firstPanels(page) {
  const handle = await page.waitForFunction((name) => performance.getEntriesByName(name, "mark")[0]?.startTime, MARK, {
    timeout: 30_000,
    polling: 20
  });
  const live = await handle.jsonValue();
  const visible = await page.evaluate(() => window.__zooVisible ?? null);
  if (visible === null) throw new Error("the first row never appeared in #zoo-features");
  // The longest task while the rest of the gallery and the accurate runs complete (input must stay live).
  await page.waitForSelector(".zoo-controls[data-done=true]", {timeout: 60_000});
  const longest = await page.evaluate(
    (after) => Math.max(0, ...window.__longTasks.filter(([start]) => start >= after).map(([, d]) => d)),
    live
  );
  return {visible, live, longest};
}
function watch(page) {
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
}

await runBench(
  "bench-zoo",
  errors,
  async () => {
    // One throw-away load so that Chromium's own start-up is not charged to the first cold run.
    {
      const context = await browser.newContext({viewport: {width: 1280, height: 1000}});
      const page = await context.newPage();
      await page.addInitScript(watchFirstRow);
      await page.goto(address);
      await firstPanels(page);
      await context.close();
    }
    const cold = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({viewport: {width: 1280, height: 1000}});
      const page = await context.newPage();
      await page.addInitScript(watchFirstRow);
      watch(page);
      await page.goto(address);
      cold.push(await firstPanels(page));
      await context.close();
    }
    const warm = [];
    {
      const context = await browser.newContext({viewport: {width: 1280, height: 1000}});
      const page = await context.newPage();
      await page.addInitScript(watchFirstRow);
      watch(page);
      await page.goto(address);
      await firstPanels(page);
      for (let i = 0; i < runs; i++) {
        await page.reload();
        warm.push(await firstPanels(page));
      }
      await context.close();
    }
    const ms = (x) => `${x.toFixed(0)} ms`;
    const report = (name, values) => {
      const sorted = [...values].sort((x, y) => x - y);
      console.log(
        `${name}: count ${sorted.length}  median ${ms(quantile(sorted, 0.5))}  p95 ${ms(quantile(sorted, 0.95))}  max ${ms(sorted[sorted.length - 1])}`
      );
      return quantile(sorted, 0.5);
    };
    console.log(`Neuron zoo: navigation start → first row, Chromium ${browser.version()}, 1280×1000, ${address}`);
    const coldVisible = report(
      "visible, cold (new context each)",
      cold.map((r) => r.visible)
    );
    report(
      "visible, warm (reload)         ",
      warm.map((r) => r.visible)
    );
    report(
      `live "${MARK}", cold         `,
      cold.map((r) => r.live)
    );
    report(
      `live "${MARK}", warm         `,
      warm.map((r) => r.live)
    );
    report(
      "longest task after it, cold   ",
      cold.map((r) => r.longest)
    );
    console.log(`first panels visible, cold median ≤ ${BUDGET_MS} ms: ${coldVisible <= BUDGET_MS ? "yes" : "NO"}`);
  },
  async () => {
    await browser.close();
    await server.close();
  }
);
