/**
 * Where the 2007-cells page runs its simulations: in a Web Worker when the page gives one (the accurate
 * integrator's first runs take tens of ms while the engine compiles it, too long for the main thread), else
 * on the main thread, each run in its own task. Requests and replies are plain data.
 */
import type {CellId2007, Trace2007} from "../lib/index.js";
import {runCompared, runMethod, sharedStimulus, type SharedCurrent} from "./cells2007Model.js";

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
export const mainThreadRunner: Runner = (request) =>
  new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(execute(request));
      } catch (e) {
        reject(e);
      }
    }, 0)
  );

/** Runs requests in `worker` (which answers {key, trace} or {key, error}), one message per request. */
export function workerRunner(worker: Worker): Runner {
  let next = 0;
  const waiting = new Map<number, {resolve: (t: Trace2007) => void; reject: (e: Error) => void}>();
  worker.addEventListener("message", (event: MessageEvent) => {
    const {key, trace, error} = event.data as {key: number; trace?: Trace2007; error?: string};
    const w = waiting.get(key);
    if (!w) return;
    waiting.delete(key);
    if (trace) w.resolve(trace);
    else w.reject(new Error(error ?? "the worker failed"));
  });
  // A worker that fails to load answers nothing: run what waits, and everything after, on the main thread.
  let broken = false;
  const pending = new Map<number, RunRequest>();
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    broken = true;
    for (const [key, request] of pending) mainThreadRunner(request).then(waiting.get(key)!.resolve, waiting.get(key)!.reject);
    waiting.clear();
    pending.clear();
  });
  worker.addEventListener("message", (event: MessageEvent) => pending.delete((event.data as {key: number}).key));
  return (request) => {
    if (broken) return mainThreadRunner(request);
    return new Promise((resolve, reject) => {
      const key = ++next;
      waiting.set(key, {resolve, reject});
      pending.set(key, request);
      worker.postMessage({key, request});
    });
  };
}
