import {describe, expect, it} from "vitest";
import {Rehearsal} from "../../src/components/rehearsal.js";

describe("Rehearsal", () => {
  it("runs the newest scene a given number of times, each after a wait, once ready, and stops when told", async () => {
    let release!: () => void;
    const ready = new Promise<void>((resolve) => (release = resolve));
    const rehearsal = new Rehearsal(ready);
    const seen: string[] = [];
    let waits = 0;
    const wait = async () => void waits++;
    rehearsal.set(() => seen.push("first"), 3, wait);
    rehearsal.set(() => seen.push("second"), 3, wait); // replaces the scene; no second round of rehearsals
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([]); // not ready yet
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual(["second", "second", "second"]);
    expect(waits).toBe(3);
    const stopped = new Rehearsal();
    stopped.set(() => seen.push("never"), 3, wait);
    stopped.stop();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).not.toContain("never");
  });

  it("stays stopped: a scene set after stop() is never rehearsed", async () => {
    const rehearsal = new Rehearsal();
    const seen: string[] = [];
    const wait = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    rehearsal.set(() => seen.push("before"), 5, wait);
    await wait();
    await wait();
    rehearsal.stop();
    rehearsal.set(() => seen.push("after"), 5, wait); // the next update, after the reader's first change
    for (let k = 0; k < 8; k++) await wait();
    expect(seen).not.toContain("after");
    expect(seen.length).toBeLessThan(5);
  });
});
