/**
 * Computes a map in Web Workers, one per core: the rows are cut into blocks of about 30 ms of work
 * (atlasModel.ts rowsPerTask), each worker takes the next block as soon as it has returned one, and every
 * block is handed to `onRows` as it arrives, so the map fills in progressively. `cancel` terminates the
 * workers at once (they are made anew for the next map).
 */
import {computeRows, rowsPerTask, type AtlasSpec, type RowsResult} from "./atlasModel.js";
import {Cancelled, WorkerJobs} from "./workerRunner.js";

type Request = {spec: AtlasSpec; row0: number; row1: number};

export class AtlasPool {
  private jobs: WorkerJobs<Request, RowsResult>[] = [];
  private generation = 0;

  /** `makeWorker` returns a new module worker running atlas.worker.ts (or null: the main thread does the work). */
  constructor(private readonly makeWorker: () => Worker | null, readonly size = Math.max(1, Math.min(8, globalThis.navigator?.hardwareConcurrency ?? 2))) {}

  /**
   * Computes every row of `spec`, top row first; resolves true when done, false if cancelled or superseded by
   * another `run`. Throws (rejects) with the worker's message if a block fails.
   */
  async run(spec: AtlasSpec, onRows: (rows: RowsResult) => void): Promise<boolean> {
    const generation = ++this.generation;
    this.warm();
    const per = rowsPerTask(spec);
    const blocks: [number, number][] = [];
    for (let row1 = spec.y.n; row1 > 0; row1 -= per) blocks.push([Math.max(0, row1 - per), row1]);
    let next = 0;
    const work = async (jobs: WorkerJobs<Request, RowsResult>) => {
      while (next < blocks.length && generation === this.generation) {
        const [row0, row1] = blocks[next++]!;
        const rows = await jobs.run({spec, row0, row1});
        if (generation !== this.generation) return;
        onRows(rows);
      }
    };
    try {
      // Two blocks in flight per worker: the next is already queued in the worker while the page paints the
      // last, so a worker never idles for a round trip through the main thread.
      await Promise.all([...this.jobs, ...this.jobs].map(work));
    } catch (e) {
      if (!(e instanceof Cancelled)) throw e;
    }
    return generation === this.generation;
  }

  /**
   * Starts the workers if they are not running, so that loading and compiling their module is not charged
   * to the first map the reader asks for (the page calls it when idle).
   */
  warm(): void {
    if (this.jobs.length > 0) return;
    this.jobs = Array.from({length: this.size}, () => new WorkerJobs(this.makeWorker, computeRows));
    // A small map (≈ 10 ms) loads and compiles the worker's modules and kernel ahead of the first real block.
    // (A larger warm-up, 96 rows per worker, did not help: V8 still optimised the classifier and the batch
    // code during the reader's first map, as a Chromium trace showed.)
    const spec = {x: {key: "c", min: -80, max: -40, n: 64}, y: {key: "d", min: 0, max: 8, n: 2}, fixed: {a: 0.02, b: 0.2, c: -65, d: 2, I: 10}, duration: 500, dt: 2 ** -5, method: "euler"} as const;
    for (const jobs of this.jobs) jobs.run({spec: {...spec, x: {...spec.x}, y: {...spec.y}, fixed: {...spec.fixed}}, row0: 0, row1: 2}).catch(() => {});
  }

  /** Stops the current map: terminates the workers (a running `run` resolves false); what was drawn stays. */
  cancel(): void {
    this.generation++;
    for (const jobs of this.jobs) jobs.cancel();
    this.jobs = [];
  }
}
