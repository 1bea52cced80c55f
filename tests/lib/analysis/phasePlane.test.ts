import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {
  bifurcationCurrents,
  equilibria,
  nullclines,
  restState,
  type Complex,
  type Equilibrium
} from "../../../lib/analysis/phasePlane.js";
import type {Equation, Params} from "../../../lib/types.js";

const params = (a: number, b: number): Params => ({a, b, c: -65, d: 2});
const GL: Partial<Equation> = {f: 4.1, g: 108};
const STD = {e: 0.04, f: 5, g: 140};

/** Rows of the table in SCIENCE.md §4. */
const TABLE: {
  set: string;
  a: number;
  b: number;
  equation?: Partial<Equation>;
  sn: number;
  ah: number | null;
  loss: "saddle-node" | "andronov-hopf";
  criticality: "subcritical" | "supercritical" | null;
}[] = [
  {set: "RS/IB/CH", a: 0.02, b: 0.2, sn: 4, ah: 3.7975, loss: "andronov-hopf", criticality: "subcritical"},
  {set: "FS", a: 0.1, b: 0.2, sn: 4, ah: 3.9375, loss: "andronov-hopf", criticality: "subcritical"},
  {set: "LTS/TC/B/D", a: 0.02, b: 0.25, sn: 1.015625, ah: 0.685, loss: "andronov-hopf", criticality: "subcritical"},
  {set: "RZ/K/P", a: 0.1, b: 0.26, sn: 0.4225, ah: 0.2625, loss: "andronov-hopf", criticality: "subcritical"},
  {set: "H", a: 0.2, b: 0.26, sn: 0.4225, ah: 0.4, loss: "andronov-hopf", criticality: "subcritical"},
  {set: "J", a: 0.05, b: 0.26, sn: 0.4225, ah: 0.146875, loss: "andronov-hopf", criticality: "subcritical"},
  {set: "G/L (4.1/108)", a: 0.02, b: -0.1, equation: GL, sn: 2.25, ah: null, loss: "saddle-node", criticality: null},
  {set: "S", a: -0.02, b: -1, sn: 85, ah: 78.9975, loss: "andronov-hopf", criticality: "supercritical"},
  {set: "T", a: -0.026, b: -1, sn: 85, ah: 79.070775, loss: "andronov-hopf", criticality: "supercritical"},
  {set: "chaos set", a: 0.2, b: 2, sn: -83.75, ah: -104, loss: "andronov-hopf", criticality: "subcritical"}
];

// ---------------------------------------------------------------------------------------------------------
// Independent numerical machinery (no closed forms): used to cross-check the closed forms.
// ---------------------------------------------------------------------------------------------------------

function coeffs(equation?: Partial<Equation>) {
  return {...STD, ...equation};
}

/** min over v of e v² + (f − b) v + g + I, by golden-section search (no vertex formula). */
function minDrift(b: number, I: number, equation?: Partial<Equation>): number {
  const {e, f, g} = coeffs(equation);
  const F = (v: number) => e * v * v + (f - b) * v + g + I;
  let lo = -1e4;
  let hi = 1e4;
  const r = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - r * (hi - lo);
  let x2 = lo + r * (hi - lo);
  let f1 = F(x1);
  let f2 = F(x2);
  for (let k = 0; k < 200 && hi - lo > 1e-9; k++) {
    if (f1 < f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - r * (hi - lo);
      f1 = F(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + r * (hi - lo);
      f2 = F(x2);
    }
  }
  return Math.min(f1, f2);
}

/** The fold current by bisection on "real roots exist" (min of the drift ≤ 0). */
function foldByBisection(b: number, equation?: Partial<Equation>): number {
  let lo = -1e4; // equilibria exist
  let hi = 1e4; // none
  for (let k = 0; k < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); k++) {
    const mid = (lo + hi) / 2;
    if (minDrift(b, mid, equation) <= 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Newton's method on the equilibrium equation from far left (lower root) or far right (upper root). */
function newtonRoot(b: number, I: number, side: "lower" | "upper", equation?: Partial<Equation>): number {
  const {e, f, g} = coeffs(equation);
  let v = side === "lower" ? -1e4 : 1e4;
  for (let k = 0; k < 200; k++) {
    const step = (e * v * v + (f - b) * v + g + I) / (2 * e * v + f - b);
    v -= step;
    if (Math.abs(step) <= 1e-15 * Math.abs(v)) break;
  }
  return v;
}

/** Largest real part of the eigenvalues of J = [[2ev+f, −1], [ab, −a]] computed from the matrix entries. */
function maxRealPart(a: number, b: number, v: number, equation?: Partial<Equation>): number {
  const {e, f} = coeffs(equation);
  const j11 = 2 * e * v + f;
  const j12 = -1;
  const j21 = a * b;
  const j22 = -a;
  const tr = j11 + j22;
  const det = j11 * j22 - j12 * j21;
  const disc = tr * tr - 4 * det;
  return disc < 0 ? tr / 2 : (tr + Math.sqrt(disc)) / 2;
}

/** The Hopf current by bisection on the sign of the max real part along the det > 0 branch. */
function hopfByRootFinding(a: number, b: number, equation?: Partial<Equation>): number {
  const {e, f, g} = coeffs(equation);
  const iSn = ((f - b) * (f - b)) / (4 * e) - g; // only to bracket the search below the fold
  const gap = ((b - a) * (b - a)) / (4 * e);
  const side = a > 0 ? "lower" : "upper";
  const h = (I: number) => maxRealPart(a, b, newtonRoot(b, I, side, equation), equation);
  let lo = iSn - 4 * gap - 1;
  let hi = iSn - gap * 1e-3;
  const sLo = Math.sign(h(lo));
  expect(sLo).not.toBe(Math.sign(h(hi)));
  for (let k = 0; k < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(lo)); k++) {
    const mid = (lo + hi) / 2;
    if (Math.sign(h(mid)) === sLo) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function charResidual(l: Complex, tr: number, det: number): number {
  // λ² − tr·λ + det for complex λ.
  const re = l.re * l.re - l.im * l.im - tr * l.re + det;
  const im = 2 * l.re * l.im - tr * l.im;
  return Math.hypot(re, im);
}

function checkClassification(p: Equilibrium): void {
  const [l1, l2] = p.eigenvalues;
  const real = l1.im === 0 && l2.im === 0;
  switch (p.type) {
    case "saddle":
      expect(real).toBe(true);
      expect(l1.re).toBeGreaterThan(0);
      expect(l2.re).toBeLessThan(0);
      break;
    case "stable node":
      expect(real).toBe(true);
      expect(l1.re).toBeLessThan(0);
      expect(l2.re).toBeLessThan(0);
      break;
    case "unstable node":
      expect(real).toBe(true);
      expect(l1.re).toBeGreaterThan(0);
      expect(l2.re).toBeGreaterThan(0);
      break;
    case "stable focus":
      expect(l1.im).toBeGreaterThan(0);
      expect(l1.re).toBeLessThan(0);
      expect(l2).toEqual({re: l1.re, im: -l1.im});
      break;
    case "unstable focus":
      expect(l1.im).toBeGreaterThan(0);
      expect(l1.re).toBeGreaterThan(0);
      expect(l2).toEqual({re: l1.re, im: -l1.im});
      break;
    case "center":
      expect(l1.re).toBe(0);
      expect(l1.im).toBeGreaterThan(0);
      break;
    case "saddle-node":
      expect(real).toBe(true);
      expect(l1.re === 0 || l2.re === 0).toBe(true);
      break;
  }
}

/** Sensible random (a, b, I offset from the fold) for properties. */
const arbA = fc.double({min: -0.5, max: 0.5, noNaN: true}).filter((a) => Math.abs(a) >= 1e-3);
const arbB = fc.double({min: -2, max: 2, noNaN: true});
const arbOffset = fc.double({min: -200, max: 5, noNaN: true});

// ---------------------------------------------------------------------------------------------------------

describe("nullclines", () => {
  it("samples 241 points from −90 to 30 mV by default, 0.5 mV apart", () => {
    const n = nullclines(params(0.02, 0.2), 0);
    expect(n.v.length).toBe(241);
    expect(n.v[0]).toBe(-90);
    expect(n.v[240]).toBe(30);
    for (let k = 1; k < 241; k++) expect(n.v[k]! - n.v[k - 1]!).toBeCloseTo(0.5, 12);
  });

  it("gives the v-nullcline u = 0.04v² + 5v + 140 + I, a parabola with its minimum at −62.5 mV", () => {
    const I = 3;
    const n = nullclines(params(0.02, 0.2), I, {vMin: -62.5, vMax: 0, n: 126});
    for (let k = 0; k < n.v.length; k++) {
      const v = n.v[k]!;
      expect(n.vNullcline[k]).toBeCloseTo(0.04 * v * v + 5 * v + 140 + I, 10);
    }
    expect(n.vNullcline[0]).toBeCloseTo(-16.25 + I, 12);
    expect(Math.min(...n.vNullcline)).toBe(n.vNullcline[0]);
  });

  it("gives the standard u-nullcline u = b·v and no vertical line", () => {
    const n = nullclines(params(0.02, 0.25), 0);
    expect(n.uNullclineV).toBeNull();
    expect(n.uNullcline).not.toBeNull();
    n.v.forEach((v, k) => expect(n.uNullcline![k]).toBeCloseTo(0.25 * v, 12));
  });

  it("uses the G/L coefficients when given the 4.1/108 equation", () => {
    const n = nullclines(params(0.02, -0.1), 1, {equation: GL, vMin: -60, vMax: -60 + 1, n: 2});
    expect(n.vNullcline[0]).toBeCloseTo(0.04 * 3600 - 4.1 * 60 + 108 + 1, 10);
  });

  it("gives the accommodation variant's u-nullcline as the vertical line v = −65", () => {
    const n = nullclines(params(0.02, 1), 0, {equation: {u: "accommodation"}});
    expect(n.uNullcline).toBeNull();
    expect(n.uNullclineV).toBe(-65);
  });

  it("reports no u-nullcline when a = 0 (u is frozen)", () => {
    const n = nullclines(params(0, 0.2), 0);
    expect(n.uNullcline).toBeNull();
    expect(n.uNullclineV).toBeNull();
  });

  it("rejects bad inputs with the field, the value and what is allowed", () => {
    const p = params(0.02, 0.2);
    expect(() => nullclines(p, NaN)).toThrow(/I must be a finite number, got NaN/);
    expect(() => nullclines(p, 0, {n: 1})).toThrow(/options\.n must be an integer between 2 .*got 1/);
    expect(() => nullclines(p, 0, {n: 2.5})).toThrow(/options\.n.*got 2\.5/);
    expect(() => nullclines(p, 0, {vMin: 0, vMax: -10})).toThrow(
      /options\.vMax must be a finite number > vMin \(0\), got -10/
    );
    expect(() => nullclines(p, 0, {vMin: -Infinity})).toThrow(/options\.vMin.*got -Infinity/);
    expect(() => nullclines(p, 0, {equation: {e: 0}})).toThrow(/equation\.e must be a finite number > 0, got 0/);
    expect(() => nullclines(p, 0, {equation: {u: "other" as never}})).toThrow(
      /equation\.u must be one of standard, accommodation, got "other"/
    );
    expect(() => nullclines({...p, a: Infinity}, 0)).toThrow(/params\.a.*Infinity/);
    expect(() => nullclines(null as never, 0)).toThrow(/params must be an object/);
  });
});

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

  it("returns the panels' rest states of SCIENCE.md §4 (J, K, P foci with periods ≈ 56, 41, 48 ms)", () => {
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
