/**
 * simulateNetwork: net.m's network (docs/science.md §1.2) run for a duration in one call, with its raster,
 * population rates and the drawn parameters.
 */
import {networkFromChecked, type Network} from "./createNetwork.js";
import {checkNeuronSteps, readNetworkOptions, type NetworkOptions, type PerPopulation} from "./options.js";
import {checkNumber} from "../validate.js";
import type {NeuronParameters} from "./wiring.js";

/** Options of {@link simulateNetwork}: the network's options and the duration. */
export interface SimulateNetworkOptions extends NetworkOptions {
  /** Simulated time (ms), a whole number of net.m's 1-ms steps; default 1000 (net.m's second). */
  duration?: number;
}

/** Per-population series, one value per 1-ms step. */
export interface PopulationSeries<T> {
  excitatory: T;
  inhibitory: T;
}

/** The result of {@link simulateNetwork}. */
export interface NetworkResult {
  /**
   * Every spike, in order of time, then neuron: neuron index (excitatory 0 … ne−1, then inhibitory) and time
   * (ms, net.m's label: the 1-based step at whose start v ≥ 30 was found, so 1 … duration).
   */
  spikes: {neuron: Int32Array; time: Float64Array};
  /** Spikes per 1-ms bin and population; bin m holds the spikes with time m + 1. */
  counts: PopulationSeries<Int32Array>;
  /** Population rate per 1-ms bin (Hz per neuron: count / population size / 1 ms); 0 for an empty population. */
  rate: PopulationSeries<Float64Array>;
  /** The drawn a, b, c, d (and r) of every neuron, so a neuron of the raster can be opened on its own. */
  parameters: NeuronParameters;
  seed: number;
  ne: number;
  ni: number;
  /** Targets per neuron, or 0 for all to all. */
  connections: number;
  duration: number;
  /** The scales the run used. */
  weights: PerPopulation;
  noise: PerPopulation;
  /** Mean rate over the run (Hz per neuron), all neurons and per population. */
  meanRate: {all: number; excitatory: number; inhibitory: number};
  /** The state at the end (mV; u in the paper's units). */
  v: Float64Array;
  u: Float64Array;
}

/**
 * Simulates the 2003 network (net.m) for `duration` ms. Absent options take net.m's values ({@link NETWORK_2003}):
 * `simulateNetwork({seed: 1})` is net.m's second with the seed's random numbers. The same options give the same
 * spikes in Node, a page and a worker. Bad input or a size beyond {@link NETWORK_LIMITS} throws naming the field.
 *
 * @example
 * const run = simulateNetwork({seed: 1, duration: 1000});
 * run.spikes.neuron, run.spikes.time; // the raster
 * run.rate.excitatory; // Hz per excitatory neuron, per ms
 */
export function simulateNetwork(options: SimulateNetworkOptions = {}): NetworkResult {
  const {checked, rest} = readNetworkOptions(options, ["duration"]);
  const raw = rest.get("duration");
  const duration = raw === undefined ? 1000 : checkNumber(raw, "duration", {min: 1, integer: true});
  checkNeuronSteps(duration, checked.ne + checked.ni, "duration");
  const network: Network = networkFromChecked(checked);
  const chunk = network.step(duration);
  const {excitatory, inhibitory} = chunk.counts;
  const perNeuron = (counts: Int32Array, size: number) =>
    Float64Array.from(counts, (count) => (size > 0 ? (1000 * count) / size : 0));
  const total = (counts: Int32Array) => counts.reduce((sum, x) => sum + x, 0);
  const spikesE = total(excitatory);
  const spikesI = total(inhibitory);
  const seconds = duration / 1000;
  return {
    spikes: chunk.spikes,
    counts: chunk.counts,
    rate: {excitatory: perNeuron(excitatory, network.ne), inhibitory: perNeuron(inhibitory, network.ni)},
    parameters: network.parameters,
    seed: network.seed,
    ne: network.ne,
    ni: network.ni,
    connections: network.connections,
    duration,
    weights: {...network.weights},
    noise: {...network.noise},
    meanRate: {
      all: (spikesE + spikesI) / network.n / seconds,
      excitatory: network.ne > 0 ? spikesE / network.ne / seconds : 0,
      inhibitory: network.ni > 0 ? spikesI / network.ni / seconds : 0
    },
    v: network.v.slice(),
    u: network.u.slice()
  };
}
