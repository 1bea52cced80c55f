import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  chirp,
  compileStimulus,
  dc,
  noise,
  pulses,
  ramp,
  simulate,
  sine,
  step,
  sum,
  type Params,
  type Stimulus
} from "../../../lib/index.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};

interface Reference {
  params: Params;
  current: Stimulus;
  duration: number;
  dt: number;
  v0?: number;
  u0?: number;
  vPeak?: number;
  accommodation?: boolean;
  maxSpikes?: number;
}

/**
 * Forward Euler written out plainly, one step per iteration with no spans and no combined tests: the behaviour
 * `simulate` method "euler" must keep bit for bit. u' is evaluated as ub·v − ua·u + uc (ub = a·b; ua = a, uc = 0,
 * or for the accommodation variant ua = 0, uc = 65·a·b), the form the library documents for both variants.
 */
function referenceEuler(r: Reference) {
  const {a, b, c, d} = r.params;
  const dt = r.dt;
  const vPeak = r.vPeak ?? 30;
  const maxSpikes = r.maxSpikes ?? 100_000;
  const ub = a * b;
  const ua = r.accommodation ? 0 : a;
  const uc = r.accommodation ? 65 * ub : 0;
  const ratio = r.duration / dt;
  const steps = Math.max(1, Math.ceil(ratio - 1e-9 * ratio));
  const current = compileStimulus(r.current);
  let v = r.v0 ?? -65;
  let u = r.u0 ?? b * v;
  const V = [v];
  const U = [u];
  const I = [current.value(0)];
  const spikes: number[] = [];
  for (let k = 0; k < steps; k++) {
    const du = ub * v - ua * u + uc;
    v = v + dt * (0.04 * (v * v) + 5 * v + 140 - u + I[k]);
    u = u + dt * du;
    const spiked = v >= vPeak;
    if (spiked) {
      v = c;
      u += d;
      spikes.push((k + 1) * dt);
    }
    if (spiked && spikes.length >= maxSpikes) {
      V.push(vPeak);
      U.push(u);
      I.push(current.value((k + 1) * dt));
      return {V, U, I, spikes, stopped: true};
    }
    if (!Number.isFinite(v + u)) return {V, U, I, spikes, stopped: true};
    V.push(spiked ? vPeak : v);
    U.push(u);
    I.push(current.value((k + 1) * dt));
  }
  return {V, U, I, spikes, stopped: false};
}

/** The first index where two columns hold different doubles (−0 and +0 differ), or −1 when they are the same. */
function firstDifference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = Math.min(x.length, y.length);
  for (let k = 0; k < n; k++) if (!Object.is(x[k], y[k])) return k;
  return x.length === y.length ? -1 : n;
}

function expectSame(r: Reference) {
  const ref = referenceEuler(r);
  const trace = simulate({
    params: r.params,
    current: r.current,
    duration: r.duration,
    dt: r.dt,
    v0: r.v0,
    u0: r.u0,
    vPeak: r.vPeak,
    maxSpikes: r.maxSpikes,
    equation: r.accommodation ? {u: "accommodation"} : undefined,
    method: "euler"
  });
  expect(firstDifference(trace.v, ref.V), "first sample where v differs").toBe(-1);
  expect(firstDifference(trace.u, ref.U), "first sample where u differs").toBe(-1);
  expect(firstDifference(trace.I, ref.I), "first sample where I differs").toBe(-1);
  expect(firstDifference(trace.spikes, ref.spikes), "first sample where spikes differs").toBe(-1);
  expect(
    firstDifference(
      trace.t,
      ref.V.map((_, k) => k * r.dt)
    ),
    "first sample where t differs"
  ).toBe(-1);
  expect(trace.warnings.length > 0).toBe(ref.stopped);
  return trace;
}

describe('simulate method "euler" against a plain reference loop', () => {
  const stimuli: [string, Stimulus][] = [
    ["a constant current", 10],
    ["no current", 0],
    ["a negative constant", -4],
    ["a step", step(12, 100, 600)],
    ["a pulse train", pulses({amplitude: 25, start: 50, width: 2, period: 30, count: 12})],
    ["a ramp", ramp(0, 0.03, 100, 900)],
    ["a sine on a dc", sum(dc(4), sine({amplitude: 6, frequency: 8}))],
    ["a chirp", chirp({amplitude: 8, f0: 1, f1: 40, start: 0, end: 1000})],
    ["seeded Ornstein–Uhlenbeck noise", noise({mean: 5, sigma: 3, tau: 5, seed: 7, dt: 0.5})]
  ];
  for (const [name, current] of stimuli) {
    it(`is bit-identical for ${name} (RS, 1000 ms, dt 2⁻⁵ and 0.1)`, () => {
      expectSame({params: RS, current, duration: 1000, dt: 2 ** -5});
      expectSame({params: RS, current, duration: 1000, dt: 0.1});
    });
  }

  it("is bit-identical for the accommodation u-equation, another vPeak and initial state", () => {
    expectSame({params: RS, current: step(30, 10, null), duration: 500, dt: 2 ** -5, accommodation: true});
    expectSame({params: RS, current: 12, duration: 500, dt: 2 ** -5, vPeak: 0, v0: -70, u0: 3});
  });

  it("stops at the spike budget exactly as the plain loop does, including on the first spike", () => {
    const trace = expectSame({params: RS, current: 10, duration: 1000, dt: 2 ** -5, maxSpikes: 5});
    expect(trace.spikes.length).toBe(5);
    expectSame({params: RS, current: 10, duration: 1000, dt: 2 ** -5, maxSpikes: 1});
  });

  it("stops at the step where v + u stops being finite", () => {
    const trace = expectSame({params: {a: -5, b: 0.2, c: -65, d: 2}, current: 0, duration: 1000, dt: 1});
    expect(trace.warnings[0]).toMatch(/stopped being finite/);
  });

  it("is bit-identical for runs of any length, spikes on any step (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          a: fc.double({min: 0.001, max: 0.2, noNaN: true}),
          b: fc.double({min: -0.5, max: 0.5, noNaN: true}),
          c: fc.double({min: -80, max: -40, noNaN: true}),
          d: fc.double({min: -5, max: 10, noNaN: true})
        }),
        fc.double({min: -20, max: 60, noNaN: true}),
        fc.constantFrom(2 ** -5, 0.05, 0.1, 0.25, 1),
        fc.double({min: 0.5, max: 400, noNaN: true}),
        (params, current, dt, duration) => {
          expectSame({params, current, duration, dt});
        }
      ),
      {numRuns: 60, seed: 11}
    );
  });
});
