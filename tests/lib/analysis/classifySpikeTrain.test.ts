import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {classifyFiringPattern} from "../../../lib/analysis/classifyFiringPattern.js";
import {
  classifySpikeTrain,
  FIRING_PATTERNS,
  type FiringPattern,
  type SpikeTrainDecision
} from "../../../lib/analysis/classifySpikeTrain.js";
import {burstsFromIsis, detectBursts} from "../../../lib/analysis/bursts.js";
import {isisOf} from "../../../lib/analysis/spikes.js";
import {fromIsis} from "./trains.js";

const perBurstOf = (d: SpikeTrainDecision) => ("spikesPerBurst" in d ? d.spikesPerBurst : undefined);

// ISIs ≥ 1e-3 ms keep cumulative sums strictly increasing up to 300 spikes.
const isi = (min: number, max: number) => fc.double({min, max, noNaN: true});
const count = fc.integer({min: 0, max: 300});
const arbIsis = fc.oneof(
  // regular
  fc.tuple(isi(1, 60), count).map(([p, n]) => Array<number>(n).fill(p)),
  // jittered around a period
  fc.tuple(isi(2, 60), fc.array(isi(-0.4, 0.4), {maxLength: 300})).map(([p, j]) => j.map((e) => p * (1 + e))),
  // bursts of `size` spikes `within` ms apart, every `between` ms
  fc
    .tuple(fc.integer({min: 2, max: 8}), isi(0.5, 4), isi(15, 120), fc.integer({min: 0, max: 40}))
    .map(([size, within, between, groups]) =>
      Array.from({length: size * groups}, (_, k) => (k % size === size - 1 ? between : within))
    ),
  // accelerating (geometric shrink, or nearly regular)
  fc
    .tuple(isi(1, 40), isi(0.8, 1), count)
    .map(([first, r, n]) => Array.from({length: n}, (_, k) => Math.max(1e-3, first * r ** k))),
  // adapting (geometric growth)
  fc
    .tuple(isi(1, 20), isi(1, 1.4), fc.integer({min: 0, max: 30}))
    .map(([first, r, n]) => Array.from({length: n}, (_, k) => first * r ** k)),
  // mixed-like: an onset burst, a pause, then jittered tonic spikes
  fc
    .tuple(
      fc.integer({min: 2, max: 6}),
      isi(0.5, 4),
      isi(15, 80),
      isi(5, 60),
      fc.array(isi(-0.1, 0.1), {maxLength: 100})
    )
    .map(([size, within, pause, period, jitter]) => [
      ...Array<number>(size - 1).fill(within),
      pause,
      ...jitter.map((e) => period * (1 + e))
    ]),
  // phasic: a few close spikes (the window is drawn long after them)
  fc.array(isi(1, 6), {maxLength: 8}),
  // anything
  fc.array(isi(1e-3, 200), {maxLength: 300})
);

/**
 * A train and a window [start, end) with onset around it: mostly the whole train, sometimes cutting off its
 * start or end or with a late onset (spikes outside the window or before onset are ignored).
 */
const arbCase = fc
  .record({isis: arbIsis, t0: isi(-100, 100), a: isi(0, 1), b: isi(0, 1), c: isi(0, 1), tail: isi(1, 100)})
  .map(({isis, t0, a, b, c, tail}) => {
    const spikes = fromIsis(t0, isis);
    const span = spikes[spikes.length - 1]! - t0;
    const start = t0 - 10 + (a < 0.7 ? 0 : a * 0.5 * span);
    const end = start + Math.max(1e-3, (span + 10) * (0.6 + 0.5 * b)) + tail;
    const onset = start + (c < 0.6 ? 0 : c * c * 0.5 * (end - start));
    return {spikes, start, end, onset};
  });

describe("classifySpikeTrain (the unvalidated core of classifyFiringPattern)", () => {
  it("agrees with classifyFiringPattern on pattern and spikesPerBurst for random trains and windows", () => {
    fc.assert(
      fc.property(arbCase, fc.boolean(), ({spikes, start, end, onset}, asArray) => {
        const d = classifySpikeTrain(spikes, start, end, onset);
        // The public function on a plain array takes the conversion path; on a Float64Array, the direct one.
        const r = classifyFiringPattern(asArray ? Array.from(spikes) : spikes, {start, end, onset});
        expect(d.pattern).toBe(r.pattern);
        expect(perBurstOf(d)).toBe(r.spikesPerBurst);
        expect(FIRING_PATTERNS).toContain(d.pattern);
        // A view into a larger buffer (as the atlas passes simulateBatch's spike log) decides the same.
        const log = new Float64Array(spikes.length + 2).fill(-1e9);
        log.set(spikes, 1);
        expect(classifySpikeTrain(log.subarray(1, 1 + spikes.length), start, end, onset)).toEqual(d);
      }),
      {numRuns: 300}
    );
  });

  it("does not depend on the trains classified before (its work buffers are reused)", () => {
    fc.assert(
      fc.property(fc.array(arbCase, {minLength: 2, maxLength: 6}), (cases) => {
        const forward = cases.map((c) => classifySpikeTrain(c.spikes, c.start, c.end, c.onset));
        const backward = [...cases].reverse().map((c) => classifySpikeTrain(c.spikes, c.start, c.end, c.onset));
        expect(backward.reverse()).toEqual(forward);
      }),
      {numRuns: 50}
    );
  });

  it("gives each label, with the numbers its reason quotes", () => {
    const label = (t: ArrayLike<number>, start: number, end: number, onset = start) =>
      classifySpikeTrain(Float64Array.from(t), start, end, onset);
    const seen = new Set<FiringPattern>();
    const check = (d: SpikeTrainDecision, expected: Partial<SpikeTrainDecision> & {pattern: FiringPattern}) => {
      expect(d).toMatchObject(expected);
      seen.add(d.pattern);
    };

    check(label([5, 8], 0, 100, 20), {pattern: "silent"});
    // 4 groups of 3 spikes 2 ms apart, every 50 ms: quiet periods 50 − 4 = 46 ms, threshold √(2·46).
    const groups = [0, 1, 2, 3].flatMap((g) => [10 + 50 * g, 12 + 50 * g, 14 + 50 * g]);
    check(label(groups, 10, 200), {
      pattern: "bursting",
      spikesPerBurst: 3,
      bursts: 4,
      interBurstInterval: 46,
      threshold: Math.sqrt(92)
    });
    check(label([30], 10, 200), {pattern: "phasic", spikes: 1, latency: 20, silence: 170});
    expect(perBurstOf(label([30], 10, 200))).toBeUndefined();
    check(label([30, 33, 36, 39, 42], 20, 200), {
      pattern: "phasic",
      spikesPerBurst: 5,
      spikes: 5,
      span: 12,
      longestIsi: 3,
      silence: 158
    });
    check(label(fromIsis(20, [2, 3, 40, 32, 32, 32]), 16, 200), {
      pattern: "mixed",
      spikesPerBurst: 3,
      pause: 40,
      typicalIsi: 32,
      followingSpikes: 4
    });
    const shrinking = fromIsis(
      10,
      Array.from({length: 30}, (_, k) => 10 * 0.5 ** (k / 4))
    ); // 10 ms → 0.066 ms
    check(label(shrinking, 0, shrinking[shrinking.length - 1]! + 1), {pattern: "accelerating", firstIsi: 10});
    const growing = label(fromIsis(12, [2, 3, 4.5, 6.75, 10.125, 15.1875]), 10, 60);
    check(growing, {pattern: "adapting", isis: 6, firstIsi: 2, lastIsi: 15.1875});
    // (1.5 − 1)/(1.5 + 1) = 0.2 for every pair; the late ISIs are the last 3 of 6, lengthening in both steps.
    expect(growing.pattern === "adapting" && growing.late).toMatchObject({count: 3, lengthening: 2});
    expect(growing.pattern === "adapting" && growing.late!.adaptation).toBeCloseTo(0.2, 12);
    // Alternating 10/25 ms ISIs: no burst gap (25/10 < 3), no trend, CV 7.5/17.5 ≈ 0.43 ≥ 0.3.
    const alternating = label(
      fromIsis(
        0,
        Array.from({length: 20}, (_, k) => (k % 2 ? 25 : 10))
      ),
      0,
      400
    );
    check(alternating, {pattern: "irregular"});
    expect(alternating.pattern === "irregular" && alternating.late!.cv).toBeCloseTo(15 / 35, 12);
    const regular = label(fromIsis(12, Array(10).fill(25)), 10, 300);
    check(regular, {pattern: "tonic", isis: 10});
    expect(regular.pattern === "tonic" && regular.late).toMatchObject({
      count: 5,
      mean: 25,
      cv: 0,
      adaptation: 0,
      lengthening: 0
    });
    check(label([5, 60], 0, 150), {pattern: "tonic", isis: 1, firstIsi: 55, late: null});

    expect([...seen].sort()).toEqual([...FIRING_PATTERNS].sort());
  });

  it("passes maxIntraBurstIsi (ms, inclusive) to the burst detection as classifyFiringPattern does", () => {
    const t = fromIsis(0, [2, 3, 30, 2, 3, 30, 2, 3, 30]);
    expect(classifySpikeTrain(t, 0, 200, 0, 2.5)).toMatchObject({
      pattern: "bursting",
      spikesPerBurst: 2,
      threshold: 2.5
    });
    expect(classifySpikeTrain(t, 0, 200, 0, 3)).toMatchObject({pattern: "bursting", spikesPerBurst: 3, threshold: 3});
    expect(classifyFiringPattern(t, {start: 0, end: 200, maxIntraBurstIsi: 2.5})).toMatchObject({
      pattern: "bursting",
      spikesPerBurst: 2
    });
  });
});

describe("classifyFiringPattern's checks around the core", () => {
  it("rejects a bad maxIntraBurstIsi even when the train is silent", () => {
    expect(() => classifyFiringPattern([], {end: 50, maxIntraBurstIsi: -1})).toThrow(
      /maxIntraBurstIsi \(ms\).*> 0.*got -1/
    );
  });
});

describe("burstsFromIsis (the unchecked core of detectBursts)", () => {
  it("gives detectBursts's result for random trains, with and without an explicit threshold", () => {
    fc.assert(
      fc.property(arbIsis, fc.option(isi(0.5, 20), {nil: undefined}), (isis, maxIntraBurstIsi) => {
        const spikes = fromIsis(0, isis);
        const expected = detectBursts(spikes, maxIntraBurstIsi === undefined ? {} : {maxIntraBurstIsi});
        expect(burstsFromIsis(spikes, isisOf(spikes), maxIntraBurstIsi)).toEqual(expected);
      }),
      {numRuns: 200}
    );
  });

  it("finds the gap exactly at BURST_MIN_GAP_RATIO and none just under it, by either path", () => {
    // Longest/shortest < 3 skips the sort (no neighbouring ratio can reach 3); at 3 the sorted search runs.
    expect(detectBursts(fromIsis(0, [1, 2.999, 1, 1])).threshold).toBeNull();
    expect(detectBursts(fromIsis(0, [1, 3, 1, 1])).threshold).toBe(Math.sqrt(3));
    // Longest/shortest ≥ 3 without a gap between neighbours: the sorted search finds none.
    expect(detectBursts(fromIsis(0, [2.2, 1, 3.3, 1.5])).threshold).toBeNull();
  });
});
