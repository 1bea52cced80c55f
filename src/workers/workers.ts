/**
 * The site's Web Workers, one factory each. `new Worker(import.meta.resolve("./x.worker.js"), {type: "module"})`
 * must be written in a module under src (not a page cell) for Framework to rewrite the path and bundle the
 * worker with its imports; each factory returns null where there are no workers (the job then runs on the main
 * thread, as workerRunner.ts's job protocol says).
 */

const hasWorkers = () => typeof Worker !== "undefined";

/** The atlas's rows (atlas.worker.ts). */
export function atlasWorker(): Worker | null {
  return hasWorkers() ? new Worker(import.meta.resolve("./atlas.worker.js"), {type: "module"}) : null;
}

/** The 2007 cells' runs (cells2007.worker.ts). */
export function cells2007Worker(): Worker | null {
  return hasWorkers() ? new Worker(import.meta.resolve("./cells2007.worker.js"), {type: "module"}) : null;
}

/** The lab pages' jobs (chaos.worker.ts). */
export function labWorker(): Worker | null {
  return hasWorkers() ? new Worker(import.meta.resolve("./chaos.worker.js"), {type: "module"}) : null;
}

/** The tutorial's f–I sweeps (excitability.worker.ts). */
export function excitabilityWorker(): Worker | null {
  return hasWorkers() ? new Worker(import.meta.resolve("./excitability.worker.js"), {type: "module"}) : null;
}

/** The zoo's accurate runs (zoo.worker.ts). */
export function zooWorker(): Worker | null {
  return hasWorkers() ? new Worker(import.meta.resolve("./zoo.worker.js"), {type: "module"}) : null;
}

/** The tutorial chapters' runs: the library's simulate alone, as the zoo's worker serves it (zoo.worker.ts). */
export function simulateWorker(): Worker | null {
  return hasWorkers() ? new Worker(import.meta.resolve("./zoo.worker.js"), {type: "module"}) : null;
}

/** The explorer's long runs (explorer.worker.ts). */
export function explorerWorker(): Worker | null {
  return hasWorkers() ? new Worker(import.meta.resolve("./explorer.worker.js"), {type: "module"}) : null;
}

/** The network page's live network (network.worker.ts). */
export function networkWorker(): Worker | null {
  return hasWorkers() ? new Worker(import.meta.resolve("./network.worker.js"), {type: "module"}) : null;
}
