/**
 * `simulateBatch`'s options: their names, defaults and checks, resolved into the per-neuron columns and the
 * shared current the kernels step. Every error names the field (e.g. `params.c[17]`), the value and what is
 * allowed.
 */
import {DEFAULT_DT, gridSteps, MAX_DT} from "../simulate.js";
import {resolveEquation} from "../models/izhikevich2003.js";
import {compileStimulus, STIMULUS_LIMITS, type Stimulus} from "../stimuli/index.js";
import type {Equation} from "../models/izhikevich2003.js";
import {checkKeys, checkKeyword, checkNumber, describe, isWithin, type NumberBounds} from "../validate.js";

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

/**
 * The most neurons one batch may have: 10⁶, about 250 MB of working memory (about 250 bytes per neuron). The
 * site's largest batch is a whole 400 × 400 atlas map (160,000 neurons); 10⁷ neurons used to reach 2 GB.
 */
export const BATCH_NEURON_BUDGET = 1_000_000;

/** Default of `maxSpikes` (as `simulate`'s). */
export const BATCH_MAX_SPIKES = 100_000;

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

/** The options checked and resolved: per-neuron columns of length n, the shared current, the step count. */
export interface CheckedBatchOptions {
  n: number;
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  d: Float64Array;
  equation: Equation;
  method: BatchMethod;
  dt: number;
  /** Steps to run (as `simulate` runs for this duration, dt and method). */
  steps: number;
  vPeak: number;
  maxSpikes: number;
  /** Initial state, one value per neuron (the kernels update these arrays in place). */
  v: Float64Array;
  u: Float64Array;
  /** Per-neuron DC current (all 0 where a shared stimulus is used). */
  dc: Float64Array;
  /** The shared current at k·dt, k = 0 … steps (all 0, and possibly longer, where per-neuron currents are used). */
  shared: Float64Array;
  kernel: BatchKernel;
}

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
 * Checks simulateBatch's options in a fixed order (so the first bad field is the one reported) and resolves
 * the defaults. Each option is read once, own keys only (checkKeys' copy), and at most
 * {@link BATCH_NEURON_BUDGET} neurons are accepted.
 *
 * @throws RangeError/TypeError naming the field (e.g. `params.c[17]`), the value and what is allowed.
 */
export function checkBatchOptions(options: BatchOptions): CheckedBatchOptions {
  const o = checkKeys(options, "options", OPTION_KEYS) as Partial<BatchOptions>;
  if (o.params === undefined) throw new TypeError("params: required ({a, b, c, d}, one array of numbers each)");
  const p = checkKeys(o.params, "params", ["a", "b", "c", "d"]) as Partial<BatchOptions["params"]>;
  if (!isArrayLike(p.a))
    throw new TypeError(`params.a: must be an array of numbers (one per neuron), got ${describe(p.a)}`);
  const n = p.a.length;
  if (n < 1) throw new RangeError("params.a: must hold at least one neuron, got an empty array");
  // Checked before any per-neuron array is allocated.
  if (n > BATCH_NEURON_BUDGET) {
    throw new RangeError(
      `params.a: at most ${BATCH_NEURON_BUDGET} neurons per batch (the limit, for memory), got ${n}; split them into several batches`
    );
  }
  const a = column(p.a, "params.a", n);
  const b = column(p.b, "params.b", n);
  const c = column(p.c, "params.c", n);
  const d = column(p.d, "params.d", n);
  const equation = resolveEquation(o.equation);
  const method = o.method === undefined ? "euler" : checkKeyword(o.method, "method", BATCH_METHODS);
  if (o.duration === undefined) throw new TypeError("duration: required (ms, a finite number > 0)");
  const duration = checkNumber(o.duration, "duration", {min: 0, minExclusive: true});
  const dt = o.dt === undefined ? DEFAULT_DT : checkNumber(o.dt, "dt", {min: 0, minExclusive: true, max: MAX_DT});
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
  const kernel = o.kernel === undefined ? "auto" : checkKeyword(o.kernel, "kernel", BATCH_KERNELS);
  return {n, a, b, c, d, equation, method, dt, steps, vPeak, maxSpikes, v, u, dc, shared, kernel};
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
