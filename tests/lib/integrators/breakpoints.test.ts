// A stimulus jump exactly on the output grid must end a step of the adaptive methods, so the next step starts
// with the new current (a defect found by an audit: the first stage was reused from the old current).
import {describe, expect, it} from "vitest";
import {CELLS_2007, simulate, simulate2007, step} from "../../../lib/index.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};

function firstSpikeError2003(start: number): number {
  const run = (tolerance: number) =>
    simulate({params: RS, v0: -70, u0: -14, current: step(25, start), duration: 30, tolerance}).spikes[0];
  return Math.abs(run(1e-6) - run(1e-12));
}

function firstSpikeError2007(start: number): number {
  const run = (tolerance: number) =>
    simulate2007({...CELLS_2007.RS2007, method: "adaptive", current: step(150, start), duration: 60, tolerance})
      .spikes[0];
  return Math.abs(run(1e-6) - run(1e-12));
}

describe("the adaptive methods honour a stimulus jump that falls exactly on the output grid", () => {
  it("2003 model: a step at 10 ms (on the 2⁻⁵ grid) is as accurate as one at 10.01 ms (first spike to 1e-7 ms)", () => {
    expect(firstSpikeError2003(10.01)).toBeLessThan(1e-7);
    expect(firstSpikeError2003(10)).toBeLessThan(1e-7);
  });

  it("2007 model: a step at 10 ms (on the 2⁻⁵ grid) is as accurate as one at 10.01 ms (first spike to 1e-7 ms)", () => {
    expect(firstSpikeError2007(10.01)).toBeLessThan(1e-7);
    expect(firstSpikeError2007(10)).toBeLessThan(1e-7);
  });
});
