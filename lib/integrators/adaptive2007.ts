/**
 * The "adaptive" method of `simulate2007`: Dormand–Prince 5(4) (./dopri5.ts) driven by the shared accept/reject
 * loop (./dopri5Driver.ts). Three kinds of event end a step early, each located by re-stepping with the same
 * formula so it inherits the method's order:
 *  - the spike, where v reaches the (possibly u-dependent) cut-off vpeak + vpeakU·u;
 *  - the kink of the piecewise u-rule (TC/RTN's b switch, FS's U(v) = 0 below vb): the branch is held fixed
 *    over a step and switched exactly at v = kink, so no step straddles the discontinuity of u';
 *  - stimulus breakpoints, where the step is clipped.
 * No step is longer than the output interval dt, whose grid it lands on.
 */
import {KINK_NONE, lowBranch2007, spikeThreshold2007} from "../models/izhikevich2007.js";
import {Dopri5Model2007} from "./dopri5.js";
import {
  ACCEPTED,
  Dopri5Driver,
  OUT_OF_BUDGET,
  stepBudgetReason,
  stepToCrossing,
  stepUnderflowReason
} from "./dopri5Driver.js";
import {blowUpReason, spikeBudgetReason, type KernelResult, type Run2007} from "./run.js";

/** The "adaptive" kernel of `simulate2007`. */
export function adaptive2007(run: Run2007): KernelResult {
  const {model: m, dt, steps, stimulus: s, v: V, u: U, spikes} = run;
  const st = new Dopri5Model2007(m, s, run.tolerance);
  const driver = new Dopri5Driver({h0: dt, hMax: dt, breakpoints: s.breakpoints(0, steps * dt)});
  const hasKink = m.kink !== KINK_NONE;
  let v = V[0];
  let u = U[0];
  st.low = lowBranch2007(m, v);
  let fresh = true;
  let k1v = 0,
    k1u = 0;
  for (let k = 0; k < steps; k++) {
    const tEnd = (k + 1) * dt;
    let t = k * dt;
    let apex = NaN; // the cut-off at the last spike in this output interval
    while (t < tEnd) {
      driver.stopBefore(t, tEnd);
      const stop = driver.stop;
      if (fresh) {
        k1v = st.fv(v, u, s.value(t, 1));
        k1u = st.fu(v, u);
        fresh = false;
      }
      const status = driver.advance(st, t, v, u, k1v, k1u);
      if (status !== ACCEPTED) {
        const reason = status === OUT_OF_BUDGET ? stepBudgetReason(t) : stepUnderflowReason(t);
        return {last: k, steps: driver.accepted, reason};
      }
      const hTry = driver.taken;
      const clipped = driver.clipped;

      // Which event ends this step: the kink (if v changed side) comes before a spike only if the spike
      // threshold was not already reached at the kink.
      let hStep = hTry;
      let theta = 1;
      let kinkHit = false;
      if (hasKink && lowBranch2007(m, st.v) !== st.low) {
        // Upward out of the low branch: v rises to the kink; downward: −v rises to −kink.
        const sign = st.low ? 1 : -1;
        theta = stepToCrossing(st, t, v, u, k1v, k1u, hTry, sign, 0, sign * m.kinkV);
        kinkHit = true;
      }
      const spiked = st.v - m.vpeakU * st.u >= m.vpeak;
      if (spiked) {
        if (kinkHit) {
          hStep = theta * hTry; // the spike lies before the kink: search that stretch only
        }
        const ts = stepToCrossing(st, t, v, u, k1v, k1u, hStep, 1, m.vpeakU, m.vpeak);
        theta = (hStep / hTry) * ts;
        kinkHit = false;
      }
      t = theta === 1 && clipped ? stop : t + theta * hTry;
      if (spiked) {
        apex = spikeThreshold2007(m, st.u);
        v = m.c + m.cU * st.u;
        u = Math.min(st.u + m.d, m.uCap);
        st.low = lowBranch2007(m, v);
        fresh = true;
        if (!spikes.push(t)) return {last: k, steps: driver.accepted, reason: spikeBudgetReason(t, spikes.budget)};
        if (v - m.vpeakU * u >= m.vpeak) {
          return {
            last: k,
            steps: driver.accepted,
            reason: `the reset v = ${v} mV lies at or above the cut-off ${spikeThreshold2007(m, u)} mV at t = ${+t.toFixed(6)} ms, so the cell would spike forever; the run stops there`
          };
        }
      } else {
        v = st.v;
        u = st.u;
        if (kinkHit) {
          st.low = !st.low;
          fresh = true; // u' jumps at the kink: the last stage is no longer the next first stage
        } else {
          k1v = st.k7v;
          k1u = st.k7u;
          fresh = clipped && driver.atBreak;
        }
      }
      if (!Number.isFinite(v + u)) return {last: k, steps: driver.accepted, reason: blowUpReason(t)};
    }
    V[k + 1] = Number.isNaN(apex) ? v : apex;
    U[k + 1] = u;
  }
  return {last: steps, steps: driver.accepted};
}
