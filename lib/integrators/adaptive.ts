/**
 * The "adaptive" method of `simulate`: Dormand–Prince 5(4) (./dopri5.ts) driven by the shared accept/reject loop
 * (./dopri5Driver.ts). The spike v = vPeak is located inside the accepted step by re-stepping with the same
 * formula, integration is split at stimulus breakpoints, and no step is longer than the output interval dt,
 * whose grid it lands on.
 */
import {dudt, dvdt} from "../models/izhikevich2003.js";
import {Dopri5} from "./dopri5.js";
import {
  ACCEPTED,
  Dopri5Driver,
  OUT_OF_BUDGET,
  stepBudgetReason,
  stepToCrossing,
  stepUnderflowReason
} from "./dopri5Driver.js";
import {blowUpReason, spikeBudgetReason, type KernelResult, type Run} from "./run.js";

/** The "adaptive" method of `simulate`. */
export function adaptive(run: Run): KernelResult {
  const {model: m, dt, vPeak, steps, stimulus: s, v: V, u: U, spikes} = run;
  const pc = run.piecewiseConstant;
  const stepper = new Dopri5(m, s, run.tolerance, pc);
  const driver = new Dopri5Driver({
    h0: dt,
    hMax: dt,
    breakpoints: s.breakpoints(0, steps * dt),
    budget: run.stepBudget
  });
  let v = V[0];
  let u = U[0];
  let fresh = true; // whether k1 must be evaluated (after a reset or a breakpoint)
  let segment = -1; // the driver's segment the cached current belongs to
  let k1v = 0,
    k1u = 0;
  for (let k = 0; k < steps; k++) {
    const tEnd = (k + 1) * dt;
    let t = k * dt;
    let spiked = false;
    while (t < tEnd) {
      driver.stopBefore(t, tEnd);
      const stop = driver.stop;
      if (pc && segment !== driver.segment) {
        stepper.I0 = s.value(t, 1);
        segment = driver.segment;
      }
      if (fresh) {
        k1v = dvdt(m, v, u, pc ? stepper.I0 : s.value(t, 1));
        k1u = dudt(m, v, u);
        fresh = false;
      }
      const status = driver.advance(stepper, t, v, u, k1v, k1u);
      if (status !== ACCEPTED) {
        const reason = status === OUT_OF_BUDGET ? stepBudgetReason(t, driver.budget) : stepUnderflowReason(t);
        return {last: k, steps: driver.accepted, reason};
      }
      const hTry = driver.taken;
      const clipped = driver.clipped;
      if (stepper.v < vPeak) {
        v = stepper.v;
        u = stepper.u;
        t = clipped ? stop : t + hTry;
        // FSAL: the last stage is the next first stage unless the current jumps here.
        k1v = stepper.k7v;
        k1u = stepper.k7u;
        fresh = clipped && driver.atBreak;
      } else {
        const theta = stepToCrossing(stepper, t, v, u, k1v, k1u, hTry, 1, 0, vPeak);
        t = theta === 1 && clipped ? stop : t + theta * hTry;
        v = m.c;
        u = stepper.u + m.d;
        fresh = true;
        spiked = true;
        if (!spikes.push(t)) return {last: k, steps: driver.accepted, reason: spikeBudgetReason(t, spikes.budget)};
      }
      if (!Number.isFinite(v + u)) return {last: k, steps: driver.accepted, reason: blowUpReason(t)};
    }
    V[k + 1] = spiked ? vPeak : v;
    U[k + 1] = u;
  }
  return {last: steps, steps: driver.accepted};
}
