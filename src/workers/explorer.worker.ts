/** The explorer's worker: runs one simulation per message (see explorerRunner.ts). */
import {executeRun} from "./explorerRunner.js";
import {serve} from "./workerRunner.js";

serve(executeRun);
