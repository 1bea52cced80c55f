/**
 * The "adaptive" method of `simulate2007`: Dormand–Prince 5(4) (coefficients of Hairer, Nørsett & Wanner,
 * Solving ODEs I, Table 5.2) with error control per step and local extrapolation. Three kinds of event end a
 * step early, each located by re-stepping with the same formula so it inherits the method's order:
 *  - the spike, where v reaches the (possibly u-dependent) cut-off vpeak + vpeakU·u;
 *  - the kink of the piecewise u-rule (TC/RTN's b switch, FS's U(v) = 0 below vb): the branch is held fixed
 *    over a step and switched exactly at v = kink, so no step straddles the discontinuity of u';
 *  - stimulus breakpoints, where the step is clipped.
 * No step is longer than the output interval dt, whose grid it lands on.
 */
import {KINK_CUBIC, KINK_NONE, lowBranch2007, type Model2007} from "../model2007.js";
import type {CompiledStimulus} from "../stimulus.js";
import {
  ADAPTIVE_STEP_BUDGET,
  MIN_STEP,
  grownStep,
  shrunkStep,
  stepBudgetReason,
  stepUnderflowReason
} from "./adaptive.js";
import {locateCrossing} from "./events.js";
import type {Run2007} from "./fixedStep2007.js";
import {blowUpReason, spikeBudgetReason, type KernelResult} from "./run.js";

const C2 = 1 / 5,
  C3 = 3 / 10,
  C4 = 4 / 5,
  C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40,
  A32 = 9 / 40;
const A41 = 44 / 45,
  A42 = -56 / 15,
  A43 = 32 / 9;
const A51 = 19372 / 6561,
  A52 = -25360 / 2187,
  A53 = 64448 / 6561,
  A54 = -212 / 729;
const A61 = 9017 / 3168,
  A62 = -355 / 33,
  A63 = 46732 / 5247,
  A64 = 49 / 176,
  A65 = -5103 / 18656;
const B1 = 35 / 384,
  B3 = 500 / 1113,
  B4 = 125 / 192,
  B5 = -2187 / 6784,
  B6 = 11 / 84;
const E1 = 71 / 57600,
  E3 = -71 / 16695,
  E4 = 71 / 1920,
  E5 = -17253 / 339200,
  E6 = 22 / 525,
  E7 = -1 / 40;

/** One-step Dormand–Prince for the 2007 model on a fixed branch of the piecewise u-rule. */
class Stepper2007 {
  v = 0;
  u = 0;
  /** Error norm of the last step relative to the tolerance (≤ 1: acceptable). */
  error = 0;
  /** Derivatives at the new state (first stage of the next step while nothing jumps). */
  k7v = 0;
  k7u = 0;
  /** The branch of the piecewise rule held over the step (see `lowBranch2007`). */
  low = false;

  constructor(
    readonly m: Model2007,
    readonly stimulus: CompiledStimulus,
    readonly tolerance: number
  ) {}

  fv(v: number, u: number, I: number): number {
    const m = this.m;
    return (m.k * (v - m.vr) * (v - m.vt) - u + I) / m.C;
  }

  fu(v: number, u: number): number {
    const m = this.m;
    if (m.kink === KINK_CUBIC) {
      const x = v - m.kinkV;
      return m.a * ((this.low ? 0 : m.kinkB * x * x * x) - u);
    }
    return m.a * ((m.kink !== KINK_NONE && this.low ? m.kinkB : m.b) * (v - m.vr) - u);
  }

  step(t: number, v: number, u: number, k1v: number, k1u: number, h: number): void {
    const s = this.stimulus;
    let y = v + h * A21 * k1v,
      z = u + h * A21 * k1u;
    const k2v = this.fv(y, z, s.value(t + C2 * h)),
      k2u = this.fu(y, z);
    y = v + h * (A31 * k1v + A32 * k2v);
    z = u + h * (A31 * k1u + A32 * k2u);
    const k3v = this.fv(y, z, s.value(t + C3 * h)),
      k3u = this.fu(y, z);
    y = v + h * (A41 * k1v + A42 * k2v + A43 * k3v);
    z = u + h * (A41 * k1u + A42 * k2u + A43 * k3u);
    const k4v = this.fv(y, z, s.value(t + C4 * h)),
      k4u = this.fu(y, z);
    y = v + h * (A51 * k1v + A52 * k2v + A53 * k3v + A54 * k4v);
    z = u + h * (A51 * k1u + A52 * k2u + A53 * k3u + A54 * k4u);
    const k5v = this.fv(y, z, s.value(t + C5 * h)),
      k5u = this.fu(y, z);
    const Iend = s.value(t + h, -1);
    y = v + h * (A61 * k1v + A62 * k2v + A63 * k3v + A64 * k4v + A65 * k5v);
    z = u + h * (A61 * k1u + A62 * k2u + A63 * k3u + A64 * k4u + A65 * k5u);
    const k6v = this.fv(y, z, Iend),
      k6u = this.fu(y, z);
    const vn = v + h * (B1 * k1v + B3 * k3v + B4 * k4v + B5 * k5v + B6 * k6v);
    const un = u + h * (B1 * k1u + B3 * k3u + B4 * k4u + B5 * k5u + B6 * k6u);
    const k7v = this.fv(vn, un, Iend),
      k7u = this.fu(vn, un);
    const ev = h * (E1 * k1v + E3 * k3v + E4 * k4v + E5 * k5v + E6 * k6v + E7 * k7v);
    const eu = h * (E1 * k1u + E3 * k3u + E4 * k4u + E5 * k5u + E6 * k6u + E7 * k7u);
    const tol = this.tolerance;
    const sv = Math.abs(ev) / (tol + tol * Math.max(Math.abs(v), Math.abs(vn)));
    const su = Math.abs(eu) / (tol + tol * Math.max(Math.abs(u), Math.abs(un)));
    this.error = Number.isFinite(vn + un) ? Math.max(sv, su) : Infinity;
    this.v = vn;
    this.u = un;
    this.k7v = k7v;
    this.k7u = k7u;
  }
}

/**
 * Locates where sign·(v − coefU·u) first reaches `target` inside a step of size h from (t, v, u), and leaves the
 * stepper at that state. Returns the fraction θ of the step. Kept out of the stepping loop (no closure there).
 */
function stepToEvent(
  st: Stepper2007,
  t: number,
  v: number,
  u: number,
  kv: number,
  ku: number,
  h: number,
  sign: number,
  coefU: number,
  target: number
): number {
  const g = (theta: number) => (st.step(t, v, u, kv, ku, theta * h), sign * (st.v - coefU * st.u));
  const endValue = sign * (st.v - coefU * st.u);
  const theta = locateCrossing(g, sign * (v - coefU * u), endValue, target, h);
  st.step(t, v, u, kv, ku, theta * h);
  return theta;
}

/** The "adaptive" kernel of `simulate2007`. */
export function adaptive2007(run: Run2007): KernelResult {
  const {model: m, dt, steps, stimulus: s, v: V, u: U, spikes} = run;
  const st = new Stepper2007(m, s, run.tolerance);
  const breaks = s.breakpoints(0, steps * dt);
  const hasKink = m.kink !== KINK_NONE;
  let bi = 0;
  let v = V[0];
  let u = U[0];
  st.low = lowBranch2007(m, v);
  let h = dt;
  let accepted = 0;
  let attempts = 0;
  let fresh = true;
  let k1v = 0,
    k1u = 0;
  for (let k = 0; k < steps; k++) {
    const tEnd = (k + 1) * dt;
    let t = k * dt;
    let apex = NaN; // the cut-off at the last spike in this output interval
    while (t < tEnd) {
      while (bi < breaks.length && breaks[bi] <= t) bi++;
      const atBreak = bi < breaks.length && breaks[bi] < tEnd;
      const stop = atBreak ? breaks[bi] : tEnd;
      const clipped = h >= stop - t;
      const hTry = clipped ? stop - t : h;
      if (fresh) {
        k1v = st.fv(v, u, s.value(t, 1));
        k1u = st.fu(v, u);
        fresh = false;
      }
      st.step(t, v, u, k1v, k1u, hTry);
      if (++attempts > ADAPTIVE_STEP_BUDGET) return {last: k, steps: accepted, reason: stepBudgetReason(t)};
      const err = st.error;
      if (!(err <= 1)) {
        h = shrunkStep(hTry, err);
        if (h < MIN_STEP) return {last: k, steps: accepted, reason: stepUnderflowReason(t)};
        continue;
      }
      accepted++;
      h = Math.min(dt, grownStep(h, hTry, clipped, err));

      // Which event ends this step: the kink (if v changed side) comes before a spike only if the spike
      // threshold was not already reached at the kink.
      let hStep = hTry;
      let theta = 1;
      let kinkHit = false;
      if (hasKink && lowBranch2007(m, st.v) !== st.low) {
        // Upward out of the low branch: v rises to the kink; downward: −v rises to −kink.
        const sign = st.low ? 1 : -1;
        theta = stepToEvent(st, t, v, u, k1v, k1u, hTry, sign, 0, sign * m.kinkV);
        kinkHit = true;
      }
      const spiked = st.v - m.vpeakU * st.u >= m.vpeak;
      if (spiked) {
        if (kinkHit) {
          hStep = theta * hTry; // the spike lies before the kink: search that stretch only
        }
        const ts = stepToEvent(st, t, v, u, k1v, k1u, hStep, 1, m.vpeakU, m.vpeak);
        theta = (hStep / hTry) * ts;
        kinkHit = false;
      }
      t = theta === 1 && clipped ? stop : t + theta * hTry;
      if (spiked) {
        apex = m.vpeak + m.vpeakU * st.u;
        v = m.c + m.cU * st.u;
        u = Math.min(st.u + m.d, m.uCap);
        st.low = lowBranch2007(m, v);
        fresh = true;
        if (!spikes.push(t)) return {last: k, steps: accepted, reason: spikeBudgetReason(t, spikes.budget)};
        if (v - m.vpeakU * u >= m.vpeak) {
          return {
            last: k,
            steps: accepted,
            reason: `the reset v = ${v} mV lies at or above the cut-off ${m.vpeak + m.vpeakU * u} mV at t = ${+t.toFixed(6)} ms, so the cell would spike forever; the run stops there`
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
          fresh = clipped && atBreak;
        }
      }
      if (!Number.isFinite(v + u)) return {last: k, steps: accepted, reason: blowUpReason(t)};
    }
    V[k + 1] = Number.isNaN(apex) ? v : apex;
    U[k + 1] = u;
  }
  return {last: steps, steps: accepted};
}
