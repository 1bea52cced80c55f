/**
 * Runs f–I sweeps off the main thread (workerRunner.ts's WorkerJobs, executeSweep in excitability.worker.ts),
 * reporting progress after each current. Starting a new sweep terminates the one in flight (cancellation),
 * and the cancelled sweep's promise rejects with Cancelled (the job protocol of workerRunner.ts), so a page
 * never draws a stale result. Each sweep gets a fresh worker, closed when it is done. Requests are plain data.
 */
import {excitabilityClass, type ExcitabilityClass} from "../lib/analysis/excitabilityClass.js";
import {fICurve, type FICurve, type FICurveOptions} from "../lib/analysis/fICurve.js";
import {WorkerJobs, isCancelled, type Progress} from "./workerRunner.js";

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
  | {status: "error"; message: string}
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

/** A runner that starts each sweep in a fresh worker from `makeWorker` (e.g. excitabilityWorker of workers.ts). */
export function sweepRunner(makeWorker: () => Worker | null): SweepRunner {
  const jobs = new WorkerJobs(makeWorker, executeSweep);
  let current: Promise<unknown> | null = null;
  const run = (request: SweepRequest, onProgress?: Progress) => {
    jobs.cancel();
    const job = jobs.run(request, onProgress);
    current = job;
    return job.then(
      (result) => {
        if (current === job) jobs.close();
        return result;
      },
      (error: unknown) => {
        if (!isCancelled(error) && current === job) jobs.close();
        throw error;
      }
    );
  };
  return {run, cancel: () => jobs.cancel(), fallbackReason: () => jobs.fallbackReason};
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
          push({status: "error", message: error instanceof Error ? error.message : String(error), fallback: where()});
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
