/**
 * The phase plane of the 2007 model (docs/science.md §3): its nullclines and equilibria under a constant current,
 * with the book's piecewise u-rules (TC and RTN switch b at a voltage; FS replaces b·(v − vr) by a cubic U(v)).
 *
 *   v-nullcline (v' = 0):  u = k(v − vr)(v − vt) + I
 *   u-nullcline (u' = 0):  u = U(v),  U(v) = b(v − vr)  (plain)
 *                                     b_low(v − vr) for v ≤ v_kink, b(v − vr) above  (TC, RTN)
 *                                     0 for v < vb, k_U(v − vb)³ otherwise  (FS)
 *
 * Equilibria solve F(v) = k(v − vr)(v − vt) + I − U(v) = 0 branch by branch: a quadratic on every linear
 * branch (closed form), a cubic on FS's upper branch (bracketed on a fine grid, then bisected to machine
 * precision). The Jacobian [[k(2v − vr − vt)/C, −1/C], [a·U′(v), −a]] gives the type, with U′ of the branch
 * the equilibrium lies on. Units: v mV, u and I pA, eigenvalues 1/ms.
 */
import {
  checkCell2007,
  checkSpecial2007,
  lowBranch2007,
  makeModel2007,
  type Cell2007,
  type Model2007,
  type Special2007
} from "../models/izhikevich2007.js";
import {checkKeys, checkNumber} from "../validate.js";
import {makeEquilibrium, type Equilibrium} from "./equilibria.js";

/** Nullclines of the 2007 model on an even v grid (mV); u in pA. */
export interface Nullclines2007 {
  v: Float64Array;
  /** u on the v-nullcline: k(v − vr)(v − vt) + I. */
  vNullcline: Float64Array;
  /** u on the u-nullcline: U(v), with the cell's piecewise rule. */
  uNullcline: Float64Array;
}

/** Options of {@link nullclines2007}: the v grid (mV). */
export interface Nullcline2007Options {
  /** Lowest v (mV); default vr − 30. */
  vMin?: number;
  /** Highest v (mV); default the cut-off vpeak. */
  vMax?: number;
  /** Grid points, 2 … 10⁶; default 241. */
  n?: number;
}

/** U(v) of the u-nullcline (pA). */
function uOf(m: Model2007, v: number): number {
  if (m.kink === 2) return lowBranch2007(m, v) ? 0 : m.kinkB * (v - m.kinkV) ** 3;
  return (m.kink === 1 && lowBranch2007(m, v) ? m.kinkB : m.b) * (v - m.vr);
}

/** U′(v) on the branch v lies on (nS). */
function uSlope(m: Model2007, v: number): number {
  if (m.kink === 2) return lowBranch2007(m, v) ? 0 : 3 * m.kinkB * (v - m.kinkV) ** 2;
  return m.kink === 1 && lowBranch2007(m, v) ? m.kinkB : m.b;
}

function model(cell: Cell2007, special: Special2007 | undefined): Model2007 {
  return makeModel2007(checkCell2007(cell), checkSpecial2007(special));
}

/**
 * Both nullclines of a 2007 cell under constant current I (pA).
 * @throws TypeError/RangeError naming the field, the value and what is allowed.
 */
export function nullclines2007(
  cell: Cell2007,
  special: Special2007 | undefined,
  I: number,
  options: Nullcline2007Options = {}
): Nullclines2007 {
  const m = model(cell, special);
  const current = checkNumber(I, "I (pA)");
  const o = checkKeys(options, "options", ["vMin", "vMax", "n"]) as Nullcline2007Options;
  const vMin = o.vMin === undefined ? m.vr - 30 : checkNumber(o.vMin, "options.vMin (mV)");
  const vMax =
    o.vMax === undefined ? m.vpeak : checkNumber(o.vMax, "options.vMax (mV)", {min: vMin, minExclusive: true});
  const n = o.n === undefined ? 241 : checkNumber(o.n, "options.n", {min: 2, max: 1e6, integer: true});
  const v = new Float64Array(n);
  const vNullcline = new Float64Array(n);
  const uNullcline = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = i === n - 1 ? vMax : vMin + ((vMax - vMin) * i) / (n - 1);
    v[i] = x;
    vNullcline[i] = m.k * (x - m.vr) * (x - m.vt) + current;
    uNullcline[i] = uOf(m, x);
  }
  return {v, vNullcline, uNullcline};
}

/** Real roots of k·v² + p·v + q = 0 (cancellation-free). */
function quadraticRoots(k: number, p: number, q: number): number[] {
  const disc = p * p - 4 * k * q;
  if (disc < 0) return [];
  if (disc === 0) return [-p / (2 * k)];
  const s = Math.sqrt(disc);
  const w = -(p + (p >= 0 ? s : -s)) / 2;
  return w === 0 ? [0] : [w / k, q / w].sort((x, y) => x - y);
}

/** Roots of f on [lo, hi]: sign changes on a grid of `steps` cells, each bisected to adjacent doubles. */
function bracketedRoots(f: (v: number) => number, lo: number, hi: number, steps: number): number[] {
  const roots: number[] = [];
  let x0 = lo;
  let f0 = f(x0);
  for (let i = 1; i <= steps; i++) {
    const x1 = lo + ((hi - lo) * i) / steps;
    const f1 = f(x1);
    if (f0 === 0) roots.push(x0);
    else if (f0 * f1 < 0) {
      let a = x0;
      let b = x1;
      let fa = f0;
      for (let j = 0; j < 200; j++) {
        const mid = (a + b) / 2;
        if (mid <= a || mid >= b) break;
        const fm = f(mid);
        if (fm === 0) {
          a = b = mid;
          break;
        }
        if (fa * fm < 0) b = mid;
        else {
          a = mid;
          fa = fm;
        }
      }
      roots.push((a + b) / 2);
    }
    x0 = x1;
    f0 = f1;
  }
  return roots;
}

/**
 * The equilibria of a 2007 cell under constant current I (pA), sorted by v, each with its eigenvalues and type
 * (from the Jacobian of the branch it lies on).
 * @throws TypeError/RangeError naming the field, the value and what is allowed.
 */
export function equilibria2007(cell: Cell2007, special: Special2007 | undefined, I: number): Equilibrium[] {
  const m = model(cell, special);
  const current = checkNumber(I, "I (pA)");
  if (m.a === 0)
    throw new RangeError(
      "cell.a: must be non-zero (with a = 0, u is frozen and the whole v-nullcline is equilibria), got 0"
    );
  const candidates: number[] = [];
  // F(v) = k v² − k(vr + vt) v + k vr vt + I − U(v); on a linear branch U = β(v − vr).
  const linear = (beta: number) =>
    quadraticRoots(m.k, -m.k * (m.vr + m.vt) - beta, m.k * m.vr * m.vt + current + beta * m.vr);
  if (m.kink === 0) candidates.push(...linear(m.b));
  else if (m.kink === 1) {
    candidates.push(...linear(m.kinkB).filter((v) => lowBranch2007(m, v)));
    candidates.push(...linear(m.b).filter((v) => !lowBranch2007(m, v)));
  } else {
    candidates.push(...linear(0).filter((v) => lowBranch2007(m, v)));
    // Upper branch: −k_U x³ + k(v − vr)(v − vt) + I with x = v − vb has at most three roots; the cubic wins
    // beyond a few hundred mV, so [vb, vb + 1000] holds them all for the book's values.
    const F = (v: number) => m.k * (v - m.vr) * (v - m.vt) + current - m.kinkB * (v - m.kinkV) ** 3;
    candidates.push(...bracketedRoots(F, m.kinkV, m.kinkV + 1000, 20000));
  }
  return candidates
    .sort((x, y) => x - y)
    .map((v) => {
      const a11 = (m.k * (2 * v - m.vr - m.vt)) / m.C;
      const trace = a11 - m.a;
      const det = (m.a * (uSlope(m, v) - m.k * (2 * v - m.vr - m.vt))) / m.C;
      return makeEquilibrium(v, uOf(m, v), trace, det);
    });
}
