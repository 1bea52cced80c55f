/**
 * Shared types of the library. Units follow Izhikevich (2003): v in mV, t in ms, and the input current I
 * in the paper's units: a current normalised by capacitance, which enters v' directly (mV/ms).
 * See ../shared/SCIENCE.md §1.
 */

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

/** The integration methods `simulate` offers. */
export type Method = "euler" | "paper2003" | "paper2004" | "rk4" | "adaptive";
