/**
 * The comparison's logic, kept out of the page: each neuron's model (parameters, start state, equation),
 * the shared stimulus, the runs (which never throw), the phase-plane current and the rows of the
 * statistics table. The library is passed in, so the page and the tests share one instance.
 */
import type * as Library from "../../lib/index.js";
import type {
  Equation,
  Equilibrium,
  Params,
  Preset,
  SimulateOptions,
  SpikeStatistics,
  SpikeTrainDecision,
  Stimulus,
  Trace
} from "../../lib/index.js";
import {ADAPTING_MIN_INDEX, FIRING_PATTERNS} from "../../lib/analysis/classifySpikeTrain.js";
import {fmt} from "../charts/chart.js";
import {quietlyCancelled, rateWindow, stimulusOf} from "../explorer/explorer.js";
import {
  PUBLISHED_DT,
  catalogPreset,
  explorerPreset,
  protocolSlot,
  type Catalog,
  type CompareState,
  type NeuronKind,
  type Slot
} from "../../state/compareState.js";
import {CLASS_IDS} from "../../lib/presets/classes2003.js";
import {DEFAULT_DT, type ClassId} from "../../state/urlState.js";
import {RUN_MAX_SPIKES} from "../spikeCaps.js";
import {Cancelled, isCancelled} from "../../workers/workerRunner.js";

/** The presets with everything the page shows (the library's CLASSES and FEATURES). */
export interface FullCatalog extends Catalog {
  classes: Record<ClassId, Preset>;
  features: Catalog["features"] & Record<string, Preset>;
}

/**
 * The library functions the page calls. Burst detection and the classifier (with its core, whose numbers the
 * table shows beside the label) are used when the library offers them.
 */
export type CompareLibrary = Pick<
  typeof Library,
  "simulate" | "compileStimulus" | "spikeStatistics" | "equilibria" | "stimulusLabel"
> & {
  detectBursts?: (spikes: ArrayLike<number>) => unknown;
  classifyFiringPattern?: (
    spikes: ArrayLike<number>,
    options: {start: number; end: number; onset: number}
  ) => {pattern: string; spikesPerBurst?: number; reason: string};
  classifySpikeTrain?: (spikes: Float64Array, start: number, end: number, onset: number) => SpikeTrainDecision;
};

/** One neuron as the page runs it. */
export interface Neuron {
  /** 0-based position on the page. */
  index: number;
  kind: NeuronKind;
  /** Short name, e.g. "RS", "Fig. 1A", "custom", "explorer". */
  short: string;
  /** Longer name that starts with the short one, e.g. "RS, regular spiking" (the preset's "(RS)" left out). */
  label: string;
  params: Params;
  v0: number;
  u0: number;
  equation?: Partial<Equation>;
  vPeak: number;
  /** Its published protocol (or the explorer's current) and that protocol's duration; null for custom. */
  protocol: {current: Stimulus; duration: number} | null;
  /** The step "as published" runs with (ms): the panel's own τ from figure1.m (0.1–0.5), else 0.25. */
  publishedDt: number;
}

/** The neuron of a slot. */
export function neuronOf(
  slot: Slot,
  index: number,
  state: Pick<CompareState, "explorer">,
  catalog: FullCatalog
): Neuron {
  if (slot.kind === "explorer" && state.explorer) {
    const x = state.explorer;
    const preset = explorerPreset<Preset>(x.cls, catalog);
    return {
      index,
      kind: "explorer",
      short: "explorer",
      label: `the explorer's neuron (${x.cls.replace("_", " ")}, a = ${fmt(x.a)}, b = ${fmt(x.b)}, c = ${fmt(x.c)}, d = ${fmt(x.d)})`,
      params: {a: x.a, b: x.b, c: x.c, d: x.d},
      v0: x.v0,
      u0: x.u0,
      ...(preset.equation ? {equation: preset.equation} : {}),
      vPeak: preset.vPeak ?? 30,
      protocol: {current: stimulusOf(x, preset.current), duration: x.T},
      publishedDt: preset.dt ?? PUBLISHED_DT
    };
  }
  const preset = catalogPreset(slot.kind, catalog) as Preset | null;
  if (preset) {
    const isClass = (CLASS_IDS as readonly string[]).includes(slot.kind);
    const short = isClass ? slot.kind.replace("_", " ") : `Fig. 1${slot.kind}`;
    const v0 = preset.v0 ?? -65;
    // A class's name repeats its id ("regular spiking (RS)", "thalamo-cortical (TC), depolarised").
    const name = isClass ? preset.name.replace(` (${slot.kind.split("_")[0]})`, "") : preset.name;
    return {
      index,
      kind: slot.kind,
      short,
      label: `${short}, ${name}`,
      params: {...preset.params},
      v0,
      u0: preset.u0 ?? preset.params.b * v0,
      ...(preset.equation ? {equation: preset.equation} : {}),
      vPeak: preset.vPeak ?? 30,
      protocol: {current: preset.current ?? 0, duration: preset.duration},
      publishedDt: preset.dt ?? PUBLISHED_DT
    };
  }
  const params = {a: slot.a, b: slot.b, c: slot.c, d: slot.d};
  return {
    index,
    kind: "custom",
    short: "custom",
    label: `custom (a = ${fmt(slot.a)}, b = ${fmt(slot.b)}, c = ${fmt(slot.c)}, d = ${fmt(slot.d)})`,
    params,
    v0: -65,
    u0: params.b * -65,
    vPeak: 30,
    protocol: null,
    publishedDt: PUBLISHED_DT
  };
}

/** The stimulus every neuron receives. */
export interface SharedStimulus {
  current: Stimulus;
  duration: number;
  /** When the stimulus starts (ms): the latency is measured from here. */
  onset: number;
  /** The current the phase planes' nullclines are drawn for, and when or what it is. */
  phaseI: number;
  phaseWhen: string;
  /** A sentence describing it. */
  description: string;
}

/**
 * The shared stimulus of a state. A protocol's onset is the first time its current departs from its initial
 * value (found on a 0.05-ms grid, then to 1e-6 ms by bisection); a DC starts at 0.
 */
export function sharedStimulus(
  state: CompareState,
  neurons: Neuron[],
  lib: Pick<CompareLibrary, "compileStimulus" | "stimulusLabel">
): SharedStimulus {
  const k = protocolSlot(state.stim);
  if (k !== null) {
    const source = neurons[k];
    const protocol = source?.protocol ?? {current: 0, duration: state.T};
    const compiled = lib.compileStimulus(protocol.current, protocol.duration);
    const onset = firstChange((t) => compiled.value(t), protocol.duration);
    const end = compiled.value(protocol.duration);
    return {
      current: protocol.current,
      duration: protocol.duration,
      onset,
      phaseI: end,
      phaseWhen: `its value at the end of the run, t = ${fmt(protocol.duration)} ms`,
      description: `The protocol of neuron ${k + 1} (${source?.short ?? "?"}): I = ${lib.stimulusLabel(protocol.current)}, for ${fmt(protocol.duration)} ms.`
    };
  }
  const T = state.T;
  if (state.stim === "dc") {
    return {
      current: {kind: "dc", value: state.I},
      duration: T,
      onset: 0,
      phaseI: state.I,
      phaseWhen: "the DC",
      description: `A constant current I = ${fmt(state.I)} for ${fmt(T)} ms.`
    };
  }
  if (state.stim === "step") {
    const current: Stimulus = {kind: "step", value: state.I, start: state.on, end: state.off};
    const empty = !(state.off > state.on) || state.on >= T;
    return {
      current,
      duration: T,
      onset: Math.min(state.on, T),
      phaseI: state.I,
      phaseWhen: "the step's current",
      description: empty
        ? `A step of I = ${fmt(state.I)} from ${fmt(state.on)} to ${fmt(state.off)} ms, which lies outside the ${fmt(T)}-ms run or is empty: no current.`
        : `A step of I = ${fmt(state.I)} from ${fmt(state.on)} to ${fmt(Math.min(state.off, T))} ms, in a run of ${fmt(T)} ms.`
    };
  }
  const width = Math.min(state.width, state.period);
  const current: Stimulus = {
    kind: "pulses",
    amplitude: state.I,
    start: state.on,
    width,
    period: state.period,
    count: state.count
  };
  return {
    current,
    duration: T,
    onset: Math.min(state.on, T),
    phaseI: state.I,
    phaseWhen: "the pulses' current",
    description: `${state.count} pulse${state.count === 1 ? "" : "s"} of I = ${fmt(state.I)}, ${fmt(width)} ms wide, every ${fmt(state.period)} ms from ${fmt(state.on)} ms, in a run of ${fmt(T)} ms.`
  };
}

/** The first time (ms, to 1e-6) in [0, duration] at which value(t) differs from value(0); 0 if never. */
export function firstChange(value: (t: number) => number, duration: number, grid = 0.05): number {
  const v0 = value(0);
  const differs = (t: number) => value(t) !== v0;
  let prev = 0;
  for (let k = 1; k * grid <= duration + 1e-12; k++) {
    const t = k * grid;
    if (differs(t)) {
      let lo = prev;
      let hi = t;
      while (hi - lo > 1e-7) {
        const mid = (lo + hi) / 2;
        if (differs(mid)) hi = mid;
        else lo = mid;
      }
      return Math.round(lo * 1e6) / 1e6;
    }
    prev = t;
  }
  return 0;
}

/** One neuron's run. */
export interface CompareRun {
  neuron: Neuron;
  options: SimulateOptions;
  trace: Trace | null;
  /** The message of a library error, else null. */
  error: string | null;
  stats: SpikeStatistics | null;
  /** Spikes before the stimulus onset (not in the statistics). */
  before: number;
  /**
   * The firing rate (Hz) as every page defines it: all spikes of the run ÷ the model time it reached, over
   * [0, time reached] (the duration, or less if the run stopped early); null without a trace.
   */
  rate: number | null;
  /** The classifier core's decision and the numbers behind it, when the library has it. */
  decision: SpikeTrainDecision | null;
  /** Bursts from the library's detectBursts, when it has one: their number and mean spikes per burst. */
  bursts: {count: number; meanSize: number | null} | null;
  /** The library's firing-pattern label, when it has a classifier. */
  pattern: {pattern: string; spikesPerBurst?: number; reason: string} | null;
  equilibria: Equilibrium[];
}

/** The simulate options of one neuron under the shared stimulus and the page's method. */
export function optionsFor(neuron: Neuron, stimulus: SharedStimulus, method: CompareState["method"]): SimulateOptions {
  return {
    params: neuron.params,
    v0: neuron.v0,
    u0: neuron.u0,
    ...(neuron.equation ? {equation: neuron.equation} : {}),
    current: stimulus.current,
    duration: stimulus.duration,
    dt: method === "paper2004" ? neuron.publishedDt : DEFAULT_DT,
    method,
    vPeak: neuron.vPeak,
    maxSpikes: RUN_MAX_SPIKES
  };
}

/** Runs one neuron on the main thread. Never throws: a library error becomes `error`. */
export function runNeuron(
  neuron: Neuron,
  stimulus: SharedStimulus,
  method: CompareState["method"],
  lib: CompareLibrary
): CompareRun {
  const options = optionsFor(neuron, stimulus, method);
  let outcome: {trace: Trace} | {error: unknown};
  try {
    outcome = {trace: lib.simulate(options)};
  } catch (error) {
    outcome = {error};
  }
  return finishNeuron(neuron, stimulus, options, outcome, lib);
}

/** The run of one neuron from its finished trace (or the error that replaced it): statistics, labels, rest. */
export function finishNeuron(
  neuron: Neuron,
  stimulus: SharedStimulus,
  options: SimulateOptions,
  outcome: {trace: Trace} | {error: unknown},
  lib: CompareLibrary
): CompareRun {
  const run: CompareRun = {
    neuron,
    options,
    trace: null,
    error: null,
    stats: null,
    before: 0,
    rate: null,
    bursts: null,
    pattern: null,
    decision: null,
    equilibria: []
  };
  try {
    if ("error" in outcome) throw outcome.error;
    const trace = outcome.trace;
    run.trace = trace;
    const end = Math.max(stimulus.duration, trace.t.length ? trace.t[trace.t.length - 1] : 0);
    const start = Math.min(stimulus.onset, end - 1e-9);
    run.stats = lib.spikeStatistics(trace.spikes, {start, end: end + 1e-9, onset: start});
    run.before = trace.spikes.filter((t) => t < start).length;
    run.rate = lib.spikeStatistics(trace.spikes, {start: 0, end: rateWindowEnd(trace, stimulus.duration)}).rate;
    run.bursts = burstsOf(
      trace.spikes.filter((t) => t >= start),
      lib
    );
    if (typeof lib.classifyFiringPattern === "function") {
      try {
        run.pattern = lib.classifyFiringPattern(trace.spikes, {start, end: end + 1e-9, onset: start});
      } catch {
        run.pattern = null;
      }
    }
    // The same window and onset as the label, so the table's numbers are the ones that decided it.
    if (run.pattern && typeof lib.classifySpikeTrain === "function") {
      run.decision = lib.classifySpikeTrain(trace.spikes, start, end + 1e-9, start);
    }
  } catch (e) {
    run.error = e instanceof Error ? e.message : String(e);
    run.trace = null;
    run.stats = null;
  }
  try {
    run.equilibria = lib.equilibria(neuron.params, stimulus.phaseI, neuron.equation);
  } catch {
    run.equilibria = [];
  }
  return run;
}

/** The end of a run's rate window (ms), as the explorer takes it (see explorer.ts's `rateWindow`). */
export function rateWindowEnd(trace: Pick<Trace, "t" | "spikes" | "dt">, duration: number): number {
  return rateWindow(trace, duration).end;
}

/**
 * The bursts the classifier counted in deciding its label: every burst of a "bursting" train, the onset burst
 * of "mixed", the one burst of a phasic burst; none for the other labels (an initial doublet that relaxes into
 * regular firing is not a burst). Spikes per burst: the classifier's (the median for "bursting").
 */
export function classifierBursts(d: SpikeTrainDecision): {count: number; perBurst: number | null} {
  if (d.pattern === "bursting") return {count: d.bursts, perBurst: d.spikesPerBurst};
  if (d.pattern === "mixed") return {count: 1, perBurst: d.spikesPerBurst};
  if (d.pattern === "phasic" && d.spikesPerBurst !== undefined) return {count: 1, perBurst: d.spikesPerBurst};
  return {count: 0, perBurst: null};
}

/**
 * Bursts of a spike train through the library's detectBursts, if it exists and returns a list of bursts
 * (arrays, or objects with a spike count); otherwise null, and the table leaves the burst rows out.
 */
export function burstsOf(spikes: Float64Array, lib: Pick<CompareLibrary, "detectBursts">): CompareRun["bursts"] {
  if (typeof lib.detectBursts !== "function") return null;
  try {
    const result = (lib.detectBursts as (s: Float64Array) => unknown)(spikes);
    const list = Array.isArray(result)
      ? result
      : result && typeof result === "object" && Array.isArray((result as {bursts?: unknown}).bursts)
        ? (result as {bursts: unknown[]}).bursts
        : null;
    if (!list) return null;
    const sizes = list.map(sizeOf).filter((n): n is number => n !== null);
    if (sizes.length !== list.length) return null;
    return {count: list.length, meanSize: list.length ? sizes.reduce((s, n) => s + n, 0) / list.length : null};
  } catch {
    return null;
  }
}

function sizeOf(burst: unknown): number | null {
  if (Array.isArray(burst) || ArrayBuffer.isView(burst)) return (burst as ArrayLike<number>).length;
  if (burst && typeof burst === "object") {
    const b = burst as Record<string, unknown>;
    for (const key of ["count", "size", "n", "spikeCount"]) if (typeof b[key] === "number") return b[key] as number;
    for (const key of ["spikes", "times"])
      if (Array.isArray(b[key]) || ArrayBuffer.isView(b[key])) return (b[key] as ArrayLike<number>).length;
    if (
      typeof b.start === "number" &&
      typeof b.end === "number" &&
      typeof b.first === "number" &&
      typeof b.last === "number"
    )
      return (b.last as number) - (b.first as number) + 1;
  }
  return null;
}

/** The whole comparison of a state. */
export interface Comparison {
  neurons: Neuron[];
  stimulus: SharedStimulus | null;
  runs: CompareRun[];
  /** The message of an error in the stimulus itself, else null. */
  error: string | null;
}

/** A comparison's neurons and shared stimulus, or the (run-less) comparison that reports the stimulus's error. */
function prepare(
  state: CompareState,
  catalog: FullCatalog,
  lib: CompareLibrary
): {neurons: Neuron[]; stimulus: SharedStimulus} | Comparison {
  const neurons = state.neurons.map((slot, i) => neuronOf(slot, i, state, catalog));
  try {
    return {neurons, stimulus: sharedStimulus(state, neurons, lib)};
  } catch (e) {
    return {neurons, stimulus: null, runs: [], error: e instanceof Error ? e.message : String(e)};
  }
}

/** Builds the neurons and the shared stimulus, and runs every neuron. Never throws. */
export function compare(state: CompareState, catalog: FullCatalog, lib: CompareLibrary): Comparison {
  const prepared = prepare(state, catalog, lib);
  if ("runs" in prepared) return prepared;
  const {neurons, stimulus} = prepared;
  return {neurons, stimulus, runs: neurons.map((n) => runNeuron(n, stimulus, state.method, lib)), error: null};
}

/** The number of the newest comparison started on each runner. */
const latestComparison = new WeakMap<CompareRunner, number>();

/** What runs the comparison's simulations: at once, or later (a worker); see workers/sharedRunner.ts. */
export interface CompareRunner {
  run(options: SimulateOptions): Trace | Promise<Trace>;
}

/**
 * {@link compare} with the simulations run by `runner`, one neuron after the other: the Comparison at once when
 * every run is computed at once, else a promise of it. A library error (or a run stopped at the time budget)
 * becomes that neuron's `error`; a comparison overtaken by a newer one rejects with the runner's Cancelled.
 */
export function compareWith(
  state: CompareState,
  catalog: FullCatalog,
  lib: CompareLibrary,
  runner: CompareRunner
): Comparison | Promise<Comparison> {
  const prepared = prepare(state, catalog, lib);
  if ("runs" in prepared) return prepared;
  const {neurons, stimulus} = prepared;
  const runs: CompareRun[] = [];
  // Only the newest comparison on a runner may ask it for more runs: an older one whose run just arrived must
  // not overtake the newer one's request (the runner lets the newest request win).
  const id = (latestComparison.get(runner) ?? 0) + 1;
  latestComparison.set(runner, id);
  const next = (i: number): Comparison | Promise<Comparison> => {
    if (latestComparison.get(runner) !== id) throw new Cancelled();
    for (; i < neurons.length; i++) {
      const neuron = neurons[i]!;
      const options = optionsFor(neuron, stimulus, state.method);
      let result: Trace | Promise<Trace>;
      try {
        result = runner.run(options);
      } catch (error) {
        runs.push(finishNeuron(neuron, stimulus, options, {error}, lib));
        continue;
      }
      if (result instanceof Promise) {
        const at = i;
        return quietlyCancelled(
          result.then(
            (trace) => {
              runs.push(finishNeuron(neuron, stimulus, options, {trace}, lib));
              return next(at + 1);
            },
            (error: unknown) => {
              if (isCancelled(error)) throw error;
              runs.push(finishNeuron(neuron, stimulus, options, {error}, lib));
              return next(at + 1);
            }
          )
        );
      }
      runs.push(finishNeuron(neuron, stimulus, options, {trace: result}, lib));
    }
    return {neurons, stimulus, runs, error: null};
  };
  return next(0);
}

/** One row of the statistics table: a statistic (with its unit) and its value for each neuron, as text. */
export interface StatsRow {
  label: string;
  /** A short explanation, shown as the row header's description. */
  note: string;
  values: string[];
}

/**
 * The rows of the statistics table (statistics down, neurons across). With the classifier's decision, the
 * late-ISI adaptation index and the bursts are the classifier's own numbers, so the label agrees with them;
 * otherwise the burst rows come from the burst detector, when there is one.
 */
export function statsRows(runs: CompareRun[]): StatsRow[] {
  const value = (f: (r: CompareRun & {stats: SpikeStatistics}) => string) =>
    runs.map((r) => (r.stats ? f(r as CompareRun & {stats: SpikeStatistics}) : "—"));
  const rows: StatsRow[] = [];
  if (runs.length && runs.every((r) => !r.stats || r.pattern)) {
    rows.push({
      label: "Firing pattern",
      note: `the library's classifier (${FIRING_PATTERNS.join(", ")})`,
      values: runs.map((r) => r.pattern?.pattern ?? "—")
    });
  }
  rows.push(
    {
      label: "Spikes",
      note: "number of spikes from the stimulus onset to the end of the run",
      values: value((r) => String(r.stats.count))
    },
    {
      label: "Rate (Hz)",
      note: "all spikes of the run ÷ the time simulated, over [0, time reached], as in the explorer",
      values: value((r) => fmt(r.rate, 3))
    },
    {
      label: "First-spike latency (ms)",
      note: "from the stimulus onset to the first spike",
      values: value((r) => fmt(r.stats.latency, 3))
    },
    {
      label: "Mean ISI (ms)",
      note: "mean inter-spike interval; needs 2 spikes",
      values: value((r) => fmt(r.stats.meanIsi, 3))
    },
    {
      label: "CV of ISIs",
      note: "standard deviation ÷ mean of the intervals; needs 3 spikes",
      values: value((r) => fmt(r.stats.cv, 2))
    },
    {
      label: "Adaptation index",
      note: "mean of (ISIₙ₊₁ − ISIₙ) ÷ (ISIₙ₊₁ + ISIₙ) over all the intervals: positive when firing slows; needs 3 spikes",
      values: value((r) => indexText(r.stats.adaptation))
    }
  );
  const decided = runs.length > 0 && runs.every((r) => !r.stats || r.decision);
  if (decided) {
    const late = (r: CompareRun) =>
      r.decision && "late" in r.decision && r.decision.late ? indexText(r.decision.late.adaptation) : "—";
    rows.push(
      {
        label: "Late adaptation index",
        note: `the same over the second half of the intervals, where the classifier tells tonic from adapting (adapting from ${ADAPTING_MIN_INDEX}); the first intervals after onset reflect the start from rest`,
        values: value(late)
      },
      {
        label: "Bursts",
        note: "bursts the classifier counted (an initial doublet that settles into regular firing is not one)",
        values: value((r) => String(classifierBursts(r.decision!).count))
      },
      {
        label: "Spikes per burst",
        note: "the classifier's: the median for a bursting train",
        values: value((r) => fmt(classifierBursts(r.decision!).perBurst, 3))
      }
    );
  } else if (runs.length && runs.every((r) => !r.stats || r.bursts)) {
    rows.push(
      {
        label: "Bursts",
        note: "groups of spikes found by the library's burst detector",
        values: value((r) => (r.bursts ? String(r.bursts.count) : "—"))
      },
      {
        label: "Spikes per burst",
        note: "mean number of spikes in a burst",
        values: value((r) => fmt(r.bursts?.meanSize ?? null, 3))
      }
    );
  }
  if (runs.some((r) => r.before > 0)) {
    rows.push({
      label: "Spikes before onset",
      note: "not included above",
      values: runs.map((r) => (r.stats ? String(r.before) : "—"))
    });
  }
  return rows;
}

/** An adaptation index to 2 digits; "0" for a regular train that differs from 0 only by rounding (−2.2e−7). */
function indexText(x: number | null): string {
  return x !== null && Math.abs(x) < 5e-4 ? "0" : fmt(x, 2);
}

/** The time axis every chart shares: [0, the stimulus's duration]. */
export function sharedDomain(comparison: Comparison): [number, number] {
  return [0, comparison.stimulus?.duration ?? 1];
}
