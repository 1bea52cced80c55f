// Speed of the simulation kernels in Node: ns per neuron-step of `simulate` for each method, on the
// regular-spiking neuron (a .02, b .2, c −65, d 8; v0 −65; I = 10; 1000 ms at dt = 2⁻⁵ ms, i.e. 32,000 steps),
// and the same forward-Euler arithmetic in C (bench/euler.c, compiled here with gcc -O3 -march=native).
// Run: `npm run bench` (or `npx tsx bench/kernels.ts`). A benchmark, not a test: it asserts nothing.
import {execFileSync} from "node:child_process";
import {mkdirSync, statSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {simulate, type Method} from "../lib/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const params = {a: 0.02, b: 0.2, c: -65, d: 8};
const v0 = -65;
const current = 10;
const duration = 1000;
const dt = 2 ** -5;
const steps = Math.round(duration / dt);
const methods: Method[] = ["euler", "paper2003", "paper2004", "rk4", "adaptive"];

const WARMUP_MS = 300;
const BATCH_MS = 25;
const BATCHES = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * ns per step of `run` (which returns something to keep alive), timed like bench/euler.c: the median batch and
 * the fastest one (the better estimate when other processes share the machine).
 */
function measure(run: () => unknown): {nsPerStep: number; best: number; runs: number} {
  let sink = 0;
  const keep = (x: unknown) => {
    sink += x === undefined ? 0 : 1;
  };
  // Warm-up: at least 5 runs and WARMUP_MS, so that the JIT has optimised the kernel.
  let start = performance.now();
  let warm = 0;
  while (warm < 5 || performance.now() - start < WARMUP_MS) {
    keep(run());
    warm++;
  }
  const perRun = (performance.now() - start) / warm;
  const batch = Math.max(1, Math.ceil(BATCH_MS / perRun));
  const samples: number[] = [];
  for (let i = 0; i < BATCHES; i++) {
    start = performance.now();
    for (let j = 0; j < batch; j++) keep(run());
    samples.push(((performance.now() - start) * 1e6) / batch / steps);
  }
  if (sink < 0) console.log(sink); // never true; keeps `sink` observable
  return {nsPerStep: median(samples), best: Math.min(...samples), runs: BATCHES * batch};
}

interface CResult {
  nsPerStep: number;
  best: number;
  steps: number;
  spikes: number;
  vLast: number;
  runs: number;
}

/** Compiles bench/euler.c into .bench/ (when it changed) and runs it; null when gcc is missing or fails. */
function cBaseline(mode: "fresh" | "reuse"): CResult | null {
  const source = join(root, "bench", "euler.c");
  const binary = join(root, ".bench", "euler");
  try {
    mkdirSync(join(root, ".bench"), {recursive: true});
    let stale = true;
    try {
      stale = statSync(binary).mtimeMs < statSync(source).mtimeMs;
    } catch {
      // not built yet
    }
    if (stale) execFileSync("gcc", ["-O3", "-march=native", "-o", binary, source, "-lm"], {stdio: "inherit"});
    const args = [mode, params.a, params.b, params.c, params.d, v0, current, duration, dt].map(String);
    return JSON.parse(execFileSync(binary, args, {encoding: "utf8"})) as CResult;
  } catch (error) {
    console.log(`C baseline unavailable (${error instanceof Error ? error.message.split("\n")[0] : error}); is gcc installed?`);
    return null;
  }
}

const fmt = (x: number, digits = 1) => x.toFixed(digits).padStart(8);

console.log(`Kernel speed: RS neuron (a .02 b .2 c -65 d 8), v0 ${v0}, I ${current}, ${duration} ms, dt 2^-5 → ${steps} steps`);
console.log(`Node ${process.version}; median of ${BATCHES} batches of ≥ ${BATCH_MS} ms after ≥ ${WARMUP_MS} ms of warm-up\n`);
console.log("ns per neuron-step: median and fastest of the batches; µs per 1000-ms run (median)");
console.log("method       median     best   µs/run  spikes  runs");
const results = new Map<Method, {nsPerStep: number; best: number}>();
for (const method of methods) {
  const options = {params, v0, current, duration, dt, method};
  const trace = simulate(options);
  const {nsPerStep, best, runs} = measure(() => simulate(options));
  results.set(method, {nsPerStep, best});
  const warn = trace.warnings.length ? `  warnings: ${trace.warnings.join("; ")}` : "";
  console.log(
    `${method.padEnd(10)} ${fmt(nsPerStep, 2)} ${fmt(best, 2)} ${fmt((nsPerStep * steps) / 1000)} ${String(trace.spikes.length).padStart(7)}  ${runs}${warn}`
  );
}

const fresh = cBaseline("fresh");
const reuse = cBaseline("reuse");
if (fresh && reuse) {
  const js = results.get("euler")!;
  const jsSpikes = simulate({params, v0, current, duration, dt, method: "euler"}).spikes.length;
  console.log(`\nC (gcc -O3 -march=native), forward Euler, v/u/I recorded each step, ns/step (median, best):`);
  console.log(`  new arrays each run (like simulate): ${fmt(fresh.nsPerStep, 2)} ${fmt(fresh.best, 2)}   ${fresh.spikes} spikes`);
  console.log(`  arrays reused (loop only):           ${fmt(reuse.nsPerStep, 2)} ${fmt(reuse.best, 2)}`);
  if (fresh.spikes !== jsSpikes) console.log(`  note: C counted ${fresh.spikes} spikes, JS euler ${jsSpikes}`);
  const ratio = js.nsPerStep / fresh.nsPerStep;
  const bestRatio = js.best / fresh.best;
  console.log(
    `JS/C ratio, euler, like for like: ${ratio.toFixed(2)} (medians), ${bestRatio.toFixed(2)} (best batches); ` +
      `goal ≤ 1.5 (medians): ${ratio <= 1.5 ? "met" : "NOT met"}`
  );
  console.log(`JS/C ratio, euler vs the C loop alone: ${(js.nsPerStep / reuse.nsPerStep).toFixed(2)} (medians)`);
}
