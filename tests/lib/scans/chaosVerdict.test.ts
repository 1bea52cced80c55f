// The "is it chaos?" verdict: its decisions on the library's own runs (a chaotic neuron, one whose apparent
// sensitivity is made by the step, a regular one) and on synthetic spike trains.
import {describe, expect, it} from "vitest";
import {simulate} from "../../../lib/simulate.js";
import {lyapunov} from "../../../lib/analysis/lyapunov.js";
import type {Params} from "../../../lib/models/izhikevich2003.js";
import {
  type ComparedRun,
  conclusions,
  firstSplit,
  isChaotic,
  robustClaims,
  summarise
} from "../../../lib/scans/chaosVerdict.js";

/** The chaos page's comparison: Euler at dt and dt/2, then the accurate method, each with a twin 1e-6 higher in u. */
function compare(params: Params, current: number, dt: number): ComparedRun[] {
  const v0 = params.c;
  const u0 = params.b * v0;
  const run = (label: string, method: "euler" | "adaptive", step: number): ComparedRun => {
    const base = {params, current, duration: 2000, v0, dt: step, method, maxSpikes: 20_000};
    return {
      label,
      method,
      dt: step,
      spikes: simulate({...base, u0}).spikes,
      twinSpikes: simulate({...base, u0: u0 + 1e-6}).spikes
    };
  };
  return [run("euler dt", "euler", dt), run("euler dt/2", "euler", dt / 2), run("adaptive", "adaptive", 2 ** -5)];
}

/** Which of the four conclusions (irregular, sensitive, continuum, mean ISI) each run supports. */
const table = (runs: ComparedRun[]) => conclusions(runs.map(summarise)).map((c) => c.holds);

describe("the verdict on the library's own runs", () => {
  it("the chaotic set (a 0.2, b 2, c −56, d −16, I −99) is chaos: irregular and sensitive under every integration", () => {
    const params = {a: 0.2, b: 2, c: -56, d: -16};
    const lyap = lyapunov({params, current: -99, spikes: 1000, transient: 100, segments: 10});
    // Exponent ≈ 1.10 per spike (±0.1), its segments 0.034 apart: far above the two-standard-error bar.
    expect(lyap.perSpike).toBeGreaterThan(1.0);
    expect(lyap.perSpike).toBeLessThan(1.2);
    expect(isChaotic(lyap)).toBe(true);
    const [irregular, sensitive, continuum, meanIsi] = table(compare(params, -99, 2 ** -5));
    expect(irregular).toEqual([true, true, true]);
    expect(sensitive).toEqual([true, true, true]);
    expect(continuum).toEqual([false, false, true]); // Euler's ISIs are whole numbers of steps
    expect(meanIsi).toEqual([true, false, true]); // 10.92 and 12.08 ms against 11.28 ms
  });

  it("FS under DC at Euler dt = 2⁻² ms: the twins part only on the coarse grid, and the exponent is negative", () => {
    const params = {a: 0.1, b: 0.2, c: -65, d: 2};
    const lyap = lyapunov({params, current: 10, spikes: 1000, transient: 100, segments: 10});
    expect(lyap.perSpike).toBeLessThan(-2); // ≈ −2.46: nearby states converge
    expect(isChaotic(lyap)).toBe(false);
    const verdicts = conclusions(compare(params, 10, 2 ** -2).map(summarise));
    const [irregular, sensitive] = verdicts.map((v) => v.holds);
    expect(irregular).toEqual([false, false, false]);
    expect(sensitive).toEqual([true, true, false]); // sensitivity made by the step, gone in the accurate run
    expect(robustClaims(verdicts).depend).toContain(verdicts[1].claim);
  });

  it("RS under DC (I 14) is regular: no conclusion of chaos holds, the mean ISI agrees everywhere", () => {
    const params = {a: 0.02, b: 0.2, c: -65, d: 8};
    const lyap = lyapunov({params, current: 14, spikes: 1000, transient: 100, segments: 10});
    expect(lyap.perSpike).toBeLessThan(-10); // ≈ −13.5
    expect(isChaotic(lyap)).toBe(false);
    const verdicts = conclusions(compare(params, 14, 2 ** -5).map(summarise));
    expect(verdicts.map((v) => v.holds)).toEqual([
      [false, false, false],
      [false, false, false],
      [false, false, true],
      [true, true, true]
    ]);
    expect(robustClaims(verdicts)).toEqual({
      survive: [verdicts[3].claim],
      depend: [verdicts[0].claim, verdicts[1].claim, verdicts[2].claim]
    });
  });
});

describe("the verdict on synthetic inputs", () => {
  it("firstSplit: the first spike more than 1 ms off, the end of the shorter train, or null", () => {
    expect(firstSplit([10, 20, 30], [10.5, 20.9, 31.5])).toBe(2);
    expect(firstSplit([10, 20, 30], [10, 20])).toBe(2);
    expect(firstSplit([10, 20], [10.999, 19.001])).toBe(null);
    expect(firstSplit([], [])).toBe(null);
  });

  it("summarise: ISIs on the step grid, their spread, the twin split", () => {
    const dt = 0.25;
    const spikes = [1, 11, 21.25, 31.5, 41.5]; // ISIs 10, 10.25, 10.25, 10: whole numbers of 0.25-ms steps
    const s = summarise({label: "euler", method: "euler", dt, spikes, twinSpikes: [1, 11, 21.25, 33, 43]});
    expect(s.spikes).toBe(5);
    expect(s.meanIsi).toBeCloseTo(10.125, 12);
    expect(s.cv).toBeCloseTo(Math.sqrt(1 / 48) / 10.125, 12); // sample sd of (10, 10.25, 10.25, 10)
    expect(s.distinctIsis).toBe(2);
    expect(s.onGrid).toBe(true);
    expect(s.twinSplit).toBe(3);
    // The same train off the grid, and an accurate run is never "on the grid".
    expect(summarise({label: "x", method: "euler", dt, spikes: [1, 11.1], twinSpikes: []}).onGrid).toBe(false);
    expect(summarise({label: "a", method: "adaptive", dt, spikes, twinSpikes: spikes}).onGrid).toBe(false);
    const silent = summarise({label: "s", method: "euler", dt, spikes: [], twinSpikes: []});
    expect([silent.meanIsi, silent.cv, silent.twinSplit]).toEqual([null, null, null]);
  });

  it("isChaotic: a positive exponent counts only when the segments' mean is two standard errors above 0", () => {
    const lyap = (perSpike: number, mean: number, sd: number, segments: number) => ({
      perSpike,
      segments: {perSpike: Array.from({length: segments}, () => mean), perMs: []},
      spread: {perSpike: {mean, sd}, perMs: {mean: 0, sd: 0}}
    });
    expect(isChaotic(lyap(0.1, 0.1, 0.1, 16))).toBe(true); // 0.1 − 2·0.1/4 = 0.05 > 0
    expect(isChaotic(lyap(0.1, 0.1, 0.2, 16))).toBe(false); // 0.1 − 2·0.2/4 = 0: not settled
    expect(isChaotic(lyap(-0.1, 0.1, 0, 16))).toBe(false);
    expect(isChaotic(lyap(0.1, -0.1, 0, 16))).toBe(false);
  });
});
