import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {
  CLASS_IDS,
  METHODS,
  NUMBER_SPECS,
  ORDERED_PAIRS,
  clampToSpec,
  defaultState,
  orderPairs,
  parseNumber,
  parseState,
  presetState,
  serializeState,
  type ClassId,
  type ExplorerState,
  type PresetLike
} from "../../src/state/urlState.js";

// The 2003 classes (docs/science.md §2.1): only what the state reads.
const preset = (a: number, b: number, c: number, d: number, v0: number, duration: number): PresetLike => ({
  params: {a, b, c, d},
  v0,
  u0: b * v0,
  duration,
  dt: 0.25
});
const PRESETS: Record<ClassId, PresetLike> = {
  RS: preset(0.02, 0.2, -65, 8, -63, 150),
  IB: preset(0.02, 0.2, -55, 4, -70, 150),
  CH: preset(0.02, 0.2, -50, 2, -70, 150),
  FS: preset(0.1, 0.2, -65, 2, -70, 150),
  TC: preset(0.02, 0.25, -65, 0.05, -63, 150),
  TC_burst: preset(0.02, 0.25, -65, 0.05, -87, 150),
  RZ: preset(0.1, 0.26, -65, 2, -70, 100),
  LTS: preset(0.02, 0.25, -65, 2, -63, 250)
};

/** Every numeric field lies within its control's range, dt is 2^-k with k in 0…10, enums are known. */
function expectWithinRanges(state: ExplorerState): void {
  for (const [key, spec] of Object.entries(NUMBER_SPECS)) {
    const value = (state as unknown as Record<string, number | null>)[key];
    if (key === "tI" && value === null) continue;
    expect(typeof value).toBe("number");
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(spec.min);
    expect(value).toBeLessThanOrEqual(spec.max);
  }
  for (const {first, second, gap} of ORDERED_PAIRS)
    expect((state[second] as number) - (state[first] as number)).toBeGreaterThanOrEqual(gap);
  const k = -Math.log2(state.dt);
  expect(Number.isInteger(k) && k >= 0 && k <= 10).toBe(true);
  expect(CLASS_IDS).toContain(state.cls);
  expect(METHODS).toContain(state.method);
}

describe("parseState(search, presets)", () => {
  it("gives the default state and no notice for an empty query", () => {
    const {state, notices} = parseState("", PRESETS);
    expect(notices).toEqual([]);
    expect(state).toEqual(defaultState(PRESETS));
    expect(state).toMatchObject({cls: "RS", a: 0.02, b: 0.2, c: -65, d: 8, v0: -63, u0: -12.6, T: 150});
    expect(state).toMatchObject({dt: 2 ** -5, method: "adaptive", protocol: true, dc: false, tI: null});
  });

  it("loads a class's parameters, initial state and duration", () => {
    const {state} = parseState("?class=LTS", PRESETS);
    expect(state).toMatchObject({cls: "LTS", a: 0.02, b: 0.25, c: -65, d: 2, v0: -63, u0: -15.75, T: 250});
  });

  it("round-trips the default state of every class through serializeState", () => {
    for (const cls of CLASS_IDS) {
      const state = presetState(cls, PRESETS);
      const parsed = parseState(serializeState(state), PRESETS);
      expect(parsed.notices).toEqual([]);
      expect(parsed.state).toEqual(state);
    }
  });

  it("round-trips any state within the ranges", () => {
    const numberArbs = Object.fromEntries(
      Object.entries(NUMBER_SPECS).map(([key, spec]) => [
        key,
        fc
          .integer({min: 0, max: Math.round((spec.max - spec.min) / spec.step)})
          .map((i) => clampToSpec(spec.min + i * spec.step, spec))
      ])
    );
    const arb = fc
      .record({
        ...numberArbs,
        tI: fc.option(numberArbs.tI, {nil: null}),
        cls: fc.constantFrom(...CLASS_IDS),
        method: fc.constantFrom(...METHODS),
        dt: fc.integer({min: 0, max: 10}).map((k) => 2 ** -k),
        protocol: fc.boolean(),
        dc: fc.boolean(),
        step: fc.boolean(),
        pulses: fc.boolean(),
        ramp: fc.boolean(),
        noise: fc.boolean(),
        sine: fc.boolean(),
        chirp: fc.boolean()
      })
      // The controls keep every window in order (and a pulse within its period): only such states exist.
      .map((s) => ({
        ...s,
        ...orderPairs(s as unknown as ExplorerState).patch
      })) as unknown as fc.Arbitrary<ExplorerState>;
    fc.assert(
      fc.property(arb, (state) => {
        const search = serializeState(state);
        const parsed = parseState(search, PRESETS);
        expect(parsed.notices).toEqual([]);
        expect(parsed.state).toEqual(state);
        expect(serializeState(parsed.state)).toBe(search);
      })
    );
  });

  it("clamps out-of-range numbers and says so", () => {
    const {state, notices} = parseState("?a=1e308&b=-5&T=100000&d=25.0001", PRESETS);
    expect(state).toMatchObject({a: 1, b: -1, T: NUMBER_SPECS.T.max, d: 25});
    expect(notices).toHaveLength(4);
    expect(notices[0]).toMatch(/^a = 1e308 is outside -0\.1…1; using 1\.$/);
  });

  it("reads the spike budget (key budget), clamps it to 1,000…1,000,000 and keeps it across a class change", () => {
    expect(parseState("", PRESETS).state.budget).toBe(100_000);
    expect(parseState("?budget=5000", PRESETS)).toEqual({state: {...defaultState(PRESETS), budget: 5000}, notices: []});
    expect(parseState("?budget=1", PRESETS)).toEqual({
      state: {...defaultState(PRESETS), budget: 1000},
      notices: ["budget = 1 is outside 1000…1000000; using 1000."]
    });
    expect(parseState("?budget=1e9", PRESETS).state.budget).toBe(1_000_000);
    expect(parseState("?budget=2499", PRESETS).state.budget).toBe(2000);
    expect(parseState("?budget=lots", PRESETS)).toMatchObject({
      state: {budget: 100_000},
      notices: ["“lots” is not a number for budget; using 100000 instead."]
    });
    const state = {...presetState("RS", PRESETS), budget: 250_000};
    expect(serializeState(state)).toMatch(/&budget=250000(&|$)/);
    expect(parseState(serializeState(state), PRESETS)).toEqual({state, notices: []});
    expect(presetState("FS", PRESETS, {method: "euler", dt: 0.25, budget: 3000}).budget).toBe(3000);
    expect(presetState("FS", PRESETS).budget).toBe(100_000);
  });

  it("rejects what is not a plain decimal number", () => {
    for (const text of [
      "NaN",
      "Infinity",
      "-Infinity",
      "0x10",
      "1_000",
      " 1",
      "1 ",
      "",
      "1e",
      "--1",
      "1,5",
      "½",
      "1e308e2"
    ]) {
      expect(parseNumber(text)).toBeNaN();
    }
    expect(parseNumber("-.5")).toBe(-0.5);
    expect(parseNumber("2.")).toBe(2);
    expect(parseNumber("1E-3")).toBe(0.001);
    const {state, notices} = parseState("?a=NaN&c=%3Cscript%3E&v0=0x1f", PRESETS);
    expect(state).toMatchObject({a: 0.02, c: -65, v0: -63});
    expect(notices).toHaveLength(3);
  });

  it("treats a non-positive or unknown dt as the default and snaps others to 2^-k", () => {
    expect(parseState("?dt=-0.25", PRESETS)).toMatchObject({
      state: {dt: 2 ** -5},
      notices: [expect.stringMatching(/positive/)]
    });
    expect(parseState("?dt=0", PRESETS).state.dt).toBe(2 ** -5);
    expect(parseState("?dt=0.25", PRESETS)).toEqual({state: {...defaultState(PRESETS), dt: 0.25}, notices: []});
    expect(parseState("?dt=0.3", PRESETS).state.dt).toBe(0.25);
    expect(parseState("?dt=1e308", PRESETS).state.dt).toBe(1);
    expect(parseState("?dt=1e-300", PRESETS).state.dt).toBe(2 ** -10);
    expect(parseState("?dt=1e-400", PRESETS).state.dt).toBe(2 ** -5);
  });

  it("ignores unknown keys, classes, methods and switches, with notices", () => {
    const {state, notices} = parseState(
      "?class=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&method=magic&dc=maybe&%3Cscript%3E=1&__proto__=1&constructor=x",
      PRESETS
    );
    expect(state).toEqual(defaultState(PRESETS));
    expect(notices).toEqual([
      "Unknown neuron class “<img src=x onerror=alert(1)>”; showing RS instead.",
      "Unknown method “magic”; using adaptive instead.",
      "“maybe” is not on or off for dc; leaving it off.",
      "Ignored unknown settings: “<script>”, “__proto__”, “constructor”."
    ]);
  });

  it("uses the last of repeated keys and caps the number of keys", () => {
    expect(parseState("?a=0.1&a=0.2", PRESETS)).toMatchObject({
      state: {a: 0.2},
      notices: [expect.stringMatching(/more than once/)]
    });
    const many = Array.from({length: 200}, (_, i) => `k${i}=1`).join("&");
    const {notices} = parseState(many, PRESETS);
    expect(notices[0]).toMatch(/more than 64/);
  });

  it("reads the sine's and the chirp's settings, off by default, each clamped to its range", () => {
    const state = parseState("", PRESETS).state;
    expect(state).toMatchObject({sine: false, chirp: false});
    for (const key of ["sineA", "sineF", "sineOn", "sineOff", "chirpA", "chirpF0", "chirpF1", "chirpOn", "chirpOff"]) {
      const spec = NUMBER_SPECS[key as keyof typeof NUMBER_SPECS];
      const value = (state as unknown as Record<string, number>)[key];
      expect(value, key).toBeGreaterThanOrEqual(spec.min);
      expect(value, key).toBeLessThanOrEqual(spec.max);
      expect(spec.label, key).toMatch(/\((mV\/ms|Hz|ms)\)$/); // every label states its unit
    }
    const read = parseState("?sine=1&sineA=2.5&sineF=12.5&sineOn=20&sineOff=80&chirp=on&chirpF0=5&chirpF1=45", PRESETS);
    expect(read.notices).toEqual([]);
    expect(read.state).toMatchObject({sine: true, sineA: 2.5, sineF: 12.5, sineOn: 20, sineOff: 80});
    expect(read.state).toMatchObject({chirp: true, chirpF0: 5, chirpF1: 45});
    const clamped = parseState("?sineA=-3&sineF=1e6&chirpF1=12.26&chirpOff=1e7&chirp=maybe", PRESETS);
    expect(clamped.state).toMatchObject({sineA: NUMBER_SPECS.sineA.min, sineF: NUMBER_SPECS.sineF.max, chirpF1: 12.5});
    expect(clamped.state).toMatchObject({chirpOff: NUMBER_SPECS.chirpOff.max, chirp: false});
    expect(clamped.notices).toEqual([
      `sineA = -3 is outside ${NUMBER_SPECS.sineA.min}…${NUMBER_SPECS.sineA.max}; using ${NUMBER_SPECS.sineA.min}.`,
      `sineF = 1e6 is outside ${NUMBER_SPECS.sineF.min}…${NUMBER_SPECS.sineF.max}; using ${NUMBER_SPECS.sineF.max}.`,
      `chirpOff = 1e7 is outside ${NUMBER_SPECS.chirpOff.min}…${NUMBER_SPECS.chirpOff.max}; using ${NUMBER_SPECS.chirpOff.max}.`,
      "“maybe” is not on or off for chirp; leaving it off."
    ]);
  });

  it("still reads every stimulus key of links made before the sine and the chirp existed", () => {
    const old =
      "?class=RZ&protocol=0&dc=1&dcI=-1.5&step=1&stepI=4&stepOn=10&stepOff=60&pulses=1&pulseI=8&pulseOn=5&pulseW=2" +
      "&pulseP=20&pulseN=3&ramp=1&rampI=1&rampS=-0.02&rampOn=5&rampOff=90&noise=1&noiseM=0.5&noiseS=1.5&noiseTau=3&noiseSeed=42";
    const {state, notices} = parseState(old, PRESETS);
    expect(notices).toEqual([]);
    expect(state).toMatchObject({
      ...{protocol: false, dc: true, dcI: -1.5, step: true, stepI: 4, stepOn: 10, stepOff: 60},
      ...{pulses: true, pulseI: 8, pulseOn: 5, pulseW: 2, pulseP: 20, pulseN: 3},
      ...{ramp: true, rampI: 1, rampS: -0.02, rampOn: 5, rampOff: 90},
      ...{noise: true, noiseM: 0.5, noiseS: 1.5, noiseTau: 3, noiseSeed: 42},
      ...{sine: false, chirp: false}
    });
  });

  it("snaps values to the control's step", () => {
    expect(parseState("?a=0.02049&c=-64.96&pulseN=2.6", PRESETS).state).toMatchObject({a: 0.02, c: -65, pulseN: 3});
  });

  it("keeps long hostile values short in notices", () => {
    const {notices} = parseState(`?method=${"x".repeat(5000)}`, PRESETS);
    expect(notices[0].length).toBeLessThan(120);
  });

  it("yields a state within ranges and never throws, for any query string", () => {
    const keys = ["class", "method", "dt", "protocol", "dc", "sine", "chirp", ...Object.keys(NUMBER_SPECS)];
    const value = fc.oneof(
      fc.string(),
      fc.double().map(String),
      fc.constantFrom("NaN", "Infinity", "1e308", "-1e308", "1e-400", "<script>alert(1)</script>", "%00", "-0")
    );
    const pair = fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string()), value);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pair, {maxLength: 20}).map((pairs) => `?${new URLSearchParams(pairs)}`)
        ),
        (search) => {
          const {state, notices} = parseState(search, PRESETS);
          expectWithinRanges(state);
          for (const notice of notices) expect(typeof notice).toBe("string");
        }
      ),
      {numRuns: 500}
    );
  });
});

describe("serializeState(state)", () => {
  it("omits the spike budget at its default (the library's maxSpikes)", () => {
    expect(serializeState(presetState("RS", PRESETS))).not.toMatch(/budget/);
    expect(serializeState({...presetState("RS", PRESETS), budget: 1000})).toMatch(/method=adaptive&budget=1000$/);
  });

  it("writes the model, the numerics and the stimulus settings that differ from their defaults", () => {
    const state = {...presetState("RS", PRESETS), dc: true, dcI: 2.5, tI: 100};
    expect(serializeState(state)).toBe(
      "?class=RS&a=0.02&b=0.2&c=-65&d=8&v0=-63&u0=-12.6&T=150&dt=0.03125&method=adaptive&dc=1&dcI=2.5&tI=100"
    );
  });

  it("writes the sine and the chirp where they differ from their defaults, and reads them back", () => {
    const base = presetState("RZ", PRESETS);
    expect(serializeState(base)).not.toMatch(/sine|chirp/);
    const state = {...base, sine: true, sineF: 42.5, chirp: true, chirpA: 0.35, chirpF0: 60, chirpF1: 0};
    expect(serializeState(state)).toMatch(/&sine=1&sineF=42\.5&chirp=1&chirpA=0\.35&chirpF0=60&chirpF1=0$/);
    expect(parseState(serializeState(state), PRESETS)).toEqual({state, notices: []});
  });
});

describe("controls that can only express valid states (the explorer's address)", () => {
  it("ends v₀'s range below the cut-off vPeak = 30 mV: ?v0=30 gives v₀ = 29.9 mV with a notice", () => {
    expect(NUMBER_SPECS.v0.max).toBeLessThan(30);
    const {state, notices} = parseState("?v0=30", PRESETS);
    expect(state.v0).toBe(29.9);
    expect(notices).toEqual(["v0 = 30 is outside -100…29.9; using 29.9."]);
  });

  it("clamps a step that ends before it starts, with a notice: ?step=1&stepOn=900&stepOff=10", () => {
    const {state, notices} = parseState("?step=1&stepOn=900&stepOff=10", PRESETS);
    expect(state).toMatchObject({step: true, stepOn: 900, stepOff: 900});
    expect(notices).toEqual([
      "stepOn = 900 and stepOff = 10: a step cannot end before it starts; using stepOff = 900."
    ]);
  });

  it("keeps a ramp, a sine and a chirp in order, and a pulse within its period", () => {
    const {state, notices} = parseState(
      "?rampOn=500&rampOff=100&sineOn=20&sineOff=10&chirpOn=10000&chirpOff=0&pulseW=100&pulseP=20",
      PRESETS
    );
    // A window keeps its start, pulses their period (as the comparison page's current always did).
    expect(state).toMatchObject({rampOn: 500, rampOff: 500, sineOn: 20, sineOff: 20, pulseW: 20, pulseP: 20});
    // A chirp must end strictly after it starts: at the end of the range, the start gives way.
    expect(state).toMatchObject({chirpOn: 9999.5, chirpOff: 10000});
    expect(notices).toHaveLength(4);
  });

  it("orderPairs lets the moved end win: moving the end before the start pulls the start along", () => {
    const state = {...defaultState(PRESETS), stepOn: 50, stepOff: 10};
    expect(orderPairs(state, ["stepOff"]).patch).toMatchObject({stepOn: 10, stepOff: 10});
    expect(orderPairs(state, ["stepOn"]).patch).toMatchObject({stepOn: 50, stepOff: 50});
    expect(orderPairs(defaultState(PRESETS))).toEqual({patch: {}, notices: []});
  });

  it("reads numbers in decimal only: 0x7D0, 0b101, 0o1000 and Infinity are named, 1e+308 is clamped", () => {
    const {state, notices} = parseState("?T=0x7D0&a=0b101&b=0o1000&c=Infinity&d=1e%2B308", PRESETS);
    expect(state).toMatchObject({T: 150, a: 0.02, b: 0.2, c: -65, d: 25});
    expect(notices).toEqual([
      "“0b101” is not a number for a; using 0.02 instead.",
      "“0o1000” is not a number for b; using 0.2 instead.",
      "“Infinity” is not a number for c; using -65 instead.",
      "d = 1e+308 is outside -25…25; using 25.",
      "“0x7D0” is not a number for T; using 150 instead."
    ]);
  });
});
