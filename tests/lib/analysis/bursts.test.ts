import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {BURST_MIN_GAP_RATIO, detectBursts} from "../../../lib/analysis/bursts.js";

/** Spike times from a start time and a list of positive ISIs. */
function fromIsis(t0: number, isis: number[]): Float64Array {
  const out = new Float64Array(isis.length + 1);
  out[0] = t0;
  for (let i = 0; i < isis.length; i++) out[i + 1] = out[i]! + isis[i]!;
  return out;
}

/** `groups` groups of `size` spikes `within` ms apart, a group every `period` ms from t0. */
function groupsOf(size: number, groups: number, within: number, period: number, t0 = 10): Float64Array {
  const t: number[] = [];
  for (let g = 0; g < groups; g++) for (let k = 0; k < size; k++) t.push(t0 + g * period + k * within);
  return Float64Array.from(t);
}

// Spike times on a 1/4-ms grid (as figure1.m's τ = 0.25 gives): sums and differences are exact in binary.
const arbTrain = fc.array(fc.integer({min: 1, max: 400}), {minLength: 0, maxLength: 40}).map((steps) =>
  fromIsis(
    0,
    steps.map((k) => k / 4)
  )
);

describe("detectBursts", () => {
  it("finds groups of 3 spikes every 50 ms as bursts of 3 spikes", () => {
    const r = detectBursts(groupsOf(3, 4, 2, 50));
    expect(r.spikesPerBurst).toEqual([3, 3, 3, 3]);
    expect(r.bursts[1]).toEqual({start: 60, end: 64, count: 3});
    expect(r.meanSpikesPerBurst).toBe(3);
    expect(r.intraBurstIsi).toBeCloseTo(2, 12);
    // Quiet period from the last spike of a burst to the first of the next: 50 − 4 = 46 ms.
    expect(r.interBurstInterval).toBeCloseTo(46, 12);
    // Geometric mean of the ISIs on either side of the gap: √(2·46).
    expect(r.threshold).toBeCloseTo(Math.sqrt(2 * 46), 12);
  });

  it("finds no burst in a regular train, and returns nulls rather than NaN", () => {
    const r = detectBursts(fromIsis(5, Array(10).fill(10)));
    expect(r).toEqual({
      bursts: [],
      spikesPerBurst: [],
      meanSpikesPerBurst: null,
      intraBurstIsi: null,
      interBurstInterval: null,
      threshold: null
    });
  });

  it("finds no burst in an empty train, a single spike or a single ISI", () => {
    for (const t of [[], [3], [3, 4]]) expect(detectBursts(t).bursts).toEqual([]);
  });

  it("needs a gap ratio of at least BURST_MIN_GAP_RATIO between short and long ISIs", () => {
    const just = fromIsis(0, [1, 1, BURST_MIN_GAP_RATIO, 1, 1]);
    expect(detectBursts(just).spikesPerBurst).toEqual([3, 3]);
    const below = fromIsis(0, [1, 1, BURST_MIN_GAP_RATIO * 0.99, 1, 1]);
    expect(detectBursts(below).bursts).toEqual([]);
    expect(detectBursts(below, {minGapRatio: 2}).spikesPerBurst).toEqual([3, 3]);
  });

  it("uses an explicit maxIntraBurstIsi in ms, inclusive", () => {
    const t = fromIsis(0, [2, 3, 10, 2, 20]);
    expect(detectBursts(t, {maxIntraBurstIsi: 3}).spikesPerBurst).toEqual([3, 2]);
    expect(detectBursts(t, {maxIntraBurstIsi: 2.5}).spikesPerBurst).toEqual([2, 2]);
    expect(detectBursts(t, {maxIntraBurstIsi: 3}).threshold).toBe(3);
  });

  it("leaves isolated spikes out of every burst", () => {
    // A burst of 4, then single spikes 40 ms apart.
    const r = detectBursts(fromIsis(0, [2, 2, 2, 40, 40, 40]));
    expect(r.bursts).toEqual([{start: 0, end: 6, count: 4}]);
    expect(r.interBurstInterval).toBeNull();
  });

  it("partitions the spikes it covers into disjoint runs of consecutive spikes", () => {
    fc.assert(
      fc.property(arbTrain, (t) => {
        const {bursts, spikesPerBurst} = detectBursts(t);
        expect(spikesPerBurst).toEqual(bursts.map((b) => b.count));
        let covered = 0;
        for (let k = 0; k < bursts.length; k++) {
          const b = bursts[k]!;
          expect(b.count).toBeGreaterThanOrEqual(2);
          // Every spike in [start, end] belongs to the burst, and start/end are spikes.
          const inside = Array.from(t).filter((s) => s >= b.start && s <= b.end);
          expect(inside.length).toBe(b.count);
          expect(inside[0]).toBe(b.start);
          expect(inside[inside.length - 1]).toBe(b.end);
          if (k > 0) expect(b.start).toBeGreaterThan(bursts[k - 1]!.end);
          covered += b.count;
        }
        expect(covered).toBeLessThanOrEqual(t.length);
      })
    );
  });

  it("scales with time: multiplying all spike times by 2^k multiplies every time in the result by 2^k", () => {
    fc.assert(
      fc.property(arbTrain, fc.integer({min: -6, max: 6}), (t, k) => {
        const c = 2 ** k;
        const a = detectBursts(t);
        const b = detectBursts(t.map((s) => s * c));
        expect(b.spikesPerBurst).toEqual(a.spikesPerBurst);
        expect(b.bursts).toEqual(a.bursts.map((x) => ({start: x.start * c, end: x.end * c, count: x.count})));
        expect(b.threshold).toBe(a.threshold === null ? null : a.threshold * c);
      })
    );
  });

  it("is unchanged by a shift of all spike times", () => {
    fc.assert(
      fc.property(arbTrain, fc.integer({min: -1000, max: 1000}), (t, shift) => {
        const a = detectBursts(t);
        const b = detectBursts(t.map((s) => s + shift));
        expect(b.spikesPerBurst).toEqual(a.spikesPerBurst);
        expect(b.bursts.map((x) => x.start - shift)).toEqual(a.bursts.map((x) => x.start));
      })
    );
  });

  it("rejects bad input with errors naming the field, the value and what is allowed", () => {
    expect(() => detectBursts([1, Number.NaN])).toThrow(/spikes\[1\].*finite number.*NaN/);
    expect(() => detectBursts([1, 3, 2])).toThrow(/spikes\[2\].*> 3.*got 2/);
    expect(() => detectBursts([1, 1])).toThrow(/spikes\[1\]/);
    expect(() => detectBursts(null as unknown as number[])).toThrow(TypeError);
    expect(() => detectBursts([1, 2], {maxIntraBurstIsi: 0})).toThrow(/maxIntraBurstIsi.*> 0.*got 0/);
    expect(() => detectBursts([1, 2], {minGapRatio: 1})).toThrow(/minGapRatio.*> 1.*got 1/);
    expect(() => detectBursts([1, 2], {maxIntraBurst: 3} as never)).toThrow(/unknown key "maxIntraBurst"/);
  });
});
