/**
 * First-order fixed-step schemes. A spike is recorded at the end of the step in which v reached vPeak, the
 * stored v of that sample is vPeak (the apex, as figure1.m draws it) and the state continues from the reset.
 */
import {blowUpReason, spikeBudgetReason, type KernelResult, type Run} from "./run.js";

/**
 * Forward Euler, both derivatives from the old state (NEST's default, `consistent_integration`);
 * spike when v ≥ vPeak after the update.
 */
export function euler(run: Run): KernelResult {
  const {model, dt, vPeak, steps, I, v: V, u: U, spikes} = run;
  const {e, f, g, c, d} = model;
  // u' = ub·v − ua·u + uc covers both u-equations without a branch in the loop.
  const ub = model.a * model.b;
  const ua = model.accommodation ? 0 : model.a;
  const uc = model.accommodation ? 65 * ub : 0;
  let v = V[0];
  let u = U[0];
  for (let k = 0; k < steps; k++) {
    const du = ub * v - ua * u + uc;
    v = v + dt * (e * (v * v) + f * v + g - u + I[k]);
    u = u + dt * du;
    if (v >= vPeak) {
      V[k + 1] = vPeak;
      v = c;
      u += d;
      U[k + 1] = u;
      if (!spikes.push((k + 1) * dt))
        return {last: k + 1, steps: k + 1, reason: spikeBudgetReason((k + 1) * dt, spikes.budget)};
    } else {
      V[k + 1] = v;
      U[k + 1] = u;
    }
    if (!Number.isFinite(v + u)) return {last: k, steps: k + 1, reason: blowUpReason((k + 1) * dt)};
  }
  return {last: steps, steps};
}

/**
 * The 2003 network scheme (net.m, SCIENCE.md §1.2): v in two half steps with the same u and I, then u from
 * the new v with the full step; spike when v ≥ vPeak (net.m tests `v>=30` at the start of the next step,
 * which resets the same state as testing at the end of this one).
 */
export function paper2003(run: Run): KernelResult {
  const {model, dt, vPeak, steps, I, v: V, u: U, spikes} = run;
  const {a, b, c, d, e, f, g, accommodation} = model;
  const half = 0.5 * dt;
  let v = V[0];
  let u = U[0];
  for (let k = 0; k < steps; k++) {
    const Ik = I[k];
    v = v + half * (e * v * v + f * v + g - u + Ik);
    v = v + half * (e * v * v + f * v + g - u + Ik);
    u = accommodation ? u + dt * (a * b * (v + 65)) : u + dt * (a * (b * v - u));
    if (v >= vPeak) {
      V[k + 1] = vPeak;
      v = c;
      u = u + d;
      U[k + 1] = u;
      if (!spikes.push((k + 1) * dt))
        return {last: k + 1, steps: k + 1, reason: spikeBudgetReason((k + 1) * dt, spikes.budget)};
    } else {
      V[k + 1] = v;
      U[k + 1] = u;
    }
    if (!Number.isFinite(v + u)) return {last: k, steps: k + 1, reason: blowUpReason((k + 1) * dt)};
  }
  return {last: steps, steps};
}

/**
 * The figure1.m loop exactly (SCIENCE.md §1.1): I from the loop time t_k, `V = V + tau*(…)`, then
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
