import {describe, expect, it} from "vitest";
import {excitabilityClass, excitabilityClassSteps} from "../../../lib/analysis/excitabilityClass.js";
import {G, H, I_SN_G} from "./excitabilityPanels.js";

describe("excitabilityClass", () => {
  it("G is class 1 (saddle-node), H is class 2 (Hopf), with the evidence", () => {
    const g = excitabilityClass({...G, duration: 1500, transient: 300});
    expect(g.verdict).toBe("class 1");
    expect(g.restLoss).toBe("saddle-node");
    expect(g.onsetCurrent!).toBeCloseTo(I_SN_G, 2);
    expect(g.reason).toMatch(/zero/);
    const h = excitabilityClass({...H, duration: 1000, transient: 300});
    expect(h.verdict).toBe("class 2");
    expect(h.restLoss).toBe("andronov-hopf");
    expect(h.probes[0]!.rate).toBeGreaterThan(25);
  });

  it("a < 0 (panel S) is not classified by rising currents, and says why", () => {
    const s = excitabilityClass({params: {a: -0.02, b: -1, c: -60, d: 8}});
    expect(s.verdict).toBe("not excitable");
    expect(s.reason).toMatch(/a < 0/);
  });
});

describe("excitabilityClassSteps", () => {
  it("yields once per run and ends with exactly excitabilityClass's verdict (G and H)", () => {
    for (const panel of [G, H]) {
      const options = {...panel, duration: 1000, transient: 300};
      const steps = excitabilityClassSteps(options);
      let runs = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) runs++;
      expect(step.value).toEqual(excitabilityClass(options));
      expect(runs).toBeGreaterThan(4);
    }
  });

  it("throws what excitabilityClass throws, at the first step", () => {
    const bad = {...G, duration: -1};
    expect(() => excitabilityClass(bad)).toThrow(RangeError);
    const steps = excitabilityClassSteps(bad);
    expect(() => steps.next()).toThrow(RangeError);
  });
});
