/** Short human descriptions of stimuli, each part described by its kind's handler. */
import {fmt} from "./format.js";
import type {LabelContext, PartBase} from "./kind.js";
import type {Stimulus} from "./part.js";
import {kindOf} from "./registry.js";
import {checkStimulus} from "./validateStimulus.js";

function partLabel(p: PartBase): string {
  return kindOf(p.kind).label(p, LABELS);
}

/** A part's label inside a sum: parenthesised when it has its own window or parts. */
function nestedLabel(p: PartBase): string {
  const text = partLabel(p);
  return p.kind === "sum" || p.kind === "overlay" || text.includes(" for ") ? `(${text})` : text;
}

const LABELS: LabelContext = {label: partLabel, nested: nestedLabel};

/**
 * A short human description of a stimulus with units, e.g. "14 for t > 15 ms" for RS's protocol, or
 * "−0.5 + 0.015·(t − 30) for t > 30 ms, else −0.5". Overlays list their later parts, then "else" the baseline;
 * where listed parts overlap, the later one applies. Throws on an invalid stimulus.
 */
export function stimulusLabel(current: Stimulus): string {
  const copy = checkStimulus(current, "current", Infinity);
  return typeof copy === "number" ? fmt(copy) : partLabel(copy);
}
