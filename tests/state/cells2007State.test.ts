import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {CELLS_2007} from "../../lib/index.js";
import {
  CELL_IDS_2007,
  DEFAULT_COMPARE_2007,
  STEP_LIMITS,
  clampStep,
  parseCompare2007,
  serializeCompare2007,
  type Compare2007State
} from "../../src/state/cells2007State.js";

describe("the 2007 page's address", () => {
  it("writes a typed 1e308 pA as the 2000 pA the page runs, and reads it back as such", () => {
    const state: Compare2007State = {
      ...DEFAULT_COMPARE_2007,
      current: {kind: "step", amplitude: 1e308, onset: 20, duration: 300}
    };
    const search = serializeCompare2007(state);
    expect(search).toContain("amp=2000");
    expect(search).not.toContain("e%2B308");
    const back = parseCompare2007(search);
    expect(back.notices).toEqual([]);
    expect(back.state.current).toEqual({kind: "step", amplitude: 2000, onset: 20, duration: 300});
  });

  it("clamps out-of-range numbers with a notice, and refuses hex, binary and octal", () => {
    const big = parseCompare2007("?current=step&amp=1e%2B308&on=10&T=300");
    expect(big.state.current).toEqual({kind: "step", amplitude: 2000, onset: 10, duration: 300});
    expect(big.notices).toEqual(["The step's amplitude (pA) 1e+308 is outside -2000 to 2000; 2000 was used."]);
    for (const text of ["0x7D0", "0b101", "0o1000", "Infinity"]) {
      const r = parseCompare2007(`?current=step&amp=${text}`);
      expect(r.state.current).toMatchObject({amplitude: 200});
      expect(r.notices).toEqual([`The step's amplitude (pA) “${text}” is not a number; 200 was used.`]);
    }
  });

  it("moves an onset after the end of the run before it, with a notice: on=500&T=20", () => {
    const {state, notices} = parseCompare2007("?current=step&amp=200&on=500&T=20");
    expect(state.current).toEqual({kind: "step", amplitude: 200, onset: 19, duration: 20});
    expect(notices).toEqual(["The step's onset (500 ms) must come before the end of the run (20 ms); 19 ms was used."]);
  });

  it("names a malformed test current (cells=…:300:junk), an unknown setting and step settings without a step", () => {
    const {state, notices} = parseCompare2007("?current=CH2007:300:junk&zz=1&amp=5");
    expect(state.current).toEqual(DEFAULT_COMPARE_2007.current);
    expect(notices).toEqual([
      "Current “CH2007:300:junk” is neither “step” nor one of the book's test currents (e.g. CH2007:300); the default was used.",
      "The step's setting amp was ignored: the current is not a step.",
      "Ignored unknown setting: “zz”."
    ]);
    expect(parseCompare2007("?current=CH2007:0x12C").notices).toHaveLength(1);
  });

  it("clampStep gives what the page runs", () => {
    expect(clampStep({amplitude: -1e308, onset: NaN, duration: 5000})).toEqual({
      kind: "step",
      amplitude: -2000,
      onset: 0,
      duration: 1000
    });
  });

  it("round-trips every comparison: same state, same address (property)", () => {
    const testCurrent = fc
      .constantFrom(...CELL_IDS_2007)
      .chain((id) =>
        fc.constantFrom(...CELLS_2007[id].testCurrents).map((current) => ({kind: "test" as const, id, current}))
      );
    const decimal = ([lo, hi]: readonly [number, number]) =>
      fc.integer({min: lo * 10, max: hi * 10}).map((i) => i / 10);
    const stepCurrent = fc
      .record({
        amplitude: decimal(STEP_LIMITS.amplitude),
        onset: decimal(STEP_LIMITS.onset),
        duration: decimal(STEP_LIMITS.duration)
      })
      .map((s) => clampStep(s));
    const arb = fc.record({
      cells: fc.array(fc.constantFrom(...CELL_IDS_2007), {minLength: 2, maxLength: 4}),
      current: fc.oneof(testCurrent, stepCurrent),
      method: fc.constantFrom("book" as const, "adaptive" as const),
      overlay: fc.boolean()
    });
    fc.assert(
      fc.property(arb, (state) => {
        const search = serializeCompare2007(state);
        const back = parseCompare2007(search);
        expect(back.notices).toEqual([]);
        expect(back.state).toEqual(state);
        expect(serializeCompare2007(back.state)).toBe(search);
      }),
      {numRuns: 2000}
    );
  });
});
