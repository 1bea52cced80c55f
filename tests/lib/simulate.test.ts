import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  CLASSES,
  FEATURES,
  fromProtocol,
  simulate,
  type Preset,
  type SimulateOptions,
  type Trace
} from "../../lib/index.js";
import {PROTOCOLS, protocolCurrent, type Protocol} from "../fixtures/protocols.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};

/** Options that replay a protocol of protocols.json through the library. */
function protocolOptions(p: Protocol): SimulateOptions {
  const [e, f, g] = p.equation.v_coeffs;
  return {
    params: p.params,
    equation: {e, f, g, u: p.equation.u_form === "a*b*(v+65)" ? "accommodation" : "standard"},
    v0: p.v0,
    u0: p.u0,
    current: fromProtocol(p.current),
    duration: p.duration,
    dt: p.tau,
    method: "paper2004",
    vPeak: p.v_peak
  };
}

/** An independent replica of figure1.m's loop (docs/science.md §1.1), written from the description. */
function figure1m(p: Protocol) {
  const [e, f, g] = p.equation.v_coeffs;
  const {a, b, c, d} = p.params;
  const tau = p.tau;
  const accommodation = p.equation.u_form === "a*b*(v+65)";
  let V = p.v0;
  let u = p.u0;
  const VV: number[] = [];
  const uu: number[] = [];
  const spikeSteps: number[] = [];
  const iterations = Math.round(p.duration / tau) + 1; // t = 0:tau:T
  for (let k = 0; k < iterations; k++) {
    const I = protocolCurrent(p.current, k * tau);
    V = V + tau * (e * (V * V) + f * V + g - u + I);
    u = accommodation ? u + tau * a * b * (V + 65) : u + tau * a * (b * V - u);
    if (V > 30) {
      VV.push(30);
      V = c;
      u = u + d;
      spikeSteps.push(k);
    } else {
      VV.push(V);
    }
    uu.push(u);
  }
  return {VV, uu, spikeSteps};
}

/** An independent replica of net.m's update for one neuron (docs/science.md §1.2), at a general step dt. */
function netm(params: typeof RS, v0: number, I: (t: number) => number, steps: number, dt: number) {
  const {a, b, c, d} = params;
  let v = v0;
  let u = b * v0;
  const spikeTimes: number[] = [];
  const vs: number[] = [];
  for (let k = 0; k < steps; k++) {
    if (v >= 30) {
      spikeTimes.push(k * dt); // the state that crossed belongs to time k·dt
      v = c;
      u = u + d;
    }
    const Ik = I(k * dt);
    v = v + 0.5 * dt * (0.04 * v * v + 5 * v + 140 - u + Ik);
    v = v + 0.5 * dt * (0.04 * v * v + 5 * v + 140 - u + Ik);
    u = u + dt * (a * (b * v - u));
    vs.push(v);
  }
  if (v >= 30) spikeTimes.push(steps * dt);
  return {spikeTimes, vs};
}

/** Largest distance between matched spike times; Infinity when the counts differ. */
function spikeError(x: Float64Array, reference: Float64Array): number {
  if (x.length !== reference.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - reference[i]));
  return worst;
}

function allFinite(trace: Trace): boolean {
  return [trace.t, trace.v, trace.u, trace.I].every((column) => column.every(Number.isFinite));
}

describe("simulate(options) with method paper2004", () => {
  it.each(PROTOCOLS.map((p) => [p.id, p] as const))(
    "reproduces figure1.m's loop bit for bit for protocol %s",
    (_id, p) => {
      const trace = simulate(protocolOptions(p));
      const replica = figure1m(p);
      expect(trace.v.length).toBe(replica.VV.length + 1);
      expect(Array.from(trace.spikes)).toEqual(replica.spikeSteps.map((k) => (k + 1) * p.tau));
      for (let k = 0; k < replica.VV.length; k++) {
        if (trace.v[k + 1] !== replica.VV[k] || trace.u[k + 1] !== replica.uu[k]) {
          throw new Error(
            `${p.id}: sample ${k + 1} differs: v ${trace.v[k + 1]} vs ${replica.VV[k]}, u ${trace.u[k + 1]} vs ${replica.uu[k]}`
          );
        }
      }
      expect(trace.warnings).toEqual([]);
    }
  );

  const presetSets = [
    ["CLASSES", CLASSES, "izh2003_fig2"],
    ["FEATURES", FEATURES, "izh2004_fig1"]
  ] as const;
  it.each(presetSets)(
    "%s are the protocols of protocols.json and reproduce figure1.m step for step",
    (_name, presets, group) => {
      const published = PROTOCOLS.filter((p) => p.group === group);
      expect(Object.keys(presets).sort()).toEqual(published.map((p) => p.id).sort());
      for (const p of published) {
        const preset = (presets as Record<string, Preset>)[p.id];
        const [e, f, g] = p.equation.v_coeffs;
        expect(preset.params).toEqual(p.params);
        expect([preset.v0, preset.u0, preset.duration, preset.dt, preset.method, preset.vPeak]).toEqual([
          p.v0,
          p.u0,
          p.duration,
          p.tau,
          "paper2004",
          p.v_peak
        ]);
        expect({e: 0.04, f: 5, g: 140, u: "standard", ...preset.equation}).toEqual({
          e,
          f,
          g,
          u: p.equation.u_form === "a*b*(v+65)" ? "accommodation" : "standard"
        });
        expect(preset.current).toEqual(fromProtocol(p.current));
        expect(preset.name.length).toBeGreaterThan(0);
        expect(preset.description.length).toBeGreaterThan(10);
        const trace = simulate(preset);
        const replica = figure1m(p);
        expect(Array.from(trace.spikes)).toEqual(replica.spikeSteps.map((k) => (k + 1) * p.tau));
        expect(trace.v[trace.v.length - 1]).toBe(replica.VV[replica.VV.length - 1]);
        expect(trace.u[trace.u.length - 1]).toBe(replica.uu[replica.uu.length - 1]);
      }
    }
  );

  it("fires as the published panels do (RS tonic, RZ only during its pulse at 60–65 ms, TC a rebound burst)", () => {
    expect(simulate(CLASSES.RS).spikes.length).toBeGreaterThan(3);
    const rz = simulate(CLASSES.RZ).spikes;
    expect(rz.length).toBeGreaterThan(0);
    expect(rz.every((t) => t > 60 && t < 70)).toBe(true);
    expect(simulate(CLASSES.TC_burst).spikes.length).toBeGreaterThan(1);
  });
});

describe("simulate(options) with method paper2003", () => {
  for (const dt of [1, 0.5]) {
    it(`reproduces net.m's update for one neuron at dt = ${dt}`, () => {
      const I = (t: number) => (t >= 100 ? 10 : 3);
      const steps = 1000 / dt;
      const replica = netm(RS, -65, I, steps, dt);
      const current = {
        kind: "sum" as const,
        parts: [
          {kind: "dc" as const, value: 3},
          {kind: "step" as const, value: 7, start: 100}
        ]
      };
      const trace = simulate({params: RS, current, duration: 1000, dt, method: "paper2003"});
      expect(replica.spikeTimes.length).toBeGreaterThan(5);
      expect(Array.from(trace.spikes)).toEqual(replica.spikeTimes);
      for (let k = 0; k < steps; k++) {
        const stored = replica.vs[k] >= 30 ? 30 : replica.vs[k];
        if (trace.v[k + 1] !== stored) throw new Error(`sample ${k + 1}: ${trace.v[k + 1]} vs ${stored}`);
      }
    });
  }
});

/** The 2003 classes under a DC current from t = 0 (their own step amplitude; 10 where that does not fire). */
const DC_CASES = Object.values(CLASSES).map((p) => {
  const amplitude = {RS: 14, IB: 11, CH: 10, FS: 10, TC: 1.5, TC_burst: 10, RZ: 10, LTS: 10}[p.id as string]!;
  return [p.id, {params: p.params, v0: p.v0, u0: p.u0, current: amplitude, duration: 1000}] as const;
});

/** An independent high-accuracy reference: RK4 with located events at dt = 2⁻¹¹ ms (error ~1e-9 ms). */
function reference(options: SimulateOptions): Trace {
  return simulate({...options, method: "rk4", dt: 2 ** -11});
}

describe("simulate(options) accuracy", () => {
  it.each(DC_CASES)(
    "the default method and dt place every spike of %s within 0.01 ms of a high-accuracy reference over 1000 ms",
    (_id, options) => {
      const trace = simulate(options);
      const ref = reference(options);
      expect(trace.method).toBe("adaptive");
      expect(trace.dt).toBe(2 ** -5);
      expect(ref.spikes.length).toBeGreaterThan(5);
      expect(spikeError(trace.spikes, ref.spikes)).toBeLessThan(0.01);
    }
  );

  it("forward Euler at dt = 2⁻⁵ does not: FS drifts by more than 0.1 ms within 1000 ms", () => {
    const [, options] = DC_CASES.find(([id]) => id === "FS")!;
    const ref = reference(options);
    const euler = simulate({...options, method: "euler"});
    expect(spikeError(euler.spikes, ref.spikes)).toBeGreaterThan(0.1);
  });

  // Spike-time error of the first spikes against the reference, as dt is halved.
  function errors(method: "euler" | "rk4", dts: number[]) {
    const options: SimulateOptions = {params: RS, v0: -65, current: 10, duration: 100};
    const ref = reference(options).spikes;
    return dts.map((dt) => spikeError(simulate({...options, method, dt}).spikes, ref));
  }

  it("euler has global spike-time error O(dt): halving dt halves the error (ratio 2 ± 0.3)", () => {
    const e = errors("euler", [2 ** -7, 2 ** -8, 2 ** -9, 2 ** -10]);
    for (let i = 1; i < e.length; i++) expect(Math.abs(e[i - 1] / e[i] - 2)).toBeLessThan(0.3);
  });

  it("rk4 has global spike-time error O(dt⁴): halving dt divides the error by 16 (order 4 ± 0.4)", () => {
    const e = errors("rk4", [2 ** -3, 2 ** -4, 2 ** -5, 2 ** -6]);
    for (let i = 1; i < e.length; i++) expect(Math.abs(Math.log2(e[i - 1] / e[i]) - 4)).toBeLessThan(0.4);
  });

  it("adaptive agrees with a tighter run of itself (tolerance 1e-9 vs 1e-12) within 1e-6 ms per spike", () => {
    for (const [, options] of DC_CASES) {
      const loose = simulate(options);
      const tight = simulate({...options, tolerance: 1e-12});
      expect(spikeError(loose.spikes, tight.spikes)).toBeLessThan(1e-6);
    }
  });

  it("adaptive splits at stimulus breakpoints: a pulse's onset is honoured to rounding", () => {
    // A 1-ms pulse starting between grid points: adaptive and the dt-independent reference agree.
    const options: SimulateOptions = {
      params: RS,
      current: {kind: "step", value: 40, start: 10.3, end: 11.3},
      duration: 30
    };
    const coarse = simulate({...options, dt: 0.5});
    const ref = reference(options);
    expect(ref.spikes.length).toBe(1);
    expect(spikeError(coarse.spikes, ref.spikes)).toBeLessThan(1e-6);
  });
});

describe("simulate(options) invariants", () => {
  const methods = ["euler", "paper2003", "paper2004", "rk4", "adaptive"] as const;
  const options = fc.record({
    a: fc.double({min: 0.005, max: 0.3, noNaN: true}),
    b: fc.double({min: -0.2, max: 0.3, noNaN: true}),
    c: fc.double({min: -75, max: -40, noNaN: true}),
    d: fc.double({min: -2, max: 10, noNaN: true}),
    I: fc.double({min: -10, max: 40, noNaN: true}),
    method: fc.constantFrom(...methods),
    k: fc.integer({min: 2, max: 6})
  });

  it("a stored v is never above vPeak and no column holds a non-finite number", () => {
    fc.assert(
      fc.property(options, ({a, b, c, d, I, method, k}) => {
        const trace = simulate({params: {a, b, c, d}, current: I, duration: 100, dt: 2 ** -k, method});
        return trace.v.every((v) => v <= 30) && allFinite(trace);
      }),
      {numRuns: 60}
    );
  });

  it("is deterministic: the same options give identical traces, noise included", () => {
    const current = {
      kind: "sum" as const,
      parts: [
        {kind: "dc" as const, value: 5},
        {kind: "noise" as const, mean: 0, sigma: 3, tau: 5, seed: 7, dt: 0.1}
      ]
    };
    for (const method of methods) {
      const one = simulate({params: RS, current, duration: 200, method});
      const two = simulate({params: RS, current, duration: 200, method});
      expect(Array.from(two.v)).toEqual(Array.from(one.v));
      expect(Array.from(two.spikes)).toEqual(Array.from(one.spikes));
    }
  });

  it("a run that diverges stops, keeps only finite samples and says when and why", () => {
    // a < 0 with a 1-ms step makes u grow sixfold per step until it overflows.
    const trace = simulate({params: {a: -5, b: 0.2, c: -65, d: 2}, current: 0, duration: 1000, dt: 1, method: "euler"});
    expect(trace.warnings.length).toBe(1);
    expect(trace.warnings[0]).toMatch(/stopped being finite at t = \d/);
    expect(trace.t.length).toBeLessThan(1001);
    expect(allFinite(trace)).toBe(true);
  });

  it("a run that reaches maxSpikes stops with a warning and keeps the spikes so far", () => {
    const trace = simulate({params: RS, current: 10, duration: 1000, maxSpikes: 3});
    expect(trace.spikes.length).toBe(3);
    expect(trace.warnings[0]).toMatch(/spike budget of 3/);
    expect(trace.t[trace.t.length - 1]).toBeLessThan(1000);
  });

  it("records v = vPeak at the sample ending each spike's step and the reset state after it", () => {
    const trace = simulate({params: RS, current: 10, duration: 200});
    for (const s of trace.spikes) {
      const k = Math.ceil(s / trace.dt - 1e-9);
      expect(trace.v[k]).toBe(30);
    }
  });
});

describe("simulate(options) rejects bad input with a message naming the field, the value and what is allowed", () => {
  const base = {params: RS, duration: 100};
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["a non-finite parameter", {params: {...RS, a: NaN}}, /params\.a: must be a finite number, got NaN/],
    ["dt ≤ 0", {dt: 0}, /dt: must be a finite number > 0/],
    ["dt too large", {dt: 2}, /dt: .*≤ 1, got 2/],
    ["an unknown method", {method: "heun"}, /method: unknown value "heun"; allowed: .*adaptive/],
    ["an unknown option", {durration: 5}, /options: unknown key "durration"/],
    ["a duration beyond the sample budget", {duration: 1e6}, /duration: .*sample budget/],
    ["v0 at or above vPeak", {v0: 30}, /v0: .*< 30/],
    ["an unknown stimulus part", {current: {kind: "square"}}, /current.*square/],
    ["a missing duration", {duration: undefined}, /duration/]
  ];
  it.each(cases)("%s", (_name, patch, message) => {
    expect(() => simulate({...base, ...patch} as SimulateOptions)).toThrow(message);
  });

  it("any non-finite number in any numeric field throws and names that field", () => {
    const fields = ["v0", "u0", "duration", "dt", "vPeak", "tolerance", "maxSpikes"];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.constantFrom(NaN, Infinity, -Infinity), (field, value) => {
        expect(() => simulate({...base, [field]: value} as SimulateOptions)).toThrow(new RegExp(`^${field}: `));
      })
    );
  });
});
