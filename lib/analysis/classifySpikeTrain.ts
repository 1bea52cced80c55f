/**
 * Classifies a spike train into one of the firing patterns Izhikevich (2004) names in Fig. 1, with a plain
 * sentence saying which numbers decided it. Only spike times are used (ms), so the label does not depend on
 * the integration method except through the spikes it produces.
 *
 * The rules, applied in this order to the spikes in the window [start, end):
 *
 * 1. **silent**: no spike at or after `onset`.
 * 2. **bursting**: {@link detectBursts} finds ≥ 2 bursts (each ≥ 2 spikes) and at least
 *    {@link BURSTING_MIN_SPIKE_FRACTION} of the spikes lie in bursts (so a few close pairs in an irregular
 *    train do not make it bursting).
 * 3. **phasic**: one spike; or all spikes come early and are followed by a silence that lasts at least
 *    {@link PHASIC_MIN_SILENCE_FRACTION} of the stimulus window [onset, end) *and* at least
 *    {@link PHASIC_MIN_SILENCE_ISI_RATIO} times the longest ISI of the response. A phasic response of ≥ 2
 *    spikes is a phasic burst: `spikesPerBurst` is its spike count (Fig. 1D). Two spikes are too few for a
 *    rate, so for them the silence need only last {@link PHASIC_MIN_SILENCE_ISI_RATIO} times their ISI: the
 *    neuron stopped firing (a doublet, such as the 2003 RZ class's answer to its pulse), which no tonic train
 *    does; two spikes followed by a shorter silence are tonic (rule 8), too few to judge further.
 * 4. **mixed**: exactly one burst, at the first spike, followed by ≥ 2 single spikes, and the pause after the
 *    burst is longer than the median ISI of the spikes that follow (a post-burst pause, then tonic firing:
 *    Fig. 1E, the IB class). A single short first ISI that merely relaxes towards the steady rate (pause
 *    shorter than the later ISIs, as in Fig. 1A and 1F) is not mixed mode; rules 5–7 then decide.
 * 5. **accelerating**: the last ISI is at most 1/{@link ACCELERATING_MIN_RATE_RATIO} of the first (the rate
 *    grew at least that many times during the response) and the median ISI of the first half is at least
 *    {@link ACCELERATING_MIN_HALVES_RATIO} times that of the second (a trend, not one long first ISI in an
 *    irregular train). Panel T under accurate integration is the case in
 *    point: each spike lowers u, the rate grows without bound (ISIs fall from 1.1 ms to 0.2 µs) until the spike
 *    budget stops the run; the reason then says so. A Class 1 ramp (panel G: 40 → 15 ms) stays far below it.
 * 6. **adapting**: over the late ISIs (see below), at least {@link ADAPTING_MIN_LATE_ISIS} of them, the
 *    adaptation index of spikes.ts is ≥ {@link ADAPTING_MIN_INDEX} and the ISIs lengthen in at least
 *    {@link ADAPTING_MIN_LENGTHENING_SHARE} of the consecutive pairs, i.e. the rate is still falling when the
 *    window ends.
 * 7. **irregular**: the coefficient of variation of the late ISIs is ≥ {@link IRREGULAR_MIN_CV}.
 * 8. **tonic**: otherwise (regular late ISIs without marked lengthening).
 *
 * Late ISIs: the second half of the ISIs (at least the last two). Why: the first ISIs after a step onset
 * reflect the transient from rest (u still far from its steady value), which is short in every regular
 * spiker (Fig. 1A's first ISI is 4 ms against 27.5 ms later). Tonic vs adapting is a statement about
 * where the train is heading, so it is judged on the second half of the response.
 *
 * All thresholds are ratios or dimensionless, so the label does not change when all times (spikes and
 * window) are scaled by a positive factor or shifted by a constant.
 *
 * The rules live in one place, {@link classifySpikeTrain} (this module): an unvalidated core that returns the
 * decision and the numbers behind it without building any text (the behaviour atlas labels tens of thousands
 * of trains with it). {@link classifyFiringPattern} (classifyFiringPattern.ts) validates its input, asks the
 * core, and writes the reason sentence.
 */
import {isiAdaptationIndex, isiCoefficientOfVariation, isisOf, lowerBound} from "./spikes.js";
import {burstsFromIsis} from "./bursts.js";
import {Scratch} from "./scratch.js";

/** The labels {@link classifyFiringPattern} returns. */
export type FiringPattern =
  "silent" | "tonic" | "adapting" | "phasic" | "bursting" | "mixed" | "irregular" | "accelerating";

/** All labels, in the order the rules are tried. */
export const FIRING_PATTERNS: readonly FiringPattern[] = Object.freeze([
  "silent",
  "bursting",
  "phasic",
  "mixed",
  "accelerating",
  "adapting",
  "irregular",
  "tonic"
]);

/**
 * Accelerating: smallest ratio of the first ISI to the last (dimensionless): the rate grew at least 20-fold.
 * Panel T integrated accurately reaches ≈ 5800 before its spike budget; the ramps of G and H reach 2.7.
 */
export const ACCELERATING_MIN_RATE_RATIO = 20;

/** Accelerating: smallest ratio of the median ISI of the train's first half to that of its second (T: 3.0). */
export const ACCELERATING_MIN_HALVES_RATIO = 2;

/**
 * Adapting: the fewest late ISIs that can show it (two consecutive changes); with fewer, one lengthening is
 * no trend (the 2003 TC class as published has 3 ISIs in all, 2 late ones).
 */
export const ADAPTING_MIN_LATE_ISIS = 3;

/** Smallest share of the spikes that must lie in bursts for the label "bursting" (dimensionless). */
export const BURSTING_MIN_SPIKE_FRACTION = 0.5;

/**
 * Phasic: the silence after the last spike must last at least this fraction of the stimulus window
 * [onset, end) (dimensionless): the response occupies at most the first half of the stimulus.
 */
export const PHASIC_MIN_SILENCE_FRACTION = 0.5;

/**
 * Phasic: the silence after the last spike must also be at least this many times the longest ISI of the
 * response (dimensionless), so a slow tonic train that happens to stop early is not called phasic.
 */
export const PHASIC_MIN_SILENCE_ISI_RATIO = 2;

/**
 * Adapting: smallest adaptation index (mean of (ISI_{n+1} − ISI_n)/(ISI_{n+1} + ISI_n), see `adaptationIndex`)
 * of the late ISIs (dimensionless). 0.1 means each ISI is on average ≈ 22 % longer than the one before
 * ((1 + 0.1)/(1 − 0.1) ≈ 1.22).
 */
export const ADAPTING_MIN_INDEX = 0.1;

/**
 * Adapting: smallest share of consecutive late-ISI pairs in which the ISI lengthens (dimensionless), so a
 * random train with one large jump is not called adapting.
 */
export const ADAPTING_MIN_LENGTHENING_SHARE = 2 / 3;

/**
 * Irregular: smallest coefficient of variation of the late ISIs (dimensionless; 0 for a clock, 1 for a
 * Poisson process). Below it, a train without bursts or adaptation is tonic.
 */
export const IRREGULAR_MIN_CV = 0.3;

const isiScratch = new Scratch();
const medianScratch = new Scratch();

function median(values: ArrayLike<number>): number {
  const s = medianScratch.view(values.length);
  s.set(values);
  s.sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The late ISIs (the second half of the ISIs, at least the last two) on which rules 6–8 decide. */
export interface LateIsiStatistics {
  /** Number of late ISIs. */
  count: number;
  /** Their mean (ms). */
  mean: number;
  /** Their coefficient of variation (dimensionless). */
  cv: number;
  /** Their adaptation index (dimensionless). */
  adaptation: number;
  /** Number of consecutive late-ISI pairs in which the ISI lengthens (of count − 1). */
  lengthening: number;
}

/**
 * What {@link classifySpikeTrain} decided: the label, `spikesPerBurst` where {@link classifyFiringPattern}
 * reports it, and the numbers its reason sentence quotes (times in ms; counts and ratios dimensionless).
 */
export type SpikeTrainDecision =
  | {pattern: "silent"}
  | {pattern: "bursting"; spikesPerBurst: number; bursts: number; interBurstInterval: number; threshold: number}
  | {
      pattern: "phasic";
      /** Set for a phasic burst (≥ 2 spikes): its spike count; absent for a single spike. */
      spikesPerBurst?: number;
      spikes: number;
      /** First spike − onset. */
      latency: number;
      /** Last spike − first spike. */
      span: number;
      longestIsi: number;
      /** end − last spike. */
      silence: number;
      /**
       * True for two spikes followed by a silence of ≥ PHASIC_MIN_SILENCE_ISI_RATIO × their ISI that is shorter
       * than PHASIC_MIN_SILENCE_FRACTION of the window (a doublet that stopped); absent otherwise.
       */
      doublet?: true;
    }
  | {
      pattern: "mixed";
      spikesPerBurst: number;
      pause: number;
      typicalIsi: number;
      followingSpikes: number;
      threshold: number;
    }
  | {pattern: "accelerating"; firstIsi: number; lastIsi: number; growth: number}
  | {
      pattern: "adapting" | "irregular" | "tonic";
      /** Number of ISIs in the window. */
      isis: number;
      firstIsi: number;
      lastIsi: number;
      /** `null` for two spikes (one ISI: too few to judge; the label is then tonic). */
      late: LateIsiStatistics | null;
    };

/**
 * The classifier's rules (module comment) on the spikes in [start, end), without validation and without
 * building text: the fast core behind {@link classifyFiringPattern}, for callers that label many trains.
 *
 * NOT VALIDATED: `spikes` must be finite and strictly increasing (ms); `start < end` and
 * `start ≤ onset < end` (ms); `maxIntraBurstIsi` undefined or > 0 (ms). Other input gives unspecified labels.
 *
 * @returns the decision: the same `pattern` and `spikesPerBurst` as classifyFiringPattern, plus the numbers
 *   of its reason.
 * @example
 * classifySpikeTrain(trace.spikes, 0, 1000, 0).pattern; // e.g. "tonic"
 */
export function classifySpikeTrain(
  spikes: Float64Array,
  start: number,
  end: number,
  onset: number,
  maxIntraBurstIsi?: number
): SpikeTrainDecision {
  const i0 = lowerBound(spikes, start);
  const i1 = lowerBound(spikes, end);
  const n = i1 - i0;

  // 1. silent (the spikes increase, so the window's last spike decides)
  if (n === 0 || spikes[i1 - 1]! < onset) return {pattern: "silent"};

  const train = spikes.subarray(i0, i1);
  const isis = isisOf(train, isiScratch.view(n - 1));
  const bursts = burstsFromIsis(train, isis, maxIntraBurstIsi);
  let inBursts = 0;
  for (const count of bursts.spikesPerBurst) inBursts += count;

  // 2. bursting
  if (bursts.bursts.length >= 2 && inBursts >= BURSTING_MIN_SPIKE_FRACTION * n) {
    return {
      pattern: "bursting",
      spikesPerBurst: median(bursts.spikesPerBurst),
      bursts: bursts.bursts.length,
      interBurstInterval: bursts.interBurstInterval!,
      threshold: bursts.threshold!
    };
  }

  // 3. phasic
  const first = train[0]!;
  const last = train[n - 1]!;
  const silence = end - last;
  let longest = 0;
  // Indexed loops: for…of over a typed array is ≈ 4× slower in V8.
  for (let k = 0; k < isis.length; k++) longest = Math.max(longest, isis[k]!);
  if (n === 1) return {pattern: "phasic", spikes: 1, latency: first - onset, span: 0, longestIsi: 0, silence};
  if (silence >= PHASIC_MIN_SILENCE_FRACTION * (end - onset) && silence >= PHASIC_MIN_SILENCE_ISI_RATIO * longest) {
    return {
      pattern: "phasic",
      spikesPerBurst: n,
      spikes: n,
      latency: first - onset,
      span: last - first,
      longestIsi: longest,
      silence
    };
  }

  // 3b. two spikes, then a silence of several of their ISIs: the neuron stopped (it would be "tonic" below).
  if (n === 2 && silence >= PHASIC_MIN_SILENCE_ISI_RATIO * longest) {
    return {
      pattern: "phasic",
      spikesPerBurst: 2,
      spikes: 2,
      latency: first - onset,
      span: last - first,
      longestIsi: longest,
      silence,
      doublet: true
    };
  }

  // 4. mixed: one burst at the first spike, then a pause longer than the ISIs of the single spikes after it.
  if (bursts.bursts.length === 1 && bursts.bursts[0]!.start === first) {
    const count = bursts.bursts[0]!.count;
    const later = isis.subarray(count); // isis[count − 1] is the pause after the burst
    if (later.length >= 1) {
      const pause = isis[count - 1]!;
      const typical = median(later);
      if (pause > typical) {
        return {
          pattern: "mixed",
          spikesPerBurst: count,
          pause,
          typicalIsi: typical,
          followingSpikes: later.length + 1,
          threshold: bursts.threshold!
        };
      }
    }
  }

  const firstIsi = isis[0]!;
  const lastIsi = isis[isis.length - 1]!;
  if (isis.length < 2) return {pattern: "tonic", isis: 1, firstIsi, lastIsi, late: null};

  // 5. accelerating (the halves' medians only when the rate ratio already qualifies)
  const growth = firstIsi / lastIsi;
  const halfway = isis.length >> 1;
  if (
    growth >= ACCELERATING_MIN_RATE_RATIO &&
    median(isis.subarray(0, halfway)) / median(isis.subarray(halfway)) >= ACCELERATING_MIN_HALVES_RATIO
  ) {
    return {pattern: "accelerating", firstIsi, lastIsi, growth};
  }

  // 6–8 on the late ISIs: the second half, at least the last two.
  const late = isis.subarray(Math.min(isis.length >> 1, isis.length - 2));
  const adaptation = isiAdaptationIndex(late)!;
  const cv = isiCoefficientOfVariation(late)!;
  let lengthening = 0;
  for (let k = 0; k + 1 < late.length; k++) if (late[k + 1]! > late[k]!) lengthening++;
  let mean = 0;
  for (let k = 0; k < late.length; k++) mean += late[k]!;
  mean /= late.length;
  const stats: LateIsiStatistics = {count: late.length, mean, cv, adaptation, lengthening};
  const adapting =
    late.length >= ADAPTING_MIN_LATE_ISIS &&
    adaptation >= ADAPTING_MIN_INDEX &&
    lengthening / (late.length - 1) >= ADAPTING_MIN_LENGTHENING_SHARE;
  const pattern = adapting ? "adapting" : cv >= IRREGULAR_MIN_CV ? "irregular" : "tonic";
  return {pattern, isis: isis.length, firstIsi, lastIsi, late: stats};
}
