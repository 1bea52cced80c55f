import type {Progress} from "../../src/workers/workerRunner.js";

/**
 * A stand-in for a site worker: it runs the real `execute` when a message arrives, answering with the keyed
 * messages workerRunner.ts's `serve` sends (progress, then the result or the error), but delivers them only when
 * the test calls `deliver`, so a test can cancel or overtake a job between its messages.
 */
export class FakeWorker<Req> extends EventTarget {
  terminated = false;
  /** Every request received, in order. */
  received: Req[] = [];
  outbox: unknown[] = [];

  constructor(private readonly execute: (request: Req, progress: Progress) => unknown) {
    super();
  }

  postMessage({key, request}: {key: number; request: Req}) {
    this.received.push(request);
    try {
      const result = this.execute(request, (done, total) => this.outbox.push({key, progress: [done, total]}));
      this.outbox.push({key, result});
    } catch (e) {
      this.outbox.push({key, error: (e as Error).message});
    }
  }

  deliver() {
    for (const data of this.outbox.splice(0))
      if (!this.terminated) this.dispatchEvent(Object.assign(new Event("message"), {data}));
  }

  terminate() {
    this.terminated = true;
  }
}

/** A worker factory for a runner under test: each call makes a FakeWorker of `execute`, kept in `workers`. */
export function fakeWorkers<Req>(execute: ConstructorParameters<typeof FakeWorker<Req>>[0]): {
  make: () => Worker;
  workers: FakeWorker<Req>[];
} {
  const workers: FakeWorker<Req>[] = [];
  const make = () => {
    const worker = new FakeWorker<Req>(execute);
    workers.push(worker);
    return worker as unknown as Worker;
  };
  return {make, workers};
}
