// validateStimulus: every bad input throws naming the field, the value and what is allowed.
import {describe, expect, it} from "vitest";
import {
  chirp,
  compileStimulus,
  dc,
  noise,
  overlay,
  pulses,
  sine,
  step,
  sum,
  validateStimulus,
  type Closed,
  type Stimulus,
  type StimulusPart
} from "../../../lib/stimuli/index.js";

describe("validateStimulus(current) and compileStimulus throw with the field path, the value and what is allowed", () => {
  const cases: [string, unknown, RegExp][] = [
    [
      "unknown kind",
      sum(dc(1), {kind: "foo"} as never),
      /^current\.parts\[1\]\.kind: unknown stimulus part "foo"; allowed: dc, step, ramp, pulses, sine, chirp, noise, sum, overlay$/
    ],
    ["missing kind", {value: 1}, /^current\.kind: unknown stimulus part undefined; allowed: dc/],
    [
      "negative dt",
      {kind: "noise", mean: 0, sigma: 1, tau: 1, seed: 1, dt: -1},
      /^current\.dt: must be a finite number > 0, got -1$/
    ],
    [
      "too fine dt",
      {kind: "noise", mean: 0, sigma: 1, tau: 1, seed: 1, dt: 1e-9},
      /^current\.dt: must be at least 0.000001 ms/
    ],
    ["NaN", dc(NaN), /^current\.value: must be a finite number, got NaN$/],
    ["Infinity", step(1, -Infinity), /^current\.start: must be a finite number, got -Infinity$/],
    ["huge", dc(1e12), /^current\.value: must be at most 1000000000 in magnitude, got 1000000000000$/],
    ["string number", dc("14" as never), /^current\.value: must be a finite number, got "14"$/],
    [
      "negative width",
      pulses({amplitude: 1, start: 0, width: -1, period: 5}),
      /^current\.width: must be a finite number ≥ 0, got -1$/
    ],
    [
      "width > period",
      pulses({amplitude: 1, start: 0, width: 6, period: 5}),
      /^current\.width: must be ≤ period \(5 ms\), got 6$/
    ],
    [
      "zero period",
      pulses({amplitude: 1, start: 0, width: 0, period: 0}),
      /^current\.period: must be a finite number > 0, got 0$/
    ],
    [
      "negative tau",
      noise({mean: 0, sigma: 1, tau: -2, seed: 1, dt: 1}),
      /^current\.tau: must be a finite number ≥ 0, got -2$/
    ],
    [
      "negative sigma",
      noise({mean: 0, sigma: -1, tau: 2, seed: 1, dt: 1}),
      /^current\.sigma: must be a finite number ≥ 0, got -1$/
    ],
    [
      "fractional seed",
      noise({mean: 0, sigma: 1, tau: 2, seed: 1.5, dt: 1}),
      /^current\.seed: must be a safe integer, got 1.5$/
    ],
    ["end < start", step(1, 20, 10), /^current\.end: must be ≥ start \(20 ms\), got 10$/],
    [
      "chirp end = start",
      chirp({amplitude: 1, f0: 1, f1: 2, start: 5, end: 5}),
      /^current\.end: must be > start \(5 ms\), got 5$/
    ],
    [
      "chirp without end",
      {kind: "chirp", amplitude: 1, f0: 1, f1: 2, start: 5},
      /^current\.end: must be a finite number > start, got undefined$/
    ],
    [
      "typo in a key",
      {kind: "step", value: 1, strat: 2},
      /^current\.strat: unknown key for a "step" part; allowed: kind, value, start, end, closed$/
    ],
    [
      "bad closed",
      step(1, 0, 1, "closed" as Closed),
      /^current\.closed: unknown value "closed"; allowed: open, left, right, both$/
    ],
    [
      "fractional count",
      pulses({amplitude: 1, start: 0, width: 1, period: 5, count: 2.5}),
      /^current\.count: must be an integer ≥ 0 and ≤ 1000000000 \(or null: endless\), got 2.5$/
    ],
    [
      "negative frequency",
      sine({amplitude: 1, frequency: -3}),
      /^current\.frequency: must be a finite number ≥ 0, got -3$/
    ],
    [
      "parts not an array",
      {kind: "sum", parts: {}},
      /^current\.parts: must be an array of stimulus parts, got an object$/
    ],
    [
      "number as a part",
      overlay(dc(1), 3 as never),
      /^current\.parts\[1\]: must be a number or a stimulus part \{kind: …\}, got 3$/
    ],
    ["null", null, /^current: must be a number or a stimulus part \{kind: …\}, got null$/],
    ["string", "14", /^current: must be a number or a stimulus part \{kind: …\}, got "14"$/],
    ["array", [dc(1)], /^current: must be a number or a stimulus part \{kind: …\}, got an array$/],
    ["prototype key as kind", {kind: "constructor"}, /^current\.kind: unknown stimulus part "constructor"/]
  ];
  for (const [name, input, message] of cases) {
    it(`${name}: ${message.source.slice(1, 60)}…`, () => {
      expect(() => validateStimulus(input)).toThrow(message);
      expect(() => compileStimulus(input as Stimulus)).toThrow(message);
      try {
        validateStimulus(input);
      } catch (error) {
        expect(error instanceof RangeError || error instanceof TypeError).toBe(true);
      }
    });
  }

  it("uses the given field name", () => {
    expect(() => validateStimulus(dc(NaN), "options.current")).toThrow(
      /^options\.current\.value: must be a finite number, got NaN/
    );
  });

  it("rejects a part that contains itself, and nesting deeper than 32 levels", () => {
    const loop: {kind: "sum"; parts: unknown[]} = {kind: "sum", parts: []};
    loop.parts.push(loop);
    expect(() => validateStimulus(loop)).toThrow(/^current\.parts\[0\]: a part may not contain itself$/);
    let deep: StimulusPart = dc(1);
    for (let i = 0; i < 40; i++) deep = sum(deep);
    expect(() => validateStimulus(deep)).toThrow(/: nested deeper than 32 levels of sum and overlay$/);
  });
});
