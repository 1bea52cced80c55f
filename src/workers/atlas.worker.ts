/** The behaviour atlas's worker: simulates and labels a block of a map's rows per message (see atlasPool.ts). */
import {computeRows} from "../lib/scans/atlas.js";
import {serve} from "./workerRunner.js";

serve(computeRows);
