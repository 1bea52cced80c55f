/**
 * Spike-train statistics. Inputs are spike times in ms (e.g. `Trace.spikes` from `simulate`), which must be
 * finite and strictly increasing. Results are never NaN: a statistic that is undefined for the given train
 * (too few spikes or intervals) is `null`.
 */
import {describe, fail} from "../validate.js";

/** Summary of a spike train within a window (see {@link spikeStatistics}). */
export interface SpikeStatistics {
  /** Number of spikes in [start, end). */
  count: number;
  /** Mean firing rate in [start, end) (Hz = spikes per second). */
  rate: number;
  /** Inter-spike intervals of the spikes in the window (ms). */
  isis: Float64Array;
  /** Mean inter-spike interval (ms); `null` with fewer than 2 spikes. */
  meanIsi: number | null;
  /** Coefficient of variation of the ISIs (dimensionless); `null` with fewer than 2 ISIs. */
  cv: number | null;
  /** Time from `onset` to the first spike in the window at or after it (ms); `null` if none. */
  latency: number | null;
  /** Adaptation index (dimensionless, in (−1, 1)); `null` with fewer than 2 ISIs. */
  adaptation: number | null;
}

/** Window and stimulus onset of {@link spikeStatistics} (ms). */
export interface SpikeStatisticsOptions {
  /** Start of the window (ms), inclusive. */
  start: number;
  /** End of the window (ms), exclusive; must be > start. */
  end: number;
  /** Stimulus onset for the latency (ms); default `start`. */
  onset?: number;
}

// ---------------------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------------------

function finite(fn: string, field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(fn, field, value, "a finite number (ms)");
  return value;
}

/** Checks that spike times are finite and strictly increasing; O(n). */
function checkSpikes(fn: string, spikes: ArrayLike<number>): void {
  if (spikes === null || typeof spikes !== "object" || typeof spikes.length !== "number") {
    fail(fn, "spikes", spikes, "a Float64Array (or array) of spike times in ms");
  }
  for (let i = 0; i < spikes.length; i++) {
    const t = spikes[i];
    if (typeof t !== "number" || !Number.isFinite(t)) fail(fn, `spikes[${i}]`, t, "a finite spike time (ms)");
    // Equal times are rejected too: a neuron cannot spike twice at one instant, and a zero ISI would make
    // the adaptation index 0/0.
    if (i > 0 && !(t > spikes[i - 1]!)) {
      fail(fn, `spikes[${i}]`, t, `greater than spikes[${i - 1}] = ${describe(spikes[i - 1])} (strictly increasing)`);
    }
  }
}

function checkWindow(fn: string, start: unknown, end: unknown): [number, number] {
  const s = finite(fn, "start", start);
  const e = finite(fn, "end", end);
  if (!(e > s)) fail(fn, "end", e, `a finite number > start (${describe(s)} ms)`);
  return [s, e];
}

/** Index of the first spike ≥ t (binary search; unchecked: spikes must be sorted). */
export function lowerBound(spikes: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = spikes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spikes[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------------------
// Statistics (unchecked cores, shared by the public functions and by bursts.ts and patterns.ts)
// ---------------------------------------------------------------------------------------------------------

/**
 * Unchecked core of {@link interSpikeIntervals}: spikes must already be finite and strictly increasing.
 * Writes into `out` (length max(0, n − 1)) when given, else into a new array; returns it.
 */
export function isisOf(
  spikes: ArrayLike<number>,
  out: Float64Array = new Float64Array(Math.max(0, spikes.length - 1))
): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = spikes[i + 1]! - spikes[i]!;
  return out;
}

function meanOf(x: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]!; // indexed: for…of over a typed array is ≈ 4× slower in V8
  return sum / x.length;
}

/** Unchecked core of {@link coefficientOfVariation}, from ISIs (ms, all > 0). */
export function isiCoefficientOfVariation(isis: Float64Array): number | null {
  if (isis.length < 2) return null;
  const mean = meanOf(isis);
  // Two passes (mean, then squared deviations): no catastrophic cancellation for nearly regular trains.
  let ss = 0;
  for (let i = 0; i < isis.length; i++) ss += (isis[i]! - mean) * (isis[i]! - mean);
  return Math.sqrt(ss / isis.length) / mean;
}

/** Unchecked core of {@link adaptationIndex}, from ISIs (ms, all > 0). */
export function isiAdaptationIndex(isis: Float64Array): number | null {
  if (isis.length < 2) return null;
  let sum = 0;
  for (let n = 0; n + 1 < isis.length; n++) {
    sum += (isis[n + 1]! - isis[n]!) / (isis[n + 1]! + isis[n]!);
  }
  return sum / (isis.length - 1);
}

// ---------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------

/**
 * Inter-spike intervals: ISI_k = t_{k+1} − t_k (ms). Length max(0, n − 1).
 *
 * @param spikes - spike times (ms), finite and strictly increasing.
 * @throws RangeError/TypeError naming the offending element, its value and what is allowed.
 */
export function interSpikeIntervals(spikes: ArrayLike<number>): Float64Array {
  checkSpikes("interSpikeIntervals", spikes);
  return isisOf(spikes);
}

/**
 * Mean firing rate in the half-open window [start, end): count / (end − start) × 1000 (Hz, spikes per
 * second; the factor converts ms to s). Half-open so that adjacent windows never count a spike twice.
 *
 * @param spikes - spike times (ms), finite and strictly increasing.
 * @param start - window start (ms), inclusive.
 * @param end - window end (ms), exclusive; must be > start.
 * @returns rate in Hz (0 if no spikes in the window).
 */
export function firingRate(spikes: ArrayLike<number>, start: number, end: number): number {
  const fn = "firingRate";
  checkSpikes(fn, spikes);
  const [s, e] = checkWindow(fn, start, end);
  const count = lowerBound(spikes, e) - lowerBound(spikes, s);
  return (count * 1000) / (e - s);
}

/**
 * Coefficient of variation of the inter-spike intervals: σ/μ with the population standard deviation
 * (divide by N, as numpy's default and the Allen Cell Types "isi_cv" feature). 0 for a perfectly regular
 * train, 1 for a Poisson process. Dimensionless and invariant under scaling of time.
 *
 * @param spikes - spike times (ms), finite and strictly increasing.
 * @returns CV, or `null` with fewer than 2 ISIs (fewer than 3 spikes), where it is not informative.
 */
export function coefficientOfVariation(spikes: ArrayLike<number>): number | null {
  checkSpikes("coefficientOfVariation", spikes);
  return isiCoefficientOfVariation(isisOf(spikes));
}

/**
 * First-spike latency: time from `onset` to the first spike at or after `onset` (ms).
 *
 * @param spikes - spike times (ms), finite and strictly increasing.
 * @param onset - stimulus onset (ms).
 * @returns latency ≥ 0 (ms), or `null` if no spike occurs at or after onset.
 */
export function firstSpikeLatency(spikes: ArrayLike<number>, onset: number): number | null {
  const fn = "firstSpikeLatency";
  checkSpikes(fn, spikes);
  const t0 = finite(fn, "onset", onset);
  const i = lowerBound(spikes, t0);
  return i < spikes.length ? spikes[i]! - t0 : null;
}

/**
 * Adaptation index: the mean over consecutive ISI pairs of (ISI_{n+1} − ISI_n)/(ISI_{n+1} + ISI_n).
 * Positive when firing slows down (spike-frequency adaptation), 0 for a regular train, negative when it
 * accelerates; always in (−1, 1). This is the "adaptation index" of the Allen Cell Types Database
 * (Allen Institute, Cell Types Database: Electrophysiology technical white paper; the feature `adapt`
 * computed by `adaptation_index`/`norm_diff` in the AllenSDK/IPFX feature extractor), restricted here to
 * strictly positive ISIs so the ratio is always defined.
 *
 * @param spikes - spike times (ms), finite and strictly increasing.
 * @returns the index (dimensionless), or `null` with fewer than 2 ISIs (fewer than 3 spikes).
 */
export function adaptationIndex(spikes: ArrayLike<number>): number | null {
  checkSpikes("adaptationIndex", spikes);
  return isiAdaptationIndex(isisOf(spikes));
}

/**
 * All statistics of the spikes in the window [start, end) at once. ISIs, mean ISI, CV and adaptation are
 * those of the spikes inside the window; the latency is measured from `onset` (default `start`) to the first
 * window spike at or after it.
 *
 * @param spikes - spike times (ms), finite and strictly increasing.
 * @param options - `start` (ms, inclusive), `end` (ms, exclusive, > start), `onset` (ms, default start).
 * @returns counts, rate (Hz), ISIs (ms), mean ISI (ms), CV, latency (ms), adaptation; `null` where
 *   undefined, never NaN.
 * @throws RangeError/TypeError naming the field, its value and what is allowed.
 */
export function spikeStatistics(spikes: ArrayLike<number>, options: SpikeStatisticsOptions): SpikeStatistics {
  const fn = "spikeStatistics";
  checkSpikes(fn, spikes);
  if (typeof options !== "object" || options === null) fail(fn, "options", options, "an object {start, end, onset?}");
  const [start, end] = checkWindow(fn, options.start, options.end);
  const onset = options.onset === undefined ? start : finite(fn, "onset", options.onset);

  const i0 = lowerBound(spikes, start);
  const i1 = lowerBound(spikes, end);
  const inWindow = Float64Array.from({length: i1 - i0}, (_, k) => spikes[i0 + k]!);
  const isis = isisOf(inWindow);
  const first = lowerBound(inWindow, onset);
  return {
    count: inWindow.length,
    rate: (inWindow.length * 1000) / (end - start),
    isis,
    meanIsi: isis.length > 0 ? meanOf(isis) : null,
    cv: isiCoefficientOfVariation(isis),
    latency: first < inWindow.length ? inWindow[first]! - onset : null,
    adaptation: isiAdaptationIndex(isis)
  };
}
