/**
 * The Izhikevich (2003) model as data plus a pure right-hand side. Threshold and reset are events, handled
 * by the simulator, not part of the ODE (as in Brian2's NeuronGroup).
 *
 *   v' = e·v² + f·v + g − u + I        (standard: 0.04, 5, 140)
 *   u' = a(b·v − u)                    ("standard")   or   a·b·(v + 65)   ("accommodation", 2004 Fig. 1R)
 *   if v ≥ vPeak: v ← c, u ← u + d
 */
import type {Equation, Params} from "./types.js";
import {checkKeys, checkKeyword, checkNumber} from "./validate.js";

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
  return {...params, e: equation.e, f: equation.f, g: equation.g, accommodation: equation.u === "accommodation"};
}

/** v' (mV/ms) at state (v, u) under input current I. */
export function dvdt(m: Model, v: number, u: number, I: number): number {
  return m.e * v * v + m.f * v + m.g - u + I;
}

/** u' at state (v, u). */
export function dudt(m: Model, v: number, u: number): number {
  return m.accommodation ? m.a * m.b * (v + 65) : m.a * (m.b * v - u);
}
