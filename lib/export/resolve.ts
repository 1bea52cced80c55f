/**
 * The options of a run with every default filled in, checked by the library itself: the exporters run the very
 * `simulate` (or `simulate2007`) call they export, so bad input throws the library's own error naming the field,
 * and the trace gives the run's steps and samples.
 */
import {resolveEquation, type Equation, type Params} from "../models/izhikevich2003.js";
import {checkSpecial2007, type Cell2007, type Special2007} from "../models/izhikevich2007.js";
import {DEFAULTS, simulate, type Method, type SimulateOptions, type Trace} from "../simulate.js";
import {simulate2007, type Method2007, type Simulate2007Options, type Trace2007} from "../simulate2007.js";
import type {Stimulus} from "../stimuli/index.js";

/** A checked 2003-model run with its defaults filled in. */
export interface Run2003 {
  model: "2003";
  options: SimulateOptions;
  params: Params;
  equation: Equation;
  v0: number;
  u0: number;
  vPeak: number;
  dt: number;
  duration: number;
  method: Method;
  current: Stimulus;
  trace: Trace;
}

/** A checked 2007-model run with its defaults filled in. */
export interface Run2007 {
  model: "2007";
  options: Simulate2007Options;
  cell: Cell2007;
  special: Special2007;
  v0: number;
  u0: number;
  dt: number;
  duration: number;
  method: Method2007;
  current: Stimulus;
  trace: Trace2007;
}

/**
 * Which model an options object is for: `simulate2007`'s options have `cell`, `simulate`'s have `params`.
 * Throws when it has both or neither.
 */
export function modelOf(options: unknown): "2003" | "2007" {
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new TypeError(`options: must be an object (simulate's or simulate2007's options), got ${typeof options}`);
  const has2003 = "params" in options;
  const has2007 = "cell" in options;
  if (has2003 && has2007)
    throw new RangeError("options: has both params (simulate) and cell (simulate2007); allowed: one of them");
  if (!has2003 && !has2007)
    throw new TypeError(
      "options: needs params ({a, b, c, d}, for simulate), cell (for simulate2007) or ne/ni (simulateNetwork's options, to brian2 only)"
    );
  return has2003 ? "2003" : "2007";
}

/** Checks 2003-model options by running them, and fills in the defaults. */
export function resolve2003(options: SimulateOptions): Run2003 {
  const trace = simulate(withoutColumns(options));
  const o = options;
  const v0 = o.v0 ?? DEFAULTS.v0;
  return {
    model: "2003",
    options: withoutColumns(o),
    params: {a: o.params.a, b: o.params.b, c: o.params.c, d: o.params.d},
    equation: resolveEquation(o.equation),
    v0,
    u0: o.u0 ?? o.params.b * v0,
    vPeak: o.vPeak ?? DEFAULTS.vPeak,
    dt: trace.dt,
    duration: o.duration,
    method: trace.method,
    current: o.current ?? 0,
    trace
  };
}

/** Checks 2007-model options by running them, and fills in the defaults. */
export function resolve2007(options: Simulate2007Options): Run2007 {
  const trace = simulate2007(options);
  const o = options;
  const {C, k, vr, vt, vpeak, a, b, c, d} = o.cell;
  return {
    model: "2007",
    options: o,
    cell: {C, k, vr, vt, vpeak, a, b, c, d},
    special: checkSpecial2007(o.special),
    v0: o.v0 ?? vr,
    u0: o.u0 ?? 0,
    dt: trace.dt,
    duration: o.duration,
    method: trace.method,
    current: o.current ?? 0,
    trace
  };
}

/** The options without `columns` (caller-owned output arrays, which an export neither needs nor can carry). */
export function withoutColumns(options: SimulateOptions): SimulateOptions {
  if (typeof options !== "object" || options === null || !("columns" in options)) return options;
  const copy = {...options};
  delete copy.columns;
  return copy;
}
