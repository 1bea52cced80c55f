// simulate's maxSteps: a run stops, keeping what it has, after that many integration steps (the adaptive method's
// accepted plus rejected trials), with a warning; what it kept is the start of the run without the budget.
import {describe, expect, it} from "vitest";
import {simulate, step} from "../../lib/index.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};
const base = {params: RS, current: step(10, 50, 900), duration: 1000};

/** Whether x's samples are the first ones of y, bit for bit. */
function isPrefix(x: Float64Array, y: Float64Array): boolean {
  return x.length <= y.length && x.every((value, k) => Object.is(value, y[k]));
}

describe("simulate's maxSteps", () => {
  for (const method of ["euler", "paper2003", "paper2004", "rk4", "adaptive"] as const) {
    it(`${method}: a small budget stops the run early, with a warning naming it; the samples kept are the full run's`, () => {
      const full = simulate({...base, method});
      const cut = simulate({...base, method, maxSteps: 5000});
      expect(cut.t.length).toBeLessThan(full.t.length);
      expect(cut.warnings.join(" ")).toMatch(/budget of 5000 steps/);
      for (const key of ["t", "v", "u", "I"] as const) expect(isPrefix(cut[key], full[key]), key).toBe(true);
      expect(isPrefix(cut.spikes, full.spikes)).toBe(true);
    });

    it(`${method}: a budget the run does not need changes nothing`, () => {
      const full = simulate({...base, method});
      const roomy = simulate({...base, method, maxSteps: 10_000_000});
      expect(roomy.warnings).toEqual(full.warnings);
      expect(isPrefix(roomy.v, full.v) && roomy.v.length === full.v.length).toBe(true);
    });
  }

  it("a fixed-step run keeps exactly maxSteps steps", () => {
    const cut = simulate({...base, method: "euler", maxSteps: 1234});
    expect(cut.t.length).toBe(1235);
    expect(cut.steps).toBe(1234);
  });

  it("rejects a budget that is not a whole number of at least 1", () => {
    for (const bad of [0, -1, 2.5, Number.NaN, Infinity, "10"])
      expect(() => simulate({...base, maxSteps: bad as number})).toThrow(/maxSteps/);
  });
});
