/**
 * Runs f–I sweeps through the pages' shared runner (sharedRunner.ts): in a Web Worker (sweepSteps, served in
 * slices by excitability.worker.ts), reporting progress as it goes, within the runner's time budget. Starting a
 * new sweep stops the one in flight (cancellation), and the cancelled sweep's promise rejects with Cancelled
 * (the job protocol of workerRunner.ts), so a page never draws a stale result. One worker serves every sweep of
 * a runner: a cancel is a message it reads between two currents, since starting a worker (and loading its
 * modules) costs the page's main thread tens of ms, at every step of a slider. While requests come quickly (a
 * slider moving), a sweep waits for them to pause before it starts (SWEEP_QUIET_MS). Requests are plain data.
 *
 * Without workers the sweep runs on the page in short slices (sweepSteps, built on the library's resumable
 * fICurveSteps), so no task holds the main thread for long, and a new sweep stops the old one there too.
 */
import {excitabilityClass, excitabilityClassSteps, type ExcitabilityClass} from "../lib/analysis/excitabilityClass.js";
import {fICurve, fICurveSteps, type FICurve, type FICurveOptions} from "../lib/analysis/fICurve.js";
import {SharedRunner, isOverBudget} from "./sharedRunner.js";
import {Cancelled, isCancelled, slicedRunner, type Progress} from "./workerRunner.js";

export {Cancelled} from "./workerRunner.js";

/**
 * A sweep request: fICurve's options without the callback (functions cannot cross to a worker); with
 * `classify`, the worker also runs excitabilityClass on the same neuron after the sweep.
 */
export type SweepRequest = Omit<FICurveOptions, "onProgress"> & {classify?: boolean};

/** A finished sweep: the curve, and the class verdict if it was asked for. */
export interface SweepResult {
  curve: FICurve;
  verdict: ExcitabilityClass | null;
}

/** The state of a sweep as a page shows it. */
export type SweepState = (
  | {status: "running"; done: number; total: number}
  | {status: "done"; result: SweepResult}
  | {
      status: "error";
      message: string;
      /** The sweep was stopped at its time budget (the message says so). */ stopped?: boolean;
    }
) & {
  /** Why the sweep runs on the main thread instead of a worker (none, failed, silent); null in the worker. */
  fallback: string | null;
};

/** Runs one sweep (the worker's work; also the main-thread fallback). */
export function executeSweep({classify, ...request}: SweepRequest, progress: Progress): SweepResult {
  const curve = fICurve({...request, onProgress: progress});
  const {params, equation, method, dt, vPeak} = request;
  return {curve, verdict: classify ? excitabilityClass({params, equation, method, dt, vPeak}) : null};
}

/**
 * {@link executeSweep} one step at a time (a step per current, then one per run of the verdict): the main-thread
 * fallback runs it in short slices. It returns what executeSweep returns for the same request.
 */
export function* sweepSteps(
  {classify, ...request}: SweepRequest,
  progress: Progress
): Generator<unknown, SweepResult, undefined> {
  const curve = yield* fICurveSteps({...request, onProgress: progress});
  const {params, equation, method, dt, vPeak} = request;
  return {curve, verdict: classify ? yield* excitabilityClassSteps({params, equation, method, dt, vPeak}) : null};
}

/** What to change when a sweep goes over the time budget (reader-facing). */
export const SWEEP_ADVICE = "this neuron's sweep takes too long on this device; choose another neuron or value of b";

/**
 * A sweep asked for less than this long (ms) after the one before waits until no newer one has come for this
 * long, then starts (a sweep after a rest starts at once). A sweep takes a few hundred ms, so one started while a
 * slider still moves would be cancelled before it ends, and its computing is not free for the page: on a
 * two-core machine a worker computing beside the page made each step of a slider cost the main thread two to
 * three times as much (measured on chapter 8's b slider: about 15 ms of work per step with no sweep running, 35
 * to 48 ms with one).
 */
export const SWEEP_QUIET_MS = 250;

/** A runner of one sweep at a time. */
export interface SweepRunner {
  /**
   * Starts a sweep, cancelling any sweep in flight (or waiting to start). Resolves to the curve; rejects with
   * {@link Cancelled} if it was cancelled by a later `run` or by `cancel`, and with the library's message on bad
   * input.
   */
  run(request: SweepRequest, onProgress?: (done: number, total: number) => void): Promise<SweepResult>;
  /** Stops the sweep in flight, if any (its promise rejects with {@link Cancelled}). */
  cancel(): void;
  /** Stops the sweep in flight and frees the worker (the page is going away); a later sweep starts a new one. */
  close?(): void;
  /** Why sweeps run on the main thread instead of a worker; null while the worker is used. */
  fallbackReason?(): string | null;
}

/**
 * A runner that sweeps in one worker from `makeWorker` (e.g. excitabilityWorker of workers.ts, which serves
 * sweepSteps with workerRunner.ts's serveSteps), kept from sweep to sweep; a sweep still going after `budgetMs`
 * (default: the shared runner's) is stopped with OverBudget and its worker terminated (the next sweep starts a
 * fresh one). Without a worker, sweeps run on the page in slices of `sliceMs` (default workerRunner.ts's SLICE_MS).
 * A sweep asked for within `quietMs` of the one before waits for the requests to pause (see SWEEP_QUIET_MS).
 */
export function sweepRunner(
  makeWorker: () => Worker | null,
  budgetMs?: number,
  sliceMs?: number,
  quietMs = SWEEP_QUIET_MS
): SweepRunner {
  const runner = new SharedRunner<SweepRequest, SweepResult>(
    makeWorker,
    executeSweep,
    {predictMs: () => Infinity, advice: () => SWEEP_ADVICE, budgetMs, cancelInWorker: true},
    slicedRunner(sweepSteps, sliceMs)
  );
  let lastAsked = -Infinity;
  /** The sweep waiting for the requests to pause, if any. */
  let waiting: {timer: ReturnType<typeof setTimeout>; reject: (error: unknown) => void} | null = null;
  const stop = () => {
    if (waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(new Cancelled());
      waiting = null;
    }
    // The sweep in flight rejects now; its worker drops it before its next current.
    runner.close();
  };
  const start = (request: SweepRequest, onProgress?: Progress) =>
    runner.run(request, {progress: onProgress}) as Promise<SweepResult>;
  const run = (request: SweepRequest, onProgress?: Progress) => {
    stop();
    const now = performance.now();
    const rested = now - lastAsked >= quietMs;
    lastAsked = now;
    if (rested) return start(request, onProgress);
    return new Promise<SweepResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting = null;
        start(request, onProgress).then(resolve, reject);
      }, quietMs);
      waiting = {timer, reject};
    });
  };
  return {
    run,
    cancel: stop,
    close: () => {
      stop();
      runner.close({terminate: true});
    },
    fallbackReason: () => runner.status().fallback
  };
}

/** A running sweep's state: its progress. */
export type SweepRunning = Extract<SweepState, {status: "running"}>;

/**
 * A sweep as a stream of states for a reactive page cell: "running" with the progress, then "done" with the
 * result or "error" with the message. A sweep cancelled by a later one simply ends the stream.
 *
 * With `onProgress`, the progress goes to it instead (from the first "running" state on), and the stream yields
 * only the first "running" state and the outcome: the cells that read the stream then run twice per sweep, not
 * at every progress message, while the page updates its progress bar in place.
 */
export async function* sweepStates(
  runner: SweepRunner,
  request: SweepRequest,
  onProgress?: (state: SweepRunning) => void
): AsyncGenerator<SweepState> {
  const queue: SweepState[] = [];
  let wake: (() => void) | null = null;
  let ended = false;
  const where = () => runner.fallbackReason?.() ?? null;
  const push = (state: SweepState | null) => {
    if (state) queue.push(state);
    else ended = true;
    wake?.();
    wake = null;
  };
  const running = (done: number, total: number) => {
    const state: SweepRunning = {status: "running", done, total, fallback: where()};
    if (onProgress) onProgress(state);
    else push(state);
  };
  runner
    .run(request, running)
    .then(
      (result) => push({status: "done", result, fallback: where()}),
      (error: unknown) => {
        if (!isCancelled(error))
          push({
            status: "error",
            message: error instanceof Error ? error.message : String(error),
            ...(isOverBudget(error) ? {stopped: true} : {}),
            fallback: where()
          });
      }
    )
    .finally(() => push(null));
  const first: SweepRunning = {status: "running", done: 0, total: 1, fallback: where()};
  onProgress?.(first);
  yield first;
  for (;;) {
    while (queue.length) yield queue.shift()!;
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}
