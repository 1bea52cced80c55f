/** The 2003 network (net.m): options, the steppable network, the one-call run and the rate's spectrum. */
export {
  NETWORK_2003,
  NETWORK_LIMITS,
  NETWORK_V_PEAK,
  type NetworkOptions,
  type ParameterRule,
  type PerPopulation,
  type PopulationRules
} from "./options.js";
export {createNetwork, type Network, type NetworkChanges, type NetworkChunk} from "./createNetwork.js";
export {
  simulateNetwork,
  type NetworkResult,
  type PopulationSeries,
  type SimulateNetworkOptions
} from "./simulateNetwork.js";
export type {NeuronParameters} from "./wiring.js";
export {populationSpectrum, spectrumPeak, type Spectrum, type SpectrumOptions} from "./populationSpectrum.js";
