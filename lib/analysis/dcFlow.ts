/**
 * The flow of a neuron under a constant (DC) current from one reset to the next spike: the options it is
 * defined by (checked once), the passage from a state to the spike v = vPeak integrated with the library's
 * Dormand–Prince 5(4) stepper (tolerance 1e-10 by default; the spike located inside the step by root finding),
 * and one step of the reset map with its derivative. The reset map (resetMap.ts) and the Lyapunov exponents
 * (lyapunov.ts) are built on it.
 *
 * The derivative of the flow (the tangent map) is the derivative of the numerical step map itself, taken by
 * central differences with the same step sequence ("internal differentiation"), which is consistent with the
 * integrated trajectory to ~1e-9 relative.
 */
import {Dopri5} from "../integrators/dopri5.js";
import {
  ACCEPTED,
  ADAPTIVE_STEP_BUDGET,
  Dopri5Driver,
  MIN_STEP,
  OUT_OF_BUDGET,
  stepToCrossing
} from "../integrators/dopri5Driver.js";
import {
  checkParams,
  dudt,
  dvdt,
  makeModel,
  resolveEquation,
  type Equation,
  type Model,
  type Params
} from "../models/izhikevich2003.js";
import {compileStimulus} from "../stimuli/index.js";
import {checkKeys, checkNumber, fail} from "../validate.js";

/** A neuron under a constant current: what the reset map and the Lyapunov exponents are defined for. */
export interface DcNeuron {
  /** The four parameters a, b, c, d. */
  params: Params;
  /** The constant input current (paper's units, a current ÷ capacitance, mV/ms); default 0. */
  current?: number;
  /** Spike cut-off (mV); default 30. */
  vPeak?: number;
  /** The quadratic's coefficients and u-equation; default the standard 0.04, 5, 140. */
  equation?: Partial<Equation>;
  /** Error tolerance per step of the integrator (relative and absolute); default 1e-10. */
  tolerance?: number;
  /** A state that has not spiked after this long (ms) never spikes: its image is null. Default 1000 ms. */
  horizon?: number;
}

/** Defaults of {@link DcNeuron}. */
export const DC_DEFAULTS = Object.freeze({current: 0, vPeak: 30, tolerance: 1e-10, horizon: 1000});

/** The checked, flattened neuron the integrator works on. */
export interface DcFlow {
  model: Model;
  I: number;
  vPeak: number;
  tolerance: number;
  horizon: number;
}

/** Option keys of {@link DcNeuron}, for the functions that extend it. */
export const DC_KEYS = ["params", "current", "vPeak", "equation", "tolerance", "horizon"];

/** Checks a {@link DcNeuron} (`where` names the calling function in error messages). */
export function checkDcNeuron(options: DcNeuron, where: string, extraKeys: readonly string[] = []): DcFlow {
  const o = checkKeys(options, `${where}: options`, [...DC_KEYS, ...extraKeys]) as Partial<DcNeuron>;
  if (o.params === undefined) fail(where, "params", undefined, "an object {a, b, c, d}");
  const params = checkParams(o.params, `${where}: params`);
  const equation = resolveEquation(o.equation, `${where}: equation`);
  const I = o.current === undefined ? DC_DEFAULTS.current : checkNumber(o.current, `${where}: current`);
  const vPeak =
    o.vPeak === undefined
      ? DC_DEFAULTS.vPeak
      : checkNumber(o.vPeak, `${where}: vPeak`, {min: params.c, minExclusive: true});
  const tolerance =
    o.tolerance === undefined
      ? DC_DEFAULTS.tolerance
      : checkNumber(o.tolerance, `${where}: tolerance`, {min: 1e-14, max: 1e-4});
  const horizon =
    o.horizon === undefined
      ? DC_DEFAULTS.horizon
      : checkNumber(o.horizon, `${where}: horizon`, {min: 0, minExclusive: true, max: 1e6});
  return {model: makeModel(params, equation), I, vPeak, tolerance, horizon};
}

/** One passage from a state to the next spike. */
export interface Passage {
  /** Time from the start to the spike (ms). */
  time: number;
  /** v and u at the spike, before the reset (v = vPeak to the root finder's accuracy). */
  v: number;
  u: number;
  /**
   * The tangent map of the flow from the start to the spike time, row-major [∂v/∂v0, ∂v/∂u0, ∂u/∂v0, ∂u/∂u0];
   * only when asked for.
   */
  tangent?: [number, number, number, number];
  /**
   * ∫ tr J dt over the passage (tr J = ∂v′/∂v + ∂u′/∂u = 2e·v + f − a), by Simpson's rule on every accepted step;
   * only when asked for. By Liouville's formula the tangent map's determinant is exp of this.
   */
  traceIntegral?: number;
}

/** What {@link passageToSpike} computes besides the passage itself. */
export interface PassageExtras {
  /** The tangent map (central differences of the step map). */
  tangent?: boolean;
  /** ∫ tr J dt (Simpson's rule per step, with one extra half step). */
  traceIntegral?: boolean;
}

/** Longest step (ms); keeps the root finder's bracket short when a spike ends a long quiet stretch. */
const MAX_STEP = 2;

/**
 * Integrates from (v, u) at the flow's constant current until v reaches vPeak; null if it does not within
 * the horizon. With `withTangent`, also the tangent map of the flow up to the spike time.
 */
export function passageToSpike(flow: DcFlow, v: number, u: number, extras: PassageExtras = {}): Passage | null {
  const {model: m, I, vPeak, tolerance, horizon} = flow;
  const stimulus = compileStimulus(I);
  const stepper = new Dopri5(m, stimulus, tolerance, true);
  stepper.I0 = I;
  const withTangent = extras.tangent === true;
  const withTrace = extras.traceIntegral === true;
  const probe = withTangent || withTrace ? new Dopri5(m, stimulus, tolerance, true) : null;
  if (probe) probe.I0 = I;
  // tr J = 2e·v + f − (a, or 0 for the accommodation u-equation, whose u′ does not depend on u).
  const trA = m.f - (m.accommodation ? 0 : m.a);
  let traceSum = 0;
  const addTrace = (v0: number, u0: number, h: number, v1: number) => {
    const vMid = stepAt(v0, u0, 0.5 * h).v;
    traceSum += (h / 6) * (2 * m.e * (v0 + 4 * vMid + v1) + 6 * trA);
  };
  // Tangent map so far (row-major 2×2), starting at the identity.
  let t00 = 1;
  let t01 = 0;
  let t10 = 0;
  let t11 = 1;
  // The tangent of one step of size h from (v, u): central differences of the step map with the same h
  // (truncation error ~ε², rounding ~1e-16/ε; ε = 1e-5 relative balances them at ~1e-10).
  const stepAt = (v0: number, u0: number, h: number) => {
    probe!.step(0, v0, u0, dvdt(m, v0, u0, I), dudt(m, v0, u0), h);
    return probe!;
  };
  const stepTangent = (v0: number, u0: number, h: number) => {
    const ev = 1e-5 * Math.max(1, Math.abs(v0));
    const eu = 1e-5 * Math.max(1, Math.abs(u0));
    let p = stepAt(v0 + ev, u0, h);
    let pv = p.v;
    let pu = p.u;
    p = stepAt(v0 - ev, u0, h);
    const a00 = (pv - p.v) / (2 * ev),
      a10 = (pu - p.u) / (2 * ev);
    p = stepAt(v0, u0 + eu, h);
    pv = p.v;
    pu = p.u;
    p = stepAt(v0, u0 - eu, h);
    const a01 = (pv - p.v) / (2 * eu),
      a11 = (pu - p.u) / (2 * eu);
    const n00 = a00 * t00 + a01 * t10,
      n01 = a00 * t01 + a01 * t11;
    const n10 = a10 * t00 + a11 * t10,
      n11 = a10 * t01 + a11 * t11;
    t00 = n00;
    t01 = n01;
    t10 = n10;
    t11 = n11;
  };
  const driver = new Dopri5Driver({h0: 0.05, hMax: MAX_STEP});
  driver.stop = horizon;
  let t = 0;
  let kv = dvdt(m, v, u, I);
  let ku = dudt(m, v, u);
  while (t < horizon) {
    const status = driver.advance(stepper, t, v, u, kv, ku);
    if (status !== ACCEPTED) {
      throw new Error(
        status === OUT_OF_BUDGET
          ? `resetMap: the integrator exceeded its budget of ${ADAPTIVE_STEP_BUDGET} steps at v = ${v}, u = ${u}`
          : `resetMap: the integrator's step fell below ${MIN_STEP} ms at v = ${v}, u = ${u}`
      );
    }
    const hTry = driver.taken;
    if (stepper.v < vPeak) {
      const vn = stepper.v;
      const un = stepper.u;
      const k7v = stepper.k7v;
      const k7u = stepper.k7u;
      if (withTangent) stepTangent(v, u, hTry);
      if (withTrace) addTrace(v, u, hTry, vn);
      v = vn;
      u = un;
      kv = k7v;
      ku = k7u;
      t = driver.clipped ? horizon : t + hTry;
      continue;
    }
    const theta = stepToCrossing(stepper, t, v, u, kv, ku, hTry, 1, 0, vPeak);
    const vs = stepper.v,
      us = stepper.u;
    if (withTangent) stepTangent(v, u, theta * hTry);
    if (withTrace) addTrace(v, u, theta * hTry, vs);
    const passage: Passage = {time: t + theta * hTry, v: vs, u: us};
    if (withTangent) passage.tangent = [t00, t01, t10, t11];
    if (withTrace) passage.traceIntegral = traceSum;
    return passage;
  }
  return null;
}

/** One application of the reset map: the image of u, the ISI and (optionally) the slope P′(u). */
export interface ResetStep {
  /** u just after the next reset. */
  u: number;
  /** Time to the next spike (ms): the ISI when u is u just after a reset. */
  period: number;
  /** dP/du at the start (with `withSlope`). */
  slope?: number;
  /** The passage (state at the spike, tangent) it came from. */
  passage: Passage;
}

/**
 * The reset map at u: from (c, u) to the next spike, then the reset u ← u + d. Null if the neuron does not spike
 * again within the horizon.
 *
 * The slope. With T the tangent map of the flow from (c, u) to the spike state x⁻ = (vPeak, u⁻), only u varies
 * at the start and the crossing of v = vPeak moves in time, so P′ = T₁₁ − (u′⁻/v′⁻)·T₀₁. Written in the basis
 * (F(c, u), (0, 1)) at the start and (F(x⁻), (0, 1)) at the spike, T is upper triangular with diagonal
 * (1, P′ · v′⁻ / v′(c, u)) (T carries the flow direction into itself), so det T = P′ · v′⁻ / v′(c, u), and by
 * Liouville's formula det T = exp ∫ tr J dt. Hence
 *   P′(u) = (v′(c, u) / v′⁻) · exp ∫ tr J dt,
 * which has no cancellation (T's entries reach 1e3 while P′ can be 1e-9 after a long quiet stretch) and shows
 * that P′ has the sign of v′ just after the reset.
 */
export function resetStep(flow: DcFlow, u: number, withSlope = false): ResetStep | null {
  const m = flow.model;
  const passage = passageToSpike(flow, m.c, u, {traceIntegral: withSlope});
  if (!passage) return null;
  const step: ResetStep = {u: passage.u + m.d, period: passage.time, passage};
  if (withSlope) step.slope = resetSlope(flow, u, passage);
  return step;
}

/** P′(u) from a passage from (c, u) that carries its trace integral (see {@link resetStep}). */
export function resetSlope(flow: DcFlow, u: number, passage: Passage): number {
  const m = flow.model;
  const after = dvdt(m, m.c, u, flow.I);
  const before = dvdt(m, passage.v, passage.u, flow.I);
  return (after / before) * Math.exp(passage.traceIntegral!);
}
