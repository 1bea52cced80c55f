#!/usr/bin/env node
// Browser benchmark of a slider step's work on every page with live sliders: the explorer's a, b, c, d and I
// (1000-ms adaptive runs), each tutorial chapter's sliders, and the comparison page's shared current.
//
// One step's work is measured in the page, without instrumenting the site: from the keydown that moves the
// slider to the last DOM change it causes (the scripts: simulation and chart updates), plus Chromium's own
// rendering of each frame that shows those changes (from the frame's requestAnimationFrame callback, where
// style, layout and paint begin, to a task queued from it, which runs once they are done). The wait until the
// page's reactive cells run (Framework computes them on an animation frame, and headless Chromium's frames are
// not paced at 60 Hz) is counted too, so the figures are upper bounds that rank pages and builds, not a frame
// budget; the explorer's own `explorer:update` measure (npm run bench:browser) excludes that wait.
//
// Usage: node scripts/bench-sliders.mjs [--steps 30] [--dist dist] [--only explorer|tutorial|compare]
//   --dist serves another build (e.g. an older commit's, to compare in the same minutes).
// A benchmark, not a test: it prints numbers and exits 0 unless it could not measure at all.
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {chromium} from "@playwright/test";
import {buildIfStale, option, quantile, root, runBench} from "./bench-common.mjs";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "./chromium.mjs";
import {startServer} from "./serve.mjs";

const BUDGET_MS = 16;
const steps = Number(option("steps", 30));
const distArg = option("dist", null);
const only = option("only", null);
const dist = distArg ? resolve(distArg) : join(root, "dist");
if (!distArg) buildIfStale("index.html", "bench-sliders");
if (!existsSync(join(dist, "index.html"))) {
  console.error(`bench-sliders: ${dist}/index.html is missing`);
  process.exit(1);
}

/** The slider groups: a page, how to reach its slider (a tab to click first), and the sliders' accessible names. */
const EXPLORER = "/?T=1000&dt=0.03125";
const TARGETS = [
  ...["a", "b", "c", "d"].map((p) => ({
    group: "explorer",
    page: EXPLORER,
    name: `explorer ${p}`,
    slider: `input[type=range][aria-label^="${p} ("]`
  })),
  {
    group: "explorer",
    page: `${EXPLORER}&dc=1`,
    name: "explorer I (DC)",
    tab: "Stimulus",
    slider: 'input[type=range][aria-label="DC: I"]'
  },
  {
    group: "compare",
    page: "/compare",
    name: "compare: shared current",
    slider: 'input[type=range][aria-label^="Current:"]'
  },
  ...["model", "recovery-rate", "coupling", "reset", "adaptation", "input", "phase-plane", "excitability"].map(
    (slug) => ({group: "tutorial", page: `/tutorial/${slug}`, name: `tutorial ${slug}`, slider: "all"})
  )
].filter((t) => !only || t.group === only);

/** Installed in every page: records each keydown's work (see the header). */
function recorder() {
  const steps = [];
  window.__benchSteps = steps;
  let current = null;
  let framePending = false;
  const frame = () => {
    framePending = false;
    const step = current;
    if (!step) return;
    const rafAt = performance.now();
    setTimeout(() => (step.render += performance.now() - rafAt), 0);
  };
  new MutationObserver(() => {
    if (!current) return;
    current.lastChange = performance.now();
    if (!framePending) {
      framePending = true;
      requestAnimationFrame(frame);
    }
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  document.addEventListener(
    "keydown",
    () => {
      current = {start: performance.now(), lastChange: 0, render: 0};
      steps.push(current);
    },
    true
  );
}

const server = await startServer({root: dist, port: 0});
const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
const errors = [];
const ms = (x) => `${x.toFixed(1)} ms`;

await runBench(
  "bench-sliders",
  errors,
  async () => {
    console.log(`Slider step work (scripts + rendering), Chromium ${browser.version()}, 1280×1000, ${dist}`);
    const all = {};
    for (const target of TARGETS) {
      const page = await browser.newPage({viewport: {width: 1280, height: 1000}});
      page.on("pageerror", (error) => errors.push(`${target.page}: ${error.message}`));
      await page.addInitScript(recorder);
      await page.goto(new URL(target.page, server.url).href, {waitUntil: "load"});
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(1500);
      // (An older build without the explorer's tabs shows every control at once.)
      const tab = target.tab ? page.getByRole("tab", {name: target.tab}) : null;
      if (tab && (await tab.count())) await tab.click();
      const selector = target.slider === "all" ? "input[type=range]" : target.slider;
      const sliders = page.locator(selector);
      const n = target.slider === "all" ? Math.min(await sliders.count(), 3) : 1;
      for (let s = 0; s < n; s++) {
        const slider = sliders.nth(s);
        if (!(await slider.isVisible())) continue;
        const label = (await slider.getAttribute("aria-label")) ?? `slider ${s + 1}`;
        await slider.scrollIntoViewIfNeeded();
        await slider.focus();
        await page.waitForTimeout(300);
        const from = await page.evaluate(() => window.__benchSteps.length);
        for (let i = 0; i < steps; i++) {
          await page.keyboard.press(i < steps / 2 ? "ArrowRight" : "ArrowLeft");
          // Let the step finish (a worker run may take longer; this is about the main thread's work).
          await page.waitForTimeout(120);
        }
        await page.waitForTimeout(400);
        const work = await page.evaluate(
          (from) =>
            window.__benchSteps
              .slice(from)
              .filter((s) => s.lastChange > 0)
              .map((s) => s.lastChange - s.start + s.render),
          from
        );
        if (!work.length) {
          console.log(`${target.name} · ${label}: no DOM change after ${steps} key presses`);
          continue;
        }
        const sorted = [...work].sort((x, y) => x - y);
        const p50 = quantile(sorted, 0.5);
        const p95 = quantile(sorted, 0.95);
        const name = `${target.name} · ${label}`;
        all[name] = {p50, p95};
        console.log(
          `${name.padEnd(64)} n ${String(work.length).padStart(3)}  p50 ${ms(p50).padStart(8)}  p95 ${ms(p95).padStart(8)}  max ${ms(sorted.at(-1)).padStart(8)}  ${p95 <= BUDGET_MS ? "≤ 16 ms" : "OVER 16 ms"}`
        );
      }
      await page.close();
    }
    const names = Object.keys(all);
    if (!names.length) throw new Error("nothing was measured");
    const over = names.filter((n) => all[n].p95 > BUDGET_MS);
    console.log(
      `${names.length} sliders, ${over.length} with p95 over ${BUDGET_MS} ms${over.length ? `: ${over.join("; ")}` : ""}`
    );
  },
  async () => {
    await browser.close();
    await server.close();
  }
);
