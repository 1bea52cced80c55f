import {describe, expect, it} from "vitest";
import {lyapunov, nearbyTrajectories} from "../../../lib/analysis/lyapunov.js";
import {CLASSES} from "../../../lib/presets/classes2003.js";

const CHAOS = {params: {a: 0.2, b: 2, c: -56, d: -16}, current: -99};

describe("lyapunov", () => {
  const chaos = lyapunov({...CHAOS, spikes: 400, segments: 8});

  it("is positive for the chaotic set, by both estimates, which agree (perMs = perSpike / mean ISI to 1e-3)", () => {
    expect(chaos.perSpike).toBeGreaterThan(0.5);
    expect(chaos.perMs).toBeGreaterThan(0.02);
    expect(Math.abs(chaos.perMs - chaos.perSpike / chaos.meanIsi)).toBeLessThan(
      1e-3 * chaos.perMs + 1e-3 / chaos.spikes
    );
    // the other exponent is the neutral one of the flow direction
    expect(Math.abs(chaos.spectrum[1])).toBeLessThan(5e-3);
    expect(chaos.spikes).toBe(400);
    expect(chaos.segments.perSpike).toHaveLength(8);
    expect(chaos.spread.perSpike.sd).toBeGreaterThan(0);
  });

  it("converges as spikes are added: 400 and 800 spikes agree within 0.05 per spike (about 5%)", () => {
    const more = lyapunov({...CHAOS, spikes: 800, segments: 8});
    expect(Math.abs(more.perSpike - chaos.perSpike)).toBeLessThan(0.05);
    expect(Math.abs(more.perMs - chaos.perMs)).toBeLessThan(0.005);
  });

  for (const [id, current] of [
    ["RS", 14],
    ["CH", 10]
  ] as const) {
    it(`is negative for ${id} under DC ${current}, with the neutral exponent ≈ 0 and perMs = perSpike / mean ISI`, () => {
      const r = lyapunov({params: CLASSES[id].params, current, spikes: 100, transient: 100, segments: 4});
      expect(r.perSpike).toBeLessThan(-1);
      expect(r.perMs).toBeLessThan(-0.1);
      expect(Math.abs(r.spectrum[0])).toBeLessThan(2e-3);
      expect(Math.abs(r.perMs - r.perSpike / r.meanIsi)).toBeLessThan(1e-4 * Math.abs(r.perMs));
      const twice = lyapunov({params: CLASSES[id].params, current, spikes: 200, transient: 100, segments: 4});
      expect(Math.abs(twice.perSpike - r.perSpike)).toBeLessThan(1e-3 * Math.abs(r.perSpike));
    });
  }

  it("reports progress per segment and rejects bad input", () => {
    const seen: number[] = [];
    lyapunov({...CHAOS, spikes: 20, transient: 5, segments: 4, onProgress: (done) => seen.push(done)});
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(() => lyapunov({...CHAOS, spikes: 1})).toThrow(/lyapunov: spikes: must be .*≥ 2.*got 1/);
    expect(() => lyapunov({...CHAOS, segments: 0})).toThrow(/segments.*got 0/);
    expect(() => lyapunov({params: CLASSES.RS.params, current: 0, horizon: 200})).toThrow(/stopped spiking/);
  });
});

describe("nearbyTrajectories", () => {
  it("separates two chaotic trajectories 1e-6 apart at about the per-spike exponent; RS's converge", () => {
    const chaos = nearbyTrajectories({...CHAOS, u0: -110, spikes: 30});
    expect(chaos.slope).not.toBeNull();
    expect(chaos.slope!).toBeGreaterThan(0.5);
    expect(Math.max(...chaos.du)).toBeGreaterThan(1e-2);
    const rs = nearbyTrajectories({params: CLASSES.RS.params, current: 14, u0: 0, spikes: 10});
    expect(rs.du[rs.du.length - 1]).toBeLessThan(1e-9);
    expect(rs.slope!).toBeLessThan(0);
  });
});
