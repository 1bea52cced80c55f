/**
 * The Izhikevich (2003) model as data plus a pure right-hand side. Threshold and reset are events, handled
 * by the simulator, not part of the ODE (as in Brian2's NeuronGroup). Units follow Izhikevich (2003): v in mV,
 * t in ms, and the input current I in the paper's units: a current normalised by capacitance, which enters v'
 * directly (mV/ms). See docs/science.md §1.
 *
 *   v' = e·v² + f·v + g − u + I        (standard: 0.04, 5, 140)
 *   u' = a(b·v − u)                    ("standard")   or   a·b·(v + 65)   ("accommodation", 2004 Fig. 1R)
 *   if v ≥ vPeak: v ← c, u ← u + d
 */
import {checkKeys, checkKeyword, checkNumber} from "../validate.js";

/** The four parameters of the 2003 model (Izhikevich 2003, eq. 1–3). */
export interface Params {
  /** Time scale of the recovery variable u (1/ms); typical 0.02. */
  a: number;
  /** Sensitivity of u to the subthreshold v (dimensionless); typical 0.2. */
  b: number;
  /** After-spike reset value of v (mV); typical −65. */
  c: number;
  /** After-spike increment of u (mV/ms); typical 2. */
  d: number;
}

/**
 * The u-equation variant.
 * - `"standard"`: u' = a(b·v − u) (Izhikevich 2003).
 * - `"accommodation"`: u' = a·b·(v + 65), no −u term (figure1.m panel R, 2004 Fig. 1R).
 */
export type UEquation = "standard" | "accommodation";

/**
 * The equation of the model: v' = e·v² + f·v + g − u + I, with the u-equation variant `u`.
 * Defaults: e = 0.04, f = 5, g = 140, u = "standard". Panels G and L of 2004 Fig. 1 use f = 4.1, g = 108.
 */
export interface Equation {
  /** Coefficient of v² (1/(mV·ms)); default 0.04. */
  e: number;
  /** Coefficient of v (1/ms); default 5. */
  f: number;
  /** Constant term (mV/ms); default 140. */
  g: number;
  /** The u-equation variant; default "standard". */
  u: UEquation;
}

/** The standard equation of Izhikevich (2003): v' = 0.04v² + 5v + 140 − u + I, u' = a(bv − u). */
export const STANDARD_EQUATION: Readonly<Equation> = Object.freeze({e: 0.04, f: 5, g: 140, u: "standard"});

/** The u-equation variants, in the order they are offered. */
export const U_EQUATIONS = ["standard", "accommodation"] as const;

/** Checks `params` and returns a copy holding only a, b, c, d. */
export function checkParams(params: unknown, field = "params"): Params {
  const p = checkKeys(params, field, ["a", "b", "c", "d"]);
  return {
    a: checkNumber(p.a, `${field}.a`),
    b: checkNumber(p.b, `${field}.b`),
    c: checkNumber(p.c, `${field}.c`),
    d: checkNumber(p.d, `${field}.d`)
  };
}

/** Fills in the defaults of a partial equation and checks it. */
export function resolveEquation(equation: Partial<Equation> | undefined, field = "equation"): Equation {
  if (equation === undefined) return {...STANDARD_EQUATION};
  const q = checkKeys(equation, field, ["e", "f", "g", "u"]);
  return {
    e: q.e === undefined ? STANDARD_EQUATION.e : checkNumber(q.e, `${field}.e`),
    f: q.f === undefined ? STANDARD_EQUATION.f : checkNumber(q.f, `${field}.f`),
    g: q.g === undefined ? STANDARD_EQUATION.g : checkNumber(q.g, `${field}.g`),
    u: q.u === undefined ? STANDARD_EQUATION.u : checkKeyword(q.u, `${field}.u`, U_EQUATIONS)
  };
}

/** Everything the right-hand side needs, flattened into numbers so hot loops read plain fields. */
export interface Model {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
  g: number;
  /** True for the accommodation u-equation u' = a·b·(v + 65). */
  accommodation: boolean;
}

/** Builds the flat model from parameters and a resolved equation. */
export function makeModel(params: Params, equation: Equation): Model {
  // Spelled out rather than spread: a spread's result can take a new hidden class per call, and each new one
  // throws the optimised kernels back to slow code (V8's "wrong map" deoptimisation, seen in a drag's first steps).
  return {
    a: params.a,
    b: params.b,
    c: params.c,
    d: params.d,
    e: equation.e,
    f: equation.f,
    g: equation.g,
    accommodation: equation.u === "accommodation"
  };
}

/** The u-equation as u' = ub·v − ua·u + uc: one branch-free form for both variants. */
export interface UCoefficients {
  ub: number;
  ua: number;
  uc: number;
}

/**
 * The coefficients of u' = ub·v − ua·u + uc: standard a(b·v − u) gives (a·b, a, 0), accommodation a·b·(v + 65)
 * gives (a·b, 0, 65·a·b). Plain numbers in, so a batch kernel can call it per neuron on typed columns.
 */
export function uCoefficients(a: number, b: number, accommodation: boolean): UCoefficients {
  const ub = a * b;
  return {ub, ua: accommodation ? 0 : a, uc: accommodation ? 65 * ub : 0};
}

/** v' (mV/ms) at state (v, u) under input current I. */
export function dvdt(m: Model, v: number, u: number, I: number): number {
  return m.e * v * v + m.f * v + m.g - u + I;
}

/** u' at state (v, u). */
export function dudt(m: Model, v: number, u: number): number {
  return m.accommodation ? m.a * m.b * (v + 65) : m.a * (m.b * v - u);
}
