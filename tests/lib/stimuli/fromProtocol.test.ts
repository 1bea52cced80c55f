// fromProtocol: the published protocols (protocols.json) as stimuli, checked against figure1.m.
import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {compileStimulus, dc, fromProtocol, overlay, type ProtocolCurrent} from "../../../lib/stimuli/index.js";

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
  readFileSync(fileURLToPath(new URL("../../fixtures/protocols.json", import.meta.url)), "utf8")
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
