/**
 * Runs f–I sweeps off the main thread: one Web Worker (excitability.worker.ts) per sweep, reporting progress
 * after each current. Starting a new sweep terminates the one in flight (cancellation), and the cancelled
 * sweep's promise resolves to null, so a page never draws a stale result. Requests are plain data.
 */
import type {ExcitabilityClass, FICurve, FICurveOptions} from "../lib/analysis/excitability.js";

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

/** What the worker posts back. */
export type SweepMessage =
  | {type: "progress"; done: number; total: number}
  | {type: "result"; result: SweepResult}
  | {type: "error"; message: string};

/** The state of a sweep as a page shows it. */
export type SweepState =
  | {status: "running"; done: number; total: number}
  | {status: "done"; result: SweepResult}
  | {status: "error"; message: string};

/** A runner of one sweep at a time. */
export interface SweepRunner {
  /**
   * Starts a sweep, cancelling any sweep in flight. Resolves to the curve, or to null if it was cancelled by
   * a later `run` or by `cancel`; rejects with the library's message on bad input.
   */
  run(request: SweepRequest, onProgress?: (done: number, total: number) => void): Promise<SweepResult | null>;
  /** Stops the sweep in flight, if any (its promise resolves to null). */
  cancel(): void;
}

/** A runner that starts each sweep in a fresh worker from `makeWorker` (e.g. `() => new Worker(url, {type: "module"})`). */
export function sweepRunner(makeWorker: () => Worker): SweepRunner {
  let active: {worker: Worker; settle: (curve: SweepResult | null) => void} | null = null;

  const cancel = () => {
    if (!active) return;
    active.worker.terminate();
    active.settle(null);
    active = null;
  };

  const run = (request: SweepRequest, onProgress?: (done: number, total: number) => void) => {
    cancel();
    return new Promise<SweepResult | null>((resolve, reject) => {
      const worker = makeWorker();
      const finish = () => {
        if (active?.worker === worker) active = null;
        worker.terminate();
      };
      active = {worker, settle: resolve};
      worker.addEventListener("message", (event: MessageEvent<SweepMessage>) => {
        const message = event.data;
        if (message.type === "progress") onProgress?.(message.done, message.total);
        else if (message.type === "result") (finish(), resolve(message.result));
        else (finish(), reject(new Error(message.message)));
      });
      worker.addEventListener("error", (event) => {
        event.preventDefault();
        finish();
        reject(new Error(`the f–I worker failed to run: ${event.message || "it could not be loaded"}`));
      });
      worker.postMessage(request);
    });
  };

  return {run, cancel};
}

/**
 * A sweep as a stream of states for a reactive page cell: "running" with the progress, then "done" with the
 * result or "error" with the message. A sweep cancelled by a later one simply ends the stream.
 */
export async function* sweepStates(runner: SweepRunner, request: SweepRequest): AsyncGenerator<SweepState> {
  const queue: SweepState[] = [];
  let wake: (() => void) | null = null;
  let ended = false;
  const push = (state: SweepState | null) => {
    if (state) queue.push(state);
    else ended = true;
    wake?.();
    wake = null;
  };
  runner.run(request, (done, total) => push({status: "running", done, total})).then(
    (result) => (result ? push({status: "done", result}) : null, push(null)),
    (error: Error) => (push({status: "error", message: error.message}), push(null))
  );
  yield {status: "running", done: 0, total: 1};
  for (;;) {
    while (queue.length) yield queue.shift()!;
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

/** A progress bar with a text label for a running sweep (role progressbar via <progress>). */
export function sweepProgress(done: number, total: number, what = "currents"): HTMLElement {
  const box = document.createElement("div");
  box.className = "sweep-progress";
  const bar = document.createElement("progress");
  bar.max = total;
  bar.value = done;
  bar.setAttribute("aria-label", "f–I sweep progress");
  const text = document.createElement("span");
  text.textContent = ` Sweeping in a background worker: ${done} of ${total} ${what} simulated…`;
  box.append(bar, text);
  return box;
}
