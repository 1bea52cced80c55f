import {afterEach, describe, expect, it, vi} from "vitest";
import {simulate, type SimulateOptions} from "../../lib/simulate.js";
import {isOverBudget} from "../../src/workers/sharedRunner.js";
import {ZOO_ADVICE, zooRunner} from "../../src/workers/zooRunner.js";
import {fakeWorkers} from "./fakeWorker.js";

afterEach(() => {
  vi.useRealTimers();
});

const run = (I: number): SimulateOptions => ({params: {a: 0.02, b: 0.2, c: -65, d: 8}, current: I, duration: 50});

describe("zooRunner", () => {
  it("queues every panel's run in the worker; one over its budget is stopped with the zoo's advice, the rest go on", async () => {
    vi.useFakeTimers();
    const {make, workers} = fakeWorkers<SimulateOptions>(simulate);
    const runner = zooRunner(make, 1000);
    const outcome = (p: Promise<unknown>) =>
      p.then(
        (value) => ({value}),
        (error: unknown) => ({error})
      );
    const jobs = [5, 10, 15].map((I, k) => outcome(runner.runLater(run(I), {key: `panel ${k}`})));
    expect(runner.status()).toMatchObject({busy: true, place: "worker"});
    // The first panel's run never answers; it is stopped after its second of budget.
    await vi.advanceTimersByTimeAsync(1000);
    const first = (await jobs[0]) as {error: Error};
    expect(isOverBudget(first.error)).toBe(true);
    expect(first.error.message).toBe(`This run was stopped after 1 s, its time budget: ${ZOO_ADVICE}`);
    for (const k of [1, 2]) {
      workers[1]!.deliver();
      await vi.advanceTimersByTimeAsync(0);
      expect(((await jobs[k]) as {value: {spikes: Float64Array}}).value.spikes).toEqual(
        simulate(run([5, 10, 15][k]!)).spikes
      );
    }
    expect(workers[1]!.received).toHaveLength(2);
    expect(runner.status().busy).toBe(false);
  });
});
