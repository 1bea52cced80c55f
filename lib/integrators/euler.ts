/**
 * Forward Euler for both models: both derivatives from the old state (NEST's default). Not a published scheme
 * (those are in ../schemes/), just the plainest first-order method. A spike is recorded at the end of the step in
 * which v reached the cut-off, the stored v of that sample is the apex and the state continues from the reset.
 */
import {uCoefficients} from "../models/izhikevich2003.js";
import {KINK_B_BELOW, KINK_CUBIC} from "../models/izhikevich2007.js";
import {blowUpReason, spikeBudgetReason, type KernelResult, type Run, type Run2007} from "./run.js";

/**
 * Steps per call of {@link eulerSpan}. The loop lives in a function called once per span (and once after each
 * spike) rather than in one call per run: V8 then optimises it as a regular function from its call count, not as
 * on-stack-replacement code entered in the middle of a long loop, which ran the same arithmetic ~1.5× slower.
 */
const SPAN = 2048;

/**
 * Forward Euler, both derivatives from the old state (NEST's default, `consistent_integration`);
 * spike when v ≥ vPeak after the update.
 */
export function euler(run: Run): KernelResult {
  const {model, dt, vPeak, steps, t: T, I, v: V, u: U, spikes} = run;
  const {e, f, g, c, d} = model;
  // u' = ub·v − ua·u + uc covers both u-equations without a branch in the loop.
  const {ub, ua, uc} = uCoefficients(model.a, model.b, model.accommodation);
  T[0] = 0;
  const state = new Float64Array(2);
  state[0] = V[0];
  state[1] = U[0];
  let k = 0;
  while (k < steps) {
    const end = steps - k > SPAN ? k + SPAN : steps;
    k = eulerSpan(T, V, U, I, state, k, end, e, f, g, ub, ua, uc, dt, vPeak);
    if (k === end) continue;
    // Step k ended at or above vPeak, or with v + u not finite: the rule in full, as the span left it.
    let v = state[0];
    let u = state[1];
    T[k + 1] = (k + 1) * dt;
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
    state[0] = v;
    state[1] = u;
    k++;
  }
  return {last: steps, steps};
}

/**
 * Euler steps k0, k0 + 1, … < k1 from the state (v, u) in `state`, recording t, v and u after each, until a step
 * ends at or above vPeak or with v + u not finite. Returns the index of that step (its new state left in `state`,
 * nothing recorded) or k1. One test covers both exits: (v + u) − (v + u) is 0 for a finite sum and NaN otherwise.
 */
function eulerSpan(
  T: Float64Array,
  V: Float64Array,
  U: Float64Array,
  I: Float64Array,
  state: Float64Array,
  k0: number,
  k1: number,
  e: number,
  f: number,
  g: number,
  ub: number,
  ua: number,
  uc: number,
  dt: number,
  vPeak: number
): number {
  let v = state[0];
  let u = state[1];
  let k = k0;
  for (; k < k1; k++) {
    const du = ub * v - ua * u + uc;
    v = v + dt * (e * (v * v) + f * v + g - u + I[k]);
    u = u + dt * du;
    const sum = v + u;
    if (!(v + (sum - sum) < vPeak)) break;
    T[k + 1] = (k + 1) * dt;
    V[k + 1] = v;
    U[k + 1] = u;
  }
  state[0] = v;
  state[1] = u;
  return k;
}

/**
 * Forward Euler of the equations as written: both derivatives from the old state, the piecewise rule's branch
 * from the old v (b below when v ≤ bBelow.v; U = 0 when v < vb); spike when v⁺ ≥ vpeak + vpeakU·u⁺; reset
 * v ← c + cU·u⁺, u ← min(u⁺ + d, uCap).
 */
export function euler2007(run: Run2007): KernelResult {
  const {model: m, dt, steps, I, v: V, u: U, spikes} = run;
  const {C, k, vr, vt, vpeak, a, b, c, d, vpeakU, cU, uCap, kink, kinkV, kinkB} = m;
  let v = V[0];
  let u = U[0];
  for (let i = 0; i < steps; i++) {
    let du: number;
    if (kink === KINK_CUBIC) {
      const x = v - kinkV;
      du = a * ((v < kinkV ? 0 : kinkB * x * x * x) - u);
    } else {
      du = a * ((kink === KINK_B_BELOW && v <= kinkV ? kinkB : b) * (v - vr) - u);
    }
    v = v + (dt * (k * (v - vr) * (v - vt) - u + I[i])) / C;
    u = u + dt * du;
    const peak = vpeak + vpeakU * u;
    if (v >= peak) {
      V[i + 1] = peak;
      v = c + cU * u;
      u = Math.min(u + d, uCap);
      U[i + 1] = u;
      if (!spikes.push((i + 1) * dt))
        return {last: i + 1, steps: i + 1, reason: spikeBudgetReason((i + 1) * dt, spikes.budget)};
    } else {
      V[i + 1] = v;
      U[i + 1] = u;
    }
    if (!Number.isFinite(v + u)) return {last: i, steps: i + 1, reason: blowUpReason((i + 1) * dt)};
  }
  return {last: steps, steps};
}
