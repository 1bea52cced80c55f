/**
 * The reset map of a neuron under a constant (DC) current. Every spike resets v to c, so the state just after a
 * reset is (c, u) and one number, u, carries the spiking dynamics: the map P sends u_n (just after a reset) to
 * u_{n+1} (just after the next reset), and the time between the two resets is the ISI. Fixed points of P are
 * tonic (period-1) firing; |P′| < 1 makes them stable.
 *
 * The flow between resets is integrated with the library's Dormand–Prince 5(4) stepper (the "adaptive" method's
 * formula and step control; tolerance 1e-10 by default, relative and absolute) and the spike v = vPeak is
 * located inside the step by root finding, so spike times and u at the spike are accurate to about the
 * tolerance. The derivative of the flow (the tangent map, used for P′ and by `lyapunov`) is the derivative of the
 * numerical step map itself, taken by central differences with the same step sequence ("internal
 * differentiation"), which is consistent with the integrated trajectory to ~1e-9 relative.
 */
import {checkNumber, fail} from "../validate.js";
import {checkDcNeuron, passageToSpike, resetStep, type DcNeuron} from "./dcFlow.js";

/** Options of {@link resetMap}: a neuron under DC and the range of u to draw the map over. */
export interface ResetMapOptions extends DcNeuron {
  /** The range [uMin, uMax] of u just after a reset. */
  range: [number, number];
  /** Number of grid points (≥ 2); default 200. */
  points?: number;
}

/** The graph of the reset map over a grid of u. */
export interface ResetMapGraph {
  /** u just after a reset (the grid). */
  u: Float64Array;
  /** u just after the next reset, or null where the neuron never spikes again (within the horizon). */
  next: (number | null)[];
  /** Time to the next spike (ms), or null. */
  period: (number | null)[];
}

function checkRange(range: unknown, where: string): [number, number] {
  if (!Array.isArray(range) || range.length !== 2) fail(where, "range", range, "an array [uMin, uMax]");
  const lo = checkNumber(range[0], `${where}: range[0]`);
  const hi = checkNumber(range[1], `${where}: range[1]`, {min: lo, minExclusive: true});
  return [lo, hi];
}

/**
 * The reset map u_n → u_{n+1} over a grid of u (see the module comment), with the time to the next spike.
 *
 * @example
 * resetMap({params: {a: 0.2, b: 2, c: -56, d: -16}, current: -99, range: [-125, -100]});
 */
export function resetMap(options: ResetMapOptions): ResetMapGraph {
  const flow = checkDcNeuron(options, "resetMap", ["range", "points"]);
  const [lo, hi] = checkRange(options.range, "resetMap");
  const points =
    options.points === undefined
      ? 200
      : checkNumber(options.points, "resetMap: points", {min: 2, max: 100_000, integer: true});
  const u = new Float64Array(points);
  const next: (number | null)[] = [];
  const period: (number | null)[] = [];
  for (let i = 0; i < points; i++) {
    u[i] = lo + ((hi - lo) * i) / (points - 1);
    const s = resetStep(flow, u[i]);
    next.push(s ? s.u : null);
    period.push(s ? s.period : null);
  }
  return {u, next, period};
}

/** A fixed point of the reset map: period-1 (tonic) firing. */
export interface ResetFixedPoint {
  /** u just after each reset. */
  u: number;
  /** P′(u): the map's slope there. */
  slope: number;
  /** |slope| < 1: nearby orbits converge to it. */
  stable: boolean;
  /** The ISI of the tonic firing (ms). */
  period: number;
}

/**
 * The fixed points of the reset map in a range: sign changes of P(u) − u on a grid, refined by bisection to
 * |P(u) − u| ≤ 1e-9 (a sign change across a jump of P, where the passage changes character, is not reported).
 */
export function resetMapFixedPoints(options: ResetMapOptions): ResetFixedPoint[] {
  const flow = checkDcNeuron(options, "resetMapFixedPoints", ["range", "points"]);
  const [lo, hi] = checkRange(options.range, "resetMapFixedPoints");
  const points =
    options.points === undefined
      ? 200
      : checkNumber(options.points, "resetMapFixedPoints: points", {min: 2, max: 100_000, integer: true});
  const g = (u: number) => {
    const s = resetStep(flow, u);
    return s ? s.u - u : null;
  };
  const found: ResetFixedPoint[] = [];
  let uPrev = lo;
  let gPrev = g(lo);
  for (let i = 1; i < points; i++) {
    const u = lo + ((hi - lo) * i) / (points - 1);
    const gu = g(u);
    if (gPrev !== null && gu !== null && (gPrev === 0 || gPrev * gu < 0)) {
      const fixed = refine(g, uPrev, gPrev, u);
      if (fixed !== null) {
        const s = resetStep(flow, fixed, true)!;
        found.push({u: fixed, slope: s.slope!, stable: Math.abs(s.slope!) < 1, period: s.period});
      }
    }
    uPrev = u;
    gPrev = gu;
  }
  return found;
}

/** Bisection on [a, b] with g(a)·g(b) ≤ 0; null if the bracket closes on a jump rather than a root. */
function refine(g: (u: number) => number | null, a: number, ga: number, b: number): number | null {
  if (ga === 0) return a;
  for (let i = 0; i < 100 && b - a > 1e-13 * Math.max(1, Math.abs(a)); i++) {
    const mid = 0.5 * (a + b);
    const gm = g(mid);
    if (gm === null) return null;
    if (gm === 0) return mid;
    if (gm * ga < 0) b = mid;
    else {
      a = mid;
      ga = gm;
    }
  }
  const root = 0.5 * (a + b);
  const gr = g(root);
  return gr !== null && Math.abs(gr) <= 1e-9 * Math.max(1, Math.abs(root)) ? root : null;
}

/** Options of {@link resetSequence}: a neuron under DC, where it starts and how many resets to follow. */
export interface ResetSequenceOptions extends DcNeuron {
  /** Initial v (mV); default c (as just after a reset). */
  v0?: number;
  /** Initial u; default b·v0. */
  u0?: number;
  /** Number of resets to record (after the transient ones); default 200. */
  spikes?: number;
  /** Number of resets to skip first; default 0. */
  transient?: number;
}

/** The resets of a run: spike times and u just after each reset. */
export interface ResetSequence {
  /** Spike times (ms, from the start of the run, transient included). */
  times: Float64Array;
  /** u just after each reset. */
  u: Float64Array;
  /** True if the neuron stopped spiking (no spike within the horizon) before all resets were recorded. */
  stopped: boolean;
}

/**
 * The sequence of u at resets of an accurately integrated run under DC (the orbit of the reset map, with the
 * spike times): the first passage starts at (v0, u0), every later one at (c, u_n).
 */
export function resetSequence(options: ResetSequenceOptions): ResetSequence {
  const flow = checkDcNeuron(options, "resetSequence", ["v0", "u0", "spikes", "transient"]);
  const m = flow.model;
  const v0 =
    options.v0 === undefined
      ? m.c
      : checkNumber(options.v0, "resetSequence: v0", {max: flow.vPeak, maxExclusive: true});
  const u0 = options.u0 === undefined ? m.b * v0 : checkNumber(options.u0, "resetSequence: u0");
  const spikes =
    options.spikes === undefined
      ? 200
      : checkNumber(options.spikes, "resetSequence: spikes", {min: 1, max: 1e7, integer: true});
  const transient =
    options.transient === undefined
      ? 0
      : checkNumber(options.transient, "resetSequence: transient", {min: 0, max: 1e7, integer: true});
  const times: number[] = [];
  const us: number[] = [];
  let v = v0,
    u = u0,
    t = 0;
  for (let n = 0; n < transient + spikes; n++) {
    const p = passageToSpike(flow, v, u);
    if (!p) return {times: Float64Array.from(times), u: Float64Array.from(us), stopped: true};
    t += p.time;
    v = m.c;
    u = p.u + m.d;
    if (n >= transient) {
      times.push(t);
      us.push(u);
    }
  }
  return {times: Float64Array.from(times), u: Float64Array.from(us), stopped: false};
}

/**
 * u just after each reset, read from a fixed-step trace ("euler", "paper2004"): those methods reset at the end
 * of the step in which v reached vPeak, and the sample at that step's end holds the reset state. (Methods that
 * locate the spike inside a step have moved on by the next sample; use {@link resetSequence} for them.)
 */
export function resetsFromTrace(trace: {
  t: ArrayLike<number>;
  u: ArrayLike<number>;
  spikes: ArrayLike<number>;
  dt: number;
  method: string;
}): Float64Array {
  if (trace.method !== "euler" && trace.method !== "paper2004" && trace.method !== "paper2003") {
    fail(
      "resetsFromTrace",
      "trace.method",
      trace.method,
      `"euler", "paper2003" or "paper2004" (use resetSequence for accurate methods)`
    );
  }
  const out = new Float64Array(trace.spikes.length);
  for (let i = 0; i < trace.spikes.length; i++) {
    const k = Math.round(trace.spikes[i] / trace.dt);
    out[i] = trace.u[Math.min(k, trace.u.length - 1)];
  }
  return out;
}
