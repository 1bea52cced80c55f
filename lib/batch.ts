/**
 * `simulateBatch`: many independent Izhikevich neurons at once, for sweeps, atlases and f–I curves.
 *
 * Layout: structure of arrays (one typed array per parameter and per state variable); loop order: blocks of
 * neurons, then time, then the neurons of the block (a block's arrays stay in cache); nothing is allocated
 * per step. The arithmetic of each method is exactly that of `simulate`'s kernel of the same name
 * (integrators/fixedStep.ts), so every neuron spikes at the same times as `simulate` would make it spike.
 * Only spikes and the final state are kept, no voltage traces.
 *
 * Two implementations of the same loops: WebAssembly SIMD (lib/wasm/batchKernel.wat, two neurons per
 * instruction, several times faster; used wherever the engine has WebAssembly SIMD) and the TypeScript
 * kernels below (the fallback, and the reference the WebAssembly kernel is tested against bit for bit).
 */
import {gridSteps, MAX_DT} from "./simulate.js";
import {resolveEquation} from "./model.js";
import {compileStimulus, STIMULUS_LIMITS, type Stimulus} from "./stimulus.js";
import type {Equation} from "./types.js";
import {checkKeys, checkKeyword, checkNumber, describe, isWithin, type NumberBounds} from "./validate.js";
import {SpikeLog} from "./spikeLog.js";
import {batchKernelAvailable, runBatchKernel} from "./wasm/runBatchKernel.js";

/** The methods {@link simulateBatch} offers (the fixed-step schemes whose loops vectorise over neurons). */
export const BATCH_METHODS = ["euler", "paper2004"] as const;
export type BatchMethod = (typeof BATCH_METHODS)[number];

/** Options of {@link simulateBatch}. Per-neuron values are array-likes of one common length n. */
export interface BatchOptions {
  /** The parameters a, b, c, d, one value per neuron (required; n ≥ 1). */
  params: {a: ArrayLike<number>; b: ArrayLike<number>; c: ArrayLike<number>; d: ArrayLike<number>};
  /**
   * Input current (paper's units, mV/ms): one number for every neuron, an array-like of one constant (DC)
   * current per neuron, or a Stimulus shared by all neurons (sampled at k·dt as `simulate` does). Default 0.
   */
  current?: Stimulus | ArrayLike<number>;
  /** Initial membrane potential (mV), shared or per neuron; default −65; below vPeak. */
  v0?: number | ArrayLike<number>;
  /** Initial recovery variable, shared or per neuron; default b·v0 per neuron. */
  u0?: number | ArrayLike<number>;
  /** Length of the run (ms), required. */
  duration: number;
  /** Step (ms), default 2⁻⁵; at most MAX_DT. */
  dt?: number;
  /** "euler" (default) or "paper2004", with `simulate`'s arithmetic and step count. */
  method?: BatchMethod;
  /** Spike apex / cut-off (mV); default 30. */
  vPeak?: number;
  /** The quadratic's coefficients and the u-equation variant, shared; default 0.04, 5, 140, "standard". */
  equation?: Partial<Equation>;
  /**
   * Per-neuron spike cap: a neuron stops (its state freezes, later spikes are not recorded) once it has
   * fired this many spikes, as `simulate` stops at `maxSpikes`. Default 100,000.
   */
  maxSpikes?: number;
  /**
   * Which implementation runs the loop: "wasm" (WebAssembly SIMD, two neurons per instruction), "js" (plain
   * TypeScript) or "auto" (default: "wasm" where the engine supports WebAssembly SIMD, else "js"). Both give
   * identical results, bit for bit; "wasm" is several times faster.
   */
  kernel?: BatchKernel;
}

/** The implementations of the batch loops (see {@link BatchOptions.kernel}). */
export const BATCH_KERNELS = ["auto", "wasm", "js"] as const;
export type BatchKernel = (typeof BATCH_KERNELS)[number];

/** The result of {@link simulateBatch}: spikes as flat arrays (neuron i's spikes are times[offsets[i] … offsets[i+1])). */
export interface BatchResult {
  /** Number of neurons. */
  n: number;
  method: BatchMethod;
  /** The implementation that ran ("auto" resolved). */
  kernel: "wasm" | "js";
  /** The step (ms). */
  dt: number;
  /** Steps run (the same count `simulate` runs for this duration, dt and method). */
  steps: number;
  /** Spike count of each neuron. */
  counts: Int32Array;
  /** Start of each neuron's spikes in `times`; length n + 1 (offsets[n] = total spike count). */
  offsets: Int32Array;
  /** Spike times (ms), neuron by neuron, increasing within a neuron; the end of the step in which v reached vPeak. */
  times: Float64Array;
  /** v (mV) at the end of the run, or where the neuron stopped (after the reset if it stopped on a spike). */
  v: Float64Array;
  /** u at the end of the run, or where the neuron stopped. */
  u: Float64Array;
  /** For each neuron, 0 if it ran to the end; 1 if it reached the spike cap; 2 if v or u stopped being finite. */
  stopped: Uint8Array;
  /** What to distrust (neurons capped or diverged), summarised; empty for a clean run. */
  warnings: string[];
}

/** Default of `maxSpikes` (as `simulate`'s). */
export const BATCH_MAX_SPIKES = 100_000;

/** Neurons per block: the block's eight arrays (8 × 8 bytes × 512 = 32 kB) stay in the L1/L2 cache. */
const BLOCK = 512;

const OPTION_KEYS = [
  "params",
  "current",
  "v0",
  "u0",
  "duration",
  "dt",
  "method",
  "vPeak",
  "equation",
  "maxSpikes",
  "kernel"
];

function isArrayLike(x: unknown): x is ArrayLike<number> {
  return Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
}

/** A checked per-neuron column: an array-like of n numbers within `bounds`, or one number for all. */
function column(value: unknown, field: string, n: number, bounds: NumberBounds = {}): Float64Array {
  const out = new Float64Array(n);
  if (typeof value === "number") {
    out.fill(checkNumber(value, field, bounds));
    return out;
  }
  if (!isArrayLike(value))
    throw new TypeError(`${field}: must be a number or an array of ${n} numbers, got ${describe(value)}`);
  if (value.length !== n)
    throw new RangeError(
      `${field}: must have one value per neuron (${n}, the length of params.a), got ${value.length}`
    );
  for (let i = 0; i < n; i++) {
    const x = value[i];
    // The element's name is built only for the error (this runs for every neuron of every batch).
    out[i] = isWithin(x, bounds) ? x : checkNumber(x, `${field}[${i}]`, bounds);
  }
  return out;
}

/**
 * Simulates n independent neurons with the same equation, step, duration and method; parameters, initial
 * state and DC current may differ per neuron. Spikes are identical to `simulate`'s for the same method and dt.
 *
 * @throws RangeError/TypeError naming the field (e.g. `params.c[17]`), the value and what is allowed.
 * @example
 * const r = simulateBatch({params: {a: [0.02, 0.1], b: [0.2, 0.2], c: [-65, -65], d: [8, 2]}, current: 10, duration: 1000});
 * r.counts; // spikes of each neuron in 1 s
 */
export function simulateBatch(options: BatchOptions): BatchResult {
  const o = checkKeys(options, "options", OPTION_KEYS) as Partial<BatchOptions>;
  if (o.params === undefined) throw new TypeError("params: required ({a, b, c, d}, one array of numbers each)");
  const p = checkKeys(o.params, "params", ["a", "b", "c", "d"]) as Partial<BatchOptions["params"]>;
  if (!isArrayLike(p.a))
    throw new TypeError(`params.a: must be an array of numbers (one per neuron), got ${describe(p.a)}`);
  const n = p.a.length;
  if (n < 1) throw new RangeError("params.a: must hold at least one neuron, got an empty array");
  const a = column(p.a, "params.a", n);
  const b = column(p.b, "params.b", n);
  const c = column(p.c, "params.c", n);
  const d = column(p.d, "params.d", n);
  const equation = resolveEquation(o.equation);
  const method = o.method === undefined ? "euler" : checkKeyword(o.method, "method", BATCH_METHODS);
  if (o.duration === undefined) throw new TypeError("duration: required (ms, a finite number > 0)");
  const duration = checkNumber(o.duration, "duration", {min: 0, minExclusive: true});
  const dt = o.dt === undefined ? 2 ** -5 : checkNumber(o.dt, "dt", {min: 0, minExclusive: true, max: MAX_DT});
  const vPeak = o.vPeak === undefined ? 30 : checkNumber(o.vPeak, "vPeak");
  const maxSpikes =
    o.maxSpikes === undefined ? BATCH_MAX_SPIKES : checkNumber(o.maxSpikes, "maxSpikes", {min: 1, integer: true});
  const v =
    o.v0 === undefined ? new Float64Array(n).fill(-65) : column(o.v0, "v0", n, {max: vPeak, maxExclusive: true});
  let u: Float64Array;
  if (o.u0 === undefined) {
    u = new Float64Array(n);
    for (let i = 0; i < n; i++) u[i] = b[i]! * v[i]!;
  } else u = column(o.u0, "u0", n);

  // figure1.m's `for t = 0:tau:T` runs one step more than the others (as in simulate).
  const steps = gridSteps(duration, dt, method === "paper2004" ? 1 : 0);
  const dc = new Float64Array(n);
  const magnitude = STIMULUS_LIMITS.magnitude;
  let shared: Float64Array;
  if (isArrayLike(o.current)) {
    dc.set(column(o.current, "current", n, {min: -magnitude, max: magnitude}));
    shared = zeros(steps + 1);
  } else {
    shared = new Float64Array(steps + 1);
    compileStimulus(o.current ?? 0, steps * dt).fill(shared, 0, dt);
  }

  const accommodation = equation.u === "accommodation";
  const state: KernelState = {
    n,
    steps,
    dt,
    vPeak,
    e: equation.e,
    f: equation.f,
    g: equation.g,
    accommodation,
    ...uCoefficients(method, a, b, dt, accommodation),
    c,
    d,
    v,
    u,
    dc,
    shared,
    maxSpikes,
    counts: new Int32Array(n),
    stopped: new Uint8Array(n),
    stopStep: new Int32Array(n),
    spikes: new SpikeLog()
  };
  const choice = o.kernel === undefined ? "auto" : checkKeyword(o.kernel, "kernel", BATCH_KERNELS);
  const wasm = choice !== "js" && batchKernelAvailable();
  if (choice === "wasm" && !wasm)
    throw new Error(
      'kernel: "wasm" needs WebAssembly with SIMD, which this JavaScript engine lacks; use "auto" or "js"'
    );
  if (wasm) runBatchKernel(state, method);
  else {
    for (let start = 0; start < n; start += BLOCK) {
      const end = Math.min(n, start + BLOCK);
      if (method === "euler") eulerBlock(state, start, end);
      else paper2004Block(state, start, end);
    }
  }
  return collect(state, method, wasm ? "wasm" : "js");
}

/**
 * The u-equation's per-neuron coefficients, in the operation order of `simulate`'s kernels
 * (integrators/fixedStep.ts), computed once for both implementations:
 * - euler: u' = p1·v − p2·u + p3, with p1 = a·b, p2 = a, p3 = 0 (accommodation: p2 = 0, p3 = 65·a·b), one
 *   formula for both u-equations without a branch in the loop;
 * - paper2004: u += p1·(p2·v − u), with p1 = τ·a (the first product MATLAB evaluates in `tau*a*(b*V - u)`)
 *   and p2 = b; accommodation: u += p3·(v + 65), with p3 = τ·a·b.
 */
function uCoefficients(method: BatchMethod, a: Float64Array, b: Float64Array, dt: number, accommodation: boolean) {
  const n = a.length;
  const p1 = new Float64Array(n);
  const p2 = new Float64Array(n);
  const p3 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (method === "euler") {
      p1[i] = a[i]! * b[i]!;
      p2[i] = accommodation ? 0 : a[i]!;
      p3[i] = accommodation ? 65 * p1[i]! : 0;
    } else {
      p1[i] = dt * a[i]!;
      p2[i] = b[i]!;
      p3[i] = p1[i]! * b[i]!;
    }
  }
  return {p1, p2, p3};
}

let zeroCurrent = new Float64Array(0);

/**
 * A read-only array of at least `length` zeros, kept between calls: with per-neuron currents the shared
 * current is 0 at every step, and a fresh array per call (256 kB for 1 s at 2⁻⁵ ms) only feeds the garbage
 * collector while an atlas computes row after row.
 */
function zeros(length: number): Float64Array {
  if (zeroCurrent.length < length) zeroCurrent = new Float64Array(length);
  return zeroCurrent;
}

/** Everything a kernel reads and writes (lib/wasm/runBatchKernel.ts runs the WebAssembly kernels on it). */
export interface KernelState {
  n: number;
  steps: number;
  dt: number;
  vPeak: number;
  e: number;
  f: number;
  g: number;
  accommodation: boolean;
  /** The u-equation's coefficients for the method (see uCoefficients). */
  p1: Float64Array;
  p2: Float64Array;
  p3: Float64Array;
  c: Float64Array;
  d: Float64Array;
  /** The state, updated in place. */
  v: Float64Array;
  u: Float64Array;
  /** Per-neuron DC current (0 where a shared stimulus is used). */
  dc: Float64Array;
  /** The shared current at k·dt, k = 0 … steps (all 0, and possibly longer, where per-neuron currents are used). */
  shared: Float64Array;
  maxSpikes: number;
  counts: Int32Array;
  stopped: Uint8Array;
  /** The step at which a stopped neuron stopped. */
  stopStep: Int32Array;
  spikes: SpikeLog;
}

/**
 * Records a spike of neuron i at step s (state v, u after the reset) unless it has stopped; freezes it when it
 * reaches the cap (stopped = 1) or when v + u is not finite after the reset (stopped = 2), as simulate does.
 */
function spike(
  st: KernelState,
  i: number,
  s: number,
  v: number,
  u: number,
  frozenV: Float64Array,
  frozenU: Float64Array
): void {
  if (st.stopped[i] !== 0) return;
  st.spikes.push(i, s);
  if (++st.counts[i]! >= st.maxSpikes) stop(st, i, s, 1, v, u, frozenV, frozenU);
  else if (!(Math.abs(v + u) <= Number.MAX_VALUE)) stop(st, i, s, 2, v, u, frozenV, frozenU);
}

function stop(
  st: KernelState,
  i: number,
  s: number,
  why: 1 | 2,
  v: number,
  u: number,
  frozenV: Float64Array,
  frozenU: Float64Array
): void {
  if (st.stopped[i] !== 0) return;
  st.stopped[i] = why;
  st.stopStep[i] = s;
  frozenV[i] = v;
  frozenU[i] = u;
}

/**
 * Forward Euler for neurons [start, end), with integrators/fixedStep.ts `euler`'s operations in its order:
 * du from the old state, then v, then u, then the spike test v ≥ vPeak. A stopped neuron keeps being
 * stepped (no branch for it in the loop) but its state is taken from the copy saved when it stopped.
 */
function eulerBlock(st: KernelState, start: number, end: number): void {
  const {steps, dt, vPeak, e, f, g, c, d, v: V, u: U, dc, shared} = st;
  const m = (end - start) | 0;
  // u' = ub·v − ua·u + uc covers both u-equations without a branch in the loop (see uCoefficients).
  const ub = st.p1.subarray(start, end);
  const ua = st.p2.subarray(start, end);
  const uc = st.p3.subarray(start, end);
  const C = c.slice(start, end);
  const D = d.slice(start, end);
  const I = dc.slice(start, end);
  const v = V.slice(start, end);
  const u = U.slice(start, end);
  for (let k = 0; k < steps; k = (k + 1) | 0) {
    const Ik = shared[k]!;
    for (let j = 0; j < m; j = (j + 1) | 0) {
      let vj = v[j]!;
      let uj = u[j]!;
      const du = ub[j]! * vj - ua[j]! * uj + uc[j]!;
      vj = vj + dt * (e * (vj * vj) + f * vj + g - uj + (Ik + I[j]!));
      uj = uj + dt * du;
      // simulate's tests in its order: spike, then isFinite(v + u) (after the reset, if any).
      if (vj >= vPeak) {
        vj = C[j]!;
        uj += D[j]!;
        spike(st, start + j, k + 1, vj, uj, V, U);
      } else if (!(Math.abs(vj + uj) <= Number.MAX_VALUE)) {
        stop(st, start + j, k + 1, 2, vj, uj, V, U);
      }
      v[j] = vj;
      u[j] = uj;
    }
  }
  saveBlock(st, start, v, u);
}

/**
 * figure1.m's loop for neurons [start, end), with integrators/fixedStep.ts `paper2004`'s operations in its
 * order: v from the old state, u from the NEW v, then the strict spike test v > vPeak.
 */
function paper2004Block(st: KernelState, start: number, end: number): void {
  const {steps, dt: tau, vPeak, e, f, g, c, d, v: V, u: U, dc, shared, accommodation} = st;
  const m = (end - start) | 0;
  // τ·a, b and τ·a·b (see uCoefficients).
  const ta = st.p1.subarray(start, end);
  const B = st.p2.subarray(start, end);
  const tab = st.p3.subarray(start, end);
  const C = c.slice(start, end);
  const D = d.slice(start, end);
  const I = dc.slice(start, end);
  const v = V.slice(start, end);
  const u = U.slice(start, end);
  for (let k = 0; k < steps; k = (k + 1) | 0) {
    const Ik = shared[k]!;
    for (let j = 0; j < m; j = (j + 1) | 0) {
      let vj = v[j]!;
      let uj = u[j]!;
      vj = vj + tau * (e * (vj * vj) + f * vj + g - uj + (Ik + I[j]!));
      uj = accommodation ? uj + tab[j]! * (vj + 65) : uj + ta[j]! * (B[j]! * vj - uj);
      if (vj > vPeak) {
        vj = C[j]!;
        uj = uj + D[j]!;
        spike(st, start + j, k + 1, vj, uj, V, U);
      } else if (!(Math.abs(vj + uj) <= Number.MAX_VALUE)) {
        stop(st, start + j, k + 1, 2, vj, uj, V, U);
      }
      v[j] = vj;
      u[j] = uj;
    }
  }
  saveBlock(st, start, v, u);
}

/** Copies a block's final state back, except for stopped neurons (whose state was saved when they stopped). */
function saveBlock(st: KernelState, start: number, v: Float64Array, u: Float64Array): void {
  for (let j = 0; j < v.length; j++) {
    if (st.stopped[start + j] !== 0) continue;
    st.v[start + j] = v[j]!;
    st.u[start + j] = u[j]!;
  }
}

/**
 * One sentence per kind of stop (spike cap, divergence) naming the first neurons. Kept out of `collect`,
 * whose loops run for every batch: V8 would otherwise optimise `collect` without this rarely run code and
 * throw the optimised code away each time a neuron stops.
 */
function stopWarnings(st: KernelState): string[] {
  const warnings: string[] = [];
  for (const [why, text] of [
    [1, `reached the spike cap of ${st.maxSpikes} spikes and stopped there (raise maxSpikes to go on)`],
    [2, `stopped when v or u stopped being finite: the method diverged (try a smaller dt)`]
  ] as const) {
    const which: number[] = [];
    for (let i = 0; i < st.n; i++) if (st.stopped[i] === why) which.push(i);
    if (which.length === 0) continue;
    const first = which
      .slice(0, 5)
      .map((i) => `${i} (t = ${+(st.stopStep[i]! * st.dt).toFixed(6)} ms)`)
      .join(", ");
    warnings.push(
      `${which.length} neuron${which.length === 1 ? "" : "s"} ${text}: ${first}${which.length > 5 ? ", …" : ""}`
    );
  }
  return warnings;
}

/** Sorts the spike log by neuron (stable, so each neuron's times stay increasing) and writes the warnings. */
function collect(st: KernelState, method: BatchMethod, kernel: "wasm" | "js"): BatchResult {
  const {n, counts, spikes, dt} = st;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + counts[i]!;
  const times = new Float64Array(spikes.length);
  const next = offsets.slice(0, n);
  for (let s = 0; s < spikes.length; s++) {
    const i = spikes.neuron[s]!;
    // (k + 1)·dt, the same product simulate's kernels push.
    times[next[i]!++] = spikes.step[s]! * dt;
  }
  const warnings = st.stopped.some((why) => why !== 0) ? stopWarnings(st) : [];
  return {
    n,
    method,
    kernel,
    dt,
    steps: st.steps,
    counts,
    offsets,
    times,
    v: st.v,
    u: st.u,
    stopped: st.stopped,
    warnings
  };
}
