/**
 * Where the 2007-cells page runs its simulations: through the pages' shared runner (`cells2007Runner`), in a
 * Web Worker (the accurate integrator's first runs take tens of ms while the engine compiles it, too long for
 * the main thread; its cost has no bound known in advance), within a time budget per run; the book's Euler
 * loop, a few thousand steps, at once on the page. Each card and each compared cell queues under its own key,
 * so every one runs and a newer request replaces only its own waiting one. Without a worker the accurate runs
 * happen on the main thread, each in its own task. Requests and replies are plain data.
 */
import {CELLS_2007} from "../lib/presets/cells2007.js";
import type {CellId2007, Trace2007} from "../lib/index.js";
import {runCompared, runMethod, sharedStimulus} from "../components/cells2007/cells2007Model.js";
import {type SharedCurrent} from "../state/cells2007State.js";
import {mainThreadRunner as onMainThread, workerRunner as inWorker} from "./workerRunner.js";
import {SharedRunner} from "./sharedRunner.js";

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

/**
 * What the page's panels call: runs a request, later. `key` names what the run is for (a card, a compared
 * cell): a newer request of one key replaces its waiting one (a runner may ignore it).
 */
export type Runner = (request: RunRequest, key?: string) => Promise<Trace2007>;

/** What to change when a run goes over its time budget (reader-facing, in the page's controls). */
export const CELLS2007_ADVICE = "choose the book's integration, or a shorter run";

/** Rough main-thread cost of one step of the book's Euler loop (ms), before the machine's correction. */
const BOOK_MS_PER_STEP = 5e-5;

/** The model time (ms) a request covers. */
function durationOf(request: RunRequest): number {
  return request.kind === "cell" ? CELLS_2007[request.id].duration : sharedStimulus(request.shared).duration;
}

/**
 * The page's shared runner: the book's runs (τ = 0.25 ms) at once when they fit a frame, the accurate runs in
 * the worker from `makeWorker` (cells2007.worker.ts), each within `budgetMs` (default: the shared runner's).
 */
export function cells2007Runner(
  makeWorker: () => Worker | null,
  budgetMs?: number
): SharedRunner<RunRequest, Trace2007> {
  return new SharedRunner<RunRequest, Trace2007>(makeWorker, execute, {
    predictMs: (request) => (request.method === "book" ? (durationOf(request) / 0.25) * BOOK_MS_PER_STEP : Infinity),
    duration: durationOf,
    advice: () => CELLS2007_ADVICE,
    budgetMs
  });
}

/** The {@link Runner} the panels call, on a shared runner: each key queues, the newest of a key wins. */
export function queuedRunner(runner: SharedRunner<RunRequest, Trace2007>): Runner {
  return (request, key) => runner.runLater(request, {key: key ?? `${request.kind} ${request.id} ${request.method}`});
}

/** Runs each request in its own main-thread task. */
const inOneTask = onMainThread(execute);
export const mainThreadRunner: Runner = (request) => inOneTask(request);

/** Runs requests in `worker` (cells2007.worker.ts), falling back to the main thread if it fails to load. */
export function workerRunner(worker: Worker): Runner {
  const run = inWorker(worker, execute);
  return (request) => run(request);
}
