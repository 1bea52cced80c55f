// chirp: a sine whose frequency changes linearly.
import {describe, expect, it} from "vitest";
import {chirp, compileStimulus} from "../../../lib/stimuli/index.js";

describe("compileStimulus(chirp(…))", () => {
  it("chirp: instantaneous frequency goes linearly from f0 at start to f1 at end", () => {
    const [f0, f1, start, end] = [10, 50, 100, 1100];
    const I = compileStimulus(chirp({amplitude: 1.5, f0, f1, start, end}));
    const phase = (t: number) =>
      ((2 * Math.PI) / 1000) * (f0 * (t - start) + ((f1 - f0) * (t - start) ** 2) / (2 * (end - start)));
    for (const t of [100, 300, 777, 1099]) expect(I.value(t)).toBeCloseTo(1.5 * Math.sin(phase(t)), 10);
    // Zero crossings in the first and last 100 ms: about 2·f·0.1 s for the local frequencies 12 Hz and 48 Hz.
    const crossings = (a: number, b: number) => {
      let n = 0;
      for (let t = a; t < b; t += 0.01) if (Math.sign(I.value(t)) !== Math.sign(I.value(t + 0.01))) n++;
      return n;
    };
    expect(Math.abs(crossings(100, 200) - 2.4)).toBeLessThanOrEqual(1);
    expect(Math.abs(crossings(1000, 1100) - 9.6)).toBeLessThanOrEqual(1);
    expect(I.breakpoints(0, 2000)).toEqual([100, 1100]);
    expect(I.value(1100)).toBe(0);
  });
});
