/**
 * `simulate2007`: checks the options of a 2007-model run (docs/science.md §3), prepares the output columns and runs
 * one integration method. Same conventions as `simulate`: samples on t = k·dt, errors that name the field, the
 * value and what is allowed, budgets, and warnings instead of NaN.
 */
import {adaptive2007} from "./integrators/adaptive2007.js";
import {euler2007} from "./integrators/euler.js";
import {SpikeBuffer, type KernelResult, type Run2007} from "./integrators/run.js";
import {
  checkCell2007,
  checkSpecial2007,
  makeModel2007,
  type Cell2007,
  type Special2007
} from "./models/izhikevich2007.js";
import {book2007} from "./schemes/book2007.js";
import {allocateColumns, checkCurrent, DEFAULTS, gridSteps, MAX_DT, traceFrom, type Trace} from "./simulate.js";
import {compileStimulus, type Stimulus} from "./stimuli/index.js";
import {checkKeys, checkKeyword, checkNumber} from "./validate.js";

/** The integration methods of {@link simulate2007}. */
export type Method2007 = "book" | "adaptive" | "euler";

/** The methods of {@link simulate2007}, with a one-line description each. */
export const METHODS_2007: Readonly<Record<Method2007, string>> = Object.freeze({
  adaptive:
    "Dormand–Prince 5(4) with error control; spikes located at vpeak + vpeakU·u, kinks and stimulus breakpoints split the steps (accurate; the default)",
  book: "the izhi2007.m Euler loop exactly, with its quirks (b and the FS branch from the new v, U at the old v, strict test for LTS/TC, the LTS cap on the whole u vector)",
  euler: "forward Euler of the equations as written, both derivatives and the branch from the old state"
});

/** Options of {@link simulate2007}. Presets such as `CELLS_2007.RS2007` are complete options objects. */
export interface Simulate2007Options {
  /** The nine parameters (C pF, k nS/mV, vr, vt, vpeak mV, a 1/ms, b nS, c mV, d pA), required. */
  cell: Cell2007;
  /** The book's cell-specific rules as data (LTS, FS, TC, RTN); default none. */
  special?: Special2007;
  /** Initial membrane potential (mV); default vr. Must be below the cut-off vpeak + vpeakU·u0. */
  v0?: number;
  /** Initial recovery variable (pA); default 0 (izhi2007.m). */
  u0?: number;
  /** Input current (pA): a number or a Stimulus; default 0. */
  current?: Stimulus;
  /** Length of the run (ms), required. */
  duration: number;
  /** Step (ms) of "book" and "euler"; for "adaptive", the output interval and the largest step. Default 2⁻⁵. */
  dt?: number;
  /** Integration method; default "adaptive". See {@link METHODS_2007}. */
  method?: Method2007;
  /** Error tolerance (relative and absolute, per step) of "adaptive"; default 1e-9. */
  tolerance?: number;
  /** The run stops, keeping what it has, once this many spikes occurred; default 100,000. */
  maxSpikes?: number;
  /** Identifier of a preset (ignored). */
  id?: string;
  /** Name of a preset (ignored). */
  name?: string;
  /** One-line description of a preset (ignored). */
  description?: string;
  /** The test currents (pA) of the published protocol (ignored; presets list them). */
  testCurrents?: number[];
}

/**
 * The result of {@link simulate2007}: `simulate`'s {@link Trace} with I in pA, u in pA and the 2007 method.
 * The spike sample holds the apex, vpeak + vpeakU·u at the spike, never more.
 */
export type Trace2007 = Omit<Trace, "method"> & {method: Method2007};

const KERNELS: Record<Method2007, (run: Run2007) => KernelResult> = {
  book: book2007,
  adaptive: adaptive2007,
  euler: euler2007
};
const OPTION_KEYS = [
  "cell",
  "special",
  "v0",
  "u0",
  "current",
  "duration",
  "dt",
  "method",
  "tolerance",
  "maxSpikes",
  "id",
  "name",
  "description",
  "testCurrents"
];

/**
 * Simulates one neuron of the generalised Izhikevich (2007) model.
 *
 * Samples are taken at t = k·dt for k = 0..⌈duration/dt⌉ (izhi2007.m stops one sample earlier, at duration − dt).
 * A run that diverges, reaches its spike or step budget, or whose reset lands above the cut-off stops there and
 * says so in `warnings`; the columns then end at the last good sample. Options are read once, own keys only, as
 * in `simulate`.
 *
 * @example
 * const trace = simulate2007(CELLS_2007.RS2007); // izhi2007.m's RS panel at 60 pA
 * const accurate = simulate2007({...CELLS_2007.RS2007, method: "adaptive"});
 */
export function simulate2007(options: Simulate2007Options): Trace2007 {
  const o = checkKeys(options, "options", OPTION_KEYS) as Partial<Simulate2007Options>;
  if (o.cell === undefined) throw new TypeError("cell: required ({C, k, vr, vt, vpeak, a, b, c, d})");
  const cell = checkCell2007(o.cell);
  const special = checkSpecial2007(o.special);
  const model = makeModel2007(cell, special);
  if (special.vpeakU === undefined && special.cU === undefined && !(cell.vpeak > cell.c)) {
    throw new RangeError(
      `cell.vpeak: must be above the reset cell.c = ${cell.c} mV (at or below it the cell fires every step), got ${cell.vpeak}`
    );
  }
  const method =
    o.method === undefined ? "adaptive" : checkKeyword(o.method, "method", Object.keys(METHODS_2007) as Method2007[]);
  if (o.duration === undefined) throw new TypeError("duration: required (ms, a finite number > 0)");
  const duration = checkNumber(o.duration, "duration", {min: 0, minExclusive: true});
  const dt = o.dt === undefined ? DEFAULTS.dt : checkNumber(o.dt, "dt", {min: 0, minExclusive: true, max: MAX_DT});
  const u0 = o.u0 === undefined ? 0 : checkNumber(o.u0, "u0");
  const peak0 = model.vpeak + model.vpeakU * u0;
  const v0 = o.v0 === undefined ? cell.vr : checkNumber(o.v0, "v0", {max: peak0, maxExclusive: true});
  if (!(v0 < peak0))
    throw new RangeError(`v0: must be below the cut-off vpeak + vpeakU·u0 = ${peak0} mV, got ${v0} (the default vr)`);
  const tolerance =
    o.tolerance === undefined ? DEFAULTS.tolerance : checkNumber(o.tolerance, "tolerance", {min: 1e-14, max: 1e-2});
  const maxSpikes =
    o.maxSpikes === undefined ? DEFAULTS.maxSpikes : checkNumber(o.maxSpikes, "maxSpikes", {min: 1, integer: true});
  if (o.testCurrents !== undefined) {
    if (!Array.isArray(o.testCurrents))
      throw new TypeError(`testCurrents: must be an array of finite numbers (pA), got ${typeof o.testCurrents}`);
    o.testCurrents.forEach((x, i) => checkNumber(x, `testCurrents[${i}]`));
  }

  const current = checkCurrent(o.current);
  const steps = gridSteps(duration, dt);
  const stimulus = compileStimulus(current, steps * dt);
  const columns = allocateColumns(steps, dt, stimulus, v0, u0);
  const spikes = new SpikeBuffer(maxSpikes);
  return traceFrom(
    columns,
    KERNELS[method]({model, dt, steps, stimulus, ...columns, spikes, tolerance}),
    spikes,
    method,
    dt
  );
}
