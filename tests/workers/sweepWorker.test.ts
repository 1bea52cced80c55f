// The f–I sweep in one worker kept for the page: serveSteps (the worker's side) over a real MessageChannel, so
// messages cross as they do between a page and its worker (cloned, in their own tasks), and sweepRunner's wait
// for the requests to pause.
import {afterEach, describe, expect, it, vi} from "vitest";
import {
  Cancelled,
  executeSweep,
  sweepRunner,
  sweepStates,
  sweepSteps,
  type SweepRequest,
  type SweepRunning,
  type SweepState
} from "../../src/workers/excitabilityRunner.js";
import {serveSteps, type Progress, type WorkerScope} from "../../src/workers/workerRunner.js";
import {fakeWorkers} from "./fakeWorker.js";
import {LONG_SWEEP, SWEEP} from "./sweepFixtures.js";

const request = SWEEP;
const long = LONG_SWEEP;

/** How many steps sweepSteps takes for a whole sweep of `r`. */
function stepsOf(r: SweepRequest): number {
  let n = 0;
  const steps = sweepSteps(r, () => {});
  while (!steps.next().done) n++;
  return n + 1;
}

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.useRealTimers();
});

/**
 * Workers made of MessageChannels served by serveSteps(sweepSteps) in slices of `sliceMs`; `taken` counts the
 * steps the worker side has computed, over all its jobs.
 */
function channelWorkers(sliceMs = 0, progressMs = 0) {
  const made: {terminated: boolean}[] = [];
  const counter = {taken: 0};
  const counting = (r: SweepRequest, progress: Progress): Iterator<unknown, ReturnType<typeof executeSweep>> => {
    const steps = sweepSteps(r, progress);
    return {
      next: () => {
        counter.taken++;
        return steps.next();
      }
    };
  };
  const make = () => {
    const {port1, port2} = new MessageChannel();
    // The worker side yields with timeouts here: Node delivers a port's messages in batches of up to a thousand,
    // so a worker yielding through a MessageChannel of its own would read nothing else until its job ends (a
    // browser runs each message as a task of its own).
    vi.stubGlobal("MessageChannel", undefined);
    const stop = serveSteps(counting, port2 as unknown as WorkerScope, sliceMs, progressMs);
    vi.unstubAllGlobals();
    const state = {terminated: false};
    const close = () => {
      stop();
      port1.close();
    };
    stops.push(close);
    made.push(state);
    return Object.assign(port1, {
      terminate: () => {
        state.terminated = true;
        close();
      }
    }) as unknown as Worker;
  };
  return {make, made, counter};
}

describe("a sweep worker kept for the page (serveSteps)", () => {
  it("a superseded sweep rejects with Cancelled and stops between currents; the next one equals a fresh executeSweep", async () => {
    const {make, made, counter} = channelWorkers();
    const runner = sweepRunner(make, undefined, undefined, 0);
    let heardFirst = 0;
    let started!: () => void;
    const firstProgress = new Promise<void>((resolve) => (started = resolve));
    const first = runner.run(long, () => {
      heardFirst++;
      started();
    });
    await firstProgress;
    const next: SweepRequest = {...request, currents: [0.4, 0.6], classify: true};
    const second = runner.run(next);
    await expect(first).rejects.toBeInstanceOf(Cancelled);
    const heardAtCancel = heardFirst;
    expect(await second).toEqual(executeSweep(next, () => {}));
    // One worker did both, and it is still there; the first sweep was dropped long before its end.
    expect(made).toEqual([{terminated: false}]);
    expect(counter.taken).toBeLessThan(stepsOf(long));
    // Nothing of the cancelled sweep reached the page after its cancel.
    expect(heardFirst).toBe(heardAtCancel);
  });

  it("sends progress at the end of a slice, the latest count, and always before the result", async () => {
    const oneSlice = sweepRunner(channelWorkers(60_000).make, undefined, undefined, 0);
    const heard: number[][] = [];
    await oneSlice.run(request, (done, total) => heard.push([done, total]));
    expect(heard).toEqual([[2, 2]]);

    const stepBySlice = sweepRunner(channelWorkers(0).make, undefined, undefined, 0);
    const each: number[][] = [];
    const result = await stepBySlice.run(request, (done, total) => each.push([done, total]));
    expect(each).toEqual([
      [1, 2],
      [2, 2]
    ]);
    expect(result).toEqual(executeSweep(request, () => {}));
  });

  it("sends progress at most once per progressMs: here the first count, then the last before the result", async () => {
    const runner = sweepRunner(channelWorkers(0, 60_000).make, undefined, undefined, 0);
    const heard: number[][] = [];
    const many = {...request, currents: {from: 0, to: 1, count: 6}};
    await runner.run(many, (done, total) => heard.push([done, total]));
    expect(heard).toEqual([
      [1, 6],
      [6, 6]
    ]);
  });

  it("answers bad input with the library's message, then serves the next sweep", async () => {
    const {make, made} = channelWorkers();
    const runner = sweepRunner(make, undefined, undefined, 0);
    await expect(runner.run({...request, transient: 500})).rejects.toThrow(/fICurve: transient/);
    expect((await runner.run(request)).curve).toEqual(executeSweep(request, () => {}).curve);
    expect(made).toHaveLength(1);
  });

  it("close() frees the worker (a later sweep starts another); cancel() keeps it", async () => {
    const {make, made} = channelWorkers();
    const runner = sweepRunner(make, undefined, undefined, 0);
    const first = runner.run(long);
    runner.cancel();
    await expect(first).rejects.toBeInstanceOf(Cancelled);
    await runner.run(request);
    expect(made).toEqual([{terminated: false}]);
    const second = runner.run(long);
    runner.close!();
    await expect(second).rejects.toBeInstanceOf(Cancelled);
    expect(made).toEqual([{terminated: true}]);
    expect((await runner.run(request)).curve).toEqual(executeSweep(request, () => {}).curve);
    expect(made).toEqual([{terminated: true}, {terminated: false}]);
  });
});

describe("sweeps asked for in quick succession", () => {
  it("wait for the requests to pause: only the newest starts, once none has come for the quiet time", async () => {
    vi.useFakeTimers({toFake: ["setTimeout", "clearTimeout", "performance"]});
    const {make, workers} = fakeWorkers<SweepRequest>(executeSweep);
    const runner = sweepRunner(make, undefined, undefined, 250);
    const started = () => workers.flatMap((w) => w.received).filter((r) => r !== undefined);
    const a = runner.run(request);
    expect(started()).toHaveLength(1); // after a rest: at once
    const b = runner.run({...request, currents: [0.35]});
    await expect(a).rejects.toBeInstanceOf(Cancelled);
    await vi.advanceTimersByTimeAsync(100);
    const c: SweepRequest = {...request, currents: [0.45]};
    const cResult = runner.run(c);
    await expect(b).rejects.toBeInstanceOf(Cancelled);
    await vi.advanceTimersByTimeAsync(249);
    expect(started()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(started()).toEqual([request, c]);
    workers[0]!.deliver();
    expect(await cResult).toEqual(executeSweep(c, () => {}));
    // After a rest, the next sweep starts at once again.
    await vi.advanceTimersByTimeAsync(1000);
    void runner.run(request);
    expect(started()).toHaveLength(3);
  });
});

describe("sweepStates with a progress callback", () => {
  it("yields only the start and the outcome, and hands every progress count to the callback", async () => {
    const {make, workers} = fakeWorkers<SweepRequest>(executeSweep);
    const runner = sweepRunner(make);
    const progress: SweepRunning[] = [];
    const states: SweepState[] = [];
    const stream = sweepStates(runner, request, (state) => progress.push(state));
    states.push((await stream.next()).value as SweepState);
    workers[0]!.deliver();
    for await (const state of stream) states.push(state);
    expect(states.map((s) => s.status)).toEqual(["running", "done"]);
    expect(progress.map((s) => [s.done, s.total])).toEqual([
      [0, 1],
      [1, 2],
      [2, 2]
    ]);
  });
});
