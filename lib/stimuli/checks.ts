/**
 * Validation of a part's fields. Each check throws a TypeError (wrong type) or RangeError (bad value) whose message
 * starts with the field path, then the rule and the value received, e.g. `current.dt: must be a finite number > 0,
 * got -1`.
 */
import {checkKeyword, describe} from "../validate.js";
import {STIMULUS_LIMITS} from "./limits.js";
import {CLOSED_VALUES, type Closed} from "./window.js";

const MAX = STIMULUS_LIMITS.magnitude;
const RESOLUTION = STIMULUS_LIMITS.resolution;

type Bound = "any" | "positive" | "nonnegative";
const BOUND_TEXT: Record<Bound, string> = {any: "", positive: " > 0", nonnegative: " ≥ 0"};

/** A finite number of magnitude ≤ STIMULUS_LIMITS.magnitude, optionally > 0 or ≥ 0. */
export function checkFinite(value: unknown, path: string, bound: Bound = "any"): number {
  const allowed = `must be a finite number${BOUND_TEXT[bound]}`;
  if (typeof value !== "number") throw new TypeError(`${path}: ${allowed}, got ${describe(value)}`);
  const ok = Number.isFinite(value) && (bound === "any" || (bound === "positive" ? value > 0 : value >= 0));
  if (!ok) throw new RangeError(`${path}: ${allowed}, got ${describe(value)}`);
  if (Math.abs(value) > MAX)
    throw new RangeError(`${path}: must be at most ${MAX} in magnitude, got ${describe(value)}`);
  return value;
}

/** A time step or period (ms): finite, > 0 and no finer than the resolution. */
export function checkStep(value: unknown, path: string): number {
  const x = checkFinite(value, path, "positive");
  if (x < RESOLUTION)
    throw new RangeError(
      `${path}: must be at least ${RESOLUTION} ms (the finest time step allowed), got ${describe(x)}`
    );
  return x;
}

/** An optional finite number; `fallback` when absent. */
export function optionalFinite(value: unknown, path: string, fallback: number): number {
  return value === undefined ? fallback : checkFinite(value, path);
}

/** An optional closedness; "left" when absent. */
export function checkClosed(value: unknown, path: string): Closed {
  return value === undefined ? "left" : checkKeyword(value, path, CLOSED_VALUES);
}

/** The end of a window: absent or null means +∞; otherwise ≥ start (> start when `strict`). */
export function checkEnd(value: unknown, path: string, start: number, strict = false): number {
  if (value === undefined || value === null) return Infinity;
  const end = checkFinite(value, path);
  if (strict ? !(end > start) : end < start) {
    throw new RangeError(`${path}: must be ${strict ? ">" : "≥"} start (${describe(start)} ms), got ${describe(end)}`);
  }
  return end;
}
