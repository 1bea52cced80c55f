import {describe, expect, it} from "vitest";
import {fICurve} from "../../lib/analysis/fICurve.js";
import {
  Cancelled,
  executeSweep,
  sweepRunner,
  sweepStates,
  type SweepRequest,
  type SweepState
} from "../../src/workers/excitabilityRunner.js";
import {FakeWorker} from "./fakeWorker.js";

const request: SweepRequest = {
  params: {a: 0.2, b: 0.26, c: -65, d: 0},
  currents: [0.3, 0.5],
  duration: 100,
  transient: 20
};

describe("sweepRunner", () => {
  it("forwards progress after each current, then resolves to the library's curve", async () => {
    const workers: FakeWorker<SweepRequest>[] = [];
    const runner = sweepRunner(() => {
      const worker = new FakeWorker<SweepRequest>(executeSweep);
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const progress: number[][] = [];
    const promise = runner.run(request, (done, total) => progress.push([done, total]));
    workers[0]!.deliver();
    const result = await promise;
    expect(progress).toEqual([
      [1, 2],
      [2, 2]
    ]);
    expect(result!.curve).toEqual(fICurve(request));
    expect(workers[0]!.terminated).toBe(true);
  });

  it("a new sweep cancels the one in flight: its worker is terminated and its promise rejects with Cancelled", async () => {
    const workers: FakeWorker<SweepRequest>[] = [];
    const runner = sweepRunner(() => {
      const worker = new FakeWorker<SweepRequest>(executeSweep);
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const first = runner.run(request);
    const second = runner.run({...request, currents: [0.5]});
    expect(workers[0]!.terminated).toBe(true);
    workers[0]!.deliver(); // too late: nothing arrives from a terminated worker
    workers[1]!.deliver();
    await expect(first).rejects.toBeInstanceOf(Cancelled);
    expect((await second)!.curve.up!.points.map((p) => p.I)).toEqual([0.5]);
  });

  it("rejects with the library's message on bad input", async () => {
    const workers: FakeWorker<SweepRequest>[] = [];
    const runner = sweepRunner(() => {
      const worker = new FakeWorker<SweepRequest>(executeSweep);
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const promise = runner.run({...request, transient: 500});
    workers[0]!.deliver();
    await expect(promise).rejects.toThrow(/fICurve: transient/);
  });
});

describe("sweepStates", () => {
  it("streams running states with the progress, then the result", async () => {
    const workers: FakeWorker<SweepRequest>[] = [];
    const runner = sweepRunner(() => {
      const worker = new FakeWorker<SweepRequest>(executeSweep);
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const states: SweepState[] = [];
    const stream = sweepStates(runner, request);
    states.push((await stream.next()).value as SweepState);
    workers[0]!.deliver();
    for await (const state of stream) states.push(state);
    expect(states.map((s) => s.status)).toEqual(["running", "running", "running", "done"]);
    expect(states[2]).toEqual({status: "running", done: 2, total: 2, fallback: null});
  });

  it("says the sweep ran on the main thread when there is no worker", async () => {
    const runner = sweepRunner(() => null);
    const states: SweepState[] = [];
    for await (const state of sweepStates(runner, request)) states.push(state);
    expect(states.at(-1)).toMatchObject({status: "done", fallback: "this browser has no Web Workers"});
  });
});
