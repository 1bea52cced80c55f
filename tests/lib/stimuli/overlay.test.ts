// overlay: the last active part gives the current.
import {describe, expect, it} from "vitest";
import {chirp, compileStimulus, dc, noise, overlay, sine, step, sum} from "../../../lib/stimuli/index.js";

describe("overlay builder", () => {
  it("make plain JSON parts, omitting options that were not given", () => {
    const s = overlay(
      dc(1),
      sine({amplitude: 1, frequency: 5}),
      noise({mean: 0, sigma: 1, tau: 2, seed: 3, dt: 0.5}),
      chirp({amplitude: 1, f0: 1, f1: 2, start: 0, end: 5})
    );
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe("sum and overlay", () => {
  it("overlay: the last active part wins; where none is active the current is 0", () => {
    const I = compileStimulus(overlay(step(1, 0, 10), step(2, 5, 20)));
    expect([I.value(-1), I.value(3), I.value(7), I.value(15), I.value(25)]).toEqual([0, 1, 2, 2, 0]);
    expect([I.value(20, -1), I.value(20, 1), I.value(5, -1)]).toEqual([2, 0, 1]);
  });

  it("a dc part is always active, so a later dc hides everything before it", () => {
    expect(compileStimulus(overlay(step(5, 0), dc(1))).value(3)).toBe(1);
    expect(compileStimulus(overlay(dc(1), step(5, 0))).value(3)).toBe(5);
  });

  it("a sum or overlay inside an overlay is active where any of its parts is", () => {
    const I = compileStimulus(overlay(dc(-1), sum(step(2, 10, 20), step(3, 15, 30)), overlay(step(7, 40, 50))));
    expect([I.value(5), I.value(12), I.value(17), I.value(25), I.value(35), I.value(45)]).toEqual([-1, 2, 5, 3, -1, 7]);
  });

  it("empty sum and overlay give 0", () => {
    expect(compileStimulus(overlay()).value(1)).toBe(0);
  });
});
