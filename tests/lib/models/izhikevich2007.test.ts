import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {bifurcationCurrents2007, CELLS_2007, simulate2007, type CellId2007} from "../../../lib/index.js";
import {plainCellShape2007} from "../arbitraries2007.js";

describe("bifurcationCurrents2007", () => {
  it("gives docs/science.md §3's numbers", () => {
    const r = (id: CellId2007) => bifurcationCurrents2007(CELLS_2007[id].cell);
    expect(r("RS2007").Isn).toBeCloseTo(51.4, 1);
    expect(r("RS2007").restLoss).toBe("saddle-node");
    expect(r("CH2007").Isn).toBeCloseTo(160.2, 1);
    expect(r("CH2007").IAH).toBeNull();
    expect(r("IB2007").IAH).toBeCloseTo(347.7, 1);
    expect(r("IB2007").Isn).toBeCloseTo(350.2, 1);
    expect(r("LTS2007").IAH).toBeCloseTo(114.75, 10);
    expect(r("LTS2007").Isn).toBeCloseTo(121, 10);
    expect(r("TC2007").Isn).toBeCloseTo(40, 10); // TC near vr: b = 0
  });
  it("matches a numerical fold (bisection on the existence of equilibria) and Hopf (root of the Jacobian's trace)", () => {
    fc.assert(
      fc.property(fc.record(plainCellShape2007({maxGap: 40})), ({C, k, vr, gap, a, b}) => {
        const vt = vr + gap;
        const closed = bifurcationCurrents2007({C, k, vr, vt, a, b});
        // Equilibria: k(v − vr)(v − vt) − b(v − vr) + I = 0. The fold is the I at which its minimum over v is 0.
        const minOver = (I: number) => {
          let lo = vr - 200,
            hi = vt + 200; // ternary search on the convex quadratic
          for (let i = 0; i < 200; i++) {
            const m1 = lo + (hi - lo) / 3,
              m2 = hi - (hi - lo) / 3;
            const f = (v: number) => k * (v - vr) * (v - vt) - b * (v - vr) + I;
            if (f(m1) < f(m2)) hi = m2;
            else lo = m1;
          }
          return k * (lo - vr) * (lo - vt) - b * (lo - vr) + I;
        };
        let lo = -1e5,
          hi = 1e5;
        for (let i = 0; i < 200; i++) {
          const mid = (lo + hi) / 2;
          if (minOver(mid) < 0) lo = mid;
          else hi = mid;
        }
        expect(Math.abs(lo - closed.Isn)).toBeLessThan(1e-6 * Math.max(1, Math.abs(closed.Isn)));
        // Hopf: on the lower (rest) equilibrium, the trace k(2v − vr − vt)/C − a vanishes with det > 0.
        const rest = (I: number) => {
          const s = k * gap + b;
          return vr + (s - Math.sqrt(Math.max(0, s * s - 4 * k * I))) / (2 * k);
        };
        const trace = (I: number) => (k * (2 * rest(I) - vr - vt)) / C - a;
        const det = (I: number) => (a * (b - k * (2 * rest(I) - vr - vt))) / C;
        lo = closed.Isn - 1e5;
        hi = closed.Isn;
        const hopf = trace(hi) > 0; // at the fold det = 0; tr > 0 there means tr crossed 0 on the rest branch
        if (hopf) {
          for (let i = 0; i < 200; i++) {
            const mid = (lo + hi) / 2;
            if (trace(mid) < 0) lo = mid;
            else hi = mid;
          }
          expect(det(lo)).toBeGreaterThan(0);
        }
        if (Math.abs(b - a * C) < 1e-3) return; // next to the Bogdanov–Takens point the numerical test is moot
        expect(closed.IAH !== null).toBe(hopf);
        if (hopf && closed.IAH !== null)
          expect(Math.abs(lo - closed.IAH)).toBeLessThan(1e-6 * Math.max(1, Math.abs(closed.IAH)));
      }),
      {numRuns: 200}
    );
  });
  it("the simulated RS cell rests just below I_sn and fires just above it (starting on the rest state)", () => {
    const cell = CELLS_2007.RS2007.cell;
    const {Isn} = bifurcationCurrents2007(cell);
    const run = (I: number) => {
      const x =
        (cell.k * (cell.vt - cell.vr) +
          cell.b -
          Math.sqrt(Math.max(0, (cell.k * (cell.vt - cell.vr) + cell.b) ** 2 - 4 * cell.k * (Isn - 0.5)))) /
        (2 * cell.k);
      return simulate2007({cell, current: I, duration: 3000, dt: 1, v0: cell.vr + x, u0: cell.b * x}).spikes.length;
    };
    expect(run(Isn - 0.5)).toBe(0);
    expect(run(Isn + 0.5)).toBeGreaterThan(0);
  });
});
