/**
 * The 2003 network as a steppable object: net.m's loop (docs/science.md §1.2) run 1 ms at a time, in chunks
 * whose weight and noise scales may change between calls. simulateNetwork runs one for a fixed duration; a
 * live page runs one in a worker, a chunk per frame.
 *
 * Each 1-ms step k (0-based; net.m's t = k + 1), as net.m:
 * 1. fired = {i : v_i ≥ 30} (the state at the start of the step); record (neuron i, time k + 1); v ← c, u ← u + d;
 * 2. I = noise_scale · N(0, 1) + Σ_{j fired, in index order} S(:, j): only the fired neurons' synapses are read;
 * 3. v ← v + 0.5·(0.04v² + 5v + 140 − u + I), twice; then u ← u + a(bv − u) with the new v.
 * The arithmetic is net.m's, operation for operation, so given the same S and noise the spikes are the same.
 */
import {NetworkSpikeLog} from "./spikeLog.js";
import {fillNormals, noiseKey} from "./thalamicNoise.js";
import {
  checkNeuronSteps,
  NETWORK_V_PEAK,
  readNetworkOptions,
  type CheckedNetworkOptions,
  type NetworkOptions,
  type PerPopulation
} from "./options.js";
import {checkNumber, describe} from "../validate.js";
import {drawParameters, drawSynapses, scaleWeights, type NeuronParameters, type Synapses} from "./wiring.js";

/** What one call of {@link Network.step} produced. */
export interface NetworkChunk {
  /** Simulated time before and after the chunk (ms): the chunk ran steps from … to − 1 (0-based). */
  from: number;
  to: number;
  /**
   * The spikes recorded, in order of time, then neuron. time is net.m's label (ms): the 1-based index of the
   * step at whose start v ≥ 30 was found, i.e. the crossing happened during the step before.
   */
  spikes: {neuron: Int32Array; time: Float64Array};
  /** Spikes per 1-ms step of the chunk and population: entry m counts the spikes with time from + m + 1. */
  counts: {excitatory: Int32Array; inhibitory: Int32Array};
}

/** The scales that may change while a network runs (see {@link Network.set}). */
export interface NetworkChanges {
  /** Weight scales: each synapse is scale × its fixed U (from the seed), so the change rescales, not redraws. */
  weights?: Partial<PerPopulation>;
  /** Thalamic noise scales (the N(0, 1) draws stay the seed's). */
  noise?: Partial<PerPopulation>;
}

/**
 * A running network. Create it with {@link createNetwork}; call `step(ms)` repeatedly; `set` changes scales
 * between calls. All state is plain typed arrays: the object lives happily in a Web Worker, and each chunk's
 * arrays are fresh, so they can be transferred to the page.
 */
export interface Network {
  readonly seed: number;
  readonly ne: number;
  readonly ni: number;
  /** ne + ni. */
  readonly n: number;
  /** Targets per neuron, or 0 for all to all. */
  readonly connections: number;
  /** Each neuron's a, b, c, d and the r they were computed from (excitatory first): what the explorer needs. */
  readonly parameters: NeuronParameters;
  /** Simulated time so far (ms): the number of 1-ms steps run. */
  readonly time: number;
  /** Current weight and noise scales. */
  readonly weights: Readonly<PerPopulation>;
  readonly noise: Readonly<PerPopulation>;
  /** The state now (views into the network's arrays: read them, do not keep them across steps). */
  readonly v: Float64Array;
  readonly u: Float64Array;
  /** Runs `ms` 1-ms steps (an integer ≥ 1; default 1) and returns what they produced. */
  step(ms?: number): NetworkChunk;
  /** Changes weight or noise scales from the next step on. Bad values throw naming the field; nothing changes then. */
  set(changes: NetworkChanges): void;
}

/**
 * Builds net.m's network (or a variant) from `options` (absent fields: {@link NETWORK_2003}): draws every
 * neuron's parameters and the synapses from the seed, and sets v = v0, u = b·v0.
 *
 * Live use (a Web Worker): build on "start" or "restart" (a new seed, size, mix or connectivity is a new network);
 * while playing, run a chunk per frame (e.g. `step(20)`: 20 ms of net.m's 1000 neurons take a few ms) and post its
 * arrays as transferables; apply a slider's change with `set` between chunks (it takes effect from the next step
 * and costs one pass over the synapses for weights); "step" is one `step(1)`; pause is not calling it. The chunk
 * sequence is the same as one long run's whatever the chunk sizes (tested), so a paused and resumed run is the
 * run that was never paused.
 *
 * @example
 * const net = createNetwork({seed: 7});
 * const first = net.step(100); // 100 ms
 * net.set({noise: {excitatory: 3}});
 * const next = net.step(100); // spikes with time 101 … 200
 * net.parameters.c[first.spikes.neuron[0]]; // a spiking neuron's c, to open it in the explorer
 */
export function createNetwork(options: NetworkOptions = {}): Network {
  return new NetworkRun(readNetworkOptions(options).checked);
}

/** {@link createNetwork} for options already read by readNetworkOptions (simulateNetwork's path). */
export function networkFromChecked(options: CheckedNetworkOptions): Network {
  return new NetworkRun(options);
}

class NetworkRun implements Network {
  readonly seed: number;
  readonly ne: number;
  readonly ni: number;
  readonly n: number;
  readonly connections: number;
  readonly parameters: NeuronParameters;
  readonly v: Float64Array;
  readonly u: Float64Array;
  time = 0;
  weights: PerPopulation;
  noise: PerPopulation;
  private readonly synapses: Synapses;
  private readonly input: Float64Array; // the synaptic sum of the step (zeroed as it is used)
  private readonly normals: Float64Array;
  private readonly fired: Int32Array;

  constructor(o: CheckedNetworkOptions) {
    this.seed = o.seed;
    this.ne = o.ne;
    this.ni = o.ni;
    this.n = o.ne + o.ni;
    this.connections = o.connections;
    this.weights = o.weights;
    this.noise = o.noise;
    this.parameters = drawParameters(o);
    this.synapses = drawSynapses(o);
    this.v = new Float64Array(this.n).fill(o.v0);
    this.u = Float64Array.from(this.parameters.b, (b) => b * o.v0);
    this.input = new Float64Array(this.n);
    this.normals = new Float64Array(this.n);
    this.fired = new Int32Array(this.n);
  }

  step(ms: number = 1): NetworkChunk {
    checkNumber(ms, "ms", {min: 1, integer: true});
    checkNeuronSteps(ms, this.n, "ms");
    if (this.time + ms >= 4294967296) throw new RangeError(`ms: the network's clock stops at 2³² ms, now ${this.time}`);
    const from = this.time;
    const log = new NetworkSpikeLog(Math.min(1 << 20, Math.max(256, (ms * this.n) >> 4)));
    const excitatory = new Int32Array(ms);
    const inhibitory = new Int32Array(ms);
    for (let m = 0; m < ms; m++) {
      const fired = this.fire(log);
      let e = 0;
      for (let f = 0; f < fired; f++) if (this.fired[f]! < this.ne) e++;
      excitatory[m] = e;
      inhibitory[m] = fired - e;
      this.integrate(fired);
      this.time++;
    }
    return {from, to: this.time, spikes: log.columns(), counts: {excitatory, inhibitory}};
  }

  set(changes: NetworkChanges): void {
    if (typeof changes !== "object" || changes === null) {
      throw new TypeError(`changes: must be an object, got ${describe(changes)}`);
    }
    const next = (current: PerPopulation, value: unknown, name: string): PerPopulation => {
      if (value === undefined) return current;
      if (typeof value !== "object" || value === null) {
        throw new TypeError(`${name}: must be an object, got ${describe(value)}`);
      }
      const e = Object.hasOwn(value, "excitatory") ? (value as PerPopulation).excitatory : undefined;
      const i = Object.hasOwn(value, "inhibitory") ? (value as PerPopulation).inhibitory : undefined;
      return {
        excitatory: e === undefined ? current.excitatory : checkNumber(e, `${name}.excitatory`),
        inhibitory: i === undefined ? current.inhibitory : checkNumber(i, `${name}.inhibitory`)
      };
    };
    const weights = next(this.weights, Object.hasOwn(changes, "weights") ? changes.weights : undefined, "weights");
    const noise = next(this.noise, Object.hasOwn(changes, "noise") ? changes.noise : undefined, "noise");
    const which = {
      excitatory: !Object.is(weights.excitatory, this.weights.excitatory),
      inhibitory: !Object.is(weights.inhibitory, this.weights.inhibitory)
    };
    if (which.excitatory || which.inhibitory) scaleWeights(this.synapses, this.ne, weights, which);
    this.weights = weights;
    this.noise = noise;
  }

  /** Step part 1: finds, records and resets the neurons at or above 30 mV; returns how many (in this.fired). */
  private fire(log: NetworkSpikeLog): number {
    const {v, u, fired, n} = this;
    const {c, d} = this.parameters;
    const label = this.time + 1;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (v[i]! >= NETWORK_V_PEAK) {
        fired[count++] = i;
        log.push(i, label);
        v[i] = c[i]!;
        u[i] = u[i]! + d[i]!;
      }
    }
    return count;
  }

  /** Step parts 2 and 3: the synaptic sum over the fired neurons, the noise, and the two half steps of v, then u. */
  private integrate(count: number): void {
    const {input, normals, fired, n, ne} = this;
    const {perNeuron: k, targets, weights} = this.synapses;
    if (targets === null) addRows(input, weights, fired, count, n);
    else addTargets(input, weights, targets, fired, count, k);
    fillNormals(noiseKey(this.seed, this.time), normals, n);
    const {a, b} = this.parameters;
    halfSteps(this.v, this.u, a, b, input, normals, 0, ne, this.noise.excitatory);
    halfSteps(this.v, this.u, a, b, input, normals, ne, n, this.noise.inhibitory);
  }
}

// The hot loops, as small functions of typed arrays and numbers (V8 optimises them as a whole).

/**
 * All to all: adds each fired neuron's column of S (its row of `weights`) to every neuron's input, four rows per
 * pass over the input (the same additions in the same order as one row at a time, so the same sums to the bit,
 * with a quarter of the input's loads and stores).
 */
function addRows(input: Float64Array, weights: Float64Array, fired: Int32Array, count: number, n: number): void {
  let f = 0;
  for (; f + 4 <= count; f += 4) {
    const r0 = fired[f]! * n;
    const r1 = fired[f + 1]! * n;
    const r2 = fired[f + 2]! * n;
    const r3 = fired[f + 3]! * n;
    for (let i = 0; i < n; i = (i + 1) | 0)
      input[i] = input[i]! + weights[r0 + i]! + weights[r1 + i]! + weights[r2 + i]! + weights[r3 + i]!;
  }
  for (; f < count; f++) {
    const row = fired[f]! * n;
    for (let i = 0; i < n; i = (i + 1) | 0) input[i] = input[i]! + weights[row + i]!;
  }
}

/** k targets per neuron: adds each fired neuron's weights to its targets' inputs. */
function addTargets(
  input: Float64Array,
  weights: Float64Array,
  targets: Int32Array,
  fired: Int32Array,
  count: number,
  k: number
): void {
  for (let f = 0; f < count; f++) {
    const row = fired[f]! * k;
    for (let s = row; s < row + k; s = (s + 1) | 0) {
      const i = targets[s]!;
      input[i] = input[i]! + weights[s]!;
    }
  }
}

/** Neurons from … to − 1: I = scale·normal + synaptic input; v in two half steps, u from the new v; input zeroed. */
function halfSteps(
  v: Float64Array,
  u: Float64Array,
  a: Float64Array,
  b: Float64Array,
  input: Float64Array,
  normals: Float64Array,
  from: number,
  to: number,
  scale: number
): void {
  for (let i = from; i < to; i = (i + 1) | 0) {
    const I = scale * normals[i]! + input[i]!;
    let vi = v[i]!;
    const ui = u[i]!;
    vi = vi + 0.5 * (0.04 * (vi * vi) + 5 * vi + 140 - ui + I);
    vi = vi + 0.5 * (0.04 * (vi * vi) + 5 * vi + 140 - ui + I);
    v[i] = vi;
    u[i] = ui + a[i]! * (b[i]! * vi - ui);
    input[i] = 0;
  }
}
