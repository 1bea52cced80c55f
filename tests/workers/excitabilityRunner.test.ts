import {afterEach, describe, expect, it, vi} from "vitest";
import {excitabilityClassSteps} from "../../lib/analysis/excitabilityClass.js";
import {fICurve} from "../../lib/analysis/fICurve.js";
import {
  Cancelled,
  SWEEP_ADVICE,
  executeSweep,
  sweepRunner,
  sweepSteps,
  sweepStates,
  type SweepRequest,
  type SweepState
} from "../../src/workers/excitabilityRunner.js";
import {FakeWorker, fakeWorkers} from "./fakeWorker.js";
import {LONG_SWEEP, SWEEP} from "./sweepFixtures.js";

const request = SWEEP;

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
    // The worker stays for the page's next sweep.
    expect(workers[0]!.terminated).toBe(false);
  });

  it("a new sweep cancels the one in flight: its promise rejects with Cancelled, the worker is told and kept", async () => {
    const workers: FakeWorker<SweepRequest>[] = [];
    const runner = sweepRunner(
      () => {
        const worker = new FakeWorker<SweepRequest>(executeSweep);
        workers.push(worker);
        return worker as unknown as Worker;
      },
      undefined,
      undefined,
      0
    );
    const posted: unknown[] = [];
    const first = runner.run(request);
    const post = workers[0]!.postMessage.bind(workers[0]!);
    workers[0]!.postMessage = (message) => {
      posted.push(message);
      post(message);
    };
    const second = runner.run({...request, currents: [0.5]});
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(false);
    expect(posted[0]).toEqual({cancel: 1});
    workers[0]!.deliver(); // the first sweep's answer comes too late: nobody hears it
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

describe("the sweep without workers, and over its budget", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sweepSteps yields after each current and each run of the verdict, and returns exactly executeSweep's result", () => {
    const classified = {...request, classify: true};
    const steps = sweepSteps(classified, () => {});
    let yields = 0;
    for (;;) {
      const next = steps.next();
      if (next.done) {
        expect(next.value).toEqual(executeSweep(classified, () => {}));
        expect(next.value.verdict).not.toBeNull();
        break;
      }
      yields++;
    }
    let verdictRuns = 0;
    for (const _ of excitabilityClassSteps({params: request.params})) verdictRuns++;
    expect(verdictRuns).toBeGreaterThan(4); // the onset's bisection, then four probes
    expect(yields).toBe(2 + verdictRuns); // two currents
  });

  it("without a worker, sweeps on the main thread in several tasks and gives the library's curve", async () => {
    // Slices of 0 ms: a step per task, so the count below does not depend on this machine's speed.
    const runner = sweepRunner(() => null, undefined, 0);
    let ticks = 0;
    let watching = true;
    const tick = () => {
      ticks++;
      if (watching) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const progress: number[] = [];
    const many = {...request, currents: {from: 0, to: 1, count: 12}, duration: 400, direction: "both" as const};
    const result = await runner.run(many, (done) => progress.push(done));
    watching = false;
    expect(result.curve).toEqual(fICurve(many));
    expect(progress).toEqual(Array.from({length: 24}, (_, k) => k + 1));
    // The timer got turns while the sweep ran: it was not one task.
    expect(ticks).toBeGreaterThan(10);
    expect(runner.fallbackReason!()).toBe("this browser has no Web Workers");
  });

  it("without a worker, a new sweep stops the old one", async () => {
    const runner = sweepRunner(() => null);
    const long = LONG_SWEEP;
    const heard: number[] = [];
    const first = runner.run(long, (done) => heard.push(done));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = runner.run(request);
    await expect(first).rejects.toBeInstanceOf(Cancelled);
    expect((await second).curve).toEqual(fICurve(request));
    const heardBefore = heard.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard.length).toBe(heardBefore);
    expect(heardBefore).toBeLessThan(200);
  });

  it("a sweep over its time budget ends the stream with a plain message and what to change", async () => {
    vi.useFakeTimers();
    const {make, workers} = fakeWorkers<SweepRequest>(executeSweep);
    const runner = sweepRunner(make, 300);
    const states: SweepState[] = [];
    const collect = (async () => {
      for await (const state of sweepStates(runner, request)) states.push(state);
    })();
    // The worker never answers.
    await vi.advanceTimersByTimeAsync(300);
    await collect;
    expect(states.at(-1)).toEqual({
      status: "error",
      stopped: true,
      message: `This run was stopped after 0.3 s, its time budget: ${SWEEP_ADVICE}`,
      fallback: null
    });
    expect(workers[0]!.terminated).toBe(true);
  });
});
