import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {bifurcationCurrents} from "../../../lib/analysis/bifurcationCurrents.js";
import {equilibria, restState} from "../../../lib/analysis/equilibria.js";
import {TABLE, arbA, arbB, foldByBisection, hopfByRootFinding, params} from "./phasePlaneHelpers.js";

describe("bifurcationCurrents", () => {
  describe.each(TABLE)("for the $set set (a $a, b $b)", (row) => {
    const bc = bifurcationCurrents(params(row.a, row.b), row.equation);

    it(`puts the saddle-node at I_sn = ${row.sn} (to 1e-10)`, () => {
      expect(bc.saddleNode).toBeCloseTo(row.sn, 10);
    });

    it(`puts the Andronov–Hopf at I_AH = ${row.ah ?? "none"} (to 1e-10)`, () => {
      if (row.ah === null) expect(bc.hopf).toBeNull();
      else expect(bc.hopf).toBeCloseTo(row.ah, 10);
    });

    it(`loses rest by ${row.loss}, ${row.criticality ?? "no Hopf"}`, () => {
      expect(bc.restLoss).toBe(row.loss);
      expect(bc.hopfCriticality).toBe(row.criticality);
    });

    it("agrees with bisection on the existence of equilibria to 1e-8", () => {
      expect(Math.abs(bc.saddleNode! - foldByBisection(row.b, row.equation))).toBeLessThan(1e-8);
    });

    if (row.ah !== null) {
      it("agrees with root-finding on the largest real part of the eigenvalues to 1e-8", () => {
        expect(Math.abs(bc.hopf! - hopfByRootFinding(row.a, row.b, row.equation))).toBeLessThan(1e-8);
      });

      it("gives ω = √(a(b − a)) and v_AH = (a − 5)/0.08, where the trace vanishes", () => {
        expect(bc.hopfFrequency).toBeCloseTo(Math.sqrt(row.a * (row.b - row.a)), 14);
        expect(bc.vHopf).toBeCloseTo((row.a - 5) / 0.08, 10);
        const atHopf = equilibria(params(row.a, row.b), bc.hopf!).find((p) => p.determinant > 0)!;
        expect(atHopf.v).toBeCloseTo(bc.vHopf!, 8);
        expect(atHopf.type).toBe("center");
        expect(atHopf.eigenvalues[0].im).toBeCloseTo(bc.hopfFrequency!, 8);
      });
    }
  });

  it("places v_sn at (b − f)/(2e) and makes det = 0, tr = b − a there", () => {
    const bc = bifurcationCurrents(params(0.02, 0.2));
    expect(bc.vSaddleNode).toBeCloseTo(-(5 - 0.2) / 0.08, 12);
    const [p] = equilibria(params(0.02, 0.2), bc.saddleNode!);
    expect(p!.determinant).toBe(0);
    expect(p!.trace).toBeCloseTo(0.2 - 0.02, 12);
  });

  it("gives Class 2 panel H its Hopf just below its fold (0.4 < 0.4225)", () => {
    const bc = bifurcationCurrents(params(0.2, 0.26));
    expect(bc.hopf!).toBeLessThan(bc.saddleNode!);
    expect(bc.saddleNode! - bc.hopf!).toBeCloseTo(0.0225, 12);
  });

  it("finds no Hopf for b < a (a > 0): rest is lost at the fold (integrator)", () => {
    for (const [a, b] of [
      [0.02, -0.1],
      [0.1, 0.05],
      [0.2, 0.19],
      [0.5, -2]
    ] as const) {
      const bc = bifurcationCurrents(params(a, b));
      expect(bc.hopf).toBeNull();
      expect(bc.vHopf).toBeNull();
      expect(bc.hopfFrequency).toBeNull();
      expect(bc.restLoss).toBe("saddle-node");
    }
  });

  it("treats a = b (Bogdanov–Takens) as a fold without a Hopf point", () => {
    const bc = bifurcationCurrents(params(0.1, 0.1));
    expect(bc.hopf).toBeNull();
    expect(bc.restLoss).toBe("saddle-node");
    const [p] = equilibria(params(0.1, 0.1), bc.saddleNode!);
    expect(p!.type).toBe("saddle-node");
    expect(p!.eigenvalues.map((l) => l.re)).toEqual([0, 0]);
  });

  it("reports no rest to lose for a < 0 with b ≥ a (no equilibrium is ever stable)", () => {
    const bc = bifurcationCurrents(params(-0.02, 0.2));
    expect(bc.restLoss).toBeNull();
    expect(bc.hopf).toBeNull();
    for (const x of [-100, -10, -1, -0.01]) expect(restState(params(-0.02, 0.2), bc.saddleNode! + x)).toBeNull();
  });

  it("finds neither fold nor Hopf for the accommodation variant (its tr and det do not depend on I)", () => {
    const bc = bifurcationCurrents(params(0.02, 1), {u: "accommodation"});
    expect(bc).toEqual({
      saddleNode: null,
      hopf: null,
      vSaddleNode: null,
      vHopf: null,
      hopfFrequency: null,
      hopfCriticality: null,
      restLoss: null
    });
    const atI = [-100, 0, 100].map((I) => equilibria(params(0.02, 1), I, {u: "accommodation"}));
    for (const eqs of atI) {
      expect(eqs).toHaveLength(1);
      expect(eqs[0]!.trace).toBe(atI[0]![0]!.trace);
      expect(eqs[0]!.determinant).toBe(atI[0]![0]!.determinant);
    }
  });

  it("agrees with the numerical cross-checks for random (a, b) to 1e-8", () => {
    fc.assert(
      fc.property(arbA, arbB, (a, b) => {
        fc.pre(Math.abs(b - a) > 1e-3);
        const bc = bifurcationCurrents(params(a, b));
        expect(Math.abs(bc.saddleNode! - foldByBisection(b))).toBeLessThan(1e-8);
        if (a * (b - a) > 0) expect(Math.abs(bc.hopf! - hopfByRootFinding(a, b))).toBeLessThan(1e-8);
        else expect(bc.hopf).toBeNull();
      }),
      {numRuns: 60}
    );
  });

  it("rejects a = 0 and non-finite parameters, naming the field", () => {
    expect(() => bifurcationCurrents(params(0, 0.2))).toThrow(/params\.a must be non-zero.*got 0/);
    expect(() => bifurcationCurrents(params(0.02, 0), {u: "accommodation"})).toThrow(
      /params\.b must be non-zero.*got 0/
    );
    expect(() => bifurcationCurrents(params(0.02, NaN))).toThrow(/params\.b must be a finite number, got NaN/);
    expect(() => bifurcationCurrents(params(0.02, 0.2), {g: Infinity})).toThrow(/equation\.g.*Infinity/);
  });
});
