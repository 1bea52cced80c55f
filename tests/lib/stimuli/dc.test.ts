// dc: a constant current, always active.
import {describe, expect, it} from "vitest";
import {compileStimulus, dc, stimulusLabel} from "../../../lib/stimuli/index.js";

describe("dc", () => {
  it("is a plain JSON part", () => {
    expect(dc(-2.5)).toEqual({kind: "dc", value: -2.5});
  });

  it("has its value at every time and from both sides, no breakpoints, and fills every sample", () => {
    const I = compileStimulus(dc(3));
    for (const t of [-1e6, 0, 12.5, 1e6]) for (const side of [-1, 0, 1] as const) expect(I.value(t, side)).toBe(3);
    expect(I.breakpoints(-100, 100)).toEqual([]);
    const out = new Float64Array(5);
    I.fill(out, -1, 0.5);
    expect(Array.from(out)).toEqual([3, 3, 3, 3, 3]);
    expect(stimulusLabel(dc(-0.25))).toBe("−0.25");
  });
});
