/**
 * The neuron zoo's accurate runs through the pages' shared runner (sharedRunner.ts): each panel's run is queued
 * under the panel's own key, so all of them run, one after the other, in a Web Worker (zoo.worker.ts), each
 * within its own time budget; a run over it is stopped with a message for its panel and the others go on.
 * `close()` cancels them all when the page goes away. Without workers the runs happen on the main thread, one
 * per task (a single simulate call cannot be cut into shorter tasks).
 */
import {simulate, type SimulateOptions, type Trace} from "../lib/simulate.js";
import {SharedRunner} from "./sharedRunner.js";

/** What to change when a panel's accurate run goes over its time budget (reader-facing). */
export const ZOO_ADVICE = "open this panel in the explorer and choose a shorter duration or a fixed-step method";

/**
 * The zoo's runner. Every accurate run goes to the worker: the adaptive method's cost has no bound known in
 * advance (panel T runs away to its spike budget).
 */
export function zooRunner(makeWorker: () => Worker | null, budgetMs?: number): SharedRunner<SimulateOptions, Trace> {
  return new SharedRunner<SimulateOptions, Trace>(makeWorker, simulate, {
    predictMs: () => Infinity,
    duration: (options) => options.duration ?? 0,
    advice: () => ZOO_ADVICE,
    budgetMs
  });
}
