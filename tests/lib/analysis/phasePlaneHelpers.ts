/** Shared by the phase-plane tests: the published parameter sets and independent numerical cross-checks. */
import fc from "fast-check";
import {expect} from "vitest";
import type {Complex, Equilibrium} from "../../../lib/analysis/equilibria.js";
import type {Equation, Params} from "../../../lib/models/izhikevich2003.js";

export const params = (a: number, b: number): Params => ({a, b, c: -65, d: 2});
export const GL: Partial<Equation> = {f: 4.1, g: 108};
const STD = {e: 0.04, f: 5, g: 140};

/** Rows of the table in docs/science.md §4. */
export const TABLE: {
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

// Independent numerical machinery (no closed forms): used to cross-check the closed forms.

export function coeffs(equation?: Partial<Equation>) {
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
export function foldByBisection(b: number, equation?: Partial<Equation>): number {
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
export function hopfByRootFinding(a: number, b: number, equation?: Partial<Equation>): number {
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

export function charResidual(l: Complex, tr: number, det: number): number {
  // λ² − tr·λ + det for complex λ.
  const re = l.re * l.re - l.im * l.im - tr * l.re + det;
  const im = 2 * l.re * l.im - tr * l.im;
  return Math.hypot(re, im);
}

export function checkClassification(p: Equilibrium): void {
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
export const arbA = fc.double({min: -0.5, max: 0.5, noNaN: true}).filter((a) => Math.abs(a) >= 1e-3);
export const arbB = fc.double({min: -2, max: 2, noNaN: true});
export const arbOffset = fc.double({min: -200, max: 5, noNaN: true});
