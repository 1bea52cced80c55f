/**
 * Where the explorer's runs happen: the site's shared runner (sharedRunner.ts) with the explorer's prediction.
 * A fixed-step run predicted to fit in a frame runs at once on the main thread, so a slider drag redraws in the
 * same frame; a longer one, and every run of the adaptive method (whose cost has no bound known in advance: a
 * neuron whose u grows without bound spends seconds on its step budget), runs in a Web Worker so the page stays
 * responsive. The newest request always wins, and a worker run over the time budget is stopped with a message.
 */
import type {SimulateOptions, Trace, TraceColumns} from "../lib/index.js";
import {gridSteps} from "../lib/simulate.js";
import {SimulationRunner, executeRun, type RunRequest} from "./simulationRunner.js";
import type {DisplaySpec} from "../components/explorer/runDisplay.js";

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

  readonly #workers: WarmWorkers;

  constructor(makeWorker: () => Worker | null, budgetMs?: number) {
    const workers = new WarmWorkers(makeWorker);
    super(() => workers.take(), {budgetMs, advice: explorerAdvice});
    this.#workers = workers;
  }

  override close(): void {
    super.close();
    this.#workers.close();
  }

  /** Where the charts draw runs: sent with every worker run, which then comes back with its drawing prepared. */
  display: DisplaySpec | null = null;

  override run(options: RunRequest): Trace | Promise<Trace> {
    return super.run(this.display ? {...options, display: this.display} : options);
  }

  /** A run at once: a run that fits in a frame is small, and the charts decimate it themselves. */
  protected override executeAtOnce({display: _display, ...options}: RunRequest): Trace {
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

/**
 * Workers handed out one started ahead: the shared runner terminates its worker to stop a run overtaken by a
 * newer one, and the next run then goes to a worker whose modules have already loaded, instead of waiting for
 * a new one to load them (100 ms to over a second on a busy machine, most of a drag's settling time). The spare
 * is started from the second worker on. What a worker said before it was handed out (that it is ready, or that
 * it failed to load) is said again to its new owner.
 */
export class WarmWorkers {
  #spare: {worker: Worker; heard: Event[]; stop: () => void} | null = null;
  #closed = false;
  #taken = 0;

  constructor(private readonly makeWorker: () => Worker | null) {}

  /** A worker (the spare, if one is ready), or null where there are none; a new spare starts loading. */
  take(): Worker | null {
    const next = this.#spare ?? this.#start();
    this.#spare = null;
    if (!next) return null;
    next.stop();
    // The owner listens from now on: repeat what the worker already said, once the owner is listening.
    for (const event of next.heard) queueMicrotask(() => next.worker.dispatchEvent(event));
    // The first worker has no spare (a page that never restarts its worker loads one); from the second on, the
    // runner is restarting workers (a drag over long runs), and the next one loads while this one works.
    if (!this.#closed && this.#taken++ > 0) this.#spare = this.#start();
    return next.worker;
  }

  /** Terminates the spare (the page is going away); no new one is started. */
  close(): void {
    this.#closed = true;
    this.#spare?.stop();
    this.#spare?.worker.terminate();
    this.#spare = null;
  }

  #start() {
    const worker = this.makeWorker();
    if (!worker) return null;
    const heard: Event[] = [];
    const ready = (event: MessageEvent) => {
      if ((event.data as {ready?: boolean} | null)?.ready) heard.push(new MessageEvent("message", {data: event.data}));
    };
    const failed = () => heard.push(new Event("error", {cancelable: true}));
    worker.addEventListener("message", ready);
    worker.addEventListener("error", failed);
    const stop = () => {
      worker.removeEventListener("message", ready);
      worker.removeEventListener("error", failed);
    };
    return {worker, heard, stop};
  }
}
