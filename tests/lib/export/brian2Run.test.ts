/**
 * The exported Brian2 scripts run with Brian2 (numpy code generation): with method "euler" they fire in the same
 * steps as the library, and Brian2 stamps each spike at the start of its step, so its times are ours minus dt.
 */
import {beforeAll, describe, expect, it} from "vitest";
import {
  CELLS_2007,
  CLASSES,
  exportCode,
  noise,
  pulses,
  simulate,
  simulate2007,
  sine,
  step,
  sum,
  type SimulateOptions,
  type Simulate2007Options
} from "../../../lib/index.js";
import {requireBrian2, spikeTimesOf} from "./runPython.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};

/** Brian2's spike times against the library's: the same count, each ours − dt within dt/2. */
async function expectSameSpikes(
  options: SimulateOptions | Simulate2007Options,
  librarySpikes: Float64Array,
  dt: number
) {
  const brian2 = await spikeTimesOf(exportCode(options, "brian2"));
  expect(librarySpikes.length).toBeGreaterThan(2);
  expect(brian2.length).toBe(librarySpikes.length);
  brian2.forEach((t, i) => expect(Math.abs(t - (librarySpikes[i] - dt))).toBeLessThanOrEqual(dt / 2));
}

const CASES_2003: [string, SimulateOptions][] = [
  ["the RS class preset (figure1.m's overlay of a step on dc)", {...CLASSES.RS, method: "euler"}],
  [
    "a pulse train",
    {
      params: RS,
      current: sum(step(4, 0), pulses({amplitude: 20, start: 10, width: 3, period: 25, count: 8})),
      duration: 250,
      method: "euler"
    }
  ],
  [
    "a sine",
    {params: RS, current: sine({amplitude: 6, frequency: 8, offset: 6, start: 20}), duration: 300, method: "euler"}
  ],
  [
    "seeded noise (sampled at 0.1 ms on a 2⁻⁵ ms grid)",
    {params: RS, current: noise({mean: 7, sigma: 4, tau: 5, seed: 11, dt: 0.1}), duration: 300, method: "euler"}
  ]
];

const CASES_2007: [string, Simulate2007Options][] = [
  ["the RS cell of 2007 at 100 pA", {...CELLS_2007.RS2007, current: step(100, 0), duration: 300, method: "euler"}],
  [
    "the LTS cell of 2007 at 300 pA (moving cut-off and reset, capped u)",
    {...CELLS_2007.LTS2007, current: step(300, 0), duration: 300, method: "euler"}
  ]
];

describe('exportCode(options, "brian2") run with Brian2', () => {
  beforeAll(requireBrian2, 120_000);

  for (const [name, options] of CASES_2003) {
    it(`reproduces the library's euler spikes for ${name}`, async () => {
      const trace = simulate(options);
      await expectSameSpikes(options, trace.spikes, trace.dt);
    }, 300_000);
  }

  for (const [name, options] of CASES_2007) {
    it(`reproduces the library's euler spikes for ${name}`, async () => {
      const trace = simulate2007(options);
      await expectSameSpikes(options, trace.spikes, trace.dt);
    }, 300_000);
  }
});
