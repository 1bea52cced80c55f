/**
 * `simulateBatch`: many independent Izhikevich neurons at once, for sweeps, atlases and f–I curves.
 *
 * Layout: structure of arrays (one typed array per parameter and per state variable, state.ts). The
 * arithmetic of each method is exactly that of `simulate`'s kernel of the same name
 * (integrators/fixedStep.ts), so every neuron spikes at the same times as `simulate` would make it spike.
 * Only spikes and the final state are kept, no voltage traces.
 *
 * Two implementations of the same loops: WebAssembly SIMD (wasm/batchKernel.wat, two neurons per
 * instruction, several times faster; used wherever the engine has WebAssembly SIMD) and TypeScript
 * (kernelJs.ts: the fallback, and the reference the WebAssembly kernel is tested against bit for bit).
 */
import {runJsKernel} from "./kernelJs.js";
import {checkBatchOptions, type BatchOptions} from "./options.js";
import {collect, type BatchResult} from "./result.js";
import {SpikeLog} from "./spikeLog.js";
import {uCoefficients, type KernelState} from "./state.js";
import {batchKernelAvailable, runBatchKernel} from "./wasm/runBatchKernel.js";

/**
 * Simulates n independent neurons with the same equation, step, duration and method; parameters, initial
 * state and DC current may differ per neuron. Spikes are identical to `simulate`'s for the same method and dt.
 *
 * @throws RangeError/TypeError naming the field (e.g. `params.c[17]`), the value and what is allowed.
 * @example
 * const r = simulateBatch({params: {a: [0.02, 0.1], b: [0.2, 0.2], c: [-65, -65], d: [8, 2]}, current: 10, duration: 1000});
 * r.counts; // spikes of each neuron in 1 s
 */
export function simulateBatch(options: BatchOptions): BatchResult {
  const o = checkBatchOptions(options);
  const {n, method, dt, equation} = o;
  const accommodation = equation.u === "accommodation";
  const state: KernelState = {
    n,
    steps: o.steps,
    dt,
    vPeak: o.vPeak,
    e: equation.e,
    f: equation.f,
    g: equation.g,
    accommodation,
    ...uCoefficients(method, o.a, o.b, dt, accommodation),
    c: o.c,
    d: o.d,
    v: o.v,
    u: o.u,
    dc: o.dc,
    shared: o.shared,
    maxSpikes: o.maxSpikes,
    counts: new Int32Array(n),
    stopped: new Uint8Array(n),
    stopStep: new Int32Array(n),
    spikes: new SpikeLog()
  };
  const wasm = o.kernel !== "js" && batchKernelAvailable();
  if (o.kernel === "wasm" && !wasm)
    throw new Error(
      'kernel: "wasm" needs WebAssembly with SIMD, which this JavaScript engine lacks; use "auto" or "js"'
    );
  if (wasm) runBatchKernel(state, method);
  else runJsKernel(state, method);
  return collect(state, method, wasm ? "wasm" : "js");
}
