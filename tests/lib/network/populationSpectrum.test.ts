import {describe, expect, it} from "vitest";
import {populationSpectrum, spectrumPeak} from "../../../lib/index.js";

describe("populationSpectrum(series, options)", () => {
  const sine = (hz: number, n: number, dt = 1) =>
    Float64Array.from({length: n}, (_, t) => 3 + 2 * Math.sin((2 * Math.PI * hz * t * dt) / 1000));

  it("peaks at a sine's frequency, with frequencies up to the Nyquist frequency", () => {
    const s = populationSpectrum(sine(40, 1000), {segment: 500});
    expect(Math.abs(spectrumPeak(s, 1, 500) - 40)).toBeLessThan(1000 / 512); // 512-point bins: 1.95 Hz apart
    expect(s.frequency[0]).toBe(0);
    expect(s.frequency.at(-1)).toBe(500);
    expect(s.segments).toBe(3); // 500-sample segments every 250 samples
    const fine = populationSpectrum(sine(10, 4000, 0.5), {dt: 0.5, segment: 1024}); // 2000 samples/s: 1.95-Hz bins
    expect(fine.frequency.at(-1)).toBe(1000);
    expect(Math.abs(spectrumPeak(fine, 1) - 10)).toBeLessThan(2000 / 1024);
  });

  it("integrates to the series' variance (Parseval): 2 for a sine of amplitude 2", () => {
    const s = populationSpectrum(sine(37, 4096), {segment: 1024});
    const df = s.frequency[1]! - s.frequency[0]!;
    const total = s.power.reduce((sum, p) => sum + p * df, 0);
    expect(total).toBeCloseTo(2, 1);
  });

  it("is flat for white noise and ignores a constant offset", () => {
    let x = 1;
    const noise = Float64Array.from({length: 8192}, () => (x = (x * 48271) % 2147483647) / 2147483647 - 0.5 + 100);
    const s = populationSpectrum(noise, {segment: 256});
    // Variance 1/12 spread over 0–500 Hz: density 1/6000 per Hz.
    const inner = Array.from(s.power.subarray(5, 120));
    const mean = inner.reduce((a, b) => a + b, 0) / inner.length;
    expect(mean * 6000).toBeCloseTo(1, 1);
    expect(s.power[0]).toBeLessThan(mean); // the offset is removed
  });

  it("rejects bad input naming the field", () => {
    expect(() => populationSpectrum([1, 2, 3])).toThrow(/^series: needs at least 8 samples/);
    expect(() => populationSpectrum(null as never)).toThrow(/^series: /);
    expect(() => populationSpectrum([1, 2, 3, 4, 5, 6, 7, NaN])).toThrow(/^series\[7\]: /);
    expect(() => populationSpectrum(sine(10, 100), {segment: 4})).toThrow(/^segment: /);
    expect(() => populationSpectrum(sine(10, 100), {dt: 0})).toThrow(/^dt: /);
  });
});
