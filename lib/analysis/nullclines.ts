/**
 * The nullclines of the Izhikevich (2003) model in closed form, sampled on a v grid:
 *
 *   v' = e·v² + f·v + g − u + I
 *   u' = a(b·v − u)          ("standard")   or   u' = a·b·(v + 65)   ("accommodation", 2004 Fig. 1R)
 *
 * v in mV, u and I in the paper's current units (mV/ms), t in ms. The reset (c, d) plays no part here: it
 * acts only at the spike cut-off, far from the equilibria. Formulas follow docs/science.md §4.
 */
import type {Equation, Params} from "../models/izhikevich2003.js";
import {fail} from "../validate.js";
import {checkFinite, checkParamsAB, checkPlaneEquation} from "./phasePlaneChecks.js";

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
  const current = checkFinite(fn, "I", I);
  if (typeof options !== "object" || options === null) fail(fn, "options", options, "an object");
  const eq = checkPlaneEquation(fn, options.equation);
  const vMin = options.vMin === undefined ? -90 : checkFinite(fn, "options.vMin", options.vMin);
  const vMax = options.vMax === undefined ? 30 : checkFinite(fn, "options.vMax", options.vMax);
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
