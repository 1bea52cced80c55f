/** Whether a stimulus is constant between its breakpoints, which lets integrators evaluate it less often. */
import type {PartBase} from "./kind.js";
import type {Stimulus} from "./part.js";
import {kindOf} from "./registry.js";

/**
 * Whether a (validated) stimulus is constant between its breakpoints: made only of dc, steps, pulses and noise.
 * Integrators then evaluate it once per stretch between breakpoints instead of at every stage.
 */
export function isPiecewiseConstant(current: Stimulus): boolean {
  return typeof current === "number" || partIsPiecewiseConstant(current);
}

function partIsPiecewiseConstant(part: PartBase): boolean {
  return kindOf(part.kind).piecewiseConstant(part, partIsPiecewiseConstant);
}
