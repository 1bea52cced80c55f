/**
 * Where the 2007-cells page runs its simulations: in a Web Worker when the page gives one (the accurate
 * integrator's first runs take tens of ms while the engine compiles it, too long for the main thread), else
 * on the main thread, each run in its own task (workerRunner.ts). Requests and replies are plain data.
 */
import type {CellId2007, Trace2007} from "../lib/index.js";
import {runCompared, runMethod, sharedStimulus} from "../components/cells2007/cells2007Model.js";
import {type SharedCurrent} from "../state/cells2007State.js";
import {mainThreadRunner as onMainThread, workerRunner as inWorker} from "./workerRunner.js";

/** One run: a cell at a test current (its own protocol), or a compared cell under the shared current. */
export type RunRequest =
  | {kind: "cell"; id: CellId2007; current: number; method: "book" | "adaptive"}
  | {kind: "compare"; id: CellId2007; shared: SharedCurrent; method: "book" | "adaptive"};

/** Runs a request synchronously (the worker and the main-thread fallback share this). */
export function execute(request: RunRequest): Trace2007 {
  if (request.kind === "cell") return runMethod(request.id, request.current, request.method);
  const r = runCompared(0, request.id, sharedStimulus(request.shared), request.method);
  if (!r.trace) throw new Error(r.error ?? "no trace");
  return r.trace;
}

export type Runner = (request: RunRequest) => Promise<Trace2007>;

/** Runs each request in its own main-thread task. */
export const mainThreadRunner: Runner = onMainThread(execute);

/** Runs requests in `worker` (cells2007.worker.ts), falling back to the main thread if it fails to load. */
export function workerRunner(worker: Worker): Runner {
  return inWorker(worker, execute);
}
