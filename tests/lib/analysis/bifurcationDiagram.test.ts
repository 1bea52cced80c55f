import {describe, expect, it} from "vitest";
import {equilibriumBifurcation, stabilityOf, type BranchPoint} from "../../../lib/analysis/bifurcationDiagram.js";
import {dudt, dvdt, makeModel, resolveEquation} from "../../../lib/models/izhikevich2003.js";
import type {Equation, Params} from "../../../lib/models/izhikevich2003.js";

// docs/science.md §4's table: I_sn and I_AH for the published parameter sets (null: no Hopf point).
const TABLE: {
  name: string;
  a: number;
  b: number;
  equation?: Partial<Equation>;
  sn: number;
  ah: number | null;
  criticality: "subcritical" | "supercritical" | null;
}[] = [
  {name: "RS/IB/CH", a: 0.02, b: 0.2, sn: 4, ah: 3.7975, criticality: "subcritical"},
  {name: "FS", a: 0.1, b: 0.2, sn: 4, ah: 3.9375, criticality: "subcritical"},
  {name: "LTS/TC/B/D", a: 0.02, b: 0.25, sn: 1.015625, ah: 0.685, criticality: "subcritical"},
  {name: "RZ/K/P", a: 0.1, b: 0.26, sn: 0.4225, ah: 0.2625, criticality: "subcritical"},
  {name: "H", a: 0.2, b: 0.26, sn: 0.4225, ah: 0.4, criticality: "subcritical"},
  {name: "J", a: 0.05, b: 0.26, sn: 0.4225, ah: 0.146875, criticality: "subcritical"},
  {name: "G/L", a: 0.02, b: -0.1, equation: {f: 4.1, g: 108}, sn: 2.25, ah: null, criticality: null},
  {name: "S", a: -0.02, b: -1, sn: 85, ah: 78.9975, criticality: "supercritical"},
  {name: "T", a: -0.026, b: -1, sn: 85, ah: 79.070775, criticality: "supercritical"},
  {name: "chaos", a: 0.2, b: 2, sn: -83.75, ah: -104, criticality: "subcritical"}
];

const params = (a: number, b: number): Params => ({a, b, c: -65, d: 2});

/** Jacobian of (v', u') by central finite differences of the model's right-hand side: independent of the closed forms. */
function numericJacobian(p: Params, equation: Partial<Equation> | undefined, v: number, u: number, I: number) {
  const m = makeModel(p, resolveEquation(equation));
  const h = 1e-5;
  const j11 = (dvdt(m, v + h, u, I) - dvdt(m, v - h, u, I)) / (2 * h);
  const j12 = (dvdt(m, v, u + h, I) - dvdt(m, v, u - h, I)) / (2 * h);
  const j21 = (dudt(m, v + h, u) - dudt(m, v - h, u)) / (2 * h);
  const j22 = (dudt(m, v, u + h) - dudt(m, v, u - h)) / (2 * h);
  return {trace: j11 + j22, det: j11 * j22 - j12 * j21, model: m};
}

describe("equilibriumBifurcation: special points", () => {
  for (const row of TABLE) {
    it(`${row.name}: I_sn, I_AH and criticality match docs/science.md §4 to 1e-9`, () => {
      const d = equilibriumBifurcation(params(row.a, row.b), {
        equation: row.equation,
        from: Math.min(row.sn, row.ah ?? row.sn) - 5,
        to: row.sn + 1,
        count: 51
      });
      expect(d.saddleNode!.I).toBeCloseTo(row.sn, 9);
      const e = 0.04,
        f = row.equation?.f ?? 5;
      expect(d.saddleNode!.v).toBeCloseTo((row.b - f) / (2 * e), 9);
      if (row.ah === null) {
        expect(d.hopf).toBeNull();
      } else {
        expect(d.hopf!.I).toBeCloseTo(row.ah, 9);
        expect(d.hopf!.v).toBeCloseTo((row.a - f) / (2 * e), 9);
        expect(d.hopf!.omega).toBeCloseTo(Math.sqrt(row.a * (row.b - row.a)), 12);
        expect(d.hopf!.l1).toBeCloseTo((e * e * row.a) / ((1 + row.a * row.b) * d.hopf!.omega ** 3), 12);
        expect(d.hopf!.criticality).toBe(row.criticality);
      }
    });
  }

  it("the special points are what finite-difference Jacobians say: det = 0 at the fold, tr = 0 and det = ω² at the Hopf point", () => {
    for (const row of TABLE) {
      const p = params(row.a, row.b);
      const d = equilibriumBifurcation(p, {equation: row.equation, from: row.sn - 200, to: row.sn + 1, count: 11});
      const sn = d.saddleNode!;
      const m = makeModel(p, resolveEquation(row.equation));
      expect(Math.abs(dvdt(m, sn.v, sn.u, sn.I))).toBeLessThan(1e-9);
      expect(Math.abs(dudt(m, sn.v, sn.u))).toBeLessThan(1e-9);
      expect(Math.abs(numericJacobian(p, row.equation, sn.v, sn.u, sn.I).det)).toBeLessThan(1e-6);
      if (d.hopf) {
        const J = numericJacobian(p, row.equation, d.hopf.v, d.hopf.u, d.hopf.I);
        expect(Math.abs(dvdt(m, d.hopf.v, d.hopf.u, d.hopf.I))).toBeLessThan(1e-9);
        expect(Math.abs(J.trace)).toBeLessThan(1e-6);
        expect(J.det).toBeCloseTo(d.hopf.omega ** 2, 6);
      }
    }
  });
});

describe("equilibriumBifurcation: branches", () => {
  it("every branch point is an equilibrium whose stability agrees with a finite-difference Jacobian", () => {
    for (const row of TABLE) {
      const p = params(row.a, row.b);
      const d = equilibriumBifurcation(p, {equation: row.equation, from: row.sn - 30, to: row.sn + 2, count: 97});
      const points: BranchPoint[] = d.segments.flatMap((s) => s.points);
      expect(points.length).toBeGreaterThan(100);
      for (const q of points) {
        const J = numericJacobian(p, row.equation, q.v, q.u, q.I);
        expect(Math.abs(dvdt(J.model, q.v, q.u, q.I))).toBeLessThan(1e-8);
        if (q.type === "saddle-node" || q.type === "center") continue;
        const fd = J.det < 0 ? "saddle" : J.trace < 0 ? "stable" : "unstable";
        expect(stabilityOf(q.type)).toBe(fd);
      }
      for (const s of d.segments) for (const q of s.points) expect(q.I).toBeLessThanOrEqual(d.saddleNode!.I);
    }
  });

  it("H (a > 0, b > a): lower branch stable up to I_AH, unstable from I_AH to I_sn; upper branch a saddle", () => {
    const d = equilibriumBifurcation(params(0.2, 0.26), {from: 0, to: 1, count: 101});
    const lower = d.segments.filter((s) => s.branch === "lower");
    expect(lower.map((s) => s.stability)).toEqual(["stable", "unstable"]);
    expect(lower[0]!.points.at(-1)!.I).toBe(d.hopf!.I);
    expect(lower[0]!.points.at(-1)!.type).toBe("center");
    expect(lower[1]!.points[0]!.I).toBe(d.hopf!.I);
    expect(lower[1]!.points.at(-1)!.I).toBeCloseTo(0.4225, 12);
    expect(d.segments.filter((s) => s.branch === "upper").map((s) => s.stability)).toEqual(["saddle"]);
    expect(d.restLoss).toBe("andronov-hopf");
  });

  it("G (b < a): the lower branch is stable right up to the fold, no Hopf point", () => {
    const d = equilibriumBifurcation(params(0.02, -0.1), {equation: {f: 4.1, g: 108}, from: 0, to: 3, count: 31});
    expect(d.segments.filter((s) => s.branch === "lower").map((s) => s.stability)).toEqual(["stable"]);
    expect(d.hopf).toBeNull();
    expect(d.restLoss).toBe("saddle-node");
    expect(d.notes.join(" ")).toMatch(/no Andronov–Hopf/);
  });

  it("S (a < 0): the upper branch is the rest, stable only between I_AH and I_sn", () => {
    const d = equilibriumBifurcation(params(-0.02, -1), {from: 70, to: 90, count: 41});
    expect(d.segments.filter((s) => s.branch === "upper").map((s) => s.stability)).toEqual(["unstable", "stable"]);
    expect(d.segments.filter((s) => s.branch === "lower").map((s) => s.stability)).toEqual(["saddle"]);
  });

  it("accommodation variant: one branch at v = −65 mV, no bifurcation, and says so", () => {
    const d = equilibriumBifurcation(
      {a: 0.02, b: 1, c: -55, d: 4},
      {equation: {u: "accommodation"}, from: -5, to: 20, count: 26}
    );
    expect(d.saddleNode).toBeNull();
    expect(d.hopf).toBeNull();
    expect(d.segments).toHaveLength(1);
    expect(d.segments[0]!.branch).toBe("single");
    expect(d.segments[0]!.points.every((q) => q.v === -65)).toBe(true);
    expect(d.notes[0]).toMatch(/no saddle-node and no Hopf/);
  });

  it("rejects bad options with a message naming the field", () => {
    expect(() => equilibriumBifurcation(params(0.02, 0.2), {from: 5, to: 1})).toThrow(/options\.to/);
    expect(() => equilibriumBifurcation(params(0.02, 0.2), {count: 1})).toThrow(/options\.count/);
    expect(() => equilibriumBifurcation(params(0.02, 0.2), {step: 1} as never)).toThrow(/unknown key "step"/);
    expect(() => equilibriumBifurcation({a: NaN, b: 0.2, c: -65, d: 2})).toThrow(/params\.a/);
  });
});
