/**
 * The one accept/reject loop of the Dormand–Prince steppers (./dopri5.ts), shared by `simulate`'s and
 * `simulate2007`'s "adaptive" kernels, the reset map and the separatrix: step-size control, stimulus breakpoints
 * that clip a step (a jump of the current never falls inside one), and the event hook that locates a crossing
 * (v = vPeak, a moving cut-off, a kink) inside an accepted step by re-stepping with the same formula.
 */
import type {Dopri5Stepper} from "./dopri5.js";
import {locateCrossing} from "./events.js";

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

/** The warning of a run that exhausted its budget of steps ({@link ADAPTIVE_STEP_BUDGET} unless given). */
export function stepBudgetReason(t: number, budget = ADAPTIVE_STEP_BUDGET): string {
  return `the adaptive method exceeded its budget of ${budget} steps at t = ${+t.toFixed(6)} ms; the run stops there`;
}

/** The warning of a run whose step fell below {@link MIN_STEP}. */
export function stepUnderflowReason(t: number): string {
  return `the adaptive step fell below ${MIN_STEP} ms at t = ${+t.toFixed(6)} ms (the solution is not smooth there); the run stops there`;
}

/** What {@link Dopri5Driver.advance} returns: a step was accepted. */
export const ACCEPTED = 1;
/** What {@link Dopri5Driver.advance} returns: the step fell below {@link MIN_STEP}. */
export const STEP_UNDERFLOW = 0;
/** What {@link Dopri5Driver.advance} returns: the budget of steps ({@link Dopri5Driver.budget}) ran out. */
export const OUT_OF_BUDGET = -1;

/** Options of a {@link Dopri5Driver}. */
export interface Dopri5DriverOptions {
  /** The first trial step (ms, > 0). */
  h0: number;
  /** The longest step (ms); default unlimited. */
  hMax?: number;
  /** Times (ms, ascending) where the input jumps: a step ends on each, and the next one starts afresh. */
  breakpoints?: ArrayLike<number>;
  /** 1 to integrate forwards in time, −1 backwards; default 1. */
  direction?: 1 | -1;
  /** Accepted plus rejected steps allowed; default {@link ADAPTIVE_STEP_BUDGET}. */
  budget?: number;
}

/**
 * Step-size control and breakpoints of one integration: the caller sets {@link stop} (or calls
 * {@link stopBefore}), then calls {@link advance}. Results come back in fields rather than as a returned double,
 * which V8 would box wherever it does not inline the call.
 */
export class Dopri5Driver {
  // Every field starts as a number: a field declared without a value starts as undefined, and V8 then boxes
  // each double written to it.
  /** The step on offer for the next trial (magnitude, ms). */
  h = 0;
  /** Where the current step must end at the latest (ms): the end of the output interval or a breakpoint. */
  stop = 0;
  /** The magnitude of the last accepted step (ms). */
  taken = 0;
  /** Whether the last accepted step was cut short to end exactly at {@link stop}. */
  clipped = false;
  /** Whether {@link stop} is a breakpoint of the input (the current jumps there). */
  atBreak = false;
  /** Index of the next breakpoint: it changes exactly when a breakpoint is passed (a new stretch of input). */
  segment = 0;
  /** Accepted steps so far. */
  accepted = 0;
  /** Accepted plus rejected steps so far. */
  attempts = 0;
  readonly hMax: number = Infinity;
  readonly direction: number = 1;
  /** Accepted plus rejected steps allowed. */
  readonly budget: number = ADAPTIVE_STEP_BUDGET;
  private readonly breaks: ArrayLike<number>;

  constructor(options: Dopri5DriverOptions) {
    this.h = options.h0;
    this.budget = options.budget ?? ADAPTIVE_STEP_BUDGET;
    this.hMax = options.hMax ?? Infinity;
    this.direction = options.direction ?? 1;
    this.breaks = options.breakpoints ?? [];
  }

  /**
   * Sets {@link stop} for a step from t (forwards): the next breakpoint if it lies at or before `tEnd` (a jump
   * exactly on the output grid counts too, so the step after it starts with the new current), else tEnd. Sets
   * {@link atBreak} and {@link segment}.
   */
  stopBefore(t: number, tEnd: number): void {
    const breaks = this.breaks;
    let bi = this.segment;
    while (bi < breaks.length && breaks[bi] <= t) bi++;
    this.segment = bi;
    this.atBreak = bi < breaks.length && breaks[bi] <= tEnd;
    this.stop = this.atBreak ? breaks[bi] : tEnd;
  }

  /**
   * Takes one accepted step from (t, v, u), whose first stage is (k1v, k1u), towards {@link stop}: trial steps are shortened until the
   * error is acceptable, then the step on offer grows (a caller with a further condition on the step, such as the
   * separatrix's longest move, sets {@link h} itself and calls again). Returns {@link ACCEPTED} (the stepper holds
   * the new state, {@link taken} the step's magnitude), {@link STEP_UNDERFLOW} or {@link OUT_OF_BUDGET}.
   */
  advance(stepper: Dopri5Stepper, t: number, v: number, u: number, k1v: number, k1u: number): number {
    // The loop works on locals, which V8 keeps in registers; the fields are written once, on the way out.
    const direction = this.direction;
    const room = direction * (this.stop - t);
    let h = this.h;
    let attempts = this.attempts;
    const budget = this.budget;
    let status = ACCEPTED;
    stepper.t0 = t;
    stepper.v0 = v;
    stepper.u0 = u;
    stepper.k1v = k1v;
    stepper.k1u = k1u;
    for (;;) {
      const clipped = h >= room;
      const hTry = clipped ? room : h;
      stepper.h = direction * hTry;
      stepper.trial();
      if (++attempts > budget) {
        status = OUT_OF_BUDGET;
        break;
      }
      const err = stepper.error;
      if (!(err <= 1)) {
        // A diverged trial has error NaN or Infinity, which is never accepted.
        h = shrunkStep(hTry, err);
        if (h < MIN_STEP) {
          status = STEP_UNDERFLOW;
          break;
        }
        continue;
      }
      this.accepted++;
      this.clipped = clipped;
      this.taken = hTry;
      // A clipped step leaves at least h on offer, so when h is already the longest step allowed (a run whose
      // steps are capped by its output interval) the growth factor, a power, need not be computed.
      h = clipped && h >= this.hMax ? this.hMax : Math.min(this.hMax, grownStep(h, hTry, clipped, err));
      break;
    }
    this.h = h;
    this.attempts = attempts;
    return status;
  }
}

/**
 * The event hook: locates where sign·(v − coefU·u) first reaches `target` inside a step of size h from (t, v, u)
 * (first stage kv, ku) whose full step ended at or past it, and leaves the stepper at that state. Returns the fraction θ of the step.
 * The spike of the 2003 model is (sign 1, coefU 0, target vPeak); a cut-off that moves with u sets coefU; a
 * downward crossing sets sign −1. Kept out of the stepping loops: a closure there would make V8 keep the loop's
 * variables in a heap context on every step.
 */
export function stepToCrossing(
  st: Dopri5Stepper,
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
  const g = (theta: number) => {
    st.step(t, v, u, kv, ku, theta * h);
    return sign * (st.v - coefU * st.u);
  };
  const endValue = sign * (st.v - coefU * st.u);
  const theta = locateCrossing(g, sign * (v - coefU * u), endValue, target, h);
  st.step(t, v, u, kv, ku, theta * h);
  return theta;
}
