/**
 * The one runner every page's simulations go through (the explorer, compare, the 2007 cells, the zoo, the
 * tutorial). A run whose cost is known to fit in a frame runs at once on the main thread, so a slider drag
 * redraws in the same frame; any other run goes to a Web Worker, so the page stays responsive. The main-thread
 * cost is predicted by the page (`predictMs`; Infinity for a run whose cost has no bound known in advance, such
 * as the adaptive method's) and corrected by what the main-thread runs actually cost on this machine.
 *
 * - **Newest wins**: at most one run is in the worker and at most one waits for it. A request that arrives
 *   while one waits replaces it (the replaced one rejects with Cancelled, never runs); a run in the worker that
 *   has gone on for more than {@link RESTART_MS} is stopped (the worker is terminated and a fresh one starts)
 *   when a newer request arrives, and a shorter one is left to finish, its result discarded. Once worker runs
 *   take longer than that (a drag over long runs), a replacing request waits for the requests to pause
 *   ({@link QUIET_MS}) and for the worker, whose run is stopped only when it is expected to go on for more
 *   than {@link FINISH_MS}: a worker that has run before runs again much faster than a fresh one.
 * - **A queue of keys**: the newest wins among requests of one key (`run(request, {key})`; without a key,
 *   among all requests), while requests of different keys all run, one after the other in the order they
 *   came. A page with many independent runs (the zoo's panels, the 2007 cards) gives each its own key: every
 *   run happens, and a card whose control moves again replaces only its own waiting run.
 * - **A budget in time**: a worker run still going after {@link BUDGET_MS} is stopped, and its promise rejects
 *   with {@link OverBudget}, whose message says so plainly and what to change; the runs queued after it go on
 *   in a fresh worker. Every run has its own budget, counted from when it starts.
 * - **Cancellable as a whole**: `close()` stops the run in the worker and rejects every waiting one. The worker is
 *   terminated, or, for a page whose worker can be told to stop between steps (`cancelInWorker`), kept.
 * - **Honest status**: where the last run happened (worker or main thread) and, when a worker was wanted but
 *   could not be used, why (workerRunner.ts's WorkerJobs.fallbackReason).
 */
import {Cancelled, WorkerJobs, type Fallback, type Progress} from "./workerRunner.js";

/** A run predicted to take longer than this (ms) on the main thread goes to the worker. */
export const FRAME_MS = 10;
/**
 * A worker run older than this (ms) is terminated when a newer request arrives, and so is a younger one that is
 * expected to go on for longer than this (the last worker run took that long): starting the newer run in a
 * fresh worker then settles sooner than finishing a result nobody will see.
 */
export const RESTART_MS = 150;
/**
 * When runs take longer than RESTART_MS, a request that replaces another (a drag) waits until no newer one has
 * come for this long (ms) before it starts: a run started between a drag's events could only be stopped again.
 */
export const QUIET_MS = 60;
/**
 * When runs take longer than RESTART_MS, a superseded worker run is left to finish (its result discarded) unless
 * it is expected to go on for longer than this (ms): the engine has compiled the integrator and grown its heap
 * in that worker, which then runs a million-sample run in about 350 ms against 550 ms in a fresh one.
 */
export const FINISH_MS = 1000;
/** A worker run still going after this long (ms) is stopped with {@link OverBudget}. */
export const BUDGET_MS = 10_000;

/** Main-thread runs not learnt from (the engine is still compiling), and the most the learning may scale by. */
const WARM_UP_RUNS = 3;
const MAX_CORRECTION = 4;

/** The rejection of a run stopped because it went over its time budget; the message is for the reader. */
export class OverBudget extends Error {
  constructor(
    readonly budgetMs: number,
    advice: string
  ) {
    super(`This run was stopped after ${budgetMs / 1000} s, its time budget: ${advice}`);
  }
}

/** Whether a run's rejection is a stop at the time budget. */
export function isOverBudget(error: unknown): error is OverBudget {
  return error instanceof OverBudget;
}

/** Where a run happened. */
export type RunPlace = "main thread" | "worker";

/** The runner's status as a page shows it. */
export interface RunnerStatus {
  /** A run is in the worker (or waiting for it). */
  busy: boolean;
  /** The duration (ms of model time) of the run being computed, when busy, else of the last one. */
  duration: number;
  /** Where the last run started happened (or is happening). */
  place: RunPlace;
  /** Why runs meant for the worker run on the main thread (no worker, or it failed or did not answer); else null. */
  fallback: string | null;
}

/** How a page describes its requests to the runner. */
export interface SharedRunnerOptions<Req> {
  /** Predicted main-thread cost (ms) before the machine's correction; Infinity: always in the worker. */
  predictMs: (request: Req) => number;
  /** The model time (ms) a request covers, for the status line; default 0. */
  duration?: (request: Req) => number;
  /** What to change when a request goes over the budget (reader-facing). */
  advice?: (request: Req) => string;
  /** The time budget of a worker run (ms); default {@link BUDGET_MS}. */
  budgetMs?: number;
  /** How long a new worker may take to answer at all (ms) before the main thread takes over. */
  answerMs?: number;
  /**
   * Stop a superseded or closed worker run by a message, keeping the worker for the next runs (a worker served by
   * workerRunner.ts's serveSteps), instead of terminating it; a run over its budget still terminates it.
   */
  cancelInWorker?: boolean;
}

const DEFAULT_ADVICE = "choose a smaller duration or another method";

/** How a page tells requests apart and hears a run's progress. */
export interface RunOptions {
  /**
   * Requests of one key replace each other (the newest wins); requests of different keys queue and all run.
   * Default: one key for every request, so the newest request wins.
   */
  key?: string;
  /** Called as a worker run advances (`done` of `total`), when its `execute` reports progress. */
  progress?: Progress;
}

/** The key of requests run without one: they all replace each other. */
const NEWEST = "";

interface Waiting<Req, Res> {
  request: Req;
  key: string;
  progress: Progress;
  resolve: (result: Res) => void;
  reject: (error: unknown) => void;
}

export class SharedRunner<Req, Res> {
  protected readonly jobs: WorkerJobs<Req, Res>;
  readonly #execute: (request: Req, progress: Progress) => Res;
  readonly #options: SharedRunnerOptions<Req>;
  /** Measured / predicted cost of main-thread runs (a running average; 1 until measured). */
  #correction = 1;
  #timed = 0;
  #inFlight: {started: number; key: string; timer: ReturnType<typeof setTimeout>} | null = null;
  /** The requests waiting for the worker, in the order they came (at most one per key). */
  #waiting: Waiting<Req, Res>[] = [];
  #listeners = new Set<(status: RunnerStatus) => void>();
  #place: RunPlace = "main thread";
  #duration = 0;
  /** How long the last worker run that finished took (ms), to tell how long the one in the worker may go on. */
  #lastWorkerMs = 0;
  /** Set while a replacing request waits for the requests to pause before it starts. */
  #quiet: ReturnType<typeof setTimeout> | null = null;

  /**
   * @param fallback - runs a request on the main thread when there is no worker (default: `execute` in one task
   *   of its own); see workerRunner.ts's `slicedRunner` for a computation that can be cut into short tasks.
   */
  constructor(
    makeWorker: () => Worker | null,
    execute: (request: Req, progress: Progress) => Res,
    options: SharedRunnerOptions<Req>,
    fallback?: Fallback<Req, Res>
  ) {
    this.#execute = execute;
    this.#options = options;
    this.jobs = new WorkerJobs(
      makeWorker,
      execute,
      options.answerMs,
      fallback,
      options.cancelInWorker ? "message" : "terminate"
    );
  }

  /** Calls `listener` now, with the current status, and whenever a run starts or ends. */
  onStatus(listener: (status: RunnerStatus) => void): void {
    this.#listeners.add(listener);
    listener(this.status());
  }

  /** Whether `request` will run on the main thread (at once) rather than in the worker. */
  runsAtOnce(request: Req): boolean {
    return this.#options.predictMs(request) * this.#correction <= FRAME_MS;
  }

  /**
   * Runs `request`: the result at once (a value) when the run fits in a frame (or an attempt within a frame's
   * work finished, see {@link attemptAtOnce}), else a promise of it from the worker. An error of `execute` is thrown (or rejects) as is; a request overtaken by a newer one of its key
   * rejects with {@link Cancelled}; a worker run over the time budget rejects with {@link OverBudget}.
   */
  run(request: Req, {key = NEWEST, progress = () => {}}: RunOptions = {}): Res | Promise<Res> {
    const atOnce = this.runsAtOnce(request);
    const start = performance.now();
    const result = atOnce ? this.executeAtOnce(request) : this.attemptAtOnce(request);
    if (result !== undefined) {
      if (atOnce) this.#learn(request, performance.now() - start);
      // A newer request overtakes anything queued of its key; a long run of its key in the worker is stopped.
      this.#dropWaiting(key);
      this.#stopIfLong(key);
      this.#place = "main thread";
      this.#duration = this.#options.duration?.(request) ?? 0;
      this.#notify();
      return result;
    }
    return new Promise<Res>((resolve, reject) => {
      const replacing = this.#inFlight?.key === key || this.#waiting.some((w) => w.key === key);
      this.#dropWaiting(key);
      this.#waiting.push({request, key, progress, resolve, reject});
      this.#stopIfLong(key);
      if (replacing && this.#lastWorkerMs > RESTART_MS) this.#pumpWhenQuiet();
      else this.#pump();
    });
  }

  /** {@link run}, always as a promise (an error of a run at once rejects it): for pages that await every run. */
  runLater(request: Req, options: RunOptions = {}): Promise<Res> {
    try {
      return Promise.resolve(this.run(request, options));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * Stops everything (the page is going away): every waiting run rejects with {@link Cancelled}. The worker is
   * terminated, unless runs are cancelled in the worker (`cancelInWorker`) and `terminate` is false.
   */
  close({terminate = false}: {terminate?: boolean} = {}): void {
    if (this.#quiet !== null) clearTimeout(this.#quiet);
    this.#quiet = null;
    this.#dropWaiting(null);
    this.#stopWorker(terminate);
    this.#notify();
  }

  /** The status as {@link onStatus} reports it. */
  status(): RunnerStatus {
    const busy = this.#inFlight !== null || this.#waiting.length > 0;
    return {busy, duration: this.#duration, place: this.#place, fallback: this.jobs.fallbackReason};
  }

  /** Runs a request at once on the main thread (a subclass may prepare it, e.g. with reusable buffers). */
  protected executeAtOnce(request: Req): Res {
    return this.#execute(request, () => {});
  }

  /**
   * Tries, at once on the main thread, a request whose cost is not known in advance, with a bound on its work
   * that fits in a frame: its result, or undefined when it did not finish within the bound (it then goes to the
   * worker). By default nothing is tried.
   */
  protected attemptAtOnce(_request: Req): Res | undefined {
    return undefined;
  }

  #learn(request: Req, ms: number) {
    const predicted = this.#options.predictMs(request);
    // Only runs long enough to time say anything about the machine, and not the first ones, which are slow
    // while the engine compiles the integrator.
    if (++this.#timed <= WARM_UP_RUNS || predicted < 0.5 || ms < 0.5) return;
    this.#correction = Math.min(MAX_CORRECTION, Math.max(0.2, 0.7 * this.#correction + 0.3 * (ms / predicted)));
  }

  /** Rejects the waiting requests of `key` (of every key: null) with Cancelled. */
  #dropWaiting(key: string | null) {
    const dropped = this.#waiting.filter((w) => key === null || w.key === key);
    if (!dropped.length) return;
    this.#waiting = this.#waiting.filter((w) => !dropped.includes(w));
    for (const w of dropped) w.reject(new Cancelled());
  }

  /**
   * Stops the worker's run if it is of `key` (a newer one replaces it) and has gone on for more than RESTART_MS;
   * once runs take longer than that, only if it is expected to end more than FINISH_MS from now (or from when
   * it should have ended, as long as the last worker run took).
   */
  #stopIfLong(key: string) {
    if (this.#inFlight?.key !== key) return;
    const age = performance.now() - this.#inFlight.started;
    const slowRuns = this.#lastWorkerMs > RESTART_MS;
    if (slowRuns ? Math.abs(this.#lastWorkerMs - age) > FINISH_MS : age > RESTART_MS) this.#stopWorker();
  }

  /** Stops the worker's run: terminates the worker, or with `cancelInWorker` (and not `terminate`) tells it to. */
  #stopWorker(terminate = false) {
    if (this.#inFlight) clearTimeout(this.#inFlight.timer);
    this.#inFlight = null;
    if (terminate) this.jobs.cancel(true);
    else this.jobs.cancel();
  }

  /** Starts the next waiting request once no newer request has come for QUIET_MS. */
  #pumpWhenQuiet() {
    if (this.#quiet !== null) clearTimeout(this.#quiet);
    this.#quiet = setTimeout(() => {
      this.#quiet = null;
      this.#pump();
    }, QUIET_MS);
    this.#notify();
  }

  #pump() {
    if (this.#inFlight || this.#quiet !== null || !this.#waiting.length) return this.#notify();
    const {request, key, progress, resolve, reject} = this.#waiting.shift()!;
    const budgetMs = this.#options.budgetMs ?? BUDGET_MS;
    const job = this.jobs.run(request, progress);
    const flight = {
      started: performance.now(),
      key,
      // Over budget: the worker is terminated (its job then rejects with Cancelled, which nobody hears, since
      // this promise has already settled) and the next request, if any, starts in a fresh one. Even a worker that
      // can be told to stop is terminated: it may be stuck in one long step.
      timer: setTimeout(() => {
        if (this.#inFlight !== flight) return;
        this.#stopWorker(true);
        reject(new OverBudget(budgetMs, this.#options.advice?.(request) ?? DEFAULT_ADVICE));
        this.#pump();
      }, budgetMs)
    };
    this.#inFlight = flight;
    this.#place = this.jobs.fallbackReason === null ? "worker" : "main thread";
    this.#duration = this.#options.duration?.(request) ?? 0;
    this.#notify();
    // The run is over as soon as its result is in (before anyone hears of it): a request made in reply to the
    // result must not take the finished run for one still in the worker.
    const over = () => {
      clearTimeout(flight.timer);
      if (this.#inFlight === flight) this.#inFlight = null;
    };
    job
      .then(
        (result) => {
          this.#lastWorkerMs = performance.now() - flight.started;
          over();
          resolve(result);
        },
        (error: unknown) => {
          over();
          reject(error);
        }
      )
      .finally(() => {
        // The fallback may have been taken while the job waited (a worker that failed to load or to answer).
        if (this.jobs.fallbackReason !== null) this.#place = "main thread";
        this.#pump();
      });
  }

  #notify() {
    const status = this.status();
    for (const listener of this.#listeners) listener(status);
  }
}
