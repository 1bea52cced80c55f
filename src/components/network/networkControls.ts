/**
 * The network page's controls (Observable Inputs, each keyboard-operable): the network's make-up (excitatory
 * share, size, connectivity, seed), which restarts it, and the weight and noise scales, which change it while it
 * runs. Each control is its own element so the page can put a sentence before it.
 */
import * as Inputs from "@observablehq/inputs";
import {NETWORK_2003, NETWORK_LIMITS} from "../../lib/network/options.js";
import type {NetworkOptions, PerPopulation} from "../../lib/index.js";

type Form = HTMLFormElement & {value: unknown};

/** The page's settings: what builds a network and the scales that change while it runs. */
export interface NetworkSettings {
  size: number;
  /** Share of excitatory neurons (0–1); ne = round(share · size). */
  share: number;
  sparse: boolean;
  /** Targets per neuron when sparse. */
  targets: number;
  seed: number;
  weights: PerPopulation;
  noise: PerPopulation;
}

/** net.m's network: 1000 neurons, 80 % excitatory, all to all, net.m's scales. */
export const DEFAULT_SETTINGS: Readonly<NetworkSettings> = Object.freeze({
  size: NETWORK_2003.ne + NETWORK_2003.ni,
  share: NETWORK_2003.ne / (NETWORK_2003.ne + NETWORK_2003.ni),
  sparse: false,
  targets: 100,
  seed: NETWORK_2003.seed,
  weights: {...NETWORK_2003.weights},
  noise: {...NETWORK_2003.noise}
});

/** The largest all-to-all network within the library's synapse limit (N² synapses). */
export const ALL_TO_ALL_MAX = Math.floor(Math.sqrt(NETWORK_LIMITS.synapses));

/** The network's options for these settings. */
export function networkOptions(s: NetworkSettings): NetworkOptions {
  const ne = Math.round(s.share * s.size);
  return {
    seed: s.seed,
    ne,
    ni: s.size - ne,
    connections: s.sparse ? Math.min(s.targets, s.size) : undefined,
    weights: {...s.weights},
    noise: {...s.noise}
  };
}

/** Why these settings cannot be built (for the status line), or null. */
export function settingsProblem(s: NetworkSettings): string | null {
  if (!s.sparse && s.size > ALL_TO_ALL_MAX) {
    return (
      `All to all, ${s.size.toLocaleString("en")} neurons would need ${(s.size * s.size).toLocaleString("en")} ` +
      `synapses; the page allows ${NETWORK_LIMITS.synapses.toLocaleString("en")} (up to ` +
      `${ALL_TO_ALL_MAX.toLocaleString("en")} neurons all to all). Choose sparse connections for a larger network.`
    );
  }
  return null;
}

function range(extent: [number, number], label: string, value: number, step: number): Form {
  const form = Inputs.range(extent, {label, value, step}) as Form;
  form.querySelector("input[type=range]")?.setAttribute("aria-label", label);
  form.classList.add("network-range");
  return form;
}

/** The controls, each an element whose `value` is its setting, firing "input" when it changes. */
export function networkControls(initial: NetworkSettings = DEFAULT_SETTINGS) {
  const controls = {
    share: range([0, 1], "excitatory share", initial.share, 0.05),
    size: range([100, 10_000], "neurons N", initial.size, 100),
    connectivity: Inputs.radio(["all to all", "sparse"], {
      label: "connections",
      value: initial.sparse ? "sparse" : "all to all"
    }) as Form,
    targets: range([10, 1000], "targets per neuron k", initial.targets, 10),
    seed: Inputs.number({label: "seed", value: initial.seed, step: 1}) as Form,
    weightE: range([0, 5], "excitatory weight scale", initial.weights.excitatory, 0.05),
    weightI: range([-10, 0], "inhibitory weight scale", initial.weights.inhibitory, 0.05),
    noiseE: range([0, 15], "excitatory noise scale", initial.noise.excitatory, 0.1),
    noiseI: range([0, 15], "inhibitory noise scale", initial.noise.inhibitory, 0.1)
  };
  const read = (): NetworkSettings => ({
    share: Number(controls.share.value),
    size: Math.round(Number(controls.size.value)),
    sparse: controls.connectivity.value === "sparse",
    targets: Math.round(Number(controls.targets.value)),
    seed: Number.isSafeInteger(Number(controls.seed.value)) ? Number(controls.seed.value) : initial.seed,
    weights: {excitatory: Number(controls.weightE.value), inhibitory: Number(controls.weightI.value)},
    noise: {excitatory: Number(controls.noiseE.value), inhibitory: Number(controls.noiseI.value)}
  });
  return {controls, read};
}

/** Which controls rebuild the network, and which only rescale it while it runs. */
export const RESTARTING = ["share", "size", "connectivity", "targets", "seed"] as const;
export const RESCALING = ["weightE", "weightI", "noiseE", "noiseI"] as const;
