/**
 * Where the explorer's runs happen: the site's shared runner (sharedRunner.ts) with the explorer's prediction.
 * A fixed-step run predicted to fit in a frame runs at once on the main thread, so a slider drag redraws in the
 * same frame; a longer one, and every run of the adaptive method (whose cost has no bound known in advance: a
 * neuron whose u grows without bound spends seconds on its step budget), runs in a Web Worker so the page stays
 * responsive. The newest request always wins, and a worker run over the time budget is stopped with a message.
 */
import type {SimulateOptions, Trace, TraceColumns} from "../lib/index.js";
import {gridSteps} from "../lib/simulate.js";
import {SimulationRunner, executeRun} from "./simulationRunner.js";

export {FRAME_MS, RESTART_MS, BUDGET_MS, type RunPlace, type RunnerStatus} from "./sharedRunner.js";
export {boundedCost, executeRun, predictedMs} from "./simulationRunner.js";

/** What to change, in the explorer's controls, when a run goes over its time budget. */
function explorerAdvice(options: SimulateOptions): string {
  return (options.method ?? "adaptive") === "adaptive"
    ? "choose a shorter Duration, or a fixed-step method under Numerics"
    : "choose a shorter Duration, or a larger step dt under Numerics";
}

/** The explorer's runner: a SimulationRunner whose main-thread runs reuse two sets of trace columns. */
export class ExplorerRunner extends SimulationRunner {
  /**
   * Two sets of trace columns the main-thread runs write into, in turn: a slider drag then allocates (and
   * collects) no megabyte per step, and the previous run's trace stays intact while the next one is computed.
   */
  #columns: (TraceColumns | null)[] = [null, null];
  #turn = 0;

  constructor(makeWorker: () => Worker | null, budgetMs?: number) {
    super(makeWorker, {budgetMs, advice: explorerAdvice});
  }

  protected override executeAtOnce(options: SimulateOptions): Trace {
    return executeRun({...options, columns: this.#columnsFor(options) ?? undefined});
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
}
