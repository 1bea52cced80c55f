/**
 * The loop of Izhikevich's net.m (2003, the network script published with the paper), transcribed literally so
 * it stays bit-exact: see docs/science.md §1.2.
 */
import {blowUpReason, spikeBudgetReason, type KernelResult, type Run} from "../integrators/run.js";

/**
 * The 2003 network scheme (net.m, docs/science.md §1.2): v in two half steps with the same u and I, then u from
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
