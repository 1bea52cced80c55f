/**
 * A growable log of spikes in the order they happen, as (neuron, step) pairs: the batch kernels' only output
 * besides the final state (the spike time is step·dt).
 */

/**
 * The most spikes one batch may record, all neurons together: 2²⁴, i.e. 128 MB of log and 128 MB of spike times.
 * The site's largest batch (the atlas's 64 × 64 build-time map, at most 2000 spikes per neuron) stays below 8.2
 * million; a batch that would go past it stops with an error rather than exhaust memory.
 */
export const BATCH_SPIKE_BUDGET = 2 ** 24;

/** The log: neuron[s] fired at the end of step step[s], for s < length. */
export class SpikeLog {
  neuron = new Int32Array(1024);
  step = new Int32Array(1024);
  length = 0;

  /** @param budget - the most spikes the log may hold (a smaller one only in tests) */
  constructor(readonly budget = BATCH_SPIKE_BUDGET) {}

  /** Makes room for `extra` more spikes (doubling, so appending stays amortised O(1)); throws past the budget. */
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.neuron.length) return;
    if (needed > this.budget) {
      throw new RangeError(
        `simulateBatch: the neurons fired more than ${this.budget} spikes in all, the limit per batch (memory); ` +
          "lower maxSpikes, or run fewer neurons or a shorter duration per batch"
      );
    }
    let size = this.neuron.length * 2;
    while (size < needed) size *= 2;
    size = Math.min(size, this.budget);
    const neuron = new Int32Array(size);
    const step = new Int32Array(size);
    neuron.set(this.neuron.subarray(0, this.length));
    step.set(this.step.subarray(0, this.length));
    this.neuron = neuron;
    this.step = step;
  }

  push(neuron: number, step: number): void {
    if (this.length === this.neuron.length) this.reserve(1);
    this.neuron[this.length] = neuron;
    this.step[this.length++] = step;
  }
}
