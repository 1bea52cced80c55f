/** noise: frozen Ornstein–Uhlenbeck noise, the same bits for the same seed on every engine. */
import {normalUnchecked, portableExp, portableExpm1} from "../random.js";
import {describe} from "../validate.js";
import {checkClosed, checkEnd, checkFinite, checkStep, optionalFinite} from "./checks.js";
import {fmt, forWindow} from "./format.js";
import type {CompiledNode, SampleStore, StimulusKind} from "./kind.js";
import {checkBreakpointBudget, NOISE_SAMPLE_BUDGET} from "./limits.js";
import {ADD, added, gridIndex} from "./sampling.js";
import {inside, partInterval, windowRange, type Interval, type Window} from "./window.js";

/**
 * Frozen Ornstein–Uhlenbeck noise, held constant on [start + k·dt, start + (k+1)·dt):
 * x₀ = mean + sigma·N₀ (stationary start), x₍ₖ₊₁₎ = mean + (xₖ − mean)·ρ + sigma·√(1 − ρ²)·N₍ₖ₊₁₎,
 * ρ = exp(−dt/tau), Nₖ = `normal(seed, k)` from lib/random.ts. Every step uses only IEEE basic operations, so the
 * same seed gives the same bits everywhere. Stationary mean `mean`, standard deviation `sigma`, lag-1
 * autocorrelation ρ. Its window starts at 0 by default.
 */
export interface NoisePart extends Window {
  kind: "noise";
  /** Mean current (mV/ms). */
  mean: number;
  /** Stationary standard deviation (mV/ms), ≥ 0. */
  sigma: number;
  /** Correlation time (ms), ≥ 0; 0 gives independent samples. */
  tau: number;
  /** Seed: a safe integer. */
  seed: number;
  /** Sample interval (ms). */
  dt: number;
}

/** Frozen Ornstein–Uhlenbeck noise; see {@link NoisePart}. */
export function noise(options: Omit<NoisePart, "kind">): NoisePart {
  return {kind: "noise", ...options};
}

/** A compiled noise part. */
export interface NoiseNode extends CompiledNode, Interval {
  kind: "noise";
  path: string;
  seed: number;
  dt: number;
  mean: number;
  sigma: number;
  rho: number;
  /** sigma·√(1 − ρ²), the scale of each innovation. */
  kick: number;
  /** OU samples 0..count − 1 (the array may be longer). */
  samples: Float64Array;
  count: number;
  store: SampleStore;
}

function samplesUpTo(start: number, dt: number, until: number): number {
  return until < start ? 0 : gridIndex(start, dt, until, 0) + 1;
}

function budgetError(path: string, needed: number, dt: number, until: number): RangeError {
  return new RangeError(
    `${path}: noise at dt = ${describe(dt)} ms up to t = ${describe(until)} ms needs ${needed} samples, above the budget of ` +
      `${NOISE_SAMPLE_BUDGET} noise samples per stimulus; use a larger dt or a shorter window`
  );
}

/** Index of the noise sample held at t. */
function noiseIndex(n: NoiseNode, t: number, side: number): number {
  return gridIndex(n.lo, n.dt, t, side);
}

/** Makes samples 0..k available, growing the cache geometrically; throws past the budget. */
function ensureNoise(n: NoiseNode, k: number): void {
  if (k < n.count) return;
  const capacity = n.samples.length;
  if (k >= capacity) {
    const available = capacity + NOISE_SAMPLE_BUDGET - n.store.samples;
    if (k + 1 > available) throw budgetError(n.path, k + 1, n.dt, n.lo + k * n.dt);
    const grown = new Float64Array(Math.min(Math.max(k + 1, 2 * capacity, 1024), available));
    grown.set(n.samples.subarray(0, n.count));
    n.store.samples += grown.length - capacity;
    n.samples = grown;
  }
  const {samples, seed, mean, rho, kick} = n;
  let j = n.count;
  if (j === 0) samples[j++] = mean + n.sigma * normalUnchecked(seed, 0);
  for (; j <= k; j++) samples[j] = mean + (samples[j - 1] - mean) * rho + kick * normalUnchecked(seed, j);
  n.count = k + 1;
}

function noiseAt(n: NoiseNode, t: number, side: number): number {
  const k = noiseIndex(n, t, side);
  ensureNoise(n, k);
  return n.samples[k];
}

/** The current of a compiled noise part at t; NaN where it is inactive. */
export function noiseValue(n: NoiseNode, t: number, side: number): number {
  return inside(n, t, side) ? noiseAt(n, t, side) : NaN;
}

/** The handler of noise parts (see kind.ts). */
export const NOISE: StimulusKind<NoisePart, NoiseNode> = {
  keys: ["kind", "mean", "sigma", "tau", "seed", "dt", "start", "end", "closed"],
  check(p, path, ctx) {
    const at = (key: string) => `${path}.${key}`;
    checkFinite(p.mean, at("mean"));
    checkFinite(p.sigma, at("sigma"), "nonnegative");
    checkFinite(p.tau, at("tau"), "nonnegative");
    if (typeof p.seed !== "number")
      throw new TypeError(`${at("seed")}: must be a safe integer, got ${describe(p.seed)}`);
    if (!Number.isSafeInteger(p.seed))
      throw new RangeError(`${at("seed")}: must be a safe integer, got ${describe(p.seed)}`);
    const dt = checkStep(p.dt, at("dt"));
    const start = optionalFinite(p.start, at("start"), 0);
    const end = checkEnd(p.end, at("end"), start);
    checkClosed(p.closed, at("closed"));
    // The samples a finite window (or the horizon) will certainly need count against the budget now.
    const until = Math.min(end, ctx.horizon);
    if (until < Infinity) {
      const needed = samplesUpTo(start, dt, until);
      ctx.samples += needed;
      if (ctx.samples > NOISE_SAMPLE_BUDGET) throw budgetError(path, needed, dt, until);
    }
  },
  build(p, path, ctx) {
    // ρ = e^(−h) and 1 − ρ² = −expm1(−2h), h = dt/τ, with the engine-independent exponential (τ = 0: h = ∞, ρ = 0;
    // the test is written so that τ = −0 also lands there rather than at h = −∞).
    const h = p.tau > 0 ? p.dt / p.tau : Infinity;
    const rho = portableExp(-h);
    const kick = p.sigma * Math.sqrt(-portableExpm1(-2 * h));
    return {
      kind: "noise",
      path,
      seed: p.seed,
      dt: p.dt,
      mean: p.mean,
      sigma: p.sigma,
      rho,
      kick,
      samples: new Float64Array(0),
      count: 0,
      store: ctx.store,
      ...partInterval(p, p.start ?? 0)
    };
  },
  value: noiseValue,
  fill(n, buf, t0, dt, count, mode) {
    const [a, b] = windowRange(n.lo, n.hi, n.loIn, n.hiIn, t0, dt, count);
    if (a >= b) return;
    ensureNoise(n, noiseIndex(n, t0 + (b - 1) * dt, 0));
    const {samples, lo} = n;
    // Walk the samples alongside the times: j is the last sample with lo + j·dt ≤ t, as noiseIndex finds.
    let j = noiseIndex(n, t0 + a * dt, 0);
    let next = lo + (j + 1) * n.dt;
    for (let k = a; k < b; k++) {
      const t = t0 + k * dt;
      while (next <= t) next = lo + (++j + 1) * n.dt;
      buf[k] = mode === ADD ? added(buf[k], samples[j]) : samples[j];
    }
  },
  breakpoints(n, t0, t1, out) {
    const edge = (t: number) => {
      if (t > t0 && t < t1) out.push(t);
    };
    edge(n.lo);
    edge(n.hi);
    const from = Math.max(t0, n.lo);
    const to = Math.min(t1, n.hi);
    if (!(to > from)) return;
    let k = Math.max(1, Math.floor((from - n.lo) / n.dt) - 1);
    const count = Math.ceil((to - from) / n.dt) + 3;
    checkBreakpointBudget(out.length + count, t0, t1);
    for (let i = 0; i < count; i++, k++) {
      const b = n.lo + k * n.dt;
      if (b >= to) break;
      edge(b);
    }
  },
  precompute(n, horizon) {
    const until = Math.min(horizon, n.hi);
    if (until >= n.lo) ensureNoise(n, noiseIndex(n, until, 0));
  },
  label(p) {
    const text = `noise ${fmt(p.mean)} ± ${fmt(p.sigma)} (τ = ${fmt(p.tau)} ms, dt = ${fmt(p.dt)} ms, seed ${p.seed})`;
    const start = p.start ?? 0;
    const isDefault = start === 0 && (p.end ?? null) === null && (p.closed ?? "left") === "left";
    return isDefault ? text : forWindow(text, start, p.end, p.closed);
  },
  piecewiseConstant: () => true
};
