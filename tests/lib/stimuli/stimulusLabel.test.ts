// stimulusLabel: short human descriptions of stimuli.
import {describe, expect, it} from "vitest";
import {PROTOCOLS} from "../../fixtures/protocols.js";
import {
  chirp,
  dc,
  fromProtocol,
  noise,
  overlay,
  pulses,
  ramp,
  sine,
  step,
  stimulusLabel,
  sum
} from "../../../lib/stimuli/index.js";

describe("stimulusLabel(current)", () => {
  const label = (id: string) => stimulusLabel(fromProtocol(PROTOCOLS.find((p) => p.id === id)!.current));

  it("describes the protocols briefly, with units", () => {
    expect(label("RS")).toBe("14 for t > 15 ms");
    expect(label("TC_burst")).toBe("0 for t > 45 ms, else −25");
    expect(label("H")).toBe("−0.5 + 0.015·(t − 30) for t > 30 ms, else −0.5");
    expect(label("S")).toBe("75 for 50 ≤ t ≤ 250 ms, else 80");
    expect(label("R")).toBe("0.04·t for 0 < t < 200 ms, 0.32·(t − 300) for 300 < t < 312.5 ms");
    expect(label("L")).toBe(
      "9 for 9.091 < t < 11.09 ms, 9 for 14.09 < t < 16.09 ms, 9 for 70 < t < 72 ms, 9 for 80 < t < 82 ms"
    );
  });

  it("describes every kind of part", () => {
    expect(stimulusLabel(-3)).toBe("−3");
    expect(stimulusLabel(step(2, 10, 20, "left"))).toBe("2 for 10 ≤ t < 20 ms");
    expect(stimulusLabel(step(2, 10, 10, "both"))).toBe("2 for t = 10 ms");
    expect(stimulusLabel(ramp(0, -0.5, 0))).toBe("−0.5·t for t ≥ 0 ms");
    expect(stimulusLabel(pulses({amplitude: 5, start: 10, width: 2, period: 50, count: 4}))).toBe(
      "4 pulses of 5, 2 ms every 50 ms from t = 10 ms"
    );
    expect(stimulusLabel(sine({amplitude: 2, frequency: 8, offset: 1}))).toBe("1 + sine of 2 at 8 Hz");
    expect(stimulusLabel(chirp({amplitude: 1, f0: 2, f1: 40, start: 0, end: 500}))).toBe(
      "chirp of 1, 2 → 40 Hz for 0 ≤ t < 500 ms"
    );
    expect(stimulusLabel(noise({mean: 5, sigma: 2, tau: 10, seed: 3, dt: 0.1}))).toBe(
      "noise 5 ± 2 (τ = 10 ms, dt = 0.1 ms, seed 3)"
    );
    expect(stimulusLabel(sum(dc(2), step(5, 10, 20)))).toBe("2 + (5 for 10 ≤ t < 20 ms)");
    expect(stimulusLabel(overlay(step(1, 0, 5), step(2, 3)))).toBe("1 for 0 ≤ t < 5 ms, 2 for t ≥ 3 ms");
    expect(stimulusLabel(sum())).toBe("0");
  });

  it("throws on an invalid stimulus", () => {
    expect(() => stimulusLabel(dc(NaN))).toThrow(/^current\.value/);
  });
});
