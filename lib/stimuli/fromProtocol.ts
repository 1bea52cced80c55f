/** The published protocols' currents (protocols.json) as stimuli. */
import {checkKeyword, describe, ownProperties} from "../validate.js";
import {checkEnd, checkFinite} from "./checks.js";
import {dc} from "./dc.js";
import {STIMULUS_PART_BUDGET} from "./limits.js";
import {overlay} from "./overlay.js";
import type {Stimulus, StimulusPart} from "./part.js";
import {validateStimulus} from "./validateStimulus.js";
import {CLOSED_VALUES, type Closed} from "./window.js";

/**
 * A segment of a protocol's current in protocols.json (schema in docs/science.md §6): on its window [t0, t1] (t1
 * null: to the end; ends per `closed`) the current is `value` (kind "step") or `start + slope·(t − t0)` (kind
 * "ramp"). The fields a kind needs are checked at run time by {@link fromProtocol}.
 */
export interface ProtocolSegment {
  kind: "step" | "ramp";
  /** Window start (ms). */
  t0: number;
  /** Window end (ms); null: to the end. */
  t1: number | null;
  /** Current of a step (mV/ms). */
  value?: number;
  /** Current of a ramp at t0 (mV/ms). */
  start?: number;
  /** Slope of a ramp (mV/ms per ms). */
  slope?: number;
  /** Which ends of [t0, t1] belong to the segment ("open" for figure1.m's strict inequalities). */
  closed: Closed;
}

/** A protocol's `current` in protocols.json: baseline unless t lies in a segment; later segments win. */
export interface ProtocolCurrent {
  /** Current outside every segment (mV/ms). */
  baseline: number;
  /** Segments in order; later ones win where they overlap. */
  segments: ProtocolSegment[];
}

const SEGMENT_KEYS = {
  step: ["kind", "t0", "t1", "value", "closed"],
  ramp: ["kind", "t0", "t1", "start", "slope", "closed"]
};

/**
 * A protocol's current from protocols.json (docs/science.md §6) as a Stimulus, exactly: `overlay(dc(baseline), …)`
 * with one step (`value`) or ramp (`start + slope·(t − t0)`) per segment on its window [t0, t1] (t1 null:
 * forever) with the segment's closedness, so later segments win where they overlap. Evaluated at figure1.m's
 * grid times it gives the panel's current bit for bit. Throws, naming the field, on a malformed segment.
 *
 * @example
 * fromProtocol({baseline: 0, segments: [{kind: "step", t0: 15, t1: null, value: 14, closed: "open"}]});
 * // {kind: "overlay", parts: [{kind: "dc", value: 0}, {kind: "step", value: 14, start: 15, closed: "open"}]}
 */
export function fromProtocol(current: ProtocolCurrent, field = "current"): Stimulus {
  if (typeof current !== "object" || current === null)
    throw new TypeError(`${field}: must be {baseline, segments}, got ${describe(current)}`);
  // Own keys only, each read once (as every option of the library).
  const c = ownProperties(current);
  const baseline = checkFinite(c.baseline, `${field}.baseline`);
  const segments = c.segments;
  if (!Array.isArray(segments)) throw new TypeError(`${field}.segments: must be an array, got ${describe(segments)}`);
  // The overlay and its baseline are parts too.
  if (segments.length + 2 > STIMULUS_PART_BUDGET) {
    throw new RangeError(
      `${field}.segments: at most ${STIMULUS_PART_BUDGET - 2} segments (the limit of ${STIMULUS_PART_BUDGET} parts per stimulus), got ${segments.length}`
    );
  }
  const parts: StimulusPart[] = [dc(baseline)];
  for (let i = 0; i < segments.length; i++) {
    const path = `${field}.segments[${i}]`;
    const segment: unknown = Object.hasOwn(segments, i) ? segments[i] : undefined;
    if (typeof segment !== "object" || segment === null)
      throw new TypeError(`${path}: must be a segment object, got ${describe(segment)}`);
    const s = ownProperties(segment);
    const kind = checkKeyword(s.kind, `${path}.kind`, ["step", "ramp"] as const);
    for (const key of Object.keys(s)) {
      if (!SEGMENT_KEYS[kind].includes(key))
        throw new RangeError(
          `${path}.${key}: unknown key for a "${kind}" segment; allowed: ${SEGMENT_KEYS[kind].join(", ")}`
        );
    }
    const start = checkFinite(s.t0, `${path}.t0`);
    const end = checkEnd(s.t1, `${path}.t1`, start);
    const closed = checkKeyword(s.closed, `${path}.closed`, CLOSED_VALUES);
    const window = end === Infinity ? {start, closed} : {start, end, closed};
    parts.push(
      kind === "step"
        ? {kind: "step", value: checkFinite(s.value, `${path}.value`), ...window}
        : {
            kind: "ramp",
            from: checkFinite(s.start, `${path}.start`),
            slope: checkFinite(s.slope, `${path}.slope`),
            ...window
          }
    );
  }
  const stimulus = overlay(...parts);
  validateStimulus(stimulus, field);
  return stimulus;
}
