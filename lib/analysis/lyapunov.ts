/**
 * Lyapunov exponents of a neuron under a constant current, and the divergence of two nearby trajectories.
 *
 * Two estimates from one accurately integrated orbit (see resetMap.ts for the integrator):
 * - per spike: the mean of ln|P′(u_n)| along the orbit of the reset map P (a 1-D map, so this is its exponent),
 *   with P′ from Liouville's formula (exact up to the integration error, even where P′ is 1e-9);
 * - per ms: the hybrid flow's tangent dynamics, the linearised flow between resets (central differences of the
 *   step map) and the saltation matrix S at each reset, with QR (Gram–Schmidt) renormalisation once per spike,
 *   giving both exponents λ1 ≥ λ2 per ms. It shares no formula with the per-spike estimate, so their agreement
 *   is a check (measured: within 1e-4 relative for the chaotic set, RS, CH and FS under DC, CH included,
 *   whose P′ after the pause between bursts is about 2e-9).
 *
 * Saltation matrix (derivation). The flow F(v, u) = (v′, u′) hits the surface h(v, u) = v − vPeak = 0 at time t*
 * in the state x⁻ and jumps to x⁺ = R(x⁻) = (c, u⁻ + d), with DR = [[0, 0], [0, 1]]. A perturbed trajectory
 * x⁻ + δx⁻ (at time t*) hits the surface at t* + δt with δt = −δv⁻ / v′⁻ (to first order: it lies δv⁻ closer
 * to the surface, approached at speed v′⁻). It jumps to R(x⁻ + δx⁻ + F⁻δt), then flows for −δt to reach time t*.
 * The perturbation after the jump, compared at the same time t*, is therefore
 *   δx⁺ = DR(δx⁻ + F⁻δt) − F⁺δt = [DR + (F⁺ − DR·F⁻)·∇hᵀ / (∇h·F⁻)] δx⁻ = S δx⁻,
 * with ∇h = (1, 0), F⁻ = F(x⁻), F⁺ = F(x⁺):
 *   S = [[v′⁺/v′⁻, 0], [(u′⁺ − u′⁻)/v′⁻, 1]].
 * S maps F⁻ to F⁺, so a shift along the orbit is carried across resets: one exponent of a spiking orbit is 0
 * (the flow direction) and the other is the transverse one. Over n spikes the tangent map's determinant, in the
 * basis (flow direction, direction within v = c), is ∏P′(u_k) times factors that telescope, so the transverse
 * exponent per ms is λ1 + λ2 = (Σ ln|P′|) / (total time) = perSpike / mean ISI. `perMs` reports this sum: the
 * largest exponent once the neutral flow direction is set aside (positive: chaos; negative: a stable periodic
 * orbit). The tests check both that the neutral exponent is ≈ 0 and that perMs ≈ perSpike / mean ISI.
 */
import {dudt, dvdt} from "../models/izhikevich2003.js";
import {checkNumber, fail} from "../validate.js";
import {checkDcNeuron, passageToSpike, type DcNeuron} from "./dcFlow.js";
import {resetSequence} from "./resetMap.js";

/** Options of {@link lyapunov}. */
export interface LyapunovOptions extends DcNeuron {
  /** Initial v (mV); default c. */
  v0?: number;
  /** Initial u; default b·v0. */
  u0?: number;
  /** Spikes integrated first and not counted (the transient); default 100. */
  transient?: number;
  /** Spikes counted; default 1000. */
  spikes?: number;
  /** Number of consecutive segments the counted spikes are split into, for the spread; default 10. */
  segments?: number;
  /** Called after each segment with (segments done, segments in all). */
  onProgress?: (done: number, total: number) => void;
}

/** Mean and sample standard deviation of the per-segment estimates. */
export interface Spread {
  mean: number;
  sd: number;
}

/** The result of {@link lyapunov}. */
export interface LyapunovResult {
  /** Largest Lyapunov exponent of the reset map, per spike (mean of ln|P′|). */
  perSpike: number;
  /** Transverse Lyapunov exponent of the hybrid flow, per ms (λ1 + λ2; the other exponent is the neutral 0). */
  perMs: number;
  /** Both exponents of the hybrid flow (per ms), λ1 ≥ λ2; one of them should be ≈ 0 (the flow direction). */
  spectrum: [number, number];
  /** Spikes counted (after the transient). Fewer than asked if the neuron stopped spiking. */
  spikes: number;
  /** Mean ISI over the counted spikes (ms). */
  meanIsi: number;
  /** Total time of the counted spikes (ms). */
  time: number;
  /** The per-segment estimates (each over spikes/segments consecutive spikes). */
  segments: {perSpike: number[]; perMs: number[]};
  /** Mean ± sd over the segments. */
  spread: {perSpike: Spread; perMs: Spread};
  /** True if the neuron stopped spiking (no spike within the horizon) before all spikes were counted. */
  stopped: boolean;
}

const KEYS = ["v0", "u0", "transient", "spikes", "segments", "onProgress"];

/**
 * The Lyapunov exponents of a neuron under DC (see the module comment). Throws if fewer than 2 spikes per
 * segment can be counted.
 *
 * @example
 * const r = lyapunov({params: {a: 0.2, b: 2, c: -56, d: -16}, current: -99});
 * r.perSpike; // > 0: the reset map is chaotic
 */
export function lyapunov(options: LyapunovOptions): LyapunovResult {
  const flow = checkDcNeuron(options, "lyapunov", KEYS);
  const m = flow.model;
  const v0 =
    options.v0 === undefined ? m.c : checkNumber(options.v0, "lyapunov: v0", {max: flow.vPeak, maxExclusive: true});
  const u0 = options.u0 === undefined ? m.b * v0 : checkNumber(options.u0, "lyapunov: u0");
  const transient =
    options.transient === undefined
      ? 100
      : checkNumber(options.transient, "lyapunov: transient", {min: 0, max: 1e7, integer: true});
  const spikes =
    options.spikes === undefined
      ? 1000
      : checkNumber(options.spikes, "lyapunov: spikes", {min: 2, max: 1e7, integer: true});
  const nSeg =
    options.segments === undefined
      ? 10
      : checkNumber(options.segments, "lyapunov: segments", {min: 1, max: spikes / 2, integer: true});
  const onProgress = options.onProgress;
  if (onProgress !== undefined && typeof onProgress !== "function")
    fail("lyapunov", "onProgress", onProgress, "a function");

  // The transient: the first passage from (v0, u0), then resets.
  let v = v0,
    u = u0;
  if (transient > 0) {
    const pre = resetSequence({...pick(options), v0, u0, spikes: transient});
    if (pre.stopped) return notSpiking(transient, pre.u.length);
    v = m.c;
    u = pre.u[pre.u.length - 1];
  }
  if (v !== m.c) {
    // Count from a reset on: the reset map's slope is defined for passages that start at v = c.
    const first = passageToSpike(flow, v, u);
    if (!first) return notSpiking(0, 0);
    v = m.c;
    u = first.u + m.d;
  }

  // Orthonormal tangent basis (columns q1, q2), renormalised once per spike.
  let q1v = 1,
    q1u = 0,
    q2v = 0,
    q2u = 1;
  const segSpike: number[] = [];
  const segMs: number[] = [];
  let sum1 = 0,
    sum2 = 0,
    sumP = 0,
    time = 0,
    counted = 0;
  let seg1 = 0,
    seg2 = 0,
    segP = 0,
    segTime = 0,
    segCount = 0;
  let stopped = false;
  // Segment k ends after spike round((k + 1)·spikes / segments).
  const segmentEnd = (k: number) => Math.round(((k + 1) * spikes) / nSeg);
  for (let n = 0; n < spikes; n++) {
    const p = passageToSpike(flow, v, u, {tangent: true, traceIntegral: true});
    if (!p) {
      stopped = true;
      break;
    }
    const [t00, t01, t10, t11] = p.tangent!;
    // Slopes of the flow at the spike (before) and just after the reset.
    const fv = dvdt(m, p.v, p.u, flow.I),
      fu = dudt(m, p.v, p.u);
    const gv = dvdt(m, m.c, p.u + m.d, flow.I),
      gu = dudt(m, m.c, p.u + m.d);
    // ln|P′(u_n)| by Liouville's formula (resetMap.ts, resetStep): ln|v′(c, u_n) / v′⁻| + ∫ tr J dt.
    segP += Math.log(Math.abs(dvdt(m, m.c, u, flow.I) / fv)) + p.traceIntegral!;
    // Cycle tangent C = S · T, applied to the basis, then Gram–Schmidt.
    const s00 = gv / fv,
      s10 = (gu - fu) / fv;
    const c00 = s00 * t00,
      c01 = s00 * t01;
    const c10 = s10 * t00 + t10,
      c11 = s10 * t01 + t11;
    let w1v = c00 * q1v + c01 * q1u,
      w1u = c10 * q1v + c11 * q1u;
    let w2v = c00 * q2v + c01 * q2u,
      w2u = c10 * q2v + c11 * q2u;
    const r11 = Math.hypot(w1v, w1u);
    w1v /= r11;
    w1u /= r11;
    const proj = w1v * w2v + w1u * w2u;
    w2v -= proj * w1v;
    w2u -= proj * w1u;
    const r22 = Math.hypot(w2v, w2u);
    q1v = w1v;
    q1u = w1u;
    q2v = w2v / r22;
    q2u = w2u / r22;
    seg1 += Math.log(r11);
    seg2 += Math.log(r22);
    segTime += p.time;
    segCount++;
    v = m.c;
    u = p.u + m.d;
    if (n + 1 === segmentEnd(segSpike.length)) {
      segSpike.push(segP / segCount);
      segMs.push((seg1 + seg2) / segTime);
      sum1 += seg1;
      sum2 += seg2;
      sumP += segP;
      time += segTime;
      counted += segCount;
      seg1 = seg2 = segP = segTime = segCount = 0;
      onProgress?.(segSpike.length, nSeg);
    }
  }
  if (segCount > 0) {
    segSpike.push(segP / segCount);
    segMs.push((seg1 + seg2) / segTime);
    sum1 += seg1;
    sum2 += seg2;
    sumP += segP;
    time += segTime;
    counted += segCount;
  }
  if (counted < 2) return notSpiking(transient, counted);
  const l1 = sum1 / time,
    l2 = sum2 / time;
  return {
    perSpike: sumP / counted,
    perMs: l1 + l2,
    spectrum: [Math.max(l1, l2), Math.min(l1, l2)],
    spikes: counted,
    meanIsi: time / counted,
    time,
    segments: {perSpike: segSpike, perMs: segMs},
    spread: {perSpike: meanSd(segSpike), perMs: meanSd(segMs)},
    stopped
  };
}

/** The DC-neuron part of the options (for calls that do not take lyapunov's own keys). */
function pick(o: DcNeuron): DcNeuron {
  const {params, current, vPeak, equation, tolerance, horizon} = o;
  const out: DcNeuron = {params};
  if (current !== undefined) out.current = current;
  if (vPeak !== undefined) out.vPeak = vPeak;
  if (equation !== undefined) out.equation = equation;
  if (tolerance !== undefined) out.tolerance = tolerance;
  if (horizon !== undefined) out.horizon = horizon;
  return out;
}

function notSpiking(transient: number, got: number): never {
  throw new RangeError(
    `lyapunov: the neuron stopped spiking after ${got} spikes${transient ? ` (of a ${transient}-spike transient)` : ""}; exponents of a spiking orbit need it to keep firing under this current`
  );
}

/** Mean and sample standard deviation (0 for a single value). */
export function meanSd(values: readonly number[]): Spread {
  const n = values.length;
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : 0;
  return {mean, sd};
}

/** Options of {@link nearbyTrajectories}. */
export interface NearbyOptions extends DcNeuron {
  /** u just after a reset where the first trajectory starts; the second starts at u0 + separation. */
  u0: number;
  /** Initial separation in u; default 1e-6. */
  separation?: number;
  /** Resets followed; default 60. */
  spikes?: number;
}

/** Two trajectories started `separation` apart in u, compared reset by reset. */
export interface NearbyResult {
  /** Spike times of the two trajectories (ms). */
  timesA: Float64Array;
  timesB: Float64Array;
  /** |Δu| just after the n-th reset (n = 1, 2, …). */
  du: Float64Array;
  /**
   * Slope of ln|Δu| against the reset index, fitted by least squares over the resets before |Δu| first exceeds
   * 1e-2 (before saturation), or null with fewer than 3 such resets: a finite-difference estimate of perSpike.
   */
  slope: number | null;
}

/**
 * Follows two accurately integrated trajectories from (c, u0) and (c, u0 + separation) and measures how far
 * apart their resets are: a direct, finite-difference check of the Lyapunov exponent's sign.
 */
export function nearbyTrajectories(options: NearbyOptions): NearbyResult {
  const {u0, separation, spikes, ...neuron} = options;
  checkDcNeuron(neuron, "nearbyTrajectories");
  const start = checkNumber(u0, "nearbyTrajectories: u0");
  const sep =
    separation === undefined
      ? 1e-6
      : checkNumber(separation, "nearbyTrajectories: separation", {min: 0, minExclusive: true, max: 1});
  const count =
    spikes === undefined ? 60 : checkNumber(spikes, "nearbyTrajectories: spikes", {min: 1, max: 1e6, integer: true});
  const c = neuron.params.c;
  const a = resetSequence({...neuron, v0: c, u0: start, spikes: count});
  const b = resetSequence({...neuron, v0: c, u0: start + sep, spikes: count});
  const n = Math.min(a.u.length, b.u.length);
  const du = new Float64Array(n);
  for (let i = 0; i < n; i++) du[i] = Math.abs(a.u[i] - b.u[i]);
  // Least squares of ln|Δu_n| on n, over n = 0 (the separation itself) .. the last reset before saturation.
  const xs = [0],
    ys = [Math.log(sep)];
  for (let i = 0; i < n && du[i] <= 1e-2; i++) {
    if (du[i] > 0) {
      xs.push(i + 1);
      ys.push(Math.log(du[i]));
    }
  }
  return {
    timesA: a.times.slice(0, n),
    timesB: b.times.slice(0, n),
    du,
    slope: xs.length >= 3 ? fitSlope(xs, ys) : null
  };
}

/** Least-squares slope of y on x. */
export function fitSlope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0,
    sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxy / sxx;
}
