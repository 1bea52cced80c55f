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
 *    spikes is a phasic burst: `spikesPerBurst` is its spike count (Fig. 1D).
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
 * The rules live in one place, {@link classifySpikeTrain}: an unvalidated core that returns the decision and
 * the numbers behind it without building any text (the behaviour atlas labels tens of thousands of trains
 * with it). {@link classifyFiringPattern} validates its input, asks the core, and writes the reason sentence.
 */
import {checkKeys, checkNumber} from "../validate.js";
import type {Trace} from "../simulate.js";
import {isiAdaptationIndex, isiCoefficientOfVariation, isisOf, lowerBound} from "./spikes.js";
import {burstsFromIsis, checkMaxIntraBurstIsi, checkSpikeTimes} from "./bursts.js";
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

/** Window and stimulus onset for {@link classifyFiringPattern} (ms). */
export interface ClassifyOptions {
  /** Start of the analysed window (ms), inclusive; default: for a Trace, the stimulus onset (see `onset`), else 0. */
  start?: number;
  /** End of the analysed window (ms), exclusive, > start; default: for a Trace, its last sample time. Required for a bare spike array. */
  end?: number;
  /**
   * Stimulus onset (ms), ≥ start and < end; default: for a Trace, the first sample time at which the current
   * differs from its initial value (0 if it never does); else `start`.
   */
  onset?: number;
  /** Passed to {@link detectBursts}: explicit intra-burst ISI threshold (ms). */
  maxIntraBurstIsi?: number;
}

/** Result of {@link classifyFiringPattern}. */
export interface FiringPatternResult {
  /** The label. */
  pattern: FiringPattern;
  /** For "bursting": the median spike count of the bursts; for "mixed": the onset burst's count; for a phasic burst: its spike count. */
  spikesPerBurst?: number;
  /** One plain sentence explaining the label with the numbers that decided it (for captions). */
  reason: string;
}

/** Formats a number with up to 3 significant digits (no trailing zeros, no "-0"). */
function fmt(x: number): string {
  // Captions want "0", not "4.21e-7", for an exactly regular train that differs from 0 only by rounding.
  if (Math.abs(x) < 5e-4) return "0";
  const y = Number(x.toPrecision(3));
  return Object.is(y, -0) ? "0" : String(y);
}

function isTrace(x: unknown): x is Trace {
  return (
    typeof x === "object" && x !== null && !ArrayBuffer.isView(x) && !Array.isArray(x) && "spikes" in x && "t" in x
  );
}

/** First sample time at which the current differs from its initial value; 0 if it never does. */
function stimulusOnset(trace: Trace): number {
  const {I, t} = trace;
  for (let k = 1; k < I.length; k++) if (I[k] !== I[0]) return t[k]!;
  return 0;
}

const isiScratch = new Scratch();
const medianScratch = new Scratch();

function median(values: ArrayLike<number>): number {
  const s = medianScratch.view(values.length);
  s.set(values);
  s.sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
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
  for (let k = 0; k < isis.length; k++) longest = Math.max(longest, isis[k]!); // indexed loops: for…of over a typed array is ≈ 4× slower in V8
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

/** What the reason sentence needs beyond the decision. */
interface ReasonContext {
  end: number;
  onset: number;
  /** Whether the caller fixed the intra-burst threshold (an inclusive maximum) rather than letting it be derived. */
  explicitThreshold: boolean;
  /** Total spikes of a run that stopped at its spike budget; null if it did not. */
  budgetSpikes: number | null;
}

/** One plain sentence explaining a decision with the numbers that decided it. */
function reasonOf(d: SpikeTrainDecision, {end, onset, explicitThreshold, budgetSpikes}: ReasonContext): string {
  const window = `${fmt(end - onset)} ms stimulus window`;
  const rule = (threshold: number) =>
    `ISIs ${explicitThreshold ? "up to" : "below"} ${fmt(threshold)} ms count as within a burst`;
  switch (d.pattern) {
    case "silent":
      return `No spike in the ${window} after onset at ${fmt(onset)} ms.`;
    case "bursting":
      return (
        `${d.bursts} bursts of ${fmt(d.spikesPerBurst)} spikes (median) separated by quiet periods of ` +
        `${fmt(d.interBurstInterval)} ms on average; ${rule(d.threshold)}.`
      );
    case "phasic":
      if (d.spikes === 1)
        return `A single spike ${fmt(d.latency)} ms after onset, then silence for the remaining ${fmt(d.silence)} ms.`;
      return (
        `${d.spikes} spikes within ${fmt(d.span)} ms (longest ISI ${fmt(d.longestIsi)} ms), then silence for the last ` +
        `${fmt(d.silence)} ms, ${fmt((100 * d.silence) / (end - onset))}% of the ${window} (phasic if ≥ ${fmt(100 * PHASIC_MIN_SILENCE_FRACTION)}%).`
      );
    case "mixed":
      return (
        `A burst of ${d.spikesPerBurst} spikes at onset, then a ${fmt(d.pause)} ms pause longer than the ${fmt(d.typicalIsi)} ms median ISI ` +
        `of the ${plural(d.followingSpikes, "spike")} that follow (${rule(d.threshold)}).`
      );
    case "accelerating":
      return (
        `The rate keeps growing: the ISI fell from ${fmt(d.firstIsi)} ms to ${fmt(d.lastIsi)} ms, ${fmt(d.growth)} times ` +
        `shorter (accelerating if ≥ ${fmt(ACCELERATING_MIN_RATE_RATIO)} times)` +
        (budgetSpikes !== null
          ? `, until the run reached its spike budget after ${plural(budgetSpikes, "spike")}: it runs away.`
          : ".")
      );
  }
  const late = d.late;
  if (late === null)
    return `Two spikes ${fmt(d.firstIsi)} ms apart (${fmt(1000 / d.firstIsi)} Hz), too few to show adaptation or irregularity.`;
  const which = `the last ${late.count} of ${d.isis} ISIs`;
  switch (d.pattern) {
    case "adapting":
      return (
        `ISIs keep lengthening, from ${fmt(d.firstIsi)} to ${fmt(d.lastIsi)} ms: adaptation index ${fmt(late.adaptation)} ` +
        `(≥ ${fmt(ADAPTING_MIN_INDEX)}) over ${which}, lengthening in ${late.lengthening} of ${plural(late.count - 1, "step")}.`
      );
    case "irregular":
      return `ISIs vary without bursts or a steady trend: CV ${fmt(late.cv)} (≥ ${fmt(IRREGULAR_MIN_CV)}) over ${which}, adaptation index ${fmt(late.adaptation)}.`;
    case "tonic":
      return (
        `Regular firing at ${fmt(1000 / late.mean)} Hz: CV ${fmt(late.cv)} (< ${fmt(IRREGULAR_MIN_CV)}) and adaptation index ${fmt(late.adaptation)} ` +
        `(< ${fmt(ADAPTING_MIN_INDEX)}) over ${which}.`
      );
  }
}

/**
 * Labels a spike train (or the spikes of a `simulate` Trace) as silent, tonic, adapting, phasic, bursting,
 * mixed (a burst at onset, then tonic spikes) or irregular, by the rules in the module comment, with one
 * set of thresholds (the exported constants) for every input. Validates its input, then decides with
 * {@link classifySpikeTrain}.
 *
 * @param input - a Trace from `simulate`, or spike times (ms), finite and strictly increasing.
 * @param options - `start`, `end` (ms; the window [start, end), required `end` for a bare array), `onset`
 *   (ms, stimulus onset), `maxIntraBurstIsi` (ms, for {@link detectBursts}).
 * @returns the label, `spikesPerBurst` for burst-type labels, and a one-sentence reason quoting the deciding
 *   numbers (ms, Hz, dimensionless indices).
 * @throws RangeError/TypeError naming the field, its value and what is allowed.
 * @example
 * classifyFiringPattern(simulate(FEATURES.C), {start: 22, end: 220}); // {pattern: "bursting", spikesPerBurst: 6, ...}
 */
export function classifyFiringPattern(
  input: Trace | ArrayLike<number>,
  options: ClassifyOptions = {}
): FiringPatternResult {
  const o = checkKeys(options, "options", ["start", "end", "onset", "maxIntraBurstIsi"]) as ClassifyOptions;
  const trace = isTrace(input) ? input : null;
  const spikes: ArrayLike<number> = trace ? trace.spikes : (input as ArrayLike<number>);
  if (spikes === null || typeof spikes !== "object" || typeof spikes.length !== "number") {
    throw new TypeError(
      `spikes: must be a Trace, a Float64Array or an array of spike times in ms, got ${spikes === null ? "null" : typeof spikes}`
    );
  }

  const traceOnset = trace ? stimulusOnset(trace) : 0;
  const start = o.start === undefined ? traceOnset : checkNumber(o.start, "start (ms)");
  let end: number;
  if (o.end !== undefined) end = checkNumber(o.end, "end (ms)", {min: start, minExclusive: true});
  else if (trace && trace.t.length > 0)
    end = checkNumber(trace.t[trace.t.length - 1], "end (ms, the trace's last sample)", {
      min: start,
      minExclusive: true
    });
  else throw new TypeError(`end (ms): required for a bare spike array (a finite number > start = ${fmt(start)})`);
  let onset: number;
  if (o.onset !== undefined) onset = checkNumber(o.onset, "onset (ms)", {min: start, max: end, maxExclusive: true});
  else if (trace && traceOnset >= start && traceOnset < end) onset = traceOnset;
  else onset = start;
  checkSpikeTimes(spikes); // every spike, even outside the window
  const maxIntraBurstIsi = o.maxIntraBurstIsi === undefined ? undefined : checkMaxIntraBurstIsi(o.maxIntraBurstIsi);

  const times = spikes instanceof Float64Array ? spikes : Float64Array.from(spikes);
  const d = classifySpikeTrain(times, start, end, onset, maxIntraBurstIsi);
  const budget =
    d.pattern === "accelerating" && (trace?.warnings?.some((w) => /spike budget|maxSpikes/i.test(w)) ?? false);
  const reason = reasonOf(d, {
    end,
    onset,
    explicitThreshold: maxIntraBurstIsi !== undefined,
    budgetSpikes: budget ? spikes.length : null
  });
  const spikesPerBurst = "spikesPerBurst" in d ? d.spikesPerBurst : undefined;
  return spikesPerBurst === undefined ? {pattern: d.pattern, reason} : {pattern: d.pattern, spikesPerBurst, reason};
}
