/**
 * The public surface of the Izhikevich library: re-exports only. Units throughout: v in mV, t in ms, I in the
 * paper's units (a current normalised by capacitance, entering v' directly, mV/ms).
 */
export type {Equation, Params, UEquation} from "./models/izhikevich2003.js";
export {
  STANDARD_EQUATION,
  U_EQUATIONS,
  dudt,
  dvdt,
  uCoefficients,
  type UCoefficients
} from "./models/izhikevich2003.js";
export {
  DEFAULT_DT,
  DEFAULTS,
  MAX_DT,
  METHODS,
  SAMPLE_BUDGET,
  simulate,
  type Method,
  type SimulateOptions,
  type Trace,
  type TraceColumns
} from "./simulate.js";
export {CLASSES, CLASS_IDS, type ClassId} from "./presets/classes2003.js";
export {FEATURES, FEATURE_IDS, type FeatureId} from "./presets/features2004.js";
export type {Preset} from "./presets/published.js";
export * from "./stimuli/index.js";
export * from "./analysis/nullclines.js";
export * from "./analysis/equilibria.js";
export * from "./analysis/bifurcationCurrents.js";
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
export * from "./analysis/classifySpikeTrain.js";
export * from "./analysis/classifyFiringPattern.js";
export * from "./models/izhikevich2007.js";
export * from "./analysis/phasePlane2007.js";
export {METHODS_2007, simulate2007, type Method2007, type Simulate2007Options, type Trace2007} from "./simulate2007.js";
export {CELLS_2007, CELL_IDS_2007, cell2007At, type CellId2007, type Preset2007} from "./presets/cells2007.js";
// Of excitabilityRuns.ts only the shared option types and currentList are public.
export {currentList, type CurrentRange, type RunSettings, type State} from "./analysis/excitabilityRuns.js";
export * from "./analysis/fICurve.js";
export * from "./analysis/rheobase.js";
export * from "./analysis/latencyCurve.js";
export * from "./analysis/excitabilityClass.js";
export * from "./analysis/bifurcationDiagram.js";
export * from "./analysis/dcFlow.js";
export * from "./analysis/resetMap.js";
export * from "./analysis/lyapunov.js";
export * from "./analysis/orbitDiagram.js";
export {
  BATCH_KERNELS,
  BATCH_MAX_SPIKES,
  BATCH_METHODS,
  batchKernelAvailable,
  simulateBatch,
  type BatchKernel,
  type BatchMethod,
  type BatchOptions,
  type BatchResult
} from "./batch/index.js";
// Code and data export (lib/export): exportCode, toCSV, spikesToCSV, toJSON.
export * from "./export/index.js";
export {BATCH_NEURON_BUDGET, BATCH_SPIKE_BUDGET} from "./batch/index.js";
// The 2003 network (net.m): NETWORK_2003, createNetwork, simulateNetwork, populationSpectrum.
export * from "./network/index.js";
