/**
 * Excitability by simulation: f–I curves (quasi-static up and down sweeps, with hysteresis), rheobase under a
 * stated protocol, first-spike latency against step amplitude, and a Class 1 / Class 2 verdict.
 *
 * Units: t in ms, so rates are 1000 × spikes per ms = Hz (spikes per second); I in the paper's units (a
 * current normalised by capacitance, mV/ms); v in mV. The closed-form side (bifurcation currents) comes from
 * phasePlane.ts; see SCIENCE.md §4 for why the simulated rheobase depends on the protocol.
 */
import {resolveEquation} from "../model.js";
import {simulate, type SimulateOptions} from "../simulate.js";
import type {Equation, Method, Params} from "../types.js";
import {checkKeys, checkKeyword, checkNumber, describe} from "../validate.js";
import {bifurcationCurrents, equilibria, restState} from "./phasePlane.js";

// ─────────────────────────────── shared options ───────────────────────────────

/** A list of currents, or an even grid of `count` currents from `from` to `to` inclusive (mV/ms). */
export type CurrentRange = number[] | {from: number; to: number; count: number};

/** The simulation settings every function here shares. */
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

const SETTING_KEYS = ["params", "equation", "method", "dt", "vPeak"];
const METHOD_NAMES: Method[] = ["adaptive", "rk4", "euler", "paper2003", "paper2004"];

interface Resolved {
  params: Params;
  equation: Equation;
  method: Method;
  dt: number;
  vPeak: number;
}

function resolveSettings(fn: string, o: Record<string, unknown>): Resolved {
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

/** Has a stable rest at I? (Always false when the phase-plane formulas do not apply, e.g. a = 0.) */
function restAt(s: Resolved, I: number): State | null {
  if (s.params.a === 0 || !(s.equation.e > 0)) return null;
  const rest = restState(s.params, I, s.equation);
  return rest ? {v: rest.v, u: rest.u} : null;
}

/** One run at constant current I from `start`; returns the spike times and the state at the end. */
function runAt(s: Resolved, I: number, start: State, duration: number, maxSpikes = 100_000) {
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

// ─────────────────────────────── f–I curves ───────────────────────────────

/** Options of {@link fICurve}. */
export interface FICurveOptions extends RunSettings {
  /** The currents (mV/ms), swept in increasing order (up) or decreasing order (down). */
  currents: CurrentRange;
  /** Simulated time at each current (ms); default 1000. */
  duration?: number;
  /** Initial part of each run that is discarded for the steady-state rate (ms), < duration; default 300. */
  transient?: number;
  /** "up" (increasing I), "down" (decreasing I) or "both"; default "up". */
  direction?: "up" | "down" | "both";
  /**
   * State at the first current of a sweep when there is no stable rest there; default: the rest state at
   * I = 0 if it exists, else (c, b·c).
   */
  start?: State;
  /** Called after each simulated current with (done, total) over all sweeps. */
  onProgress?: (done: number, total: number) => void;
}

/** The firing at one current of a sweep. */
export interface FIPoint {
  /** Current (mV/ms). */
  I: number;
  /**
   * Steady-state rate (Hz): spikes in [transient, duration) × 1000 / (duration − transient). If the run stopped
   * early (see `warnings`), the window ends where it stopped (and starts at 0 if it stopped within the transient).
   */
  rate: number;
  /** 1000 / the first inter-spike interval of this run (Hz), or null with fewer than two spikes. */
  firstIsiRate: number | null;
  /** Number of spikes in the steady-state window. */
  spikes: number;
  /** Number of spikes in the whole run at this current, transient included. */
  totalSpikes: number;
  /** Whether the run started on the stable rest state of this current (true only for a sweep's first point). */
  startedAtRest: boolean;
}

/** A quasi-static sweep: each current starts from the final state of the previous one. */
export interface FISweep {
  direction: "up" | "down";
  /** Points in the order they were simulated. */
  points: FIPoint[];
  /** How the first point started, in words. */
  start: string;
}

/** An interval of currents where the up and down sweeps differ (hysteresis, i.e. coexisting rest and spiking). */
export interface HysteresisInterval {
  /** Lowest and highest grid currents (mV/ms) at which the sweeps differ. */
  from: number;
  to: number;
}

/** Result of {@link fICurve}. */
export interface FICurve {
  /** The up sweep (direction "up" or "both"), else null. */
  up: FISweep | null;
  /** The down sweep (direction "down" or "both"), else null; its points are in decreasing I. */
  down: FISweep | null;
  /** Where up and down differ (only for "both"; empty otherwise). */
  hysteresis: HysteresisInterval[];
  /** Duration, transient and window (ms) used. */
  duration: number;
  transient: number;
  /** Warnings from the runs (each once). */
  warnings: string[];
}

/**
 * The firing rate against a constant current, swept quasi-statically: the first current of a sweep starts
 * from the stable rest state at that current if there is one (else from `start`), and every later current
 * from the final state of the previous one. Sweeping up and down therefore shows hysteresis where a stable
 * rest coexists with spiking (the up sweep stays at rest, the down sweep keeps spiking).
 *
 * Two sweeps "differ" at a current when one is silent in the steady-state window and the other is not, or
 * their rates differ by more than 10 % and 1000/window Hz (one spike's worth).
 *
 * @throws RangeError/TypeError naming the field, the value and what is allowed.
 */
export function fICurve(options: FICurveOptions): FICurve {
  const fn = "fICurve";
  const o = checkKeys(options, `${fn}: options`, [
    ...SETTING_KEYS,
    "currents",
    "duration",
    "transient",
    "direction",
    "start",
    "onProgress"
  ]);
  const s = resolveSettings(fn, o);
  if (o.currents === undefined)
    throw new TypeError(`${fn}: currents is required (an array of currents or {from, to, count})`);
  const currents = [...currentList(o.currents as CurrentRange, `${fn}: currents`)].sort((x, y) => x - y);
  const duration =
    o.duration === undefined
      ? 1000
      : checkNumber(o.duration, `${fn}: duration`, {min: 0, minExclusive: true, max: 1e6});
  const transient =
    o.transient === undefined
      ? Math.min(300, duration / 2)
      : checkNumber(o.transient, `${fn}: transient`, {min: 0, max: duration, maxExclusive: true});
  const direction =
    o.direction === undefined ? "up" : checkKeyword(o.direction, `${fn}: direction`, ["up", "down", "both"] as const);
  const start = o.start === undefined ? undefined : checkState(fn, "start", o.start);
  if (o.onProgress !== undefined && typeof o.onProgress !== "function") {
    throw new TypeError(`${fn}: onProgress must be a function (done, total) => void, got ${describe(o.onProgress)}`);
  }
  const onProgress = o.onProgress as FICurveOptions["onProgress"];

  const sweeps = direction === "both" ? 2 : 1;
  const total = sweeps * currents.length;
  let done = 0;
  const warnings = new Set<string>();
  const fallback = start ?? restAt(s, 0) ?? {v: s.params.c, u: s.params.b * s.params.c};
  const fallbackText = start ? "the given start state" : restAt(s, 0) ? "the rest state at I = 0" : "(v, u) = (c, b·c)";
  // Enough spikes for any rate up to 2 kHz; more only means the run has become meaningless.
  const maxSpikes = Math.max(100, Math.ceil(duration * 2));

  const sweep = (dir: "up" | "down"): FISweep => {
    const order = dir === "up" ? currents : [...currents].reverse();
    const points: FIPoint[] = [];
    let state: State | null = null;
    let startText = "";
    for (const I of order) {
      let startedAtRest = false;
      if (state === null) {
        const rest = restAt(s, I);
        startedAtRest = rest !== null;
        state = rest ?? fallback;
        startText = rest ? `the stable rest state at I = ${I}` : `${fallbackText} (no stable rest at I = ${I})`;
      }
      const run = runAt(s, I, state, duration, maxSpikes);
      for (const w of run.warnings) warnings.add(`I = ${I}: ${w}`);
      // A run cut short (spike budget, divergence; said in `warnings`) is rated over the part of the window
      // that ran, or over the whole run if it stopped within the transient.
      const from = run.tEnd > transient ? transient : 0;
      const inWindow = countFrom(run.spikes, from);
      points.push({
        I,
        rate: run.tEnd > 0 ? (inWindow * 1000) / (run.tEnd - from) : 0,
        firstIsiRate: run.spikes.length >= 2 ? 1000 / (run.spikes[1]! - run.spikes[0]!) : null,
        spikes: inWindow,
        totalSpikes: run.spikes.length,
        startedAtRest
      });
      state = run.end;
      onProgress?.(++done, total);
    }
    return {direction: dir, points, start: startText};
  };

  const up = direction === "down" ? null : sweep("up");
  const down = direction === "up" ? null : sweep("down");
  const hysteresis = up && down ? differences(up, down, 1000 / (duration - transient)) : [];
  return {up, down, hysteresis, duration, transient, warnings: [...warnings]};
}

function checkState(fn: string, field: string, value: unknown): State {
  const q = checkKeys(value, `${fn}: ${field}`, ["v", "u"]);
  return {v: checkNumber(q.v, `${fn}: ${field}.v`), u: checkNumber(q.u, `${fn}: ${field}.u`)};
}

/** Number of spike times ≥ t0 (spike times are increasing). */
function countFrom(spikes: Float64Array, t0: number): number {
  let i = 0;
  while (i < spikes.length && spikes[i]! < t0) i++;
  return spikes.length - i;
}

/** Contiguous runs of grid currents where the up and down rates differ. */
function differences(up: FISweep, down: FISweep, oneSpike: number): HysteresisInterval[] {
  const downAt = new Map(down.points.map((p) => [p.I, p.rate]));
  const intervals: HysteresisInterval[] = [];
  let open: HysteresisInterval | null = null;
  for (const p of up.points) {
    const q = downAt.get(p.I)!;
    const silentOne = (p.rate === 0) !== (q === 0);
    const differ = silentOne || Math.abs(p.rate - q) > Math.max(oneSpike, 0.1 * Math.max(p.rate, q));
    if (differ) {
      if (open) open.to = p.I;
      else intervals.push((open = {from: p.I, to: p.I}));
    } else open = null;
  }
  return intervals;
}

// ─────────────────────────────── rheobase ───────────────────────────────

/** The rheobase protocols. */
export const RHEOBASE_PROTOCOLS = {
  "step from rest":
    "a current step applied to the neuron resting at I = 0: the smallest step amplitude that fires at least one spike within the run",
  "quasi-static":
    "the neuron starts on the equilibrium of the same current (the stable rest, or the unstable equilibrium nudged by +0.001 mV where the rest has lost stability, or the fold point above the fold): the smallest current that fires within the run; converges to the bifurcation current of the rest state"
} as const;

export type RheobaseProtocol = keyof typeof RHEOBASE_PROTOCOLS;

/** Options of {@link rheobase}. */
export interface RheobaseOptions extends RunSettings {
  /** Which protocol; default "step from rest". */
  protocol?: RheobaseProtocol;
  /** Length of each trial run (ms); default 1000. Longer runs find slower first spikes (lower rheobase). */
  duration?: number;
  /** Bisection stops when the bracket is narrower than this (mV/ms); default 1e-3. */
  tolerance?: number;
  /** Bracket [low, high] (mV/ms): low must not fire, high must; default: low 0, high found by doubling from 1. */
  bracket?: [number, number];
}

/** Result of {@link rheobase}. */
export interface Rheobase {
  /** The smallest current found to fire (mV/ms): the upper end of the final bracket. */
  current: number;
  protocol: RheobaseProtocol;
  /** The protocol in words. */
  description: string;
  /** Width of the final bracket (mV/ms): the true value lies within [current − tolerance, current]. */
  tolerance: number;
}

/**
 * The rheobase (minimal current that makes the neuron fire) by bisection, under a stated protocol
 * ({@link RHEOBASE_PROTOCOLS}). The two differ a lot when u is slow: a step from rest escapes before u adapts,
 * while the quasi-static rheobase tends to I_sn (integrators) or I_AH (resonators) as the run grows
 * (SCIENCE.md §4).
 *
 * @throws RangeError/TypeError for bad options; Error if no firing current is found up to 1e4 or the lower
 *   end of the bracket already fires.
 */
export function rheobase(options: RheobaseOptions): Rheobase {
  const fn = "rheobase";
  const o = checkKeys(options, `${fn}: options`, [...SETTING_KEYS, "protocol", "duration", "tolerance", "bracket"]);
  const s = resolveSettings(fn, o);
  const protocol =
    o.protocol === undefined
      ? "step from rest"
      : checkKeyword(o.protocol, `${fn}: protocol`, Object.keys(RHEOBASE_PROTOCOLS) as RheobaseProtocol[]);
  const duration =
    o.duration === undefined
      ? 1000
      : checkNumber(o.duration, `${fn}: duration`, {min: 0, minExclusive: true, max: 1e5});
  const tolerance =
    o.tolerance === undefined ? 1e-3 : checkNumber(o.tolerance, `${fn}: tolerance`, {min: 1e-12, max: 100});

  let fires: (I: number) => boolean;
  if (protocol === "step from rest") {
    const rest = restAt(s, 0);
    if (!rest)
      throw new RangeError(
        `${fn}: protocol "step from rest" needs a stable rest state at I = 0, and params ${describe(s.params)} have none; use "quasi-static"`
      );
    fires = (I) => runAt(s, I, rest, duration, 1).spikes.length > 0;
  } else {
    fires = (I) => runAt(s, I, quasiStaticStart(s, I), duration, 1).spikes.length > 0;
  }

  let lo: number;
  let hi: number;
  if (o.bracket !== undefined) {
    if (!Array.isArray(o.bracket) || o.bracket.length !== 2)
      throw new TypeError(`${fn}: bracket must be [low, high], got ${describe(o.bracket)}`);
    lo = checkNumber(o.bracket[0], `${fn}: bracket[0]`);
    hi = checkNumber(o.bracket[1], `${fn}: bracket[1]`, {min: lo, minExclusive: true});
    if (!fires(hi)) throw new Error(`${fn}: the upper end of the bracket, ${hi}, does not fire within ${duration} ms`);
  } else {
    lo = 0;
    hi = 1;
    while (!fires(hi)) {
      lo = hi;
      hi *= 2;
      if (hi > 1e4)
        throw new Error(`${fn}: no current up to 1e4 fires within ${duration} ms under protocol "${protocol}"`);
    }
  }
  if (fires(lo))
    throw new Error(
      `${fn}: the lower end of the bracket, ${lo}, already fires under protocol "${protocol}"; give a lower bracket`
    );
  while (hi - lo > tolerance) {
    const mid = (lo + hi) / 2;
    if (fires(mid)) hi = mid;
    else lo = mid;
  }
  return {current: hi, protocol, description: RHEOBASE_PROTOCOLS[protocol], tolerance: hi - lo};
}

/** The quasi-static protocol's start: the equilibrium of this current (nudged if it is not stable). */
function quasiStaticStart(s: Resolved, I: number): State {
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

// ─────────────────────────────── latency ───────────────────────────────

/** Options of {@link latencyCurve}. */
export interface LatencyOptions extends RunSettings {
  /** Step amplitudes (mV/ms). */
  amplitudes: CurrentRange;
  /** Length of each run after the step onset (ms); default 500. */
  duration?: number;
  /** Holding current before the step (mV/ms); the neuron starts on its rest state there; default 0. */
  baseline?: number;
}

/** One point of a latency curve. */
export interface LatencyPoint {
  /** Step amplitude (mV/ms); the current during the step is baseline + I. */
  I: number;
  /** Time from step onset to the first spike (ms), or null if there is none within the run. */
  latency: number | null;
}

/**
 * First-spike latency against the amplitude of a current step applied at t = 0 to the neuron resting at the
 * baseline current. Near rheobase the latency grows without bound for an integrator (the slow passage near
 * the saddle-node's ghost) but stays bounded for a resonator.
 *
 * @throws RangeError/TypeError naming the field; RangeError if there is no stable rest at the baseline.
 */
export function latencyCurve(options: LatencyOptions): LatencyPoint[] {
  const fn = "latencyCurve";
  const o = checkKeys(options, `${fn}: options`, [...SETTING_KEYS, "amplitudes", "duration", "baseline"]);
  const s = resolveSettings(fn, o);
  if (o.amplitudes === undefined)
    throw new TypeError(`${fn}: amplitudes is required (an array of currents or {from, to, count})`);
  const amplitudes = currentList(o.amplitudes as CurrentRange, `${fn}: amplitudes`);
  const duration =
    o.duration === undefined ? 500 : checkNumber(o.duration, `${fn}: duration`, {min: 0, minExclusive: true, max: 1e5});
  const baseline = o.baseline === undefined ? 0 : checkNumber(o.baseline, `${fn}: baseline`);
  const rest = restAt(s, baseline);
  if (!rest)
    throw new RangeError(
      `${fn}: baseline ${baseline} has no stable rest state for params ${describe(s.params)}; choose another baseline`
    );
  return amplitudes.map((I) => {
    const run = runAt(s, baseline + I, rest, duration, 1);
    return {I, latency: run.spikes.length ? run.spikes[0]! : null};
  });
}

// ─────────────────────────────── Class 1 / Class 2 ───────────────────────────────

/** Options of {@link excitabilityClass}. */
export interface ExcitabilityClassOptions extends RunSettings {
  /** Length of each run (ms); default 2000 (long runs resolve low rates). */
  duration?: number;
  /** Discarded start of each run (ms); default 500. */
  transient?: number;
  /** How far above the onset current to probe (mV/ms); default max(0.05, 5 % of |onset|). */
  probe?: number;
}

/** The verdict of {@link excitabilityClass} with its evidence. */
export interface ExcitabilityClass {
  verdict: "class 1" | "class 2" | "class 3" | "not excitable";
  /** One sentence saying why. */
  reason: string;
  /** The quasi-static rheobase (mV/ms): where sustained firing may start. */
  onsetCurrent: number | null;
  /**
   * Settled rates (Hz) at onset + probe·(1/64, 1/16, 1/4, 1), lowest current first: 1000 / the last ISI when
   * two or more spikes fall after the transient, else the count in the window per second.
   */
  probes: {I: number; rate: number}[];
  /** How the rest state is lost (closed form, phasePlane.ts). */
  restLoss: "saddle-node" | "andronov-hopf" | null;
  saddleNode: number | null;
  hopf: number | null;
}

/**
 * Class 1 (the steady rate rises continuously from 0 Hz above onset), Class 2 (it jumps to a finite rate),
 * Class 3 (only transient spikes, no sustained firing) — Hodgkin's classes as the 2004 paper uses them.
 *
 * Method: find the quasi-static onset current (the quasi-static rheobase, accurate to 1e-4), then measure
 * the settled rate at onset + probe·{1/64, 1/16, 1/4, 1}. A square-root onset (Class 1) makes the
 * rate at 1/64 of the probe about 1/8 of the rate at the full probe; a finite jump keeps it close. The verdict
 * is Class 1 when the lowest probe's rate is below 40 % of the highest, Class 2 otherwise; Class 3 when
 * spikes occur but none survive the transient.
 */
export function excitabilityClass(options: ExcitabilityClassOptions): ExcitabilityClass {
  const fn = "excitabilityClass";
  const o = checkKeys(options, `${fn}: options`, [...SETTING_KEYS, "duration", "transient", "probe"]);
  const s = resolveSettings(fn, o);
  const duration =
    o.duration === undefined
      ? 2000
      : checkNumber(o.duration, `${fn}: duration`, {min: 0, minExclusive: true, max: 1e5});
  const transient =
    o.transient === undefined
      ? Math.min(500, duration / 2)
      : checkNumber(o.transient, `${fn}: transient`, {min: 0, max: duration, maxExclusive: true});
  const bif = s.params.a !== 0 ? bifurcationCurrents(s.params, s.equation) : null;
  const base = {restLoss: bif?.restLoss ?? null, saddleNode: bif?.saddleNode ?? null, hopf: bif?.hopf ?? null};
  const settings = {params: s.params, equation: s.equation, method: s.method, dt: s.dt, vPeak: s.vPeak};

  if (s.params.a < 0) {
    const reason =
      "With a < 0 the rest state is lost by lowering I (inhibition-induced firing, SCIENCE.md §4), so the rising-current test of Class 1 / Class 2 does not apply.";
    return {...base, verdict: "not excitable", reason, onsetCurrent: null, probes: []};
  }
  let onset: number;
  try {
    onset = rheobase({
      ...settings,
      protocol: "quasi-static",
      duration,
      tolerance: 1e-4,
      bracket: bracketFor(s, bif)
    }).current;
  } catch (error) {
    return {
      ...base,
      verdict: "not excitable",
      reason: `No current fires under the quasi-static protocol (${(error as Error).message}).`,
      onsetCurrent: null,
      probes: []
    };
  }
  const probe =
    o.probe === undefined
      ? Math.max(0.05, 0.05 * Math.abs(onset))
      : checkNumber(o.probe, `${fn}: probe`, {min: 0, minExclusive: true});
  const probes = [1 / 64, 1 / 16, 1 / 4, 1].map((k) => {
    const I = onset + k * probe;
    const run = runAt(s, I, quasiStaticStart(s, I), duration, Math.ceil(duration * 2));
    return {I, rate: settledRate(run.spikes, transient, duration)};
  });
  const lowest = probes[0]!.rate;
  const highest = probes[probes.length - 1]!.rate;
  if (highest === 0) {
    return {
      ...base,
      verdict: "class 3",
      reason: `Spikes occur from I = ${fmt(onset)} but none are sustained past ${transient} ms at up to ${fmt(onset + probe)}: only transient firing.`,
      onsetCurrent: onset,
      probes
    };
  }
  if (lowest < 0.4 * highest) {
    return {
      ...base,
      verdict: "class 1",
      reason: `The steady rate falls from ${fmt(highest)} Hz to ${fmt(lowest)} Hz as I approaches the onset ${fmt(onset)}: it starts from (near) zero.`,
      onsetCurrent: onset,
      probes
    };
  }
  return {
    ...base,
    verdict: "class 2",
    reason: `Just above the onset ${fmt(onset)} the steady rate is already ${fmt(lowest)} Hz (${fmt(highest)} Hz further up): it jumps to a finite frequency.`,
    onsetCurrent: onset,
    probes
  };
}

/**
 * The rate the run settled to: 1000 / its last ISI when at least two spikes fall after the transient (so a
 * slow escape from the start state does not dilute it), else the spike count of the window per second.
 */
function settledRate(spikes: Float64Array, transient: number, duration: number): number {
  const inWindow = countFrom(spikes, transient);
  const n = spikes.length;
  if (inWindow >= 2) return 1000 / (spikes[n - 1]! - spikes[n - 2]!);
  return (inWindow * 1000) / (duration - transient);
}

function fmt(x: number): string {
  return String(+x.toPrecision(4));
}

/** A bisection bracket around the closed-form bifurcation currents, where they exist. */
function bracketFor(s: Resolved, bif: ReturnType<typeof bifurcationCurrents> | null): [number, number] | undefined {
  if (!bif || bif.saddleNode === null || s.params.a < 0) return undefined;
  const low = Math.min(bif.saddleNode, bif.hopf ?? bif.saddleNode);
  const width = Math.max(1, Math.abs(bif.saddleNode - low));
  return [low - width, bif.saddleNode + width];
}
