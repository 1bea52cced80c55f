// The signatures of the published firing patterns (Izhikevich 2004, Fig. 1), each read from its own trace, as
// published (figure1.m's Euler loop at the panel's τ) and accurately integrated, and the artefacts of the
// coarse published step that accurate integration exposes (docs/science.md §2.4 and §5).
import {describe, expect, it} from "vitest";
import {detectBursts, FEATURES, interSpikeIntervals, simulate, type FeatureId, type Trace} from "../../lib/index.js";

const published = (id: FeatureId): Trace => simulate(FEATURES[id]);
const accurate = (id: FeatureId, maxSpikes = 100_000): Trace =>
  simulate({...FEATURES[id], method: "adaptive", maxSpikes});
const both = (id: FeatureId) =>
  [
    ["as published", published(id)],
    ["accurately integrated", accurate(id)]
  ] as const;
const after = (trace: Trace, t: number) => Array.from(trace.spikes).filter((s) => s > t);

describe("the published firing patterns hold under both methods where the literature says they do", () => {
  it("B, phasic spiking: exactly one spike after the onset of the input (20 ms)", () => {
    for (const [, trace] of both("B")) expect(after(trace, 20).length).toBe(1);
  });

  it("C, tonic bursting: bursts of two or more spikes separated by quiet periods far longer than the intra-burst ISI", () => {
    for (const [, trace] of both("C")) {
      const bursts = detectBursts(trace.spikes);
      expect(bursts.bursts.length).toBeGreaterThanOrEqual(3);
      expect(Math.min(...bursts.spikesPerBurst)).toBeGreaterThanOrEqual(2);
      expect(bursts.interBurstInterval!).toBeGreaterThan(5 * bursts.intraBurstIsi!);
    }
  });

  it("G, Class 1 excitability: the rate rises from near zero along the ramp (first ISI > 2× the last; the ISIs only shorten)", () => {
    for (const [, trace] of both("G")) {
      const isis = interSpikeIntervals(trace.spikes);
      expect(isis.length).toBeGreaterThan(5);
      expect(1000 / isis[0]).toBeLessThan(30); // Hz: the first interval is long, the onset rate low
      expect(isis[0]).toBeGreaterThan(2 * isis[isis.length - 1]);
      for (let i = 1; i < isis.length; i++) expect(isis[i]).toBeLessThanOrEqual(isis[i - 1] + 1e-9);
    }
  });

  it("P, bistability as published: the first pulse (37.5 ms) starts tonic firing and the second (216 ms) stops it", () => {
    const trace = published("P");
    expect(after(trace, 37.5).length).toBeGreaterThanOrEqual(3);
    expect(after(trace, 216).length).toBe(0);
  });
});

describe("accurate integration exposes the artefacts of the published step (docs/science.md §2.4)", () => {
  it("P: the second pulse no longer stops the firing (216 ms works only for figure1.m's Euler)", () => {
    expect(after(accurate("P"), 221).length).toBeGreaterThan(0);
  });

  it("Q: one spike with an after-potential as published, repetitive firing when integrated accurately (b = 0.2)", () => {
    expect(published("Q").spikes.length).toBe(1);
    expect(accurate("Q").spikes.length).toBeGreaterThanOrEqual(5);
  });

  it("T: bursts as published; accurately integrated it runs away until the spike budget stops it, with a warning", () => {
    expect(detectBursts(published("T").spikes).bursts.length).toBeGreaterThanOrEqual(2);
    const runaway = accurate("T", 5000);
    expect(runaway.spikes.length).toBe(5000);
    expect(runaway.warnings.join(" ")).toMatch(/spike budget of 5000/);
    expect(runaway.t[runaway.t.length - 1]).toBeLessThan(FEATURES.T.duration); // stopped early, nothing hangs
    const isis = interSpikeIntervals(runaway.spikes);
    expect(isis[isis.length - 1]).toBeLessThan(0.1 * isis[0]); // the rate keeps growing
  });

  it("S: accurately integrated it gains a rebound spike just after the inhibition ends at 250 ms", () => {
    expect(after(published("S"), 250).length).toBe(0);
    const rebound = after(accurate("S"), 250);
    expect(rebound.length).toBe(1);
    expect(rebound[0]).toBeLessThan(260);
  });

  it("I: the long published latency shrinks: the spike comes > 10 ms after the pulse as published, < 5 ms accurately", () => {
    expect(published("I").spikes[0] - 13).toBeGreaterThan(10);
    expect(accurate("I").spikes[0] - 13).toBeLessThan(5);
  });

  it("M and N: the rebound comes about 10 ms earlier (more than 5 ms), and N's burst has more spikes", () => {
    for (const id of ["M", "N"] as const) expect(published(id).spikes[0] - accurate(id).spikes[0]).toBeGreaterThan(5);
    expect(accurate("N").spikes.length).toBeGreaterThan(published("N").spikes.length);
  });
});
