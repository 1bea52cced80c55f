/**
 * The random parts of a network that are fixed for a run: each neuron's parameters and the synapses. Every
 * number is a pure function of the seed through the library's counter-based generator (lib/random.ts), so the
 * same seed gives the same network in Node, a page and a worker; bench/network.c draws the same numbers.
 *
 * Draws (seed, counter, draw): neuron i's r is uniform(seed, i, 0); all to all, the synapse from j to i has
 * U = uniform(seed, j, 1 + i); with k targets, synapse s of neuron j has U = uniform(seed, j, 1 + s) and its
 * target comes from hash32(seed, j, 1 + s) (a partial Fisher–Yates shuffle of all neurons).
 */
import {hash32, uniform} from "../random.js";
import {uniformRow} from "./counterHash.js";
import type {CheckedNetworkOptions, ParameterRule, PerPopulation} from "./options.js";

/** The parameters a, b, c, d, one per neuron (excitatory first), as drawn by the rules. */
export interface NeuronParameters {
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  d: Float64Array;
  /** The r ~ U(0, 1) each neuron's parameters were computed from. */
  r: Float64Array;
}

function apply(rule: ParameterRule, r: number): number {
  const x = rule.power === 1 ? r : rule.power === 2 ? r * r : r ** rule.power;
  return rule.base + rule.spread * x;
}

/** Draws every neuron's r and computes a, b, c, d from its population's rules. */
export function drawParameters(o: CheckedNetworkOptions): NeuronParameters {
  const n = o.ne + o.ni;
  const p: NeuronParameters = {
    a: new Float64Array(n),
    b: new Float64Array(n),
    c: new Float64Array(n),
    d: new Float64Array(n),
    r: new Float64Array(n)
  };
  for (let i = 0; i < n; i++) {
    const rules = i < o.ne ? o.excitatory : o.inhibitory;
    const r = uniform(o.seed, i, 0);
    p.r[i] = r;
    p.a[i] = apply(rules.a, r);
    p.b[i] = apply(rules.b, r);
    p.c[i] = apply(rules.c, r);
    p.d[i] = apply(rules.d, r);
  }
  return p;
}

/**
 * The synapses, by presynaptic neuron: neuron j's synapses are entries j·k … j·k + k − 1 (k = `perNeuron`).
 * All to all (`targets` null), entry j·n + i is the synapse from j to i: net.m's S(i, j), stored by column.
 */
export interface Synapses {
  perNeuron: number;
  /** Target of each synapse, or null for all to all (target = position within the presynaptic neuron's row). */
  targets: Int32Array | null;
  /** U ~ U(0, 1) of each synapse, kept so a change of scale rescales without drawing again. */
  units: Float64Array;
  /** Weight of each synapse: the presynaptic population's scale × U. */
  weights: Float64Array;
}

/** Draws the connectivity and weights. */
export function drawSynapses(o: CheckedNetworkOptions): Synapses {
  const n = o.ne + o.ni;
  const perNeuron = o.connections || n;
  const targets = o.connections ? drawTargets(o.seed, n, perNeuron) : null;
  const units = new Float64Array(n * perNeuron);
  for (let j = 0; j < n; j++) uniformRow(o.seed, j, 1, perNeuron, 1, units, j * perNeuron);
  const synapses: Synapses = {perNeuron, targets, units, weights: new Float64Array(n * perNeuron)};
  scaleWeights(synapses, o.ne, o.weights, {excitatory: true, inhibitory: true});
  return synapses;
}

/**
 * (Re)computes the weights of the presynaptic populations flagged in `which` as scale × U, from the kept draws:
 * changing a scale mid-run changes every weight of that population by the same factor, exactly as if the
 * network had been built with it.
 */
export function scaleWeights(
  synapses: Synapses,
  ne: number,
  scales: PerPopulation,
  which: {excitatory: boolean; inhibitory: boolean}
): void {
  const {perNeuron: k, units, weights} = synapses;
  const n = weights.length / k;
  for (let j = 0; j < n; j++) {
    const excitatory = j < ne;
    if (excitatory ? !which.excitatory : !which.inhibitory) continue;
    const scale = excitatory ? scales.excitatory : scales.inhibitory;
    for (let s = j * k; s < (j + 1) * k; s++) weights[s] = scale * units[s]!;
  }
}

/** k distinct targets per neuron among n: the first k positions of a Fisher–Yates shuffle, undone after each. */
function drawTargets(seed: number, n: number, k: number): Int32Array {
  const targets = new Int32Array(n * k);
  const order = Int32Array.from({length: n}, (_, i) => i);
  const picks = new Int32Array(k);
  for (let j = 0; j < n; j++) {
    for (let s = 0; s < k; s++) {
      // A uniform position in [s, n): multiply-shift of a 32-bit word (bias below n/2³², far beneath notice).
      const pick = s + Math.floor((hash32(seed, j, 1 + s) * (n - s)) / 4294967296);
      picks[s] = pick;
      const t = order[pick]!;
      order[pick] = order[s]!;
      order[s] = t;
      targets[j * k + s] = t;
    }
    // Undo the swaps in reverse, so the next neuron shuffles the identity again: O(k) per neuron, not O(n).
    for (let s = k - 1; s >= 0; s--) {
      const pick = picks[s]!;
      const t = order[pick]!;
      order[pick] = order[s]!;
      order[s] = t;
    }
  }
  return targets;
}
