/**
 * What both batch kernels (kernelJs.ts and wasm/runBatchKernel.ts) read and write: the neurons as a
 * structure of arrays, the u-equation's coefficients derived once per method, and the spike log. Nothing
 * here imports a kernel, so the kernels can share it without importing each other.
 */
import type {BatchMethod} from "./options.js";
import type {SpikeLog} from "./spikeLog.js";

/** Everything a kernel reads and writes. */
export interface KernelState {
  n: number;
  steps: number;
  dt: number;
  vPeak: number;
  e: number;
  f: number;
  g: number;
  accommodation: boolean;
  /** The u-equation's coefficients for the method (see uCoefficients). */
  p1: Float64Array;
  p2: Float64Array;
  p3: Float64Array;
  c: Float64Array;
  d: Float64Array;
  /** The state, updated in place. */
  v: Float64Array;
  u: Float64Array;
  /** Per-neuron DC current (0 where a shared stimulus is used). */
  dc: Float64Array;
  /** The shared current at k·dt, k = 0 … steps (all 0, and possibly longer, where per-neuron currents are used). */
  shared: Float64Array;
  maxSpikes: number;
  counts: Int32Array;
  stopped: Uint8Array;
  /** The step at which a stopped neuron stopped. */
  stopStep: Int32Array;
  spikes: SpikeLog;
}

/**
 * The u-equation's per-neuron coefficients, in the operation order of `simulate`'s kernels
 * (integrators/fixedStep.ts), computed once for both implementations:
 * - euler: u' = p1·v − p2·u + p3, with p1 = a·b, p2 = a, p3 = 0 (accommodation: p2 = 0, p3 = 65·a·b), one
 *   formula for both u-equations without a branch in the loop;
 * - paper2004: u += p1·(p2·v − u), with p1 = τ·a (the first product MATLAB evaluates in `tau*a*(b*V - u)`)
 *   and p2 = b; accommodation: u += p3·(v + 65), with p3 = τ·a·b.
 */
export function uCoefficients(
  method: BatchMethod,
  a: Float64Array,
  b: Float64Array,
  dt: number,
  accommodation: boolean
): {p1: Float64Array; p2: Float64Array; p3: Float64Array} {
  const n = a.length;
  const p1 = new Float64Array(n);
  const p2 = new Float64Array(n);
  const p3 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (method === "euler") {
      p1[i] = a[i]! * b[i]!;
      p2[i] = accommodation ? 0 : a[i]!;
      p3[i] = accommodation ? 65 * p1[i]! : 0;
    } else {
      p1[i] = dt * a[i]!;
      p2[i] = b[i]!;
      p3[i] = p1[i]! * b[i]!;
    }
  }
  return {p1, p2, p3};
}
