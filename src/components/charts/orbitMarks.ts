/**
 * Where the 20 published features (Izhikevich 2004, Fig. 1) sit on an orbit diagram's axis. A feature is marked
 * when it uses the standard equation and shares the base neuron's other parameters exactly: for a sweep of a,
 * b, c or d, the other three of a, b, c, d (its current is not compared, since the features are tested with
 * steps, pulses and ramps, not DC); for a sweep of I, all four, and it is marked at the largest current its
 * protocol applies.
 */
import {FEATURES, type FeatureId} from "../../lib/presets/features2004.js";
import {type Preset} from "../../lib/presets/published.js";
import {compileStimulus} from "../../lib/stimuli/index.js";
import type {OrbitParameter} from "../../lib/analysis/orbitDiagram.js";
import type {Params} from "../../lib/models/izhikevich2003.js";
import type {AxisMark} from "./chaosCharts.js";

/** The largest current a preset's protocol applies (paper's units), sampled on its own step. */
export function peakCurrent(preset: Preset): number {
  const dt = preset.dt ?? 0.25;
  const n = Math.ceil(preset.duration / dt) + 1;
  const I = new Float64Array(n);
  compileStimulus(preset.current ?? 0, preset.duration).fill(I, 0, dt);
  let max = -Infinity;
  for (const x of I) if (x > max) max = x;
  return max;
}

const KEYS: (keyof Params)[] = ["a", "b", "c", "d"];

/** The features to mark for a sweep of `parameter` from the base neuron `params`. */
export function featureMarks(params: Params, parameter: OrbitParameter): (AxisMark & {id: FeatureId; name: string})[] {
  const marks: (AxisMark & {id: FeatureId; name: string})[] = [];
  for (const [id, preset] of Object.entries(FEATURES) as [FeatureId, Preset][]) {
    if (preset.equation) continue; // G, L (4.1v + 108) and R (accommodation) use another equation
    const others = KEYS.filter((k) => k !== parameter);
    if (!others.every((k) => preset.params[k] === params[k])) continue;
    const x = parameter === "I" ? peakCurrent(preset) : preset.params[parameter];
    marks.push({id, name: preset.name, x, label: id});
  }
  return marks;
}
