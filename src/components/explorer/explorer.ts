/**
 * The explorer's logic, kept out of the page: from a state to simulate options (the stimulus panel's
 * checkboxes combined as a sum), a run that never throws, and the phase-plane analysis at one time.
 */
import type * as Library from "../../lib/index.js";
import type {
  Equilibrium,
  Preset,
  Separatrix,
  SimulateOptions,
  SpikeStatistics,
  Stimulus,
  StimulusPart,
  Trace
} from "../../lib/index.js";
import {
  STIMULUS_KEYS,
  isPowerOfTwoDt,
  presetOf,
  presetState,
  type ExplorerState,
  type PresetSet
} from "../../state/urlState.js";
import {isCancelled} from "../../workers/workerRunner.js";
import {plotColumns} from "../charts/chart.js";
import {MARGINS as PLANE_MARGINS} from "../charts/phasePlane.js";
import {planeHeight} from "../charts/interactivePhasePlane.js";
import {prepareDisplay, type DisplaySpec, type RunDisplay} from "./runDisplay.js";
import {nextTask} from "../nextTask.js";

/** What the explorer needs from a class preset (the library's CLASSES entries). */
export type ExplorerPreset = Preset;

/** The library functions the explorer calls (passed in, so the page and the tests share one instance). */
export type ExplorerLibrary = Pick<
  typeof Library,
  "simulate" | "compileStimulus" | "equilibria" | "bifurcationCurrents" | "spikeStatistics" | "separatrix"
>;

export type {Equilibrium, Trace};

/** The spike statistics the readouts show. */
export type SpikeStats = SpikeStatistics;

/** Noise is sampled on its own fixed grid, so changing dt does not change the noise realisation. */
export const NOISE_DT = 0.1;

/** The stimulus of a state: the checked components (and the class's protocol) summed. */
export function stimulusOf(state: ExplorerState, protocol: Stimulus | undefined): Stimulus {
  const parts: StimulusPart[] = [];
  if (state.protocol && protocol !== undefined && protocol !== 0)
    parts.push(typeof protocol === "number" ? {kind: "dc", value: protocol} : protocol);
  if (state.dc) parts.push({kind: "dc", value: state.dcI});
  if (state.step) parts.push({kind: "step", value: state.stepI, start: state.stepOn, end: state.stepOff});
  if (state.pulses) {
    parts.push({
      kind: "pulses",
      amplitude: state.pulseI,
      start: state.pulseOn,
      width: state.pulseW,
      period: state.pulseP,
      count: state.pulseN
    });
  }
  if (state.ramp)
    parts.push({kind: "ramp", from: state.rampI, slope: state.rampS, start: state.rampOn, end: state.rampOff});
  if (state.noise) {
    parts.push({
      kind: "noise",
      mean: state.noiseM,
      sigma: state.noiseS,
      tau: state.noiseTau,
      seed: state.noiseSeed,
      dt: NOISE_DT
    });
  }
  if (state.sine)
    parts.push({kind: "sine", amplitude: state.sineA, frequency: state.sineF, start: state.sineOn, end: state.sineOff});
  if (state.chirp) {
    parts.push({
      kind: "chirp",
      amplitude: state.chirpA,
      f0: state.chirpF0,
      f1: state.chirpF1,
      start: state.chirpOn,
      end: state.chirpOff
    });
  }
  if (parts.length === 0) return 0;
  if (parts.length === 1) return parts[0]; // a class's exact current, e.g. an overlay, as published
  return {kind: "sum", parts};
}

/** The simulate options of a state. */
export function optionsOf(state: ExplorerState, preset: ExplorerPreset): SimulateOptions {
  const options: SimulateOptions = {
    params: {a: state.a, b: state.b, c: state.c, d: state.d},
    v0: state.v0,
    u0: state.u0,
    current: stimulusOf(state, preset.current),
    duration: state.T,
    dt: state.dt,
    method: state.method,
    vPeak: preset.vPeak ?? 30,
    maxSpikes: state.budget
  };
  if (preset.equation !== undefined) options.equation = preset.equation;
  return options;
}

/** The keys the input current depends on (the stimulus panel, the class's protocol, the time grid). */
export const INPUT_KEYS = ["cls", "T", "dt", ...STIMULUS_KEYS] satisfies (keyof ExplorerState)[];

/**
 * The input current of a state on the run's time grid, computed from the stimulus alone: it does not
 * depend on the model, so moving a, b, c, d or the initial state does not redraw I(t).
 */
export interface Input {
  t: Float64Array;
  I: Float64Array;
  /** I at time t (ms), as the stimulus defines it. */
  value: (t: number) => number;
  duration: number;
  /** The message of an error thrown by the library (a bad stimulus), else null. */
  error: string | null;
  /** performance.now() when it was computed, and whether an update has already counted it. */
  start: number;
  claimed: boolean;
}

/** Computes the input current of a state. Never throws: a library error becomes `error`. */
export function inputOf(
  state: Pick<ExplorerState, (typeof INPUT_KEYS)[number]>,
  presets: PresetSet<ExplorerPreset>,
  lib: ExplorerLibrary,
  start = 0
): Input {
  const {input, fill} = prepareInput(state, presets, lib, start);
  fill(0, input.t.length);
  return input;
}

/** Samples of the input filled per main-thread task by {@link inputInSlices} (about 10 ms of work). */
export const INPUT_SLICE = 2 ** 17;

/**
 * {@link inputOf} without a long main-thread task: an input of more than INPUT_SLICE samples (a long run at a
 * small dt) is filled one slice per task. The slices are exact: dt is then 2^−k, so the sample times j·dt and
 * (slice start)·dt + i·dt are the same numbers. Stops early (the result is nobody's) once `invalidation` settles.
 * With `buffers`, an input filled at once writes into them instead of new columns (see {@link InputBuffers}).
 */
export async function inputInSlices(
  state: Pick<ExplorerState, (typeof INPUT_KEYS)[number]>,
  presets: PresetSet<ExplorerPreset>,
  lib: ExplorerLibrary,
  start = 0,
  invalidation?: Promise<unknown>,
  wait: () => Promise<void> = nextTask,
  buffers?: InputBuffers
): Promise<Input> {
  const n = samplesOf(state);
  // An input filled at once may reuse buffers; a sliced one has columns of its own (an older one may still be
  // filling its own between tasks).
  const {input, fill} = prepareInput(state, presets, lib, start, n <= INPUT_SLICE ? buffers : undefined);
  if (n <= INPUT_SLICE || input.error) {
    fill(0, n);
    return input;
  }
  let stale = false;
  void invalidation?.then(() => (stale = true));
  const slice = isPowerOfTwoDt(state.dt) ? INPUT_SLICE : n;
  for (let from = 0; from < n && !input.error; from += slice) {
    await wait();
    if (stale) break;
    fill(from, Math.min(n, from + slice));
  }
  return input;
}

/** The number of samples of a state's input: t = 0, dt, …, up to T. */
function samplesOf(state: Pick<ExplorerState, "T" | "dt">): number {
  return Math.floor(state.T / state.dt + 1e-9) + 1;
}

/**
 * Two sets of input columns, used in turn by inputs filled at once: a drag of a stimulus slider then allocates
 * no fresh columns at each step (writing fresh memory cost about 2 ms a step in Chromium here, and its
 * collection more), and the newest input never overwrites the one before it. A set's t is rewritten only when
 * the sample grid changes. Only the newest input's columns are read (the current chart draws them once per
 * update), so reuse is safe as long as no one keeps an older input's columns.
 */
export class InputBuffers {
  #sets: {t: Float64Array; I: Float64Array; n: number; dt: number}[] = [];
  #turn = 0;

  /** Columns of n samples for the next input; `tReady` when t already holds k·dt for every k. */
  next(n: number, dt: number): {t: Float64Array; I: Float64Array; tReady: boolean} {
    this.#turn ^= 1;
    let set = this.#sets[this.#turn];
    if (!set || set.t.length < n) {
      set = this.#sets[this.#turn] = {t: new Float64Array(n), I: new Float64Array(n), n: -1, dt: NaN};
    }
    const tReady = set.n === n && set.dt === dt;
    [set.n, set.dt] = [n, dt];
    return {t: set.t.subarray(0, n), I: set.I.subarray(0, n), tReady};
  }
}

/** The input's columns and stimulus, compiled, with the fill of samples [from, to) (which records any error). */
function prepareInput(
  state: Pick<ExplorerState, (typeof INPUT_KEYS)[number]>,
  presets: PresetSet<ExplorerPreset>,
  lib: ExplorerLibrary,
  start: number,
  buffers?: InputBuffers
): {input: Input; fill: (from: number, to: number) => void} {
  const n = samplesOf(state);
  const reused = buffers?.next(n, state.dt);
  const t = reused?.t ?? new Float64Array(n);
  const I = reused?.I ?? new Float64Array(n);
  const input: Input = {t, I, value: () => NaN, duration: state.T, error: null, start, claimed: false};
  const failed = (e: unknown) => {
    input.error = e instanceof Error ? e.message : String(e);
    input.value = () => NaN;
  };
  let compiled: ReturnType<ExplorerLibrary["compileStimulus"]>;
  try {
    compiled = lib.compileStimulus(stimulusOf(state as ExplorerState, presetOf(presets, state.cls).current), state.T);
  } catch (e) {
    failed(e);
    return {input, fill: () => {}};
  }
  input.value = (x) => compiled.value(x);
  const fill = (from: number, to: number) => {
    if (!reused?.tReady) for (let k = from; k < to; ++k) t[k] = k * state.dt;
    try {
      compiled.fill(I.subarray(from, to), from * state.dt, state.dt);
    } catch (e) {
      failed(e);
    }
  };
  return {input, fill};
}

/** When an update began: the input's computation if this update made it, else now. */
export function updateStart(input: Input, now: number): number {
  if (input.claimed) return now;
  input.claimed = true;
  return Math.min(input.start, now);
}

/** One update of the explorer: the run (or the error that stopped it) and when the update started. */
export interface Run {
  state: ExplorerState;
  options: SimulateOptions;
  trace: Trace | null;
  /** The message of an error thrown by the library (bad input), else null. */
  error: string | null;
  /**
   * The spike statistics over [0, reached): a run cut short (at its spike budget, or diverging) is described
   * over the time it reached, not the duration asked for.
   */
  stats: SpikeStats | null;
  /** The model time the run reached (ms): the duration, or less if it stopped early. */
  reached: number;
  /** Whether the run stopped before the requested duration. */
  stoppedEarly: boolean;
  /** performance.now() when the update started (for the "explorer:update" measure). */
  start: number;
  /** Set once the update has been measured. */
  measured: boolean;
}

/** The model time a trace reached: its last sample, or its last spike if that is later (ms). */
export function timeReached(trace: Pick<Trace, "t" | "spikes">): number {
  const last = trace.t.length ? trace.t[trace.t.length - 1] : 0;
  const spike = trace.spikes.length ? trace.spikes[trace.spikes.length - 1] : 0;
  return Math.max(last, spike);
}

/**
 * The window a run's rate is taken over, [0, end): `reached` is the model time the run reached (the duration,
 * unless it stopped early at its spike budget or a divergence; a sample grid ending within one step of the
 * duration reached it), and `end` is nudged past a run stopped at a spike so that the half-open window keeps it.
 * The explorer and the comparison page both rate runs over this window.
 */
export function rateWindow(
  trace: Pick<Trace, "t" | "spikes" | "dt">,
  duration: number
): {reached: number; end: number} {
  let reached = timeReached(trace);
  if (reached >= duration - trace.dt) reached = duration;
  const end = reached < duration ? reached * (1 + 4 * Number.EPSILON) : reached;
  return {reached, end: Math.max(end, 1e-9)};
}

/** The Run of a state from its finished trace (or the error that replaced it). Never throws. */
export function finishRun(
  state: ExplorerState,
  options: SimulateOptions,
  outcome: {trace: Trace} | {error: unknown},
  lib: Pick<ExplorerLibrary, "spikeStatistics">,
  start = 0
): Run {
  let trace: Trace | null = null;
  let error: string | null = null;
  let stats: SpikeStats | null = null;
  let reached = 0;
  if ("error" in outcome) error = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  else {
    trace = outcome.trace;
    const window = rateWindow(trace, state.T);
    reached = window.reached;
    try {
      stats = lib.spikeStatistics(trace.spikes, {start: 0, end: window.end});
    } catch (e) {
      error = `${e instanceof Error ? e.message : String(e)} (while computing spike statistics)`;
      trace = null;
    }
  }
  return {
    state,
    options,
    trace,
    error,
    stats,
    reached,
    stoppedEarly: trace !== null && reached < state.T,
    start,
    measured: false
  };
}

/** Runs the model of a state on the main thread. Never throws: a library error becomes `error`. */
export function runState(
  state: ExplorerState,
  presets: PresetSet<ExplorerPreset>,
  lib: ExplorerLibrary,
  start = 0
): Run {
  const options = optionsOf(state, presetOf(presets, state.cls));
  let outcome: {trace: Trace} | {error: unknown};
  try {
    outcome = {trace: lib.simulate(options)};
  } catch (error) {
    outcome = {error};
  }
  return finishRun(state, options, outcome, lib, start);
}

/** What runs the explorer's simulations: at once, or later (a worker); see workers/explorerRunner.ts. */
export interface Runner {
  run(options: SimulateOptions): Trace | Promise<Trace>;
}

/**
 * Runs the model of a state with `runner`: the Run at once when the runner computes it at once, else a promise
 * of it. A library error becomes `error`; a request overtaken by a newer one rejects (the page discards it).
 */
export function startRun(
  state: ExplorerState,
  presets: PresetSet<ExplorerPreset>,
  runner: Runner,
  lib: Pick<ExplorerLibrary, "spikeStatistics">,
  start = 0
): Run | Promise<Run> {
  const options = optionsOf(state, presetOf(presets, state.cls));
  let result: Trace | Promise<Trace>;
  try {
    result = runner.run(options);
  } catch (error) {
    return finishRun(state, options, {error}, lib, start);
  }
  if (!(result instanceof Promise)) return finishRun(state, options, {trace: result}, lib, start);
  return quietlyCancelled(
    result.then(
      (trace) => finishRun(state, options, {trace}, lib, start),
      (error) => {
        if (isCancelled(error)) throw error;
        return finishRun(state, options, {error}, lib, start);
      }
    )
  );
}

/**
 * `promise`, marked as handled: a page cell overtaken by a newer setting before its value was read never adopts
 * its promise, and the Cancelled rejection would otherwise surface as an unhandled rejection (a page error).
 * Whoever does adopt it still sees the rejection.
 */
export function quietlyCancelled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/** The keys that make a state depart from its preset's neuron (the sliders a ghost trace is kept for). */
export const GHOST_KEYS = ["a", "b", "c", "d", "v0", "u0"] as const satisfies (keyof ExplorerState)[];

/**
 * The state whose run is drawn faintly behind the current one: the preset's neuron (its a, b, c, d and start
 * state) under everything else as it is now (stimulus, duration, method), or null while no slider has left the
 * preset.
 */
export function ghostState(state: ExplorerState, presets: PresetSet<ExplorerPreset>): ExplorerState | null {
  const preset = presetState(state.cls, presets);
  if (GHOST_KEYS.every((key) => Math.abs(state[key] - preset[key]) < 1e-9)) return null;
  return referenceState(state, presets);
}

/** The preset's neuron under everything else as it is now: what a ghost run runs. */
function referenceState(state: ExplorerState, presets: PresetSet<ExplorerPreset>): ExplorerState {
  const preset = presetState(state.cls, presets);
  return {...state, ...Object.fromEntries(GHOST_KEYS.map((key) => [key, preset[key]]))};
}

/** What ghost runs need of a runner: whether a run will be computed at once, and the run itself. */
export interface GhostRunner extends Runner {
  runsAtOnce(options: SimulateOptions): boolean;
  /** Where the charts draw its runs (a run computed ahead gets its drawing prepared for it). */
  display?: DisplaySpec | null;
  /** Whether a run is tried at once (it may still end in the worker); runsAtOnce where absent. */
  triesAtOnce?(options: SimulateOptions): boolean;
}

/** The last ghost run, by its options (dragging a slider changes the run, not the ghost). */
let lastGhost: {key: string; run: Run} | null = null;
/** The ghost run in the worker, by its options, until it settles. */
let pendingGhost: {key: string; run: Promise<Run>} | null = null;

/**
 * The ghost of a state (see {@link ghostState}): null while no slider has left the preset; the Run itself when
 * it is cached or computed at once; else (a long run, in the worker) an async generator that yields null, then
 * the Run when it arrives, so the charts are not held up by it. A failed or overtaken ghost run yields nothing
 * more: the charts simply have no ghost.
 */
export function ghostRunOf(
  state: ExplorerState,
  presets: PresetSet<ExplorerPreset>,
  runner: GhostRunner,
  lib: Pick<ExplorerLibrary, "spikeStatistics">
): Run | null | AsyncGenerator<Run | null> {
  const ghost = ghostState(state, presets);
  return ghost ? ghostRun(ghost, presets, runner, lib) : null;
}

/**
 * While the state is its preset's (no ghost drawn), makes ready the ghost that a first step away from the preset
 * will need, so that step does not run two simulations: the page calls it in an idle moment, with the run on
 * screen (`onScreen`), which is kept as that ghost when it is the same run. Cached as {@link ghostRunOf} caches
 * its runs; nothing is done when that ghost is cached already.
 */
export function ghostAhead(
  state: ExplorerState,
  presets: PresetSet<ExplorerPreset>,
  runner: GhostRunner,
  lib: Pick<ExplorerLibrary, "spikeStatistics">,
  onScreen?: Run | null
): void {
  if (ghostState(state, presets)) return;
  const reference = referenceState(state, presets);
  const options = optionsOf(reference, presetOf(presets, reference.cls));
  // Only a run computed at once: a long one is left for the drag (it would keep a worker busy meanwhile, and
  // copying and preparing a million samples here would hold the page as long).
  if (!(runner.triesAtOnce?.(options) ?? runner.runsAtOnce(options))) return;
  // At the preset the run on screen is usually that run (a current or stimulus slider keeps the preset): keep a
  // copy of it (its columns are the runner's, rewritten two runs later) instead of computing it again.
  const key = JSON.stringify(options);
  if (onScreen?.trace && lastGhost?.key !== key && JSON.stringify(onScreen.options) === key) {
    const {t, v, u, I, spikes} = onScreen.trace;
    const trace = {...onScreen.trace, t: t.slice(), v: v.slice(), u: u.slice(), I: I.slice(), spikes: spikes.slice()};
    delete (trace as Trace & {display?: RunDisplay}).display;
    const run = {...onScreen, state: reference, trace};
    prepareDrawing(run, runner.display);
    lastGhost = {key, run};
    return;
  }
  const ghost = ghostRun(reference, presets, runner, lib);
  // A tried run that ended in the worker: drain its generator, which caches the run when it arrives (with its
  // drawing prepared there). A run computed here gets its drawing now, so the first step does not scan it.
  if (ghost && Symbol.asyncIterator in ghost)
    void (async () => {
      for await (const _ of ghost);
    })();
  else if (ghost) prepareDrawing(ghost, runner.display);
}

/**
 * Gives a run computed at once the drawing a worker's run comes back with (runDisplay.ts): the decimated v and
 * u, the plane's extent and thinned path, for the charts' sizes in `spec`.
 */
function prepareDrawing(run: Run, spec: DisplaySpec | null | undefined): void {
  const trace = run.trace as (Trace & {display?: RunDisplay}) | null;
  if (!trace || !spec || trace.display || trace.t.length === 0) return;
  const {c, d} = run.options.params;
  trace.display = prepareDisplay(trace, spec, {c, d, vPeak: run.options.vPeak ?? 30});
}

/** The run of a ghost state: cached, at once, or (in the worker) a generator as {@link ghostRunOf} describes. */
function ghostRun(
  ghost: ExplorerState,
  presets: PresetSet<ExplorerPreset>,
  runner: GhostRunner,
  lib: Pick<ExplorerLibrary, "spikeStatistics">
): Run | null | AsyncGenerator<Run | null> {
  const options = optionsOf(ghost, presetOf(presets, ghost.cls));
  const key = JSON.stringify(options);
  if (lastGhost?.key === key) return lastGhost.run;
  const keep = (run: Run) => {
    if (run.trace) lastGhost = {key, run};
    return run.trace ? run : null;
  };
  // The same ghost already on its way (a slider dragged away from the preset changes the run, not the ghost):
  // wait for it rather than start it again, which would cancel it at every step of the drag.
  const result = pendingGhost?.key === key ? pendingGhost.run : startRun(ghost, presets, runner, lib);
  if (!(result instanceof Promise)) return keep(result);
  pendingGhost = {key, run: result};
  const settled = () => {
    if (pendingGhost?.run === result) pendingGhost = null;
  };
  result.then(settled, settled);
  // The generator may be closed (a newer setting) before it awaits the run; its rejection is then nobody's.
  result.catch(() => {});
  return (async function* () {
    yield null;
    try {
      yield keep(await result);
    } catch {
      // overtaken by a newer setting
    }
  })();
}

/**
 * Where the explorer's charts draw a run of duration T (ms) at these sizes (workbenchLayout.ts): the time
 * charts' pixel columns and axis, the phase plane's plot size. A worker run prepares its drawing for it.
 */
export function displaySpec(sizes: {traceWidth: number; planeWidth: number}, T: number): DisplaySpec {
  const {marginLeft, marginRight, marginTop, marginBottom} = PLANE_MARGINS;
  return {
    columns: plotColumns(sizes.traceWidth),
    x0: 0,
    x1: T,
    planeWidth: Math.max(1, sizes.planeWidth - marginLeft - marginRight),
    planeHeight: Math.max(1, planeHeight(sizes.planeWidth) - marginTop - marginBottom)
  };
}

/** The phase-plane analysis at one time of a run. */
export interface PhaseAnalysis {
  /** The time I is taken at (ms) and whether it is the end of the run. */
  t: number;
  atEnd: boolean;
  /** I at that time (paper units). */
  I: number;
  equilibria: Equilibrium[];
  /** The rest state (the stable equilibrium), if any. */
  rest: Equilibrium | null;
  saddleNode: number | null;
  hopf: number | null;
  /** The saddle's stable manifold (the threshold), or null without a saddle. */
  separatrix: Separatrix | null;
  /** Messages of analysis errors (e.g. a degenerate a = 0), else empty. */
  errors: string[];
}

/** The last separatrix computed, by what it depends on (a, b, I, the equation; not c or d, nor the run). */
let lastSeparatrix: {key: string; lib: ExplorerLibrary; value: Separatrix | null} | null = null;

/** The separatrix, reused while only c, d, the stimulus' shape or the numerics move (it costs ≈ 0.5 ms). */
function separatrixOf(
  lib: ExplorerLibrary,
  params: SimulateOptions["params"],
  I: number,
  equation: SimulateOptions["equation"]
): Separatrix | null {
  const key = JSON.stringify([params.a, params.b, I, equation ?? null]);
  if (lastSeparatrix?.key === key && lastSeparatrix.lib === lib) return lastSeparatrix.value;
  const value = lib.separatrix(params, I, {equation});
  lastSeparatrix = {key, lib, value};
  return value;
}

/**
 * Nullcline current, equilibria, rest state, bifurcation currents and separatrix for a run at time tI (null = the end),
 * with I as the stimulus defines it at that time.
 */
export function analysePhase(run: Run, input: Input, tI: number | null, lib: ExplorerLibrary): PhaseAnalysis | null {
  const trace = run.trace;
  if (!trace || trace.t.length === 0 || input.error) return null;
  const tEnd = run.state.T;
  const atEnd = tI === null || tI >= tEnd;
  const t = atEnd ? tEnd : Math.max(0, tI);
  const I = input.value(t);
  const params = run.options.params;
  const equation = run.options.equation;
  const errors: string[] = [];
  let equilibria: Equilibrium[] = [];
  let saddleNode: number | null = null;
  let hopf: number | null = null;
  try {
    equilibria = lib.equilibria(params, I, equation);
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e));
  }
  try {
    ({saddleNode, hopf} = lib.bifurcationCurrents(params, equation));
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e));
  }
  let separatrix: Separatrix | null = null;
  try {
    separatrix = separatrixOf(lib, params, I, equation);
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e));
  }
  const rest = equilibria.find((e) => e.type === "stable node" || e.type === "stable focus") ?? null;
  return {t, atEnd, I, equilibria, rest, saddleNode, hopf, separatrix, errors};
}

/**
 * Records the "explorer:update" measure of a run once its charts are in the DOM: from the start of the
 * update (the first cell that depends on the controls) to now. Later redraws of the same run (resizing,
 * moving only the phase-plane time) are not updates of the run and are not measured.
 */
export function measureUpdate(run: Run): void {
  if (run.measured) return;
  run.measured = true;
  performance.measure("explorer:update", {start: run.start, end: performance.now()});
}
