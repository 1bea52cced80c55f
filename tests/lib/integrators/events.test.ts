import {describe, expect, it} from "vitest";
import {locateCrossing} from "../../../lib/integrators/events.js";

describe("locateCrossing", () => {
  it("finds where a smooth v(θ) reaches vPeak, returning θ at or just past the crossing", () => {
    // v(θ) = −10 + 50θ² reaches 30 at θ = √0.8.
    const theta = locateCrossing((th) => -10 + 50 * th * th, -10, 40, 30, 1);
    expect(theta).toBeGreaterThanOrEqual(Math.sqrt(0.8) - 1e-12);
    expect(theta - Math.sqrt(0.8)).toBeLessThan(1e-9);
  });

  it("bisects where the trial step diverged (v = NaN or +∞ beyond the crossing)", () => {
    const v = (th: number) => (th > 0.75 ? NaN : -10 + 40 * th);
    const theta = locateCrossing(v, -10, NaN, 10, 1);
    expect(Math.abs(theta - 0.5)).toBeLessThan(1e-9);
  });

  it("returns 1 when the crossing is at the very end of the step", () => {
    expect(locateCrossing((th) => 30 * th, 0, 30, 30, 1)).toBeCloseTo(1, 9);
  });
});
