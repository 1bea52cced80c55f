/** The lab pages' worker: runs one job per message, posting {key, progress} while it works, then {key, result} or {key, error}. */
import {executeLabJob, type LabJob} from "./chaosJobs.js";

const scope = self as unknown as Worker;
scope.addEventListener("message", (event: MessageEvent) => {
  const {key, job} = event.data as {key: number; job: LabJob};
  try {
    const result = executeLabJob(job, (done, total) => scope.postMessage({key, progress: [done, total]}));
    scope.postMessage({key, result});
  } catch (e) {
    scope.postMessage({key, error: e instanceof Error ? e.message : String(e)});
  }
});
