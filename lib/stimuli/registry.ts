/**
 * Every stimulus kind and its handler. Adding a kind: write its file (type, builder, handler; see kind.ts), add
 * its name to STIMULUS_KINDS and its handler to KINDS below, and its part type to the union in part.ts.
 * Optionally give it a case in evaluate.ts, the fast path that simulations call at every stage.
 */
import {CHIRP} from "./chirp.js";
import {DC} from "./dc.js";
import type {CompiledNode, PartBase, StimulusKind} from "./kind.js";
import {NOISE} from "./noise.js";
import {OVERLAY} from "./overlay.js";
import type {StimulusPart} from "./part.js";
import {PULSES} from "./pulses.js";
import {RAMP} from "./ramp.js";
import {SINE} from "./sine.js";
import {STEP} from "./step.js";
import {SUM} from "./sum.js";

/** The kinds of stimulus part. */
export const STIMULUS_KINDS = ["dc", "step", "ramp", "pulses", "sine", "chirp", "noise", "sum", "overlay"] as const;

/** The name of a kind of stimulus part. */
export type StimulusKindName = (typeof STIMULUS_KINDS)[number];

/** The handler of each kind. */
export const KINDS: {readonly [K in StimulusKindName]: StimulusKind<Extract<StimulusPart, {kind: K}>, CompiledNode>} = {
  dc: DC,
  step: STEP,
  ramp: RAMP,
  pulses: PULSES,
  sine: SINE,
  chirp: CHIRP,
  noise: NOISE,
  sum: SUM,
  overlay: OVERLAY
};

/** A handler of any kind, as the tree walkers see it. */
export type AnyKind = StimulusKind<PartBase, CompiledNode>;

// A Map, so that names such as "constructor" are not found on a prototype.
const BY_NAME: ReadonlyMap<string, AnyKind> = new Map(
  STIMULUS_KINDS.map((name) => [name, KINDS[name] as unknown as AnyKind])
);

/** The handler of a kind, or undefined for a name that is not a kind. */
export function findKind(name: unknown): AnyKind | undefined {
  return typeof name === "string" ? BY_NAME.get(name) : undefined;
}

/** The handler of a kind known to exist (a validated part or a compiled node). */
export function kindOf(name: string): AnyKind {
  return BY_NAME.get(name)!;
}
