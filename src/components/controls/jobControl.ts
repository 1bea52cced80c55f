/**
 * The progress bar, status line and Cancel button of one kind of lab job (run by a LabRunner off the main
 * thread).
 */
import type {LabRunner} from "../../workers/labRunner.js";
import {isCancelled} from "../../workers/workerRunner.js";

/**
 * A progress bar, a status line and a Cancel button for one kind of job. `trigger()` cancels what runs, calls
 * `start` with the progress callback and returns a promise of the result, which a page cell declares
 * (`const result = control.trigger()`) so that the cells using it rerun when it resolves. Every promise handed
 * out resolves with the result of the latest job to finish: a cell that reruns twice in a row (the second
 * trigger cancels the first job) must not leave its dependents waiting on the first, which would never settle.
 * After a cancelled or failed job the last results stay on show, and the status line says what happened. A
 * worker that never answers is replaced by the main thread after workerRunner.ts's ANSWER_MS, so the line
 * never stays on "running…".
 */
export function jobControl<R>(
  label: string,
  start: (progress: (done: number, total: number) => void) => Promise<R>,
  runner: LabRunner
) {
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
    job
      .then(
        (result) => {
          if (id !== runner.latest) return;
          for (const resolve of runner.waiting) resolve(result);
          runner.waiting = [];
          root.dataset.state = "done";
          // Say where it ran when the worker could not be used (none, failed to load, or never answered).
          const fallback = runner.fallbackReason;
          status.textContent = fallback ? `${label}: done, on the main thread (${fallback})` : `${label}: done`;
          bar.value = bar.max;
        },
        (e) => {
          root.dataset.state = isCancelled(e) ? "cancelled" : "error";
          status.textContent = isCancelled(e)
            ? `${label}: cancelled (change a setting to run again)`
            : `${label}: failed: ${e instanceof Error ? e.message : e}`;
        }
      )
      .finally(() => (cancel.disabled = true));
    return new Promise<R>((resolve) => runner.waiting.push(resolve as (result: unknown) => void));
  };
  cancel.addEventListener("click", () => runner.cancel());
  return Object.assign(root, {trigger});
}
