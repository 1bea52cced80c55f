/**
 * Burst detection in a spike train. Inputs are spike times in ms (e.g. `Trace.spikes` from `simulate`), finite
 * and strictly increasing. Results are never NaN: a statistic that is undefined (no burst, or only one) is
 * `null`.
 *
 * Method: ISI-threshold burst detection. A burst is a run of ≥ 2 spikes whose inter-spike intervals (ISIs)
 * are all "short"; bursts are separated by at least one "long" ISI (a quiet period). The idea is the
 * standard one in spike-train analysis: in a bursting train the ISIs fall into two well-separated groups
 * (short intra-burst intervals and long inter-burst intervals), which shows up as a gap in the distribution
 * of log-ISIs (the log-ISI histogram approach to choosing a burst threshold, e.g. Selinger et al. 2007,
 * J. Neurophysiol. 98:2245; Pasquale et al. 2010, J. Comput. Neurosci. 29:213). Here the threshold is
 * taken from the train itself, without histogram bins: sort the ISIs, find the largest ratio between two
 * neighbouring sorted ISIs, and if that ratio is at least {@link BURST_MIN_GAP_RATIO}, put the threshold at
 * the geometric mean of the two ISIs on either side of the gap. A train without such a gap (regular or
 * smoothly changing ISIs) has no bursts. An explicit `maxIntraBurstIsi` (ms) overrides the derived threshold.
 *
 * Everything is defined by ratios of ISIs, so the result does not depend on the time unit or on a time
 * shift (scaling all times by c scales every time in the result by c).
 */
import {checkKeys, checkNumber, isWithin} from "../validate.js";
import {isisOf} from "./spikes.js";
import {Scratch} from "./scratch.js";

/**
 * Smallest ratio between two neighbouring sorted ISIs that counts as the gap between intra- and inter-burst
 * intervals (dimensionless). 3 means the quiet periods are at least three times longer than the longest ISI
 * inside a burst; smaller ratios occur in smoothly adapting or jittered tonic trains.
 */
export const BURST_MIN_GAP_RATIO = 3;

/** One burst: its first and last spike times (ms) and its number of spikes (≥ 2). */
export interface Burst {
  /** Time of the first spike of the burst (ms). */
  start: number;
  /** Time of the last spike of the burst (ms). */
  end: number;
  /** Number of spikes in the burst (≥ 2). */
  count: number;
}

/** Options of {@link detectBursts}. */
export interface BurstOptions {
  /**
   * Explicit threshold (ms, > 0): an ISI ≤ this value is within a burst. When omitted, the threshold is
   * derived from the train (largest gap in the sorted ISIs, see the module comment).
   */
  maxIntraBurstIsi?: number;
  /** Smallest gap ratio for the derived threshold (dimensionless, > 1); default {@link BURST_MIN_GAP_RATIO}. */
  minGapRatio?: number;
}

/** Result of {@link detectBursts}. */
export interface BurstAnalysis {
  /** The bursts in time order; disjoint, each a run of consecutive spikes. */
  bursts: Burst[];
  /** Number of spikes of each burst (same order as `bursts`). */
  spikesPerBurst: number[];
  /** Mean number of spikes per burst; `null` without bursts. */
  meanSpikesPerBurst: number | null;
  /** Mean ISI inside bursts (ms); `null` without bursts. */
  intraBurstIsi: number | null;
  /** Mean quiet period from the last spike of one burst to the first spike of the next (ms); `null` with fewer than 2 bursts. */
  interBurstInterval: number | null;
  /** The ISI threshold used (ms): ISIs below it (or ≤ an explicit `maxIntraBurstIsi`) are intra-burst; `null` if no gap was found. */
  threshold: number | null;
}

/** Checks that spike times are finite and strictly increasing, naming the offending element; O(n). */
export function checkSpikeTimes(spikes: ArrayLike<number>): void {
  if (spikes === null || typeof spikes !== "object" || typeof spikes.length !== "number") {
    throw new TypeError(
      `spikes: must be a Float64Array (or array) of spike times in ms, got ${spikes === null ? "null" : typeof spikes}`
    );
  }
  for (let i = 0; i < spikes.length; i++) {
    // A neuron cannot spike twice at one instant: equal times are rejected (they would give a zero ISI).
    const bounds = i > 0 ? {min: spikes[i - 1]!, minExclusive: true} : {};
    // The field name only for the message: building it per spike costs more than the check.
    if (!isWithin(spikes[i], bounds)) checkNumber(spikes[i], `spikes[${i}] (ms)`, bounds);
  }
}

const sortScratch = new Scratch();

/**
 * The derived intra-burst threshold (ms): geometric mean of the two sorted ISIs around the largest ratio gap,
 * if that ratio is ≥ minGapRatio; otherwise `null`. Ratios (not log differences) keep the choice exactly
 * invariant under scaling of time by a power of two. Ties go to the smaller ISIs.
 */
function derivedThreshold(isis: Float64Array, minGapRatio: number): number | null {
  if (isis.length < 2) return null;
  // No neighbouring ratio can exceed longest/shortest (division rounds monotonically), so a train whose
  // ISIs all lie within a factor minGapRatio has no gap: skip the sort (the common, tonic case).
  let shortest = isis[0]!;
  let longest = isis[0]!;
  for (let i = 1; i < isis.length; i++) {
    const isi = isis[i]!;
    if (isi < shortest) shortest = isi;
    else if (isi > longest) longest = isi;
  }
  if (longest / shortest < minGapRatio) return null;
  const sorted = sortScratch.view(isis.length);
  sorted.set(isis);
  sorted.sort();
  let best = 0;
  let bestRatio = 0;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const ratio = sorted[i + 1]! / sorted[i]!;
    if (ratio > bestRatio) {
      bestRatio = ratio;
      best = i;
    }
  }
  return bestRatio >= minGapRatio ? Math.sqrt(sorted[best]! * sorted[best + 1]!) : null;
}

/**
 * Groups spikes into bursts: maximal runs of ≥ 2 consecutive spikes whose ISIs are all intra-burst (below
 * the derived threshold, or ≤ `maxIntraBurstIsi`). Spikes not in a run are isolated spikes and belong to no
 * burst. See the module comment for how the threshold is derived.
 *
 * @param spikes - spike times (ms), finite and strictly increasing.
 * @param options - `maxIntraBurstIsi` (ms, > 0) to fix the threshold; `minGapRatio` (> 1) for the derived one.
 * @returns the bursts, spikes per burst, mean spikes per burst, mean intra-burst ISI (ms), mean quiet
 *   period between bursts (ms) and the threshold (ms); `null` where undefined, never NaN.
 * @throws RangeError/TypeError naming the field, its value and what is allowed.
 * @example
 * detectBursts([0, 2, 4, 50, 52, 54]).spikesPerBurst; // [3, 3]
 */
export function detectBursts(spikes: ArrayLike<number>, options: BurstOptions = {}): BurstAnalysis {
  checkSpikeTimes(spikes);
  const o = checkKeys(options, "options", ["maxIntraBurstIsi", "minGapRatio"]) as BurstOptions;
  const explicit = o.maxIntraBurstIsi === undefined ? undefined : checkMaxIntraBurstIsi(o.maxIntraBurstIsi);
  const minGapRatio =
    o.minGapRatio === undefined
      ? BURST_MIN_GAP_RATIO
      : checkNumber(o.minGapRatio, "minGapRatio", {min: 1, minExclusive: true});
  return burstsFromIsis(spikes, isisOf(spikes), explicit, minGapRatio);
}

/** Checks an explicit intra-burst ISI threshold (ms, > 0); shared with classifyFiringPattern for one message. */
export function checkMaxIntraBurstIsi(value: unknown): number {
  return checkNumber(value, "maxIntraBurstIsi (ms)", {min: 0, minExclusive: true});
}

/** Explicit thresholds are a maximum (inclusive); the derived one lies strictly inside a gap, so < and ≤ agree. */
function isIntraBurst(isi: number, threshold: number, inclusive: boolean): boolean {
  return inclusive ? isi <= threshold : isi < threshold;
}

/**
 * Unchecked core of {@link detectBursts}, shared with the firing-pattern classifier: no validation, so
 * `spikes` must be finite and strictly increasing, `isis` must be their ISIs (`isisOf(spikes)`),
 * `maxIntraBurstIsi` (ms) undefined or > 0, and `minGapRatio` > 1.
 */
export function burstsFromIsis(
  spikes: ArrayLike<number>,
  isis: Float64Array,
  maxIntraBurstIsi: number | undefined,
  minGapRatio: number = BURST_MIN_GAP_RATIO
): BurstAnalysis {
  const threshold = maxIntraBurstIsi ?? derivedThreshold(isis, minGapRatio);
  const inclusive = maxIntraBurstIsi !== undefined;

  const bursts: Burst[] = [];
  const spikesPerBurst: number[] = [];
  let inBursts = 0;
  let intraSum = 0;
  let intraCount = 0;
  let i = 0;
  while (threshold !== null && i < isis.length) {
    if (!isIntraBurst(isis[i]!, threshold, inclusive)) {
      i++;
      continue;
    }
    const first = i;
    while (i < isis.length && isIntraBurst(isis[i]!, threshold, inclusive)) {
      intraSum += isis[i]!;
      intraCount++;
      i++;
    }
    // ISIs first..i−1 are intra-burst: spikes first..i form the burst.
    const count = i - first + 1;
    bursts.push({start: spikes[first]!, end: spikes[i]!, count});
    spikesPerBurst.push(count);
    inBursts += count;
  }

  let quiet = 0;
  for (let k = 0; k + 1 < bursts.length; k++) quiet += bursts[k + 1]!.start - bursts[k]!.end;
  return {
    bursts,
    spikesPerBurst,
    meanSpikesPerBurst: bursts.length > 0 ? inBursts / bursts.length : null,
    intraBurstIsi: intraCount > 0 ? intraSum / intraCount : null,
    interBurstInterval: bursts.length > 1 ? quiet / (bursts.length - 1) : null,
    threshold
  };
}
