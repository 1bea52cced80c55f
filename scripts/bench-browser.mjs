#!/usr/bin/env node
// Browser benchmark of the explorer: how long one update (simulation + every chart's redraw) takes while a
// parameter slider is dragged. It builds the site if dist/ is missing, serves dist/ on 127.0.0.1, opens the
// explorer in headless Chromium (/usr/bin/chromium) with a 1000-ms run at dt = 2⁻⁵ ms, then steps a slider
// with the arrow keys, waiting for each update, and reads the page's `performance.measure` entries named
// "explorer:update" (the explorer records one per update).
//
// Then, on the tutorial's excitability chapter, it starts an f–I sweep in the worker (neuron P, b moved once)
// and, while the sweep runs, moves the constant-current slider `--redraws` times, timing each redraw of the
// bifurcation diagram (from the input event to the diagram's DOM change): the main thread must stay free.
//
// Usage: node scripts/bench-browser.mjs [--slider a] [--steps 60] [--query "T=1000&dt=0.03125"] [--redraws 10]
//   [--settle 1500] (ms between the page's first update and the first key press)
//   [--dist dir] [--no-sweep]
// A benchmark, not a test: it prints numbers and exits 0 unless it could not measure at all.
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {chromium} from "@playwright/test";
import {buildIfStale, option, quantile, root, runBench} from "./bench-common.mjs";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "./chromium.mjs";
import {startServer} from "./serve.mjs";

const executablePath = CHROMIUM_PATH;
const MEASURE = "explorer:update";
const BUDGET_MS = 16;

const sliderName = option("slider", "a");
const presses = Number(option("steps", 60));
const query = option("query", "T=1000&dt=0.03125"); // keys: src/state/urlState.ts
const redraws = Number(option("redraws", 10));
// How long the page is left to settle after its first update before the drag starts (ms): a reader looks at the
// charts before dragging, and the page uses that moment to rehearse a drag (bench:sliders waits as long).
const settle = Number(option("settle", 1500));

// A stale dist/ would time yesterday's code; --dist <dir> times another build (an older commit's) instead.
const distArg = option("dist", null);
const dist = distArg ? resolve(distArg) : join(root, "dist");
if (!distArg) buildIfStale("index.html", "bench-browser");
if (!existsSync(executablePath)) {
  console.error(`bench-browser: ${executablePath} is missing (apt-get install -y chromium)`);
  process.exit(1);
}

const server = await startServer({root: dist, port: 0});
const browser = await chromium.launch({executablePath, args: CHROMIUM_ARGS});
const errors = [];
await runBench(
  "bench-browser",
  errors,
  async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 1000}});
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    const count = () => page.evaluate((name) => performance.getEntriesByName(name, "measure").length, MEASURE);

    const address = `${server.url}?${query}`;
    await page.goto(address, {waitUntil: "load"});
    await page.waitForLoadState("networkidle");
    try {
      await page.waitForFunction((name) => performance.getEntriesByName(name, "measure").length > 0, MEASURE, {
        timeout: 30_000
      });
    } catch {
      throw new Error(`the page recorded no "${MEASURE}" measure within 30 s of loading ${address}`);
    }
    await page.waitForTimeout(settle);

    // The slider: a range input labelled with the parameter's name (Observable Inputs put the <label> in the
    // same <form>), or with that aria-label / name.
    const found = await page.evaluate((name) => {
      const label = (input) =>
        (
          input.getAttribute("aria-label") ??
          input.closest("form")?.querySelector("label")?.textContent ??
          (input.id && document.querySelector(`label[for="${input.id}"]`)?.textContent) ??
          input.name ??
          ""
        ).trim();
      const inputs = [...document.querySelectorAll('input[type="range"]')];
      const pattern = new RegExp(`^${name}(\\b|\\s|$)`, "i");
      const input = inputs.find((i) => pattern.test(label(i)));
      if (!input) return {labels: inputs.map(label)};
      input.setAttribute("data-bench-slider", "");
      // A slider in a hidden tab panel (the explorer's Stimulus and Numerics tabs) is shown first.
      const panel = input.closest('[role="tabpanel"]');
      if (panel?.hidden) document.getElementById(`tab-${panel.id}`)?.click();
      return {label: label(input), min: input.min, max: input.max, step: input.step, value: input.value};
    }, sliderName);
    if (!("label" in found)) {
      throw new Error(
        `no range input labelled "${sliderName}"; range inputs on the page: ${JSON.stringify(found.labels)}`
      );
    }
    const slider = page.locator("[data-bench-slider]");
    await slider.focus();
    const first = await count();
    // Step one way then back, so that the slider never sits at a bound (where a key press changes nothing).
    let stalled = 0;
    for (let i = 0; i < presses; i++) {
      const before = await count();
      await page.keyboard.press(i < presses / 2 ? "ArrowRight" : "ArrowLeft");
      try {
        await page.waitForFunction(
          ([name, n]) => performance.getEntriesByName(name, "measure").length > n,
          [MEASURE, before],
          {timeout: 5_000}
        );
      } catch {
        stalled++;
      }
    }
    // Let a last coalesced update land.
    await page.waitForTimeout(200);
    const durations = await page.evaluate(
      ([name, from]) =>
        performance
          .getEntriesByName(name, "measure")
          .slice(from)
          .map((entry) => entry.duration),
      [MEASURE, first]
    );
    const settled = await page.evaluate(() => location.search);
    const browserVersion = browser.version();
    const sorted = [...durations].sort((x, y) => x - y);
    const p50 = quantile(sorted, 0.5);
    const p95 = quantile(sorted, 0.95);
    const max = sorted[sorted.length - 1] ?? NaN;
    const ms = (x) => `${x.toFixed(1)} ms`;
    console.log(`Explorer update time (simulation + all charts), Chromium ${browserVersion}, 1280×1000`);
    console.log(`page ${address} (address after the run: ${settled || "unchanged"})`);
    console.log(`slider "${found.label}" (${found.min}…${found.max}, step ${found.step}, from ${found.value})`);
    console.log(
      `${presses} key presses → ${durations.length} "${MEASURE}" measures${stalled ? ` (${stalled} presses with no update within 5 s)` : ""}`
    );
    if (!durations.length) throw new Error("no update was measured");
    console.log(`count ${durations.length}  p50 ${ms(p50)}  p95 ${ms(p95)}  max ${ms(max)}`);
    console.log(`p95 ≤ ${BUDGET_MS} ms: ${p95 <= BUDGET_MS ? "yes" : "NO"}`);
    await page.close();
    if (!process.argv.includes("--no-sweep")) await benchSweepRedraw();
  },
  async () => {
    await browser.close();
    await server.close();
  }
);

/**
 * The excitability chapter: the bifurcation diagram's redraw time after a move of the current slider while an
 * f–I sweep runs in the worker (its progress bar on show).
 */
async function benchSweepRedraw() {
  const page = await browser.newPage({viewport: {width: 1280, height: 1000}});
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  const address = new URL("/tutorial/excitability", server.url).href;
  await page.goto(address, {waitUntil: "load"});
  await page.locator("figure.fi-chart").waitFor({timeout: 30_000});
  const slider = (label) =>
    page
      .locator("form", {has: page.locator("label", {hasText: label})})
      .locator("input[type=range]")
      .first();
  const times = [];
  let idle = 0;
  for (let i = 0; i < redraws; i++) {
    // Each round starts a new sweep (choosing P, then moving b, cancels the one in flight).
    if (i === 0) await page.getByRole("combobox", {name: "Neuron"}).selectOption({index: 2});
    await slider(/^b \(sensitivity/).focus();
    await page.keyboard.press(i % 2 ? "ArrowRight" : "ArrowLeft");
    await page.locator(".sweep-progress progress").waitFor({timeout: 10_000});
    const result = await page.evaluate(
      (up) =>
        new Promise((resolve) => {
          const form = [...document.querySelectorAll("form")].find((f) =>
            f.textContent?.includes("Constant current I")
          );
          const input = form.querySelector("input[type=range]");
          const target = document.querySelector("figure.bifurcation-chart").parentElement;
          const observer = new MutationObserver(() => {
            observer.disconnect();
            resolve({ms: performance.now() - t0, running: document.querySelector(".sweep-progress") !== null});
          });
          observer.observe(target, {childList: true, subtree: true});
          const t0 = performance.now();
          input.value = String(Number(input.value) + (up ? 5 : -5) * Number(input.step));
          input.dispatchEvent(new Event("input", {bubbles: true}));
        }),
      i % 2 === 0
    );
    if (result.running) times.push(result.ms);
    else idle++;
  }
  await page.close();
  const sorted = [...times].sort((x, y) => x - y);
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log("");
  console.log(`Bifurcation diagram redraw while an f–I sweep runs in the worker, page ${address}`);
  console.log(
    `${redraws} moves of the current slider → ${times.length} timed during a sweep${idle ? ` (${idle} after it ended, not counted)` : ""}`
  );
  if (!times.length) throw new Error("no redraw was timed while a sweep ran");
  const max = sorted[sorted.length - 1];
  console.log(
    `count ${times.length}  p50 ${ms(quantile(sorted, 0.5))}  p95 ${ms(quantile(sorted, 0.95))}  max ${ms(max)}`
  );
}
