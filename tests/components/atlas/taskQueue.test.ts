import {afterEach, beforeEach, describe, expect, it, vi} from "vitest";
import {queueTask} from "../../../src/components/atlas/taskQueue.js";

describe("queueTask(job)", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs the jobs in the order they were queued, one per task", () => {
    const ran: string[] = [];
    queueTask(() => ran.push("a"));
    queueTask(() => ran.push("b"));
    queueTask(() => {
      ran.push("c");
      queueTask(() => ran.push("d")); // queued from a job: after the others
    });
    expect(ran).toEqual([]);
    for (const expected of [["a"], ["a", "b"], ["a", "b", "c"], ["a", "b", "c", "d"]]) {
      vi.advanceTimersToNextTimer();
      expect(ran).toEqual(expected);
    }
    expect(vi.getTimerCount()).toBe(0);
  });

  it("goes on after a job that throws", () => {
    const ran: string[] = [];
    queueTask(() => {
      throw new Error("broken");
    });
    queueTask(() => ran.push("after"));
    expect(() => vi.advanceTimersToNextTimer()).toThrow("broken");
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(["after"]);
  });
});
