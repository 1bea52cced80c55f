/**
 * The "adaptive" method: the Dormand–Prince 5(4) embedded Runge–Kutta pair (Dormand & Prince 1980; the
 * coefficients of Hairer, Nørsett & Wanner, Solving ODEs I, Table 5.2) with error control per step, local
 * extrapolation (the 5th-order solution is kept) and first-same-as-last reuse of the last stage.
 * The spike v = vPeak is located inside the accepted step by re-stepping with the same formula, integration is
 * split at stimulus breakpoints, and no step is longer than the output interval dt, whose grid it lands on.
 */
import {dudt, dvdt, type Model} from "../model.js";
import type {CompiledStimulus} from "../stimulus.js";
import {locateCrossing} from "./events.js";
import {blowUpReason, spikeBudgetReason, type KernelResult, type Run} from "./run.js";

// Butcher tableau (nodes c, stages a, 5th-order weights b = the last row of a, error weights e = b − b̂).
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

/** Scratch state of the stepper: the new state, its error estimate and the last stage (FSAL). */
export class Dopri5 {
  v = 0;
  u = 0;
  /** Error norm of the last step relative to the tolerance (≤ 1 means acceptable). */
  error = 0;
  /** v' and u' at the new state (the first stage of the next step when nothing jumps in between). */
  k7v = 0;
  k7u = 0;
  // The right-hand side's coefficients, flattened: v' = e·v² + f·v + g − u + I, u' = ub·v − ua·u + uc.
  private readonly e: number;
  private readonly f: number;
  private readonly g: number;
  private readonly ub: number;
  private readonly ua: number;
  private readonly uc: number;

  /**
   * @param piecewiseConstant - the current is constant between breakpoints, so one evaluation per step suffices
   */
  constructor(
    model: Model,
    readonly stimulus: CompiledStimulus,
    readonly tolerance: number,
    readonly piecewiseConstant = false
  ) {
    this.e = model.e;
    this.f = model.f;
    this.g = model.g;
    this.ub = model.a * model.b;
    this.ua = model.accommodation ? 0 : model.a;
    this.uc = model.accommodation ? 65 * model.a * model.b : 0;
  }

  /**
   * One step of size h from (t, v, u) whose first stage (v', u') = (k1v, k1u) is given. `I0` is the current on
   * the step when it is piecewise constant (ignored otherwise).
   */
  step(t: number, v: number, u: number, k1v: number, k1u: number, h: number, I0: number): void {
    const {e, f, g, ub, ua, uc, stimulus: s} = this;
    const constant = this.piecewiseConstant;
    let y = v + h * A21 * k1v,
      z = u + h * A21 * k1u;
    const k2v = e * (y * y) + f * y + g - z + (constant ? I0 : s.value(t + C2 * h)),
      k2u = ub * y - ua * z + uc;
    y = v + h * (A31 * k1v + A32 * k2v);
    z = u + h * (A31 * k1u + A32 * k2u);
    const k3v = e * (y * y) + f * y + g - z + (constant ? I0 : s.value(t + C3 * h)),
      k3u = ub * y - ua * z + uc;
    y = v + h * (A41 * k1v + A42 * k2v + A43 * k3v);
    z = u + h * (A41 * k1u + A42 * k2u + A43 * k3u);
    const k4v = e * (y * y) + f * y + g - z + (constant ? I0 : s.value(t + C4 * h)),
      k4u = ub * y - ua * z + uc;
    y = v + h * (A51 * k1v + A52 * k2v + A53 * k3v + A54 * k4v);
    z = u + h * (A51 * k1u + A52 * k2u + A53 * k3u + A54 * k4u);
    const k5v = e * (y * y) + f * y + g - z + (constant ? I0 : s.value(t + C5 * h)),
      k5u = ub * y - ua * z + uc;
    const Iend = constant ? I0 : s.value(t + h, -1);
    y = v + h * (A61 * k1v + A62 * k2v + A63 * k3v + A64 * k4v + A65 * k5v);
    z = u + h * (A61 * k1u + A62 * k2u + A63 * k3u + A64 * k4u + A65 * k5u);
    const k6v = e * (y * y) + f * y + g - z + Iend,
      k6u = ub * y - ua * z + uc;
    const vn = v + h * (B1 * k1v + B3 * k3v + B4 * k4v + B5 * k5v + B6 * k6v);
    const un = u + h * (B1 * k1u + B3 * k3u + B4 * k4u + B5 * k5u + B6 * k6u);
    const k7v = e * (vn * vn) + f * vn + g - un + Iend,
      k7u = ub * vn - ua * un + uc;
    const ev = h * (E1 * k1v + E3 * k3v + E4 * k4v + E5 * k5v + E6 * k6v + E7 * k7v);
    const eu = h * (E1 * k1u + E3 * k3u + E4 * k4u + E5 * k5u + E6 * k6u + E7 * k7u);
    const tol = this.tolerance;
    const sv = Math.abs(ev) / (tol + tol * Math.max(Math.abs(v), Math.abs(vn)));
    const su = Math.abs(eu) / (tol + tol * Math.max(Math.abs(u), Math.abs(un)));
    // A diverged trial gives NaN or Infinity here, which is never accepted (NaN ≤ 1 is false).
    this.error = Number.isFinite(vn + un) ? (sv > su ? sv : su) : Infinity;
    this.v = vn;
    this.u = un;
    this.k7v = k7v;
    this.k7u = k7u;
  }
}

/** Steps below this (ms) mean the error control has failed; the run stops with a warning. */
export const MIN_STEP = 1e-12;
/** Accepted plus rejected steps a run may take before it stops with a warning. */
export const ADAPTIVE_STEP_BUDGET = 20_000_000;

/** The next trial step after a step of hTry was rejected with error norm `err`: at most ten times shorter. */
export function shrunkStep(hTry: number, err: number): number {
  return hTry * (Number.isFinite(err) ? Math.max(0.1, 0.9 * Math.pow(err, -0.2)) : 0.1);
}

/**
 * The next trial step after a step of hTry was accepted with error norm `err`: at most five times longer. A
 * step clipped to a breakpoint or the output grid does not shrink the step that was on offer before (h).
 */
export function grownStep(h: number, hTry: number, clipped: boolean, err: number): number {
  // 0.9·err^(-1/5) ≥ 5 whenever err ≤ 1.8e-4: skip the power in the common, very smooth case.
  const grow = err <= 1.8e-4 ? 5 : Math.min(5, 0.9 * Math.pow(err, -0.2));
  return clipped ? Math.max(h, hTry * grow) : hTry * grow;
}

/** The warning of a run that exhausted {@link ADAPTIVE_STEP_BUDGET}. */
export function stepBudgetReason(t: number): string {
  return `the adaptive method exceeded its budget of ${ADAPTIVE_STEP_BUDGET} steps at t = ${+t.toFixed(6)} ms; the run stops there`;
}

/** The warning of a run whose step fell below {@link MIN_STEP}. */
export function stepUnderflowReason(t: number): string {
  return `the adaptive step fell below ${MIN_STEP} ms at t = ${+t.toFixed(6)} ms (the solution is not smooth there); the run stops there`;
}

/**
 * Locates the spike inside an accepted step that ended at or above vPeak, and leaves the stepper holding the
 * state there. Returns θ, the fraction of the step. Kept out of the stepping loop: a closure there would make
 * V8 keep the loop's variables in a heap context on every step.
 */
function stepToSpike(
  stepper: Dopri5,
  t: number,
  v: number,
  u: number,
  kv: number,
  ku: number,
  h: number,
  I: number,
  vPeak: number
): number {
  const vAt = (theta: number) => (stepper.step(t, v, u, kv, ku, theta * h, I), stepper.v);
  const theta = locateCrossing(vAt, v, stepper.v, vPeak, h);
  stepper.step(t, v, u, kv, ku, theta * h, I);
  return theta;
}

/** The "adaptive" method of `simulate`. */
export function adaptive(run: Run): KernelResult {
  const {model: m, dt, vPeak, steps, stimulus: s, v: V, u: U, spikes} = run;
  const stepper = new Dopri5(m, s, run.tolerance, run.piecewiseConstant);
  const breaks = s.breakpoints(0, steps * dt);
  let bi = 0;
  let v = V[0];
  let u = U[0];
  let h = dt;
  let accepted = 0;
  let attempts = 0;
  let fresh = true; // whether k1 must be evaluated (after a reset or a breakpoint)
  let segment = -1; // index of the breakpoint ending the stretch the cached current belongs to
  let Iseg = 0; // the current on that stretch, when it is piecewise constant
  let k1v = 0,
    k1u = 0;
  for (let k = 0; k < steps; k++) {
    const tEnd = (k + 1) * dt;
    let t = k * dt;
    let spiked = false;
    while (t < tEnd) {
      while (bi < breaks.length && breaks[bi] <= t) bi++;
      const atBreak = bi < breaks.length && breaks[bi] < tEnd;
      const stop = atBreak ? breaks[bi] : tEnd;
      const clipped = h >= stop - t;
      const hTry = clipped ? stop - t : h;
      if (run.piecewiseConstant && segment !== bi) {
        Iseg = s.value(t, 1);
        segment = bi;
      }
      if (fresh) {
        k1v = dvdt(m, v, u, run.piecewiseConstant ? Iseg : s.value(t, 1));
        k1u = dudt(m, v, u);
        fresh = false;
      }
      stepper.step(t, v, u, k1v, k1u, hTry, Iseg);
      if (++attempts > ADAPTIVE_STEP_BUDGET) return {last: k, steps: accepted, reason: stepBudgetReason(t)};
      const err = stepper.error;
      if (!(err <= 1)) {
        h = shrunkStep(hTry, err);
        if (h < MIN_STEP) return {last: k, steps: accepted, reason: stepUnderflowReason(t)};
        continue;
      }
      accepted++;
      h = Math.min(dt, grownStep(h, hTry, clipped, err));
      if (stepper.v < vPeak) {
        v = stepper.v;
        u = stepper.u;
        t = clipped ? stop : t + hTry;
        // FSAL: the last stage is the next first stage unless the current jumps here.
        k1v = stepper.k7v;
        k1u = stepper.k7u;
        fresh = clipped && atBreak;
      } else {
        const theta = stepToSpike(stepper, t, v, u, k1v, k1u, hTry, Iseg, vPeak);
        t = theta === 1 && clipped ? stop : t + theta * hTry;
        v = m.c;
        u = stepper.u + m.d;
        fresh = true;
        spiked = true;
        if (!spikes.push(t)) return {last: k, steps: accepted, reason: spikeBudgetReason(t, spikes.budget)};
      }
      if (!Number.isFinite(v + u)) return {last: k, steps: accepted, reason: blowUpReason(t)};
    }
    V[k + 1] = spiked ? vPeak : v;
    U[k + 1] = u;
  }
  return {last: steps, steps: accepted};
}
