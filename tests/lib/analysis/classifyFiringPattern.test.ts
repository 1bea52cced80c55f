import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {classifyFiringPattern} from "../../../lib/analysis/classifyFiringPattern.js";
import {
  ADAPTING_MIN_INDEX,
  IRREGULAR_MIN_CV,
  PHASIC_MIN_SILENCE_FRACTION,
  PHASIC_MIN_SILENCE_ISI_RATIO,
  type FiringPattern
} from "../../../lib/analysis/classifySpikeTrain.js";
import {CLASSES, type ClassId} from "../../../lib/presets/classes2003.js";
import {FEATURES, type FeatureId} from "../../../lib/presets/features2004.js";
import {type Preset} from "../../../lib/presets/published.js";
import {normal} from "../../../lib/random.js";
import {simulate, type Trace} from "../../../lib/simulate.js";

/** Spike times from a start time and a list of positive ISIs. */
function fromIsis(t0: number, isis: number[]): Float64Array {
  const out = new Float64Array(isis.length + 1);
  out[0] = t0;
  for (let i = 0; i < isis.length; i++) out[i + 1] = out[i]! + isis[i]!;
  return out;
}

const label = (t: ArrayLike<number>, start: number, end: number, onset?: number) =>
  classifyFiringPattern(t, onset === undefined ? {start, end} : {start, end, onset});

/** First sample time at which the trace's current leaves its initial value (the stimulus onset, ms). */
function onsetOf(trace: Trace): number {
  for (let k = 1; k < trace.I.length; k++) if (trace.I[k] !== trace.I[0]) return trace.t[k]!;
  return 0;
}

function classify(preset: Preset, method: "paper2004" | "adaptive") {
  const trace = simulate({...preset, method});
  const onset = onsetOf(trace);
  return classifyFiringPattern(trace, {start: onset, end: preset.duration, onset});
}

describe("classifyFiringPattern on synthetic trains", () => {
  it("labels a regular train tonic", () => {
    const r = label(fromIsis(12, Array(10).fill(25)), 10, 300);
    expect(r.pattern).toBe("tonic");
    expect(r.reason).toMatch(/40 Hz/);
  });

  it("labels a train whose ISIs grow geometrically (×1.5 each) adapting", () => {
    const r = label(fromIsis(12, [2, 3, 4.5, 6.75, 10.125, 15.1875]), 10, 60);
    expect(r.pattern).toBe("adapting");
    // (1.5 − 1)/(1.5 + 1) = 0.2 ≥ ADAPTING_MIN_INDEX.
    expect(0.2).toBeGreaterThanOrEqual(ADAPTING_MIN_INDEX);
    expect(r.reason).toMatch(/adaptation index 0\.2 /);
  });

  it("labels groups of 3 spikes every 50 ms bursting with 3 spikes per burst", () => {
    const t = [0, 1, 2, 3].flatMap((g) => [10 + 50 * g, 12 + 50 * g, 14 + 50 * g]);
    const r = label(t, 10, 200);
    expect(r).toMatchObject({pattern: "bursting", spikesPerBurst: 3});
    expect(r.reason).toMatch(/^4 bursts of 3 spikes/);
  });

  it("labels one spike phasic", () => {
    expect(label([30], 10, 200).pattern).toBe("phasic");
    expect(label([30], 10, 200).spikesPerBurst).toBeUndefined();
  });

  it("labels no spike, or spikes only before onset, silent", () => {
    expect(label([], 0, 100)).toMatchObject({pattern: "silent"});
    expect(label([5, 8], 0, 100, 20).pattern).toBe("silent");
    expect(label([5, 8], 0, 100, 20).reason).toMatch(/No spike in the 80 ms stimulus window after onset at 20 ms/);
  });

  it("labels random-looking (log-normal, seed 7) ISIs irregular", () => {
    const isis = Array.from({length: 40}, (_, k) => 20 * Math.exp(0.8 * normal(7, k)));
    const t = fromIsis(10, isis);
    const r = label(t, 0, t[t.length - 1]! + 20);
    expect(r.pattern).toBe("irregular");
    const cv = Number(/CV ([\d.]+)/.exec(r.reason)![1]);
    expect(cv).toBeGreaterThanOrEqual(IRREGULAR_MIN_CV);
  });

  it("labels a train whose ISIs shrink 100-fold accelerating, but not an irregular train with one long first ISI", () => {
    const shrinking = fromIsis(
      10,
      Array.from({length: 30}, (_, k) => 10 * 0.85 ** k)
    ); // 10 ms → 0.09 ms
    const r = label(shrinking, 0, shrinking[shrinking.length - 1]! + 1);
    expect(r.pattern).toBe("accelerating");
    expect(r.reason).toMatch(/fell from 10 ms to 0\.0[89]\d* ms/);
    expect(r.reason).not.toMatch(/runs away/); // a bare spike array says nothing of a budget
    // The same first/last ratio without a trend: one 40 ms ISI, then irregular ISIs around 2 ms.
    const isis = [40, ...Array.from({length: 30}, (_, k) => 2 * Math.exp(0.5 * normal(3, k)))];
    isis[isis.length - 1] = 1.5;
    const irregular = fromIsis(10, isis);
    expect(label(irregular, 0, irregular[irregular.length - 1]! + 5).pattern).not.toBe("accelerating");
  });

  it("says that panel T, integrated accurately, runs away to its spike budget", () => {
    const r = classify(FEATURES.T, "adaptive");
    expect(r.pattern).toBe("accelerating");
    expect(r.reason).toMatch(/spike budget after 100,?000 spikes: it runs away/);
  });

  it("labels a burst of spikes followed by a long silence a phasic burst", () => {
    // 5 spikes in 12 ms, then 150 ms of silence (> half of the 180 ms window).
    const r = label([30, 33, 36, 39, 42], 20, 200);
    expect(r).toMatchObject({pattern: "phasic", spikesPerBurst: 5});
  });

  it("does not call a slow train phasic when its final silence is shorter than half the window", () => {
    // Silence 30 ms < PHASIC_MIN_SILENCE_FRACTION × 100 ms.
    expect(30).toBeLessThan(PHASIC_MIN_SILENCE_FRACTION * 100);
    expect(label([10, 30, 50, 70], 0, 100).pattern).toBe("tonic");
  });

  it("does not call a slow train phasic when its final silence is shorter than twice its longest ISI", () => {
    // Silence 90 ms ≥ half of 150 ms, but < 2 × 55 ms.
    expect(label([5, 60], 0, 150).pattern).toBe("tonic");
    expect(label([5, 50], 0, 140).pattern).toBe("phasic");
  });

  it("calls two spikes followed by a silence of at least twice their ISI phasic (a doublet that stopped), not tonic", () => {
    // RZ's answer to its pulse (2003 class): spikes at 62.3 and 65.3 ms, then 34.7 ms of silence in [0, 100).
    const doublet = label([62.3, 65.3], 0, 100);
    expect(doublet).toMatchObject({pattern: "phasic", spikesPerBurst: 2});
    expect(doublet.reason).toBe(
      "Two spikes 3 ms apart, then silence for the last 34.7 ms, 11.6 times their ISI (phasic if ≥ 2 times): the neuron stopped firing."
    );
    // The boundary: silence exactly PHASIC_MIN_SILENCE_ISI_RATIO × ISI is phasic, just under it is tonic.
    expect(label([80, 84], 0, 84 + PHASIC_MIN_SILENCE_ISI_RATIO * 4).pattern).toBe("phasic");
    expect(label([80, 84], 0, 84 + PHASIC_MIN_SILENCE_ISI_RATIO * 4 - 0.01).pattern).toBe("tonic");
  });

  it("labels a burst at onset, a pause, then regular spikes mixed (not bursting)", () => {
    const r = label(fromIsis(20, [2, 3, 40, 32, 32, 32]), 16, 200);
    expect(r).toMatchObject({pattern: "mixed", spikesPerBurst: 3});
  });

  it("does not call a short first ISI that relaxes to the steady rate a burst (Fig. 1A's onset)", () => {
    expect(label(fromIsis(13, [4, 14.5, 27.75, 27.5]), 10, 100).pattern).toBe("tonic");
  });

  it("returns a reason that is one plain sentence", () => {
    for (const t of [[], [30], [10, 35, 60, 85, 110], [30, 33, 36, 39, 42]]) {
      const {reason} = label(t, 0, 200);
      expect(reason).toMatch(/^[A-Z0-9].*\.$/);
      expect(reason).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  // Times on a 1/4-ms grid and power-of-two scale factors keep the arithmetic exact, so invariance is tested
  // without rounding artefacts (in exact arithmetic every rule is a comparison of ratios).
  const arbCase = fc
    .record({
      lead: fc.integer({min: 0, max: 200}),
      steps: fc.array(fc.integer({min: 1, max: 400}), {maxLength: 30}),
      tail: fc.integer({min: 1, max: 800})
    })
    .map(({lead, steps, tail}) => {
      const t = fromIsis(
        lead / 4,
        steps.map((k) => k / 4)
      );
      return {t, start: 0, end: t[t.length - 1]! + tail / 4};
    });

  it("gives the same label when all times (spikes and window) are scaled by a positive factor", () => {
    fc.assert(
      fc.property(arbCase, fc.integer({min: -8, max: 8}), ({t, start, end}, k) => {
        const c = 2 ** k;
        const a = label(t, start, end);
        const b = label(
          t.map((s) => s * c),
          start * c,
          end * c
        );
        expect(b.pattern).toBe(a.pattern);
        expect(b.spikesPerBurst).toBe(a.spikesPerBurst);
      })
    );
  });

  it("gives the same label when all times (spikes and window) are shifted by a constant", () => {
    fc.assert(
      fc.property(arbCase, fc.integer({min: -5000, max: 5000}), ({t, start, end}, shift) => {
        const a = label(t, start, end);
        const b = label(
          t.map((s) => s + shift),
          start + shift,
          end + shift
        );
        expect(b.pattern).toBe(a.pattern);
        expect(b.spikesPerBurst).toBe(a.spikesPerBurst);
      })
    );
  });

  it("ignores spikes outside the window [start, end)", () => {
    expect(label([5, 30, 250], 10, 200).pattern).toBe("phasic");
  });

  it("takes the window and onset from a Trace when they are omitted", () => {
    const trace = simulate(FEATURES.B);
    // B's current steps up at t > 20 ms: the first sample after is 20.25 ms; the trace ends at 200.25 ms.
    expect(classifyFiringPattern(trace).reason).toMatch(/23\.8 ms after onset.*remaining 156 ms/);
  });

  it("rejects bad input with errors naming the field, the value and what is allowed", () => {
    expect(() => classifyFiringPattern([1, 2])).toThrow(/end \(ms\): required/);
    expect(() => classifyFiringPattern([1, 2], {start: 10, end: 5})).toThrow(/end \(ms\).*> 10.*got 5/);
    expect(() => classifyFiringPattern([1, 2], {start: 0, end: 5, onset: 7})).toThrow(/onset \(ms\).*< 5.*got 7/);
    expect(() => classifyFiringPattern([2, 1], {end: 5})).toThrow(/spikes\[1\].*got 1/);
    expect(() => classifyFiringPattern([1, 2], {end: 5, stop: 3} as never)).toThrow(/unknown key "stop"/);
    expect(() => classifyFiringPattern("12" as never, {end: 5})).toThrow(TypeError);
  });
});

/**
 * Labels of every published panel, with its stimulus onset as start and onset and its duration as end. The
 * paper2004 column is the published scheme; the adaptive column is the accurate integration (docs/science.md §5).
 */
const FEATURE_LABELS: Record<FeatureId, {paper2004: [FiringPattern, number?]; adaptive: [FiringPattern, number?]}> = {
  A: {paper2004: ["tonic"], adaptive: ["tonic"]}, // tonic spiking
  B: {paper2004: ["phasic"], adaptive: ["phasic"]}, // phasic spiking
  C: {paper2004: ["bursting", 6], adaptive: ["bursting", 6]}, // tonic bursting
  D: {paper2004: ["phasic", 6], adaptive: ["phasic", 8]}, // phasic bursting
  E: {paper2004: ["mixed", 3], adaptive: ["mixed", 3]}, // mixed mode
  F: {paper2004: ["adapting"], adaptive: ["adapting"]}, // spike frequency adaptation
  G: {paper2004: ["tonic"], adaptive: ["tonic"]}, // Class 1 (ramp: ISIs shorten, late half regular)
  H: {paper2004: ["tonic"], adaptive: ["tonic"]}, // Class 2
  I: {paper2004: ["phasic"], adaptive: ["phasic"]}, // spike latency: one spike
  J: {paper2004: ["phasic"], adaptive: ["phasic"]}, // subthreshold oscillations: one spike
  K: {paper2004: ["phasic"], adaptive: ["phasic"]}, // resonator: one spike
  L: {paper2004: ["phasic"], adaptive: ["phasic"]}, // integrator: one spike
  M: {paper2004: ["phasic"], adaptive: ["phasic"]}, // rebound spike
  N: {paper2004: ["phasic", 7], adaptive: ["phasic", 14]}, // rebound burst
  O: {paper2004: ["phasic"], adaptive: ["phasic"]}, // threshold variability: one spike
  P: {paper2004: ["tonic"], adaptive: ["tonic"]}, // bistability: tonic after the first pulse
  Q: {paper2004: ["phasic"], adaptive: ["tonic"]}, // DAP: accurate integration fires repetitively (§2.4)
  R: {paper2004: ["phasic"], adaptive: ["phasic"]}, // accommodation: one spike
  S: {paper2004: ["tonic"], adaptive: ["tonic"]}, // inhibition-induced spiking
  T: {paper2004: ["bursting", 6], adaptive: ["accelerating"]} // inhibition-induced bursting; accurate run runs away (§2.4)
};

const CLASS_LABELS: Record<ClassId, {paper2004: [FiringPattern, number?]; adaptive: [FiringPattern, number?]}> = {
  RS: {paper2004: ["tonic"], adaptive: ["tonic"]},
  IB: {paper2004: ["mixed", 3], adaptive: ["mixed", 3]},
  CH: {paper2004: ["bursting", 4], adaptive: ["bursting", 5]},
  FS: {paper2004: ["tonic"], adaptive: ["tonic"]},
  TC: {paper2004: ["tonic"], adaptive: ["tonic"]}, // 4 spikes as published: 2 late ISIs are too few for a trend
  TC_burst: {paper2004: ["phasic", 5], adaptive: ["phasic", 7]},
  RZ: {paper2004: ["phasic", 2], adaptive: ["phasic", 2]}, // a doublet answers the pulse, then silence
  LTS: {paper2004: ["tonic"], adaptive: ["tonic"]}
};

describe("classifyFiringPattern on the published panels (Izhikevich 2004, Fig. 1)", () => {
  it("gives the paper's label where its name maps to one, with method paper2004 as published", () => {
    expect(classify(FEATURES.A, "paper2004").pattern).toBe("tonic");
    expect(classify(FEATURES.B, "paper2004").pattern).toBe("phasic");
    const c = classify(FEATURES.C, "paper2004");
    expect(c.pattern).toBe("bursting");
    expect(c.spikesPerBurst).toBeGreaterThanOrEqual(2);
    const d = classify(FEATURES.D, "paper2004");
    expect(d.pattern).toBe("phasic");
    expect(d.spikesPerBurst).toBeGreaterThanOrEqual(2);
    expect(classify(FEATURES.E, "paper2004").pattern).toBe("mixed");
    expect(classify(FEATURES.F, "paper2004").pattern).toBe("adapting");
    expect(classify(FEATURES.M, "paper2004").pattern).toBe("phasic");
    const n = classify(FEATURES.N, "paper2004");
    expect(n.pattern).toBe("phasic");
    expect(n.spikesPerBurst).toBeGreaterThanOrEqual(2);
    expect(classify(FEATURES.T, "paper2004").pattern).toBe("bursting");
  });

  for (const method of ["paper2004", "adaptive"] as const) {
    for (const id of Object.keys(FEATURE_LABELS) as FeatureId[]) {
      const [pattern, perBurst] = FEATURE_LABELS[id][method];
      it(`labels panel ${id} (${FEATURES[id].name}) ${pattern}${perBurst ? ` with ${perBurst} spikes per burst` : ""} with method ${method}`, () => {
        const r = classify(FEATURES[id], method);
        expect(r.pattern).toBe(pattern);
        expect(r.spikesPerBurst).toBe(perBurst);
      });
    }
  }
});

describe("classifyFiringPattern on the 2003 classes", () => {
  it("labels RS tonic or adapting, CH bursting, FS tonic and IB mixed (onset burst, then tonic) under both methods", () => {
    for (const method of ["paper2004", "adaptive"] as const) {
      expect(["tonic", "adapting"]).toContain(classify(CLASSES.RS, method).pattern);
      expect(classify(CLASSES.CH, method).pattern).toBe("bursting");
      expect(classify(CLASSES.FS, method).pattern).toBe("tonic");
      expect(classify(CLASSES.IB, method).pattern).toBe("mixed");
    }
  });

  for (const method of ["paper2004", "adaptive"] as const) {
    for (const id of Object.keys(CLASS_LABELS) as ClassId[]) {
      const [pattern, perBurst] = CLASS_LABELS[id][method];
      it(`labels class ${id} ${pattern}${perBurst ? ` with ${perBurst} spikes per burst` : ""} with method ${method}`, () => {
        const r = classify(CLASSES[id], method);
        expect(r.pattern).toBe(pattern);
        expect(r.spikesPerBurst).toBe(perBurst);
      });
    }
  }
});
