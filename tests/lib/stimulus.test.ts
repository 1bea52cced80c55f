import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import fc from "fast-check";
import {afterEach, describe, expect, it, vi} from "vitest";
import {normal, portableExp, portableExpm1} from "../../lib/random.js";
import {
  chirp,
  compileStimulus,
  dc,
  fromProtocol,
  noise,
  NOISE_SAMPLE_BUDGET,
  overlay,
  pulses,
  ramp,
  sine,
  step,
  stimulusLabel,
  sum,
  validateStimulus,
  type Closed,
  type ProtocolCurrent,
  type Stimulus,
  type StimulusPart
} from "../../lib/stimulus.js";

const CLOSED: Closed[] = ["open", "left", "right", "both"];

// Property tests run from a fixed seed, so every run checks the same cases (the project's tests are deterministic).
fc.configureGlobal({seed: 20031569});

// ─────────────────────────── figure1.m protocols ───────────────────────────

interface Protocol {
  id: string;
  tau: number;
  duration: number;
  current: ProtocolCurrent;
  figure1m_rule: string;
}

// tests/fixtures/protocols.json, a copy of the team's protocols.json (see tests/fixtures/README.md).
const PROTOCOLS: Protocol[] = JSON.parse(
  readFileSync(fileURLToPath(new URL("../fixtures/protocols.json", import.meta.url)), "utf8")
).protocols;

/**
 * Each panel's current as figure1.m computes it, transcribed by hand from its `figure1m_rule` (the literal MATLAB
 * conditions, strict inequalities included), independently of fromProtocol. Where protocols.json records a
 * value in another form than figure1.m wrote it, the protocol's number is used: R's ramps are written with the
 * slopes 0.04 and 0.32 (figure1.m: t/25 and (t−300)/12.5·4, which can differ from them in the last bit).
 */
const FIGURE1M: Record<string, (t: number) => number> = {
  RS: (t) => (t > 150 / 10 ? 14 : 0),
  IB: (t) => (t > 15 ? 11 : 0),
  CH: (t) => (t > 15 ? 10 : 0),
  FS: (t) => (t > 15 ? 10 : 0),
  TC: (t) => (t > (2 * 150) / 10 ? 1.5 : 0),
  TC_burst: (t) => (t > (3 * 150) / 10 ? 0 : -25),
  RZ: (t) => {
    const T1 = 10;
    const T2 = T1 + 50;
    return T2 < t && t < T2 + 5 ? 10 : t > T1 ? -0.5 : -2;
  },
  LTS: (t) => (t > 250 / 10 ? 10 : 0),
  A: (t) => (t > 10 ? 14 : 0),
  B: (t) => (t > 20 ? 0.5 : 0),
  C: (t) => (t > 22 ? 15 : 0),
  D: (t) => (t > 20 ? 0.6 : 0),
  E: (t) => (t > 16 ? 10 : 0),
  F: (t) => (t > 8.5 ? 30 : 0),
  G: (t) => (t > 30 ? 0.075 * (t - 30) : 0),
  H: (t) => (t > 30 ? -0.5 + 0.015 * (t - 30) : -0.5),
  I: (t) => (10 < t && t < 10 + 3 ? 7.04 : 0),
  J: (t) => (20 < t && t < 20 + 5 ? 2 : 0),
  K: (t) => {
    const T1 = 40;
    const T2 = T1 + 20;
    const T3 = 0.7 * 400;
    const T4 = T3 + 40;
    const on = (T: number) => T < t && t < T + 4;
    return on(T1) || on(T2) || on(T3) || on(T4) ? 0.65 : 0;
  },
  L: (t) => {
    const T1 = 100 / 11;
    const T2 = T1 + 5;
    const T3 = 0.7 * 100;
    const T4 = T3 + 10;
    const on = (T: number) => T < t && t < T + 2;
    return on(T1) || on(T2) || on(T3) || on(T4) ? 9 : 0;
  },
  M: (t) => (20 < t && t < 25 ? -15 : 0),
  N: (t) => (20 < t && t < 25 ? -15 : 0),
  O: (t) => ((10 < t && t < 15) || (80 < t && t < 85) ? 1 : 70 < t && t < 75 ? -6 : 0),
  P: (t) => {
    const T1 = 300 / 8;
    const T2 = 216;
    return (T1 < t && t < T1 + 5) || (T2 < t && t < T2 + 5) ? 1.24 : 0.24;
  },
  Q: (t) => (Math.abs(t - 10) < 1 ? 20 : 0),
  R: (t) => (t < 200 ? 0.04 * t : t < 300 ? 0 : t < 312.5 ? 0.32 * (t - 300) : 0),
  S: (t) => (t < 50 || t > 250 ? 80 : 75),
  T: (t) => (t < 50 || t > 250 ? 80 : 75)
};

describe("fromProtocol(current) reproduces figure1.m", () => {
  it("covers all 28 protocols of protocols.json", () => {
    expect(PROTOCOLS.map((p) => p.id).sort()).toEqual(Object.keys(FIGURE1M).sort());
    expect(PROTOCOLS).toHaveLength(28);
  });

  for (const p of PROTOCOLS) {
    it(`${p.id}: value(k·τ) and fill equal figure1.m's rule at every grid time (${p.figure1m_rule})`, () => {
      const rule = FIGURE1M[p.id];
      const steps = Math.round(p.duration / p.tau);
      expect(Math.abs(steps * p.tau - p.duration)).toBeLessThan(1e-9);
      const I = compileStimulus(fromProtocol(p.current), p.duration);
      const filled = new Float64Array(steps + 1);
      I.fill(filled, 0, p.tau);
      const mismatches: string[] = [];
      for (let k = 0; k <= steps; k++) {
        const t = k * p.tau;
        const expected = rule(t);
        if (!Object.is(I.value(t), expected) || !Object.is(filled[k], expected)) {
          mismatches.push(`t = ${t}: value ${I.value(t)}, fill ${filled[k]}, figure1.m ${expected}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  const compiled = (id: string) => compileStimulus(fromProtocol(PROTOCOLS.find((p) => p.id === id)!.current));

  it("I: 7.04 is on for t = 10.2 … 12.8 on the 0.2-ms grid (14 samples), off at t = 10 and t = 13", () => {
    const I = compiled("I");
    const on = Array.from({length: 501}, (_, k) => k).filter((k) => I.value(k * 0.2) === 7.04);
    expect(on).toEqual(Array.from({length: 14}, (_, i) => 51 + i));
    expect(I.value(50 * 0.2)).toBe(0);
    expect(50 * 0.2).toBe(10);
    expect(I.value(65 * 0.2)).toBe(0);
    expect(65 * 0.2).toBe(13);
  });

  it("S and T: 75 on the closed window [50, 250] (t = 50 and t = 250 included), 80 outside", () => {
    for (const id of ["S", "T"]) {
      const I = compiled(id);
      expect([I.value(49.5), I.value(50), I.value(250), I.value(250.5)]).toEqual([80, 75, 75, 80]);
      expect([I.value(50, -1), I.value(250, 1)]).toEqual([80, 80]);
    }
  });

  it("Q: 20 for |t − 10| < 1 on the 0.1-ms grid: t = 9.0 and 11.0 off, 9.1 and 10.9 on", () => {
    const I = compiled("Q");
    expect([I.value(90 * 0.1), I.value(91 * 0.1), I.value(109 * 0.1), I.value(110 * 0.1)]).toEqual([0, 20, 20, 0]);
  });

  it("RS: strictly after T1 = 15 (t = 15 gives 0, t = 15.25 gives 14); RZ: the 10 pulse wins over −0.5", () => {
    const RS = compiled("RS");
    expect([RS.value(15), RS.value(15.25), RS.value(15, 1)]).toEqual([0, 14, 14]);
    const RZ = compiled("RZ");
    expect([RZ.value(10), RZ.value(10.25), RZ.value(60), RZ.value(60.25), RZ.value(64.75), RZ.value(65)]).toEqual([
      -2, -0.5, -0.5, 10, 10, -0.5
    ]);
  });

  it("R: the ramps use the protocol's slopes and are 0 at their open starts", () => {
    const R = compiled("R");
    expect([R.value(0), R.value(100), R.value(200), R.value(250), R.value(300), R.value(306)]).toEqual([
      0,
      4,
      0,
      0,
      0,
      0.32 * 6
    ]);
    expect(R.value(200, -1)).toBe(0.04 * 200);
  });

  it("returns overlay(dc(baseline), segments…) as plain JSON", () => {
    const s = fromProtocol({
      baseline: -2,
      segments: [
        {kind: "step", t0: 10, t1: null, value: -0.5, closed: "open"},
        {kind: "ramp", t0: 60, t1: 65, start: 1, slope: 2, closed: "both"}
      ]
    });
    expect(s).toEqual(
      overlay(
        dc(-2),
        {kind: "step", value: -0.5, start: 10, closed: "open"},
        {kind: "ramp", from: 1, slope: 2, start: 60, end: 65, closed: "both"}
      )
    );
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it("rejects malformed segments, naming the field", () => {
    const bad = (segment: unknown) => () => fromProtocol({baseline: 0, segments: [segment]} as ProtocolCurrent);
    expect(bad({kind: "pulse", t0: 1, t1: 2, value: 1, closed: "open"})).toThrow(
      /^current\.segments\[0\]\.kind: unknown value "pulse"; allowed: step, ramp/
    );
    expect(bad({kind: "step", t0: 5, t1: 2, value: 1, closed: "open"})).toThrow(
      /^current\.segments\[0\]\.t1: must be ≥ start \(5 ms\), got 2/
    );
    expect(bad({kind: "step", t0: 1, t1: 2, value: 1})).toThrow(
      /^current\.segments\[0\]\.closed: unknown value undefined/
    );
    expect(bad({kind: "ramp", t0: 1, t1: 2, value: 1, closed: "open"})).toThrow(
      /^current\.segments\[0\]\.value: unknown key for a "ramp" segment/
    );
    expect(bad({kind: "ramp", t0: 1, t1: 2, start: 0, closed: "open"})).toThrow(
      /^current\.segments\[0\]\.slope: must be a finite number, got undefined/
    );
    expect(() => fromProtocol({baseline: NaN, segments: []})).toThrow(
      /^current\.baseline: must be a finite number, got NaN/
    );
  });
});

// ─────────────────────────── parts ───────────────────────────

describe("builders", () => {
  it("make plain JSON parts, omitting options that were not given", () => {
    expect(step(14, 15)).toEqual({kind: "step", value: 14, start: 15});
    expect(Object.keys(step(14, 15))).toEqual(["kind", "value", "start"]);
    expect(step(1, 2, null, "open")).toEqual({kind: "step", value: 1, start: 2, end: null, closed: "open"});
    expect(ramp(0, 0.5, 10, 20)).toEqual({kind: "ramp", from: 0, slope: 0.5, start: 10, end: 20});
    expect(pulses({amplitude: 1, start: 0, width: 1, period: 2})).toEqual({
      kind: "pulses",
      amplitude: 1,
      start: 0,
      width: 1,
      period: 2
    });
    expect(sum(dc(1), dc(2))).toEqual({
      kind: "sum",
      parts: [
        {kind: "dc", value: 1},
        {kind: "dc", value: 2}
      ]
    });
    const s = overlay(
      dc(1),
      sine({amplitude: 1, frequency: 5}),
      noise({mean: 0, sigma: 1, tau: 2, seed: 3, dt: 0.5}),
      chirp({amplitude: 1, f0: 1, f1: 2, start: 0, end: 5})
    );
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe("compileStimulus(current)", () => {
  it("accepts a number as a constant current", () => {
    const I = compileStimulus(7.5);
    expect([I.value(-100), I.value(0), I.value(1e6, -1)]).toEqual([7.5, 7.5, 7.5]);
    expect(I.breakpoints(-10, 10)).toEqual([]);
    expect(I.stimulus).toBe(7.5);
  });

  it("keeps a frozen copy of the stimulus, so later changes to the input do not leak in", () => {
    const s = sum(step(1, 10), dc(2));
    const I = compileStimulus(s);
    (s.parts[0] as {value: number}).value = 100;
    expect(I.value(20)).toBe(3);
    expect(I.stimulus).toEqual(sum(step(1, 10), dc(2)));
    expect(Object.isFrozen(I.stimulus)).toBe(true);
  });

  it("step: each closedness decides the value at the edges; the one-sided limits ignore it", () => {
    const expected: Record<Closed, [number, number]> = {open: [0, 0], left: [5, 0], right: [0, 5], both: [5, 5]};
    for (const closed of CLOSED) {
      const I = compileStimulus(step(5, 10, 20, closed));
      expect([I.value(10), I.value(20)]).toEqual(expected[closed]);
      expect([I.value(10, -1), I.value(10, 1), I.value(20, -1), I.value(20, 1)]).toEqual([0, 5, 5, 0]);
      expect([I.value(9.999), I.value(15), I.value(20.001)]).toEqual([0, 5, 0]);
    }
  });

  it("step without an end lasts forever; closed defaults to 'left'", () => {
    const I = compileStimulus(step(3, 1));
    expect([I.value(1), I.value(1e8)]).toEqual([3, 3]);
  });

  it("step with end = start is a single point when closed 'both', empty otherwise", () => {
    expect(compileStimulus(step(3, 4, 4, "both")).value(4)).toBe(3);
    expect(compileStimulus(step(3, 4, 4, "both")).value(4, 1)).toBe(0);
    expect(compileStimulus(step(3, 4, 4)).value(4)).toBe(0);
  });

  it("ramp: from + slope·(t − start) inside, 0 outside", () => {
    const I = compileStimulus(ramp(2, 0.5, 10, 20));
    expect([I.value(9.5), I.value(10), I.value(15), I.value(20), I.value(20, -1)]).toEqual([0, 2, 4.5, 0, 7]);
  });

  it("pulses: pulse n on [start + n·period, start + n·period + width), count pulses", () => {
    const I = compileStimulus(pulses({amplitude: 3, start: 10, width: 2, period: 5, count: 3}));
    const at = [9.99, 10, 11.99, 12, 14.9, 15, 20, 21.5, 22, 25, 26];
    expect(at.map((t) => I.value(t))).toEqual([0, 3, 3, 0, 0, 3, 3, 3, 0, 0, 0]);
    expect([I.value(12, -1), I.value(12, 1), I.value(15, -1), I.value(15, 1)]).toEqual([3, 0, 0, 3]);
    expect(I.breakpoints(0, 100)).toEqual([10, 12, 15, 17, 20, 22]);
  });

  it("pulses: endless by default; closedness applies to every pulse; count 0 is silent", () => {
    const I = compileStimulus(pulses({amplitude: 1, start: 0, width: 1, period: 10, closed: "right"}));
    expect([I.value(1000), I.value(1000.5), I.value(1001), I.value(1001.5)]).toEqual([0, 1, 1, 0]);
    expect(I.breakpoints(995, 1012)).toEqual([1000, 1001, 1010, 1011]);
    expect(compileStimulus(pulses({amplitude: 1, start: 0, width: 1, period: 10, count: 0})).value(0.5)).toBe(0);
  });

  it("pulses with width = period closed 'both' cover the shared edges once (fill does not add them twice)", () => {
    const s = sum(pulses({amplitude: 2, start: 0, width: 0.5, period: 0.5, count: 4, closed: "both"}));
    const I = compileStimulus(s);
    const out = new Float64Array(9);
    I.fill(out, 0, 0.25);
    expect(Array.from(out)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(I.value(2.25)).toBe(0);
  });

  it("sine: amplitude·sin(2π·f·(t − t₀)/1000 + phase) + offset, t₀ = start (or 0 without a window)", () => {
    const free = compileStimulus(sine({amplitude: 2, frequency: 10, phase: 0.5, offset: 1}));
    for (const t of [-30, 0, 12.5, 77])
      expect(free.value(t)).toBeCloseTo(2 * Math.sin((2 * Math.PI * 10 * t) / 1000 + 0.5) + 1, 12);
    expect(free.breakpoints(-1e3, 1e3)).toEqual([]);
    const windowed = compileStimulus(sine({amplitude: 2, frequency: 10, phase: 0.5, start: 100, end: 200}));
    expect(windowed.value(100)).toBeCloseTo(2 * Math.sin(0.5), 14);
    expect(windowed.value(150)).toBeCloseTo(2 * Math.sin(Math.PI + 0.5), 12);
    expect([windowed.value(99), windowed.value(200)]).toEqual([0, 0]);
    expect(windowed.breakpoints(0, 300)).toEqual([100, 200]);
  });

  it("chirp: instantaneous frequency goes linearly from f0 at start to f1 at end", () => {
    const [f0, f1, start, end] = [10, 50, 100, 1100];
    const I = compileStimulus(chirp({amplitude: 1.5, f0, f1, start, end}));
    const phase = (t: number) =>
      ((2 * Math.PI) / 1000) * (f0 * (t - start) + ((f1 - f0) * (t - start) ** 2) / (2 * (end - start)));
    for (const t of [100, 300, 777, 1099]) expect(I.value(t)).toBeCloseTo(1.5 * Math.sin(phase(t)), 10);
    // Zero crossings in the first and last 100 ms: about 2·f·0.1 s for the local frequencies 12 Hz and 48 Hz.
    const crossings = (a: number, b: number) => {
      let n = 0;
      for (let t = a; t < b; t += 0.01) if (Math.sign(I.value(t)) !== Math.sign(I.value(t + 0.01))) n++;
      return n;
    };
    expect(Math.abs(crossings(100, 200) - 2.4)).toBeLessThanOrEqual(1);
    expect(Math.abs(crossings(1000, 1100) - 9.6)).toBeLessThanOrEqual(1);
    expect(I.breakpoints(0, 2000)).toEqual([100, 1100]);
    expect(I.value(1100)).toBe(0);
  });
});

describe("sum and overlay", () => {
  it("sum adds the active parts; inactive parts count 0", () => {
    const I = compileStimulus(sum(dc(1), step(2, 10, 20), ramp(0, 1, 15)));
    expect([I.value(0), I.value(12), I.value(17), I.value(25)]).toEqual([1, 3, 5, 11]);
  });

  it("overlay: the last active part wins; where none is active the current is 0", () => {
    const I = compileStimulus(overlay(step(1, 0, 10), step(2, 5, 20)));
    expect([I.value(-1), I.value(3), I.value(7), I.value(15), I.value(25)]).toEqual([0, 1, 2, 2, 0]);
    expect([I.value(20, -1), I.value(20, 1), I.value(5, -1)]).toEqual([2, 0, 1]);
  });

  it("a dc part is always active, so a later dc hides everything before it", () => {
    expect(compileStimulus(overlay(step(5, 0), dc(1))).value(3)).toBe(1);
    expect(compileStimulus(overlay(dc(1), step(5, 0))).value(3)).toBe(5);
  });

  it("a sum or overlay inside an overlay is active where any of its parts is", () => {
    const I = compileStimulus(overlay(dc(-1), sum(step(2, 10, 20), step(3, 15, 30)), overlay(step(7, 40, 50))));
    expect([I.value(5), I.value(12), I.value(17), I.value(25), I.value(35), I.value(45)]).toEqual([-1, 2, 5, 3, -1, 7]);
  });

  it("empty sum and overlay give 0", () => {
    expect(compileStimulus(sum()).value(1)).toBe(0);
    expect(compileStimulus(overlay()).value(1)).toBe(0);
  });
});

// ─────────────────────────── noise ───────────────────────────

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
    const half = noise({mean: 0, sigma: 1, tau: 1, seed: 1, dt: 1e-4, end: 600});
    expect(() => validateStimulus(sum(half, half))).toThrow(/^current\.parts\[1\]: noise/);
  });
});

// ─────────────────────────── validation ───────────────────────────

describe("validateStimulus(current) and compileStimulus throw with the field path, the value and what is allowed", () => {
  const cases: [string, unknown, RegExp][] = [
    [
      "unknown kind",
      sum(dc(1), {kind: "foo"} as never),
      /^current\.parts\[1\]\.kind: unknown stimulus part "foo"; allowed: dc, step, ramp, pulses, sine, chirp, noise, sum, overlay$/
    ],
    ["missing kind", {value: 1}, /^current\.kind: unknown stimulus part undefined; allowed: dc/],
    [
      "negative dt",
      {kind: "noise", mean: 0, sigma: 1, tau: 1, seed: 1, dt: -1},
      /^current\.dt: must be a finite number > 0, got -1$/
    ],
    [
      "too fine dt",
      {kind: "noise", mean: 0, sigma: 1, tau: 1, seed: 1, dt: 1e-9},
      /^current\.dt: must be at least 0.000001 ms/
    ],
    ["NaN", dc(NaN), /^current\.value: must be a finite number, got NaN$/],
    ["Infinity", step(1, -Infinity), /^current\.start: must be a finite number, got -Infinity$/],
    ["huge", dc(1e12), /^current\.value: must be at most 1000000000 in magnitude, got 1000000000000$/],
    ["string number", dc("14" as never), /^current\.value: must be a finite number, got "14"$/],
    [
      "negative width",
      pulses({amplitude: 1, start: 0, width: -1, period: 5}),
      /^current\.width: must be a finite number ≥ 0, got -1$/
    ],
    [
      "width > period",
      pulses({amplitude: 1, start: 0, width: 6, period: 5}),
      /^current\.width: must be ≤ period \(5 ms\), got 6$/
    ],
    [
      "zero period",
      pulses({amplitude: 1, start: 0, width: 0, period: 0}),
      /^current\.period: must be a finite number > 0, got 0$/
    ],
    [
      "negative tau",
      noise({mean: 0, sigma: 1, tau: -2, seed: 1, dt: 1}),
      /^current\.tau: must be a finite number ≥ 0, got -2$/
    ],
    [
      "negative sigma",
      noise({mean: 0, sigma: -1, tau: 2, seed: 1, dt: 1}),
      /^current\.sigma: must be a finite number ≥ 0, got -1$/
    ],
    [
      "fractional seed",
      noise({mean: 0, sigma: 1, tau: 2, seed: 1.5, dt: 1}),
      /^current\.seed: must be a safe integer, got 1.5$/
    ],
    ["end < start", step(1, 20, 10), /^current\.end: must be ≥ start \(20 ms\), got 10$/],
    [
      "chirp end = start",
      chirp({amplitude: 1, f0: 1, f1: 2, start: 5, end: 5}),
      /^current\.end: must be > start \(5 ms\), got 5$/
    ],
    [
      "chirp without end",
      {kind: "chirp", amplitude: 1, f0: 1, f1: 2, start: 5},
      /^current\.end: must be a finite number > start, got undefined$/
    ],
    [
      "typo in a key",
      {kind: "step", value: 1, strat: 2},
      /^current\.strat: unknown key for a "step" part; allowed: kind, value, start, end, closed$/
    ],
    [
      "bad closed",
      step(1, 0, 1, "closed" as Closed),
      /^current\.closed: unknown value "closed"; allowed: open, left, right, both$/
    ],
    [
      "fractional count",
      pulses({amplitude: 1, start: 0, width: 1, period: 5, count: 2.5}),
      /^current\.count: must be an integer ≥ 0 and ≤ 1000000000 \(or null: endless\), got 2.5$/
    ],
    [
      "negative frequency",
      sine({amplitude: 1, frequency: -3}),
      /^current\.frequency: must be a finite number ≥ 0, got -3$/
    ],
    [
      "parts not an array",
      {kind: "sum", parts: {}},
      /^current\.parts: must be an array of stimulus parts, got an object$/
    ],
    [
      "number as a part",
      overlay(dc(1), 3 as never),
      /^current\.parts\[1\]: must be a number or a stimulus part \{kind: …\}, got 3$/
    ],
    ["null", null, /^current: must be a number or a stimulus part \{kind: …\}, got null$/],
    ["string", "14", /^current: must be a number or a stimulus part \{kind: …\}, got "14"$/],
    ["array", [dc(1)], /^current: must be a number or a stimulus part \{kind: …\}, got an array$/],
    ["prototype key as kind", {kind: "constructor"}, /^current\.kind: unknown stimulus part "constructor"/]
  ];
  for (const [name, input, message] of cases) {
    it(`${name}: ${message.source.slice(1, 60)}…`, () => {
      expect(() => validateStimulus(input)).toThrow(message);
      expect(() => compileStimulus(input as Stimulus)).toThrow(message);
      try {
        validateStimulus(input);
      } catch (error) {
        expect(error instanceof RangeError || error instanceof TypeError).toBe(true);
      }
    });
  }

  it("uses the given field name", () => {
    expect(() => validateStimulus(dc(NaN), "options.current")).toThrow(
      /^options\.current\.value: must be a finite number, got NaN/
    );
  });

  it("rejects a part that contains itself, and nesting deeper than 32 levels", () => {
    const loop: {kind: "sum"; parts: unknown[]} = {kind: "sum", parts: []};
    loop.parts.push(loop);
    expect(() => validateStimulus(loop)).toThrow(/^current\.parts\[0\]: a part may not contain itself$/);
    let deep: StimulusPart = dc(1);
    for (let i = 0; i < 40; i++) deep = sum(deep);
    expect(() => validateStimulus(deep)).toThrow(/: nested deeper than 32 levels of sum and overlay$/);
  });

  it("checks the horizon and the arguments of value, breakpoints and fill", () => {
    expect(() => compileStimulus(1, -1)).toThrow(/^horizon: must be a finite number ≥ 0 \(ms\), got -1$/);
    const I = compileStimulus(step(1, 0));
    expect(() => I.value(NaN)).toThrow(/^value: t: must be a finite number \(ms\), got NaN$/);
    expect(() => I.value(0, 2 as never)).toThrow(/^value: side must be -1, 0 or 1, got 2$/);
    expect(() => I.breakpoints(0, Infinity)).toThrow(/^breakpoints: t1:/);
    expect(() => I.fill(new Float64Array(3), 0, -1)).toThrow(/^fill: dt must be ≥ 0/);
    expect(() => I.fill([0, 0] as never, 0, 1)).toThrow(TypeError);
    expect(() => compileStimulus(pulses({amplitude: 1, start: 0, width: 0, period: 1e-6})).breakpoints(0, 1e6)).toThrow(
      /^breakpoints: more than 10000000/
    );
  });
});

// ─────────────────────────── property tests ───────────────────────────

// Times on a 0.25-ms grid, so that window edges often fall exactly on the sample times of fill.
const gridTime = fc.integer({min: -40, max: 1600}).map((k) => k * 0.25);
const amount = fc.oneof(fc.integer({min: -50, max: 50}), fc.double({min: -100, max: 100, noNaN: true}));
const closed = fc.constantFrom<Closed>(...CLOSED);
const length = fc.oneof(
  fc.constant(null),
  fc.integer({min: 0, max: 400}).map((k) => k * 0.25)
);
const end = (start: number, len: number | null) => (len === null ? null : start + len);

const leaf: fc.Arbitrary<StimulusPart> = fc.oneof(
  amount.map(dc),
  fc.tuple(amount, gridTime, length, closed).map(([v, s, len, c]) => step(v, s, end(s, len), c)),
  fc
    .tuple(amount, fc.double({min: -2, max: 2, noNaN: true}), gridTime, length, closed)
    .map(([f, k, s, len, c]) => ramp(f, k, s, end(s, len), c)),
  fc
    .record({
      amplitude: amount,
      start: gridTime,
      period: fc.integer({min: 1, max: 200}).map((k) => k * 0.25),
      fraction: fc.double({min: 0, max: 1, noNaN: true}),
      count: fc.option(fc.integer({min: 0, max: 30})),
      closed
    })
    .map(({fraction, period, ...o}) => pulses({...o, period, width: Math.round(fraction * period * 4) / 4})),
  fc
    .record({
      amplitude: amount,
      frequency: fc.double({min: 0, max: 80, noNaN: true}),
      phase: fc.double({min: -4, max: 4, noNaN: true}),
      offset: amount,
      start: fc.option(gridTime, {nil: undefined}),
      closed
    })
    .map(({start, ...o}) => sine(start === undefined ? o : {...o, start, end: start + 100})),
  fc
    .record({
      amplitude: amount,
      f0: fc.double({min: 0, max: 50, noNaN: true}),
      f1: fc.double({min: 0, max: 50, noNaN: true}),
      start: gridTime,
      span: fc.integer({min: 1, max: 400}).map((k) => k * 0.25),
      closed
    })
    .map(({span, ...o}) => chirp({...o, end: o.start + span})),
  fc
    .record({
      mean: amount,
      sigma: fc.double({min: 0, max: 5, noNaN: true}),
      tau: fc.double({min: 0, max: 50, noNaN: true}),
      seed: fc.integer(),
      dt: fc.constantFrom(0.1, 0.25, 0.5, 1.3),
      start: fc.integer({min: 0, max: 100}).map((k) => k * 0.25),
      len: length,
      closed
    })
    .map(({len, ...o}) => noise({...o, end: end(o.start, len)}))
);

const stimulusArb: fc.Arbitrary<StimulusPart> = fc.letrec<{node: StimulusPart}>((tie) => ({
  node: fc.oneof(
    {depthSize: "small", withCrossShrink: true},
    leaf,
    fc.array(tie("node"), {maxLength: 4}).map((parts) => sum(...parts)),
    fc.array(tie("node"), {maxLength: 4}).map((parts) => overlay(...parts))
  )
})).node;

/** Every edge a part could have in (t0, t1), collected from the JSON independently of the library. */
function candidateEdges(s: StimulusPart, t0: number, t1: number, out: number[] = []): number[] {
  const push = (t: number | null | undefined) => {
    if (typeof t === "number" && t > t0 && t < t1) out.push(t);
  };
  switch (s.kind) {
    case "step":
    case "ramp":
    case "sine":
    case "chirp":
      push(s.start);
      push(s.end);
      break;
    case "pulses":
      for (let n = 0; n < (s.count ?? Infinity) && s.start + n * s.period < t1; n++) {
        push(s.start + n * s.period);
        push(s.start + n * s.period + s.width);
      }
      break;
    case "noise": {
      const stop = Math.min(t1, s.end ?? Infinity);
      for (let k = 0; (s.start ?? 0) + k * s.dt <= stop; k++) push((s.start ?? 0) + k * s.dt);
      push(s.end);
      break;
    }
    case "sum":
    case "overlay":
      for (const p of s.parts) candidateEdges(p, t0, t1, out);
      break;
  }
  return out;
}

describe("properties of compiled stimuli", () => {
  it("fill(out, t0, dt) equals value(t0 + k·dt) bit for bit", () => {
    fc.assert(
      fc.property(stimulusArb, fc.constantFrom(0, -10, 3.3), fc.constantFrom(0.25, 0.1, 0.5, 1 / 3, 0), (s, t0, dt) => {
        const I = compileStimulus(s);
        const out = new Float64Array(1201).fill(NaN);
        I.fill(out, t0, dt);
        for (let k = 0; k < out.length; k++) {
          if (!Object.is(out[k], I.value(t0 + k * dt))) expect([k, out[k]]).toEqual([k, I.value(t0 + k * dt)]);
        }
      }),
      {numRuns: 300}
    );
  });

  it("fill computes each time as t0 + k·dt, not by repeated addition", () => {
    // Find a k where the accumulated time falls short of k·dt, and put a step edge exactly on k·dt.
    const dt = 0.1;
    let acc = 0;
    let k = 0;
    do {
      acc += dt;
      k++;
    } while (acc >= k * dt && k < 1000);
    expect(acc).toBeLessThan(k * dt);
    const I = compileStimulus(step(1, k * dt));
    const out = new Float64Array(k + 1);
    I.fill(out, 0, dt);
    expect(out[k]).toBe(1);
    expect(I.value(acc)).toBe(0); // what an accumulating fill would have written
  });

  it("breakpoints are sorted, distinct, strictly inside (t0, t1) and a subset of the parts' edges", () => {
    fc.assert(
      fc.property(
        stimulusArb,
        gridTime,
        fc.integer({min: 1, max: 800}).map((k) => k * 0.25),
        (s, t0, span) => {
          const t1 = t0 + span;
          const b = compileStimulus(s).breakpoints(t0, t1);
          for (let i = 0; i < b.length; i++) {
            expect(b[i] > t0 && b[i] < t1).toBe(true);
            if (i > 0) expect(b[i]).toBeGreaterThan(b[i - 1]);
          }
          const edges = new Set(candidateEdges(s, t0, t1));
          for (const t of b) expect(edges.has(t)).toBe(true);
        }
      ),
      {numRuns: 150}
    );
  });

  it("breakpoints are complete: wherever the value jumps, and between them the value is continuous", () => {
    fc.assert(
      fc.property(
        stimulusArb,
        fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 5, maxLength: 5}),
        (s, fractions) => {
          const [t0, t1] = [-20, 420];
          const I = compileStimulus(s);
          const b = new Set(I.breakpoints(t0, t1));
          // At every place where a part could jump: if the value jumps there, it is a breakpoint.
          for (const t of candidateEdges(s, t0, t1)) {
            const [l, v, r] = [I.value(t, -1), I.value(t), I.value(t, 1)];
            if (!(l === v && v === r)) expect(b.has(t)).toBe(true);
          }
          // Anywhere else, left limit, value and right limit agree.
          const sorted = [t0, ...[...b].sort((x, y) => x - y), t1];
          for (let i = 0; i + 1 < sorted.length; i++) {
            for (const f of fractions) {
              const t = sorted[i] + f * (sorted[i + 1] - sorted[i]);
              if (b.has(t) || t <= t0 || t >= t1) continue;
              expect(I.value(t, -1)).toBe(I.value(t));
              expect(I.value(t, 1)).toBe(I.value(t));
            }
          }
        }
      ),
      {numRuns: 150}
    );
  });

  it("value(b, ±1) are the one-sided limits at every breakpoint of a composite stimulus", () => {
    const s = overlay(
      dc(0.5),
      sum(
        step(2, 10, 30, "open"),
        ramp(1, 0.2, 20, 60, "right"),
        pulses({amplitude: 1.5, start: 40, width: 3, period: 7, count: 4, closed: "both"})
      ),
      sine({amplitude: 1, frequency: 20, start: 70, end: 90}),
      noise({mean: 1, sigma: 0.5, tau: 2, seed: 3, dt: 1, start: 95, end: 100}),
      chirp({amplitude: 2, f0: 5, f1: 40, start: 100, end: 120, closed: "open"})
    );
    const I = compileStimulus(s);
    const b = I.breakpoints(0, 150);
    expect(b).toEqual([10, 20, 30, 40, 43, 47, 50, 54, 57, 60, 61, 64, 70, 90, 95, 96, 97, 98, 99, 100, 120]);
    const delta = 1e-9;
    for (const t of b) {
      expect(I.value(t, 1)).toBeCloseTo(I.value(t + delta), 6);
      expect(I.value(t, -1)).toBeCloseTo(I.value(t - delta), 6);
    }
    // The slope jumps at the ramp's start, where the value does not (a breakpoint of dI/dt only).
    const r = compileStimulus(overlay(dc(1), ramp(1, 0.5, 5)));
    expect(r.breakpoints(0, 10)).toEqual([5]);
    expect([r.value(5, -1), r.value(5, 1)]).toEqual([1, 1]);
  });

  it("edges hidden under a later overlay part that is on at both sides are not breakpoints", () => {
    const I = compileStimulus(overlay(noise({mean: 0, sigma: 1, tau: 1, seed: 1, dt: 1}), step(5, 10, 20)));
    const b = I.breakpoints(0, 30);
    expect(b).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
    expect(
      compileStimulus(sum(noise({mean: 0, sigma: 1, tau: 1, seed: 1, dt: 1}), step(5, 10, 20))).breakpoints(0, 30)
    ).toHaveLength(29);
  });

  it("random junk either throws a message that starts with the field path, or gives only finite values", () => {
    const junkValue = fc.oneof(
      fc.double(),
      fc.integer({min: -1000, max: 1000}),
      fc.constantFrom(null, undefined, true, "", "3", "left", "both", [], {}, -0, 1e-7, 1e10, 2 ** 53),
      fc.string({maxLength: 3})
    );
    const keys = [
      "value",
      "start",
      "end",
      "closed",
      "from",
      "slope",
      "amplitude",
      "width",
      "period",
      "count",
      "frequency",
      "phase",
      "offset",
      "f0",
      "f1",
      "mean",
      "sigma",
      "tau",
      "seed",
      "dt",
      "strat"
    ];
    const junk: fc.Arbitrary<unknown> = fc.letrec<{node: unknown}>((tie) => ({
      node: fc.oneof(
        {depthSize: "small"},
        junkValue,
        // A valid part with one field replaced by junk
        fc.tuple(leaf, fc.constantFrom(...keys), junkValue).map(([p, k, v]) => ({...p, [k]: v})),
        fc
          .dictionary(fc.constantFrom(...keys), junkValue)
          .chain((d) =>
            fc
              .constantFrom(...["dc", "step", "ramp", "pulses", "sine", "chirp", "noise", "foo"])
              .map((kind) => ({kind, ...d}))
          ),
        fc.array(tie("node"), {maxLength: 3}).map((parts) => ({kind: "sum", parts})),
        fc.array(tie("node"), {maxLength: 3}).map((parts) => ({kind: "overlay", parts}))
      )
    })).node;
    fc.assert(
      fc.property(junk, (input) => {
        let I;
        try {
          I = compileStimulus(input as Stimulus, 300);
        } catch (error) {
          expect(error instanceof RangeError || error instanceof TypeError).toBe(true);
          expect((error as Error).message).toMatch(/^current(\.|\[|:)/);
          return;
        }
        const out = new Float64Array(601);
        I.fill(out, 0, 0.5);
        for (const x of out) expect(Number.isFinite(x)).toBe(true);
        for (const t of [-5, 0, 77.7, 299])
          for (const side of [-1, 0, 1] as const) expect(Number.isFinite(I.value(t, side))).toBe(true);
        for (const b of I.breakpoints(0, 300)) expect(Number.isFinite(b)).toBe(true);
      }),
      {numRuns: 400}
    );
  });
});

// ─────────────────────────── labels ───────────────────────────

describe("stimulusLabel(current)", () => {
  const label = (id: string) => stimulusLabel(fromProtocol(PROTOCOLS.find((p) => p.id === id)!.current));

  it("describes the protocols briefly, with units", () => {
    expect(label("RS")).toBe("14 for t > 15 ms");
    expect(label("TC_burst")).toBe("0 for t > 45 ms, else −25");
    expect(label("H")).toBe("−0.5 + 0.015·(t − 30) for t > 30 ms, else −0.5");
    expect(label("S")).toBe("75 for 50 ≤ t ≤ 250 ms, else 80");
    expect(label("R")).toBe("0.04·t for 0 < t < 200 ms, 0.32·(t − 300) for 300 < t < 312.5 ms");
    expect(label("L")).toBe(
      "9 for 9.091 < t < 11.09 ms, 9 for 14.09 < t < 16.09 ms, 9 for 70 < t < 72 ms, 9 for 80 < t < 82 ms"
    );
  });

  it("describes every kind of part", () => {
    expect(stimulusLabel(-3)).toBe("−3");
    expect(stimulusLabel(step(2, 10, 20, "left"))).toBe("2 for 10 ≤ t < 20 ms");
    expect(stimulusLabel(step(2, 10, 10, "both"))).toBe("2 for t = 10 ms");
    expect(stimulusLabel(ramp(0, -0.5, 0))).toBe("−0.5·t for t ≥ 0 ms");
    expect(stimulusLabel(pulses({amplitude: 5, start: 10, width: 2, period: 50, count: 4}))).toBe(
      "4 pulses of 5, 2 ms every 50 ms from t = 10 ms"
    );
    expect(stimulusLabel(sine({amplitude: 2, frequency: 8, offset: 1}))).toBe("1 + sine of 2 at 8 Hz");
    expect(stimulusLabel(chirp({amplitude: 1, f0: 2, f1: 40, start: 0, end: 500}))).toBe(
      "chirp of 1, 2 → 40 Hz for 0 ≤ t < 500 ms"
    );
    expect(stimulusLabel(noise({mean: 5, sigma: 2, tau: 10, seed: 3, dt: 0.1}))).toBe(
      "noise 5 ± 2 (τ = 10 ms, dt = 0.1 ms, seed 3)"
    );
    expect(stimulusLabel(sum(dc(2), step(5, 10, 20)))).toBe("2 + (5 for 10 ≤ t < 20 ms)");
    expect(stimulusLabel(overlay(step(1, 0, 5), step(2, 3)))).toBe("1 for 0 ≤ t < 5 ms, 2 for t ≥ 3 ms");
    expect(stimulusLabel(sum())).toBe("0");
  });

  it("throws on an invalid stimulus", () => {
    expect(() => stimulusLabel(dc(NaN))).toThrow(/^current\.value/);
  });
});
