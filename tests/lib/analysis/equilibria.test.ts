import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {bifurcationCurrents} from "../../../lib/analysis/bifurcationCurrents.js";
import {equilibria, restState} from "../../../lib/analysis/equilibria.js";
import {
  GL,
  TABLE,
  arbA,
  arbB,
  arbOffset,
  charResidual,
  checkClassification,
  coeffs,
  params
} from "./phasePlaneHelpers.js";

describe("equilibria", () => {
  it("merges the two equilibria into one saddle-node at I = I_sn", () => {
    for (const row of TABLE) {
      const p = params(row.a, row.b);
      const bc = bifurcationCurrents(p, row.equation);
      const at = equilibria(p, bc.saddleNode!, row.equation);
      expect(at).toHaveLength(1);
      expect(at[0]!.type).toBe("saddle-node");
      expect(at[0]!.v).toBeCloseTo(bc.vSaddleNode!, 10);
      // Just below, two equilibria 2√(δ/e) apart; just above, none.
      const delta = 1e-6;
      const below = equilibria(p, bc.saddleNode! - delta, row.equation);
      expect(below).toHaveLength(2);
      expect(Math.abs((below[1]!.v - below[0]!.v) / (2 * Math.sqrt(delta / 0.04)) - 1)).toBeLessThan(1e-6);
      expect(equilibria(p, bc.saddleNode! + delta, row.equation)).toHaveLength(0);
      // The degenerate class is reserved for the bifurcation itself: 1e-9 away is already generic.
      expect(equilibria(p, bc.saddleNode! - 1e-9, row.equation)).toHaveLength(2);
      expect(equilibria(p, bc.saddleNode! + 1e-9, row.equation)).toHaveLength(0);
    }
  });

  it("makes the lower equilibrium a stable focus just below I_AH and an unstable focus just above (a > 0, b > a)", () => {
    for (const row of TABLE.filter((r) => r.a > 0 && r.b > r.a)) {
      const p = params(row.a, row.b);
      const hopf = bifurcationCurrents(p).hopf!;
      const [lowBelow, highBelow] = equilibria(p, hopf - 1e-6);
      const [lowAbove, highAbove] = equilibria(p, hopf + 1e-6);
      expect(lowBelow!.type).toBe("stable focus");
      expect(lowAbove!.type).toBe("unstable focus");
      expect(highBelow!.type).toBe("saddle");
      expect(highAbove!.type).toBe("saddle");
      expect(equilibria(p, hopf - 1e-9)[0]!.type).toBe("stable focus");
      expect(equilibria(p, hopf + 1e-9)[0]!.type).toBe("unstable focus");
    }
  });

  it("keeps the lower equilibrium stable all the way to the fold when b < a (no Hopf before the fold)", () => {
    for (const [a, b, eq] of [
      [0.02, -0.1, GL],
      [0.1, 0.05, undefined],
      [0.2, 0.19, undefined]
    ] as const) {
      const sn = bifurcationCurrents(params(a, b), eq).saddleNode!;
      for (const x of [-100, -10, -1, -1e-3, -1e-6]) {
        const [low] = equilibria(params(a, b), sn + x, eq);
        expect(low!.trace).toBeLessThan(0);
        expect(["stable node", "stable focus"]).toContain(low!.type);
      }
    }
  });

  it("makes the upper branch the rest state for a < 0 (S, T): stable for I_AH < I < I_sn, unstable below I_AH", () => {
    for (const a of [-0.02, -0.026]) {
      const p = params(a, -1);
      const {hopf, saddleNode} = bifurcationCurrents(p);
      const [low, high] = equilibria(p, hopf! + 1e-6);
      expect(low!.type).toBe("saddle");
      expect(high!.type).toBe("stable focus");
      expect(equilibria(p, hopf! - 1e-6)[1]!.type).toBe("unstable focus");
      expect(restState(p, hopf! - 1e-6)).toBeNull();
      const mid = (hopf! + saddleNode!) / 2;
      expect(restState(p, mid)).toEqual(equilibria(p, mid)[1]);
      // Baseline 80 of panels S/T: the stable focus on the upper branch at −63.82 mV.
      const rest = restState(p, 80)!;
      expect(rest.v).toBeCloseTo(-63.82, 2);
      expect(rest.type).toBe("stable focus");
      expect(rest.v).toBe(equilibria(p, 80)[1]!.v);
    }
  });

  it("lies on both nullclines to 1e-9 and gives eigenvalues that solve λ² − tr·λ + det = 0 (table rows)", () => {
    for (const row of TABLE) {
      const p = params(row.a, row.b);
      const {e, f, g} = coeffs(row.equation);
      for (const I of [row.sn - 20, row.sn - 1, (row.ah ?? row.sn - 0.5) - 1e-3, row.sn - 1e-9]) {
        for (const q of equilibria(p, I, row.equation)) {
          expect(Math.abs(q.u - (e * q.v * q.v + f * q.v + g + I))).toBeLessThan(1e-9);
          expect(Math.abs(q.u - row.b * q.v)).toBeLessThan(1e-9);
          expect(Math.abs(q.trace - (2 * e * q.v + f - row.a))).toBeLessThan(1e-9);
          expect(Math.abs(q.determinant - row.a * (row.b - 2 * e * q.v - f))).toBeLessThan(1e-9);
          for (const l of q.eigenvalues) expect(charResidual(l, q.trace, q.determinant)).toBeLessThan(1e-12);
        }
      }
    }
  });

  it("returns the panels' rest states of docs/science.md §4 (J, K, P foci with periods ≈ 56, 41, 48 ms)", () => {
    const cases = [
      {a: 0.05, b: 0.26, I: 0, v: -62.5, period: 56.5},
      {a: 0.1, b: 0.26, I: 0, v: -62.5, period: 41},
      {a: 0.1, b: 0.26, I: 0.24, v: -61.39, period: 48.1}
    ];
    for (const c of cases) {
      const rest = restState(params(c.a, c.b), c.I)!;
      expect(rest.type).toBe("stable focus");
      expect(rest.v).toBeCloseTo(c.v, 2);
      expect((2 * Math.PI) / rest.eigenvalues[0].im).toBeCloseTo(c.period, 0);
    }
  });

  it("gives the accommodation variant one focus at v = −65, λ = −0.1 ± 0.1i, for every I (panel R)", () => {
    const p = params(0.02, 1);
    for (const I of [-50, 0, 8, 200]) {
      const eqs = equilibria(p, I, {u: "accommodation"});
      expect(eqs).toHaveLength(1);
      const q = eqs[0]!;
      expect(q.v).toBe(-65);
      expect(q.u).toBeCloseTo(-16 + I, 10);
      expect(q.type).toBe("stable focus");
      expect(q.eigenvalues[0].re).toBeCloseTo(-0.1, 12);
      expect(q.eigenvalues[0].im).toBeCloseTo(0.1, 12);
      expect(restState(p, I, {u: "accommodation"})).toEqual(q);
    }
  });

  it("returns nothing above the fold, and restState returns null there", () => {
    expect(equilibria(params(0.02, 0.2), 10)).toEqual([]);
    expect(restState(params(0.02, 0.2), 10)).toBeNull();
  });

  it("keeps full precision far from the vertex (no cancellation in the smaller root)", () => {
    // e v² + (f − b) v + g + I with huge |f − b|: the upper root ≈ −(g + I)/(f − b) must keep its digits.
    const eqn = {e: 1e-6, f: 1000, g: 1};
    const [low, high] = equilibria(params(0.5, 0), 0, eqn);
    // Series of the small root of e v² + B v + C: −C/B − e·C²/B³ − … = −1e-3 − 1e-15 (next term ~1e-27).
    const exactHigh = -1e-3 - 1e-15;
    expect(Math.abs(high!.v / exactHigh - 1)).toBeLessThan(1e-14);
    expect(low!.v).toBeLessThan(high!.v);
  });

  it("rejects invalid current and equation", () => {
    expect(() => equilibria(params(0.02, 0.2), Infinity)).toThrow(
      /equilibria: I must be a finite number, got Infinity/
    );
    expect(() => equilibria(params(0.02, 0.2), 0, {e: -0.04})).toThrow(/equation\.e.*> 0, got -0\.04/);
    expect(() => restState(params(0, 0.2), 0)).toThrow(/restState: params\.a must be non-zero/);
  });

  describe("properties over random (a, b, I)", () => {
    const arbCase = fc.tuple(arbA, arbB, arbOffset).map(([a, b, x]) => {
      const I = ((5 - b) * (5 - b)) / 0.16 - 140 + x;
      return {a, b, I, x};
    });

    it("classifies consistently with the signs of the eigenvalues", () => {
      fc.assert(
        fc.property(arbCase, ({a, b, I}) => {
          for (const q of equilibria(params(a, b), I)) checkClassification(q);
        })
      );
    });

    it("has eigenvalues summing to the trace and multiplying to the determinant", () => {
      fc.assert(
        fc.property(arbCase, ({a, b, I}) => {
          for (const q of equilibria(params(a, b), I)) {
            const [l1, l2] = q.eigenvalues;
            const scale = Math.abs(l1.re) + Math.abs(l2.re) + Math.abs(l1.im) + 1e-300;
            expect(Math.abs(l1.re + l2.re - q.trace)).toBeLessThanOrEqual(1e-12 * scale);
            expect(l1.im + l2.im).toBe(0);
            const prodRe = l1.re * l2.re - l1.im * l2.im;
            expect(Math.abs(prodRe - q.determinant)).toBeLessThanOrEqual(1e-12 * (scale * scale));
            for (const l of q.eigenvalues) {
              expect(charResidual(l, q.trace, q.determinant)).toBeLessThanOrEqual(1e-12 * (1 + scale * scale));
            }
          }
        })
      );
    });

    it("lies on both nullclines (to 1e-9 relative to the size of the terms)", () => {
      fc.assert(
        fc.property(arbCase, ({a, b, I}) => {
          for (const q of equilibria(params(a, b), I)) {
            const terms = 0.04 * q.v * q.v + Math.abs(5 * q.v) + 140 + Math.abs(I);
            expect(Math.abs(q.u - (0.04 * q.v * q.v + 5 * q.v + 140 + I))).toBeLessThanOrEqual(1e-9 * terms);
            expect(q.u).toBe(b * q.v);
          }
        })
      );
    });

    it("has two equilibria below the fold, none above, sorted by v", () => {
      fc.assert(
        fc.property(arbCase, ({a, b, I, x}) => {
          fc.pre(Math.abs(x) > 1e-9);
          const eqs = equilibria(params(a, b), I);
          expect(eqs).toHaveLength(x < 0 ? 2 : 0);
          if (eqs.length === 2) expect(eqs[0]!.v).toBeLessThan(eqs[1]!.v);
        })
      );
    });

    it("has a rest state exactly where bifurcationCurrents says (I < I_sn, and beyond I_AH on the right side)", () => {
      fc.assert(
        fc.property(arbCase, ({a, b, I}) => {
          const {saddleNode, hopf} = bifurcationCurrents(params(a, b));
          fc.pre(Math.abs(I - saddleNode!) > 1e-9 && (hopf === null || Math.abs(I - hopf) > 1e-9));
          let expected: boolean;
          if (I > saddleNode!) expected = false;
          else if (a > 0) expected = hopf === null || I < hopf;
          else expected = hopf !== null && I > hopf;
          expect(restState(params(a, b), I) !== null).toBe(expected);
        })
      );
    });
  });
});
