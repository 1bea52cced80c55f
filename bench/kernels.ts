// Speed of the simulation kernels in Node: ns per neuron-step of `simulate` for each method, on the
// regular-spiking neuron (a .02, b .2, c −65, d 8; v0 −65; I = 10; 1000 ms at dt = 2⁻⁵ ms, i.e. 32,000 steps),
// and the same forward-Euler arithmetic and recording in C (bench/euler.c, compiled here with gcc -O3 -march=native
// -ffp-contract=off), timed alternately with `simulate` method "euler" in the same run for the JS/C ratio.
// Run: `npm run bench:kernels` (or `npx tsx bench/kernels.ts`). A benchmark, not a test: it asserts nothing.
import {execFileSync} from "node:child_process";
import {compileC} from "./compileC.js";
import {simulate, type Method} from "../lib/index.js";
import {euler} from "../lib/integrators/euler.js";
import {SpikeBuffer, type Run} from "../lib/integrators/run.js";
import {makeModel, STANDARD_EQUATION} from "../lib/models/izhikevich2003.js";
import {compileStimulus} from "../lib/stimuli/index.js";

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
/** Rounds of the JS/C comparison, each timing C (both modes) then `simulate`, so both see the same machine. */
const ROUNDS = 3;
/** The goal of issue 11: `simulate` method "euler" within this factor of C. */
const GOAL = 1.5;

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Time per neuron-step (ns): median and fastest batch, by the wall clock and by the process's CPU time. */
interface Timing {
  nsPerStep: number;
  best: number;
  cpuNsPerStep: number;
  cpuBest: number;
  runs: number;
}

/**
 * ns per step of `run` (which returns something to keep alive), timed like bench/euler.c: the median batch and
 * the fastest one (the better estimate when other processes share the machine), by the wall clock and by the
 * process's CPU time (all threads, garbage collection included; time other processes ran is not counted).
 */
function measure(run: () => unknown): Timing {
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
  const cpuSamples: number[] = [];
  for (let i = 0; i < BATCHES; i++) {
    start = performance.now();
    const cpu = process.cpuUsage();
    for (let j = 0; j < batch; j++) keep(run());
    const used = process.cpuUsage(cpu);
    samples.push(((performance.now() - start) * 1e6) / batch / steps);
    cpuSamples.push(((used.user + used.system) * 1e3) / batch / steps);
  }
  if (sink < 0) console.log(sink); // never true; keeps `sink` observable
  return {
    nsPerStep: median(samples),
    best: Math.min(...samples),
    cpuNsPerStep: median(cpuSamples),
    cpuBest: Math.min(...cpuSamples),
    runs: BATCHES * batch
  };
}

interface CResult extends Timing {
  steps: number;
  spikes: number;
  vLast: number;
  vSum: number;
  uSum: number;
}

/** Builds bench/euler.c (see compileC.ts) and runs it; null when gcc is missing or fails. */
function cBaseline(mode: "fresh" | "reuse"): CResult | null {
  try {
    const binary = compileC("euler");
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
  t: new Float64Array(steps + 1),
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

/** Sum of x[0..], in index order (as bench/euler.c's column_sum). */
function columnSum(x: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < x.length; k++) sum += x[k];
  return sum;
}

const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;

// simulate() method "euler" (the default call: new columns each run) against C, alternately, ROUNDS times.
const eulerOptions = {params, v0, current, duration, dt, method: "euler" as const};
// The same call writing into preallocated columns (the `columns` option), to compare with C's loop alone.
const n = steps + 1;
const into = {t: new Float64Array(n), v: new Float64Array(n), u: new Float64Array(n), I: new Float64Array(n)};
const rounds: {reuse: CResult; fresh: CResult; js: Timing; jsInto: Timing}[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const reuse = cBaseline("reuse");
  const fresh = cBaseline("fresh");
  if (!reuse || !fresh) break;
  const js = measure(() => simulate(eulerOptions));
  const jsInto = measure(() => simulate({...eulerOptions, columns: into}));
  rounds.push({reuse, fresh, js, jsInto});
}
if (rounds.length === ROUNDS) {
  const trace = simulate(eulerOptions);
  const c = rounds[0].reuse;
  const same =
    c.spikes === trace.spikes.length &&
    c.vLast === trace.v[trace.v.length - 1] &&
    c.vSum === columnSum(trace.v) &&
    c.uSum === columnSum(trace.u);
  console.log(
    `\nsimulate() method "euler" against C (gcc -O3 -march=native -ffp-contract=off), ${ROUNDS} alternating rounds`
  );
  console.log(
    `same arithmetic: ${same ? "yes" : "NO"} (C: ${c.spikes} spikes, v and u column sums ${c.vSum}, ${c.uSum}; JS: ` +
      `${trace.spikes.length} spikes, ${columnSum(trace.v)}, ${columnSum(trace.u)})`
  );
  console.log("ns per step: range of the rounds' medians, and the fastest batch of all; wall clock, then CPU time");
  const rows: [string, Timing[]][] = [
    ["simulate() euler, new columns each call", rounds.map((x) => x.js)],
    ["simulate() euler, preallocated `columns`", rounds.map((x) => x.jsInto)],
    ["C, new zeroed arrays each run (like for like)", rounds.map((x) => x.fresh)],
    ["C, arrays reused (the loop alone)", rounds.map((x) => x.reuse)]
  ];
  for (const [name, xs] of rows) {
    const wall = `${range(xs.map((x) => x.nsPerStep))} (${Math.min(...xs.map((x) => x.best)).toFixed(2)})`;
    const cpu = `${range(xs.map((x) => x.cpuNsPerStep))} (${Math.min(...xs.map((x) => x.cpuBest)).toFixed(2)})`;
    console.log(`  ${name.padEnd(46)} wall ${wall.padEnd(20)} CPU ${cpu}`);
  }
  const verdict = (x: number) => (x <= GOAL ? "met" : "NOT met");
  for (const [name, mode] of [
    ["C allocating its arrays (like for like)", "fresh"],
    ["the C loop alone (arrays reused)", "reuse"]
  ] as const) {
    const fastest = Math.min(...rounds.map((x) => x.js.best)) / Math.min(...rounds.map((x) => x[mode].best));
    const wall = median(rounds.map((x) => x.js.nsPerStep / x[mode].nsPerStep));
    const cpu = median(rounds.map((x) => x.js.cpuNsPerStep / x[mode].cpuNsPerStep));
    console.log(
      `JS/C, simulate() vs ${name}: ${cpu.toFixed(2)} (CPU time, median of the rounds), ` +
        `${wall.toFixed(2)} (wall clock, median of the rounds), ${fastest.toFixed(2)} (fastest batches); ` +
        `goal ≤ ${GOAL}: ${verdict(cpu)} by the medians, ${verdict(fastest)} by the fastest batches`
    );
  }
  const intoCpu = median(rounds.map((x) => x.jsInto.cpuNsPerStep / x.reuse.cpuNsPerStep));
  const intoWall = median(rounds.map((x) => x.jsInto.nsPerStep / x.reuse.nsPerStep));
  console.log(
    `JS/C, simulate() into preallocated columns vs the C loop alone: ${intoCpu.toFixed(2)} (CPU time), ` +
      `${intoWall.toFixed(2)} (wall clock), medians of the rounds`
  );
}
