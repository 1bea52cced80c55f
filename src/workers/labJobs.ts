/**
 * The lab pages' long computations as plain-data jobs, run by chaos.worker.ts (or on the main thread when there
 * is no worker): the "Is it chaos?" analysis of one neuron, Lyapunov exponents, orbit diagrams and a published
 * panel under both integrations. Each job may report progress through `progress(done, total)`.
 */
import {
  lyapunov,
  nearbyTrajectories,
  type LyapunovOptions,
  type LyapunovResult,
  type NearbyResult
} from "../lib/analysis/lyapunov.js";
import {orbitDiagram, type OrbitDiagram, type OrbitDiagramOptions} from "../lib/analysis/orbitDiagram.js";
import {
  resetMap,
  resetMapFixedPoints,
  resetSequence,
  type ResetFixedPoint,
  type ResetMapGraph
} from "../lib/analysis/resetMap.js";
import {FEATURES, type FeatureId} from "../lib/presets/features2004.js";
import {DEFAULTS, simulate, type Trace} from "../lib/simulate.js";
import type {Params} from "../lib/models/izhikevich2003.js";
import {PANEL_MAX_SPIKES, RUN_MAX_SPIKES} from "../components/spikeCaps.js";

/** A neuron under DC as the lab pages set it. */
export interface LabNeuron {
  params: Params;
  current: number;
}

/** One run of the "chaos or numerics?" comparison: spike times of a run and of its twin started 1e-6 higher in u. */
export interface MethodRun {
  label: string;
  method: "euler" | "paper2004" | "adaptive";
  dt: number;
  spikes: Float64Array;
  twinSpikes: Float64Array;
}

/** The analysis of one neuron for the chaos page. */
export interface ChaosAnalysis {
  runs: MethodRun[];
  /** u just after each reset of the accurate run (after 20 transient resets). */
  resets: Float64Array;
  graph: ResetMapGraph;
  range: [number, number];
  fixedPoints: ResetFixedPoint[];
  nearby: NearbyResult;
}

export type LabJob =
  | {kind: "chaos"; neuron: LabNeuron; dt: number; method: "euler" | "paper2004"; duration: number}
  | {kind: "lyapunov"; options: Omit<LyapunovOptions, "onProgress">}
  | {kind: "orbit"; options: Omit<OrbitDiagramOptions, "onProgress">}
  | {kind: "panel"; id: FeatureId};

export type LabResult = ChaosAnalysis | LyapunovResult | OrbitDiagram | {published: Trace; accurate: Trace};

/** The separation in u of the twin trajectories. */
export const TWIN_SEPARATION = 1e-6;

/** Runs a job (synchronously), reporting progress. */
export function executeLabJob(job: LabJob, progress: (done: number, total: number) => void = () => {}): LabResult {
  switch (job.kind) {
    case "chaos":
      return analyseChaos(job.neuron, job.dt, job.method, job.duration, progress);
    case "lyapunov":
      return lyapunov({...job.options, onProgress: progress});
    case "orbit":
      return orbitDiagram({...job.options, onProgress: progress});
    case "panel": {
      const preset = FEATURES[job.id];
      return {
        published: simulate(preset),
        accurate: simulate({
          ...preset,
          method: "adaptive",
          dt: Math.min(preset.dt ?? 0.25, 0.1),
          maxSpikes: PANEL_MAX_SPIKES
        })
      };
    }
  }
}

function analyseChaos(
  neuron: LabNeuron,
  dt: number,
  method: "euler" | "paper2004",
  duration: number,
  progress: (done: number, total: number) => void
): ChaosAnalysis {
  const {params, current} = neuron;
  const v0 = params.c;
  const u0 = params.b * v0;
  const run = (label: string, m: MethodRun["method"], step: number): MethodRun => {
    const base = {params, current, duration, v0, dt: step, method: m, maxSpikes: RUN_MAX_SPIKES};
    return {
      label,
      method: m,
      dt: step,
      spikes: simulate({...base, u0}).spikes,
      twinSpikes: simulate({...base, u0: u0 + TWIN_SEPARATION}).spikes
    };
  };
  const runs = [
    run(`${method} dt`, method, dt),
    run(`${method} dt/2`, method, dt / 2),
    run("adaptive", "adaptive", DEFAULTS.dt)
  ];
  progress(1, 3);
  const sequence = resetSequence({params, current, v0, u0, transient: 20, spikes: 300});
  const resets = sequence.u;
  let lo = Math.min(...resets),
    hi = Math.max(...resets);
  if (!(hi > lo)) {
    lo = (resets[0] ?? params.b * params.c) - 5;
    hi = lo + 10;
  }
  const pad = 0.08 * (hi - lo);
  const range: [number, number] = [lo - pad, hi + pad];
  const graph = resetMap({params, current, range, points: 240, horizon: 500});
  progress(2, 3);
  const fixedPoints = resetMapFixedPoints({params, current, range, points: 80, horizon: 500});
  const nearby = nearbyTrajectories({
    params,
    current,
    u0: resets.length ? resets[resets.length - 1] : u0,
    spikes: 40,
    separation: TWIN_SEPARATION
  });
  progress(3, 3);
  return {runs, resets, graph, range, fixedPoints, nearby};
}
