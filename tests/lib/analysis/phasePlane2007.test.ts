import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  CELLS_2007,
  bifurcationCurrents2007,
  dudt2007,
  dvdt2007,
  equilibria2007,
  lowBranch2007,
  makeModel2007,
  nullclines2007,
  type CellId2007
} from "../../../lib/index.js";
import {plainCellShape2007} from "../arbitraries2007.js";

const ids = Object.keys(CELLS_2007) as CellId2007[];

describe("equilibria2007", () => {
  it("finds the plain RS cell's two equilibria in closed form: v = vr (rest) and v = vt + b/k (saddle) at I = 0", () => {
    const {cell, special} = CELLS_2007.RS2007;
    const [rest, saddle] = equilibria2007(cell, special, 0);
    expect(rest.v).toBeCloseTo(-60, 12);
    expect(rest.u).toBeCloseTo(0, 12);
    expect(rest.type).toMatch(/^stable/);
    expect(saddle.v).toBeCloseTo(-40 - 2 / 0.7, 12);
    expect(saddle.type).toBe("saddle");
  });

  it("has no equilibrium just above the closed-form fold I_sn and two just below (RS, CH: integrators)", () => {
    for (const id of ["RS2007", "CH2007"] as const) {
      const {cell, special} = CELLS_2007[id];
      const {Isn} = bifurcationCurrents2007(cell);
      expect(equilibria2007(cell, special, Isn * (1 + 1e-9))).toHaveLength(0);
      expect(equilibria2007(cell, special, Isn * (1 - 1e-6))).toHaveLength(2);
    }
  });

  it("loses the rest's stability at the closed-form I_AH for the resonators (LTS, IB)", () => {
    for (const id of ["LTS2007", "IB2007"] as const) {
      const {cell, special} = CELLS_2007[id];
      const {IAH} = bifurcationCurrents2007(cell);
      const below = equilibria2007(cell, special, IAH! - 1e-6)[0];
      const above = equilibria2007(cell, special, IAH! + 1e-6)[0];
      expect(below.type).toBe("stable focus");
      expect(above.type).toBe("unstable focus");
    }
  });

  it("puts every equilibrium of every cell on both nullclines, with the Jacobian of finite differences", () => {
    for (const id of ids) {
      const {cell, special} = CELLS_2007[id];
      const m = makeModel2007(cell, special);
      for (const I of [0, ...CELLS_2007[id].testCurrents.slice(0, 2), -200]) {
        for (const e of equilibria2007(cell, special, I)) {
          const low = lowBranch2007(m, e.v);
          const scale = Math.abs(e.u) + Math.abs(I) + 1;
          expect(Math.abs(dvdt2007(m, e.v, e.u, I)) * m.C).toBeLessThan(1e-9 * scale);
          expect(Math.abs(dudt2007(m, e.v, e.u, low))).toBeLessThan(1e-9 * scale);
          // Central differences of the right-hand side (same branch) against the closed-form trace/determinant.
          const h = 1e-5;
          const j11 = (dvdt2007(m, e.v + h, e.u, I) - dvdt2007(m, e.v - h, e.u, I)) / (2 * h);
          const j12 = (dvdt2007(m, e.v, e.u + h, I) - dvdt2007(m, e.v, e.u - h, I)) / (2 * h);
          const j21 = (dudt2007(m, e.v + h, e.u, low) - dudt2007(m, e.v - h, e.u, low)) / (2 * h);
          const j22 = (dudt2007(m, e.v, e.u + h, low) - dudt2007(m, e.v, e.u - h, low)) / (2 * h);
          expect(j11 + j22).toBeCloseTo(e.trace, 6);
          expect(j11 * j22 - j12 * j21).toBeCloseTo(e.determinant, 6);
        }
      }
    }
  });

  it("finds FS's equilibria on both branches of its cubic U(v): as many as F(v) = 0 has sign changes", () => {
    const {cell, special} = CELLS_2007.FS2007;
    const [rest, ...others] = equilibria2007(cell, special, 0);
    expect(rest.v).toBe(-55); // vr = vb = −55 mV: rest at vr, where U = 0 and U′ = 0
    expect(rest.type).toMatch(/^stable/);
    expect(others).toHaveLength(0); // above vb: x − 15 = 0.025x² (x = v + 55) has no real root
    const m = makeModel2007(cell, special);
    for (const I of [-50, 20, 73.2, 100, 200, 400]) {
      const F = (v: number) => m.k * (v - m.vr) * (v - m.vt) + I - (v < -55 ? 0 : 0.025 * (v + 55) ** 3);
      let changes = 0;
      for (let v = -300; v < 700; v += 0.01) if (F(v) * F(v + 0.01) < 0) changes++;
      expect(equilibria2007(cell, special, I).length, `I = ${I}`).toBe(changes);
    }
  });

  it("agrees with the bracketing of F(v) = 0 on a fine grid for random plain cells (property)", () => {
    fc.assert(
      fc.property(
        fc.record({...plainCellShape2007({maxGap: 30}), I: fc.double({min: -300, max: 600, noNaN: true})}),
        ({C, k, vr, gap, a, b, I}) => {
          const cell = {C, k, vr, vt: vr + gap, vpeak: 30, a, b, c: -50, d: 100};
          const eq = equilibria2007(cell, {}, I);
          const F = (v: number) => k * (v - vr) * (v - vr - gap) + I - b * (v - vr);
          let changes = 0;
          for (let v = -400; v < 400; v += 0.01) if (F(v) * F(v + 0.01) < 0) changes++;
          expect(eq.length).toBe(changes);
        }
      ),
      {numRuns: 40}
    );
  });

  it("rejects bad input with errors naming the field", () => {
    const {cell} = CELLS_2007.RS2007;
    expect(() => equilibria2007(cell, {}, Number.NaN)).toThrow(/I \(pA\)/);
    expect(() => equilibria2007({...cell, C: 0}, {}, 0)).toThrow(/cell\.C/);
    expect(() => equilibria2007({...cell, a: 0}, {}, 0)).toThrow(/cell\.a/);
  });
});

describe("nullclines2007", () => {
  it("draws the parabola and the piecewise u-nullcline (TC: b = 15 at or below −65 mV, 0 above)", () => {
    const {cell, special} = CELLS_2007.TC2007;
    const n = nullclines2007(cell, special, 50, {vMin: -80, vMax: -50, n: 31});
    expect(n.v[0]).toBe(-80);
    expect(n.v[30]).toBe(-50);
    expect(n.vNullcline[0]).toBeCloseTo(1.6 * -20 * -30 + 50, 10);
    expect(n.uNullcline[0]).toBeCloseTo(15 * -20, 10); // below the kink
    expect(n.uNullcline[30]).toBe(0); // above it b = 0
    expect(() => nullclines2007(cell, special, 0, {vMin: 0, vMax: -1})).toThrow(/options\.vMax/);
  });
});
