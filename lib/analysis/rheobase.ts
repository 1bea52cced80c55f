/**
 * The rheobase (the smallest current that makes the neuron fire) under a stated protocol: a step from rest, or
 * quasi-static. The two differ a lot when u is slow (docs/science.md §4).
 *
 * Units: t in ms, so rates are 1000 × spikes per ms = Hz (spikes per second); I in the paper's units (a
 * current normalised by capacitance, mV/ms); v in mV.
 */
import {checkKeys, checkKeyword, checkNumber, describe} from "../validate.js";
import {
  checkDuration,
  quasiStaticStart,
  resolveSettings,
  restAt,
  runAt,
  SETTING_KEYS,
  type RunSettings,
  runToEnd
} from "./excitabilityRuns.js";

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
 * (docs/science.md §4).
 *
 * @throws RangeError/TypeError for bad options; Error if no firing current is found up to 1e4 or the lower
 *   end of the bracket already fires.
 */
export function rheobase(options: RheobaseOptions): Rheobase {
  return runToEnd(rheobaseSteps(options));
}

/**
 * {@link rheobase} one run at a time: a resumable computation that yields after each run (the bracket's and the
 * bisection's), so a page can do it in short slices; its value when done is rheobase's result for the same
 * options (rheobase is this generator run to its end). Options are checked at the first `next()`.
 */
export function* rheobaseSteps(options: RheobaseOptions): Generator<void, Rheobase, void> {
  const fn = "rheobase";
  const o = checkKeys(options, `${fn}: options`, [...SETTING_KEYS, "protocol", "duration", "tolerance", "bracket"]);
  const s = resolveSettings(fn, o);
  const protocol =
    o.protocol === undefined
      ? "step from rest"
      : checkKeyword(o.protocol, `${fn}: protocol`, Object.keys(RHEOBASE_PROTOCOLS) as RheobaseProtocol[]);
  const duration = checkDuration(fn, o.duration, 1000);
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

  // Each run is a step of its own.
  const tried = function* (I: number): Generator<void, boolean, void> {
    const fired = fires(I);
    yield;
    return fired;
  };

  let lo: number;
  let hi: number;
  if (o.bracket !== undefined) {
    if (!Array.isArray(o.bracket) || o.bracket.length !== 2)
      throw new TypeError(`${fn}: bracket must be [low, high], got ${describe(o.bracket)}`);
    lo = checkNumber(o.bracket[0], `${fn}: bracket[0]`);
    hi = checkNumber(o.bracket[1], `${fn}: bracket[1]`, {min: lo, minExclusive: true});
    if (!(yield* tried(hi)))
      throw new Error(`${fn}: the upper end of the bracket, ${hi}, does not fire within ${duration} ms`);
  } else {
    lo = 0;
    hi = 1;
    while (!(yield* tried(hi))) {
      lo = hi;
      hi *= 2;
      if (hi > 1e4)
        throw new Error(`${fn}: no current up to 1e4 fires within ${duration} ms under protocol "${protocol}"`);
    }
  }
  if (yield* tried(lo))
    throw new Error(
      `${fn}: the lower end of the bracket, ${lo}, already fires under protocol "${protocol}"; give a lower bracket`
    );
  while (hi - lo > tolerance) {
    const mid = (lo + hi) / 2;
    if (yield* tried(mid)) hi = mid;
    else lo = mid;
  }
  return {current: hi, protocol, description: RHEOBASE_PROTOCOLS[protocol], tolerance: hi - lo};
}
