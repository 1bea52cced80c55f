/**
 * `simulate`: checks the options, prepares the output columns and runs one integration method.
 * The per-step order is the same for every method (Brian2's schedule): integrate, test v against vPeak,
 * reset, record.
 */
import {adaptive} from "./integrators/adaptive.js";
import {euler} from "./integrators/euler.js";
import {rk4} from "./integrators/rk4.js";
import {SpikeBuffer, type KernelResult, type Run} from "./integrators/run.js";
import {checkParams, makeModel, resolveEquation, type Equation, type Params} from "./models/izhikevich2003.js";
import {paper2004} from "./schemes/figure1.js";
import {paper2003} from "./schemes/net.js";
import {compileStimulus, isPiecewiseConstant, type CompiledStimulus, type Stimulus} from "./stimuli/index.js";
import {checkKeys, checkKeyword, checkNumber, describe} from "./validate.js";

/** The integration methods `simulate` offers. */
export type Method = "euler" | "paper2003" | "paper2004" | "rk4" | "adaptive";

/** Options of {@link simulate}. Presets such as `CLASSES.RS` are complete options objects. */
export interface SimulateOptions {
  /** The four parameters a, b, c, d (required). */
  params: Params;
  /** Initial membrane potential (mV); default −65. Must be below vPeak. */
  v0?: number;
  /** Initial recovery variable; default b·v0. */
  u0?: number;
  /** Input current in the paper's units (current ÷ capacitance, mV/ms): a number or a Stimulus; default 0. */
  current?: Stimulus;
  /** Length of the run (ms), required. */
  duration: number;
  /**
   * Step (ms) for the fixed-step methods; for "adaptive", the output sampling interval and the largest step.
   * Default 2⁻⁵ = 0.03125 ms.
   */
  dt?: number;
  /** Integration method; default "adaptive" (accurate). See {@link METHODS}. */
  method?: Method;
  /** Spike apex / cut-off (mV); default 30. Not a threshold: v is reset when it reaches this value. */
  vPeak?: number;
  /** The quadratic's coefficients and the u-equation variant; default 0.04, 5, 140, "standard". */
  equation?: Partial<Equation>;
  /** Error tolerance (relative and absolute, per step) of the adaptive method; default 1e-9. */
  tolerance?: number;
  /** The run stops, keeping what it has, once this many spikes occurred; default 100,000. */
  maxSpikes?: number;
  /**
   * The run stops, keeping what it has, after this many integration steps: for "adaptive" its accepted plus
   * rejected trial steps (default 20,000,000), for the fixed-step methods their steps (default all the run
   * needs). A caller that must not wait long (a page redrawing on a slider) can try a run with a small budget and
   * hand it elsewhere when it stops there.
   */
  maxSteps?: number;
  /**
   * Arrays to write the trace into instead of new ones, for a caller that reruns often (a slider, a scan): four
   * distinct, non-overlapping Float64Arrays, each at least as long as the run has samples (steps + 1, see
   * {@link simulate}). The trace's t, v, u and I are then views of their first samples, valid until the arrays
   * are written again. The numbers are the same as without; only the allocation is saved.
   */
  columns?: TraceColumns;
  /** Identifier of a preset (ignored by simulate). */
  id?: string;
  /** Name of a preset (ignored by simulate). */
  name?: string;
  /** One-line description of a preset (ignored by simulate). */
  description?: string;
}

/** Output arrays for {@link SimulateOptions.columns}: sample times (ms), v (mV), u and I (mV/ms). */
export interface TraceColumns {
  t: Float64Array;
  v: Float64Array;
  u: Float64Array;
  I: Float64Array;
}

/** The result of {@link simulate}: typed columns on the sampling grid t = k·dt, plus what the run did. */
export interface Trace {
  /** Sample times (ms), k·dt. */
  t: Float64Array;
  /**
   * Membrane potential (mV) at each sample. The sample that ends a step in which a spike occurred holds vPeak
   * (the apex, as the published figures draw it); the state itself continues from the reset. Never above
   * vPeak, never NaN: a run that diverges is cut before the first non-finite sample.
   */
  v: Float64Array;
  /** Recovery variable at each sample (same units as I). */
  u: Float64Array;
  /** Input current at each sample (paper's units, mV/ms). */
  I: Float64Array;
  /**
   * Spike times (ms). Located inside the step for "rk4" and "adaptive"; for the fixed-step schemes, the end of
   * the step in which v reached vPeak.
   */
  spikes: Float64Array;
  /** The method used. */
  method: Method;
  /** The sampling interval (ms). */
  dt: number;
  /** Integration steps taken (accepted steps for "adaptive"). */
  steps: number;
  /** Why the run stopped early or what to distrust; empty for a clean run. */
  warnings: string[];
}

/** The methods `simulate` offers, with a one-line description each. */
export const METHODS: Readonly<Record<Method, string>> = Object.freeze({
  adaptive: "Dormand–Prince 5(4) with error control and spikes located at vPeak (accurate; the default)",
  rk4: "classical Runge–Kutta 4 on the dt grid, spikes located inside the step",
  euler: "forward Euler, both derivatives from the old state (NEST's default)",
  paper2003: "the 2003 network scheme (net.m): v in two half steps, u from the new v",
  paper2004: "the figure1.m loop of the 2004 paper exactly (Euler, u from the new v, strict v > vPeak)"
});

/** The default step, and for "adaptive" the output interval (ms): 2⁻⁵, exact in binary. */
export const DEFAULT_DT = 2 ** -5;

/** Default options. */
export const DEFAULTS = Object.freeze({
  v0: -65,
  dt: DEFAULT_DT,
  method: "adaptive" as Method,
  vPeak: 30,
  tolerance: 1e-9,
  maxSpikes: 100_000
});

/** The largest number of samples (per column) a run may produce: 2²¹, i.e. 64 MB for the four columns. */
export const SAMPLE_BUDGET = 2 ** 21;

/** The largest dt (ms) any method accepts: beyond 1 ms a step is longer than a whole spike upstroke. */
export const MAX_DT = 1;

const COLUMN_NAMES = ["t", "v", "u", "I"] as const;
const KERNELS: Record<Method, (run: Run) => KernelResult> = {euler, paper2003, paper2004, rk4, adaptive};
const OPTION_KEYS = [
  "params",
  "v0",
  "u0",
  "current",
  "duration",
  "dt",
  "method",
  "vPeak",
  "equation",
  "tolerance",
  "maxSpikes",
  "maxSteps",
  "columns",
  "id",
  "name",
  "description"
];

/**
 * Simulates one Izhikevich neuron.
 *
 * Samples are taken at t = k·dt for k = 0..steps with steps = ⌈duration/dt⌉; "paper2004" runs one step more,
 * as figure1.m's `for t = 0:tau:T` does, so its last sample is at duration + dt. Bad input throws an error that
 * names the field, the value and what is allowed. Each option (and each key of params, equation and the current)
 * is read once, own keys only, and the copy is what is checked and run. A run that diverges, or reaches its spike
 * or step budget, stops there and says so in `warnings`; the columns then end at the last good sample.
 *
 * @example
 * const trace = simulate({params: {a: 0.02, b: 0.2, c: -65, d: 8}, current: 10, duration: 1000});
 * trace.spikes; // spike times in ms
 */
export function simulate(options: SimulateOptions): Trace {
  const o = checkKeys(options, "options", OPTION_KEYS) as Partial<SimulateOptions>;
  if (o.params === undefined) throw new TypeError("params: required ({a, b, c, d})");
  const params = checkParams(o.params);
  const equation = resolveEquation(o.equation);
  const method =
    o.method === undefined ? DEFAULTS.method : checkKeyword(o.method, "method", Object.keys(METHODS) as Method[]);
  if (o.duration === undefined) throw new TypeError("duration: required (ms, a finite number > 0)");
  const duration = checkNumber(o.duration, "duration", {min: 0, minExclusive: true});
  const dt = o.dt === undefined ? DEFAULTS.dt : checkNumber(o.dt, "dt", {min: 0, minExclusive: true, max: MAX_DT});
  const vPeak = o.vPeak === undefined ? DEFAULTS.vPeak : checkNumber(o.vPeak, "vPeak");
  if (!(vPeak > params.c)) {
    throw new RangeError(
      `vPeak: must be above the reset c = ${params.c} mV (at or below it the neuron fires every step), got ${vPeak}`
    );
  }
  const v0 = o.v0 === undefined ? DEFAULTS.v0 : checkNumber(o.v0, "v0", {max: vPeak, maxExclusive: true});
  const u0 = o.u0 === undefined ? params.b * v0 : checkNumber(o.u0, "u0");
  const tolerance =
    o.tolerance === undefined ? DEFAULTS.tolerance : checkNumber(o.tolerance, "tolerance", {min: 1e-14, max: 1e-2});
  const maxSpikes =
    o.maxSpikes === undefined ? DEFAULTS.maxSpikes : checkNumber(o.maxSpikes, "maxSpikes", {min: 1, integer: true});
  const maxSteps = o.maxSteps === undefined ? undefined : checkNumber(o.maxSteps, "maxSteps", {min: 1, integer: true});

  const current = checkCurrent(o.current);
  // figure1.m's `for t = 0:tau:T` runs one step more than the others.
  const steps = gridSteps(duration, dt, method === "paper2004" ? 1 : 0);
  const stimulus = compileStimulus(current, steps * dt);
  // The Euler kernel writes the sample times itself, in the same pass as v and u.
  const fillTime = method !== "euler";
  const columns =
    o.columns === undefined
      ? allocateColumns(steps, dt, stimulus, v0, u0, fillTime)
      : reuseColumns(o.columns, steps, dt, stimulus, v0, u0, fillTime);
  const spikes = new SpikeBuffer(maxSpikes);
  // The compiled stimulus's own copy: the caller's object is read once, when it is compiled.
  const piecewiseConstant = isPiecewiseConstant(stimulus.stimulus);
  const run: Run = {
    model: makeModel(params, equation),
    vPeak,
    dt,
    steps,
    stimulus,
    ...columns,
    spikes,
    tolerance,
    piecewiseConstant
  };
  if (maxSteps !== undefined) {
    if (method === "adaptive") run.stepBudget = maxSteps;
    else if (maxSteps < steps) run.steps = maxSteps | 0;
  }
  const result = KERNELS[method](run);
  if (run.steps < steps && result.reason === undefined && result.last === run.steps)
    result.reason = fixedStepBudgetReason(run.steps, dt);
  return traceFrom(columns, result, spikes, method, dt, o.columns !== undefined);
}

/** The warning of a fixed-step run cut at its `maxSteps`. */
function fixedStepBudgetReason(steps: number, dt: number): string {
  return `the budget of ${steps} steps (maxSteps) was reached at t = ${+(steps * dt).toFixed(6)} ms; the run stops there`;
}

/** The input current of a run: absent means 0; null is a mistake, not 0 (checked here, since `??` would hide it). */
export function checkCurrent(current: Stimulus | undefined | null): Stimulus {
  if (current === null) {
    throw new TypeError("current: must be a number or a stimulus object (absent means 0), got null");
  }
  return current ?? 0;
}

/**
 * The number of steps of a run of `duration` ms at `dt` ms: ⌈duration/dt⌉ (tolerating a ratio that is an
 * integer up to rounding, e.g. 1000/0.1) plus `extra`, checked against {@link SAMPLE_BUDGET}. Returned as an
 * int32 (`| 0`) so the kernels' loop counters stay small integers for V8, which makes them about 2× faster.
 */
export function gridSteps(duration: number, dt: number, extra = 0): number {
  const ratio = duration / dt;
  // Checked as a double before the int32 conversion, which would wrap a huge count to a small or negative one.
  const steps = Math.max(1, Math.ceil(ratio - 1e-9 * ratio)) + extra;
  if (!(steps + 1 <= SAMPLE_BUDGET)) {
    throw new RangeError(
      `duration: ${duration} ms at dt = ${dt} ms needs ${steps + 1} samples, above the sample budget of ${SAMPLE_BUDGET}; shorten the duration or raise dt`
    );
  }
  return steps | 0;
}

/**
 * The columns of a run on the grid t = k·dt, k = 0..steps: I filled, t filled unless `fillTime` is false (for a
 * kernel that writes it), v and u holding the initial state.
 */
export function allocateColumns(
  steps: number,
  dt: number,
  stimulus: CompiledStimulus,
  v0: number,
  u0: number,
  fillTime = true
) {
  const n = steps + 1;
  const columns = {t: new Float64Array(n), v: new Float64Array(n), u: new Float64Array(n), I: new Float64Array(n)};
  return prepareColumns(columns, dt, stimulus, v0, u0, fillTime);
}

/** Fills columns of the run's length: t (unless the kernel writes it), I from the stimulus, the initial state. */
function prepareColumns(
  columns: TraceColumns,
  dt: number,
  stimulus: CompiledStimulus,
  v0: number,
  u0: number,
  fillTime: boolean
): TraceColumns {
  const {t, v, u, I} = columns;
  stimulus.fill(I, 0, dt);
  v[0] = v0;
  u[0] = u0;
  // The loop last: V8 may compile this function in the middle of it (on-stack replacement) on its first call,
  // and code after the loop, not yet run then, would lack type feedback and deoptimise at every later call.
  if (fillTime) for (let k = 0; k < t.length; k++) t[k] = k * dt;
  return columns;
}

/**
 * The caller's columns ({@link SimulateOptions.columns}) prepared as {@link allocateColumns} prepares new ones:
 * checked, cut to the run's steps + 1 samples (views), I and t filled, the initial state in v[0] and u[0].
 */
export function reuseColumns(
  columns: TraceColumns,
  steps: number,
  dt: number,
  stimulus: CompiledStimulus,
  v0: number,
  u0: number,
  fillTime = true
): TraceColumns {
  const n = steps + 1;
  const given = checkKeys(columns, "columns", COLUMN_NAMES);
  const views = COLUMN_NAMES.map((name) => {
    const x = given[name];
    if (!(x instanceof Float64Array) || x.length < n) {
      const got = x instanceof Float64Array ? `a Float64Array of length ${x.length}` : describe(x);
      throw new TypeError(
        `columns.${name}: must be a Float64Array of at least ${n} elements (the samples), got ${got}`
      );
    }
    return x.subarray(0, n);
  });
  for (let i = 0; i < views.length; i++)
    for (let j = i + 1; j < views.length; j++) {
      const [x, y] = [views[i], views[j]];
      const overlap = x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength;
      if (x.buffer === y.buffer && overlap)
        throw new RangeError(`columns.${COLUMN_NAMES[i]} and columns.${COLUMN_NAMES[j]}: must not share elements`);
    }
  const [t, v, u, I] = views;
  return prepareColumns({t, v, u, I}, dt, stimulus, v0, u0, fillTime);
}

/**
 * The trace of a finished run: the columns cut after the kernel's last valid sample (copies, or views when
 * `views` is true, for columns the caller provided), and its warnings.
 */
export function traceFrom<M extends string>(
  columns: TraceColumns,
  result: KernelResult,
  spikes: SpikeBuffer,
  method: M,
  dt: number,
  views = false
): Omit<Trace, "method"> & {method: M} {
  const {t, I, v, u} = columns;
  const last = result.last + 1;
  const cut = (x: Float64Array) => (last >= x.length ? x : views ? x.subarray(0, last) : x.slice(0, last));
  return {
    t: cut(t),
    v: cut(v),
    u: cut(u),
    I: cut(I),
    spikes: spikes.toArray(),
    method,
    dt,
    steps: result.steps,
    warnings: result.reason ? [result.reason] : []
  };
}
