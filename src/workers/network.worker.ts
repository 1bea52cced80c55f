/** The network page's worker: holds one network and answers the page's requests in order (networkRunner.ts). */
import {NetworkHost, replyTransfer, type NetworkRequest} from "./networkRunner.js";

const scope = self as unknown as Worker;
const host = new NetworkHost();
scope.postMessage({type: "ready"});
scope.addEventListener("message", (event: MessageEvent) => {
  const reply = host.handle(event.data as NetworkRequest);
  scope.postMessage(reply, replyTransfer(reply));
});
