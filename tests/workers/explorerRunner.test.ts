import {describe, expect, it} from "vitest";
import {simulate, type SimulateOptions, type Trace} from "../../lib/index.js";
import {
  ATTEMPT_STEPS,
  ExplorerRunner,
  WarmWorkers,
  FRAME_MS,
  executeRun,
  predictedMs,
  warmIntegrator,
  type RunnerStatus
} from "../../src/workers/explorerRunner.js";
import {Cancelled} from "../../src/workers/workerRunner.js";
import {FakeWorker} from "./fakeWorker.js";

const RS = {params: {a: 0.02, b: 0.2, c: -65, d: 8}, current: 10};
const short: SimulateOptions = {...RS, duration: 100, method: "euler", dt: 0.25};
/** 10 s at 2⁻⁵ ms: 320,001 samples, far beyond one frame by any machine's measure. */
const long = (I: number): SimulateOptions => ({...RS, current: I, duration: 10_000, method: "adaptive", dt: 2 ** -5});

function setup() {
  const workers: FakeWorker<SimulateOptions>[] = [];
  const runner = new ExplorerRunner(() => {
    const w = new FakeWorker<SimulateOptions>(executeRun);
    workers.push(w);
    return w as unknown as Worker;
  });
  const statuses: RunnerStatus[] = [];
  runner.onStatus((s) => statuses.push(s));
  return {runner, workers, statuses};
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("ExplorerRunner", () => {
  it("predicts a 1000-ms adaptive run within a frame and a 10-s run beyond it", () => {
    expect(predictedMs({duration: 1000, dt: 2 ** -5, method: "adaptive"})).toBeLessThan(FRAME_MS);
    expect(predictedMs({duration: 10_000, dt: 2 ** -5, method: "adaptive"})).toBeGreaterThan(FRAME_MS);
  });

  it("never runs the adaptive method at once: its cost has no bound known in advance", () => {
    const {runner} = setup();
    expect(runner.runsAtOnce({...RS, duration: 10, method: "adaptive"})).toBe(false);
    expect(runner.runsAtOnce({...RS, duration: 10, method: "euler"})).toBe(true);
  });

  it("runs a short run at once, on the main thread, with the library's result", () => {
    const {runner, workers} = setup();
    const trace = runner.run(short);
    expect(trace).not.toBeInstanceOf(Promise);
    expect(Array.from((trace as ReturnType<typeof simulate>).spikes)).toEqual(Array.from(simulate(short).spikes));
    expect(workers).toHaveLength(0);
  });

  it("sends a long run to the worker and says so while it runs", async () => {
    const {runner, workers, statuses} = setup();
    const job = runner.run(long(10));
    expect(job).toBeInstanceOf(Promise);
    expect(workers).toHaveLength(1);
    expect(statuses.at(-1)).toMatchObject({busy: true, duration: 10_000, place: "worker"});
    workers[0].deliver();
    const trace = await job;
    expect(trace.spikes.length).toBe(simulate(long(10)).spikes.length);
    await flush();
    expect(statuses.at(-1)?.busy).toBe(false);
  });

  it("lets the newest request win: a waiting request is replaced, never run", async () => {
    const {runner, workers} = setup();
    const first = runner.run(long(10));
    const second = runner.run(long(11));
    const third = runner.run(long(12));
    const outcomes = Promise.allSettled([first, second, third]);
    // The first is in the worker; the second waited and was replaced by the third.
    expect(workers[0].received.map((o) => o.current)).toEqual([10]);
    workers[0].deliver();
    await flush();
    expect(workers[0].received.map((o) => o.current)).toEqual([10, 12]);
    workers[0].deliver();
    const [a, b, c] = await outcomes;
    expect(a.status).toBe("fulfilled");
    expect(b.status === "rejected" && b.reason).toBeInstanceOf(Cancelled);
    expect(c.status).toBe("fulfilled");
  });

  it("a library error in the worker rejects with the library's message", async () => {
    const {runner, workers} = setup();
    const job = runner.run({...long(10), params: {a: NaN, b: 0.2, c: -65, d: 8}});
    workers[0].deliver();
    await expect(job).rejects.toThrow(/params\.a/);
  });

  it("a short run overtakes a waiting long one", async () => {
    const {runner, workers} = setup();
    const first = runner.run(long(10));
    const waiting = runner.run(long(11)) as Promise<unknown>;
    const outcome = waiting.then(
      () => "ran",
      (e: unknown) => e
    );
    expect(runner.run(short)).not.toBeInstanceOf(Promise);
    expect(await outcome).toBeInstanceOf(Cancelled);
    workers[0].deliver();
    await first;
    await flush();
    expect(workers[0].received).toHaveLength(1);
  });
});

describe("WarmWorkers", () => {
  const make = () => {
    const made: FakeWorker<SimulateOptions>[] = [];
    const pool = new WarmWorkers(() => {
      const w = new FakeWorker<SimulateOptions>(executeRun);
      made.push(w);
      return w as unknown as Worker;
    });
    return {pool, made};
  };

  it("hands out the spare started at the previous take, from the second worker on", () => {
    const {pool, made} = make();
    expect(pool.take()).toBe(made[0]);
    expect(made.length).toBe(1); // a page that never restarts loads one worker
    expect(pool.take()).toBe(made[1]);
    expect(made.length).toBe(3); // the next one is loading
    expect(pool.take()).toBe(made[2]);
  });

  it("repeats to the new owner what the spare said before (ready, or failed to load)", async () => {
    const {pool, made} = make();
    pool.take();
    pool.take();
    const spare = made[2];
    spare.dispatchEvent(Object.assign(new Event("message"), {data: {ready: true}}));
    spare.dispatchEvent(new Event("error"));
    const heard: string[] = [];
    const worker = pool.take()!;
    expect(worker).toBe(spare);
    worker.addEventListener("message", (e) => heard.push(`message ${JSON.stringify((e as MessageEvent).data)}`));
    worker.addEventListener("error", () => heard.push("error"));
    await flush();
    expect(heard).toEqual(['message {"ready":true}', "error"]);
  });

  it("close terminates the spare and starts no other", () => {
    const {pool, made} = make();
    pool.take();
    pool.take();
    pool.close();
    expect(made[2].terminated).toBe(true);
    pool.take();
    expect(made.length).toBe(4); // made on demand, no spare after it
  });

  it("the explorer's runner closes its spare with itself", async () => {
    const {runner, workers} = setup();
    const first = runner.run(long(10)) as Promise<unknown>;
    first.catch(() => {});
    runner.close();
    await flush();
    expect(workers.every((w) => w.terminated)).toBe(true);
  });
});

// Last in this file: once warm, the integrator stays warm for the page (and for this module).
describe("ExplorerRunner: adaptive runs tried at once", () => {
  const rs1000: SimulateOptions = {...RS, duration: 1000, method: "adaptive", dt: 2 ** -5};

  it("sends adaptive runs to the worker until the integrator is warm, then tries them at once", async () => {
    const {runner, workers} = setup();
    const job = runner.run(rs1000);
    expect(job).toBeInstanceOf(Promise);
    workers[0]!.deliver();
    await job;
    await warmIntegrator();
    const trace = runner.run(rs1000) as Trace;
    expect(trace).not.toBeInstanceOf(Promise);
    const want = simulate(rs1000);
    expect(Array.from(trace.v)).toEqual(Array.from(want.v));
    expect(Array.from(trace.spikes)).toEqual(Array.from(want.spikes));
    expect(trace.warnings).toEqual([]);
    expect(workers[0]!.received).toHaveLength(1);
    expect(runner.status().place).toBe("main thread");
  });

  it("hands an attempt that reaches its budget to the worker, and keeps the trace on screen intact", async () => {
    await warmIntegrator();
    const {runner, workers} = setup();
    const first = runner.run(rs1000) as Trace;
    const shown = Array.from(first.v);
    // A tolerance of 1e-14 takes more than ATTEMPT_STEPS adaptive steps over these 1000 ms.
    const fine = (I: number): SimulateOptions => ({...rs1000, current: I, tolerance: 1e-14});
    const jobs = [runner.run(fine(11)), runner.run(fine(12))];
    for (const job of jobs) expect(job).toBeInstanceOf(Promise);
    expect(Array.from(first.v)).toEqual(shown);
    expect(workers).toHaveLength(1);
    const outcomes = Promise.allSettled(jobs);
    workers[0]!.deliver(); // the first attempt's run, in the worker
    await flush();
    workers[0]!.deliver(); // the second's
    const [, second] = await outcomes;
    expect(second.status === "fulfilled" && Array.from(second.value.v)).toEqual(Array.from(simulate(fine(12)).v));
    expect(ATTEMPT_STEPS).toBe(50_000);
  });

  it("sends an adaptive run whose grid alone exceeds the attempt's budget straight to the worker", async () => {
    await warmIntegrator();
    const {runner, workers} = setup();
    const job = runner.run(long(10));
    expect(job).toBeInstanceOf(Promise);
    expect(workers).toHaveLength(1);
    runner.close();
    await expect(job).rejects.toBeInstanceOf(Cancelled);
  });
});

describe("ExplorerRunner: rehearsal", () => {
  const rs1000: SimulateOptions = {...RS, duration: 1000, method: "adaptive", dt: 2 ** -5};

  it("reruns the newest request tried at once into the next columns, never the trace on screen", async () => {
    await warmIntegrator();
    const {runner} = setup();
    const shown = runner.run(rs1000) as Trace;
    const v = Array.from(shown.v);
    runner.run({...rs1000, current: 12}); // the next columns now hold this run; the first is on screen
    const screen = runner.run({...rs1000, current: 14}) as Trace; // written where the first was
    expect(Array.from(screen.v)).not.toEqual(v);
    // Marks on the trace on screen and on the other set: a rerun of the same request writes the same numbers.
    screen.v[5] = 1234;
    const other = runner.run({...rs1000, current: 12}) as Trace; // into the other set (now on screen)
    other.v[5] = 4321;
    const rehearsed = runner.rehearse(); // reruns current 12 into the set not on screen: the one `screen` views
    expect(screen.v[5]).not.toBe(1234);
    expect(rehearsed!.v.buffer).toBe(screen.v.buffer); // the rerun it returns (for a rehearsal to draw)
    expect(Array.from(rehearsed!.v)).toEqual(Array.from(simulate({...rs1000, current: 12}).v));
    expect(other.v[5]).toBe(4321);
    expect(runner.triesAtOnce(rs1000)).toBe(true);
    expect(runner.triesAtOnce(long(10))).toBe(false);
    expect(runner.triesAtOnce(short)).toBe(true);
  });
});
