/**
 * `simulateBatch`'s result: the spike log sorted into one flat array of times per neuron, the final states,
 * and the warnings for neurons that stopped early.
 */
import type {BatchMethod} from "./options.js";
import type {KernelState} from "./state.js";

/**
 * The result of {@link simulateBatch}: spikes as flat arrays (neuron i's spikes are
 * times[offsets[i] … offsets[i+1])).
 */
export interface BatchResult {
  /** Number of neurons. */
  n: number;
  method: BatchMethod;
  /** The implementation that ran ("auto" resolved). */
  kernel: "wasm" | "js";
  /** The step (ms). */
  dt: number;
  /** Steps run (the same count `simulate` runs for this duration, dt and method). */
  steps: number;
  /** Spike count of each neuron. */
  counts: Int32Array;
  /** Start of each neuron's spikes in `times`; length n + 1 (offsets[n] = total spike count). */
  offsets: Int32Array;
  /** Spike times (ms), neuron by neuron, increasing within a neuron; the end of the step in which v reached vPeak. */
  times: Float64Array;
  /** v (mV) at the end of the run, or where the neuron stopped (after the reset if it stopped on a spike). */
  v: Float64Array;
  /** u at the end of the run, or where the neuron stopped. */
  u: Float64Array;
  /** For each neuron, 0 if it ran to the end; 1 if it reached the spike cap; 2 if v or u stopped being finite. */
  stopped: Uint8Array;
  /** What to distrust (neurons capped or diverged), summarised; empty for a clean run. */
  warnings: string[];
}

/**
 * One sentence per kind of stop (spike cap, divergence) naming the first neurons. Kept out of `collect`,
 * whose loops run for every batch: V8 would otherwise optimise `collect` without this rarely run code and
 * throw the optimised code away each time a neuron stops.
 */
function stopWarnings(st: KernelState): string[] {
  const warnings: string[] = [];
  for (const [why, text] of [
    [1, `reached the spike cap of ${st.maxSpikes} spikes and stopped there (raise maxSpikes to go on)`],
    [2, `stopped when v or u stopped being finite: the method diverged (try a smaller dt)`]
  ] as const) {
    const which: number[] = [];
    for (let i = 0; i < st.n; i++) if (st.stopped[i] === why) which.push(i);
    if (which.length === 0) continue;
    const first = which
      .slice(0, 5)
      .map((i) => `${i} (t = ${+(st.stopStep[i]! * st.dt).toFixed(6)} ms)`)
      .join(", ");
    warnings.push(
      `${which.length} neuron${which.length === 1 ? "" : "s"} ${text}: ${first}${which.length > 5 ? ", …" : ""}`
    );
  }
  return warnings;
}

/** Sorts the spike log by neuron (stable, so each neuron's times stay increasing) and writes the warnings. */
export function collect(st: KernelState, method: BatchMethod, kernel: "wasm" | "js"): BatchResult {
  const {n, counts, spikes, dt} = st;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + counts[i]!;
  const times = new Float64Array(spikes.length);
  const next = offsets.slice(0, n);
  for (let s = 0; s < spikes.length; s++) {
    const i = spikes.neuron[s]!;
    // (k + 1)·dt, the same product simulate's kernels push.
    times[next[i]!++] = spikes.step[s]! * dt;
  }
  const warnings = st.stopped.some((why) => why !== 0) ? stopWarnings(st) : [];
  return {
    n,
    method,
    kernel,
    dt,
    steps: st.steps,
    counts,
    offsets,
    times,
    v: st.v,
    u: st.u,
    stopped: st.stopped,
    warnings
  };
}
