/**
 * The Dormand–Prince 5(4) embedded Runge–Kutta pair (Dormand & Prince 1980; the coefficients of Hairer, Nørsett &
 * Wanner, Solving ODEs I, Table 5.2): the tableau, written once, and one stepper per model with the model's
 * right-hand side inlined, so each stepper's stage evaluations are monomorphic for V8. A step keeps the 5th-order
 * solution (local extrapolation), estimates its error against the tolerance (relative and absolute) and leaves
 * its last stage for the next step (first same as last). The accept/reject loop is in ./dopri5Driver.ts.
 */
import {uCoefficients, type Model} from "../models/izhikevich2003.js";
import {KINK_CUBIC, KINK_NONE, type Model2007} from "../models/izhikevich2007.js";
import type {CompiledStimulus} from "../stimuli/index.js";

/** What the driver needs of a stepper: one trial step and its outcome. */
export interface Dopri5Stepper {
  /** The state at the end of the last trial step. */
  v: number;
  u: number;
  /** Error norm of the last trial step relative to the tolerance (≤ 1: acceptable; NaN: diverged). */
  error: number;
  /** v' and u' at the new state (the first stage of the next step when nothing jumps in between). */
  k7v: number;
  k7u: number;
  /**
   * Where the next trial starts: time, state and first stage. The driver sets them once per step and calls
   * {@link trial}: doubles passed to a call V8 does not inline are boxed, a heap allocation each (about 3 MB
   * per 1000-ms run when they were {@link step}'s arguments), while these fields are updated in place.
   */
  t0: number;
  v0: number;
  u0: number;
  k1v: number;
  k1u: number;
  /** The size of the next trial (negative: backwards in time). */
  h: number;
  /** One trial step of size {@link h} from (t0, v0, u0) whose first stage is (k1v, k1u). */
  trial(): void;
  /** One trial step of size h (negative: backwards in time) from (t, v, u) whose first stage is (k1v, k1u). */
  step(t: number, v: number, u: number, k1v: number, k1u: number, h: number): void;
}

/** A stepper's start fields and the step that sets them, shared by both models' steppers. */
abstract class TrialFields {
  t0 = 0;
  v0 = 0;
  u0 = 0;
  k1v = 0;
  k1u = 0;
  h = 0;

  abstract trial(): void;

  step(t: number, v: number, u: number, k1v: number, k1u: number, h: number): void {
    this.t0 = t;
    this.v0 = v;
    this.u0 = u;
    this.k1v = k1v;
    this.k1u = k1u;
    this.h = h;
    this.trial();
  }
}

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

/**
 * One Dormand–Prince step of the 2003 model, its right-hand side written out so the hot loop calls nothing. Holds
 * the new state, its error estimate and the last stage (first same as last, FSAL).
 */
export class Dopri5 extends TrialFields implements Dopri5Stepper {
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

  /** The current on the step when it is piecewise constant (set by the caller per stretch; else unused). */
  I0 = 0;

  /**
   * @param piecewiseConstant - the current is constant between breakpoints, so one evaluation per step suffices
   */
  constructor(
    model: Model,
    readonly stimulus: CompiledStimulus,
    readonly tolerance: number,
    readonly piecewiseConstant = false
  ) {
    super();
    this.e = model.e;
    this.f = model.f;
    this.g = model.g;
    const {ub, ua, uc} = uCoefficients(model.a, model.b, model.accommodation);
    this.ub = ub;
    this.ua = ua;
    this.uc = uc;
  }

  /** One trial step of size h from (t0, v0, u0) whose first stage (v', u') = (k1v, k1u) is given. */
  trial(): void {
    const {t0: t, v0: v, u0: u, k1v, k1u, h} = this;
    const {e, f, g, ub, ua, uc, I0, stimulus: s} = this;
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
    // A diverged trial (vn + un is NaN or ±∞) gets NaN, which is never accepted (NaN ≤ 1 is false). Written as
    // arithmetic: a choice between the norm and a constant Infinity made V8 allocate a number per trial (measured
    // in Chromium: 350 kB of garbage per 1000-ms run, for the garbage collector to clear).
    this.error = (sv > su ? sv : su) + 0 * (vn + un);
    this.v = vn;
    this.u = un;
    this.k7v = k7v;
    this.k7u = k7u;
  }
}

/** One-step Dormand–Prince for the 2007 model on a fixed branch of the piecewise u-rule. */
export class Dopri5Model2007 extends TrialFields implements Dopri5Stepper {
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
  ) {
    super();
  }

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

  /** One trial step of size h from (t0, v0, u0) whose first stage (v', u') = (k1v, k1u) is given. */
  trial(): void {
    const {t0: t, v0: v, u0: u, k1v, k1u, h} = this;
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
    this.error = Math.max(sv, su) + 0 * (vn + un); // NaN when diverged (see Dopri5's trial)
    this.v = vn;
    this.u = un;
    this.k7v = k7v;
    this.k7u = k7u;
  }
}
