/** The batch simulator's public surface (re-exports only; lib/index.ts re-exports these names). */
export {
  BATCH_KERNELS,
  BATCH_MAX_SPIKES,
  BATCH_METHODS,
  BATCH_NEURON_BUDGET,
  type BatchKernel,
  type BatchMethod,
  type BatchOptions
} from "./options.js";
export type {BatchResult} from "./result.js";
export {simulateBatch} from "./simulateBatch.js";
export {BATCH_SPIKE_BUDGET} from "./spikeLog.js";
export {batchKernelAvailable} from "./wasm/runBatchKernel.js";
