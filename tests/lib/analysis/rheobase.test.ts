import {describe, expect, it} from "vitest";
import {rheobase, rheobaseSteps} from "../../../lib/analysis/rheobase.js";
import {bifurcationCurrents} from "../../../lib/analysis/bifurcationCurrents.js";
import {restState} from "../../../lib/analysis/equilibria.js";
import {simulate} from "../../../lib/simulate.js";
import {G, H, I_AH_H, I_SN_G, RS} from "./excitabilityPanels.js";

describe("rheobase", () => {
  it("quasi-static converges to the bifurcation current from above (G: I_sn, H: I_AH)", () => {
    const g = rheobase({...G, protocol: "quasi-static", duration: 1000, tolerance: 1e-3});
    expect(g.current).toBeGreaterThanOrEqual(I_SN_G);
    expect(g.current).toBeLessThan(I_SN_G + 0.01);
    const h = rheobase({...H, protocol: "quasi-static", duration: 1000, tolerance: 1e-3});
    expect(h.current).toBeGreaterThanOrEqual(I_AH_H);
    expect(h.current).toBeLessThan(I_AH_H + 0.02);
    expect(h.description).toMatch(/equilibrium of the same current/);
  });

  it("step from rest is much lower than the quasi-static one when u is slow (RS), and is a true threshold", () => {
    const step = rheobase({...RS, protocol: "step from rest", duration: 500, tolerance: 1e-3});
    const quasi = bifurcationCurrents(RS.params).hopf!;
    expect(step.current).toBeLessThan(quasi - 0.5);
    expect(step.tolerance).toBeLessThanOrEqual(1e-3);
    const rest = restState(RS.params, 0)!;
    const fire = (I: number) =>
      simulate({...RS, v0: rest.v, u0: rest.u, current: I, duration: 500, dt: 0.25}).spikes.length > 0;
    expect(fire(step.current)).toBe(true);
    expect(fire(step.current - step.tolerance)).toBe(false);
  });

  it("says clearly when a protocol cannot apply", () => {
    expect(() => rheobase({...RS, protocol: "guess" as never})).toThrow(/protocol.*guess/);
    expect(() => rheobase({params: {a: -0.02, b: -1, c: -60, d: 8}, protocol: "step from rest"})).toThrow(
      /needs a stable rest state at I = 0/
    );
  });
});

describe("rheobaseSteps", () => {
  it("yields once per run and ends with exactly rheobase's result", () => {
    for (const options of [
      {...G, protocol: "quasi-static" as const, duration: 1000, tolerance: 1e-3},
      {...RS, duration: 300}
    ]) {
      const steps = rheobaseSteps(options);
      let runs = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) runs++;
      expect(step.value).toEqual(rheobase(options));
      expect(runs).toBeGreaterThan(5); // the bracket, then the bisection to the tolerance
    }
  });
});
