/**
 * The public surface of the Izhikevich library: re-exports only. Units throughout: v in mV, t in ms, I in the
 * paper's units (a current normalised by capacitance, entering v' directly, mV/ms).
 */
export type {Equation, Method, Params, UEquation} from "./types.js";
export {STANDARD_EQUATION, U_EQUATIONS, dudt, dvdt} from "./model.js";
export {DEFAULTS, MAX_DT, METHODS, SAMPLE_BUDGET, simulate, type SimulateOptions, type Trace} from "./simulate.js";
export {CLASSES, FEATURES, type ClassId, type FeatureId, type Preset} from "./presets.js";
export * from "./stimulus.js";
export * from "./analysis/phasePlane.js";
export * from "./analysis/separatrix.js";
// The unchecked helpers of spikes.ts and bursts.ts (isisOf, burstsFromIsis, …) stay internal.
export {
  adaptationIndex,
  coefficientOfVariation,
  firingRate,
  firstSpikeLatency,
  interSpikeIntervals,
  spikeStatistics,
  type SpikeStatistics,
  type SpikeStatisticsOptions
} from "./analysis/spikes.js";
export * from "./decimate.js";
export {
  BURST_MIN_GAP_RATIO,
  detectBursts,
  type Burst,
  type BurstAnalysis,
  type BurstOptions
} from "./analysis/bursts.js";
export * from "./analysis/patterns.js";
export * from "./model2007.js";
export * from "./analysis/phasePlane2007.js";
export {METHODS_2007, simulate2007, type Method2007, type Simulate2007Options, type Trace2007} from "./simulate2007.js";
export {CELLS_2007, cell2007At, type CellId2007, type Preset2007} from "./presets2007.js";
export * from "./analysis/excitability.js";
export * from "./analysis/bifurcationDiagram.js";
export * from "./analysis/resetMap.js";
export * from "./analysis/lyapunov.js";
export * from "./analysis/orbitDiagram.js";
export {
  BATCH_KERNELS,
  BATCH_MAX_SPIKES,
  BATCH_METHODS,
  simulateBatch,
  type BatchKernel,
  type BatchMethod,
  type BatchOptions,
  type BatchResult
} from "./batch.js";
export {batchKernelAvailable} from "./wasm/runBatchKernel.js";
