// sine: a sinusoidal current.
import {describe, expect, it} from "vitest";
import {compileStimulus, sine} from "../../../lib/stimuli/index.js";

describe("compileStimulus(sine(…))", () => {
  it("sine: amplitude·sin(2π·f·(t − t₀)/1000 + phase) + offset, t₀ = start (or 0 without a window)", () => {
    const free = compileStimulus(sine({amplitude: 2, frequency: 10, phase: 0.5, offset: 1}));
    for (const t of [-30, 0, 12.5, 77])
      expect(free.value(t)).toBeCloseTo(2 * Math.sin((2 * Math.PI * 10 * t) / 1000 + 0.5) + 1, 12);
    expect(free.breakpoints(-1e3, 1e3)).toEqual([]);
    const windowed = compileStimulus(sine({amplitude: 2, frequency: 10, phase: 0.5, start: 100, end: 200}));
    expect(windowed.value(100)).toBeCloseTo(2 * Math.sin(0.5), 14);
    expect(windowed.value(150)).toBeCloseTo(2 * Math.sin(Math.PI + 0.5), 12);
    expect([windowed.value(99), windowed.value(200)]).toEqual([0, 0]);
    expect(windowed.breakpoints(0, 300)).toEqual([100, 200]);
  });
});
