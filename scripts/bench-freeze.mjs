#!/usr/bin/env node
// Browser benchmark of issue 15's freezes: the longest main-thread task (PerformanceObserver "longtask",
// registered before the page's scripts) while each reproduction loads and settles, and for the heavy explorer
// state the time from the last of 200 rapid slider events until the page is idle again.
//
// Reproductions: 1. the explorer at a = −0.1 over 1000 ms, and compare with four such neurons; 2. 200 rapid
// events on slider a of a heavy explorer state; 4. the excitability chapter without the Worker API; 8. the atlas
// with workers that fail to load.
//
// Usage: node scripts/bench-freeze.mjs [--repeat 3] [--dist dist] [--only explorer|compare|events|excitability|atlas]
// A benchmark, not a test: it prints numbers (median and range over the repeats) and exits 0 unless it could not
// measure at all.
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {chromium} from "@playwright/test";
import {buildIfStale, option, quantile, root, runBench} from "./bench-common.mjs";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "./chromium.mjs";
import {startServer} from "./serve.mjs";

const repeat = Number(option("repeat", 3));
const distArg = option("dist", null);
const only = option("only", null);
const dist = distArg ? resolve(distArg) : join(root, "dist");
if (!distArg) buildIfStale("index.html", "bench-freeze");
if (!existsSync(join(dist, "index.html"))) {
  console.error(`bench-freeze: ${dist}/index.html is missing`);
  process.exit(1);
}

const HEAVY = "/?class=CH&T=1000&dt=0.0009765625&method=adaptive&dc=1&dcI=40&noise=1&noiseS=20&noiseTau=0.5";
const COMPARE = "/compare?n1=custom&a1=-0.1&n2=custom&a2=-0.1&n3=custom&a3=-0.1&n4=custom&a4=-0.1&stim=dc&T=1000";

/** Long tasks, idle moments of the explorer's status line and input events, recorded from before load. */
function record() {
  const w = window;
  w.longTasks = [];
  w.idleAt = 0;
  w.lastInput = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
  }).observe({type: "longtask", buffered: true});
  new MutationObserver(() => {
    if (document.querySelector(".run-status")?.getAttribute("data-state") === "idle") w.idleAt = performance.now();
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-state"]});
  document.addEventListener("input", () => (w.lastInput = performance.now()), true);
}

function noWorkers() {
  delete window.Worker;
}

function failingWorkers() {
  window.Worker = class extends EventTarget {
    constructor() {
      super();
      setTimeout(() => this.dispatchEvent(new Event("error")), 10);
    }
    postMessage() {}
    terminate() {}
  };
}

const idle = (page) =>
  page.waitForFunction(() => document.querySelector(".run-status")?.getAttribute("data-state") === "idle", null, {
    timeout: 180_000
  });

/** The reproductions: a name, a page, an init script (besides the recorder) and what "settled" means. */
const CASES = [
  {name: "explorer", label: "1. explorer a = −0.1, T = 1000 ms", path: "/?a=-0.1&T=1000", settle: idle},
  {
    name: "compare",
    label: "1. compare, four neurons a = −0.1, T = 1000 ms",
    path: COMPARE,
    settle: async (page) => {
      await idle(page);
      await page.waitForFunction(() => document.querySelectorAll("figure").length > 0, null, {timeout: 180_000});
    }
  },
  {
    name: "events",
    label: "2. heavy state, 200 events on slider a",
    path: HEAVY,
    settle: async (page, result) => {
      await idle(page);
      const slider = page.locator('input[type=range][aria-label^="a ("]');
      await slider.focus();
      const t0 = Date.now();
      for (let i = 0; i < 200; i++) await page.keyboard.press(i < 100 || i === 199 ? "ArrowLeft" : "ArrowRight");
      result.pressMs = (Date.now() - t0) / 200;
      await page.waitForTimeout(200);
      await idle(page);
      result.settleMs = await page.evaluate(() => window.idleAt - window.lastInput);
    }
  },
  {
    name: "excitability",
    label: "4. excitability chapter, no Worker API",
    path: "/tutorial/excitability",
    init: noWorkers,
    settle: (page) => page.locator("figure.fi-chart").first().waitFor({timeout: 180_000})
  },
  {
    name: "atlas",
    label: "8. atlas 32 × 32, workers fail to load",
    path: "/lab/atlas",
    init: failingWorkers,
    settle: async (page) => {
      const map = page.locator("#atlas-cd");
      await map.locator("select").first().selectOption({label: "32 × 32"});
      await page.waitForFunction(
        () => document.querySelector("#atlas-cd")?.getAttribute("data-state") === "done",
        null,
        {
          timeout: 180_000
        }
      );
    }
  }
];

const server = await startServer({root: dist, port: 0});
const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
const errors = [];
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : "—");
const summary = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? `${ms(quantile(s, 0.5))} (${ms(s[0])}–${ms(s.at(-1))})` : "—";
};

await runBench(
  "bench-freeze",
  errors,
  async () => {
    console.log(`Longest main-thread task per reproduction, median (range) over ${repeat} loads:`);
    let worst = 0;
    for (const c of CASES) {
      if (only && c.name !== only) continue;
      const longest = [];
      const settle = [];
      const press = [];
      for (let r = 0; r < repeat; r++) {
        const page = await browser.newPage({viewport: {width: 1280, height: 1000}});
        page.on("pageerror", (e) => errors.push(`${c.name}: ${e.message}`));
        page.on("console", (m) => m.type() === "error" && errors.push(`${c.name}: ${m.text()}`));
        await page.addInitScript(record);
        if (c.init) await page.addInitScript(c.init);
        // As the browser tests do (freeze.e2e.ts): a light page of the site first, so that the renderer's own
        // start-up (fonts, first style and layout) is not counted as the measured page's task.
        await page.goto(new URL("/tutorial/", server.url).href);
        await page.goto(new URL(c.path, server.url).href);
        const result = {};
        await c.settle(page, result);
        const tasks = await page.evaluate(() => window.longTasks);
        longest.push(Math.max(0, ...tasks));
        if (result.settleMs !== undefined) settle.push(result.settleMs);
        if (result.pressMs !== undefined) press.push(result.pressMs);
        await page.close();
      }
      worst = Math.max(worst, ...longest);
      let line = `  ${c.label.padEnd(48)} longest task ${summary(longest)}`;
      if (settle.length) line += `; settled ${summary(settle)} after the last event (${summary(press)} per event)`;
      console.log(line);
    }
    console.log(`Longest main-thread task over all reproductions: ${ms(worst)}`);
  },
  async () => {
    await browser.close();
    await server.close();
  }
);
