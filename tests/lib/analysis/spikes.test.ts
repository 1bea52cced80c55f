import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {
  adaptationIndex,
  coefficientOfVariation,
  firingRate,
  firstSpikeLatency,
  interSpikeIntervals,
  spikeStatistics
} from "../../../lib/analysis/spikes.js";

const train = (...t: number[]) => Float64Array.from(t);
// ISIs 5, 10, 15 ms.
const slowing = train(10, 15, 25, 40);

/** Spike times from a start time and a list of positive ISIs. */
function fromIsis(t0: number, isis: number[]): Float64Array {
  const out = new Float64Array(isis.length + 1);
  out[0] = t0;
  for (let i = 0; i < isis.length; i++) out[i + 1] = out[i]! + isis[i]!;
  return out;
}

const arbIsis = (minLength: number) =>
  fc.array(fc.double({min: 0.1, max: 100, noNaN: true}), {minLength, maxLength: 50});

describe("interSpikeIntervals", () => {
  it("returns the differences of consecutive spike times in ms", () => {
    expect(Array.from(interSpikeIntervals(slowing))).toEqual([5, 10, 15]);
  });

  it("returns an empty array for 0 or 1 spike", () => {
    expect(interSpikeIntervals(train()).length).toBe(0);
    expect(interSpikeIntervals(train(3)).length).toBe(0);
  });

  it("accepts a plain array as well as a Float64Array", () => {
    expect(Array.from(interSpikeIntervals([1, 4]))).toEqual([3]);
  });
});

describe("firingRate", () => {
  it("counts spikes per second in [start, end): 4 spikes in 100 ms is 40 Hz", () => {
    expect(firingRate(slowing, 0, 100)).toBeCloseTo(40, 12);
  });

  it("includes a spike at start and excludes one at end", () => {
    // [15, 40) holds 15 and 25 → 2 spikes in 25 ms = 80 Hz.
    expect(firingRate(slowing, 15, 40)).toBeCloseTo(80, 12);
    expect(firingRate(slowing, 40, 41)).toBeCloseTo(1000, 12);
  });

  it("is 0 Hz for an empty window", () => {
    expect(firingRate(slowing, 100, 200)).toBe(0);
    expect(firingRate(train(), 0, 1)).toBe(0);
  });

  it("gives 1000/T Hz for a regular train with period T ms", () => {
    fc.assert(
      fc.property(
        fc.double({min: 0, max: 1000, noNaN: true}),
        fc.double({min: 0.1, max: 100, noNaN: true}),
        fc.integer({min: 1, max: 200}),
        (t0, T, n) => {
          const spikes = Float64Array.from({length: n}, (_, k) => t0 + k * T);
          expect(firingRate(spikes, t0, t0 + n * T) / (1000 / T)).toBeCloseTo(1, 10);
        }
      )
    );
  });

  it("adds up over adjacent windows (half-open windows never count a spike twice)", () => {
    fc.assert(
      fc.property(arbIsis(0), fc.double({min: 0.01, max: 0.99, noNaN: true}), (isis, split) => {
        const spikes = fromIsis(0, isis);
        const end = spikes[spikes.length - 1]! + 1;
        const mid = split * end;
        fc.pre(mid > 0 && mid < end);
        const count = (s: number, e: number) => (firingRate(spikes, s, e) * (e - s)) / 1000;
        expect(count(0, mid) + count(mid, end)).toBeCloseTo(spikes.length, 9);
      })
    );
  });
});

describe("coefficientOfVariation", () => {
  it("is the population std over the mean of the ISIs: ISIs 5, 10, 15 give √(50/3)/10", () => {
    expect(coefficientOfVariation(slowing)).toBeCloseTo(Math.sqrt(50 / 3) / 10, 14);
  });

  it("is null with fewer than 2 ISIs", () => {
    expect(coefficientOfVariation(train())).toBeNull();
    expect(coefficientOfVariation(train(1))).toBeNull();
    expect(coefficientOfVariation(train(1, 2))).toBeNull();
  });

  it("is 0 for a regular train (to 1e-9)", () => {
    fc.assert(
      fc.property(
        fc.double({min: 0, max: 1000, noNaN: true}),
        fc.double({min: 0.1, max: 100, noNaN: true}),
        fc.integer({min: 3, max: 200}),
        (t0, T, n) => {
          const spikes = Float64Array.from({length: n}, (_, k) => t0 + k * T);
          expect(coefficientOfVariation(spikes)!).toBeLessThan(1e-9);
        }
      )
    );
  });

  it("is invariant when all times are scaled by k > 0 (to 1e-9 relative)", () => {
    fc.assert(
      fc.property(
        arbIsis(2),
        fc.double({min: 0, max: 1000, noNaN: true}),
        fc.double({min: 0.01, max: 100, noNaN: true}),
        (isis, t0, k) => {
          const spikes = fromIsis(t0, isis);
          const scaled = spikes.map((t) => k * t);
          const cv = coefficientOfVariation(spikes)!;
          expect(Math.abs(coefficientOfVariation(scaled)! - cv)).toBeLessThanOrEqual(1e-9 * Math.max(cv, 1e-3));
        }
      )
    );
  });
});

describe("firstSpikeLatency", () => {
  it("measures from onset to the first spike at or after onset, in ms", () => {
    expect(firstSpikeLatency(slowing, 12)).toBeCloseTo(3, 12);
    expect(firstSpikeLatency(slowing, 0)).toBe(10);
    expect(firstSpikeLatency(slowing, 40)).toBe(0);
  });

  it("is null when no spike follows onset", () => {
    expect(firstSpikeLatency(slowing, 40.5)).toBeNull();
    expect(firstSpikeLatency(train(), 0)).toBeNull();
  });
});

describe("adaptationIndex", () => {
  it("averages (ISI_{n+1} − ISI_n)/(ISI_{n+1} + ISI_n): ISIs 5, 10, 15 give (1/3 + 1/5)/2", () => {
    expect(adaptationIndex(slowing)).toBeCloseTo((1 / 3 + 1 / 5) / 2, 14);
  });

  it("is null with fewer than 2 ISIs", () => {
    expect(adaptationIndex(train(1, 2))).toBeNull();
    expect(adaptationIndex(train())).toBeNull();
  });

  it("is positive for increasing ISIs (adaptation) and negative for decreasing ones", () => {
    fc.assert(
      fc.property(
        fc.double({min: 0.5, max: 50, noNaN: true}),
        fc.array(fc.double({min: 1.001, max: 2, noNaN: true}), {minLength: 1, maxLength: 30}),
        (first, ratios) => {
          const isis = [first];
          for (const r of ratios) isis.push(isis[isis.length - 1]! * r);
          expect(adaptationIndex(fromIsis(0, isis))!).toBeGreaterThan(0);
          expect(adaptationIndex(fromIsis(0, isis.slice().reverse()))!).toBeLessThan(0);
        }
      )
    );
  });

  it("lies in (−1, 1) and is invariant under scaling time", () => {
    fc.assert(
      fc.property(arbIsis(2), fc.double({min: 0.01, max: 100, noNaN: true}), (isis, k) => {
        const spikes = fromIsis(0, isis);
        const ai = adaptationIndex(spikes)!;
        expect(Math.abs(ai)).toBeLessThan(1);
        expect(adaptationIndex(spikes.map((t) => k * t))!).toBeCloseTo(ai, 9);
      })
    );
  });
});

describe("spikeStatistics", () => {
  it("summarises the spikes in the window: [12, 41) with onset 12 holds 15, 25, 40", () => {
    const s = spikeStatistics(slowing, {start: 12, end: 41, onset: 12});
    expect(s.count).toBe(3);
    expect(s.rate).toBeCloseTo((3 * 1000) / 29, 10);
    expect(Array.from(s.isis)).toEqual([10, 15]);
    expect(s.meanIsi).toBeCloseTo(12.5, 14);
    expect(s.cv).toBeCloseTo(2.5 / 12.5, 14);
    expect(s.latency).toBeCloseTo(3, 14);
    expect(s.adaptation).toBeCloseTo(5 / 25, 14);
  });

  it("defaults the onset to the window start", () => {
    expect(spikeStatistics(slowing, {start: 0, end: 100}).latency).toBe(10);
  });

  it("returns nulls, never NaN, for an empty or single-spike window", () => {
    const empty = spikeStatistics(train(), {start: 0, end: 100});
    expect(empty).toEqual({
      count: 0,
      rate: 0,
      isis: new Float64Array(0),
      meanIsi: null,
      cv: null,
      latency: null,
      adaptation: null
    });
    const single = spikeStatistics(slowing, {start: 20, end: 30});
    expect(single.count).toBe(1);
    expect(single.rate).toBeCloseTo(100, 12);
    expect(single.meanIsi).toBeNull();
    expect(single.cv).toBeNull();
    expect(single.adaptation).toBeNull();
    expect(single.latency).toBe(5);
  });

  it("agrees with the individual functions when the window holds every spike", () => {
    fc.assert(
      fc.property(arbIsis(0), fc.double({min: 0, max: 500, noNaN: true}), (isis, t0) => {
        const spikes = fromIsis(t0, isis);
        const start = t0 - 1;
        const end = spikes[spikes.length - 1]! + 1;
        const s = spikeStatistics(spikes, {start, end, onset: t0});
        expect(s.count).toBe(spikes.length);
        expect(s.rate).toBe(firingRate(spikes, start, end));
        expect(Array.from(s.isis)).toEqual(Array.from(interSpikeIntervals(spikes)));
        expect(s.cv).toBe(coefficientOfVariation(spikes));
        expect(s.adaptation).toBe(adaptationIndex(spikes));
        expect(s.latency).toBe(firstSpikeLatency(spikes, t0));
        for (const value of Object.values(s)) if (typeof value === "number") expect(Number.isNaN(value)).toBe(false);
      })
    );
  });
});

describe("input validation", () => {
  it("rejects unsorted or repeated spike times, naming the element and its value", () => {
    expect(() => interSpikeIntervals(train(1, 3, 2))).toThrow(
      /interSpikeIntervals: spikes\[2\] must be greater than spikes\[1\] = 3 \(strictly increasing\), got 2/
    );
    expect(() => coefficientOfVariation(train(1, 1, 2))).toThrow(/spikes\[1\] must be greater than spikes\[0\] = 1/);
  });

  it("rejects non-finite spike times", () => {
    expect(() => adaptationIndex(train(1, NaN, 3))).toThrow(/spikes\[1\] must be a finite spike time \(ms\), got NaN/);
    expect(() => firstSpikeLatency(train(1, Infinity), 0)).toThrow(/spikes\[1\].*got Infinity/);
  });

  it("rejects a window with end ≤ start or non-finite bounds", () => {
    expect(() => firingRate(slowing, 10, 10)).toThrow(
      /firingRate: end must be a finite number > start \(10 ms\), got 10/
    );
    expect(() => firingRate(slowing, 10, 5)).toThrow(/end must be .*got 5/);
    expect(() => firingRate(slowing, NaN, 5)).toThrow(/start must be a finite number \(ms\), got NaN/);
    expect(() => spikeStatistics(slowing, {start: 0, end: -1})).toThrow(/spikeStatistics: end must be/);
    expect(() => spikeStatistics(slowing, {start: 0, end: 1, onset: NaN})).toThrow(/onset must be a finite number/);
    expect(() => firstSpikeLatency(slowing, Infinity)).toThrow(/onset.*got Infinity/);
  });

  it("rejects something that is not an array of times", () => {
    expect(() => interSpikeIntervals(null as never)).toThrow(TypeError);
    expect(() => interSpikeIntervals(5 as never)).toThrow(/spikes must be a Float64Array/);
    expect(() => spikeStatistics(slowing, null as never)).toThrow(/options must be an object/);
  });
});
