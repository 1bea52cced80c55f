// sum: the parts added.
import {describe, expect, it} from "vitest";
import {compileStimulus, dc, ramp, step, sum} from "../../../lib/stimuli/index.js";

describe("sum builder", () => {
  it("make plain JSON parts, omitting options that were not given", () => {
    expect(sum(dc(1), dc(2))).toEqual({
      kind: "sum",
      parts: [
        {kind: "dc", value: 1},
        {kind: "dc", value: 2}
      ]
    });
  });
});

describe("sum and overlay", () => {
  it("sum adds the active parts; inactive parts count 0", () => {
    const I = compileStimulus(sum(dc(1), step(2, 10, 20), ramp(0, 1, 15)));
    expect([I.value(0), I.value(12), I.value(17), I.value(25)]).toEqual([1, 3, 5, 11]);
  });

  it("empty sum and overlay give 0", () => {
    expect(compileStimulus(sum()).value(1)).toBe(0);
  });
});
