// step: a constant current inside a window.
import {describe, expect, it} from "vitest";
import {compileStimulus, step, type Closed} from "../../../lib/stimuli/index.js";

const CLOSED: Closed[] = ["open", "left", "right", "both"];

describe("step builder", () => {
  it("make plain JSON parts, omitting options that were not given", () => {
    expect(step(14, 15)).toEqual({kind: "step", value: 14, start: 15});
    expect(Object.keys(step(14, 15))).toEqual(["kind", "value", "start"]);
    expect(step(1, 2, null, "open")).toEqual({kind: "step", value: 1, start: 2, end: null, closed: "open"});
  });
});

describe("compileStimulus(step(…))", () => {
  it("step: each closedness decides the value at the edges; the one-sided limits ignore it", () => {
    const expected: Record<Closed, [number, number]> = {open: [0, 0], left: [5, 0], right: [0, 5], both: [5, 5]};
    for (const closed of CLOSED) {
      const I = compileStimulus(step(5, 10, 20, closed));
      expect([I.value(10), I.value(20)]).toEqual(expected[closed]);
      expect([I.value(10, -1), I.value(10, 1), I.value(20, -1), I.value(20, 1)]).toEqual([0, 5, 5, 0]);
      expect([I.value(9.999), I.value(15), I.value(20.001)]).toEqual([0, 5, 0]);
    }
  });

  it("step without an end lasts forever; closed defaults to 'left'", () => {
    const I = compileStimulus(step(3, 1));
    expect([I.value(1), I.value(1e8)]).toEqual([3, 3]);
  });

  it("step with end = start is a single point when closed 'both', empty otherwise", () => {
    expect(compileStimulus(step(3, 4, 4, "both")).value(4)).toBe(3);
    expect(compileStimulus(step(3, 4, 4, "both")).value(4, 1)).toBe(0);
    expect(compileStimulus(step(3, 4, 4)).value(4)).toBe(0);
  });
});
