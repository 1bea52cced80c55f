/**
 * The stimulus tree: a `Stimulus` is a number (a constant current) or a part; sum and overlay nest parts. The two
 * group types live here, beside the union they refer to, so that no kind file needs to import this one.
 */
import type {ChirpPart} from "./chirp.js";
import type {DcPart} from "./dc.js";
import type {NoisePart} from "./noise.js";
import type {PulsesPart} from "./pulses.js";
import type {RampPart} from "./ramp.js";
import type {SinePart} from "./sine.js";
import type {StepPart} from "./step.js";

/** The sum of its parts; active where any part is. */
export interface SumPart {
  kind: "sum";
  /** The terms, added in this order. */
  parts: StimulusPart[];
}

/**
 * Layers: at each t the last active part gives the current; where no part is active the current is 0.
 * A dc part is always active, so `overlay(dc(baseline), step(…), …)` is "baseline unless a later part is on".
 * Active where any part is.
 */
export interface OverlayPart {
  kind: "overlay";
  /** The layers, bottom first. */
  parts: StimulusPart[];
}

/** One node of a stimulus tree. */
export type StimulusPart =
  DcPart | StepPart | RampPart | PulsesPart | SinePart | ChirpPart | NoisePart | SumPart | OverlayPart;

/** An input current: a constant (mV/ms) or a part tree. */
export type Stimulus = number | StimulusPart;
