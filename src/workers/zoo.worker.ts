/** The neuron zoo's worker: runs one accurate simulation per message (see zooGallery.ts, workerRunner.ts). */
import {simulate} from "../lib/simulate.js";
import {serve} from "./workerRunner.js";

serve(simulate);
