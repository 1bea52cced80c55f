/**
 * The current of a compiled node at t: the per-sample path that integrators call at every stage. A switch on the
 * kind with direct calls keeps it as fast as one function holding every case; the registry serves any other kind.
 */
import {chirpValue, type ChirpNode} from "./chirp.js";
import type {DcNode} from "./dc.js";
import type {GroupNode} from "./group.js";
import type {CompiledNode} from "./kind.js";
import {noiseValue, type NoiseNode} from "./noise.js";
import {overlayValue} from "./overlay.js";
import {pulsesValue, type PulsesNode} from "./pulses.js";
import {rampValue, type RampNode} from "./ramp.js";
import {kindOf} from "./registry.js";
import {sineValue, type SineNode} from "./sine.js";
import {stepValue, type StepNode} from "./step.js";
import {sumValue} from "./sum.js";

/** The current of a node at t, or NaN where the node is inactive (NaN never arises otherwise: inputs are bounded). */
export function evaluate(n: CompiledNode, t: number, side: number): number {
  switch (n.kind) {
    case "dc":
      return (n as DcNode).value;
    case "step":
      return stepValue(n as StepNode, t, side);
    case "ramp":
      return rampValue(n as RampNode, t, side);
    case "sine":
      return sineValue(n as SineNode, t, side);
    case "chirp":
      return chirpValue(n as ChirpNode, t, side);
    case "pulses":
      return pulsesValue(n as PulsesNode, t, side);
    case "noise":
      return noiseValue(n as NoiseNode, t, side);
    case "sum":
      return sumValue(n as GroupNode, t, side, evaluate);
    case "overlay":
      return overlayValue(n as GroupNode, t, side, evaluate);
    default:
      return kindOf(n.kind).value(n, t, side, evaluate);
  }
}
