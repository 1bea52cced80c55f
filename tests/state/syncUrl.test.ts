// @vitest-environment jsdom
// syncUrl writes the address once the store is still, at least every maxWait while it keeps changing, and
// always the last state.
import {afterEach, beforeEach, describe, expect, it, vi} from "vitest";
import {Store, syncUrl} from "../../src/state/store.js";

class Counter extends Store<number> {
  set(value: number) {
    this.commit(value, null);
  }
}

describe("syncUrl", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    history.replaceState(null, "", "/");
  });
  afterEach(() => vi.useRealTimers());

  it("writes after the store has been still for the delay, and the last state", () => {
    const store = new Counter(0);
    const writes = vi.spyOn(history, "replaceState");
    syncUrl(store, (n) => `?n=${n}`, 200, 1000);
    store.set(1);
    vi.advanceTimersByTime(150);
    store.set(2);
    vi.advanceTimersByTime(150);
    expect(writes).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(location.search).toBe("?n=2");
  });

  it("writes at least every maxWait during a drag of steady changes", () => {
    const store = new Counter(0);
    const writes = vi.spyOn(history, "replaceState");
    syncUrl(store, (n) => `?n=${n}`, 200, 1000);
    for (let i = 1; i <= 30; i++) {
      store.set(i);
      vi.advanceTimersByTime(100); // a step every 100 ms, never still for 200 ms
    }
    expect(writes.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(writes.mock.calls.length).toBeLessThanOrEqual(4);
    vi.advanceTimersByTime(300);
    expect(location.search).toBe("?n=30");
  });
});
