// The orbit diagram's y-range (issue: the default diagram stretched its axis to −340 to fit runaway values,
// squashing the orbit into one row): robust quantiles of the values that did not run away, or the reader's.
import {describe, expect, it} from "vitest";
import {orbitDiagram} from "../../../lib/index.js";
import {FENCE_IQR, orbitYRange} from "../../../src/components/lab/orbitsPage.js";

const f = (xs: number[]) => Float64Array.from(xs);

describe("orbitYRange", () => {
  it("leaves out the values that ran away and points far beyond the quartiles", () => {
    const orbit = Array.from({length: 200}, (_, i) => -10 - (i % 20) / 10); // −10 … −11.9
    const points = [f(orbit), f([-340, -300, -250]), f([...orbit.slice(0, 199), -90])];
    const {domain, source} = orbitYRange({points, truncated: [false, true, false]});
    expect(source).toBe("auto");
    expect(domain[0]).toBeGreaterThan(-13);
    expect(domain[1]).toBeLessThan(-9.5);
    expect(FENCE_IQR).toBe(3);
  });

  it("uses the reader's range when it is a range, else the automatic one", () => {
    const d = {points: [f([1, 2, 3])], truncated: [false]};
    expect(orbitYRange(d, {from: -5, to: 5})).toEqual({domain: [-5, 5], source: "reader"});
    expect(orbitYRange(d, {from: NaN, to: 5}).source).toBe("auto");
    expect(orbitYRange(d, {from: 5, to: 1}).source).toBe("auto");
    expect(orbitYRange({points: [f([4])], truncated: [false]}).domain).toEqual([3, 5]);
    expect(orbitYRange({points: [f([])], truncated: [false]}).domain).toEqual([0, 1]);
  });

  it("keeps the default diagram's orbit in view and the far regime at the edge", () => {
    // The page's default: the chaotic set, I swept from −102 to −96 in 120 values, u just after reset.
    // Near I = −96 u at reset falls to about −340, far from the orbit (−120 to −98).
    const values = Array.from({length: 120}, (_, i) => -102 + (6 * i) / 119);
    const d = orbitDiagram({
      params: {a: 0.2, b: 2, c: -56, d: -16},
      current: -99,
      parameter: "I",
      values,
      measure: "uReset",
      transient: 300,
      window: 700,
      maxPoints: 200,
      method: "adaptive"
    });
    const [lo, hi] = orbitYRange(d).domain;
    const ys = Array.from(d.y);
    const inside = ys.filter((y) => y >= lo && y <= hi).length;
    expect(inside / ys.length).toBeGreaterThan(0.7);
    expect(hi - lo).toBeLessThan(40);
    expect(Math.min(...ys)).toBeLessThan(-300);
    expect(lo).toBeGreaterThan(-200);
    expect(hi).toBeGreaterThan(Math.max(...ys));
  });
});
