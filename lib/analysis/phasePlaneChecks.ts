/**
 * The input checks shared by the closed-form phase-plane functions (nullclines.ts, equilibria.ts,
 * bifurcationCurrents.ts) of the Izhikevich (2003) model:
 *
 *   v' = e·v² + f·v + g − u + I
 *   u' = a(b·v − u)          ("standard")   or   u' = a·b·(v + 65)   ("accommodation", 2004 Fig. 1R)
 *
 * v in mV, u and I in the paper's current units (mV/ms), t in ms. The reset (c, d) plays no part here: it
 * acts only at the spike cut-off, far from the equilibria. Formulas follow docs/science.md §4.
 *
 * Messages name the function, the field, the value and what is allowed.
 */
import {U_EQUATIONS} from "../models/izhikevich2003.js";
import type {Equation, UEquation} from "../models/izhikevich2003.js";
import {fail} from "../validate.js";

/** A finite number, or an error naming the field. */
export function checkFinite(fn: string, field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(fn, field, value, "a finite number");
  return value;
}

/** a and b of the parameters; c and d are not needed. */
export function checkParamsAB(fn: string, params: unknown): {a: number; b: number} {
  if (typeof params !== "object" || params === null) fail(fn, "params", params, "an object {a, b, c, d}");
  const p = params as Record<string, unknown>;
  // c and d (the reset) do not enter the phase-plane formulas, so they are not required here.
  return {a: checkFinite(fn, "params.a", p.a), b: checkFinite(fn, "params.b", p.b)};
}

/** The equation with its defaults (e 0.04, f 5, g 140, u "standard"); e must be > 0. */
export function checkPlaneEquation(fn: string, equation: unknown): Equation {
  if (equation === undefined) return {e: 0.04, f: 5, g: 140, u: "standard"};
  if (typeof equation !== "object" || equation === null) {
    fail(fn, "equation", equation, "an object {e?, f?, g?, u?}");
  }
  const q = equation as Record<string, unknown>;
  const e = q.e === undefined ? 0.04 : checkFinite(fn, "equation.e", q.e);
  // e > 0: the v-nullcline must open upwards (it is what makes v blow up into a spike, and what the fold
  // and Hopf formulas assume).
  if (!(e > 0)) fail(fn, "equation.e", e, "a finite number > 0");
  const u = q.u === undefined ? "standard" : q.u;
  if (!U_EQUATIONS.includes(u as UEquation)) fail(fn, "equation.u", u, `one of ${U_EQUATIONS.join(", ")}`);
  return {
    e,
    f: q.f === undefined ? 5 : checkFinite(fn, "equation.f", q.f),
    g: q.g === undefined ? 140 : checkFinite(fn, "equation.g", q.g),
    u: u as UEquation
  };
}

/** Rejects parameter sets whose u-equation is identically zero (every v-nullcline point would be a fixed point). */
export function checkNondegenerate(fn: string, a: number, b: number, eq: Equation): void {
  if (eq.u === "standard" && a === 0) {
    fail(fn, "params.a", a, "non-zero (with a = 0, u is frozen and the whole v-nullcline is equilibria)");
  }
  if (eq.u === "accommodation" && a * b === 0) {
    const field = a === 0 ? "params.a" : "params.b";
    fail(fn, field, a === 0 ? a : b, "non-zero for the accommodation variant (with a·b = 0, u is frozen)");
  }
}
