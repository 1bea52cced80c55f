/**
 * The currents at which the rest state of the Izhikevich (2003) model bifurcates, in closed form:
 *
 *   v' = e·v² + f·v + g − u + I
 *   u' = a(b·v − u)          ("standard")   or   u' = a·b·(v + 65)   ("accommodation", 2004 Fig. 1R)
 *
 * v in mV, u and I in the paper's current units (mV/ms), t in ms. The reset (c, d) plays no part here: it
 * acts only at the spike cut-off, far from the equilibria. Formulas follow docs/science.md §4.
 */
import type {Equation, Params} from "../models/izhikevich2003.js";
import {checkNondegenerate, checkParamsAB, checkPlaneEquation} from "./phasePlaneChecks.js";

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

/**
 * The currents at which the equilibria bifurcate as I is varied (docs/science.md §4), in closed form.
 *
 * Standard variant:
 * - Fold (saddle-node): the nullclines touch when the discriminant (f − b)² − 4e(g + I) vanishes:
 *   I_sn = (f − b)²/(4e) − g at v_sn = (b − f)/(2e). Above I_sn there are no equilibria. Always exists (e > 0).
 * - Andronov–Hopf: tr J = 2ev + f − a = 0 at v_AH = (a − f)/(2e), on the branch with det > 0; there
 *   det = a(b − a), so a Hopf point exists iff a(b − a) > 0. Substituting v_AH into the equilibrium
 *   equation: I_AH = (f − a)(f + a − 2b)/(4e) − g = I_sn − (b − a)²/(4e) (the factored form avoids
 *   subtracting two large squares). ω = √(a(b − a)) rad/ms.
 * - Criticality: the first Lyapunov coefficient is l1 = e²·a/((1 + ab)·ω³) (docs/science.md §4); in the Hopf
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
  const eq = checkPlaneEquation(fn, equation);
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
