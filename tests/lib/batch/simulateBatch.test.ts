import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  BATCH_KERNELS,
  simulateBatch as batchSimulate,
  type BatchMethod,
  type BatchOptions
} from "../../../lib/batch/index.js";
import {CLASSES, FEATURES, simulate, type Preset} from "../../../lib/index.js";

/** Neuron i's spikes of a batch result. */
function spikesOf(r: ReturnType<typeof batchSimulate>, i: number): number[] {
  return Array.from(r.times.subarray(r.offsets[i], r.offsets[i + 1]));
}

/** A batch of one preset, run with the preset's own stimulus, state, equation and step. */
function batchOfPreset(p: Preset, method: BatchMethod, kernel: "wasm" | "js") {
  const {a, b, c, d} = p.params;
  return batchSimulate({
    kernel,
    params: {a: [a, a], b: [b, b], c: [c, c], d: [d, d]},
    current: p.current,
    v0: p.v0,
    u0: p.u0,
    duration: p.duration,
    dt: p.dt,
    method,
    equation: p.equation
  });
}

// Every test runs once per kernel: the WebAssembly SIMD loops and the TypeScript ones.
describe.each(["wasm", "js"] as const)("simulateBatch gives simulate's spikes (kernel %s)", (kernel) => {
  const presets: Preset[] = [...Object.values(CLASSES), ...Object.values(FEATURES)];
  const simulateBatch = (options: BatchOptions) => {
    const r = batchSimulate({...options, kernel});
    expect(r.kernel).toBe(kernel);
    return r;
  };
  for (const method of ["euler", "paper2004"] as const) {
    it(`for every 2003 class and 2004 feature with its protocol (${method})`, () => {
      let total = 0;
      for (const p of presets) {
        const r = batchOfPreset(p, method, kernel);
        const expected = Array.from(simulate({...p, method, maxSpikes: 100_000}).spikes);
        expect(spikesOf(r, 0), `${p.id} ${method}`).toEqual(expected);
        expect(spikesOf(r, 1), `${p.id} ${method}, second copy`).toEqual(expected);
        total += expected.length;
      }
      expect(total).toBeGreaterThan(150); // the comparison is not between empty trains
    });
  }

  it("for the 2003 classes side by side with per-neuron DC currents", () => {
    const ids = Object.keys(CLASSES) as (keyof typeof CLASSES)[];
    const col = (key: "a" | "b" | "c" | "d") => ids.map((id) => CLASSES[id].params[key]);
    const currents = ids.map((_, i) => 2 + 2 * i);
    const r = simulateBatch({
      params: {a: col("a"), b: col("b"), c: col("c"), d: col("d")},
      current: currents,
      v0: -70,
      duration: 400
    });
    ids.forEach((id, i) => {
      const s = simulate({params: CLASSES[id].params, current: currents[i], v0: -70, duration: 400, method: "euler"});
      expect(spikesOf(r, i), id).toEqual(Array.from(s.spikes));
      expect(r.counts[i]).toBe(s.spikes.length);
    });
  });

  it("under one constant current for all (a number: folded into each neuron's current once)", () => {
    for (const method of ["euler", "paper2004"] as const) {
      const r = simulateBatch({
        params: {a: [0.02, 0.1], b: [0.2, 0.2], c: [-65, -55], d: [8, 2]},
        current: 7.3,
        duration: 300,
        method
      });
      const s = [0, 1].map((i) =>
        simulate({
          params: {a: [0.02, 0.1][i]!, b: 0.2, c: [-65, -55][i]!, d: [8, 2][i]!},
          current: 7.3,
          duration: 300,
          method
        })
      );
      expect(spikesOf(r, 0), method).toEqual(Array.from(s[0]!.spikes));
      expect(spikesOf(r, 1), method).toEqual(Array.from(s[1]!.spikes));
      expect(r.v[1]).toBe(s[1]!.v[s[1]!.v.length - 1]);
      expect(r.counts[0]).toBeGreaterThan(5);
    }
  });

  it("for random parameter sets, steps, currents and spike caps (fast-check)", () => {
    const neuron = fc.record({
      a: fc.double({min: -0.05, max: 0.5, noNaN: true}),
      b: fc.double({min: -1, max: 1, noNaN: true}),
      c: fc.double({min: -80, max: -35, noNaN: true}),
      d: fc.double({min: -5, max: 12, noNaN: true}),
      I: fc.double({min: -10, max: 40, noNaN: true}),
      v0: fc.double({min: -85, max: -40, noNaN: true})
    });
    fc.assert(
      fc.property(
        fc.array(neuron, {minLength: 1, maxLength: 5}),
        fc.constantFrom(2 ** -3, 2 ** -5, 0.25, 0.2, 0.5),
        fc.constantFrom("euler", "paper2004") as fc.Arbitrary<BatchMethod>,
        fc.constantFrom("standard", "accommodation") as fc.Arbitrary<"standard" | "accommodation">,
        fc.integer({min: 1, max: 40}),
        fc.double({min: 20, max: 200, noNaN: true}),
        (cells, dt, method, u, maxSpikes, duration) => {
          const col = (k: "a" | "b" | "c" | "d" | "I" | "v0") => cells.map((x) => x[k]);
          const r = simulateBatch({
            params: {a: col("a"), b: col("b"), c: col("c"), d: col("d")},
            current: col("I"),
            v0: col("v0"),
            duration,
            dt,
            method,
            equation: {u},
            maxSpikes
          });
          cells.forEach((x, i) => {
            const s = simulate({
              params: {a: x.a, b: x.b, c: x.c, d: x.d},
              current: x.I,
              v0: x.v0,
              duration,
              dt,
              method,
              equation: {u},
              maxSpikes
            });
            expect(spikesOf(r, i)).toEqual(Array.from(s.spikes));
            const last = s.v.length - 1;
            if (r.stopped[i] === 0 && s.v[last] !== 30) {
              expect(r.v[i]).toBe(s.v[last]);
              expect(r.u[i]).toBe(s.u[last]);
            }
            expect(r.stopped[i] !== 0).toBe(s.warnings.length > 0);
          });
        }
      ),
      {numRuns: 150}
    );
  });

  it("stops a neuron at its spike cap and says so, leaving the others running", () => {
    const r = simulateBatch({
      params: {a: [0.02, 0.02], b: [0.2, 0.2], c: [-65, -65], d: [8, 8]},
      current: [10, 0],
      duration: 500,
      maxSpikes: 3
    });
    expect(r.counts[0]).toBe(3);
    expect(r.stopped[0]).toBe(1);
    expect(r.stopped[1]).toBe(0);
    expect(r.warnings.join(" ")).toMatch(/1 neuron reached the spike cap of 3 spikes/);
  });

  it("stops a diverging neuron where simulate stops and reports it", () => {
    // Euler at dt = 1 ms with a = 1e100 (u' far too stiff for the step) overshoots u to infinity after two spikes.
    const options = {current: 0, v0: -60, duration: 10, dt: 1, method: "euler" as const};
    const s = simulate({...options, params: {a: 1e100, b: 0.2, c: -65, d: 8}});
    const r = simulateBatch({...options, params: {a: [1e100, 0.02], b: [0.2, 0.2], c: [-65, -65], d: [8, 8]}});
    expect(spikesOf(r, 0)).toEqual(Array.from(s.spikes));
    expect(s.warnings.length).toBe(1);
    expect(r.stopped[0]).toBe(2);
    expect(s.spikes.length).toBe(2);
    expect(r.stopped[1]).toBe(0);
    expect(r.warnings[0]).toMatch(/^1 neuron stopped when v or u stopped being finite.*: 0 \(t = 5 ms\)/);
  });
});

describe("the two kernels agree bit for bit", () => {
  it("on a large batch: several blocks, an odd count, a full spike log, capped and diverging neurons", () => {
    // 1001 neurons (4 blocks of 256 pairs, the last lane padding) firing up to ~150 spikes each: more spikes
    // than the WebAssembly log holds (65,536), so it is emptied mid-run; some reach the cap of 120.
    const n = 1001;
    const a = Float64Array.from({length: n}, (_, i) => (i % 97 === 0 ? 1e100 : 0.02 + (0.08 * ((i * 7) % 13)) / 12));
    const b = Float64Array.from({length: n}, (_, i) => 0.15 + (0.1 * ((i * 5) % 11)) / 10);
    const c = Float64Array.from({length: n}, (_, i) => -75 + (25 * ((i * 3) % 17)) / 16);
    const d = Float64Array.from({length: n}, (_, i) => -2 + (10 * ((i * 11) % 19)) / 18);
    const current = Float64Array.from({length: n}, (_, i) => 5 + (30 * ((i * 13) % 23)) / 22);
    for (const method of ["euler", "paper2004"] as const) {
      for (const u of ["standard", "accommodation"] as const) {
        const options: BatchOptions = {
          params: {a, b, c, d},
          current,
          duration: 1000,
          dt: 0.25,
          method,
          equation: {u},
          maxSpikes: 120
        };
        const w = batchSimulate({...options, kernel: "wasm"});
        const j = batchSimulate({...options, kernel: "js"});
        if (u === "standard") {
          expect(w.times.length, method).toBeGreaterThan(65_536);
          expect(Array.from(w.stopped).filter((x) => x === 1).length, `${method}: capped`).toBeGreaterThan(10);
          // a = 1e100 makes the standard u-equation too stiff for the step (accommodation has no −a·u term).
          expect(Array.from(w.stopped).filter((x) => x === 2).length, `${method}: diverged`).toBeGreaterThan(0);
        }
        expect(w.times.length, `${method} ${u}`).toBeGreaterThan(10_000);
        for (const key of ["counts", "offsets", "times", "v", "u", "stopped"] as const) {
          expect(Array.from(w[key]), `${method} ${u}: ${key}`).toEqual(Array.from(j[key]));
        }
        expect(w.warnings).toEqual(j.warnings);
      }
    }
  });

  it("with a shared time-varying stimulus", () => {
    const n = 5;
    const col = (x: number) => new Array(n).fill(x);
    const options: BatchOptions = {
      params: {a: col(0.02), b: [0.2, 0.25, 0.2, 0.2, 0.2], c: [-65, -65, -50, -55, -65], d: [8, 2, 2, 4, 6]},
      current: {kind: "sine", amplitude: 8, frequency: 7, offset: 6},
      duration: 500
    };
    const w = batchSimulate({...options, kernel: "wasm"});
    const j = batchSimulate({...options, kernel: "js"});
    expect(w.times.length).toBeGreaterThan(20);
    expect(Array.from(w.times)).toEqual(Array.from(j.times));
    expect(Array.from(w.v)).toEqual(Array.from(j.v));
  });

  it('"auto" picks the WebAssembly kernel where the engine has SIMD (Node 20 has)', () => {
    expect(BATCH_KERNELS).toEqual(["auto", "wasm", "js"]);
    expect(batchSimulate({params: {a: [0.02], b: [0.2], c: [-65], d: [8]}, duration: 10}).kernel).toBe("wasm");
  });
});

describe("simulateBatch validates its input", () => {
  const ok = {params: {a: [0.02], b: [0.2], c: [-65], d: [8]}, duration: 100};
  const cases: [string, unknown, RegExp][] = [
    ["missing params", {duration: 100}, /params: required/],
    ["a not an array", {...ok, params: {...ok.params, a: 0.02}}, /params\.a: must be an array/],
    ["empty", {...ok, params: {a: [], b: [], c: [], d: []}}, /at least one neuron/],
    [
      "length mismatch",
      {...ok, params: {...ok.params, b: [0.2, 0.3]}},
      /params\.b: must have one value per neuron \(1.*got 2/
    ],
    ["NaN parameter", {...ok, params: {...ok.params, c: [NaN]}}, /params\.c\[0\]: must be a finite number, got NaN/],
    ["unknown key", {...ok, durration: 3}, /unknown key "durration"/],
    ["bad method", {...ok, method: "rk4"}, /method: unknown value "rk4"; allowed: euler, paper2004/],
    ["zero duration", {...ok, duration: 0}, /duration: must be a finite number > 0, got 0/],
    ["dt too large", {...ok, dt: 2}, /dt: must be a finite number > 0 and ≤ 1, got 2/],
    ["v0 at vPeak", {...ok, v0: [30]}, /v0\[0\]: must be a finite number < 30, got 30/],
    ["current length", {...ok, current: [1, 2]}, /current: must have one value per neuron/],
    ["bad stimulus", {...ok, current: {kind: "bogus"}}, /current/],
    ["cap not integer", {...ok, maxSpikes: 2.5}, /maxSpikes: must be a finite integer ≥ 1, got 2.5/],
    ["bad kernel", {...ok, kernel: "gpu"}, /kernel: unknown value "gpu"; allowed: auto, wasm, js/]
  ];
  for (const [name, options, message] of cases) {
    it(name, () => expect(() => batchSimulate(options as never)).toThrow(message));
  }
});
