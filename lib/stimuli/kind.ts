/**
 * What a stimulus kind provides: one handler object per kind (dc.ts, step.ts, …), listed in registry.ts. Kind
 * files import only this file and the shared helpers, never part.ts or the registry, so there are no import cycles.
 */
import type {FillMode} from "./sampling.js";

/** Any stimulus part: what a kind handler sees of the parts nested in groups. */
export interface PartBase {
  kind: string;
}

/** A node of a compiled stimulus; each kind adds the fields its sampling needs. */
export interface CompiledNode {
  readonly kind: string;
}

/** The current of a node at t (ms), or NaN where the node is inactive; side as in `CompiledStimulus.value`. */
export type Evaluate = (n: CompiledNode, t: number, side: number) => number;

/** State of one validation pass over a tree. */
export interface CheckContext {
  /** Checks a nested part (a group's child) at `path`, `depth` groups down. */
  checkPart(part: unknown, path: string, depth: number): void;
  /** Noise samples that windows (or the horizon) make certain to be needed, summed over the tree. */
  samples: number;
  /** The last time (ms) the caller will ask for; ∞ if unknown. */
  horizon: number;
}

/** Noise samples held by all noise parts of one compiled stimulus (against NOISE_SAMPLE_BUDGET). */
export interface SampleStore {
  samples: number;
}

/** What compiling a part may need. */
export interface BuildContext {
  /** Compiles a nested part at `path`. */
  build(part: PartBase, path: string): CompiledNode;
  store: SampleStore;
}

/** What collecting breakpoints may need. */
export interface BreakpointContext {
  /** Pushes the breakpoints of a nested node in (t0, t1). */
  collect(n: CompiledNode, t0: number, t1: number, out: number[]): void;
  evaluate: Evaluate;
}

/** What labelling a part may need. */
export interface LabelContext {
  /** The label of a nested part. */
  label(part: PartBase): string;
  /** The label of a part inside a sum: parenthesised when it has its own window or parts. */
  nested(part: PartBase): string;
}

/**
 * One kind of stimulus part: its keys, validation, compilation, sampling, breakpoints and label. Methods (not
 * function-valued fields) so that a handler of one kind fits the registry's general type.
 */
export interface StimulusKind<P extends PartBase, N extends CompiledNode> {
  /** The keys a part of this kind may have, "kind" included. */
  readonly keys: readonly string[];
  /** Checks the kind's fields (the kind and the keys are already checked); throws naming the field. */
  check(part: Record<string, unknown>, path: string, ctx: CheckContext, depth: number): void;
  /** Compiles a validated part. */
  build(part: P, path: string, ctx: BuildContext): N;
  /** The current at t, NaN where inactive. Hot: simulations call it at every stage. */
  value(n: N, t: number, side: number, evaluate: Evaluate): number;
  /** Leaves: writes (mode OVER) or adds (mode ADD) value(t0 + k·dt) into buf[k] for k < count, where active. */
  fill?(n: N, buf: Float64Array, t0: number, dt: number, count: number, mode: FillMode): void;
  /** Groups: how their parts are merged by a block fill (ADD for a sum, OVER for an overlay). */
  readonly partMode?: FillMode;
  /** Pushes the times in (t0, t1) where the current or its slope may jump, unsorted and possibly repeated. */
  breakpoints(n: N, t0: number, t1: number, out: number[], ctx: BreakpointContext): void;
  /** Generates what later queries up to `horizon` (ms) need (noise samples). Optional. */
  precompute?(n: N, horizon: number): void;
  /** A short human description with units. */
  label(part: P, ctx: LabelContext): string;
  /** Whether the part is constant between its breakpoints. */
  piecewiseConstant(part: P, isPiecewiseConstant: (part: PartBase) => boolean): boolean;
}
