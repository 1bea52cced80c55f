/**
 * The lab pages' jobs off the main thread with progress and cancel (workerRunner.ts's WorkerJobs, running
 * labJobs.ts's executeLabJob in chaos.worker.ts). The progress bar, status line and Cancel button a page shows
 * for one kind of job are components/controls/jobControl.ts.
 */
import {executeLabJob, type LabJob, type LabResult} from "./labJobs.js";
import {Cancelled, WorkerJobs} from "./workerRunner.js";

export {Cancelled};

/** One worker at a time for a kind of job; cancelling terminates it and the next job starts a fresh one. */
export class LabRunner extends WorkerJobs<LabJob, LabResult> {
  /** Promises handed out by jobControl that wait for the latest job on this runner to finish. */
  waiting: ((result: unknown) => void)[] = [];
  /** Number of the latest job started through jobControl. */
  latest = 0;

  /** @param makeWorker - creates the worker (null: run on the main thread) */
  constructor(makeWorker: () => Worker | null) {
    super(makeWorker, executeLabJob);
  }

  override run<R extends LabResult>(job: LabJob, progress?: (done: number, total: number) => void): Promise<R> {
    return super.run(job, progress) as Promise<R>;
  }
}
