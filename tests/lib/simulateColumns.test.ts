import {describe, expect, it} from "vitest";
import {simulate, step} from "../../lib/index.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};

/** The first index where two columns hold different doubles (−0 and +0 differ), or −1 when they are the same. */
function firstDifference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = Math.min(x.length, y.length);
  for (let k = 0; k < n; k++) if (!Object.is(x[k], y[k])) return k;
  return x.length === y.length ? -1 : n;
}

describe("simulate with preallocated columns", () => {
  const n = 32_001;
  const fresh = () => ({
    t: new Float64Array(n + 5),
    v: new Float64Array(n + 5),
    u: new Float64Array(n + 5),
    I: new Float64Array(n + 5)
  });

  it("writes the same numbers as a default call into the given arrays, for every method", () => {
    const columns = fresh();
    for (const method of ["euler", "paper2003", "rk4", "adaptive"] as const) {
      const options = {params: RS, current: step(10, 100, 700), duration: 1000, dt: 2 ** -5, method};
      const plain = simulate(options);
      const into = simulate({...options, columns});
      for (const key of ["t", "v", "u", "I"] as const) {
        expect(firstDifference(into[key], plain[key]), `${method}: first sample where ${key} differs`).toBe(-1);
        expect(into[key].buffer).toBe(columns[key].buffer);
      }
      expect(firstDifference(into.spikes, plain.spikes)).toBe(-1);
    }
  });

  it("gives views cut at the last valid sample when a run stops early, and overwrites stale samples", () => {
    const columns = fresh();
    columns.v.fill(99);
    const into = simulate({params: RS, current: 10, duration: 1000, method: "euler", maxSpikes: 3, columns});
    const plain = simulate({params: RS, current: 10, duration: 1000, method: "euler", maxSpikes: 3});
    expect(into.v.length).toBe(plain.v.length);
    expect(firstDifference(into.v, plain.v)).toBe(-1);
    expect(firstDifference(into.t, plain.t)).toBe(-1);
  });

  it("rejects columns that are too short, not Float64Arrays, or overlapping", () => {
    const options = {params: RS, current: 10, duration: 1000, method: "euler" as const};
    expect(() => simulate({...options, columns: {...fresh(), v: new Float64Array(n - 1)}})).toThrow(
      /columns\.v: must be a Float64Array of at least 32001 elements.*length 32000/
    );
    expect(() =>
      simulate({...options, columns: {...fresh(), u: new Array(n).fill(0) as unknown as Float64Array}})
    ).toThrow(/columns\.u: must be a Float64Array/);
    const shared = new Float64Array(2 * n);
    expect(() =>
      simulate({...options, columns: {...fresh(), v: shared.subarray(0, n), u: shared.subarray(n - 1)}})
    ).toThrow(/columns\.v and columns\.u: must not share elements/);
    expect(() =>
      simulate({...options, columns: {...fresh(), v: shared.subarray(0, n), u: shared.subarray(n)}})
    ).not.toThrow();
  });
});
