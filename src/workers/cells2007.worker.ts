/** The 2007-cells page's worker: runs one simulation per message (see cells2007Runner.ts). */
import {execute} from "./cells2007Runner.js";
import {serve} from "./workerRunner.js";

serve(execute);
