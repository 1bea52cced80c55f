/**
 * The state a kernel works on: preallocated output columns, the flattened model and the stimulus. Kernels
 * fill `v[k]`, `u[k]` for k = 1..steps, push spike times and return how they ended. They allocate nothing
 * per step.
 */
import type {Model} from "../models/izhikevich2003.js";
import type {Model2007} from "../models/izhikevich2007.js";
import type {CompiledStimulus} from "../stimuli/index.js";

/** Inputs and output buffers of one simulation run. */
export interface Run {
  model: Model;
  /** Spike apex / cut-off (mV). */
  vPeak: number;
  /** Step (fixed-step methods) or output sampling interval and largest step (adaptive), ms. */
  dt: number;
  /** Number of steps: samples are k·dt for k = 0..steps. Pass an int32 (`n | 0`): a double here slows every loop. */
  steps: number;
  stimulus: CompiledStimulus;
  /**
   * The sample times k·dt, filled by the caller (simulate's `allocateColumns`) unless the kernel writes t[k] = k·dt
   * itself for each sample it records: euler does, as the stores cost nothing inside its loop.
   */
  t: Float64Array;
  /** I sampled at k·dt (filled before the kernel runs). */
  I: Float64Array;
  /** v and u at k·dt; index 0 holds the initial state. */
  v: Float64Array;
  u: Float64Array;
  spikes: SpikeBuffer;
  /** Error tolerance of the adaptive method (relative and absolute). */
  tolerance: number;
  /** The adaptive method's budget of accepted plus rejected steps (default: the driver's). */
  stepBudget?: number;
  /** The current is constant between its breakpoints (no ramp, sine or chirp), so one evaluation per step suffices. */
  piecewiseConstant: boolean;
}

/**
 * Inputs and output buffers of one 2007 run: those of a 2003 run with the 2007 model, whose cut-off lives in the
 * model (it may move with u), and I in pA.
 */
export type Run2007 = Omit<Run, "model" | "vPeak" | "piecewiseConstant"> & {model: Model2007};

/** How a kernel ended: `last` is the index of the last valid sample; `reason` is set when it stopped early. */
export interface KernelResult {
  last: number;
  reason?: string;
  /** Steps taken (accepted steps for the adaptive method). */
  steps: number;
}

/** A growable list of spike times (ms) with a budget; `push` returns false once the budget is reached. */
export class SpikeBuffer {
  private data = new Float64Array(64);
  count = 0;
  constructor(readonly budget: number) {}
  push(t: number): boolean {
    if (this.count === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.count++] = t;
    return this.count < this.budget;
  }
  toArray(): Float64Array {
    return this.data.slice(0, this.count);
  }
}

/** The message for a run that stopped because v or u stopped being finite. */
export function blowUpReason(t: number): string {
  return `v or u stopped being finite at t = ${+t.toFixed(6)} ms: the method diverged; the run stops there (try a smaller dt or method "adaptive")`;
}

/** The message for a run that reached its spike budget. */
export function spikeBudgetReason(t: number, budget: number): string {
  return `the spike budget of ${budget} spikes was reached at t = ${+t.toFixed(6)} ms; the run stops there (raise maxSpikes to go on)`;
}
