/**
 * The f–I curve: the firing rate against a constant current, swept quasi-statically up and down, with the
 * intervals where the two sweeps differ (hysteresis: a stable rest coexisting with spiking).
 *
 * Units: t in ms, so rates are 1000 × spikes per ms = Hz (spikes per second); I in the paper's units (a
 * current normalised by capacitance, mV/ms); v in mV.
 */
import {checkKeys, checkKeyword, describe} from "../validate.js";
import {
  checkDuration,
  checkState,
  checkTransient,
  countFrom,
  requiredCurrents,
  resolveSettings,
  restAt,
  runAt,
  SETTING_KEYS,
  type CurrentRange,
  type RunSettings,
  type State,
  runToEnd
} from "./excitabilityRuns.js";

/**
 * {@link settledRate}: the most the silence after the last spike may last, in units of the last ISI, for that
 * ISI to count as the rate the neuron still fires at (a periodic train's silence is always below one ISI; a
 * train that slowed down or stopped has a longer one).
 */
export const SETTLED_MAX_SILENCE_ISIS = 2;

/**
 * The rate (Hz) a run settled to, from its spike times (ms): 1000 / its last inter-spike interval when that
 * interval ends in the window [from, end] and the silence after it, end − last spike, is at most
 * {@link SETTLED_MAX_SILENCE_ISIS} times that interval; otherwise (fewer than two spikes, the last one before
 * the window, or a train that stopped) the spikes counted in [from, end] per second; 0 for an empty window.
 */
export function settledRate(spikes: ArrayLike<number>, from: number, end: number): number {
  if (!(end > from)) return 0;
  const n = spikes.length;
  if (n >= 2) {
    const last = spikes[n - 1]!;
    const isi = last - spikes[n - 2]!;
    if (last >= from && last <= end && end - last <= SETTLED_MAX_SILENCE_ISIS * isi) return 1000 / isi;
  }
  let counted = 0;
  for (let k = 0; k < n; k++) if (spikes[k]! >= from && spikes[k]! <= end) counted++;
  return (counted * 1000) / (end - from);
}

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
   * Settled rate (Hz), see {@link settledRate}: 1000 / the run's last inter-spike interval when that interval
   * ends in the steady-state window [transient, duration] and the neuron was still firing at the end; else
   * `countRate`. Measured from the interval, it is not limited to whole spikes per window (a 1-s window would
   * otherwise give only whole numbers of Hz).
   */
  rate: number;
  /**
   * Spikes counted in the window per second (Hz): spikes in [transient, duration) × 1000 / (duration −
   * transient). If the run stopped early (see `warnings`), the window ends where it stopped (and starts at 0 if
   * it stopped within the transient).
   */
  countRate: number;
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
  return runToEnd(fICurveSteps(options));
}

/** How far a resumable sweep ({@link fICurveSteps}) has got: `done` of `total` currents simulated. */
export interface FICurveStep {
  done: number;
  total: number;
}

/**
 * {@link fICurve} one current at a time, so a caller can hand the thread back between currents (a page without
 * Web Workers runs a sweep in many short tasks instead of one long one): a generator that yields after each
 * simulated current and returns the same {@link FICurve} as `fICurve` with the same options (fICurve is this
 * generator run to its end). `onProgress`, if given, is called before each yield. The options are checked at
 * the first `next()`, which throws what fICurve throws.
 */
export function* fICurveSteps(options: FICurveOptions): Generator<FICurveStep, FICurve, void> {
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
  const currents = [...requiredCurrents(fn, o, "currents")].sort((x, y) => x - y);
  const duration = checkDuration(fn, o.duration, 1000, 1e6);
  const transient = checkTransient(fn, o.transient, 300, duration);
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

  function* sweep(dir: "up" | "down"): Generator<FICurveStep, FISweep, void> {
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
        rate: settledRate(run.spikes, from, run.tEnd),
        countRate: run.tEnd > 0 ? (inWindow * 1000) / (run.tEnd - from) : 0,
        firstIsiRate: run.spikes.length >= 2 ? 1000 / (run.spikes[1]! - run.spikes[0]!) : null,
        spikes: inWindow,
        totalSpikes: run.spikes.length,
        startedAtRest
      });
      state = run.end;
      done++;
      onProgress?.(done, total);
      yield {done, total};
    }
    return {direction: dir, points, start: startText};
  }

  const up = direction === "down" ? null : yield* sweep("up");
  const down = direction === "up" ? null : yield* sweep("down");
  const hysteresis = up && down ? differences(up, down, 1000 / (duration - transient)) : [];
  return {up, down, hysteresis, duration, transient, warnings: [...warnings]};
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
