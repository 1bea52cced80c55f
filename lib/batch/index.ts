/** The batch simulator's public surface (re-exports only; lib/index.ts re-exports these names). */
export {
  BATCH_KERNELS,
  BATCH_MAX_SPIKES,
  BATCH_METHODS,
  type BatchKernel,
  type BatchMethod,
  type BatchOptions
} from "./options.js";
export type {BatchResult} from "./result.js";
export {simulateBatch} from "./simulateBatch.js";
export {batchKernelAvailable} from "./wasm/runBatchKernel.js";
