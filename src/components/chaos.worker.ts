/** The lab pages' worker: runs one job per message, with progress (see chaosRunner.ts, workerRunner.ts). */
import {executeLabJob} from "./chaosJobs.js";
import {serve} from "./workerRunner.js";

serve(executeLabJob);
