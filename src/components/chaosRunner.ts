/**
 * Running the lab pages' jobs off the main thread with progress and cancel: one worker at a time; cancelling
 * terminates it (the only way to stop a running computation) and the next job starts a fresh one. Without
 * Worker support the job runs on the main thread in a task of its own.
 */
import {executeLabJob, type LabJob, type LabResult} from "./chaosJobs.js";

/** Thrown (as the rejection) for a job that was cancelled. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
  }
}

export class LabRunner {
  #worker: Worker | null = null;
  #next = 0;
  #pending = new Map<number, {resolve: (r: LabResult) => void; reject: (e: Error) => void; progress: (done: number, total: number) => void}>();

  /** @param makeWorker - creates the worker (null: run on the main thread) */
  constructor(private readonly makeWorker: () => Worker | null) {}

  /** Runs a job; `progress(done, total)` is called as it advances. */
  run<R extends LabResult>(job: LabJob, progress: (done: number, total: number) => void = () => {}): Promise<R> {
    const worker = this.#worker ?? (this.#worker = this.#start());
    if (!worker) {
      return new Promise((resolve, reject) =>
        setTimeout(() => {
          try {
            resolve(executeLabJob(job, progress) as R);
          } catch (e) {
            reject(e);
          }
        }, 0)
      );
    }
    const key = ++this.#next;
    return new Promise<R>((resolve, reject) => {
      this.#pending.set(key, {resolve: resolve as (r: LabResult) => void, reject, progress});
      worker.postMessage({key, job});
    });
  }

  /** Stops whatever runs: its promise rejects with {@link Cancelled}. */
  cancel(): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const p of this.#pending.values()) p.reject(new Cancelled());
    this.#pending.clear();
  }

  #start(): Worker | null {
    const worker = this.makeWorker();
    if (!worker) return null;
    worker.addEventListener("message", (event: MessageEvent) => {
      const {key, progress, result, error} = event.data as {key: number; progress?: [number, number]; result?: LabResult; error?: string};
      const p = this.#pending.get(key);
      if (!p) return;
      if (progress) return p.progress(progress[0], progress[1]);
      this.#pending.delete(key);
      if (error !== undefined) p.reject(new Error(error));
      else p.resolve(result!);
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      for (const p of this.#pending.values()) p.reject(new Error("the worker failed to load"));
      this.#pending.clear();
      this.#worker = null;
    });
    return worker;
  }
}

/**
 * A run/cancel button pair with a progress bar and a status line, for one kind of job. `start` is called on
 * "Run" (and by `trigger()`); it gets the progress callback and returns the job's promise.
 */
export function jobControl(label: string, start: (progress: (done: number, total: number) => void) => Promise<unknown>, runner: LabRunner) {
  const root = document.createElement("div");
  root.className = "lab-job";
  const run = document.createElement("button");
  run.type = "button";
  run.textContent = label;
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.textContent = "Cancel";
  cancel.disabled = true;
  const bar = document.createElement("progress");
  bar.max = 1;
  bar.value = 0;
  bar.setAttribute("aria-label", `${label}: progress`);
  const status = document.createElement("span");
  status.className = "lab-job-status";
  status.setAttribute("role", "status");
  root.append(run, cancel, bar, status);
  const trigger = () => {
    runner.cancel();
    run.disabled = true;
    cancel.disabled = false;
    root.dataset.state = "running";
    status.textContent = "running…";
    bar.value = 0;
    start((done, total) => {
      bar.max = total;
      bar.value = done;
      status.textContent = `running… ${done} of ${total}`;
    }).then(
      () => {
        root.dataset.state = "done";
        status.textContent = "done";
        bar.value = bar.max;
      },
      (e) => {
        root.dataset.state = e instanceof Cancelled ? "cancelled" : "error";
        status.textContent = e instanceof Cancelled ? "cancelled" : `failed: ${e instanceof Error ? e.message : e}`;
      }
    ).finally(() => {
      run.disabled = false;
      cancel.disabled = true;
    });
  };
  run.addEventListener("click", trigger);
  cancel.addEventListener("click", () => runner.cancel());
  return Object.assign(root, {trigger});
}
