// Build-time data of the numerics lab page (src/lab/numerics.md): the methods' spike-time convergence on one
// protocol against the adaptive reference, the 20 published panels under figure1.m's loop and under accurate
// integration, and the FS neuron's spike count as the cut-off vPeak rises. Runs in Node at build time.
import {fitSlope} from "../../lib/analysis/lyapunov.js";
import {classifyFiringPattern} from "../../lib/analysis/classifyFiringPattern.js";
import {CLASSES} from "../../lib/presets/classes2003.js";
import {FEATURES, type FeatureId} from "../../lib/presets/features2004.js";
import {simulate, type SimulateOptions} from "../../lib/simulate.js";

// 1. Convergence: RS's 2003 protocol (I = 14 from t = 15 ms), 300 ms, against adaptive at tolerance 1e-12.
const PROTOCOL: SimulateOptions = {...CLASSES.RS, duration: 300};
const reference = simulate({...PROTOCOL, method: "adaptive", tolerance: 1e-12, dt: 2 ** -5}).spikes;
const METHODS = {euler: [1, 12], paper2004: [1, 12], rk4: [1, 8]} as const;

function convergence(method: keyof typeof METHODS) {
  const [kMin, kMax] = METHODS[method];
  const points: {dt: number; error: number | null; spikes: number}[] = [];
  for (let k = kMin; k <= kMax; k++) {
    const dt = 2 ** -k;
    const spikes = simulate({...PROTOCOL, method, dt}).spikes;
    let error: number | null = null;
    if (spikes.length === reference.length) {
      error = 0;
      for (let i = 0; i < spikes.length; i++) error = Math.max(error, Math.abs(spikes[i] - reference[i]));
    }
    points.push({dt, error, spikes: spikes.length});
  }
  // The order: least-squares slope of log error on log dt over the five smallest steps with an error
  // above the reference's own accuracy (1e-9 ms).
  const fit = points.filter((p) => p.error !== null && p.error > 1e-9).slice(-5);
  const order =
    fit.length >= 3
      ? fitSlope(
          fit.map((p) => Math.log(p.dt)),
          fit.map((p) => Math.log(p.error!))
        )
      : null;
  return {method, points, order, fitted: fit.map((p) => p.dt)};
}

// 2. The 20 panels: figure1.m's loop as published against adaptive integration of the same protocol.
function panel(id: FeatureId) {
  const preset = FEATURES[id];
  const published = simulate(preset);
  const accurate = simulate({...preset, method: "adaptive", dt: Math.min(preset.dt ?? 0.25, 0.1), maxSpikes: 5000});
  const pattern = (t: typeof published) => {
    try {
      return classifyFiringPattern(t).pattern;
    } catch {
      return null;
    }
  };
  return {
    id,
    name: preset.name,
    published: {spikes: published.spikes.length, first: published.spikes[0] ?? null, pattern: pattern(published)},
    accurate: {
      spikes: accurate.spikes.length,
      first: accurate.spikes[0] ?? null,
      pattern: pattern(accurate),
      warnings: accurate.warnings
    }
  };
}

// 3. The cut-off: FS under its 2003 step (I = 10 from t = 15 ms), 300 ms, adaptive, vPeak from 30 to 1000 mV.
const CUTOFFS = [30, 40, 50, 75, 100, 150, 200, 300, 500, 750, 1000];
const cutoff = CUTOFFS.map((vPeak) => {
  const trace = simulate({...CLASSES.FS, duration: 300, method: "adaptive", vPeak, dt: 2 ** -5});
  return {vPeak, spikes: trace.spikes.length, first: trace.spikes[0] ?? null};
});

process.stdout.write(
  JSON.stringify({
    convergence: {
      protocol: "RS, I = 14 for t > 15 ms, 300 ms",
      referenceSpikes: reference.length,
      methods: (["euler", "paper2004", "rk4"] as const).map(convergence)
    },
    panels: (Object.keys(FEATURES) as FeatureId[]).map(panel),
    cutoff: {protocol: "FS, I = 10 for t > 15 ms, 300 ms, adaptive", points: cutoff}
  })
);
