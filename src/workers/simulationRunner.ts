/**
 * The shared runner (sharedRunner.ts) for runs of the library's simulate, as the explorer, compare and the zoo
 * start them: what a run is predicted to cost on the main thread, and what to change when one goes over its
 * time budget. The worker that runs them is explorer.worker.ts (it executes {@link executeRun}).
 */
import type {SimulateOptions, Trace} from "../lib/index.js";
import {simulate} from "../lib/simulate.js";
import {SharedRunner} from "./sharedRunner.js";
import {prepareDisplay, type DisplaySpec, type RunDisplay} from "../components/explorer/runDisplay.js";

/** Rough cost of one recorded sample of each method (ns), before the machine's own correction. */
const NS_PER_SAMPLE: Record<string, number> = {
  euler: 30,
  paper2003: 30,
  paper2004: 30,
  rk4: 110,
  adaptive: 160
};

/** The predicted main-thread cost of a smooth run (ms), before the correction. */
export function predictedMs(options: Pick<SimulateOptions, "duration" | "dt" | "method">): number {
  const dt = options.dt ?? 2 ** -5;
  const samples = (options.duration ?? 0) / dt + 1;
  return (samples * (NS_PER_SAMPLE[options.method ?? "adaptive"] ?? 160)) / 1e6;
}

/**
 * Whether a run's cost is bounded by its samples: true for the fixed-step methods; false for the adaptive
 * method, whose steps shrink without warning (a = −0.1 over 1000 ms: 30 ms of work up to t = 200 ms, then 20
 * million steps, seconds, before t = 311 ms), so it is never predicted to fit in a frame (the explorer's runner
 * only tries it at once within a budget of steps, explorerRunner.ts).
 */
export function boundedCost(options: Pick<SimulateOptions, "method">): boolean {
  return (options.method ?? "adaptive") !== "adaptive";
}

/** A run's request: simulate's options, and where its charts will draw it (the explorer's, see runDisplay.ts). */
export type RunRequest = SimulateOptions & {display?: DisplaySpec};

/**
 * What the worker and the main thread execute: the library's simulate, and, when the request says where the
 * run will be drawn, its drawing prepared beside it (`trace.display`), so the page never scans a long run.
 */
export function executeRun(request: RunRequest): Trace & {display?: RunDisplay} {
  const {display, ...options} = request;
  const trace: Trace & {display?: RunDisplay} = simulate(options);
  if (display && trace.t.length > 0) {
    trace.display = prepareDisplay(trace, display, {
      c: options.params.c,
      d: options.params.d,
      vPeak: options.vPeak ?? 30
    });
  }
  return trace;
}

/** What to change when a run goes over its time budget (a page may name its own controls instead). */
export function budgetAdvice(options: SimulateOptions): string {
  return (options.method ?? "adaptive") === "adaptive"
    ? "choose a shorter duration, or a fixed-step method"
    : "choose a shorter duration or a larger step dt";
}

/** A shared runner of simulate's runs: fixed-step runs that fit in a frame at once, the rest in the worker. */
export class SimulationRunner extends SharedRunner<RunRequest, Trace> {
  constructor(
    makeWorker: () => Worker | null,
    {budgetMs, advice = budgetAdvice}: {budgetMs?: number; advice?: (options: RunRequest) => string} = {}
  ) {
    super(makeWorker, executeRun, {
      predictMs: (options) => (boundedCost(options) ? predictedMs(options) : Infinity),
      duration: (options) => options.duration ?? 0,
      advice,
      budgetMs
    });
  }
}
