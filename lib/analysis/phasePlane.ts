/**
 * Phase-plane analysis of the Izhikevich (2003) model, all in closed form (no integration):
 *
 *   v' = e·v² + f·v + g − u + I
 *   u' = a(b·v − u)          ("standard")   or   u' = a·b·(v + 65)   ("accommodation", 2004 Fig. 1R)
 *
 * v in mV, u and I in the paper's current units (mV/ms), t in ms. The reset (c, d) plays no part here: it
 * acts only at the spike cut-off, far from the equilibria. Formulas follow ../../shared/SCIENCE.md §4.
 */
import {U_EQUATIONS} from "../model.js";
import type {Equation, Params, UEquation} from "../types.js";
import {fail} from "../validate.js";

// ---------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------

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

/** Options of {@link nullclines}. */
export interface NullclineOptions {
  /** Left end of the v grid (mV); default −90. */
  vMin?: number;
  /** Right end of the v grid (mV); default 30 (the spike cut-off). */
  vMax?: number;
  /** Number of grid points, an integer ≥ 2; default 241 (0.5-mV spacing on the default range). */
  n?: number;
  /** The equation; defaults e 0.04, f 5, g 140, u "standard". */
  equation?: Partial<Equation>;
}

/** The nullclines sampled on a v grid. */
export interface Nullclines {
  /** The v grid (mV), `n` points from vMin to vMax inclusive, evenly spaced. */
  v: Float64Array;
  /** u on the v-nullcline (v' = 0): u = e·v² + f·v + g + I (mV/ms), one value per grid point. */
  vNullcline: Float64Array;
  /**
   * u on the u-nullcline (u' = 0) of the standard variant: u = b·v (mV/ms), one value per grid point.
   * `null` for the accommodation variant (its u-nullcline is vertical, see `uNullclineV`) and when a = 0
   * (u' ≡ 0, so every point is on the u-nullcline and there is no curve to draw).
   */
  uNullcline: Float64Array | null;
  /**
   * For the accommodation variant, the vertical u-nullcline v = −65 (mV); `null` for the standard variant
   * and when a·b = 0 (u' ≡ 0).
   */
  uNullclineV: number | null;
}

/** Bifurcations of the rest state as the constant current I is varied (see {@link bifurcationCurrents}). */
export interface BifurcationCurrents {
  /** I at the saddle-node (fold) of equilibria (mV/ms): I_sn = (f − b)²/(4e) − g. `null` if there is none. */
  saddleNode: number | null;
  /**
   * I at the Andronov–Hopf bifurcation (mV/ms): I_AH = (f − a)(f + a − 2b)/(4e) − g = I_sn − (b − a)²/(4e).
   * `null` if there is none (a(b − a) ≤ 0, or the accommodation variant).
   */
  hopf: number | null;
  /** v of the fold point (mV): (b − f)/(2e). */
  vSaddleNode: number | null;
  /** v of the Hopf point (mV): (a − f)/(2e). */
  vHopf: number | null;
  /** Angular frequency at the Hopf point (rad/ms): √(a(b − a)). Period = 2π/ω ms. */
  hopfFrequency: number | null;
  /** Sign of the first Lyapunov coefficient: "subcritical" (a > 0) or "supercritical" (a < 0). */
  hopfCriticality: "subcritical" | "supercritical" | null;
  /**
   * Which bifurcation destroys (or destabilises) the rest state: "andronov-hopf" whenever there is a Hopf
   * point, otherwise "saddle-node" if some stable rest exists below the fold, otherwise `null`.
   */
  restLoss: "saddle-node" | "andronov-hopf" | null;
}

// ---------------------------------------------------------------------------------------------------------
// Validation (messages name the function, the field, the value and what is allowed)
// ---------------------------------------------------------------------------------------------------------

function finite(fn: string, field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(fn, field, value, "a finite number");
  return value;
}

function checkParamsAB(fn: string, params: unknown): {a: number; b: number} {
  if (typeof params !== "object" || params === null) fail(fn, "params", params, "an object {a, b, c, d}");
  const p = params as Record<string, unknown>;
  // c and d (the reset) do not enter the phase-plane formulas, so they are not required here.
  return {a: finite(fn, "params.a", p.a), b: finite(fn, "params.b", p.b)};
}

function resolve(fn: string, equation: unknown): Equation {
  if (equation === undefined) return {e: 0.04, f: 5, g: 140, u: "standard"};
  if (typeof equation !== "object" || equation === null) {
    fail(fn, "equation", equation, "an object {e?, f?, g?, u?}");
  }
  const q = equation as Record<string, unknown>;
  const e = q.e === undefined ? 0.04 : finite(fn, "equation.e", q.e);
  // e > 0: the v-nullcline must open upwards (it is what makes v blow up into a spike, and what the fold
  // and Hopf formulas assume).
  if (!(e > 0)) fail(fn, "equation.e", e, "a finite number > 0");
  const u = q.u === undefined ? "standard" : q.u;
  if (!U_EQUATIONS.includes(u as UEquation)) fail(fn, "equation.u", u, `one of ${U_EQUATIONS.join(", ")}`);
  return {
    e,
    f: q.f === undefined ? 5 : finite(fn, "equation.f", q.f),
    g: q.g === undefined ? 140 : finite(fn, "equation.g", q.g),
    u: u as UEquation
  };
}

/** Rejects parameter sets whose u-equation is identically zero (every v-nullcline point would be a fixed point). */
function checkNondegenerate(fn: string, a: number, b: number, eq: Equation): void {
  if (eq.u === "standard" && a === 0) {
    fail(fn, "params.a", a, "non-zero (with a = 0, u is frozen and the whole v-nullcline is equilibria)");
  }
  if (eq.u === "accommodation" && a * b === 0) {
    const field = a === 0 ? "params.a" : "params.b";
    fail(fn, field, a === 0 ? a : b, "non-zero for the accommodation variant (with a·b = 0, u is frozen)");
  }
}

// ---------------------------------------------------------------------------------------------------------
// Nullclines
// ---------------------------------------------------------------------------------------------------------

/**
 * The nullclines on an even v grid.
 *
 * v-nullcline (v' = 0): u = e·v² + f·v + g + I, a parabola with its minimum at v = −f/(2e) (−62.5 mV for
 * the standard equation). u-nullcline (u' = 0): u = b·v (standard) or the vertical line v = −65 mV
 * (accommodation). Equilibria are their intersections.
 *
 * @param params - a, b (c, d are ignored: the reset acts only at the spike cut-off).
 * @param I - constant input current (mV/ms).
 * @param options - grid (mV) and equation; see {@link NullclineOptions}.
 * @throws RangeError/TypeError naming the field, the value and what is allowed.
 */
export function nullclines(params: Params, I: number, options: NullclineOptions = {}): Nullclines {
  const fn = "nullclines";
  const {a, b} = checkParamsAB(fn, params);
  const current = finite(fn, "I", I);
  if (typeof options !== "object" || options === null) fail(fn, "options", options, "an object");
  const eq = resolve(fn, options.equation);
  const vMin = options.vMin === undefined ? -90 : finite(fn, "options.vMin", options.vMin);
  const vMax = options.vMax === undefined ? 30 : finite(fn, "options.vMax", options.vMax);
  if (!(vMax > vMin)) fail(fn, "options.vMax", vMax, `a finite number > vMin (${vMin})`);
  const n = options.n === undefined ? 241 : options.n;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 2 || n > 1e7) {
    fail(fn, "options.n", n, "an integer between 2 and 10000000");
  }

  const v = new Float64Array(n);
  const vNull = new Float64Array(n);
  const span = vMax - vMin;
  for (let k = 0; k < n; k++) {
    // k/(n−1) rather than accumulating a step: no drift, and the last point is exactly vMax.
    const x = k === n - 1 ? vMax : vMin + (span * k) / (n - 1);
    v[k] = x;
    vNull[k] = (eq.e * x + eq.f) * x + eq.g + current;
  }

  let uNullcline: Float64Array | null = null;
  let uNullclineV: number | null = null;
  if (eq.u === "standard") {
    if (a !== 0) {
      uNullcline = new Float64Array(n);
      for (let k = 0; k < n; k++) uNullcline[k] = b * v[k]!;
    }
  } else if (a * b !== 0) {
    uNullclineV = -65;
  }
  return {v, vNullcline: vNull, uNullcline, uNullclineV};
}

// ---------------------------------------------------------------------------------------------------------
// Equilibria
// ---------------------------------------------------------------------------------------------------------

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
 * the roles swap (SCIENCE.md §4).
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
  const current = finite(fn, "I", I);
  const eq = resolve(fn, equation);
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
  const current = finite(fn, "I", I);
  const eq = resolve(fn, equation);
  checkNondegenerate(fn, a, b, eq);
  for (const p of computeEquilibria(a, b, current, eq)) {
    if (p.type === "stable node" || p.type === "stable focus") return p;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Bifurcations in I
// ---------------------------------------------------------------------------------------------------------

/**
 * The currents at which the equilibria bifurcate as I is varied (SCIENCE.md §4), in closed form.
 *
 * Standard variant:
 * - Fold (saddle-node): the nullclines touch when the discriminant (f − b)² − 4e(g + I) vanishes:
 *   I_sn = (f − b)²/(4e) − g at v_sn = (b − f)/(2e). Above I_sn there are no equilibria. Always exists (e > 0).
 * - Andronov–Hopf: tr J = 2ev + f − a = 0 at v_AH = (a − f)/(2e), on the branch with det > 0; there
 *   det = a(b − a), so a Hopf point exists iff a(b − a) > 0. Substituting v_AH into the equilibrium
 *   equation: I_AH = (f − a)(f + a − 2b)/(4e) − g = I_sn − (b − a)²/(4e) (the factored form avoids
 *   subtracting two large squares). ω = √(a(b − a)) rad/ms.
 * - Criticality: the first Lyapunov coefficient is l1 = e²·a/((1 + ab)·ω³) (SCIENCE.md §4); in the Hopf
 *   regime ab > a² > 0, so sign(l1) = sign(a): subcritical for a > 0, supercritical for a < 0.
 * - restLoss: a > 0, b > a → "andronov-hopf" (resonator); a > 0, b ≤ a → "saddle-node" (integrator; a = b
 *   is the Bogdanov–Takens point, reported as "saddle-node"); a < 0, b < a → "andronov-hopf": the rest (upper
 *   branch) is stable only for I_AH < I < I_sn and lowering I below I_AH destabilises it (inhibition-
 *   induced spiking, 2004 Fig. 1S/T; raising I past I_sn also removes it, through the fold); a < 0, b ≥ a →
 *   `null`: no equilibrium is ever stable (the det > 0 branch has tr = b − a + s ≥ 0).
 *
 * Accommodation variant (u' = a·b·(v + 65)): all fields `null`. The only equilibrium is v = −65 for every I
 * (u' = 0 forces it, then v' = 0 fixes u uniquely), so equilibria never collide: no fold. Its Jacobian
 * [[f − 130e, −1], [ab, 0]] has tr and det independent of I, so no eigenvalue crosses the imaginary axis as I
 * varies: no Hopf. (Hence panel R's u-integrator follows slow ramps without ever firing.)
 *
 * @param params - a (non-zero), b; c, d are ignored.
 * @param equation - defaults e 0.04, f 5, g 140, u "standard".
 * @returns currents in mV/ms, voltages in mV, frequency in rad/ms.
 */
export function bifurcationCurrents(params: Params, equation?: Partial<Equation>): BifurcationCurrents {
  const fn = "bifurcationCurrents";
  const {a, b} = checkParamsAB(fn, params);
  const eq = resolve(fn, equation);
  checkNondegenerate(fn, a, b, eq);
  if (eq.u === "accommodation") {
    return {
      saddleNode: null,
      hopf: null,
      vSaddleNode: null,
      vHopf: null,
      hopfFrequency: null,
      hopfCriticality: null,
      restLoss: null
    };
  }
  const {e, f, g} = eq;
  const saddleNode = ((f - b) * (f - b)) / (4 * e) - g;
  const vSaddleNode = (b - f) / (2 * e);
  const hopfDet = a * (b - a);
  const hasHopf = hopfDet > 0;
  let restLoss: BifurcationCurrents["restLoss"];
  if (hasHopf) restLoss = "andronov-hopf";
  else if (a > 0) restLoss = "saddle-node";
  else restLoss = null;
  return {
    saddleNode,
    hopf: hasHopf ? ((f - a) * (f + a - 2 * b)) / (4 * e) - g : null,
    vSaddleNode,
    vHopf: hasHopf ? (a - f) / (2 * e) : null,
    hopfFrequency: hasHopf ? Math.sqrt(hopfDet) : null,
    hopfCriticality: hasHopf ? (a > 0 ? "subcritical" : "supercritical") : null,
    restLoss
  };
}
