/**
 * Running a pure function off the main thread, for every page that has heavy work (the zoo's accurate runs,
 * the 2007 cells, f–I sweeps, the lab's jobs, the atlas's rows):
 *
 * - in a module worker, `serve(execute)` answers each message {key, request} with {key, progress: [done,
 *   total]} as often as `execute` reports it, then {key, result} or {key, error};
 * - on the page, `WorkerJobs` sends requests and settles their promises, reports progress, and cancels by
 *   terminating the worker (the only way to stop a running computation); the next job starts a fresh one.
 *   Without a worker, or when it fails to load, the jobs run on the main thread, one per task (or, for a
 *   computation that can stop between steps, in short slices: `slicedRunner`).
 *
 * Requests and results are plain data; the typed arrays of a result are transferred, not copied.
 *
 * A worker says {ready: true} as soon as its module has loaded; one that has said nothing within `answerMs` of
 * being made (it loads but never answers) is terminated and, like one that fails to load, replaced by the main
 * thread. `fallbackReason` then says why, for the page's status line.
 *
 * A computation that can stop between its steps may instead be served by `serveSteps` and its `WorkerJobs` made
 * with cooperative cancelling: a cancel is then a message {cancel: key}, the worker drops the job between two
 * steps and stays for the next job (no worker to start again, no modules to load again).
 *
 * Every runner of the site follows one job protocol: progress through a `(done, total)` callback; a job that
 * is cancelled (or superseded by a newer one) rejects with {@link Cancelled}, which a caller tells apart from a
 * failure with {@link isCancelled}; without a worker, or when it fails to load, the job runs on the main thread.
 */

/** Called as a job advances: `done` of `total` units of work. */
export type Progress = (done: number, total: number) => void;

/** The rejection of a job that was cancelled. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
  }
}

/** Whether a job's rejection is a cancellation (not a failure to report). */
export function isCancelled(error: unknown): error is Cancelled {
  return error instanceof Cancelled;
}

/** Runs a request on the page, in a task of its own (setTimeout 0), so input events get a turn in between. */
export function mainThreadRunner<Req, Res>(
  execute: (request: Req, progress: Progress) => Res
): (request: Req, progress?: Progress) => Promise<Res> {
  return (request, progress = () => {}) =>
    new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(execute(request, progress));
        } catch (e) {
          reject(e);
        }
      }, 0)
    );
}

/**
 * Runs a request on the page when there is no worker: resolves to the result or rejects with the error;
 * `cancelled()` turns true once the job has been cancelled (a runner that can stop then rejects with
 * {@link Cancelled}).
 */
export type Fallback<Req, Res> = (request: Req, progress: Progress, cancelled: () => boolean) => Promise<Res>;

/** The longest stretch (ms) {@link slicedRunner} computes before it hands the thread back to the page. */
export const SLICE_MS = 40;

/**
 * Runs a computation that can stop between its steps (a generator, e.g. the library's fICurveSteps) on the page
 * in short tasks: it steps until `sliceMs` have passed, then gives input and drawing a turn (setTimeout 0) and
 * goes on. So no task is much longer than `sliceMs` plus one step, and a cancelled job stops at its next slice.
 */
export function slicedRunner<Req, Res>(
  steps: (request: Req, progress: Progress) => Iterator<unknown, Res, undefined>,
  sliceMs = SLICE_MS
): Fallback<Req, Res> {
  return (request, progress, cancelled) =>
    new Promise<Res>((resolve, reject) => {
      let iterator: Iterator<unknown, Res, undefined> | null = null;
      const slice = () => {
        if (cancelled()) return reject(new Cancelled());
        try {
          iterator ??= steps(request, progress);
          const end = performance.now() + sliceMs;
          do {
            const next = iterator.next();
            if (next.done) return resolve(next.value);
          } while (performance.now() < end);
          setTimeout(slice, 0);
        } catch (e) {
          reject(e);
        }
      };
      setTimeout(slice, 0);
    });
}

/** The distinct buffers of the typed arrays among a result's own values (one level deep). */
function transferables(result: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  if (result && typeof result === "object") {
    for (const value of Object.values(result))
      if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  }
  return [...buffers];
}

/** In a worker: answers every request message with `execute`'s progress, then its result or its error message. */
export function serve<Req, Res>(execute: (request: Req, progress: Progress) => Res): void {
  const scope = self as unknown as Worker;
  scope.postMessage({ready: true});
  scope.addEventListener("message", (event: MessageEvent) => {
    const {key, request} = event.data as {key: number; request: Req};
    try {
      const result = execute(request, (done, total) => scope.postMessage({key, progress: [done, total]}));
      scope.postMessage({key, result}, transferables(result));
    } catch (e) {
      scope.postMessage({key, error: e instanceof Error ? e.message : String(e)});
    }
  });
}

/** How long (ms) {@link serveSteps} computes before it reads its messages (a cancel among them). */
export const WORKER_SLICE_MS = 16;
/**
 * The least time (ms) between two progress messages of {@link serveSteps}: each one the page draws costs it a
 * frame's style, layout and paint (on chapter 8, about 5 ms of main-thread work per message), and a bar moving ten
 * times a second looks no less alive than one moving sixty times.
 */
export const WORKER_PROGRESS_MS = 100;

/** What {@link serveSteps} needs of a worker's global scope (or of a MessagePort, in a test). */
export type WorkerScope = Pick<Worker, "postMessage" | "addEventListener" | "removeEventListener">;

/**
 * In a worker: like {@link serve}, for a computation that can stop between its steps (a generator, e.g. sweepSteps).
 * Jobs run one at a time, in the order they came, in slices of `sliceMs`; between slices the worker reads its
 * messages, so {cancel: key} drops a job before its next slice and the worker goes on with the next one. Progress
 * is posted at the end of a slice (the latest count), at most once per `progressMs`, and always before the
 * result. Returns a function that stops serving (for tests).
 */
export function serveSteps<Req, Res>(
  steps: (request: Req, progress: Progress) => Iterator<unknown, Res, undefined>,
  scope: WorkerScope = self as unknown as Worker,
  sliceMs = WORKER_SLICE_MS,
  progressMs = WORKER_PROGRESS_MS
): () => void {
  const jobs = new Map<
    number,
    {request: Req; iterator: Iterator<unknown, Res, undefined> | null; latest: [number, number] | null}
  >();
  // A message to itself gives the worker's event loop a turn without the 4-ms floor of nested timeouts.
  const channel = typeof MessageChannel === "undefined" ? null : new MessageChannel();
  let scheduled = false;
  let lastProgress = -Infinity;
  const schedule = () => {
    if (scheduled || !jobs.size) return;
    scheduled = true;
    if (channel) channel.port2.postMessage(null);
    else setTimeout(slice, 0);
  };
  const slice = () => {
    scheduled = false;
    const [key, job] = jobs.entries().next().value ?? [];
    if (key === undefined || !job) return;
    const flush = () => {
      if (!job.latest) return;
      scope.postMessage({key, progress: job.latest});
      job.latest = null;
      lastProgress = performance.now();
    };
    try {
      const iterator = (job.iterator ??= steps(job.request, (done, total) => (job.latest = [done, total])));
      const end = performance.now() + sliceMs;
      let next: IteratorResult<unknown, Res>;
      do next = iterator.next();
      while (!next.done && performance.now() < end);
      if (next.done) {
        jobs.delete(key);
        flush();
        scope.postMessage({key, result: next.value}, transferables(next.value));
      } else if (performance.now() - lastProgress >= progressMs) flush();
    } catch (e) {
      jobs.delete(key);
      flush();
      scope.postMessage({key, error: e instanceof Error ? e.message : String(e)});
    }
    schedule();
  };
  const onMessage = (event: MessageEvent) => {
    const data = event.data as {key: number; request: Req} | {cancel: number};
    if ("cancel" in data) jobs.delete(data.cancel);
    else jobs.set(data.key, {request: data.request, iterator: null, latest: null});
    // A job starts in a slice of its own, after the messages already queued (a cancel of it among them).
    schedule();
  };
  if (channel) channel.port1.onmessage = slice;
  scope.addEventListener("message", onMessage);
  scope.postMessage({ready: true});
  return () => {
    scope.removeEventListener("message", onMessage);
    channel?.port1.close();
    jobs.clear();
  };
}

interface Pending<Req, Res> {
  request: Req;
  progress: Progress;
  resolve: (result: Res) => void;
  reject: (error: Error) => void;
}

/** How long (ms) a new worker may take to say it has loaded before the main thread takes over. */
export const ANSWER_MS = 10_000;

/** Jobs for one worker, made by `makeWorker` when a job needs it (null: run on the main thread). */
export class WorkerJobs<Req, Res> {
  #worker: Worker | null = null;
  #broken: string | null = null;
  #noWorker = false;
  #next = 0;
  #pending = new Map<number, Pending<Req, Res>>();
  #silence: ReturnType<typeof setTimeout> | null = null;
  /** Counts the calls of cancel(): a main-thread job started before the latest one is cancelled. */
  #cancels = 0;
  readonly #fallback: Fallback<Req, Res>;

  /**
   * @param fallback - how a job runs on the main thread; default `execute` in one task of its own (which a
   *   cancel cannot stop once it has started).
   * @param cancelling - how {@link cancel} stops the worker's jobs: "terminate" the worker (default), or send it
   *   a "message" (a worker served by {@link serveSteps}), which keeps the worker for the next jobs.
   */
  constructor(
    private readonly makeWorker: () => Worker | null,
    execute: (request: Req, progress: Progress) => Res,
    private readonly answerMs = ANSWER_MS,
    fallback?: Fallback<Req, Res>,
    private readonly cancelling: "terminate" | "message" = "terminate"
  ) {
    const inOneTask = mainThreadRunner(execute);
    this.#fallback = fallback ?? ((request, progress) => inOneTask(request, progress));
  }

  /** Runs a job on the main thread; it counts as cancelled once cancel() is called after it started. */
  #onMainThread(request: Req, progress: Progress): Promise<Res> {
    const cancels = this.#cancels;
    return this.#fallback(request, progress, () => this.#cancels !== cancels);
  }

  /**
   * Why jobs run on the main thread instead of in a worker, in words a page can show ("this browser has no Web
   * Workers", "the worker failed to load", "the worker did not answer within 10 s"); null while the worker is used.
   */
  get fallbackReason(): string | null {
    return this.#broken ?? (this.#noWorker ? "this browser has no Web Workers" : null);
  }

  /** Runs a job; `progress(done, total)` is called as it advances. Rejects with {@link Cancelled} if cancelled. */
  run(request: Req, progress: Progress = () => {}): Promise<Res> {
    const worker = this.#broken ? null : (this.#worker ??= this.#start());
    if (!worker) return this.#onMainThread(request, progress);
    return new Promise<Res>((resolve, reject) => {
      const key = ++this.#next;
      this.#pending.set(key, {request, progress, resolve, reject});
      worker.postMessage({key, request});
    });
  }

  /**
   * Stops every job in flight (their promises reject with {@link Cancelled}): by terminating the worker, or, with
   * cooperative cancelling and unless `terminate`, by telling the worker to drop them (it stays for the next jobs).
   */
  cancel(terminate = this.cancelling === "terminate"): void {
    this.#cancels++;
    if (terminate || !this.#worker) this.close();
    else for (const key of this.#pending.keys()) this.#worker.postMessage({cancel: key});
    for (const p of this.#pending.values()) p.reject(new Cancelled());
    this.#pending.clear();
  }

  /** Terminates the worker, freeing its memory; the next job starts a new one. Call it with no job in flight. */
  close(): void {
    this.#hearing();
    this.#worker?.terminate();
    this.#worker = null;
  }

  #start(): Worker | null {
    const worker = this.makeWorker();
    this.#noWorker = !worker;
    if (!worker) return null;
    this.#silence = setTimeout(
      () => this.#giveUp(worker, `the worker did not answer within ${this.answerMs / 1000} s`),
      this.answerMs
    );
    worker.addEventListener("message", (event: MessageEvent) => {
      this.#hearing();
      const {key, progress, result, error} = event.data as {
        key: number;
        progress?: [number, number];
        result?: Res;
        error?: string;
      };
      const p = this.#pending.get(key);
      if (!p) return;
      if (progress) return p.progress(progress[0], progress[1]);
      this.#pending.delete(key);
      if (error !== undefined) p.reject(new Error(error));
      else p.resolve(result as Res);
    });
    // A worker that fails to load answers nothing: what waits, and everything after, runs on the main thread.
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.#giveUp(worker, "the worker failed to load");
    });
    return worker;
  }

  /** The worker has said something: it is alive. */
  #hearing() {
    if (this.#silence !== null) clearTimeout(this.#silence);
    this.#silence = null;
  }

  /** Stops using `worker` for good: what waits, and everything after, runs on the main thread. */
  #giveUp(worker: Worker, reason: string) {
    this.#hearing();
    if (this.#worker !== worker) return;
    worker.terminate();
    this.#broken = reason;
    this.#worker = null;
    for (const p of this.#pending.values()) this.#onMainThread(p.request, p.progress).then(p.resolve, p.reject);
    this.#pending.clear();
  }
}

/** On the page: runs requests in `worker` (served by {@link serve}), falling back to the main thread. */
export function workerRunner<Req, Res>(
  worker: Worker | null,
  execute: (request: Req, progress: Progress) => Res
): (request: Req) => Promise<Res> {
  const jobs = new WorkerJobs(() => worker, execute);
  return (request) => jobs.run(request);
}
