#!/usr/bin/env node
// Browser benchmark of a slider step's work on every page with live sliders: the explorer's a, b, c, d and I
// (1000-ms adaptive runs), each tutorial chapter's sliders, and the comparison page's shared current.
//
// One step's work is read from a Chromium trace of the page, without instrumenting the site: the main thread's
// tasks from one key press to the next (the key press itself, the reactive cells Framework runs on the next
// animation frame, the chart updates, a worker's answer being drawn, timers the step set off), split into
// scripts (everything but rendering: JavaScript, DOM calls, garbage collection) and Chromium's rendering (style,
// layout, paint, compositing). Time the main thread spends waiting (for the next frame, or for a worker's run)
// is not work and is not counted. The step's scripts are what must fit in a 16-ms frame. (Tracing itself
// costs the page a little: the figures are slight overestimates, like for like between builds.)
//
// Usage: node scripts/bench-sliders.mjs [--steps 30] [--dist dist] [--against DIR [--rounds 2]] [--only explorer|tutorial|compare]
//   [--match TEXT]
//   --match keeps the slider groups whose name contains TEXT ("tutorial phase-plane", "explorer I").
//   --dist serves another build (e.g. an older commit's, to compare in the same minutes).
//   --against DIR measures each slider on both builds, one after the other, `rounds` times, the first build
//   alternating: on this machine whichever of two whole runs came second was often 2–3 ms slower at the median,
//   so two builds compared in separate runs differed by the order they ran in.
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
const match = option("match", null);
const againstArg = option("against", null);
const rounds = againstArg ? Number(option("rounds", 2)) : 1;
const dist = distArg ? resolve(distArg) : join(root, "dist");
if (!distArg) buildIfStale("index.html", "bench-sliders");
const dists = [dist, ...(againstArg ? [resolve(againstArg)] : [])];
for (const d of dists)
  if (!existsSync(join(d, "index.html"))) {
    console.error(`bench-sliders: ${d}/index.html is missing`);
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
    slider: 'input[type=range][aria-label^="DC: I"]'
  },
  {
    group: "compare",
    page: "/compare?stim=dc",
    name: "compare: shared current",
    slider: 'input[type=range][aria-label^="Current:"]'
  },
  ...["model", "recovery-rate", "coupling", "reset", "adaptation", "input", "phase-plane", "excitability"].map(
    (slug) => ({group: "tutorial", page: `/tutorial/${slug}`, name: `tutorial ${slug}`, slider: "all"})
  )
].filter((t) => (!only || t.group === only) && (!match || t.name.includes(match)));

/** Trace events that are one main-thread task (the name depends on the trace categories). */
const TASKS = new Set(["RunTask", "ThreadControllerImpl::RunTask"]);

/** Trace events that are Chromium's rendering of a frame (the rest of a task's time is scripts). */
const RENDERING = new Set(["UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit", "UpdateLayer"]);

/**
 * Each key press's main-thread work, from a trace: the renderer's main thread is the one that dispatched the
 * keydowns; a step's window runs from its keydown to the next one (or the end of the trace).
 */
function stepsOf(traceEvents) {
  const keydowns = traceEvents.filter((e) => e.name === "EventDispatch" && e.args?.data?.type === "keydown");
  if (!keydowns.length) return [];
  const {pid, tid} = keydowns[0];
  const main = traceEvents.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X");
  const starts = keydowns.filter((e) => e.pid === pid && e.tid === tid).map((e) => e.ts);
  const steps = starts.map(() => ({busy: 0, rendering: 0}));
  const stepAt = (ts) => {
    let k = -1;
    while (k + 1 < starts.length && starts[k + 1] <= ts) k++;
    return k;
  };
  // Rendering events nest inside tasks (and inside scripts, for a forced layout): count each outermost one.
  const renders = main.filter((e) => RENDERING.has(e.name)).sort((a, b) => a.ts - b.ts);
  let coveredUntil = -Infinity;
  for (const e of renders) {
    if (e.ts < coveredUntil) continue;
    coveredUntil = e.ts + e.dur;
    const k = stepAt(e.ts);
    if (k >= 0) steps[k].rendering += e.dur / 1000;
  }
  // The main thread's tasks, counted once each (the outermost event of a task).
  const tasks = main.filter((e) => TASKS.has(e.name)).sort((a, b) => a.ts - b.ts);
  let taskUntil = -Infinity;
  for (const e of tasks) {
    if (e.ts < taskUntil) continue;
    taskUntil = e.ts + e.dur;
    // A task that began just before the key press (the press's own task begins with it) belongs to it.
    const k = stepAt(e.ts + 1);
    if (k >= 0) steps[k].busy += e.dur / 1000;
  }
  return steps.map((s) => ({scripts: Math.max(0, s.busy - s.rendering), rendering: s.rendering}));
}

/**
 * The three slowest steps by their scripts, with their place in the drag ("#1 38.2"; #1 is the first step): a
 * p95 of 30 steps is set by the two or three slowest, and where they fall says why (a drag's first steps run
 * colder code; a slow step anywhere is often a garbage collection).
 */
function slowest(recorded) {
  return recorded
    .map((s, i) => ({i, scripts: s.scripts}))
    .sort((x, y) => y.scripts - x.scripts)
    .slice(0, 3)
    .map(({i, scripts}) => `#${i + 1} ${scripts.toFixed(1)}`)
    .join(", ");
}

const servers = await Promise.all(dists.map((d) => startServer({root: d, port: 0})));
const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
const errors = [];
const ms = (x) => `${x.toFixed(1)} ms`;

/** Each slider of `target` on the build `server` serves: its label and its steps' scripts and rendering (ms). */
async function measure(target, server) {
  const page = await browser.newPage({viewport: {width: 1280, height: 1000}});
  page.on("pageerror", (error) => errors.push(`${target.page}: ${error.message}`));
  await page.goto(new URL(target.page, server.url).href, {waitUntil: "load"});
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1500);
  // (An older build without the explorer's tabs shows every control at once.)
  const tab = target.tab ? page.getByRole("tab", {name: target.tab}) : null;
  if (tab && (await tab.count())) await tab.click();
  const selector = target.slider === "all" ? "input[type=range]" : target.slider;
  const sliders = page.locator(selector);
  const n = target.slider === "all" ? Math.min(await sliders.count(), 3) : 1;
  const measured = [];
  for (let s = 0; s < n; s++) {
    const slider = sliders.nth(s);
    if (!(await slider.isVisible())) continue;
    const label =
      (await slider.getAttribute("aria-label")) ??
      (await slider.evaluate((i) => i.closest("form")?.querySelector("label")?.textContent?.trim() || null)) ??
      `slider ${s + 1}`;
    await slider.scrollIntoViewIfNeeded();
    await slider.focus();
    await page.waitForTimeout(300);
    await browser.startTracing(page, {
      categories: ["toplevel", "devtools.timeline"]
    });
    for (let i = 0; i < steps; i++) {
      await page.keyboard.press(i < steps / 2 ? "ArrowRight" : "ArrowLeft");
      // Let the step finish (a worker's run is drawn when it comes back).
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(400);
    const {traceEvents} = JSON.parse((await browser.stopTracing()).toString());
    measured.push({label, recorded: stepsOf(traceEvents)});
  }
  await page.close();
  return measured;
}

const sorted = (xs) => [...xs].sort((x, y) => x - y);

await runBench(
  "bench-sliders",
  errors,
  async () => {
    console.log(
      `Slider step work on the main thread (scripts; Chromium’s rendering beside them), Chromium ${browser.version()}, 1280×1000, ${dists.join(" against ")}${rounds > 1 ? `, ${rounds} rounds, interleaved` : ""}`
    );
    const all = {};
    for (const [t, target] of TARGETS.entries()) {
      for (let round = 0; round < rounds; round++) {
        // With two builds, the first to run alternates from round to round and from slider to slider.
        const order = dists.map((_, d) => d);
        if ((round + t) % 2 === 1) order.reverse();
        for (const d of order) {
          for (const {label, recorded} of await measure(target, servers[d])) {
            const name = `${target.name} · ${label}`;
            if (!recorded.length) {
              console.log(`${name}: no key press recorded in the trace`);
              continue;
            }
            const work = sorted(recorded.map((s) => s.scripts));
            const render = sorted(recorded.map((s) => s.rendering));
            const p50 = quantile(work, 0.5);
            const p95 = quantile(work, 0.95);
            const key = dists.length > 1 ? `${name} [${dists[d]}]` : name;
            (all[key] ??= []).push({p50, p95});
            console.log(
              `${(dists.length > 1 ? `${name} [${d === 0 ? "this build" : "against"}]` : name).padEnd(60)} n ${String(work.length).padStart(3)}  scripts p50 ${ms(p50).padStart(8)}  p95 ${ms(p95).padStart(8)}  max ${ms(work.at(-1)).padStart(8)}  ${p95 <= BUDGET_MS ? "≤ 16 ms" : "OVER 16 ms"}  · rendering p50 ${ms(quantile(render, 0.5))}  p95 ${ms(quantile(render, 0.95))}  · slowest steps ${slowest(recorded)}`
            );
          }
        }
      }
    }
    const names = Object.keys(all);
    if (!names.length) throw new Error("nothing was measured");
    if (rounds > 1) {
      console.log(`Medians over the ${rounds} rounds, scripts p50 / p95 (ms):`);
      for (const name of names) {
        const median = (xs) => quantile(sorted(xs), 0.5);
        console.log(
          `  ${name.padEnd(90)} ${median(all[name].map((r) => r.p50)).toFixed(1)} / ${median(all[name].map((r) => r.p95)).toFixed(1)}`
        );
      }
    }
    const over = names.filter((n) => all[n].some((r) => r.p95 > BUDGET_MS));
    console.log(
      `${names.length} sliders, ${over.length} with p95 over ${BUDGET_MS} ms${over.length ? `: ${over.join("; ")}` : ""}`
    );
  },
  async () => {
    await browser.close();
    for (const server of servers) await server.close();
  }
);
