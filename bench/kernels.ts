// Speed of the simulation kernels in Node: ns per neuron-step of `simulate` for each method, on the
// regular-spiking neuron (a .02, b .2, c −65, d 8; v0 −65; I = 10; 1000 ms at dt = 2⁻⁵ ms, i.e. 32,000 steps),
// and the same forward-Euler arithmetic in C (bench/euler.c, compiled here with gcc -O3 -march=native).
// Run: `npm run bench` (or `npx tsx bench/kernels.ts`). A benchmark, not a test: it asserts nothing.
import {execFileSync} from "node:child_process";
import {mkdirSync, statSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {simulate, type Method} from "../lib/index.js";
import {euler} from "../lib/integrators/euler.js";
import {SpikeBuffer, type Run} from "../lib/integrators/run.js";
import {makeModel, STANDARD_EQUATION} from "../lib/models/izhikevich2003.js";
import {compileStimulus} from "../lib/stimuli/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const params = {a: 0.02, b: 0.2, c: -65, d: 8};
const v0 = -65;
const current = 10;
const duration = 1000;
const dt = 2 ** -5;
const steps = Math.round(duration / dt) | 0;
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
    console.log(
      `C baseline unavailable (${error instanceof Error ? error.message.split("\n")[0] : error}); is gcc installed?`
    );
    return null;
  }
}

const fmt = (x: number, digits = 1) => x.toFixed(digits).padStart(8);

console.log(
  `Kernel speed: RS neuron (a .02 b .2 c -65 d 8), v0 ${v0}, I ${current}, ${duration} ms, dt 2^-5 → ${steps} steps`
);
console.log(
  `Node ${process.version}; median of ${BATCHES} batches of ≥ ${BATCH_MS} ms after ≥ ${WARMUP_MS} ms of warm-up\n`
);
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

// The Euler kernel alone, on arrays allocated once (what bench/euler.c's "reuse" mode times).
const kernelRun: Run = {
  model: makeModel(params, STANDARD_EQUATION),
  vPeak: 30,
  dt,
  steps,
  stimulus: compileStimulus(current, duration),
  I: new Float64Array(steps + 1).fill(current),
  v: new Float64Array(steps + 1),
  u: new Float64Array(steps + 1),
  spikes: new SpikeBuffer(1e6),
  tolerance: 1e-9,
  piecewiseConstant: true
};
const kernel = measure(() => {
  kernelRun.v[0] = v0;
  kernelRun.u[0] = params.b * v0;
  kernelRun.spikes = new SpikeBuffer(1e6);
  return euler(kernelRun);
});
console.log(
  `${"euler loop".padEnd(10)} ${fmt(kernel.nsPerStep, 2)} ${fmt(kernel.best, 2)}   (the kernel alone, arrays reused)`
);

const fresh = cBaseline("fresh");
const reuse = cBaseline("reuse");
if (fresh && reuse) {
  const js = results.get("euler")!;
  const jsSpikes = simulate({params, v0, current, duration, dt, method: "euler"}).spikes.length;
  console.log(`\nC (gcc -O3 -march=native), forward Euler, v/u/I recorded each step, ns/step (median, best):`);
  console.log(`  arrays reused (the loop alone):      ${fmt(reuse.nsPerStep, 2)} ${fmt(reuse.best, 2)}`);
  console.log(
    `  new arrays each run (like simulate): ${fmt(fresh.nsPerStep, 2)} ${fmt(fresh.best, 2)}   ${fresh.spikes} spikes`
  );
  if (fresh.spikes !== jsSpikes) console.log(`  note: C counted ${fresh.spikes} spikes, JS euler ${jsSpikes}`);
  const ratio = kernel.nsPerStep / reuse.nsPerStep;
  console.log(
    `JS/C ratio, Euler kernel vs the same loop in C: ${ratio.toFixed(2)} (medians), ${(kernel.best / reuse.best).toFixed(2)} (best); ` +
      `goal ≤ 1.5: ${ratio <= 1.5 ? "met" : "NOT met"}`
  );
  console.log(
    `JS/C ratio, simulate() vs C allocating its arrays: ${(js.nsPerStep / fresh.nsPerStep).toFixed(2)} (medians), ` +
      `${(js.best / fresh.best).toFixed(2)} (best)`
  );
}
