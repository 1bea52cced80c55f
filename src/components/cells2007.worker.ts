/** The 2007-cells page's worker: runs one simulation per message (see cells2007Runner.ts). */
import {execute, type RunRequest} from "./cells2007Runner.js";

self.addEventListener("message", (event: MessageEvent) => {
  const {key, request} = event.data as {key: number; request: RunRequest};
  try {
    const trace = execute(request);
    const buffers = [trace.t, trace.v, trace.u, trace.I, trace.spikes].map((a) => a.buffer).filter((b, i, all) => all.indexOf(b) === i);
    (self as unknown as Worker).postMessage({key, trace}, buffers as ArrayBuffer[]);
  } catch (e) {
    (self as unknown as Worker).postMessage({key, error: e instanceof Error ? e.message : String(e)});
  }
});
