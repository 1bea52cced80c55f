/**
 * What the excitability measurements (fICurve.ts, rheobase.ts, latencyCurve.ts, excitabilityClass.ts) share:
 * their simulation settings, the list of currents they sweep, and one run at a constant current from a given
 * state (the stable rest or another equilibrium, from the closed forms of equilibria.ts and bifurcationCurrents.ts);
 * and how a resumable measurement (a generator that yields after each run) is run to its end.
 *
 * Units: t in ms, so rates are 1000 × spikes per ms = Hz (spikes per second); I in the paper's units (a
 * current normalised by capacitance, mV/ms); v in mV.
 */
import {resolveEquation} from "../models/izhikevich2003.js";
import {simulate, type SimulateOptions} from "../simulate.js";
import type {Equation, Params} from "../models/izhikevich2003.js";
import type {Method} from "../simulate.js";
import {checkKeys, checkKeyword, checkNumber} from "../validate.js";
import {bifurcationCurrents} from "./bifurcationCurrents.js";
import {equilibria, restState} from "./equilibria.js";

/** A list of currents, or an even grid of `count` currents from `from` to `to` inclusive (mV/ms). */
export type CurrentRange = number[] | {from: number; to: number; count: number};

/** The simulation settings every excitability measurement shares. */
export interface RunSettings {
  /** The four parameters (required). */
  params: Params;
  /** The quadratic's coefficients and the u-equation; default 0.04, 5, 140, "standard". */
  equation?: Partial<Equation>;
  /** Integration method; default "adaptive". */
  method?: Method;
  /** Step (fixed-step methods) or sampling interval (adaptive), ms; default 0.25 (adaptive keeps its accuracy). */
  dt?: number;
  /** Spike cut-off (mV); default 30. */
  vPeak?: number;
}

/** A state (v in mV, u in mV/ms). */
export interface State {
  v: number;
  u: number;
}

/** The option names of {@link RunSettings}. */
export const SETTING_KEYS = ["params", "equation", "method", "dt", "vPeak"];
const METHOD_NAMES: Method[] = ["adaptive", "rk4", "euler", "paper2003", "paper2004"];

/** The settings resolved, with their defaults. */
export interface ResolvedSettings {
  params: Params;
  equation: Equation;
  method: Method;
  dt: number;
  vPeak: number;
}

/** Checks the settings every measurement shares; messages start with the function's name `fn`. */
export function resolveSettings(fn: string, o: Record<string, unknown>): ResolvedSettings {
  if (o.params === undefined) throw new TypeError(`${fn}: params is required ({a, b, c, d})`);
  const p = checkKeys(o.params, `${fn}: params`, ["a", "b", "c", "d"]);
  const params = {
    a: checkNumber(p.a, `${fn}: params.a`),
    b: checkNumber(p.b, `${fn}: params.b`),
    c: checkNumber(p.c, `${fn}: params.c`),
    d: checkNumber(p.d, `${fn}: params.d`)
  };
  return {
    params,
    equation: resolveEquation(o.equation as Partial<Equation> | undefined, `${fn}: equation`),
    method: o.method === undefined ? "adaptive" : checkKeyword(o.method, `${fn}: method`, METHOD_NAMES),
    dt: o.dt === undefined ? 0.25 : checkNumber(o.dt, `${fn}: dt`, {min: 0, minExclusive: true, max: 1}),
    vPeak: o.vPeak === undefined ? 30 : checkNumber(o.vPeak, `${fn}: vPeak`)
  };
}

/** The currents of a {@link CurrentRange}, checked. */
export function currentList(range: CurrentRange, field: string): number[] {
  if (Array.isArray(range)) {
    if (range.length === 0) throw new RangeError(`${field}: must hold at least one current, got an empty array`);
    return range.map((x, i) => checkNumber(x, `${field}[${i}]`));
  }
  const r = checkKeys(range, field, ["from", "to", "count"]);
  const from = checkNumber(r.from, `${field}.from`);
  const to = checkNumber(r.to, `${field}.to`);
  const count = checkNumber(r.count, `${field}.count`, {min: 1, max: 10_000, integer: true});
  if (count === 1) return [from];
  return Array.from({length: count}, (_, k) => (k === count - 1 ? to : from + ((to - from) * k) / (count - 1)));
}

/** The required option `key` of `o`, a {@link CurrentRange}, as its checked list of currents. */
export function requiredCurrents(fn: string, o: Record<string, unknown>, key: string): number[] {
  if (o[key] === undefined)
    throw new TypeError(`${fn}: ${key} is required (an array of currents or {from, to, count})`);
  return currentList(o[key] as CurrentRange, `${fn}: ${key}`);
}

/** The option `duration` (ms) of each run: in (0, max], `fallback` when omitted. */
export function checkDuration(fn: string, value: unknown, fallback: number, max = 1e5): number {
  return value === undefined ? fallback : checkNumber(value, `${fn}: duration`, {min: 0, minExclusive: true, max});
}

/**
 * The option `transient` (ms), the start of each run that a steady rate discards: in [0, duration),
 * min(fallback, duration / 2) when omitted.
 */
export function checkTransient(fn: string, value: unknown, fallback: number, duration: number): number {
  return value === undefined
    ? Math.min(fallback, duration / 2)
    : checkNumber(value, `${fn}: transient`, {min: 0, max: duration, maxExclusive: true});
}

/** Has a stable rest at I? (Always false when the phase-plane formulas do not apply, e.g. a = 0.) */
export function restAt(s: ResolvedSettings, I: number): State | null {
  if (s.params.a === 0 || !(s.equation.e > 0)) return null;
  const rest = restState(s.params, I, s.equation);
  return rest ? {v: rest.v, u: rest.u} : null;
}

/** The start of rheobase's quasi-static protocol: the equilibrium of this current (nudged if it is not stable). */
export function quasiStaticStart(s: ResolvedSettings, I: number): State {
  const rest = restAt(s, I);
  if (rest) return rest;
  const eqs = s.params.a === 0 ? [] : equilibria(s.params, I, s.equation);
  // The non-saddle equilibrium has lost stability (Hopf side): start on it, nudged so that it can leave.
  const node = eqs.find((p) => p.type !== "saddle");
  if (node) return {v: node.v + 1e-3, u: node.u};
  // Above the fold: start where the two equilibria vanished (the "ghost" that sets the slow passage).
  const bif = bifurcationCurrents(s.params, s.equation);
  const v = bif.vSaddleNode ?? s.params.c;
  return {v, u: s.params.b * v};
}

/** One run at constant current I from `start`; returns the spike times and the state at the end. */
export function runAt(s: ResolvedSettings, I: number, start: State, duration: number, maxSpikes = 100_000) {
  const options: SimulateOptions = {
    params: s.params,
    equation: s.equation,
    method: s.method,
    dt: s.dt,
    vPeak: s.vPeak,
    v0: Math.min(start.v, s.vPeak - 1e-9),
    u0: start.u,
    current: I,
    duration,
    maxSpikes
  };
  const trace = simulate(options);
  const n = trace.v.length - 1;
  // A sample that ends a spike step holds vPeak; the state itself went on from the reset value c.
  const v = trace.v[n]! >= s.vPeak ? s.params.c : trace.v[n]!;
  return {
    spikes: trace.spikes,
    end: {v, u: trace.u[n]!},
    warnings: trace.warnings,
    tEnd: Math.min(duration, trace.t[n]!)
  };
}

/** A state {v, u} given as an option, checked. */
export function checkState(fn: string, field: string, value: unknown): State {
  const q = checkKeys(value, `${fn}: ${field}`, ["v", "u"]);
  return {v: checkNumber(q.v, `${fn}: ${field}.v`), u: checkNumber(q.u, `${fn}: ${field}.u`)};
}

/** Number of spike times ≥ t0 (spike times are increasing). */
export function countFrom(spikes: Float64Array, t0: number): number {
  let i = 0;
  while (i < spikes.length && spikes[i]! < t0) i++;
  return spikes.length - i;
}

/** The value of a resumable computation run to its end (fICurveSteps, rheobaseSteps, excitabilityClassSteps). */
export function runToEnd<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
