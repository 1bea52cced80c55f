// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {sweepProgress} from "../../../src/components/controls/sweepProgress.js";

describe("sweepProgress", () => {
  it("shows the count and where the sweep runs", () => {
    const box = sweepProgress(3, 82, "currents", "this browser has no Web Workers");
    const bar = box.querySelector("progress")!;
    expect([bar.value, bar.max]).toEqual([3, 82]);
    expect(box.textContent).toBe(
      " Sweeping on the main thread (this browser has no Web Workers): 3 of 82 currents simulated…"
    );
  });

  it("update changes the same nodes in place", () => {
    const box = sweepProgress(0, 1);
    const [bar, label] = [box.querySelector("progress")!, box.querySelector("span")!.firstChild!];
    box.update(40, 82);
    expect(box.querySelector("progress")).toBe(bar);
    expect(box.querySelector("span")!.firstChild).toBe(label);
    expect(box.childNodes).toHaveLength(2);
    expect([bar.value, bar.max]).toEqual([40, 82]);
    expect(box.textContent).toBe(" Sweeping in a background worker: 40 of 82 currents simulated…");
    box.update(41, 82, "the worker failed to load");
    expect(box.textContent).toContain("on the main thread (the worker failed to load): 41 of 82");
    box.update(0, 82); // a new sweep, before its first report
    expect(box.textContent).toBe(" Starting the sweep in a background worker…");
  });
});
