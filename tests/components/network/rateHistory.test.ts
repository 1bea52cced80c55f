import {describe, expect, it} from "vitest";
import {createNetwork, populationSpectrum, simulateNetwork, spectrumPeak} from "../../../lib/index.js";
import {BANDS, RateHistory} from "../../../src/components/network/rateHistory.js";

describe("RateHistory", () => {
  it("gives the same mean rates as simulateNetwork for the same second, fed in chunks", () => {
    const run = simulateNetwork({seed: 2, duration: 1000});
    const net = createNetwork({seed: 2});
    const history = new RateHistory(800, 200);
    for (let k = 0; k < 50; k++) history.add(net.step(20));
    expect(history.time).toBe(1000);
    const mean = history.meanRate(1000);
    expect(mean.all).toBeCloseTo(run.meanRate.all, 12);
    expect(mean.excitatory).toBeCloseTo(run.meanRate.excitatory, 12);
    expect(mean.inhibitory).toBeCloseTo(run.meanRate.inhibitory, 12);
  });

  it("keeps only the last `capacity` ms: rates and their times come from the newest steps", () => {
    const net = createNetwork({seed: 5, ne: 80, ni: 20});
    const history = new RateHistory(80, 20, 256);
    const chunks = Array.from({length: 30}, () => net.step(20)); // 600 ms
    for (const c of chunks) history.add(c);
    const points = history.rates(1000).filter((p) => p.population === "excitatory");
    expect(points).toHaveLength(256);
    expect(points[0]!.t).toBe(600 - 256 + 1);
    expect(points.at(-1)!.t).toBe(600);
    const last = chunks.at(-1)!;
    expect(points.at(-1)!.rate).toBe((1000 * last.counts.excitatory.at(-1)!) / 80);
  });

  it("bins the rates: each 5-ms bin is the mean of its five 1-ms rates, the last bin ending at the newest step", () => {
    const net = createNetwork({seed: 6, ne: 80, ni: 20});
    const history = new RateHistory(80, 20);
    for (let k = 0; k < 7; k++) history.add(net.step(13)); // 91 ms: the oldest ms falls outside whole bins
    const fine = history.rates(91).filter((p) => p.population === "inhibitory");
    const binned = history.rates(91, 5).filter((p) => p.population === "inhibitory");
    expect(binned).toHaveLength(18);
    expect(binned.at(-1)!.t).toBe(91);
    expect(binned[0]!.t).toBe(6);
    for (const bin of binned) {
      const inside = fine.filter((p) => p.t > bin.t - 5 && p.t <= bin.t);
      expect(bin.rate).toBeCloseTo(inside.reduce((sum, p) => sum + p.rate, 0) / 5, 9);
    }
  });

  it("gives the whole population's spectrum once 256 ms have run, with a peak per band", () => {
    const run = simulateNetwork({seed: 4, duration: 2048});
    const net = createNetwork({seed: 4});
    const history = new RateHistory(800, 200);
    history.add(net.step(255));
    expect(history.spectrum()).toBeNull();
    history.add(net.step(2048 - 255));
    const result = history.spectrum(2048)!;
    const total = Float64Array.from(run.rate.excitatory, (e, k) => 0.8 * e + 0.2 * run.rate.inhibitory[k]!);
    const reference = populationSpectrum(total, {segment: 256});
    expect([...result.spectrum.power].map((p, k) => p - reference.power[k]!).every((d) => Math.abs(d) < 1e-9)).toBe(
      true
    );
    for (const band of BANDS) {
      expect(result.peaks[band.name]).toBe(spectrumPeak(reference, band.min, band.max));
      expect(result.peaks[band.name]).toBeGreaterThanOrEqual(band.min);
      expect(result.peaks[band.name]).toBeLessThanOrEqual(band.max);
    }
  });
});
