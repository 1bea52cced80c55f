/** The lab pages' worker: runs one job per message, with progress (see labRunner.ts, labJobs.ts, workerRunner.ts). */
import {executeLabJob} from "./labJobs.js";
import {serve} from "./workerRunner.js";

serve(executeLabJob);
