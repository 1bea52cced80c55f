/** A growable record of (neuron, time) spikes in two typed columns, with a hard cap named in its error. */
import {NETWORK_LIMITS} from "./options.js";

export class NetworkSpikeLog {
  neuron: Int32Array;
  time: Float64Array;
  length = 0;

  /** `limit`: the most spikes it records (a test may lower it; the library uses NETWORK_LIMITS.spikes). */
  constructor(
    capacity = 1024,
    private readonly limit: number = NETWORK_LIMITS.spikes
  ) {
    capacity = Math.min(capacity, limit);
    this.neuron = new Int32Array(capacity);
    this.time = new Float64Array(capacity);
  }

  /** Appends a spike; grows by doubling; throws once {@link NETWORK_LIMITS}.spikes would be passed. */
  push(neuron: number, time: number): void {
    if (this.length === this.neuron.length) this.grow();
    this.neuron[this.length] = neuron;
    this.time[this.length] = time;
    this.length++;
  }

  private grow(): void {
    const limit = this.limit;
    if (this.length >= limit) {
      throw new RangeError(
        `spikes: the run recorded more than the limit of ${limit} spikes; simulate a shorter time or fewer neurons`
      );
    }
    const capacity = Math.min(limit, Math.max(1024, 2 * this.length));
    const neuron = new Int32Array(capacity);
    const time = new Float64Array(capacity);
    neuron.set(this.neuron.subarray(0, this.length));
    time.set(this.time.subarray(0, this.length));
    this.neuron = neuron;
    this.time = time;
  }

  /** The spikes as exactly sized arrays (copies, so they can be transferred to another thread). */
  columns(): {neuron: Int32Array; time: Float64Array} {
    return {neuron: this.neuron.slice(0, this.length), time: this.time.slice(0, this.length)};
  }
}
