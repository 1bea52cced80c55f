// ramp: a linear current inside a window.
import {describe, expect, it} from "vitest";
import {compileStimulus, ramp} from "../../../lib/stimuli/index.js";

describe("ramp builder", () => {
  it("make plain JSON parts, omitting options that were not given", () => {
    expect(ramp(0, 0.5, 10, 20)).toEqual({kind: "ramp", from: 0, slope: 0.5, start: 10, end: 20});
  });
});

describe("compileStimulus(ramp(…))", () => {
  it("ramp: from + slope·(t − start) inside, 0 outside", () => {
    const I = compileStimulus(ramp(2, 0.5, 10, 20));
    expect([I.value(9.5), I.value(10), I.value(15), I.value(20), I.value(20, -1)]).toEqual([0, 2, 4.5, 0, 7]);
  });
});
