// The polyline path text written as bytes (pathText.ts) is the text the charts wrote before with string
// concatenation, for any data: checked against that plain formulation, point for point.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {addPoint, beginPath, linearPathData, pathText} from "../../../src/components/charts/pathText.js";

/** The reference: "M"/"L", the rounded tenths of a pixel clamped to ±10⁶, a NaN pixel breaking the path. */
function concatenated(X: number[], Y: number[], kx: number, bx: number, ky: number, by: number): string {
  let d = "";
  let pen = false;
  for (let i = 0; i < Math.min(X.length, Y.length); i++) {
    const px = kx * X[i]! + bx;
    const py = ky * Y[i]! + by;
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    const ix = Math.round(Math.max(-1e6, Math.min(1e6, px * 10)));
    const iy = Math.round(Math.max(-1e6, Math.min(1e6, py * 10)));
    d += (pen ? "L" : "M") + String(ix) + "," + String(iy);
    pen = true;
  }
  return d;
}

const value = fc.oneof(
  fc.double({min: -1e4, max: 1e4, noNaN: true}),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 0.05, -0.05, 0.04999, 1e9, -1e9)
);

describe("linearPathData", () => {
  it("writes what string concatenation wrote, for any points and linear map", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value), {maxLength: 300}),
        fc.double({min: -50, max: 50, noNaN: true}),
        fc.double({min: -500, max: 500, noNaN: true}),
        fc.double({min: -50, max: 50, noNaN: true}),
        fc.double({min: -500, max: 500, noNaN: true}),
        (points, kx, bx, ky, by) => {
          const X = points.map((p) => p[0]);
          const Y = points.map((p) => p[1]);
          expect(linearPathData(X, Y, X.length, kx, bx, ky, by)).toBe(concatenated(X, Y, kx, bx, ky, by));
        }
      ),
      {numRuns: 500}
    );
  });

  it("writes known text: tenths of a pixel, minus signs, no −0, a new subpath after a gap", () => {
    expect(linearPathData([0, 1, NaN, 3, -0.04], [0, -2, 5, 1e9, 0], 5, 1, 0, 1, 0)).toBe("M0,0L10,-20M30,1000000L0,0");
    expect(linearPathData([1, 2], [1, 2], 1, 2, 0.5, 1, 0)).toBe("M25,10");
    expect(linearPathData([], [], 0, 1, 0, 1, 0)).toBe("");
  });

  it("grows its buffer for long paths, and a path starts afresh after a longer one", () => {
    const n = 20_000; // beyond the first buffer (32 kB, about 1,800 points)
    const X = Array.from({length: n}, (_, i) => i - n / 2);
    const Y = X.map((x) => -x / 7);
    expect(linearPathData(X, Y, n, 1.3, 0.2, 1, -3)).toBe(concatenated(X, Y, 1.3, 0.2, 1, -3));
    expect(linearPathData([1], [2], 1, 1, 0, 1, 0)).toBe("M10,20");
  });

  it("builds a path point by point as well", () => {
    beginPath(3);
    addPoint(false, 1.25, -2);
    addPoint(true, 99999.94, 0.01);
    addPoint(false, -100001, 3);
    expect(pathText()).toBe("M13,-20L999999,0M-1000000,30");
  });
});
