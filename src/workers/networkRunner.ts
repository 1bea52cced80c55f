/**
 * Where the network page runs the 2003 network (net.m, createNetwork): in a Web Worker when the page gives one,
 * else on the main thread, one request per task. The page drives it by requests, answered in order:
 *
 * - "start" builds a new network (a new seed, size, mix or connectivity) and answers with its size and each
 *   neuron's a, b, c, d;
 * - "run" steps the network `ms` 1-ms steps and answers with the chunk (its arrays transferred, not copied);
 * - "set" changes weight or noise scales from the next step on (Network.set).
 *
 * Playing is the page asking for the next chunk once it has drawn the last; pausing is not asking. A worker that
 * fails to load is replaced by the main thread, and the requests it had not answered are run there.
 */
import {createNetwork} from "../lib/network/createNetwork.js";
import type {Network, NetworkChanges, NetworkChunk, NetworkOptions} from "../lib/index.js";

/** What the page needs to know of a new network: its size and every neuron's parameters. */
export interface NetworkInfo {
  n: number;
  ne: number;
  ni: number;
  /** Targets per neuron, or 0 for all to all. */
  connections: number;
  seed: number;
  /** Each neuron's a, b, c, d (excitatory neurons first). */
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  d: Float64Array;
  /** The r ~ U(0, 1) each neuron's parameters were drawn from (0 and 1: the ends of its population's range). */
  r: Float64Array;
}

/** A request to the network's host. */
export type NetworkRequest =
  {type: "start"; options: NetworkOptions} | {type: "run"; ms: number} | {type: "set"; changes: NetworkChanges};

/** The answer to one request. */
export type NetworkReply =
  | {type: "started"; info: NetworkInfo}
  | {type: "chunk"; chunk: NetworkChunk}
  | {type: "set"}
  | {type: "error"; message: string};

/** Holds one network and answers requests about it (the worker and the main-thread fallback share this). */
export class NetworkHost {
  private network: Network | null = null;

  handle(request: NetworkRequest): NetworkReply {
    try {
      if (request.type === "start") {
        this.network = null; // a failed start leaves no network behind
        const network = createNetwork(request.options);
        this.network = network;
        const {a, b, c, d, r} = network.parameters;
        const info: NetworkInfo = {
          n: network.n,
          ne: network.ne,
          ni: network.ni,
          connections: network.connections,
          seed: network.seed,
          a: a.slice(),
          b: b.slice(),
          c: c.slice(),
          d: d.slice(),
          r: r.slice()
        };
        return {type: "started", info};
      }
      if (!this.network) return {type: "error", message: "the network has not been built"};
      if (request.type === "run") return {type: "chunk", chunk: this.network.step(request.ms)};
      this.network.set(request.changes);
      return {type: "set"};
    } catch (e) {
      return {type: "error", message: e instanceof Error ? e.message : String(e)};
    }
  }
}

/** The buffers a reply can hand over instead of copying. */
export function replyTransfer(reply: NetworkReply): ArrayBuffer[] {
  if (reply.type === "chunk") {
    const {spikes, counts} = reply.chunk;
    return [spikes.neuron, spikes.time, counts.excitatory, counts.inhibitory].map((x) => x.buffer as ArrayBuffer);
  }
  if (reply.type === "started")
    return (["a", "b", "c", "d", "r"] as const).map((key) => reply.info[key].buffer as ArrayBuffer);
  return [];
}

/** The page's handle on the network: each call answers once its host has run it (in the order of the calls). */
export interface NetworkDriver {
  start(options: NetworkOptions): Promise<NetworkInfo>;
  run(ms: number): Promise<NetworkChunk>;
  set(changes: NetworkChanges): Promise<void>;
  /** Whether the network runs on the page's own thread (no worker, or the worker failed to load). */
  readonly onMainThread: boolean;
  /** Stops the worker; calls after this never answer. */
  close(): void;
}

/** The smallest interface of a Worker the driver uses (a test may pass a stand-in). */
export interface WorkerLike extends EventTarget {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
}

interface Pending {
  request: NetworkRequest;
  resolve: (reply: NetworkReply) => void;
}

/** Settles a reply as the value its caller expects, or rejects with the host's message. */
function expect<T>(reply: Promise<NetworkReply>, pick: (reply: NetworkReply) => T | undefined): Promise<T> {
  return reply.then((r) => {
    if (r.type === "error") throw new Error(r.message);
    const value = pick(r);
    if (value === undefined) throw new Error(`unexpected reply ${r.type}`);
    return value;
  });
}

/**
 * The driver: requests go to `worker` (network.worker.ts), or, when it is null or fails to load, to a
 * {@link NetworkHost} on the main thread, one request per task (setTimeout 0) so input events get a turn.
 */
export function networkDriver(worker: WorkerLike | null): NetworkDriver {
  let host: NetworkHost | null = worker ? null : new NetworkHost();
  let lastStart: NetworkRequest | null = null;
  let closed = false;
  const pending: Pending[] = [];

  const runOnPage = (item: Pending) =>
    setTimeout(() => {
      if (!closed && host) item.resolve(host.handle(item.request));
    }, 0);

  // A worker that fails to load: the page takes over, rebuilding the network the worker was asked for.
  const fallBack = () => {
    if (host || closed) return;
    host = new NetworkHost();
    worker?.terminate();
    const unanswered = pending.splice(0);
    if (lastStart && !unanswered.some((p) => p.request === lastStart)) host.handle(lastStart);
    for (const item of unanswered) runOnPage(item);
  };

  if (worker) {
    worker.addEventListener("message", (event) => {
      const reply = (event as MessageEvent).data as NetworkReply | {type: "ready"};
      if (reply.type === "ready" || host) return;
      pending.shift()?.resolve(reply);
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault?.();
      fallBack();
    });
  }

  const send = (request: NetworkRequest): Promise<NetworkReply> =>
    new Promise((resolve) => {
      if (request.type === "start") lastStart = request;
      const item = {request, resolve};
      if (host) runOnPage(item);
      else {
        pending.push(item);
        worker!.postMessage(request);
      }
    });

  return {
    start: (options) => expect(send({type: "start", options}), (r) => (r.type === "started" ? r.info : undefined)),
    run: (ms) => expect(send({type: "run", ms}), (r) => (r.type === "chunk" ? r.chunk : undefined)),
    set: (changes) => expect(send({type: "set", changes}), (r) => (r.type === "set" ? null : undefined)).then(() => {}),
    get onMainThread() {
      return host !== null;
    },
    close() {
      closed = true;
      worker?.terminate();
    }
  };
}

/**
 * Milliseconds of network time per chunk: 20 ms in a worker (a frame's worth for net.m's 1000 neurons); on the
 * main thread about 20,000 neuron-steps, so that one chunk stays a short task however large the network.
 */
export function chunkMs(n: number, onMainThread: boolean): number {
  return onMainThread ? Math.max(1, Math.min(20, Math.floor(20_000 / n))) : 20;
}
