import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  cell2007At,
  CELLS_2007,
  simulate,
  simulate2007,
  type CellId2007,
  type Simulate2007Options
} from "../../lib/index.js";
import {BASE_IDS, byId, type BookCell} from "./bookCells2007.js";

const ALL_IDS = Object.keys(CELLS_2007) as CellId2007[];

/**
 * An independent replica of izhi2007.m's loop (docs/science.md §3), written from its description with the per-cell
 * branches of the MATLAB file (celltype 1–7), not from the library's data form. Returns the vectors as MATLAB
 * leaves them: the apex written into the sample before the spike, the reset value at the spike sample.
 */
function izhi2007m(id: string, Iin: number, burst: boolean, over: Partial<BookCell> = {}) {
  const p = {...byId(id.replace("_burst", "")), ...over};
  const {C, k, vr, vt, vpeak, a, c, d} = p;
  let b = p.b ?? -2; // FS's b is never used
  const celltype = BASE_IDS.indexOf(id.replace("_burst", "") as (typeof BASE_IDS)[number]) + 1;
  const tau = 0.25;
  let n = Math.round(p.T / tau);
  let I: number[];
  if (burst) {
    const n0 = 120 / tau;
    I = [...new Array(n0).fill(id.startsWith("TC") ? -1200 : -350), ...new Array(n).fill(Iin)];
    n += n0;
  } else {
    I = new Array(n).fill(Iin);
  }
  const v = new Array(n).fill(vr);
  const u = new Array(n).fill(0);
  const spikeSamples: number[] = [];
  const vb = -55; // FS: izhi2007.m passes vb through d
  for (let i = 0; i < n - 1; i++) {
    v[i + 1] = v[i] + (tau * (k * (v[i] - vr) * (v[i] - vt) - u[i] + I[i])) / C;
    if (celltype < 5) {
      u[i + 1] = u[i] + tau * a * (b * (v[i] - vr) - u[i]);
    } else if (celltype === 5) {
      if (v[i + 1] < vb) u[i + 1] = u[i] + tau * a * (0 - u[i]);
      else u[i + 1] = u[i] + tau * a * (0.025 * Math.pow(v[i] - vb, 3) - u[i]);
    } else if (celltype === 6) {
      b = v[i + 1] > -65 ? 0 : 15;
      u[i + 1] = u[i] + tau * a * (b * (v[i] - vr) - u[i]);
    } else {
      b = v[i + 1] > -65 ? 2 : 10;
      u[i + 1] = u[i] + tau * a * (b * (v[i] - vr) - u[i]);
    }
    if (celltype < 4 || celltype === 5 || celltype === 7) {
      if (v[i + 1] >= vpeak) {
        v[i] = vpeak;
        v[i + 1] = c;
        if (celltype !== 5) u[i + 1] = u[i + 1] + d;
        spikeSamples.push(i + 1);
      }
    } else if (celltype === 4) {
      if (v[i + 1] > vpeak - 0.1 * u[i + 1]) {
        v[i] = vpeak - 0.1 * u[i + 1];
        v[i + 1] = c + 0.04 * u[i + 1];
        // MATLAB's `if` on a vector: true only if every element of (u + d) < 670 holds.
        if (u.every((x) => x + d < 670)) u[i + 1] = u[i + 1] + d;
        else u[i + 1] = 670;
        spikeSamples.push(i + 1);
      }
    } else if (v[i + 1] > vpeak + 0.1 * u[i + 1]) {
      v[i] = vpeak + 0.1 * u[i + 1];
      v[i + 1] = c - 0.1 * u[i + 1];
      u[i + 1] = u[i + 1] + d;
      spikeSamples.push(i + 1);
    }
  }
  return {v, u, spikeSamples, n};
}

/** Checks a "book" trace against the replica: u and spikes exactly, v exactly up to where the apex is drawn. */
function expectSameAsReplica(options: Simulate2007Options, replica: ReturnType<typeof izhi2007m>) {
  const trace = simulate2007(options);
  expect(trace.warnings).toEqual([]);
  const {n, spikeSamples} = replica;
  expect(trace.v.length).toBe(n + 1); // izhi2007.m stops one sample earlier
  expect(Array.from(trace.spikes)).toEqual(spikeSamples.map((j) => j * 0.25));
  const spikeSet = new Set(spikeSamples);
  for (let j = 0; j < n; j++) {
    expect(trace.u[j]).toBe(replica.u[j]);
    if (spikeSet.has(j))
      expect(trace.v[j]).toBe(replica.v[j - 1]); // the apex, one sample later here
    else if (!spikeSet.has(j + 1)) expect(trace.v[j]).toBe(replica.v[j]);
  }
  return trace;
}

describe("simulate2007, method book", () => {
  for (const id of BASE_IDS) {
    it(`reproduces a line-by-line replica of izhi2007.m for ${id} at every test current`, () => {
      for (const I of CELLS_2007[id].testCurrents) expectSameAsReplica(cell2007At(id, I), izhi2007m(id, I, false));
    });
  }
  for (const id of ["TC2007_burst", "RTN2007_burst"] as const) {
    it(`reproduces the replica's burst mode for ${id} (120-ms hold first)`, () => {
      for (const I of CELLS_2007[id].testCurrents) {
        const T = id === "RTN2007_burst" ? 720 : 650; // izhi2007.m lengthens RTN's run in burst mode
        const t = expectSameAsReplica(cell2007At(id, I), izhi2007m(id, I, true, {T}));
        expect(t.spikes.length).toBeGreaterThan(0);
        expect(Math.min(...t.v.slice(400, 480))).toBeLessThan(-75); // held near −80 mV
      }
    });
  }
  it("reproduces the LTS cap as izhi2007.m applies it (to the whole u vector) once u reaches the cap", () => {
    const over = {d: 300, T: 320};
    const options = {...CELLS_2007.LTS2007, cell: {...CELLS_2007.LTS2007.cell, d: 300}, current: 300};
    const t = expectSameAsReplica(options, izhi2007m("LTS2007", 300, false, over));
    expect(Math.max(...t.u)).toBe(670);
  });
});

describe("simulate2007, method adaptive", () => {
  for (const id of ALL_IDS) {
    // At 1e-9 TC's rebound burst is off by 1.6e-6 ms (the error scales with the tolerance), hence 1e-10.
    it(`${id}: agrees with a tighter run of itself (tolerance 1e-10 vs 1e-12) within 1e-6 ms per spike`, () => {
      const base = {...CELLS_2007[id], method: "adaptive" as const, dt: 0.25};
      const loose = simulate2007({...base, tolerance: 1e-10});
      const tight = simulate2007({...base, tolerance: 1e-12});
      expect(loose.warnings).toEqual([]);
      expect(loose.spikes.length).toBe(tight.spikes.length);
      for (let i = 0; i < tight.spikes.length; i++)
        expect(Math.abs(loose.spikes[i] - tight.spikes[i])).toBeLessThan(1e-6);
    });
  }
  // Measured: the largest Euler error at 2⁻¹¹ is 0.023 ms (TC burst); FS's second spike converges irregularly
  // at coarse dt (errors 0.016, 0.0105, 0.0025 ms at 2⁻⁸, 2⁻¹⁰, 2⁻¹²), so the order is checked over a factor 4.
  it("agrees with forward Euler at dt = 2⁻¹¹ within 0.03 ms per spike, and Euler's error falls with dt (first order)", () => {
    for (const id of ALL_IDS) {
      const p = CELLS_2007[id];
      const duration = Math.min(p.duration, 400);
      const exact = simulate2007({...p, duration, method: "adaptive", dt: 0.25, tolerance: 1e-12}).spikes;
      const err = (dt: number) => {
        const s = simulate2007({...p, duration, method: "euler", dt}).spikes;
        expect(s.length).toBe(exact.length);
        return Math.max(0, ...Array.from(s, (x, i) => Math.abs(x - exact[i])));
      };
      const e10 = err(2 ** -10);
      const e11 = err(2 ** -11);
      const e12 = err(2 ** -12);
      expect(e11).toBeLessThan(0.03);
      if (exact.length > 0) expect(e10 / e12).toBeGreaterThan(2.5);
      if (exact.length > 0) expect(e10 / e12).toBeLessThan(8);
    }
  });
  it("is the 2003 model when C = 1, k = 0.04 and vr, vt are the roots of 0.04v² + 5v + 140 (u shifted by b·vr)", () => {
    const disc = Math.sqrt(25 - 4 * 0.04 * 140);
    const vr = (-5 - disc) / 0.08;
    const vt = (-5 + disc) / 0.08;
    const params = {a: 0.02, b: 0.2, c: -65, d: 8};
    for (const I of [10, 5]) {
      const old = simulate({params, current: I, duration: 1000, tolerance: 1e-12, v0: -65});
      const shift = params.b * vr;
      const now = simulate2007({
        cell: {C: 1, k: 0.04, vr, vt, vpeak: 30, ...params},
        v0: -65,
        u0: params.b * -65 - shift,
        current: I - shift,
        duration: 1000,
        tolerance: 1e-12
      });
      expect(now.spikes.length).toBe(old.spikes.length);
      expect(old.spikes.length).toBeGreaterThan(5);
      for (let i = 0; i < old.spikes.length; i++) expect(Math.abs(now.spikes[i] - old.spikes[i])).toBeLessThan(1e-6);
    }
  });
  it("locates the kink: TC and RTN cross v = −65 mV and FS crosses vb = −55 mV without rejected-step storms", () => {
    for (const id of ["TC2007_burst", "RTN2007_burst", "FS2007"] as const) {
      const t = simulate2007({...CELLS_2007[id], method: "adaptive", dt: 0.25});
      expect(t.warnings).toEqual([]);
      expect(t.steps).toBeLessThan(10 * t.v.length);
    }
  });
});

describe("simulate2007, validation and invariants", () => {
  const RS = CELLS_2007.RS2007;
  it("rejects unknown keys, naming the key and the allowed ones", () => {
    expect(() => simulate2007({...RS, durration: 5} as never)).toThrow(
      /options: unknown key "durration"; allowed: cell, /
    );
    expect(() => simulate2007({...RS, cell: {...RS.cell, e: 1}} as never)).toThrow(/cell: unknown key "e"/);
    expect(() => simulate2007({...RS, special: {vpeakUU: 1}} as never)).toThrow(/special: unknown key "vpeakUU"/);
    expect(() => simulate2007({...RS, special: {bBelow: {v: -65, b: 1, c: 2}}} as never)).toThrow(
      /special.bBelow: unknown key "c"/
    );
    expect(() => simulate2007({...RS, method: "rk4"} as never)).toThrow(
      /method: unknown value "rk4"; allowed: adaptive, book, euler/
    );
  });
  it("names the field, the value and what is allowed for any bad number", () => {
    const fields = ["C", "k", "vr", "vt", "vpeak", "a", "b", "c", "d"];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.constantFrom(NaN, Infinity, -Infinity, "1"), (field, value) => {
        expect(() => simulate2007({...RS, cell: {...RS.cell, [field]: value}} as never)).toThrow(
          new RegExp(`^cell\\.${field}: must be a finite`)
        );
      })
    );
    const top = ["v0", "u0", "duration", "dt", "tolerance", "maxSpikes"];
    fc.assert(
      fc.property(fc.constantFrom(...top), fc.constantFrom(NaN, Infinity, -Infinity, "1", null), (field, value) => {
        expect(() => simulate2007({...RS, [field]: value} as never)).toThrow(new RegExp(`^${field}: must be a finite`));
      })
    );
    expect(() => simulate2007({...RS, cell: {...RS.cell, C: 0}})).toThrow("cell.C: must be a finite number > 0, got 0");
    expect(() => simulate2007({...RS, dt: 2})).toThrow("dt: must be a finite number > 0 and ≤ 1, got 2");
    expect(() => simulate2007({...RS, v0: 40})).toThrow("v0: must be a finite number < 35, got 40");
    expect(() => simulate2007({...RS, special: {cubicU: {vb: -55, k: 1}, bBelow: {v: -65, b: 1}}})).toThrow(
      /cannot be combined/
    );
    expect(() => simulate2007({...RS, special: {uCap: NaN}})).toThrow("special.uCap: must be a finite number, got NaN");
    expect(() => simulate2007({...RS, testCurrents: [1, NaN]})).toThrow(
      "testCurrents[1]: must be a finite number, got NaN"
    );
  });
  it("never stores NaN, never a v above the cut-off at its own u, and is deterministic", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_IDS),
        fc.constantFrom("book" as const, "euler" as const, "adaptive" as const),
        fc.double({min: -500, max: 1500, noNaN: true}),
        fc.constantFrom(1, 0.5, 0.25, 2 ** -3),
        (id, method, I, dt) => {
          const options = {...CELLS_2007[id], method, dt, current: I, duration: 150};
          const t = simulate2007(options);
          const {vpeak} = CELLS_2007[id].cell;
          const vpeakU = CELLS_2007[id].special.vpeakU ?? 0;
          const spikeSamples = new Set(Array.from(t.spikes, (s) => Math.ceil(s / dt - 1e-9)));
          for (let j = 0; j < t.v.length; j++) {
            expect(Number.isFinite(t.v[j]) && Number.isFinite(t.u[j])).toBe(true);
            if (!spikeSamples.has(j)) expect(t.v[j]).toBeLessThanOrEqual(vpeak + vpeakU * t.u[j]);
            if (vpeakU === 0) expect(t.v[j]).toBeLessThanOrEqual(vpeak);
          }
          const again = simulate2007(options);
          expect(again.v).toEqual(t.v);
          expect(again.spikes).toEqual(t.spikes);
        }
      ),
      {numRuns: 60}
    );
  });
  it("stops at maxSpikes with a warning, and cuts a diverging run before its first non-finite sample", () => {
    const capped = simulate2007({...RS, current: 500, maxSpikes: 3});
    expect(capped.spikes.length).toBe(3);
    expect(capped.warnings[0]).toMatch(/spike budget of 3/);
    const wild = simulate2007({cell: {...RS.cell, a: 1000}, current: 100, duration: 500, dt: 1, method: "euler"});
    expect(wild.warnings[0]).toMatch(/stopped being finite/);
    expect(wild.v.every(Number.isFinite)).toBe(true);
  });
  it("warns when a reset lands above the cut-off instead of spiking forever (adaptive)", () => {
    const t = simulate2007({
      cell: {...RS.cell, c: 20, d: 300},
      special: {vpeakU: -0.1},
      current: 100,
      duration: 500,
      dt: 0.25
    });
    expect(t.warnings[0]).toMatch(/reset .* at or above the cut-off/);
  });
});
