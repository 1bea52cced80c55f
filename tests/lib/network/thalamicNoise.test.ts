import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {fillNormals, logUnit, noiseKey} from "../../../lib/network/thalamicNoise.js";

describe("the thalamic noise", () => {
  it("logUnit(s) equals ln s within 2 × 10⁻¹⁶ relative, for s in (0, 1) (fast-check)", () => {
    fc.assert(
      fc.property(fc.double({min: 2 ** -62, max: 1, maxExcluded: true, noNaN: true}), (s) => {
        const exact = Math.log(s);
        expect(Math.abs(logUnit(s) - exact)).toBeLessThanOrEqual(4.5e-16 * Math.max(1, Math.abs(exact)));
      }),
      {numRuns: 2000}
    );
    expect(logUnit(0.5)).toBe(-Math.LN2);
  });

  it("is standard normal: mean 0, variance 1, no skew, normal tails (10⁶ deviates)", () => {
    const n = 1000;
    const out = new Float64Array(n);
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    let beyond2 = 0;
    let beyond3 = 0;
    let tail = 0; // beyond the ziggurat's base layer, R = 3.4426: the tail algorithm's draws
    const steps = 1000;
    for (let k = 0; k < steps; k++) {
      fillNormals(noiseKey(12, k), out, n);
      for (const x of out) {
        m1 += x;
        m2 += x * x;
        m3 += x * x * x;
        m4 += x * x * x * x;
        if (Math.abs(x) > 2) beyond2++;
        if (Math.abs(x) > 3) beyond3++;
        if (Math.abs(x) > 3.442619855899) tail++;
      }
    }
    const N = n * steps;
    // Standard errors for N = 10⁶: mean 0.001, variance 0.0014, third moment 0.0039, fourth 0.01; P(|x|>2) = 0.0455
    // (0.0002), P(|x|>3) = 0.0027, P(|x|>R) = 0.000576.
    expect(Math.abs(m1 / N)).toBeLessThan(0.005);
    expect(Math.abs(m2 / N - 1)).toBeLessThan(0.007);
    expect(Math.abs(m3 / N)).toBeLessThan(0.012);
    expect(Math.abs(m4 / N - 3)).toBeLessThan(0.05);
    expect(Math.abs(beyond2 / N - 0.0455)).toBeLessThan(0.001);
    expect(Math.abs(beyond3 / N - 0.0027)).toBeLessThan(0.0003); // standard error 0.00005
    expect(Math.abs(tail / N - 0.000576)).toBeLessThan(0.00012); // standard error 0.000024
  });

  it("is a pure function of (seed, step): a neuron's deviate does not depend on how many follow it", () => {
    const long = new Float64Array(101);
    const short = new Float64Array(100);
    fillNormals(noiseKey(5, 77), long, 101);
    fillNormals(noiseKey(5, 77), short, 100);
    expect(Array.from(long.subarray(0, 100))).toEqual(Array.from(short));
    const other = new Float64Array(100);
    fillNormals(noiseKey(5, 78), other, 100);
    expect(other).not.toEqual(short);
    // Consecutive steps are uncorrelated (|r| < 4 standard errors of 1/√N).
    let r = 0;
    const a = new Float64Array(10_000);
    const b = new Float64Array(10_000);
    fillNormals(noiseKey(5, 1), a, a.length);
    fillNormals(noiseKey(5, 2), b, b.length);
    for (let i = 0; i < a.length; i++) r += a[i]! * b[i]!;
    expect(Math.abs(r / a.length)).toBeLessThan(0.04);
  });
});
