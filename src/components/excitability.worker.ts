/** The f–I sweep worker: runs one fICurve per message and posts progress after each current (see excitabilityRunner.ts). */
import {excitabilityClass, fICurve} from "../lib/analysis/excitability.js";
import type {SweepMessage, SweepRequest} from "./excitabilityRunner.js";

const post = (message: SweepMessage) => (self as unknown as Worker).postMessage(message);

self.addEventListener("message", (event: MessageEvent<SweepRequest>) => {
  try {
    const {classify, ...request} = event.data;
    const curve = fICurve({...request, onProgress: (done, total) => post({type: "progress", done, total})});
    const {params, equation, method, dt, vPeak} = request;
    const verdict = classify ? excitabilityClass({params, equation, method, dt, vPeak}) : null;
    post({type: "result", result: {curve, verdict}});
  } catch (e) {
    post({type: "error", message: e instanceof Error ? e.message : String(e)});
  }
});
