// compileStimulus: the compiled form (value, breakpoints, fill) of any stimulus tree.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  chirp,
  compileStimulus,
  dc,
  noise,
  overlay,
  pulses,
  ramp,
  sine,
  step,
  sum,
  type Closed,
  type Stimulus,
  type StimulusPart
} from "../../../lib/stimuli/index.js";

const CLOSED: Closed[] = ["open", "left", "right", "both"];

// Property tests run from a fixed seed, so every run checks the same cases (the project's tests are deterministic).
fc.configureGlobal({seed: 20031569});

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
