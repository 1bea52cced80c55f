/**
 * The options of the 2003 network (net.m, docs/science.md §1.2): their names, net.m's values
 * ({@link NETWORK_2003}), the size limits, and the one reader that checks them. Every error names the field.
 */
import {checkNumber, describe} from "../validate.js";

/**
 * One parameter drawn per neuron as `base + spread·r^power`, with r ~ U(0, 1) drawn once per neuron (the same r
 * for a, b, c and d of that neuron, as net.m's `re` and `ri`). power 2 is computed as r·r, as MATLAB's `r.^2`.
 */
export interface ParameterRule {
  base: number;
  spread: number;
  power: number;
}

/** The rules for a, b, c, d of one population. */
export interface PopulationRules {
  a: ParameterRule;
  b: ParameterRule;
  c: ParameterRule;
  d: ParameterRule;
}

/** A value per population: excitatory (neurons 0 … ne−1) and inhibitory (neurons ne … ne+ni−1). */
export interface PerPopulation {
  excitatory: number;
  inhibitory: number;
}

/**
 * Options of {@link createNetwork} and `simulateNetwork`. Every field is optional; absent fields take net.m's
 * values ({@link NETWORK_2003}). Units: t in ms, v in mV, currents in the paper's units (mV/ms). The step is
 * net.m's, 1 ms (v in two half steps, then u from the new v), and is not an option.
 */
export interface NetworkOptions {
  /** Seed of every random draw (parameters, connections, weights, noise): a safe integer; default 0. */
  seed?: number;
  /** Excitatory neurons (the first ne indices); default 800. */
  ne?: number;
  /** Inhibitory neurons (the last ni indices); default 200. */
  ni?: number;
  /**
   * Absent (or undefined): all to all, self included, as net.m. A number k ≥ 1: each neuron projects to k
   * distinct targets drawn uniformly among all ne + ni neurons (self possible). Each neuron then receives k
   * inputs on average instead of ne + ni, so to keep net.m's mean input scale the weights by (ne + ni)/k.
   */
  connections?: number;
  /**
   * Weight scales: a synapse from an excitatory neuron has weight excitatory·U, from an inhibitory one
   * inhibitory·U, U ~ U(0, 1) per synapse. net.m: 0.5 and −1. A spike adds its weights to its targets' input
   * of the next 1-ms step.
   */
  weights?: PerPopulation;
  /** Thalamic input: scale·N(0, 1) per neuron, redrawn every ms. net.m: 5 (excitatory) and 2 (inhibitory). */
  noise?: PerPopulation;
  /** Parameter rules of the excitatory neurons; net.m: a .02, b .2, c −65 + 15r², d 8 − 6r². */
  excitatory?: PopulationRules;
  /** Parameter rules of the inhibitory neurons; net.m: a .02 + .08r, b .25 − .05r, c −65, d 2. */
  inhibitory?: PopulationRules;
  /** Initial membrane potential of every neuron (mV, below 30); net.m: −65. u starts at b·v0. */
  v0?: number;
}

const rule = (base: number, spread = 0, power = 1): ParameterRule => Object.freeze({base, spread, power});

/** net.m (Izhikevich 2003) as options: the network of the paper's Fig. 3 (docs/science.md §1.2). */
export const NETWORK_2003 = Object.freeze({
  seed: 0,
  ne: 800,
  ni: 200,
  weights: Object.freeze({excitatory: 0.5, inhibitory: -1}),
  noise: Object.freeze({excitatory: 5, inhibitory: 2}),
  excitatory: Object.freeze({a: rule(0.02), b: rule(0.2), c: rule(-65, 15, 2), d: rule(8, -6, 2)}),
  inhibitory: Object.freeze({a: rule(0.02, 0.08), b: rule(0.25, -0.05), c: rule(-65), d: rule(2)}),
  v0: -65
});

/**
 * Size limits, each named in the error that enforces it: neurons (ne + ni), synapses (neurons × targets per
 * neuron: 20 bytes each, for the weight, its draw and its target), neuron-steps of one simulateNetwork run or one step() call
 * (neurons × ms), and the spikes one run or call may record (12 bytes each).
 */
export const NETWORK_LIMITS = Object.freeze({
  neurons: 100_000,
  synapses: 8_000_000,
  neuronSteps: 2_000_000_000,
  spikes: 20_000_000
});

/** The spike apex / cut-off (mV): net.m's `v>=30`. */
export const NETWORK_V_PEAK = 30;

/** The options read and checked once, with defaults filled in. */
export interface CheckedNetworkOptions {
  seed: number;
  ne: number;
  ni: number;
  /** Targets per neuron, or 0 for all to all. */
  connections: number;
  weights: PerPopulation;
  noise: PerPopulation;
  excitatory: PopulationRules;
  inhibitory: PopulationRules;
  v0: number;
}

const KEYS = ["seed", "ne", "ni", "connections", "weights", "noise", "excitatory", "inhibitory", "v0"];

/** Reads each own property of `options` once (inherited ones are ignored); throws on unknown keys. */
function ownFields(options: unknown, field: string, allowed: readonly string[]): Map<string, unknown> {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`${field}: must be an object, got ${describe(options)}`);
  }
  const fields = new Map<string, unknown>();
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new RangeError(`${field}: unknown key ${describe(key)}; allowed: ${allowed.join(", ")}`);
    }
    if (Object.hasOwn(options, key)) fields.set(key, (options as Record<string, unknown>)[key]);
  }
  return fields;
}

/** The value of `key`, or `fallback` when it is absent or undefined. */
function field<T>(fields: Map<string, unknown>, key: string, fallback: T): unknown {
  const value = fields.get(key);
  return value === undefined ? fallback : value;
}

function checkPerPopulation(value: unknown, name: string, fallback: PerPopulation): PerPopulation {
  const fields = ownFields(value, name, ["excitatory", "inhibitory"]);
  return {
    excitatory: checkNumber(field(fields, "excitatory", fallback.excitatory), `${name}.excitatory`),
    inhibitory: checkNumber(field(fields, "inhibitory", fallback.inhibitory), `${name}.inhibitory`)
  };
}

function checkRule(value: unknown, name: string, fallback: ParameterRule): ParameterRule {
  const fields = ownFields(value, name, ["base", "spread", "power"]);
  return {
    base: checkNumber(field(fields, "base", fallback.base), `${name}.base`),
    spread: checkNumber(field(fields, "spread", fallback.spread), `${name}.spread`),
    power: checkNumber(field(fields, "power", fallback.power), `${name}.power`, {min: 0, minExclusive: true, max: 16})
  };
}

function checkRules(value: unknown, name: string, fallback: PopulationRules): PopulationRules {
  const fields = ownFields(value, name, ["a", "b", "c", "d"]);
  const rules = {} as PopulationRules;
  for (const p of ["a", "b", "c", "d"] as const)
    rules[p] = checkRule(field(fields, p, fallback[p]), `${name}.${p}`, fallback[p]);
  return rules;
}

/**
 * Checks the network's options against their ranges and {@link NETWORK_LIMITS}, reading each own property
 * once. `extra` names further keys the caller reads itself (e.g. "duration"); their values are returned in `rest`.
 */
export function readNetworkOptions(
  options: unknown,
  extra: readonly string[] = []
): {checked: CheckedNetworkOptions; rest: Map<string, unknown>} {
  const fields = ownFields(options ?? {}, "options", [...KEYS, ...extra]);
  const d = NETWORK_2003;
  const seed = field(fields, "seed", d.seed);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed: must be a safe integer, got ${describe(seed)}`);
  const ne = checkNumber(field(fields, "ne", d.ne), "ne", {min: 0, integer: true});
  const ni = checkNumber(field(fields, "ni", d.ni), "ni", {min: 0, integer: true});
  const n = ne + ni;
  if (n < 1) throw new RangeError(`ne, ni: the network needs at least one neuron, got ne = ${ne} and ni = ${ni}`);
  if (n > NETWORK_LIMITS.neurons) {
    throw new RangeError(`ne + ni: ${n} neurons is above the limit of ${NETWORK_LIMITS.neurons} neurons`);
  }
  const k = fields.get("connections");
  const connections = k === undefined ? 0 : checkNumber(k, "connections", {min: 1, max: n, integer: true});
  const synapses = n * (connections || n);
  if (synapses > NETWORK_LIMITS.synapses) {
    throw new RangeError(
      `connections: ${n} neurons × ${connections || n} targets = ${synapses} synapses is above the limit of ` +
        `${NETWORK_LIMITS.synapses} synapses; ${connections ? "use fewer targets" : "set connections (k targets per neuron)"} or fewer neurons`
    );
  }
  const v0 = checkNumber(field(fields, "v0", d.v0), "v0", {max: NETWORK_V_PEAK, maxExclusive: true});
  const checked: CheckedNetworkOptions = {
    seed: seed as number,
    ne,
    ni,
    connections,
    weights: checkPerPopulation(field(fields, "weights", d.weights), "weights", d.weights),
    noise: checkPerPopulation(field(fields, "noise", d.noise), "noise", d.noise),
    excitatory: checkRules(field(fields, "excitatory", d.excitatory), "excitatory", d.excitatory),
    inhibitory: checkRules(field(fields, "inhibitory", d.inhibitory), "inhibitory", d.inhibitory),
    v0
  };
  const rest = new Map<string, unknown>();
  for (const key of extra) if (fields.has(key)) rest.set(key, fields.get(key));
  return {checked, rest};
}

/** Checks that `ms` steps of `n` neurons stay within the neuron-step limit; `name` is the field (duration, ms). */
export function checkNeuronSteps(ms: number, n: number, name: string): void {
  if (ms * n > NETWORK_LIMITS.neuronSteps) {
    throw new RangeError(
      `${name}: ${ms} ms × ${n} neurons = ${ms * n} neuron-steps is above the limit of ${NETWORK_LIMITS.neuronSteps}; ` +
        "run it in shorter pieces (createNetwork, step) or with fewer neurons"
    );
  }
}
