import {describe, expect, it} from "vitest";
import {createNetwork, type NetworkChunk} from "../../lib/index.js";
import {
  chunkMs,
  networkDriver,
  NetworkHost,
  replyTransfer,
  type NetworkReply,
  type NetworkRequest
} from "../../src/workers/networkRunner.js";

/** A stand-in for network.worker.ts: answers each request with a real NetworkHost, delivered on `deliver`. */
class FakeNetworkWorker extends EventTarget {
  readonly host = new NetworkHost();
  received: NetworkRequest[] = [];
  outbox: NetworkReply[] = [];
  terminated = false;
  postMessage(request: NetworkRequest) {
    this.received.push(request);
    this.outbox.push(this.host.handle(request));
  }
  deliver() {
    for (const data of this.outbox.splice(0))
      if (!this.terminated) this.dispatchEvent(Object.assign(new Event("message"), {data}));
  }
  fail() {
    this.dispatchEvent(new Event("error"));
  }
  terminate() {
    this.terminated = true;
  }
}

const small = {seed: 3, ne: 40, ni: 10};
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const spikesOf = (chunks: NetworkChunk[]) =>
  chunks.flatMap((c) => [...c.spikes.neuron].map((i, k) => `${c.spikes.time[k]}:${i}`));

describe("NetworkHost", () => {
  it("answers start with the network's size and every neuron's parameters", () => {
    const host = new NetworkHost();
    const reply = host.handle({type: "start", options: small});
    expect(reply.type).toBe("started");
    if (reply.type !== "started") return;
    const reference = createNetwork(small);
    expect(reply.info).toMatchObject({n: 50, ne: 40, ni: 10, connections: 0, seed: 3});
    expect([...reply.info.c]).toEqual([...reference.parameters.c]);
    expect([...reply.info.r]).toEqual([...reference.parameters.r]);
  });

  it("runs in chunks the spikes of one long run, and set changes the scales from the next step", () => {
    const host = new NetworkHost();
    host.handle({type: "start", options: small});
    const chunks: NetworkChunk[] = [];
    for (const ms of [20, 1, 79]) {
      const reply = host.handle({type: "run", ms});
      if (reply.type === "chunk") chunks.push(reply.chunk);
    }
    expect(chunks.map((c) => c.to)).toEqual([20, 21, 100]);
    const whole = createNetwork(small).step(100);
    expect(spikesOf(chunks)).toEqual(spikesOf([whole]));

    expect(host.handle({type: "set", changes: {noise: {excitatory: 0, inhibitory: 0}}})).toEqual({type: "set"});
    const reference = createNetwork(small);
    reference.step(100);
    reference.set({noise: {excitatory: 0, inhibitory: 0}});
    const next = host.handle({type: "run", ms: 50});
    expect(next.type === "chunk" && spikesOf([next.chunk])).toEqual(spikesOf([reference.step(50)]));
  });

  it("answers bad requests with the library's message, and runs nothing before a start", () => {
    const host = new NetworkHost();
    expect(host.handle({type: "run", ms: 1})).toEqual({type: "error", message: "the network has not been built"});
    const bad = host.handle({type: "start", options: {ne: -1}});
    expect(bad.type === "error" && bad.message).toMatch(/^ne:/);
    host.handle({type: "start", options: small});
    const badSet = host.handle({type: "set", changes: {weights: {excitatory: Number.NaN}}});
    expect(badSet.type === "error" && badSet.message).toMatch(/weights\.excitatory/);
  });

  it("hands over a chunk's four arrays instead of copying them", () => {
    const host = new NetworkHost();
    host.handle({type: "start", options: small});
    const reply = host.handle({type: "run", ms: 10});
    expect(replyTransfer(reply)).toHaveLength(4);
    expect(replyTransfer({type: "set"})).toEqual([]);
  });
});

describe("networkDriver", () => {
  it("sends requests to the worker and settles them in order", async () => {
    const worker = new FakeNetworkWorker();
    const driver = networkDriver(worker);
    expect(driver.onMainThread).toBe(false);
    const info = driver.start(small);
    const first = driver.run(30);
    const second = driver.run(30);
    worker.deliver();
    expect((await info).n).toBe(50);
    expect((await first).to).toBe(30);
    expect((await second).from).toBe(30);
    expect(worker.received.map((r) => r.type)).toEqual(["start", "run", "run"]);
  });

  it("rejects with the host's message", async () => {
    const worker = new FakeNetworkWorker();
    const driver = networkDriver(worker);
    const started = driver.start({ne: 1.5});
    worker.deliver();
    await expect(started).rejects.toThrow(/^ne:/);
  });

  it("without a worker runs on the main thread, one request per task", async () => {
    const driver = networkDriver(null);
    expect(driver.onMainThread).toBe(true);
    await driver.start(small);
    const chunk = await driver.run(100);
    expect(spikesOf([chunk])).toEqual(spikesOf([createNetwork(small).step(100)]));
  });

  it("when the worker fails to load, rebuilds its network on the main thread and answers what it had not", async () => {
    const worker = new FakeNetworkWorker();
    const driver = networkDriver(worker);
    const started = driver.start(small);
    worker.deliver();
    await started;
    const lost = driver.run(40); // sent, never answered
    worker.fail();
    expect(driver.onMainThread).toBe(true);
    expect(worker.terminated).toBe(true);
    await flush();
    const chunk = await lost;
    expect(chunk.from).toBe(0);
    expect(spikesOf([chunk])).toEqual(spikesOf([createNetwork(small).step(40)]));
  });
});

describe("chunkMs", () => {
  it("gives a worker 20 ms per chunk and keeps the main thread's chunks near 20,000 neuron-steps", () => {
    expect(chunkMs(1000, false)).toBe(20);
    expect(chunkMs(10_000, false)).toBe(20);
    expect(chunkMs(1000, true)).toBe(20);
    expect(chunkMs(10_000, true)).toBe(2);
    expect(chunkMs(100_000, true)).toBe(1);
  });
});
