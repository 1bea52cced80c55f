import {afterEach, describe, expect, it, vi} from "vitest";
import {BUDGET_MS, OverBudget, SharedRunner, isOverBudget, type RunnerStatus} from "../../src/workers/sharedRunner.js";
import {ANSWER_MS, Cancelled, WorkerJobs} from "../../src/workers/workerRunner.js";
import {FakeWorker} from "./fakeWorker.js";

/** A request: how much it is predicted to cost on the main thread (ms), and a value echoed back doubled. */
type Req = {cost: number; value: number};
const execute = ({value}: Req) => 2 * value;

function setup(options: {budgetMs?: number; answerMs?: number} = {}) {
  const workers: FakeWorker<Req>[] = [];
  const runner = new SharedRunner<Req, number>(
    () => {
      const w = new FakeWorker<Req>(execute);
      workers.push(w);
      return w as unknown as Worker;
    },
    execute,
    {predictMs: (r) => r.cost, duration: (r) => r.value, advice: () => "choose a smaller value", ...options}
  );
  const statuses: RunnerStatus[] = [];
  runner.onStatus((s) => statuses.push(s));
  return {runner, workers, statuses};
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe("SharedRunner", () => {
  it("runs a request predicted to fit in a frame at once, and one that may not in the worker", async () => {
    const {runner, workers, statuses} = setup();
    expect(runner.run({cost: 1, value: 3})).toBe(6);
    expect(workers).toHaveLength(0);
    const job = runner.run({cost: Infinity, value: 4});
    expect(job).toBeInstanceOf(Promise);
    expect(statuses.at(-1)).toMatchObject({busy: true, place: "worker", fallback: null, duration: 4});
    workers[0]!.deliver();
    expect(await job).toBe(8);
  });

  it("stops a worker run over its time budget, terminates the worker and says what to change", async () => {
    vi.useFakeTimers();
    const {runner, workers, statuses} = setup({budgetMs: 500});
    const job = runner.run({cost: Infinity, value: 1});
    const outcome = (job as Promise<number>).then(
      () => null,
      (e: unknown) => e
    );
    // The worker never answers (its messages are never delivered): the budget runs out.
    await vi.advanceTimersByTimeAsync(499);
    expect(workers[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(isOverBudget(error)).toBe(true);
    expect((error as OverBudget).message).toBe(
      "This run was stopped after 0.5 s, its time budget: choose a smaller value"
    );
    expect(workers[0]!.terminated).toBe(true);
    expect(statuses.at(-1)?.busy).toBe(false);
    // The next request starts in a fresh worker.
    const next = runner.run({cost: Infinity, value: 5});
    expect(workers).toHaveLength(2);
    workers[1]!.deliver();
    expect(await next).toBe(10);
  });

  it("a run that answers within the budget is not stopped", async () => {
    vi.useFakeTimers();
    const {runner, workers} = setup({budgetMs: 500});
    const job = runner.run({cost: Infinity, value: 2});
    await vi.advanceTimersByTimeAsync(400);
    workers[0]!.deliver();
    expect(await job).toBe(4);
    await vi.advanceTimersByTimeAsync(1000);
    expect(workers[0]!.terminated).toBe(false);
  });

  it("has a budget of a few seconds by default", () => {
    expect(BUDGET_MS).toBeGreaterThanOrEqual(2000);
    expect(BUDGET_MS).toBeLessThanOrEqual(10_000);
  });

  it("cancels superseded requests instead of queueing them: 200 requests, at most two runs", async () => {
    const {runner, workers} = setup();
    const jobs = Array.from({length: 200}, (_, i) => runner.run({cost: Infinity, value: i}) as Promise<number>);
    const outcomes = Promise.allSettled(jobs);
    workers.at(-1)!.deliver();
    await flush();
    workers.at(-1)!.deliver();
    const settled = await outcomes;
    const ran = workers.flatMap((w) => w.received.map((r) => r.value));
    expect(ran).toEqual([0, 199]);
    expect(settled.at(-1)).toEqual({status: "fulfilled", value: 398});
    expect(settled.slice(1, -1).every((s) => s.status === "rejected" && s.reason instanceof Cancelled)).toBe(true);
  });

  it("says the runs happen on the main thread, and why, when there are no workers", async () => {
    const runner = new SharedRunner<Req, number>(() => null, execute, {predictMs: (r) => r.cost});
    expect(await runner.run({cost: Infinity, value: 7})).toBe(14);
    expect(runner.status()).toMatchObject({place: "main thread", fallback: "this browser has no Web Workers"});
  });
});

describe("WorkerJobs", () => {
  it("replaces a worker that never answers by the main thread, and says so", async () => {
    vi.useFakeTimers();
    const silent = new FakeWorker<Req>(execute);
    const jobs = new WorkerJobs<Req, number>(() => silent as unknown as Worker, execute, 1000);
    const job = jobs.run({cost: 0, value: 21});
    expect(jobs.fallbackReason).toBeNull();
    await vi.advanceTimersByTimeAsync(999);
    expect(silent.terminated).toBe(false);
    // The silence runs out; the job then runs on the main thread, in a task of its own.
    await vi.advanceTimersByTimeAsync(2);
    expect(await job).toBe(42);
    expect(silent.terminated).toBe(true);
    expect(jobs.fallbackReason).toBe("the worker did not answer within 1 s");
  });

  it("keeps a worker that said it loaded, however long its job takes", async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker<Req>(execute);
    const jobs = new WorkerJobs<Req, number>(() => worker as unknown as Worker, execute);
    const job = jobs.run({cost: 0, value: 1});
    worker.dispatchEvent(Object.assign(new Event("message"), {data: {ready: true}}));
    await vi.advanceTimersByTimeAsync(ANSWER_MS * 3);
    expect(jobs.fallbackReason).toBeNull();
    worker.deliver();
    expect(await job).toBe(2);
  });

  it("says when the worker failed to load", async () => {
    const worker = new FakeWorker<Req>(execute);
    const jobs = new WorkerJobs<Req, number>(() => worker as unknown as Worker, execute);
    const job = jobs.run({cost: 0, value: 4});
    worker.dispatchEvent(new Event("error"));
    expect(await job).toBe(8);
    expect(jobs.fallbackReason).toBe("the worker failed to load");
  });
});
