/**
 * The Brian2 current expression gives, at every step, the very current the library uses: the expression is
 * evaluated here in JavaScript (int → Number, sin → Math.sin, the TimedArrays → their values) for each step k and
 * compared bit for bit with the library's I column, for every stimulus kind.
 */
import {describe, expect, it} from "vitest";
import {chirp, dc, noise, overlay, pulses, ramp, simulate, sine, step, sum, type Stimulus} from "../../../lib/index.js";
import {brian2Current, type Brian2Current} from "../../../lib/export/brian2Stimulus.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};

/** The expression as a JavaScript function of the step k. */
function evaluator({expression, sampled}: Brian2Current): (k: number) => number {
  const tables = Object.fromEntries(sampled.map((s) => [s.name, s.values]));
  const js = expression
    .replace(/\bint\(/g, "Number(")
    .replace(/\bsin\(/g, "Math.sin(")
    .replace(/\b(I_sampled_\d+)\(t\)/g, "tables.$1[k]")
    .replace(/\bt_in_timesteps\b/g, "k");
  const f = new Function("k", "tables", `return ${js};`) as (k: number, t: typeof tables) => number;
  return (k) => f(k, tables);
}

function expectSameCurrent(current: Stimulus, dt: number, duration: number) {
  const trace = simulate({params: RS, current, duration, dt, method: "euler"});
  const exported = brian2Current(current, dt, trace.I.length);
  const value = evaluator(exported);
  for (let k = 0; k < trace.I.length; k++) {
    // Compared with + 0 so that −0 and 0 count as the same current.
    if (value(k) + 0 !== trace.I[k] + 0) expect({k, value: value(k)}).toEqual({k, value: trace.I[k]});
  }
  return exported;
}

const CASES: [string, Stimulus][] = [
  ["a number", 7.5],
  ["dc", dc(-2)],
  ["a step with an edge on the grid", step(10, 20, 60)],
  ["an open step off the grid", step(10, 20.01, 60.3, "open")],
  ["a closed step", step(3, 10, 40, "both")],
  ["a ramp", ramp(1, 0.05, 12.5, 80)],
  ["a sine from −∞", sine({amplitude: 4, frequency: 10, phase: 0.3, offset: 1})],
  ["a windowed sine", sine({amplitude: 4, frequency: 25, start: 30, end: 70, closed: "right"})],
  ["a chirp", chirp({amplitude: 5, f0: 2, f1: 40, start: 10, end: 90})],
  ["a regular pulse train", pulses({amplitude: 20, start: 10, width: 3, period: 25, count: 3})],
  ["an endless pulse train cut by the end", pulses({amplitude: 5, start: 0, width: 7, period: 9})],
  ["an irregular pulse train (period off the grid)", pulses({amplitude: 5, start: 1, width: 1.01, period: 3.3})],
  ["pulses of width = period", pulses({amplitude: 2, start: 5, width: 4, period: 4, count: 5, closed: "both"})],
  ["seeded noise at its own dt", noise({mean: 3, sigma: 2, tau: 5, seed: 4, dt: 0.1, start: 7, end: 66})],
  [
    "a sum of every kind",
    sum(
      step(4, 0),
      ramp(0, 0.01, 50),
      sine({amplitude: 1, frequency: 3}),
      noise({mean: 0, sigma: 1, tau: 2, seed: 1, dt: 0.25})
    )
  ],
  ["a nested sum", sum(sum(step(1, 5), step(2, 10)), pulses({amplitude: 1, start: 0, width: 1, period: 2}))],
  ["an overlay of steps on dc", overlay(dc(-2), step(-0.5, 10, null, "open"), step(10, 60, 65, "open"))],
  ["an overlay of smooth parts", overlay(ramp(0, 0.1, 5, 70), sine({amplitude: 3, frequency: 20, start: 30, end: 50}))],
  [
    "an overlay with a layer never on",
    overlay(step(4, 10), step(9, 500, 600), chirp({amplitude: 1, f0: 1, f1: 9, start: 40, end: 60}))
  ],
  ["an overlay holding a sum", overlay(dc(1), sum(step(2, 10, 20), step(3, 15, 30)))]
];

describe("brian2Current(current, dt, samples)", () => {
  for (const [name, current] of CASES) {
    it(`gives the library's current at every step for ${name}`, () => {
      expectSameCurrent(current, 2 ** -5, 100);
      expectSameCurrent(current, 0.1, 100);
    });
  }

  it("writes windows as integer tests on the step and noise as a TimedArray of the library's samples", () => {
    const {expression, sampled} = expectSameCurrent(
      sum(step(10, 20, 60), noise({mean: 0, sigma: 1, tau: 5, seed: 2, dt: 0.5})),
      0.25,
      80
    );
    expect(expression).toContain("int(t_in_timesteps >= 80)*int(t_in_timesteps < 240)");
    expect(sampled).toHaveLength(1);
    expect(expression).toContain(`${sampled[0].name}(t)`);
  });

  it("writes an overlay of windowed parts as tests, not a table", () => {
    const {expression, sampled} = expectSameCurrent(overlay(dc(0), step(14, 15, null, "open")), 0.25, 150);
    expect(sampled).toHaveLength(0);
    expect(expression).toBe("14*int(t_in_timesteps >= 61)");
    expect(expectSameCurrent(overlay(dc(1), sum(step(2, 10))), 0.25, 50).sampled).toHaveLength(1);
  });

  it("writes a regular pulse train as a modulo test, not a table", () => {
    const {expression, sampled} = expectSameCurrent(
      pulses({amplitude: 20, start: 10, width: 3, period: 25, count: 3}),
      0.25,
      100
    );
    expect(sampled).toHaveLength(0);
    expect(expression).toContain("% 100 < 12");
  });
});
