import {afterEach, describe, expect, it, vi} from "vitest";
import {
  BUDGET_MS,
  FINISH_MS,
  OverBudget,
  QUIET_MS,
  SharedRunner,
  isOverBudget,
  type RunnerStatus
} from "../../src/workers/sharedRunner.js";
import {ANSWER_MS, Cancelled, WorkerJobs, slicedRunner} from "../../src/workers/workerRunner.js";
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

/** A runner (fake timers) whose first worker run took `ms`: the runner's measure of how long its runs take. */
async function afterARunOf(ms: number) {
  vi.useFakeTimers();
  const made = setup();
  const first = made.runner.run({cost: Infinity, value: 1}) as Promise<number>;
  await vi.advanceTimersByTimeAsync(ms);
  made.workers[0]!.deliver();
  expect(await first).toBe(2);
  return made;
}

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

  it("a drag over slow runs: the worker's run is left to finish, and the newest starts in it when the drag pauses", async () => {
    const {runner, workers} = await afterARunOf(400);
    // A drag: a request every 20 ms. The first run of the drag is expected to end within FINISH_MS: it goes on.
    const drag: Promise<unknown>[] = [];
    for (let value = 2; value <= 6; value++) {
      drag.push((runner.run({cost: Infinity, value}) as Promise<number>).catch((e: unknown) => e));
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(workers[0]!.terminated).toBe(false);
    const started = () => workers.flatMap((w) => w.received.map((r) => r.value));
    expect(started()).toEqual([1, 2]);
    // The run ends (its result is its own caller's); the newest request starts once the drag has paused.
    workers[0]!.deliver();
    expect(await drag[0]).toBe(4);
    expect(started()).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(QUIET_MS - 20);
    expect(started()).toEqual([1, 2, 6]);
    workers[0]!.deliver();
    const outcomes = await Promise.all(drag);
    expect(outcomes.slice(1, -1).every((o) => o instanceof Cancelled)).toBe(true);
    expect(outcomes.at(-1)).toBe(12);
    expect(workers).toHaveLength(1);
  });

  it("a run expected to go on for over FINISH_MS more is stopped when a newer request comes", async () => {
    const {runner, workers} = await afterARunOf(FINISH_MS + 500);
    const second = (runner.run({cost: Infinity, value: 2}) as Promise<number>).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(20);
    const third = runner.run({cost: Infinity, value: 3}) as Promise<number>;
    expect(workers[0]!.terminated).toBe(true);
    expect(await second).toBeInstanceOf(Cancelled);
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    workers.at(-1)!.deliver();
    expect(await third).toBe(6);
  });

  it("a drag over quick runs: a young run is left to finish and the newest starts right after it", async () => {
    const {runner, workers} = await afterARunOf(40);
    const second = runner.run({cost: Infinity, value: 2}) as Promise<number>;
    await vi.advanceTimersByTimeAsync(20);
    const third = runner.run({cost: Infinity, value: 3}) as Promise<number>;
    expect(workers[0]!.terminated).toBe(false);
    workers[0]!.deliver();
    expect(await second).toBe(4);
    await vi.advanceTimersByTimeAsync(0);
    expect(workers[0]!.received.map((r) => r.value)).toEqual([1, 2, 3]);
    workers[0]!.deliver();
    expect(await third).toBe(6);
    expect(workers).toHaveLength(1);
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

describe("SharedRunner with keys (a queue: the zoo, the 2007 cards)", () => {
  /** Lets the runner's promise handlers run, so it sends the next queued request. */
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  it("runs every request of distinct keys, one at a time in the worker, in the order they came", async () => {
    const {runner, workers, statuses} = setup();
    const jobs = [1, 2, 3, 4].map(
      (value) => runner.run({cost: Infinity, value}, {key: `panel ${value}`}) as Promise<number>
    );
    expect(workers).toHaveLength(1);
    for (let k = 1; k <= 4; k++) {
      // Only one request is in the worker at a time.
      expect(workers[0]!.received.map((r) => r.value)).toEqual([1, 2, 3, 4].slice(0, k));
      workers[0]!.deliver();
      await settle();
    }
    expect(await Promise.all(jobs)).toEqual([2, 4, 6, 8]);
    expect(statuses.at(-1)?.busy).toBe(false);
  });

  it("gives each run its own budget: one over it is stopped with its message, the others go on in a fresh worker", async () => {
    vi.useFakeTimers();
    const {runner, workers} = setup({budgetMs: 500});
    const outcome = (p: Promise<number>) =>
      p.then(
        (value) => ({value}),
        (error: unknown) => ({error})
      );
    const slow = outcome(runner.run({cost: Infinity, value: 1}, {key: "slow"}) as Promise<number>);
    const next = outcome(runner.run({cost: Infinity, value: 2}, {key: "next"}) as Promise<number>);
    const last = outcome(runner.run({cost: Infinity, value: 3}, {key: "last"}) as Promise<number>);
    // The first run never answers: after 500 ms it is stopped, and only it.
    await vi.advanceTimersByTimeAsync(500);
    const stopped = (await slow) as {error: unknown};
    expect(isOverBudget(stopped.error)).toBe(true);
    expect((stopped.error as Error).message).toBe(
      "This run was stopped after 0.5 s, its time budget: choose a smaller value"
    );
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    // The second run's budget starts when it starts: 400 ms later it is still allowed to finish.
    await vi.advanceTimersByTimeAsync(400);
    workers[1]!.deliver();
    expect(await next).toEqual({value: 4});
    await vi.advanceTimersByTimeAsync(0);
    workers[1]!.deliver();
    expect(await last).toEqual({value: 6});
    expect(workers[1]!.terminated).toBe(false);
  });

  it("a newer request of a key replaces only its own waiting request", async () => {
    const {runner, workers} = setup();
    const a1 = runner.run({cost: Infinity, value: 1}, {key: "a"}) as Promise<number>;
    const b1 = runner.run({cost: Infinity, value: 2}, {key: "b"}) as Promise<number>;
    const c1 = runner.run({cost: Infinity, value: 3}, {key: "c"}) as Promise<number>;
    const b2 = runner.run({cost: Infinity, value: 20}, {key: "b"}) as Promise<number>;
    await expect(b1).rejects.toBeInstanceOf(Cancelled);
    for (let k = 0; k < 3; k++) {
      workers[0]!.deliver();
      await settle();
    }
    expect(await Promise.all([a1, c1, b2])).toEqual([2, 6, 40]);
    expect(workers[0]!.received.map((r) => r.value)).toEqual([1, 3, 20]);
  });

  it("close() cancels the whole queue: the run in the worker and every waiting one", async () => {
    const {runner, workers} = setup();
    const jobs = [1, 2, 3].map((value) => runner.run({cost: Infinity, value}, {key: String(value)}) as Promise<number>);
    runner.close();
    const settled = await Promise.allSettled(jobs);
    expect(settled.every((s) => s.status === "rejected" && s.reason instanceof Cancelled)).toBe(true);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers.flatMap((w) => w.received)).toHaveLength(1);
    expect(runner.status().busy).toBe(false);
  });

  it("forwards a run's progress, and runLater gives a promise even for a run at once", async () => {
    const counting = (r: Req, progress: (done: number, total: number) => void) => {
      for (let k = 1; k <= r.value; k++) progress(k, r.value);
      return r.value;
    };
    const workers: FakeWorker<Req>[] = [];
    const runner = new SharedRunner<Req, number>(
      () => {
        const w = new FakeWorker<Req>(counting);
        workers.push(w);
        return w as unknown as Worker;
      },
      counting,
      {predictMs: (r) => r.cost}
    );
    const heard: number[][] = [];
    const job = runner.run({cost: Infinity, value: 3}, {progress: (done, total) => heard.push([done, total])});
    workers[0]!.deliver();
    expect(await job).toBe(3);
    expect(heard).toEqual([
      [1, 3],
      [2, 3],
      [3, 3]
    ]);
    await expect(runner.runLater({cost: 0, value: 5})).resolves.toBe(5);
    const failing = new SharedRunner<Req, number>(
      () => null,
      () => {
        throw new RangeError("bad value");
      },
      {predictMs: () => 0}
    );
    await expect(failing.runLater({cost: 0, value: 1})).rejects.toThrow("bad value");
  });
});

describe("slicedRunner (a main-thread fallback in short tasks)", () => {
  /** A computation of `value` steps, each taking ~`ms` ms of busy time; the result is the number of steps. */
  function* busySteps({value}: Req, progress: (done: number, total: number) => void, ms = 4): Generator<void, number> {
    for (let k = 1; k <= value; k++) {
      const end = performance.now() + ms;
      while (performance.now() < end);
      progress(k, value);
      yield;
    }
    return value;
  }

  it("without a worker, runs the steps in several tasks, and reports its progress", async () => {
    const tasks: number[] = [];
    let last = performance.now();
    const runner = new SharedRunner<Req, number>(
      () => null,
      (r) => r.value,
      {predictMs: () => Infinity},
      slicedRunner((r: Req, progress) => busySteps(r, progress), 20)
    );
    // Time each task by the gaps a zero-delay timer finds between them.
    let watching = true;
    const tick = () => {
      const now = performance.now();
      tasks.push(now - last);
      last = now;
      if (watching) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const heard: number[] = [];
    const result = await runner.run({cost: Infinity, value: 30}, {progress: (done) => heard.push(done)});
    watching = false;
    expect(result).toBe(30);
    expect(heard).toEqual(Array.from({length: 30}, (_, k) => k + 1));
    expect(runner.status()).toMatchObject({place: "main thread", fallback: "this browser has no Web Workers"});
    // 30 steps of 4 ms in slices of 20 ms: at least four slices.
    expect(tasks.length).toBeGreaterThanOrEqual(4);
  });

  it("stops a sliced run when it is cancelled: a newer request, or close()", async () => {
    let stepsTaken = 0;
    const counted = function* (r: Req): Generator<void, number> {
      for (let k = 0; k < r.value; k++) {
        stepsTaken++;
        const end = performance.now() + 2;
        while (performance.now() < end);
        yield;
      }
      return r.value;
    };
    const runner = new SharedRunner<Req, number>(
      () => null,
      (r) => r.value,
      {predictMs: () => Infinity},
      slicedRunner(counted, 5)
    );
    const first = runner.run({cost: Infinity, value: 1000}) as Promise<number>;
    await new Promise((resolve) => setTimeout(resolve, 30));
    runner.close();
    await expect(first).rejects.toBeInstanceOf(Cancelled);
    const taken = stepsTaken;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stepsTaken).toBe(taken);
    expect(taken).toBeLessThan(1000);
  });
});
