/**
 * First-spike latency against the amplitude of a current step: unbounded near rheobase for an integrator,
 * bounded for a resonator.
 *
 * Units: t in ms, so rates are 1000 × spikes per ms = Hz (spikes per second); I in the paper's units (a
 * current normalised by capacitance, mV/ms); v in mV.
 */
import {checkKeys, checkNumber, describe} from "../validate.js";
import {
  checkDuration,
  requiredCurrents,
  resolveSettings,
  restAt,
  runAt,
  SETTING_KEYS,
  type CurrentRange,
  type RunSettings
} from "./excitabilityRuns.js";

/** Options of {@link latencyCurve}. */
export interface LatencyOptions extends RunSettings {
  /** Step amplitudes (mV/ms). */
  amplitudes: CurrentRange;
  /** Length of each run after the step onset (ms); default 500. */
  duration?: number;
  /** Holding current before the step (mV/ms); the neuron starts on its rest state there; default 0. */
  baseline?: number;
}

/** One point of a latency curve. */
export interface LatencyPoint {
  /** Step amplitude (mV/ms); the current during the step is baseline + I. */
  I: number;
  /** Time from step onset to the first spike (ms), or null if there is none within the run. */
  latency: number | null;
}

/**
 * First-spike latency against the amplitude of a current step applied at t = 0 to the neuron resting at the
 * baseline current. Near rheobase the latency grows without bound for an integrator (the slow passage near
 * the saddle-node's ghost) but stays bounded for a resonator.
 *
 * @throws RangeError/TypeError naming the field; RangeError if there is no stable rest at the baseline.
 */
export function latencyCurve(options: LatencyOptions): LatencyPoint[] {
  const fn = "latencyCurve";
  const o = checkKeys(options, `${fn}: options`, [...SETTING_KEYS, "amplitudes", "duration", "baseline"]);
  const s = resolveSettings(fn, o);
  const amplitudes = requiredCurrents(fn, o, "amplitudes");
  const duration = checkDuration(fn, o.duration, 500);
  const baseline = o.baseline === undefined ? 0 : checkNumber(o.baseline, `${fn}: baseline`);
  const rest = restAt(s, baseline);
  if (!rest)
    throw new RangeError(
      `${fn}: baseline ${baseline} has no stable rest state for params ${describe(s.params)}; choose another baseline`
    );
  return amplitudes.map((I) => {
    const run = runAt(s, baseline + I, rest, duration, 1);
    return {I, latency: run.spikes.length ? run.spikes[0]! : null};
  });
}
