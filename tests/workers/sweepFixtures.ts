// The f–I sweep requests the sweep worker's tests share.
import type {SweepRequest} from "../../src/workers/excitabilityRunner.js";

/** A short sweep: a class-2 neuron (a = 0.2, b = 0.26) at two currents near its threshold, 100 ms each. */
export const SWEEP: SweepRequest = {
  params: {a: 0.2, b: 0.26, c: -65, d: 0},
  currents: [0.3, 0.5],
  duration: 100,
  transient: 20
};

/** The same neuron over 200 currents of 1000 ms each: a sweep long enough to be cancelled mid-way. */
export const LONG_SWEEP: SweepRequest = {...SWEEP, currents: {from: 0, to: 1, count: 200}, duration: 1000};
