// noise: frozen Ornstein–Uhlenbeck noise.
import fc from "fast-check";
import {afterEach, describe, expect, it, vi} from "vitest";
import {normal, portableExp, portableExpm1} from "../../../lib/random.js";
import {compileStimulus, dc, noise, NOISE_SAMPLE_BUDGET, sum, validateStimulus} from "../../../lib/stimuli/index.js";

// Property tests run from a fixed seed, so every run checks the same cases (the project's tests are deterministic).
fc.configureGlobal({seed: 20031569});

describe("noise (frozen Ornstein–Uhlenbeck)", () => {
  const part = {mean: 5, sigma: 2, tau: 10, seed: 2024, dt: 0.5};

  it("has pinned values (the bits every engine must reproduce)", () => {
    const I = compileStimulus(noise(part));
    expect([I.value(0), I.value(0.5), I.value(100), I.value(999.9)]).toEqual([
      8.136621821852973, 8.214782191713988, 7.409114129849627, 6.2438707976385235
    ]);
  });

  it("follows x₀ = mean + σN₀, x₍ₖ₊₁₎ = mean + (xₖ − mean)ρ + σ√(1−ρ²)N₍ₖ₊₁₎ exactly", () => {
    const I = compileStimulus(noise(part));
    const h = part.dt / part.tau;
    const rho = portableExp(-h);
    const kick = part.sigma * Math.sqrt(-portableExpm1(-2 * h));
    expect(rho).toBeCloseTo(Math.exp(-0.05), 15);
    let x = part.mean + part.sigma * normal(part.seed, 0);
    expect(I.value(0)).toBe(x);
    for (let k = 1; k < 200; k++) {
      x = part.mean + (x - part.mean) * rho + kick * normal(part.seed, k);
      expect(I.value(k * part.dt)).toBe(x);
    }
  });

  it("is held on [start + k·dt, start + (k+1)·dt), with the previous sample as left limit, and 0 before start", () => {
    const I = compileStimulus(noise({...part, start: 20, end: 40}));
    expect(I.value(19.99)).toBe(0);
    for (let k = 0; k < 40; k++) {
      const t = 20 + k * 0.5;
      expect(I.value(t + 0.25)).toBe(I.value(t));
      expect(I.value(t + 0.4999)).toBe(I.value(t));
      expect(I.value(t, 1)).toBe(I.value(t));
      if (k > 0) expect(I.value(t, -1)).toBe(I.value(t - 0.25));
    }
    expect([I.value(20, -1), I.value(40), I.value(40, 1)]).toEqual([0, 0, 0]);
    expect(I.value(40, -1)).toBe(I.value(39.9));
    expect(I.breakpoints(0, 100)).toEqual(Array.from({length: 41}, (_, k) => 20 + k * 0.5));
  });

  it("is frozen: same seed and dt give identical values whatever the query order, with or without a horizon", () => {
    fc.assert(
      fc.property(
        fc.integer({min: -1e6, max: 1e6}),
        fc.constantFrom(0.1, 0.25, 1),
        fc.array(fc.double({min: 0, max: 500, noNaN: true}), {minLength: 1, maxLength: 40}),
        (seed, dt, times) => {
          const s = noise({mean: 1, sigma: 3, tau: 4, seed, dt});
          const a = compileStimulus(s);
          const b = compileStimulus(s, 500);
          const forward = times.map((t) => a.value(t));
          const backward = [...times]
            .reverse()
            .map((t) => b.value(t))
            .reverse();
          expect(backward).toEqual(forward);
        }
      ),
      {numRuns: 50}
    );
  });

  it("different seeds give different traces", () => {
    const a = compileStimulus(noise({...part, seed: 1}));
    const b = compileStimulus(noise({...part, seed: 2}));
    const differing = Array.from({length: 1000}, (_, k) => k * 0.5).filter((t) => a.value(t) !== b.value(t));
    expect(differing.length).toBe(1000);
  });

  it("has mean ≈ mean, std ≈ sigma and lag-1 autocorrelation ≈ ρ = e^(−dt/τ) (n = 200 000, ±5 standard errors)", () => {
    const n = 200_000;
    const [mean, sigma, tau, dt] = [-3, 2, 1, 0.2];
    const rho = Math.exp(-dt / tau);
    const out = new Float64Array(n);
    compileStimulus(noise({mean, sigma, tau, seed: 77, dt})).fill(out, 0, dt);
    let m = 0;
    for (const x of out) m += x;
    m /= n;
    let v = 0;
    let c = 0;
    for (let k = 0; k < n; k++) {
      v += (out[k] - m) ** 2;
      if (k > 0) c += (out[k] - m) * (out[k - 1] - m);
    }
    const std = Math.sqrt(v / n);
    const lag1 = c / v;
    // Standard errors for an AR(1) sequence: mean σ√((1+ρ)/((1−ρ)n)) = 0.0134; std ≈ σ√((1+ρ²)/(2(1−ρ²)n)) = 0.0058;
    // lag-1 correlation √((1−ρ²)/n) = 0.0013.
    expect(Math.abs(m - mean)).toBeLessThan(5 * sigma * Math.sqrt((1 + rho) / ((1 - rho) * n)));
    expect(Math.abs(std - sigma)).toBeLessThan(5 * sigma * Math.sqrt((1 + rho ** 2) / (2 * (1 - rho ** 2) * n)));
    expect(Math.abs(lag1 - rho)).toBeLessThan(5 * Math.sqrt((1 - rho ** 2) / n));
  });

  it("with tau = 0 the samples are independent; with sigma = 0 the noise is its mean", () => {
    const n = 50_000;
    const out = new Float64Array(n);
    compileStimulus(noise({mean: 0, sigma: 1, tau: 0, seed: 5, dt: 1})).fill(out, 0, 1);
    let c = 0;
    let v = 0;
    for (let k = 0; k < n; k++) {
      v += out[k] ** 2;
      if (k > 0) c += out[k] * out[k - 1];
    }
    expect(Math.abs(c / v)).toBeLessThan(5 / Math.sqrt(n));
    expect(compileStimulus(noise({mean: 4, sigma: 0, tau: 3, seed: 5, dt: 1})).value(123)).toBe(4);
    // τ = −0 is τ = 0 (not h = dt/τ = −∞, which would give NaN).
    const negativeZero = compileStimulus(noise({mean: 0, sigma: 1, tau: -0, seed: 5, dt: 1}));
    expect(negativeZero.value(10)).toBe(out[10]);
  });

  describe("uses no engine-dependent function on its path", () => {
    afterEach(() => vi.restoreAllMocks());
    it("calls none of Math.exp, log, sin, cos, pow while generating and reading noise", () => {
      const spies = (["exp", "log", "sin", "cos", "pow", "random"] as const).map((f) => vi.spyOn(Math, f));
      const I = compileStimulus(noise({mean: 0, sigma: 1, tau: 3, seed: 8, dt: 0.1}), 100);
      I.value(50);
      I.fill(new Float64Array(100), 0, 1);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    });
  });

  it(`refuses more than ${NOISE_SAMPLE_BUDGET} samples, at compile time for a known horizon or window, else on first use`, () => {
    const fine = noise({mean: 0, sigma: 1, tau: 1, seed: 1, dt: 1e-5});
    expect(() => compileStimulus(fine, 1000)).toThrow(
      /^current: noise at dt = 0.00001 ms up to t = 1000 ms needs 100000000 samples, above the budget/
    );
    expect(() => validateStimulus(sum(dc(0), {...fine, end: 200}))).toThrow(/^current\.parts\[1\]: noise at dt/);
    const lazy = compileStimulus(fine);
    expect(lazy.value(1)).toEqual(expect.any(Number));
    expect(() => lazy.value(5000)).toThrow(/^current: noise at dt = 0.00001 ms up to t = 5000 ms needs/);
    // The budget is shared by all noise parts of a stimulus.
    const half = noise({mean: 0, sigma: 1, tau: 1, seed: 1, dt: 1e-4, end: 150});
    expect(() => validateStimulus(sum(half, half))).toThrow(/^current\.parts\[1\]: noise/);
  });
});
