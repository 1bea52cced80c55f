/**
 * Runs f–I sweeps through the pages' shared runner (sharedRunner.ts): in a Web Worker (executeSweep in
 * excitability.worker.ts), reporting progress after each current, within the runner's time budget. Starting a
 * new sweep stops the one in flight (cancellation), and the cancelled sweep's promise rejects with Cancelled
 * (the job protocol of workerRunner.ts), so a page never draws a stale result. Each sweep gets a fresh worker,
 * closed when it is done. Requests are plain data.
 *
 * Without workers the sweep runs on the page in short slices (sweepSteps, built on the library's resumable
 * fICurveSteps), so no task holds the main thread for long, and a new sweep stops the old one there too.
 */
import {excitabilityClass, excitabilityClassSteps, type ExcitabilityClass} from "../lib/analysis/excitabilityClass.js";
import {fICurve, fICurveSteps, type FICurve, type FICurveOptions} from "../lib/analysis/fICurve.js";
import {SharedRunner, isOverBudget} from "./sharedRunner.js";
import {isCancelled, slicedRunner, type Progress} from "./workerRunner.js";

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

/** A runner of one sweep at a time. */
export interface SweepRunner {
  /**
   * Starts a sweep, cancelling any sweep in flight. Resolves to the curve; rejects with {@link Cancelled} if it
   * was cancelled by a later `run` or by `cancel`, and with the library's message on bad input.
   */
  run(request: SweepRequest, onProgress?: (done: number, total: number) => void): Promise<SweepResult>;
  /** Stops the sweep in flight, if any (its promise rejects with {@link Cancelled}). */
  cancel(): void;
  /** Why sweeps run on the main thread instead of a worker; null while the worker is used. */
  fallbackReason?(): string | null;
}

/**
 * A runner that starts each sweep in a fresh worker from `makeWorker` (e.g. excitabilityWorker of workers.ts),
 * stopped with OverBudget after `budgetMs` (default: the shared runner's); without a worker, in slices of
 * `sliceMs` (default workerRunner.ts's SLICE_MS).
 */
export function sweepRunner(makeWorker: () => Worker | null, budgetMs?: number, sliceMs?: number): SweepRunner {
  const runner = new SharedRunner<SweepRequest, SweepResult>(
    makeWorker,
    executeSweep,
    {predictMs: () => Infinity, advice: () => SWEEP_ADVICE, budgetMs},
    slicedRunner(sweepSteps, sliceMs)
  );
  let current: Promise<unknown> | null = null;
  const run = (request: SweepRequest, onProgress?: Progress) => {
    // A new sweep stops the old one at once (its worker is terminated), however recently it started.
    runner.close();
    const job = runner.run(request, {progress: onProgress}) as Promise<SweepResult>;
    current = job;
    return job.then(
      (result) => {
        if (current === job) runner.close();
        return result;
      },
      (error: unknown) => {
        if (!isCancelled(error) && current === job) runner.close();
        throw error;
      }
    );
  };
  return {run, cancel: () => runner.close(), fallbackReason: () => runner.status().fallback};
}

/**
 * A sweep as a stream of states for a reactive page cell: "running" with the progress, then "done" with the
 * result or "error" with the message. A sweep cancelled by a later one simply ends the stream.
 */
export async function* sweepStates(runner: SweepRunner, request: SweepRequest): AsyncGenerator<SweepState> {
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
  runner
    .run(request, (done, total) => push({status: "running", done, total, fallback: where()}))
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
  yield {status: "running", done: 0, total: 1, fallback: where()};
  for (;;) {
    while (queue.length) yield queue.shift()!;
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}
