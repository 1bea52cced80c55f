/**
 * Classical fourth-order Runge–Kutta on the output grid, with the spike located inside the step (v = vPeak
 * found by re-stepping, so the event keeps fourth order), the reset applied there and integration resumed
 * from the reset. Steps are split at stimulus breakpoints so a current step does not cost the method its order.
 */
import {uCoefficients, type Model} from "../models/izhikevich2003.js";
import type {CompiledStimulus} from "../stimuli/index.js";
import {locateCrossing} from "./events.js";
import {blowUpReason, spikeBudgetReason, type KernelResult, type Run} from "./run.js";

/**
 * One RK4 step of size h from (t, v, u); writes the new state into out[0], out[1]. The current is taken as
 * its limit from inside the step at both ends, so a step that ends on a breakpoint never sees the jump; when it
 * is piecewise constant (`constant`), it is `Iconstant` throughout.
 */
export function rk4Step(
  m: Model,
  s: CompiledStimulus,
  constant: boolean,
  Iconstant: number,
  t: number,
  v: number,
  u: number,
  h: number,
  out: Float64Array
): void {
  const I0 = constant ? Iconstant : s.value(t, 1);
  const Ih = constant ? Iconstant : s.value(t + 0.5 * h);
  const I1 = constant ? Iconstant : s.value(t + h, -1);
  // v' = e·v² + f·v + g − u + I and u' = ub·v − ua·u + uc, written out so the hot loop calls nothing.
  const {e, f, g} = m;
  const {ub, ua, uc} = uCoefficients(m.a, m.b, m.accommodation);
  const k1v = e * (v * v) + f * v + g - u + I0;
  const k1u = ub * v - ua * u + uc;
  const v2 = v + 0.5 * h * k1v;
  const u2 = u + 0.5 * h * k1u;
  const k2v = e * (v2 * v2) + f * v2 + g - u2 + Ih;
  const k2u = ub * v2 - ua * u2 + uc;
  const v3 = v + 0.5 * h * k2v;
  const u3 = u + 0.5 * h * k2u;
  const k3v = e * (v3 * v3) + f * v3 + g - u3 + Ih;
  const k3u = ub * v3 - ua * u3 + uc;
  const v4 = v + h * k3v;
  const u4 = u + h * k3u;
  const k4v = e * (v4 * v4) + f * v4 + g - u4 + I1;
  const k4u = ub * v4 - ua * u4 + uc;
  out[0] = v + (h / 6) * (k1v + 2 * k2v + 2 * k3v + k4v);
  out[1] = u + (h / 6) * (k1u + 2 * k2u + 2 * k3u + k4u);
}

/**
 * Locates the spike inside a step that ended at or above vPeak and leaves the state there in `out`. Returns θ,
 * the fraction of the step. Kept out of the stepping loop: a closure there would make V8 keep the loop's
 * variables in a heap context on every step.
 */
function stepToSpike(
  m: Model,
  s: CompiledStimulus,
  pc: boolean,
  I: number,
  t: number,
  v: number,
  u: number,
  h: number,
  vPeak: number,
  out: Float64Array
): number {
  const vAt = (th: number) => {
    rk4Step(m, s, pc, I, t, v, u, th * h, out);
    return out[0];
  };
  const theta = locateCrossing(vAt, v, out[0], vPeak, h);
  rk4Step(m, s, pc, I, t, v, u, theta * h, out);
  return theta;
}

/** The "rk4" method of `simulate`. */
export function rk4(run: Run): KernelResult {
  const {model: m, dt, vPeak, steps, stimulus: s, v: V, u: U, spikes, piecewiseConstant: pc} = run;
  const breaks = s.breakpoints(0, steps * dt);
  const out = new Float64Array(2);
  let bi = 0;
  let v = V[0];
  let u = U[0];
  let taken = 0;
  let segment = -1; // index of the breakpoint ending the stretch whose current is cached
  let Iseg = 0;
  for (let k = 0; k < steps; k++) {
    const tEnd = (k + 1) * dt;
    let t = k * dt;
    let spiked = false;
    while (t < tEnd) {
      while (bi < breaks.length && breaks[bi] <= t) bi++;
      const stop = bi < breaks.length && breaks[bi] < tEnd ? breaks[bi] : tEnd;
      const h = stop - t;
      if (pc && segment !== bi) {
        Iseg = s.value(t, 1);
        segment = bi;
      }
      rk4Step(m, s, pc, Iseg, t, v, u, h, out);
      taken++;
      if (out[0] < vPeak) {
        v = out[0];
        u = out[1];
        t = stop;
      } else {
        const theta = stepToSpike(m, s, pc, Iseg, t, v, u, h, vPeak, out);
        t = theta === 1 ? stop : t + theta * h;
        v = m.c;
        u = out[1] + m.d;
        spiked = true;
        if (!spikes.push(t)) return {last: k, steps: taken, reason: spikeBudgetReason(t, spikes.budget)};
      }
      if (!Number.isFinite(v + u)) return {last: k, steps: taken, reason: blowUpReason(t)};
    }
    V[k + 1] = spiked ? vPeak : v;
    U[k + 1] = u;
  }
  return {last: steps, steps: taken};
}
