/** The f–I sweep worker: runs one sweep per message, with progress after each current (see excitabilityRunner.ts). */
import {executeSweep} from "./excitabilityRunner.js";
import {serve} from "./workerRunner.js";

serve(executeSweep);
