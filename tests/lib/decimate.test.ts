import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {PATH_GAP, decimateMinMax, decimatePath} from "../../lib/decimate.js";

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
    const apexColumns = new Set(
      Array.from(index)
        .filter((i) => v[i] === 30)
        .map((i) => columnOf(t[i]))
    );
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
    const output = Array.from(decimatePath(v, u, {scaleX: 0.1, scaleY: 0.1, tolerance: 3, breaks: spikes}));
    const index = output.filter((i) => i !== PATH_GAP);
    const kept = new Set(index);
    for (const s of spikes) {
      expect(kept.has(s)).toBe(true);
      expect(kept.has(s + 1)).toBe(true);
      // The path is interrupted across the jump.
      expect(output[output.indexOf(s) + 1]).toBe(PATH_GAP);
      expect(output[output.indexOf(s) + 2]).toBe(s + 1);
    }
    for (let i = 1; i < index.length; ++i) expect(index[i]).toBeGreaterThan(index[i - 1]);
    expect(index.length).toBeLessThan(5000 / 4);
    expect(index[0]).toBe(0);
    expect(index[index.length - 1]).toBe(4999);
  });

  it("skips non-finite samples, interrupting the path there", () => {
    expect(Array.from(decimatePath([0, NaN, 2, Infinity, 4], [0, 0, 0, 0, 0], {scaleX: 1, scaleY: 1}))).toEqual([
      0,
      PATH_GAP,
      2,
      PATH_GAP,
      4
    ]);
  });

  it("draws a repeated orbit once with overdraw, keeping every jump", () => {
    // Ten identical loops (a circle of radius 50 px), each ended by a jump back to its start.
    const perLoop = 400;
    const x: number[] = [];
    const y: number[] = [];
    const breaks: number[] = [];
    for (let loop = 0; loop < 10; ++loop) {
      for (let j = 0; j < perLoop; ++j) {
        const angle = (2 * Math.PI * j) / perLoop;
        x.push(50 * Math.cos(angle));
        y.push(50 * Math.sin(angle));
      }
      breaks.push(x.length - 1);
    }
    breaks.pop();
    const plain = decimatePath(x, y, {scaleX: 1, scaleY: 1, tolerance: 1, breaks}).filter((i) => i !== PATH_GAP);
    const once = decimatePath(x, y, {scaleX: 1, scaleY: 1, tolerance: 1, breaks, overdraw: true});
    const kept = once.filter((i) => i !== PATH_GAP);
    expect(kept.length).toBeLessThan(plain.length / 3);
    for (const k of breaks) {
      expect(kept).toContain(k);
      expect(kept).toContain(k + 1);
    }
    // The first loop is drawn whole.
    expect(Array.from(kept).filter((i) => i < perLoop)).toEqual(Array.from(plain).filter((i) => i < perLoop));
    // Given the chart's bounds instead of measuring the path, the result is as small.
    const bounded = decimatePath(x, y, {
      scaleX: 1,
      scaleY: 1,
      tolerance: 1,
      breaks,
      overdraw: true,
      bounds: [-60, 60, -60, 60]
    });
    expect(bounded.filter((i) => i !== PATH_GAP).length).toBeLessThan(plain.length / 3);
  });
});
