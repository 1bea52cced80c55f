/**
 * A neuron of the network opened on its own in the explorer: its a, b, c, d, started at net.m's v = −65 mV,
 * u = b·v, and driven by a DC current instead of the network's synapses and thalamic noise.
 */
import {CLASSES} from "../../lib/presets/classes2003.js";
import {presetState, serializeState} from "../../state/urlState.js";

/** Each neuron's parameters (the network's, excitatory neurons first). */
export interface NeuronTable {
  ne: number;
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  c: ArrayLike<number>;
  d: ArrayLike<number>;
  r: ArrayLike<number>;
}

/** The DC current the explorer drives the lone neuron with (the paper's units, mV/ms). */
export const EXPLORER_DC = 10;

/** Neuron i's population and parameters. */
export function neuronParameters(table: NeuronTable, i: number) {
  return {
    population: i < table.ne ? ("excitatory" as const) : ("inhibitory" as const),
    a: table.a[i]!,
    b: table.b[i]!,
    c: table.c[i]!,
    d: table.d[i]!
  };
}

/**
 * The class at the nearer end of the neuron's population range (net.m: excitatory r = 0 is RS, r = 1 CH;
 * inhibitory r = 0 is LTS, r = 1 FS): the explorer's class menu shows it, the neuron's own a, b, c, d replace its.
 */
export function nearestClass(table: NeuronTable, i: number): "RS" | "CH" | "LTS" | "FS" {
  const high = table.r[i]! >= 0.5;
  return i < table.ne ? (high ? "CH" : "RS") : high ? "FS" : "LTS";
}

/** The explorer's address (relative to the network page) for neuron i, with the neuron's own a, b, c, d. */
export function neuronHref(table: NeuronTable, i: number, base = "../"): string {
  const {a, b, c, d} = neuronParameters(table, i);
  const preset = presetState(nearestClass(table, i), CLASSES);
  const v0 = -65;
  return `${base}${serializeState({
    ...preset,
    a,
    b,
    c,
    d,
    v0,
    u0: b * v0,
    protocol: false,
    dc: true,
    dcI: EXPLORER_DC
  })}`;
}
