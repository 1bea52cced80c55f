/**
 * Where the explorer's runs happen. A run that fits in a frame runs at once on the main thread, so a slider
 * drag redraws in the same frame; a longer one (a 10-s duration, a fine step) runs in a Web Worker so the page
 * stays responsive. Which is which is predicted from the number of samples and the method, corrected by what
 * the main-thread runs actually cost on this machine.
 *
 * The newest request always wins: at most one run is in the worker and at most one waits for it. A request
 * that arrives while one waits replaces it (the replaced one rejects with Cancelled, never runs); a run in the
 * worker that has gone on for more than {@link RESTART_MS} is stopped (the worker is terminated and a fresh one
 * starts) when a newer request arrives, and a shorter one is left to finish, its result discarded.
 */
import type {SimulateOptions, Trace, TraceColumns} from "../lib/index.js";
import {simulate} from "../lib/index.js";
import {gridSteps} from "../lib/simulate.js";
import {Cancelled, WorkerJobs} from "./workerRunner.js";

/** A run predicted to take longer than this (ms) on the main thread goes to the worker. */
export const FRAME_MS = 10;
/** A worker run older than this (ms) is terminated when a newer request arrives. */
export const RESTART_MS = 150;

/** Main-thread runs not learnt from (the engine is still compiling), and the most the learning may scale by. */
const WARM_UP_RUNS = 3;
const MAX_CORRECTION = 4;

/** Rough cost of one recorded sample of each method (ns), before the machine's own correction. */
const NS_PER_SAMPLE: Record<string, number> = {
  euler: 30,
  paper2003: 30,
  paper2004: 30,
  rk4: 110,
  adaptive: 160
};

/** The predicted main-thread cost of a run (ms), before the correction. */
export function predictedMs(options: Pick<SimulateOptions, "duration" | "dt" | "method">): number {
  const dt = options.dt ?? 2 ** -5;
  const samples = (options.duration ?? 0) / dt + 1;
  return (samples * (NS_PER_SAMPLE[options.method ?? "adaptive"] ?? 160)) / 1e6;
}

/** What the worker and the main thread execute: the library's simulate. */
export function executeRun(options: SimulateOptions): Trace {
  return simulate(options);
}

/** Where the last run happened, for the page's status line. */
export type RunPlace = "main thread" | "worker";

/** The runner's status as the page shows it. */
export interface RunnerStatus {
  /** A run is in the worker (or waiting for it). */
  busy: boolean;
  /** The duration (ms of model time) of the run being computed, when busy. */
  duration: number;
  place: RunPlace;
}

export class ExplorerRunner {
  readonly #jobs: WorkerJobs<SimulateOptions, Trace>;
  /** Measured / predicted cost of main-thread runs (a running average; 1 until measured). */
  #correction = 1;
  #timed = 0;
  #inFlight: {started: number; job: Promise<Trace>} | null = null;
  #waiting: {options: SimulateOptions; resolve: (t: Trace) => void; reject: (e: unknown) => void} | null = null;
  #listeners = new Set<(status: RunnerStatus) => void>();
  #place: RunPlace = "main thread";
  #duration = 0;
  /**
   * Two sets of trace columns the main-thread runs write into, in turn: a slider drag then allocates (and
   * collects) no megabyte per step, and the previous run's trace stays intact while the next one is computed.
   */
  #columns: (TraceColumns | null)[] = [null, null];
  #turn = 0;

  constructor(makeWorker: () => Worker | null) {
    this.#jobs = new WorkerJobs(makeWorker, executeRun);
  }

  /** Calls `listener` now, with the current status, and whenever a worker run starts or ends. */
  onStatus(listener: (status: RunnerStatus) => void): void {
    this.#listeners.add(listener);
    listener(this.#status());
  }

  /** Whether `options` will run on the main thread (at once) rather than in the worker. */
  runsAtOnce(options: SimulateOptions): boolean {
    return predictedMs(options) * this.#correction <= FRAME_MS;
  }

  /**
   * Runs `options`: the trace at once (a value) when the run fits in a frame, else a promise of it from the
   * worker. A library error is thrown (or rejects) as is; a request overtaken by a newer one rejects with
   * {@link Cancelled}.
   */
  run(options: SimulateOptions): Trace | Promise<Trace> {
    if (this.runsAtOnce(options)) {
      // A newer request overtakes anything queued; a long run in the worker is stopped.
      this.#dropWaiting();
      if (this.#inFlight && performance.now() - this.#inFlight.started > RESTART_MS) this.#stopWorker();
      const start = performance.now();
      const trace = executeRun({...options, columns: this.#columnsFor(options) ?? undefined});
      this.#learn(options, performance.now() - start);
      this.#place = "main thread";
      this.#notify();
      return trace;
    }
    return new Promise<Trace>((resolve, reject) => {
      this.#dropWaiting();
      this.#waiting = {options, resolve, reject};
      if (this.#inFlight && performance.now() - this.#inFlight.started > RESTART_MS) this.#stopWorker();
      this.#pump();
    });
  }

  /** Stops everything (the page is going away). */
  close(): void {
    this.#dropWaiting();
    this.#jobs.cancel();
    this.#inFlight = null;
  }

  /**
   * The next set of columns, grown to hold every sample of `options` (with two to spare); null when the options
   * do not describe a grid (simulate then reports what is wrong with them).
   */
  #columnsFor(options: SimulateOptions): TraceColumns | null {
    let n: number;
    try {
      n = gridSteps(options.duration as number, options.dt ?? 2 ** -5, 2) + 1;
    } catch {
      return null;
    }
    if (!(n > 0)) return null;
    this.#turn ^= 1;
    let columns = this.#columns[this.#turn];
    if (!columns || columns.t.length < n) {
      const column = () => new Float64Array(n);
      columns = this.#columns[this.#turn] = {t: column(), v: column(), u: column(), I: column()};
    }
    return columns;
  }

  #learn(options: SimulateOptions, ms: number) {
    const predicted = predictedMs(options);
    // Only runs long enough to time say anything about the machine, and not the first ones, which are slow
    // while the engine compiles the integrator.
    if (++this.#timed <= WARM_UP_RUNS || predicted < 0.5 || ms < 0.5) return;
    this.#correction = Math.min(MAX_CORRECTION, Math.max(0.2, 0.7 * this.#correction + 0.3 * (ms / predicted)));
  }

  #dropWaiting() {
    this.#waiting?.reject(new Cancelled());
    this.#waiting = null;
  }

  #stopWorker() {
    this.#jobs.cancel();
    this.#inFlight = null;
  }

  #pump() {
    if (this.#inFlight || !this.#waiting) return this.#notify();
    const {options, resolve, reject} = this.#waiting;
    this.#waiting = null;
    const job = this.#jobs.run(options);
    const flight = {started: performance.now(), job};
    this.#inFlight = flight;
    this.#place = "worker";
    this.#duration = options.duration ?? 0;
    this.#notify();
    job.then(resolve, reject).finally(() => {
      if (this.#inFlight === flight) this.#inFlight = null;
      this.#pump();
    });
  }

  #status(): RunnerStatus {
    const busy = this.#inFlight !== null || this.#waiting !== null;
    return {busy, duration: this.#duration, place: this.#place};
  }

  #notify() {
    const status = this.#status();
    for (const listener of this.#listeners) listener(status);
  }
}
