/**
 * The equilibria of the Izhikevich (2003) model at constant current, in closed form (no integration), with
 * their eigenvalues and linear stability:
 *
 *   v' = e·v² + f·v + g − u + I
 *   u' = a(b·v − u)          ("standard")   or   u' = a·b·(v + 65)   ("accommodation", 2004 Fig. 1R)
 *
 * v in mV, u and I in the paper's current units (mV/ms), t in ms. The reset (c, d) plays no part here: it
 * acts only at the spike cut-off, far from the equilibria. Formulas follow docs/science.md §4.
 */
import type {Equation, Params} from "../models/izhikevich2003.js";
import {checkFinite, checkNondegenerate, checkParamsAB, checkPlaneEquation} from "./phasePlaneChecks.js";

/** A complex number; eigenvalues of the 2×2 Jacobian (1/ms). */
export interface Complex {
  /** Real part (1/ms): growth (> 0) or decay (< 0) rate. */
  re: number;
  /** Imaginary part (rad/ms): angular frequency of the rotation around a focus. */
  im: number;
}

/**
 * Classification of an equilibrium from the trace and determinant of its Jacobian.
 * The degenerate classes occur only exactly at a bifurcation (see {@link equilibria} for the rule).
 */
export type EquilibriumType =
  "stable node" | "unstable node" | "stable focus" | "unstable focus" | "saddle" | "saddle-node" | "center";

/** An equilibrium (fixed point) of the subthreshold dynamics. */
export interface Equilibrium {
  /** Membrane potential (mV). */
  v: number;
  /** Recovery variable (mV/ms, the units of I). */
  u: number;
  /**
   * The two eigenvalues of the Jacobian (1/ms). Real pair: `[larger, smaller]`; complex pair: `[re + i·im,
   * re − i·im]` with im > 0.
   */
  eigenvalues: [Complex, Complex];
  /** Trace of the Jacobian (1/ms) = sum of the eigenvalues. */
  trace: number;
  /** Determinant of the Jacobian (1/ms²) = product of the eigenvalues. */
  determinant: number;
  /** Node / focus / saddle classification, with stability. */
  type: EquilibriumType;
}

const EPS = Number.EPSILON;

/** Eigenvalues of a 2×2 matrix from its trace and determinant, without cancellation in the smaller root. */
function eigen(trace: number, det: number): [Complex, Complex] {
  const disc = trace * trace - 4 * det;
  if (disc >= 0) {
    const r = Math.sqrt(disc);
    // Compute the root of larger magnitude directly and the other as det/λ (Vieta): no subtraction of
    // nearly equal numbers.
    let hi: number;
    let lo: number;
    if (trace >= 0) {
      hi = (trace + r) / 2;
      lo = hi === 0 ? 0 : det / hi;
    } else {
      lo = (trace - r) / 2;
      hi = det / lo;
    }
    return [
      {re: hi, im: 0},
      {re: lo, im: 0}
    ];
  }
  const im = Math.sqrt(-disc) / 2;
  return [
    {re: trace / 2, im},
    {re: trace / 2, im: -im}
  ];
}

function classify(trace: number, det: number): EquilibriumType {
  if (det === 0) return "saddle-node";
  if (det < 0) return "saddle";
  if (trace === 0) return "center";
  const focus = trace * trace < 4 * det;
  if (trace < 0) return focus ? "stable focus" : "stable node";
  return focus ? "unstable focus" : "unstable node";
}

/**
 * An equilibrium at (v, u) from the trace and determinant of its Jacobian: eigenvalues without cancellation and
 * the type. Used here and by other planar models (phasePlane2007.ts).
 */
export function makeEquilibrium(v: number, u: number, trace: number, det: number): Equilibrium {
  return {v, u, eigenvalues: eigen(trace, det), trace, determinant: det, type: classify(trace, det)};
}

/**
 * All equilibria at constant current I, sorted by v ascending, with their linear stability.
 *
 * Standard variant: the intersections of u = e·v² + f·v + g + I with u = b·v, i.e. the roots of
 * e·v² + (f − b)·v + (g + I) = 0 (zero, one or two). Roots are computed with the cancellation-free form
 * q = −(B + sign(B)·√Δ)/2, v₁ = q/e, v₂ = (g + I)/q. With s = √Δ, the Jacobian
 * J = [[2ev + f, −1], [ab, −a]] has at the lower root tr = b − a − s, det = a·s, and at the upper root
 * tr = b − a + s, det = −a·s; these identities are used instead of re-evaluating 2ev + f, which loses
 * digits near the fold. So for a > 0 the upper root is a saddle and the lower one a node/focus; for a < 0
 * the roles swap (docs/science.md §4).
 *
 * Accommodation variant (u' = a·b·(v + 65)): exactly one equilibrium, v = −65, u = e·65² − 65f + g + I,
 * with J = [[f − 130e, −1], [ab, 0]]: tr = f − 130e, det = a·b, both independent of I.
 *
 * Degenerate cases (decided rule): the classes "saddle-node" and "center" are returned only when the
 * equilibrium is at the bifurcation to within the rounding error of its own computation, and then the
 * returned numbers are made exact so that type, trace, determinant and eigenvalues agree:
 * - "saddle-node": the discriminant Δ is within its rounding bound (8ε times the sum of the magnitudes that
 *   went into it) of 0. One equilibrium v = (b − f)/(2e) is returned with determinant exactly 0 and
 *   eigenvalues {b − a, 0}. (At a = b this is the Bogdanov–Takens point: both eigenvalues 0.)
 * - "center": det > 0 and |tr| is within the rounding bound of tr; tr is set to exactly 0 and the
 *   eigenvalues to ±i√det. Otherwise the sign of tr decides stability and tr² vs 4·det decides node
 *   (real eigenvalues, tr² ≥ 4det) vs focus.
 * So I = I_sn or I = I_AH as returned by {@link bifurcationCurrents} give the degenerate class, while a
 * current 1e-9 away gives the generic class on the correct side.
 *
 * @param params - a (1/ms, non-zero), b; c, d are ignored.
 * @param I - constant input current (mV/ms).
 * @param equation - defaults e 0.04, f 5, g 140, u "standard"; e must be > 0.
 * @returns the equilibria (v in mV, u in mV/ms), eigenvalues in 1/ms; empty above the fold.
 * @throws RangeError/TypeError naming the field, the value and what is allowed.
 */
export function equilibria(params: Params, I: number, equation?: Partial<Equation>): Equilibrium[] {
  const fn = "equilibria";
  const {a, b} = checkParamsAB(fn, params);
  const current = checkFinite(fn, "I", I);
  const eq = checkPlaneEquation(fn, equation);
  checkNondegenerate(fn, a, b, eq);
  return computeEquilibria(a, b, current, eq);
}

function computeEquilibria(a: number, b: number, I: number, eq: Equation): Equilibrium[] {
  const {e, f, g} = eq;
  if (eq.u === "accommodation") {
    const v = -65;
    const u = (e * v + f) * v + g + I;
    let trace = 2 * e * v + f;
    const det = a * b;
    if (det > 0 && Math.abs(trace) <= 4 * EPS * (Math.abs(f) + 130 * e)) trace = 0;
    return [makeEquilibrium(v, u, trace, det)];
  }

  const B = f - b;
  const C = g + I;
  const disc = B * B - 4 * e * C;
  // Rounding bound of disc, including the rounding of f − b and g + I themselves.
  const absB = Math.abs(f) + Math.abs(b);
  const discTol = 8 * EPS * (absB * absB + 4 * e * (Math.abs(g) + Math.abs(I)));

  if (disc < -discTol) return [];
  if (disc <= discTol) {
    // Tangency of the two nullclines: one double root, det = a·s = 0 exactly.
    const v = -B / (2 * e);
    return [makeEquilibrium(v, b * v, b - a, 0)];
  }

  const s = Math.sqrt(disc);
  const q = -(B + (B >= 0 ? s : -s)) / 2;
  const r1 = q / e;
  const r2 = C / q;
  const vLow = Math.min(r1, r2);
  const vHigh = Math.max(r1, r2);

  // Rounding bound of tr = (b − a) ∓ s; s inherits discTol/(2s) from the discriminant.
  const trTol = discTol / (2 * s) + 4 * EPS * (Math.abs(a) + Math.abs(b) + s);
  const snap = (tr: number, det: number): number => (det > 0 && Math.abs(tr) <= trTol ? 0 : tr);

  const detLow = a * s;
  const detHigh = -a * s;
  const low = makeEquilibrium(vLow, b * vLow, snap(b - a - s, detLow), detLow);
  const high = makeEquilibrium(vHigh, b * vHigh, snap(b - a + s, detHigh), detHigh);
  return [low, high];
}

/**
 * The rest state at constant current I: the asymptotically stable equilibrium ("stable node" or
 * "stable focus"), or `null` if there is none (above the fold; between I_AH and I_sn of a resonator; below
 * I_AH when a < 0; exactly at a saddle-node or center, which are not asymptotically stable).
 *
 * There is never more than one: in the standard variant only one of the two equilibria has det > 0 (the
 * other is a saddle), and the accommodation variant has a single equilibrium. Note that a stable rest can
 * coexist with spiking produced by the reset (bistability, e.g. 2004 Fig. 1P).
 *
 * @param params - a (non-zero), b; c, d are ignored.
 * @param I - constant input current (mV/ms).
 * @param equation - defaults e 0.04, f 5, g 140, u "standard".
 */
export function restState(params: Params, I: number, equation?: Partial<Equation>): Equilibrium | null {
  const fn = "restState";
  const {a, b} = checkParamsAB(fn, params);
  const current = checkFinite(fn, "I", I);
  const eq = checkPlaneEquation(fn, equation);
  checkNondegenerate(fn, a, b, eq);
  for (const p of computeEquilibria(a, b, current, eq)) {
    if (p.type === "stable node" || p.type === "stable focus") return p;
  }
  return null;
}
