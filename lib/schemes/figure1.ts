/**
 * The loop of Izhikevich's figure1.m (2004, the script that draws Fig. 1 of "Which model to use for cortical
 * spiking neurons?"), transcribed literally so it stays bit-exact: see docs/science.md §1.1.
 */
import {blowUpReason, spikeBudgetReason, type KernelResult, type Run} from "../integrators/run.js";

/**
 * The figure1.m loop exactly (docs/science.md §1.1): I from the loop time t_k, `V = V + tau*(…)`, then
 * `u = u + tau*a*(b*V - u)` with the NEW V (even when it overshoots), then `if V > 30` (strict): store the
 * apex, `V = c`, `u = u + d`. Operations are written in MATLAB's evaluation order so results match a replica
 * bit for bit. The sample k+1 holds the state after the iteration at loop time k·dt.
 */
export function paper2004(run: Run): KernelResult {
  const {model, dt: tau, vPeak, steps, I, v: VV, u: UU, spikes} = run;
  const {a, b, c, d, e, f, g, accommodation} = model;
  let V = VV[0];
  let u = UU[0];
  for (let k = 0; k < steps; k++) {
    V = V + tau * (e * (V * V) + f * V + g - u + I[k]);
    u = accommodation ? u + tau * a * b * (V + 65) : u + tau * a * (b * V - u);
    if (V > vPeak) {
      VV[k + 1] = vPeak;
      V = c;
      u = u + d;
      UU[k + 1] = u;
      if (!spikes.push((k + 1) * tau))
        return {last: k + 1, steps: k + 1, reason: spikeBudgetReason((k + 1) * tau, spikes.budget)};
    } else {
      VV[k + 1] = V;
      UU[k + 1] = u;
    }
    if (!Number.isFinite(V + u)) return {last: k, steps: k + 1, reason: blowUpReason((k + 1) * tau)};
  }
  return {last: steps, steps};
}
