/**
 * Where the explorer's runs happen: the site's shared runner (sharedRunner.ts) with the explorer's prediction.
 * A fixed-step run predicted to fit in a frame runs at once on the main thread, so a slider drag redraws in the
 * same frame. A run of the adaptive method, whose cost has no bound known in advance (a neuron whose u grows
 * without bound spends seconds on its step budget), is tried at once within a frame's budget of steps, once the
 * engine has compiled the integrator (a few small runs when the page is idle), and goes to a Web Worker when it
 * reaches that budget; a longer run goes there at once. The page stays responsive throughout, the newest
 * request always wins, and a worker run over the time budget is stopped with a message.
 */
import type {SimulateOptions, Trace, TraceColumns} from "../lib/index.js";
import {gridSteps} from "../lib/simulate.js";
import {SimulationRunner, boundedCost, executeRun, type RunRequest} from "./simulationRunner.js";
import type {DisplaySpec} from "../components/explorer/runDisplay.js";
import {idle} from "../components/nextTask.js";

export {FRAME_MS, RESTART_MS, BUDGET_MS, type RunPlace, type RunnerStatus} from "./sharedRunner.js";
export {boundedCost, executeRun, predictedMs} from "./simulationRunner.js";

/**
 * The adaptive steps (accepted and rejected) an attempt at once may take: about 5 ms of work once compiled
 * (1000 ms of a regular-spiking neuron at dt = 2⁻⁵ takes 33,000–40,000; a neuron whose steps shrink without
 * bound reaches the limit and is handed to the worker).
 */
export const ATTEMPT_STEPS = 50_000;

/**
 * The warm-up: small runs of this many steps, each in an idle moment of its own, the first ones smallest (run
 * cold, the integrator costs tens of microseconds a step).
 */
const WARM_UP_STEPS = [50, 200, 500, 1000, 2000, 2000, 2000, 2000, 2000, 2000];

/**
 * A small run through the integrator an attempt runs (the adaptive method). Its current is constant: a noisy
 * one would spend the warm-up drawing its noise in code not compiled yet (about 200 ms for 10,000 samples).
 */
const WARM_UP: RunRequest = {
  params: {a: 0.02, b: 0.2, c: -50, d: 2},
  current: 10,
  duration: 100,
  dt: 2 ** -5,
  method: "adaptive"
};

// Compiled code is the page's, not one runner's: the warm-up runs once however many runners there are.
let warming: Promise<void> | null = null;
let integratorWarm = false;

/**
 * Runs the integrator a few times in small pieces, each when the page is idle, so that the engine has compiled it
 * before an attempt runs it within a frame: run cold, the first attempts took 200–300 ms. Resolves when done.
 *
 * @param wait - what to wait for before each piece (default: an idle moment)
 */
export function warmIntegrator(wait: () => Promise<void> = idle): Promise<void> {
  warming ??= (async () => {
    // First a run that ends normally (the others stop at their budget): the engine compiles the integrator's
    // loop in the middle of a run, and code after the loop that has never run lacks the type information it
    // compiles from, so every later run deoptimised there and a drag's first steps ran in slower code.
    await wait();
    executeRun({...WARM_UP, duration: 1});
    for (const maxSteps of WARM_UP_STEPS) {
      await wait();
      executeRun({...WARM_UP, maxSteps});
    }
    integratorWarm = true;
  })();
  return warming;
}

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
    void warmIntegrator();
  }

  override close(): void {
    super.close();
    this.#workers.close();
  }

  /** Where the charts draw runs: sent with every worker run, which then comes back with its drawing prepared. */
  display: DisplaySpec | null = null;

  override run(options: RunRequest): Trace | Promise<Trace> {
    const result = super.run(this.display ? {...options, display: this.display} : options);
    // A result at once lives in the set just written: the next run writes into the other one. (An attempt that
    // was handed to the worker wrote there too, but the trace on screen, in the other set, is intact.)
    if (!(result instanceof Promise)) this.#turn ^= 1;
    return result;
  }

  /**
   * An adaptive run at once within ATTEMPT_STEPS steps, once the integrator is warm and when its output grid can
   * fit in them (no step is longer than dt, so every sample takes at least one); undefined when it stopped there.
   */
  protected override attemptAtOnce(request: RunRequest): Trace | undefined {
    if (!attemptable(request)) return undefined;
    this.#rehearsal = request;
    if (!integratorWarm) return undefined;
    const trace = this.executeAtOnce({...request, maxSteps: ATTEMPT_STEPS});
    return stoppedAtStepBudget(trace) ? undefined : trace;
  }

  /** Whether `request` would run at once, or be tried at once (it may still end in the worker). */
  triesAtOnce(request: RunRequest): boolean {
    return this.runsAtOnce(request) || (integratorWarm && attemptable(request));
  }

  /** The newest request that was (or would have been, had the integrator been warm) tried at once. */
  #rehearsal: RunRequest | null = null;

  /**
   * Tries the newest request that could run at once again, its result dropped, into the columns the next run
   * writes (never the trace on screen): called in idle moments after the page opens, so that the engine has
   * compiled the integrator on the page's own neuron and current, not only the warm-up's. Returns that trace
   * (valid until the next run; drawn only by a rehearsal), or null before the integrator is warm.
   */
  rehearse(): Trace | null {
    if (!integratorWarm || !this.#rehearsal) return null;
    return this.executeAtOnce({...this.#rehearsal, maxSteps: ATTEMPT_STEPS});
  }

  /** A run at once: a run that fits in a frame is small, and the charts decimate it themselves. */
  protected override executeAtOnce({display: _display, ...options}: RunRequest): Trace {
    return executeRun({...options, columns: this.#columnsFor(options) ?? undefined});
  }

  /**
   * The set of columns the next run writes into (not the one holding the trace on screen), grown to hold every
   * sample of `options` (with two to spare); null when the options do not describe a grid (simulate then
   * reports what is wrong with them).
   */
  #columnsFor(options: SimulateOptions): TraceColumns | null {
    let n: number;
    try {
      n = gridSteps(options.duration as number, options.dt ?? 2 ** -5, 2) + 1;
    } catch {
      return null;
    }
    if (!(n > 0)) return null;
    const next = this.#turn ^ 1;
    let columns = this.#columns[next];
    if (!columns || columns.t.length < n) {
      const column = () => new Float64Array(n);
      columns = this.#columns[next] = {t: column(), v: column(), u: column(), I: column()};
    }
    return columns;
  }
}

/** Whether a request may be tried at once: an adaptive run whose output grid fits in ATTEMPT_STEPS. */
function attemptable(request: RunRequest): boolean {
  if (boundedCost(request) || request.maxSteps !== undefined) return false;
  try {
    return gridSteps(request.duration as number, request.dt ?? 2 ** -5, 0) + 1 <= ATTEMPT_STEPS;
  } catch {
    return false; // the worker's run reports what is wrong with the options
  }
}

/** Whether an adaptive run stopped at its step budget `maxSteps` (simulate's warning names the budget). */
function stoppedAtStepBudget(trace: Trace): boolean {
  return trace.warnings.some((w) => w.includes(`budget of ${ATTEMPT_STEPS} steps`));
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
