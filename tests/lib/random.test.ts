import fc from "fast-check";
import {afterEach, describe, expect, it, vi} from "vitest";
import {hash32, normal, portableExp, portableExpm1, uniform} from "../../lib/random.js";

// Property tests run from a fixed seed, so every run checks the same cases (the project's tests are deterministic).
fc.configureGlobal({seed: 20041063});

// Statistical tests use fixed seeds, so they are deterministic; each tolerance is about 5 standard errors of the
// statistic for the sample size, so a correct generator passes with a wide margin and a biased one fails.

function moments(xs: ArrayLike<number>) {
  const n = xs.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i];
  mean /= n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  let lag = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
    if (i > 0) lag += d * (xs[i - 1] - mean);
  }
  const variance = m2 / n;
  return {mean, variance, skewness: m3 / n / variance ** 1.5, kurtosis: m4 / n / variance ** 2, lag1: lag / m2};
}

/** Standard normal CDF via erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7: ample for a KS test). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

describe("hash32(seed, counter, draw)", () => {
  it("is a pure function with pinned values (the bits every engine must reproduce)", () => {
    // Pinned from this implementation (tests/fixtures/README.md): a change here changes every frozen noise trace.
    expect([hash32(0, 0), hash32(1, 0), hash32(1, 1), hash32(-1, 7, 3), hash32(2 ** 52, 2 ** 32 - 1, 5)]).toEqual([
      3248844360, 1664029830, 3075176647, 3070772308, 2440068229
    ]);
  });

  it("returns unsigned 32-bit integers that differ between neighbouring seeds, counters and draws", () => {
    const seen = new Set<number>();
    for (let seed = -5; seed <= 5; seed++) {
      for (let counter = 0; counter < 20; counter++) {
        for (let draw = 0; draw < 5; draw++) {
          const h = hash32(seed, counter, draw);
          if (!(Number.isInteger(h) && h >= 0 && h < 2 ** 32))
            expect.fail(`hash32(${seed}, ${counter}, ${draw}) = ${h}`);
          seen.add(h);
        }
      }
    }
    expect(seen.size).toBe(11 * 20 * 5);
  });

  it("rejects seeds that are not safe integers and counters outside [0, 2^32)", () => {
    expect(() => hash32(1.5, 0)).toThrow(/^seed: must be a safe integer, got 1.5/);
    expect(() => hash32(2 ** 53, 0)).toThrow(RangeError);
    expect(() => hash32(0, -1)).toThrow(/^counter: must be an integer in \[0, 2\^32\)/);
    expect(() => hash32(0, 2 ** 32)).toThrow(RangeError);
    expect(() => hash32(0, 0, 0.5)).toThrow(/^draw:/);
  });
});

describe("uniform(seed, counter, draw)", () => {
  const n = 100_000;
  const us = Float64Array.from({length: n}, (_, k) => uniform(11, k));

  it("lies in [0, 1) on multiples of 2^-53", () => {
    const bad = us.filter((u) => !(u >= 0 && u < 1 && Number.isInteger(u * 2 ** 53)));
    expect(Array.from(bad)).toEqual([]);
  });

  it("has mean 1/2, variance 1/12 and no lag-1 correlation (5 standard errors)", () => {
    const m = moments(us);
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n)); // 0.0046
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n)); // 0.0012
    expect(Math.abs(m.lag1)).toBeLessThan(5 / Math.sqrt(n)); // 0.016
  });

  it("fills 100 equal bins evenly (chi-square, 99 degrees of freedom, below mean + 5 sd = 169)", () => {
    const bins = new Float64Array(100);
    for (const u of us) bins[Math.floor(u * 100)]++;
    let chi2 = 0;
    for (const b of bins) chi2 += (b - n / 100) ** 2 / (n / 100);
    expect(chi2).toBeLessThan(99 + 5 * Math.sqrt(2 * 99));
  });

  it("draws for the same counter are independent of each other (correlation of draw 0 and draw 1)", () => {
    let sxy = 0;
    for (let k = 0; k < n; k++) sxy += (uniform(3, k, 0) - 0.5) * (uniform(3, k, 1) - 0.5);
    expect(Math.abs(sxy / n / (1 / 12))).toBeLessThan(5 / Math.sqrt(n));
  });
});

describe("normal(seed, counter)", () => {
  const n = 200_000;
  const xs = Float64Array.from({length: n}, (_, k) => normal(5, k));

  it("is a pure function with pinned values", () => {
    expect([normal(0, 0), normal(1, 0), normal(1, 1), normal(42, 12345), normal(-7, 3)]).toEqual([
      -0.8254726168396456, -0.5858167210347399, -0.38700356491428534, -0.05852818699094875, 2.399828758729515
    ]);
  });

  it("gives the same value whatever order the counters are asked in", () => {
    fc.assert(
      fc.property(
        fc.integer({min: -1000, max: 1000}),
        fc.array(fc.nat({max: 10_000}), {minLength: 1, maxLength: 30}),
        (seed, counters) => {
          const forward = counters.map((k) => normal(seed, k));
          const backward = [...counters]
            .reverse()
            .map((k) => normal(seed, k))
            .reverse();
          expect(backward).toEqual(forward);
        }
      )
    );
  });

  it("has mean 0, variance 1, skewness 0 and kurtosis 3 (5 standard errors at n = 200 000)", () => {
    const m = moments(xs);
    expect(Math.abs(m.mean)).toBeLessThan(5 / Math.sqrt(n)); // 0.011
    expect(Math.abs(m.variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n)); // 0.016
    expect(Math.abs(m.skewness)).toBeLessThan(5 * Math.sqrt(6 / n)); // 0.027
    expect(Math.abs(m.kurtosis - 3)).toBeLessThan(5 * Math.sqrt(24 / n)); // 0.055
    expect(Math.abs(m.lag1)).toBeLessThan(5 / Math.sqrt(n));
  });

  it("follows the normal CDF (Kolmogorov–Smirnov distance below the 0.1% critical value 1.95/√n)", () => {
    const sorted = Float64Array.from(xs).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = phi(sorted[i]);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it("has normal tails: P(|N| > 2) ≈ 0.0455 and P(|N| > 3) ≈ 0.0027 (5 standard errors)", () => {
    const tail = (c: number) => xs.filter((x) => Math.abs(x) > c).length / n;
    for (const [c, p] of [
      [2, 0.0455],
      [3, 0.0027]
    ]) {
      expect(Math.abs(tail(c) - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    }
    expect(xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0)).toBeGreaterThan(4); // the tails are not cut off
  });

  it("gives different sequences for different seeds, including negative and large ones", () => {
    const seeds = [0, 1, -1, 2 ** 32, -(2 ** 32), 2 ** 53 - 1];
    const seqs = seeds.map((s) => Array.from({length: 50}, (_, k) => normal(s, k)));
    for (let i = 0; i < seeds.length; i++) {
      for (let j = i + 1; j < seeds.length; j++) {
        const same = seqs[i].filter((x, k) => x === seqs[j][k]).length;
        expect(same).toBe(0);
      }
    }
  });

  describe("uses no engine-dependent function", () => {
    afterEach(() => vi.restoreAllMocks());
    it("calls none of Math.exp, log, sin, cos, pow, random", () => {
      const spies = (["exp", "log", "sin", "cos", "pow", "random"] as const).map((f) => vi.spyOn(Math, f));
      for (let k = 0; k < 1000; k++) normal(9, k);
      portableExp(-0.3);
      portableExpm1(-1e-3);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    });
  });
});

describe("portableExp(x) and portableExpm1(x)", () => {
  const ulp = Number.EPSILON;

  it("match Math.exp within 2 ulp (relative 4.4e-16) on [-700, 700]", () => {
    for (let x = -700; x <= 700; x += 0.0917) {
      expect(Math.abs(portableExp(x) / Math.exp(x) - 1)).toBeLessThan(2 * ulp);
    }
  });

  it("is exact where the answer is: e^0 = 1, and limits at ±∞ and NaN", () => {
    expect(portableExp(0)).toBe(1);
    expect(portableExp(-Infinity)).toBe(0);
    expect(portableExp(-800)).toBe(0);
    expect(portableExp(Infinity)).toBe(Infinity);
    expect(portableExp(NaN)).toBeNaN();
    expect(portableExpm1(0)).toBe(0);
    expect(portableExpm1(-Infinity)).toBe(-1);
  });

  it("portableExpm1 keeps relative accuracy (3 ulp) for small and moderate x, where e^x − 1 would cancel", () => {
    for (let x = -2; x <= 2; x += 0.000317) {
      if (x === 0) continue;
      expect(Math.abs(portableExpm1(x) / Math.expm1(x) - 1)).toBeLessThan(3 * ulp);
    }
    for (const x of [1e-300, -1e-12, 3e-9, -0.001])
      expect(Math.abs(portableExpm1(x) / Math.expm1(x) - 1)).toBeLessThan(2 * ulp);
  });

  it("is monotone on a fine grid around 0 (what ρ = e^(−dt/τ) relies on)", () => {
    let previous = -Infinity;
    for (let x = -5; x <= 5; x += 1e-3) {
      const y = portableExp(x);
      expect(y).toBeGreaterThanOrEqual(previous);
      previous = y;
    }
  });
});
