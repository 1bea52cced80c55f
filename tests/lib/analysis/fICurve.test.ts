import {describe, expect, it} from "vitest";
import {SETTLED_MAX_SILENCE_ISIS, fICurve, settledRate} from "../../../lib/analysis/fICurve.js";
import {bifurcationCurrents} from "../../../lib/analysis/bifurcationCurrents.js";
import {restState} from "../../../lib/analysis/equilibria.js";
import {simulate} from "../../../lib/simulate.js";
import {G, H, I_AH_H, I_AH_P, I_SN_G, P, RS} from "./excitabilityPanels.js";

describe("fICurve", () => {
  it("Class 1 (panel G): silent below I_sn, then a rate that rises continuously from ~0 Hz", () => {
    const currents = [I_SN_G - 0.05, I_SN_G + 0.01, I_SN_G + 0.04, I_SN_G + 0.16, I_SN_G + 0.64, I_SN_G + 2];
    const {up} = fICurve({...G, currents, duration: 2000, transient: 500});
    const rates = up!.points.map((p) => p.firstIsiRate ?? 0);
    expect(up!.points[0]!.rate).toBe(0);
    expect(rates[0]).toBe(0);
    for (let k = 2; k < rates.length; k++) expect(rates[k]!).toBeGreaterThan(rates[k - 1]!);
    // Just above the fold the rate is small and falls toward 0 as I → I_sn (square-root onset: quartering the
    // distance to I_sn roughly halves the rate).
    expect(rates[1]!).toBeGreaterThan(0);
    expect(rates[1]!).toBeLessThan(2);
    expect(rates[1]! / rates[2]!).toBeGreaterThan(0.35);
    expect(rates[1]! / rates[2]!).toBeLessThan(0.7);
    expect(rates[1]!).toBeLessThan(0.15 * rates[5]!);
    expect(up!.points[5]!.rate).toBeGreaterThan(5);
  });

  it("Class 2 (panel H): jumps from silence to a finite rate (> 25 Hz) at the Hopf current", () => {
    const {up} = fICurve({
      ...H,
      currents: [I_AH_H - 0.02, I_AH_H + 0.01, I_AH_H + 0.05],
      duration: 500,
      transient: 200
    });
    const [below, justAbove, above] = up!.points;
    expect(below!.rate).toBe(0);
    expect(justAbove!.rate).toBeGreaterThan(25);
    expect(justAbove!.firstIsiRate!).toBeGreaterThan(25);
    expect(above!.rate).toBeGreaterThanOrEqual(justAbove!.rate);
  });

  it("bistability (panel P): below I_AH the up sweep rests while the down sweep keeps spiking", () => {
    const progress: number[][] = [];
    const curve = fICurve({
      ...P,
      currents: [0.1, 0.2, 0.24, 0.3],
      duration: 500,
      transient: 200,
      direction: "both",
      onProgress: (done, total) => progress.push([done, total])
    });
    const up = new Map(curve.up!.points.map((p) => [p.I, p.rate]));
    const down = new Map(curve.down!.points.map((p) => [p.I, p.rate]));
    expect(curve.up!.points[0]!.startedAtRest).toBe(true);
    expect(up.get(0.24)).toBe(0);
    expect(down.get(0.24)!).toBeGreaterThan(15);
    expect(up.get(0.3)!).toBeGreaterThan(15); // above I_AH the rest is gone: both spike
    expect(up.get(0.1)).toBe(0);
    expect(down.get(0.1)).toBe(0); // far enough below, the down sweep falls silent too
    expect(curve.hysteresis).toEqual([{from: 0.2, to: 0.24}]);
    expect(curve.hysteresis[0]!.to).toBeLessThan(I_AH_P);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((k) => [k, 8]));
  });

  it("each point's counts agree with a direct simulation from the same start", () => {
    // 0.45 is above I_sn = 0.4225: no rest there, so the sweep starts from the given state.
    expect(restState(H.params, 0.45)).toBeNull();
    const {up} = fICurve({...H, currents: [0.45], duration: 400, transient: 100, start: {v: -70, u: -15}});
    expect(up!.start).toMatch(/given start state/);
    const trace = simulate({...H, v0: -70, u0: -15, current: 0.45, duration: 400, dt: 0.25});
    expect(up!.points[0]!.totalSpikes).toBe(trace.spikes.length);
    expect(up!.points[0]!.spikes).toBe(trace.spikes.filter((t) => t >= 100).length);
    expect(up!.points[0]!.countRate).toBeCloseTo((up!.points[0]!.spikes * 1000) / 300, 12);
    // The settled rate: 1000 / the last ISI of the same run (to rounding, 1e-9 Hz).
    const n = trace.spikes.length;
    expect(up!.points[0]!.rate).toBeCloseTo(1000 / (trace.spikes[n - 1]! - trace.spikes[n - 2]!), 9);
  });

  it("G's curve (the chapter's sweep) rises smoothly from onset: settled ISI rates, not whole spikes per window", () => {
    const sn = bifurcationCurrents(G.params, G.equation).saddleNode!;
    const {up} = fICurve({...G, currents: {from: sn - 0.5, to: sn + 1, count: 41}, duration: 1500, transient: 500});
    const firing = up!.points.filter((p) => p.rate > 0);
    expect(firing.length).toBeGreaterThan(20);
    // Strictly increasing with I (the counted rates, whole numbers of Hz in a 1-s window, repeat and dip).
    for (let k = 1; k < firing.length; k++) expect(firing[k]!.rate).toBeGreaterThan(firing[k - 1]!.rate);
    const counted = firing.map((p) => p.countRate);
    expect(counted.every((r) => Number.isInteger(Math.round(r * 1e9) / 1e9))).toBe(true);
    expect(new Set(counted).size).toBeLessThan(counted.length);
    // Square-root onset: the first firing current's rate is a few Hz at most, and not a whole number.
    expect(firing[0]!.rate).toBeLessThan(3);
    expect(Number.isInteger(firing[0]!.rate)).toBe(false);
  });

  it("settledRate: the last ISI while the train goes on, else the count in the window", () => {
    const periodic = [100, 300, 500, 700, 900];
    expect(settledRate(periodic, 500, 1000)).toBeCloseTo(5, 12); // 1000 / 200 ms
    // The train stopped: the silence after the last spike is longer than SETTLED_MAX_SILENCE_ISIS ISIs.
    const stopped = [500, 520, 540];
    expect(1000 - 540).toBeGreaterThan(SETTLED_MAX_SILENCE_ISIS * 20);
    expect(settledRate(stopped, 500, 1000)).toBeCloseTo((3 * 1000) / 500, 12);
    // One spike, or a last ISI that ended before the window: counted.
    expect(settledRate([700], 500, 1000)).toBeCloseTo(2, 12);
    expect(settledRate([100, 300], 500, 1000)).toBe(0);
    expect(settledRate([], 0, 1000)).toBe(0);
    expect(settledRate([1, 2], 5, 5)).toBe(0);
  });

  it("a run stopped by the spike budget is rated over what ran and says so, never NaN or a false 0", () => {
    const c = fICurve({...RS, currents: [20000], duration: 50, transient: 10});
    const p = c.up!.points[0]!;
    expect(p.rate).toBeGreaterThan(1e5);
    expect(Number.isFinite(p.rate)).toBe(true);
    expect(c.warnings[0]).toMatch(/I = 20000: the spike budget/);
  });

  it("accepts {from, to, count}; rejects bad options naming the field", () => {
    const c = fICurve({...H, currents: {from: 0, to: 0.2, count: 3}, duration: 50, transient: 10});
    expect(c.up!.points.map((p) => p.I)).toEqual([0, 0.1, 0.2]);
    expect(() => fICurve({...H, currents: [], duration: 50})).toThrow(/currents/);
    expect(() => fICurve({...H, currents: [1], duration: 50, transient: 50})).toThrow(/transient/);
    expect(() => fICurve({...H, currents: [1], direction: "sideways" as never})).toThrow(/direction.*sideways/);
    expect(() => fICurve({...H, currents: [NaN]})).toThrow(/currents\[0\]/);
  });
});
