/**
 * Locating the spike event v = vPeak inside a step. Used by the high-order methods, whose accuracy would be
 * wasted if the spike were placed at the end of the step.
 */

/**
 * Finds the fraction θ ∈ (0, 1] of a step at which v first reaches `vPeak`, given that v < vPeak at θ = 0 and
 * that the full step ends at or above vPeak (or diverged). `vAt(θ)` integrates θ·h from the step start with the
 * method's own one-step formula and returns v, so the event inherits the method's order. Regula falsi with the
 * Illinois modification, falling back to bisection where the trial step diverged. Returns θ just at or past the
 * crossing; the caller re-integrates to it to get u there.
 */
export function locateCrossing(
  vAt: (theta: number) => number,
  v0: number,
  v1: number,
  vPeak: number,
  h: number
): number {
  let lo = 0;
  let hi = 1;
  let gLo = v0 - vPeak;
  let gHi = v1 - vPeak; // may be NaN or +Infinity when the full step diverged
  let side = 0;
  for (let i = 0; i < 200; i++) {
    if ((hi - lo) * h <= 1e-13) break;
    let theta = Number.isFinite(gHi) ? lo + ((hi - lo) * gLo) / (gLo - gHi) : 0.5 * (lo + hi);
    // Keep the trial strictly inside the bracket so the bracket always shrinks.
    const margin = (hi - lo) * 1e-3;
    theta = Math.min(hi - margin, Math.max(lo + margin, theta));
    const g = vAt(theta) - vPeak;
    if (g < 0) {
      lo = theta;
      gLo = g;
      if (side === -1) gHi *= 0.5;
      side = -1;
    } else {
      hi = theta;
      gHi = g;
      if (side === 1) gLo *= 0.5;
      side = 1;
      if (g < 1e-10) break;
    }
  }
  return hi;
}
