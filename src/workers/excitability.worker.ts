/**
 * The f–I sweep worker: runs sweepSteps in slices, with progress as it goes, and drops a sweep the page cancels
 * before its next current (see excitabilityRunner.ts); it stays for the page's next sweep.
 */
import {sweepSteps} from "./excitabilityRunner.js";
import {serveSteps} from "./workerRunner.js";

serveSteps(sweepSteps);
