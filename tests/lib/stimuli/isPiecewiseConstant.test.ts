// isPiecewiseConstant: whether integrators may evaluate a stimulus once per stretch between breakpoints.
import {describe, expect, it} from "vitest";
import {
  chirp,
  dc,
  isPiecewiseConstant,
  noise,
  overlay,
  pulses,
  ramp,
  sine,
  step,
  sum
} from "../../../lib/stimuli/index.js";

describe("isPiecewiseConstant(current)", () => {
  const flat = [
    dc(1),
    step(2, 10, 20),
    pulses({amplitude: 1, start: 0, width: 1, period: 5}),
    noise({mean: 0, sigma: 1, tau: 2, seed: 3, dt: 0.5})
  ];
  const varying = [
    ramp(0, 1, 0),
    sine({amplitude: 1, frequency: 5}),
    chirp({amplitude: 1, f0: 1, f1: 2, start: 0, end: 5})
  ];

  it("is true for numbers, dc, steps, pulses and noise, and for sums and overlays made only of them", () => {
    expect(isPiecewiseConstant(4)).toBe(true);
    for (const part of flat) expect(isPiecewiseConstant(part)).toBe(true);
    expect(isPiecewiseConstant(sum(...flat))).toBe(true);
    expect(isPiecewiseConstant(overlay(dc(0), sum(...flat), overlay()))).toBe(true);
  });

  it("is false for ramps, sines and chirps, and for any group that contains one", () => {
    for (const part of varying) {
      expect(isPiecewiseConstant(part)).toBe(false);
      expect(isPiecewiseConstant(overlay(...flat, sum(dc(1), part)))).toBe(false);
    }
  });
});
