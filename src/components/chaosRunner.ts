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
  /** Promises handed out by {@link jobControl} that wait for the latest job on this runner to finish. */
  waiting: ((result: unknown) => void)[] = [];
  /** Number of the latest job started through {@link jobControl}. */
  latest = 0;

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
 * A progress bar, a status line and a Cancel button for one kind of job. `trigger()` cancels what runs, calls
 * `start` with the progress callback and returns a promise of the result, which a page cell declares
 * (`const result = control.trigger()`) so that the cells using it rerun when it resolves. Every promise handed
 * out resolves with the result of the latest job to finish: a cell that reruns twice in a row (the second
 * trigger cancels the first job) must not leave its dependents waiting on the first, which would never settle.
 * After a cancelled or failed job the last results stay on show, and the status line says what happened.
 */
export function jobControl<R>(label: string, start: (progress: (done: number, total: number) => void) => Promise<R>, runner: LabRunner) {
  const root = document.createElement("div");
  root.className = "lab-job";
  root.setAttribute("aria-label", label);
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
  root.append(cancel, bar, status);
  // The waiting list lives on the runner: a page cell that reruns makes a new control on the same runner, and
  // the promise the old control handed out must settle too.
  const trigger = (): Promise<R> => {
    const id = ++runner.latest;
    runner.cancel();
    cancel.disabled = false;
    root.dataset.state = "running";
    status.textContent = `${label}: running…`;
    bar.value = 0;
    const job = start((done, total) => {
      bar.max = total;
      bar.value = done;
      status.textContent = `${label}: ${done} of ${total}`;
    });
    job.then(
      (result) => {
        if (id !== runner.latest) return;
        for (const resolve of runner.waiting) resolve(result);
        runner.waiting = [];
        root.dataset.state = "done";
        status.textContent = `${label}: done`;
        bar.value = bar.max;
      },
      (e) => {
        root.dataset.state = e instanceof Cancelled ? "cancelled" : "error";
        status.textContent = e instanceof Cancelled ? `${label}: cancelled (change a setting to run again)` : `${label}: failed: ${e instanceof Error ? e.message : e}`;
      }
    ).finally(() => (cancel.disabled = true));
    return new Promise<R>((resolve) => runner.waiting.push(resolve as (result: unknown) => void));
  };
  cancel.addEventListener("click", () => runner.cancel());
  return Object.assign(root, {trigger});
}
