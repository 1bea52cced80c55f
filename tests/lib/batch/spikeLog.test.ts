// The batch's spike log stops at BATCH_SPIKE_BUDGET spikes with an error that names the limit and what to change,
// rather than growing until memory runs out (a batch of 600 neurons firing every step reaches it in about 5 s).
import {describe, expect, it} from "vitest";
import {BATCH_SPIKE_BUDGET} from "../../../lib/index.js";
import {SpikeLog} from "../../../lib/batch/spikeLog.js";

const message =
  /^simulateBatch: the neurons fired more than 4096 spikes in all, the limit per batch \(memory\); lower maxSpikes, or run fewer neurons or a shorter duration per batch$/;

describe("SpikeLog", () => {
  it(`holds at most BATCH_SPIKE_BUDGET = ${BATCH_SPIKE_BUDGET} spikes by default`, () => {
    expect(BATCH_SPIKE_BUDGET).toBe(2 ** 24);
    expect(new SpikeLog().budget).toBe(BATCH_SPIKE_BUDGET);
  });

  it("push (the TypeScript kernel) throws past the budget, keeping every spike up to it", () => {
    const log = new SpikeLog(4096);
    for (let s = 0; s < 4096; s++) log.push(s % 7, s);
    expect(log.length).toBe(4096);
    expect(log.step[4095]).toBe(4095);
    expect(() => log.push(0, 4096)).toThrow(message);
  });

  it("reserve (the WebAssembly kernel's drain) throws past the budget, and never allocates beyond it", () => {
    const log = new SpikeLog(4096);
    log.reserve(3000);
    expect(log.neuron.length).toBe(4096);
    expect(() => log.reserve(5000)).toThrow(message);
  });
});
