import {describe, expect, it} from "vitest";
import {
  CELLS_2007,
  CLASSES,
  chirp,
  dc,
  noise,
  overlay,
  pulses,
  ramp,
  simulate,
  simulate2007,
  sine,
  step,
  sum,
  toJSON,
  type Method,
  type SimulateOptions,
  type Stimulus
} from "../../../lib/index.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};

const STIMULI: [string, Stimulus][] = [
  ["a number", 10],
  ["dc", dc(6)],
  ["a step", step(10, 20.5, 80, "open")],
  ["a ramp", ramp(0, 0.1, 10)],
  ["pulses", pulses({amplitude: 15, start: 5, width: 2, period: 10, count: 6, closed: "both"})],
  ["endless pulses", pulses({amplitude: 15, start: 5, width: 2, period: 10, count: null})],
  ["a sine", sine({amplitude: 5, frequency: 20, phase: 1, offset: 5})],
  ["a chirp", chirp({amplitude: 8, f0: 1, f1: 50, start: 0, end: 100})],
  ["seeded noise", noise({mean: 5, sigma: 3, tau: 4, seed: 17, dt: 0.1})],
  ["a sum", sum(step(5, 10), sine({amplitude: 2, frequency: 5}))],
  ["an overlay", overlay(dc(-2), step(12, 20, 60))]
];

describe("toJSON(options)", () => {
  for (const [name, current] of STIMULI) {
    for (const method of ["euler", "adaptive"] as Method[]) {
      it(`round-trips ${name} (${method}): simulate(JSON.parse(toJSON(o))) gives the same trace`, () => {
        const options: SimulateOptions = {params: RS, current, duration: 100, method, v0: -70, vPeak: 30};
        const back = JSON.parse(toJSON(options)) as SimulateOptions;
        expect(back).toEqual(options);
        expect(simulate(back)).toEqual(simulate(options));
      });
    }
  }

  it("round-trips the presets, with their names", () => {
    for (const preset of [CLASSES.RS, CLASSES.RZ])
      expect(simulate(JSON.parse(toJSON(preset)))).toEqual(simulate(preset));
    const cell = CELLS_2007.LTS2007;
    expect(JSON.parse(toJSON(cell))).toEqual(cell);
    expect(simulate2007(JSON.parse(toJSON(cell)))).toEqual(simulate2007(cell));
  });

  it("leaves out caller-owned columns and keeps an end of null (forever)", () => {
    const n = 4000;
    const columns = {t: new Float64Array(n), v: new Float64Array(n), u: new Float64Array(n), I: new Float64Array(n)};
    const options: SimulateOptions = {params: RS, current: step(10, 5, null), duration: 100, columns};
    const back = JSON.parse(toJSON(options));
    expect(back.columns).toBeUndefined();
    expect(back.current.end).toBeNull();
    expect(simulate(back).v).toEqual(simulate({...options, columns: undefined}).v);
  });

  it("throws, naming the field, for a number JSON cannot hold", () => {
    expect(() => toJSON({params: {...RS, a: NaN}, duration: 10})).toThrow(/params\.a: JSON cannot hold NaN/);
    expect(() => toJSON({params: RS, current: step(Infinity, 0), duration: 10})).toThrow(
      /current\.value: JSON cannot hold Infinity/
    );
    expect(() => toJSON(null as never)).toThrow(/options: must be an object/);
  });

  it("indents with 2 spaces by default, or writes one line", () => {
    expect(toJSON({params: RS, duration: 10})).toContain('\n  "params"');
    expect(toJSON({params: RS, duration: 10}, 0)).toBe('{"params":{"a":0.02,"b":0.2,"c":-65,"d":8},"duration":10}');
  });
});
