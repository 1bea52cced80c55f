// Inputs that used to be silently misread (an audit's findings): a run too long for the sample budget, a null
// current and a cut-off at or below the reset. Each must throw a message naming the field and what is allowed.
import {describe, expect, it} from "vitest";
import {CELLS_2007, SAMPLE_BUDGET, simulate, simulate2007, simulateBatch} from "../../lib/index.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};

describe("a run longer than the sample budget throws, naming duration, dt and the budget", () => {
  const tooLong: [string, {duration: number; dt?: number}][] = [
    ["duration 2²⁷ + 1 (used to wrap to 29 samples)", {duration: 2 ** 27 + 1}],
    ["dt 1e-300 (used to give one sample)", {duration: 1, dt: 1e-300}],
    ["duration 1.5·2²⁶ (used to blame an unset 'horizon')", {duration: 1.5 * 2 ** 26}],
    ["duration 1e300", {duration: 1e300}]
  ];
  for (const [label, run] of tooLong) {
    it(`simulate: ${label}`, () => {
      expect(() => simulate({params: RS, ...run})).toThrow(/duration.*dt.*sample budget of 2097152/);
    });
    it(`simulate2007: ${label}`, () => {
      expect(() => simulate2007({...CELLS_2007.RS2007, ...run})).toThrow(/duration.*dt.*sample budget of 2097152/);
    });
    it(`simulateBatch: ${label}`, () => {
      expect(() => simulateBatch({params: {a: [0.02], b: [0.2], c: [-65], d: [8]}, ...run})).toThrow(
        /duration.*dt.*sample budget of 2097152/
      );
    });
  }

  it("the largest run within the budget still works", () => {
    const dt = 1;
    expect(simulate({params: RS, duration: (SAMPLE_BUDGET - 1) * dt, dt, method: "euler"}).t.length).toBe(
      SAMPLE_BUDGET
    );
  });
});

describe("current: null is rejected (absent means 0)", () => {
  it("simulate", () => {
    expect(() => simulate({params: RS, duration: 10, current: null as never})).toThrow(
      /current: .*a number or a stimulus object.*got null/
    );
  });
  it("simulate2007", () => {
    expect(() => simulate2007({...CELLS_2007.RS2007, current: null as never})).toThrow(
      /current: .*a number or a stimulus object.*got null/
    );
  });
});

describe("a cut-off at or below the reset is rejected (the neuron would fire every step)", () => {
  it("simulate: vPeak ≤ c", () => {
    expect(() => simulate({params: RS, duration: 10, vPeak: -65})).toThrow(/vPeak: must be above the reset c = -65/);
    expect(() => simulate({params: RS, duration: 10, vPeak: -70, v0: -80})).toThrow(/vPeak/);
    expect(simulate({params: RS, duration: 10, vPeak: -64.9}).warnings).toBeDefined();
  });
  it("simulate2007: vpeak ≤ c (with a reset that does not move with u)", () => {
    const cell = {...CELLS_2007.RS2007.cell, vpeak: -50, c: -50};
    expect(() => simulate2007({...CELLS_2007.RS2007, cell, v0: -60})).toThrow(/cell\.vpeak: must be above the reset/);
  });
});
