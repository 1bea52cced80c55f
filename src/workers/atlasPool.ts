/**
 * Computes a map in Web Workers, one per core: the rows are cut into blocks of about 30 ms of work
 * (lib/scans/atlas.ts rowsPerTask), each worker takes the next block as soon as it has returned one, and every
 * block is handed to `onRows` as it arrives, so the map fills in progressively. `cancel` terminates the
 * workers at once (they are made anew for the next map).
 *
 * Without workers (none in this browser, or they fail to load or to answer) the blocks run on the page's main
 * thread, cut finer: a few cells at a time (computeRowsSteps) in slices of about 40 ms (slicedRunner), so the
 * page keeps answering input and painting while a map is computed; cancel stops them at the next slice.
 */
import {
  computeRows,
  computeRowsSteps,
  DEFAULT_MAPS,
  rowsPerTask,
  type AtlasSpec,
  type RowsResult
} from "../lib/scans/atlas.js";
import {ANSWER_MS, Cancelled, WorkerJobs, isCancelled, slicedRunner, type Fallback} from "./workerRunner.js";

/** Rows of the default (c, d) map each worker computes when it starts (see `warm`). */
const WARM_ROWS = 24;

/** A block of rows; `warmUp` marks the rows computed only to warm a worker up (see `warm`). */
type Request = {spec: AtlasSpec; row0: number; row1: number; warmUp?: boolean};

const inSlices = slicedRunner((request: Request) => computeRowsSteps(request));

/**
 * How a block runs on the main thread: in slices; a warm-up is dropped (it would spend the page's own time,
 * which the reader's map needs, on warming code the workers would have run).
 */
const onMainThread: Fallback<Request, RowsResult> = (request, progress, cancelled) =>
  request.warmUp ? Promise.reject(new Cancelled()) : inSlices(request, progress, cancelled);

export class AtlasPool {
  private jobs: WorkerJobs<Request, RowsResult>[] = [];
  private generation = 0;

  /** `makeWorker` returns a new module worker running atlas.worker.ts (or null: the main thread does the work). */
  constructor(
    private readonly makeWorker: () => Worker | null,
    readonly size = Math.max(1, Math.min(8, globalThis.navigator?.hardwareConcurrency ?? 2))
  ) {}

  /**
   * Computes every row of `spec`, top row first; resolves when done. Rejects with {@link Cancelled} if
   * cancelled or superseded by another `run` (the job protocol of workerRunner.ts), or with the worker's
   * message if a block fails.
   */
  async run(spec: AtlasSpec, onRows: (rows: RowsResult) => void): Promise<void> {
    const generation = ++this.generation;
    this.start();
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
      // last, so a worker never idles for a round trip through the main thread. Once the workers are known to
      // have failed, one block at a time: the main thread gains nothing from more, and the map fills in from
      // the top.
      const failed = this.jobs.every((jobs) => jobs.fallbackReason !== null);
      await Promise.all((failed ? this.jobs.slice(0, 1) : [...this.jobs, ...this.jobs]).map(work));
    } catch (e) {
      if (!isCancelled(e)) throw e;
    }
    if (generation !== this.generation) throw new Cancelled();
  }

  /**
   * Starts the workers if they are not running, so that loading and compiling their module is not charged
   * to the first map the reader asks for (the page calls it when idle).
   */
  warm(): void {
    if (!this.start()) return;
    // Warm-up while the page is idle: each worker computes the first rows of the default (c, d) map, one
    // request per row as a real map sends them (≈ 0.1 s of CPU per worker; the results are dropped). V8
    // optimises the kernel's driver and the classifier only after many calls; warmed like this, the reader's
    // first 200 × 200 map took 1.44 and 1.69 s (medians) against 1.53 and 1.76 s with one small warm-up map,
    // measured alternately. (A warm-up on 32-wide rows of all three maps showed no gain.)
    for (const jobs of this.jobs) {
      for (let row = 0; row < WARM_ROWS; row++)
        jobs.run({spec: DEFAULT_MAPS.cd, row0: row, row1: row + 1, warmUp: true}).catch(() => {});
    }
  }

  /**
   * Where the blocks of the last map were computed, for the status line: "2 workers", or "the main thread
   * (the worker failed to load)" when the workers could not be used for some of them.
   */
  where(): string {
    const reason = this.jobs.map((jobs) => jobs.fallbackReason).find((r) => r !== null);
    if (reason) return `the main thread, since ${reason}`;
    const n = this.jobs.length || this.size;
    return `${n} worker${n > 1 ? "s" : ""}`;
  }

  /** Makes the workers if there are none; true if it made them. */
  private start(): boolean {
    if (this.jobs.length > 0) return false;
    this.jobs = Array.from(
      {length: this.size},
      () => new WorkerJobs(this.makeWorker, computeRows, ANSWER_MS, onMainThread)
    );
    return true;
  }

  /** Stops the current map: terminates the workers (a running `run` rejects with Cancelled); what was drawn stays. */
  cancel(): void {
    this.generation++;
    for (const jobs of this.jobs) jobs.cancel();
    this.jobs = [];
  }
}
