// pulses: a train of rectangular pulses.
import {describe, expect, it} from "vitest";
import {compileStimulus, pulses, sum} from "../../../lib/stimuli/index.js";

describe("pulses builder", () => {
  it("make plain JSON parts, omitting options that were not given", () => {
    expect(pulses({amplitude: 1, start: 0, width: 1, period: 2})).toEqual({
      kind: "pulses",
      amplitude: 1,
      start: 0,
      width: 1,
      period: 2
    });
  });
});

describe("compileStimulus(pulses(…))", () => {
  it("pulses: pulse n on [start + n·period, start + n·period + width), count pulses", () => {
    const I = compileStimulus(pulses({amplitude: 3, start: 10, width: 2, period: 5, count: 3}));
    const at = [9.99, 10, 11.99, 12, 14.9, 15, 20, 21.5, 22, 25, 26];
    expect(at.map((t) => I.value(t))).toEqual([0, 3, 3, 0, 0, 3, 3, 3, 0, 0, 0]);
    expect([I.value(12, -1), I.value(12, 1), I.value(15, -1), I.value(15, 1)]).toEqual([3, 0, 0, 3]);
    expect(I.breakpoints(0, 100)).toEqual([10, 12, 15, 17, 20, 22]);
  });

  it("pulses: endless by default; closedness applies to every pulse; count 0 is silent", () => {
    const I = compileStimulus(pulses({amplitude: 1, start: 0, width: 1, period: 10, closed: "right"}));
    expect([I.value(1000), I.value(1000.5), I.value(1001), I.value(1001.5)]).toEqual([0, 1, 1, 0]);
    expect(I.breakpoints(995, 1012)).toEqual([1000, 1001, 1010, 1011]);
    expect(compileStimulus(pulses({amplitude: 1, start: 0, width: 1, period: 10, count: 0})).value(0.5)).toBe(0);
  });

  it("pulses with width = period closed 'both' cover the shared edges once (fill does not add them twice)", () => {
    const s = sum(pulses({amplitude: 2, start: 0, width: 0.5, period: 0.5, count: 4, closed: "both"}));
    const I = compileStimulus(s);
    const out = new Float64Array(9);
    I.fill(out, 0, 0.25);
    expect(Array.from(out)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(I.value(2.25)).toBe(0);
  });
});
