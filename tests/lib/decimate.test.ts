import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {decimateMinMax, decimatePath} from "../../lib/decimate.js";

/** A synthetic spiking trace: a slow ramp that hits 30 mV and resets to −65, sampled at dt. */
function sawtooth(n: number, dt: number, period: number): {t: Float64Array; v: Float64Array; spikes: number[]} {
  const t = new Float64Array(n);
  const v = new Float64Array(n);
  const spikes: number[] = [];
  for (let i = 0; i < n; ++i) {
    t[i] = i * dt;
    const phase = i % period;
    v[i] = phase === period - 1 ? 30 : -65 + (35 * phase) / period;
    if (phase === period - 1) spikes.push(i);
  }
  return {t, v, spikes};
}

describe("decimateMinMax(x, y, {columns})", () => {
  it("returns short inputs whole", () => {
    const x = [0, 1, 2, 3, 4];
    const y = [5, 3, 4, 1, 2];
    expect(Array.from(decimateMinMax(x, y, {columns: 2}))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(decimateMinMax([], [], {columns: 3}))).toEqual([]);
  });

  it("keeps the first and last samples and the min and max of each column in time order", () => {
    const x = Array.from({length: 12}, (_, i) => i);
    const y = [0, 5, -1, 2, 9, 3, 3, -4, 1, 8, 2, 7];
    // Two columns over [0, 11]: samples 1–5 (column 0) and 6–10 (column 1).
    expect(Array.from(decimateMinMax(x, y, {columns: 2}))).toEqual([0, 2, 4, 7, 9, 11]);
  });

  it("keeps every spike apex: each spike's pixel column contains a point at the apex", () => {
    const {t, v, spikes} = sawtooth(32001, 1 / 32, 700);
    const columns = 300;
    const index = decimateMinMax(t, v, {columns, x0: 0, x1: 1000});
    const columnOf = (x: number) => Math.min(columns - 1, Math.floor((x / 1000) * columns));
    const apexColumns = new Set(Array.from(index).filter((i) => v[i] === 30).map((i) => columnOf(t[i])));
    for (const s of spikes) expect(apexColumns.has(columnOf(t[s]))).toBe(true);
  });

  it("has at most 2·columns + 2 points, in increasing order, for any input", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({noDefaultInfinity: true, noNaN: true, min: -1e6, max: 1e6}), {maxLength: 400}),
        fc.integer({min: 1, max: 50}),
        (values, columns) => {
          const x = values.map((_, i) => i * 0.5);
          const index = decimateMinMax(x, values, {columns});
          expect(index.length).toBeLessThanOrEqual(2 * columns + 2);
          for (let i = 1; i < index.length; ++i) expect(index[i]).toBeGreaterThan(index[i - 1]);
          if (values.length > 0) {
            expect(index[0]).toBe(0);
            expect(index[index.length - 1]).toBe(values.length - 1);
          }
        }
      )
    );
  });

  it("preserves the extremes of the series", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: -100, max: 100}), {minLength: 1, maxLength: 300}), (values) => {
        const x = values.map((_, i) => i);
        const index = decimateMinMax(x, values, {columns: 7});
        const kept = Array.from(index, (i) => values[i]);
        expect(Math.max(...kept)).toBe(Math.max(...values));
        expect(Math.min(...kept)).toBe(Math.min(...values));
      })
    );
  });

  it("rejects an invalid column count", () => {
    expect(() => decimateMinMax([0], [0], {columns: 0})).toThrow(RangeError);
    expect(() => decimateMinMax([0], [0], {columns: NaN})).toThrow(/invalid columns/);
  });
});

describe("decimatePath(x, y, {scaleX, scaleY, tolerance, breaks})", () => {
  it("keeps every point at least tolerance pixels apart", () => {
    const x = [0, 0.1, 0.2, 1, 1.05, 3];
    const y = [0, 0, 0, 0, 0, 0];
    expect(Array.from(decimatePath(x, y, {scaleX: 1, scaleY: 1, tolerance: 0.5}))).toEqual([0, 3, 5]);
    expect(Array.from(decimatePath(x, y, {scaleX: 10, scaleY: 1, tolerance: 0.6}))).toEqual([0, 1, 2, 3, 5]);
  });

  it("is exact with tolerance 0", () => {
    const x = [0, 0, 0, 1];
    expect(Array.from(decimatePath(x, x, {scaleX: 1, scaleY: 1, tolerance: 0}))).toEqual([0, 1, 2, 3]);
  });

  it("keeps both ends of every reset jump", () => {
    const {t, v, spikes} = sawtooth(5000, 1 / 32, 333);
    const u = Array.from(t, (ti) => Math.sin(ti));
    const index = Array.from(decimatePath(v, u, {scaleX: 0.1, scaleY: 0.1, tolerance: 3, breaks: spikes}));
    const kept = new Set(index);
    for (const s of spikes) {
      expect(kept.has(s)).toBe(true);
      expect(kept.has(s + 1)).toBe(true);
    }
    expect(index.length).toBeLessThan(5000 / 4);
    expect(index[0]).toBe(0);
    expect(index[index.length - 1]).toBe(4999);
  });

  it("skips non-finite samples", () => {
    expect(Array.from(decimatePath([0, NaN, 2, Infinity, 4], [0, 0, 0, 0, 0], {scaleX: 1, scaleY: 1}))).toEqual([0, 2, 4]);
  });
});
