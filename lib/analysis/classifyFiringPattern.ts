/**
 * Labels a spike train (or a `simulate` Trace) with one of the firing patterns Izhikevich (2004) names in
 * Fig. 1, with a plain sentence quoting the numbers that decided it. The rules and their thresholds are in
 * classifySpikeTrain.ts; this module checks the input, asks that core, and writes the sentence.
 */
import {checkKeys, checkNumber} from "../validate.js";
import type {Trace} from "../simulate.js";
import {checkMaxIntraBurstIsi, checkSpikeTimes} from "./bursts.js";
import {
  ACCELERATING_MIN_RATE_RATIO,
  ADAPTING_MIN_INDEX,
  classifySpikeTrain,
  IRREGULAR_MIN_CV,
  PHASIC_MIN_SILENCE_FRACTION,
  PHASIC_MIN_SILENCE_ISI_RATIO,
  type FiringPattern,
  type SpikeTrainDecision
} from "./classifySpikeTrain.js";

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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
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
      if (d.doublet)
        return (
          `Two spikes ${fmt(d.span)} ms apart, then silence for the last ${fmt(d.silence)} ms, ` +
          `${fmt(d.silence / d.span)} times their ISI (phasic if ≥ ${fmt(PHASIC_MIN_SILENCE_ISI_RATIO)} times): the neuron stopped firing.`
        );
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
