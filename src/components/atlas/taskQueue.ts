/**
 * Jobs run one per task, in the order they were queued (setTimeout 0 between them), so work that would hold
 * the page for long in one go (drawing the three maps of the atlas, their controls) comes in several short
 * tasks with input and painting in between.
 */

const jobs: (() => void)[] = [];
let scheduled = false;

/** Runs `job` in a task of its own, after the jobs queued before it. */
export function queueTask(job: () => void): void {
  jobs.push(job);
  if (!scheduled) {
    scheduled = true;
    setTimeout(runNext, 0);
  }
}

function runNext(): void {
  const job = jobs.shift();
  // The next job is scheduled before this one runs, so a job that throws does not stop the queue.
  if (jobs.length > 0) setTimeout(runNext, 0);
  else scheduled = false;
  job?.();
}
