/**
 * The worker that runs the library's simulate, one run per message: the neuron zoo's accurate runs (zooRunner.ts)
 * and the tutorial chapters' runs (components/tutorial/tutorial.ts); the protocol is workerRunner.ts's serve.
 */
import {simulate} from "../lib/simulate.js";
import {serve} from "./workerRunner.js";

serve(simulate);
