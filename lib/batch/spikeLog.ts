/**
 * A growable log of spikes in the order they happen, as (neuron, step) pairs: the batch kernels' only output
 * besides the final state (the spike time is step·dt).
 */
export class SpikeLog {
  neuron = new Int32Array(1024);
  step = new Int32Array(1024);
  length = 0;

  /** Makes room for `extra` more spikes (doubling, so appending stays amortised O(1)). */
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.neuron.length) return;
    let size = this.neuron.length * 2;
    while (size < needed) size *= 2;
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
