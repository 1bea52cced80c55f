/**
 * Input checks shared by the library. Every error names the field, the value it got and what is allowed,
 * so a bad input is a readable message rather than a silent NaN further down.
 */

/** Formats a received value for an error message (strings quoted, objects summarised). */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : String(value);
}

/** Bounds for {@link checkNumber}; each bound is inclusive unless the matching `*Exclusive` flag is set. */
export interface NumberBounds {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
}

/**
 * Returns `value` if it is a finite number within the bounds; otherwise throws a RangeError (or a TypeError
 * for a non-number) whose message names `field`, the value and the allowed range.
 */
export function checkNumber(value: unknown, field: string, bounds: NumberBounds = {}): number {
  if (isWithin(value, bounds)) return value;
  // The message is built only on failure: checks run per element of large arrays.
  const allowed = allowedText(bounds);
  if (typeof value !== "number") throw new TypeError(`${field}: must be ${allowed}, got ${describe(value)}`);
  throw new RangeError(`${field}: must be ${allowed}, got ${describe(value)}`);
}

/** Whether `value` is a finite number within the bounds ({@link checkNumber} without the error). */
export function isWithin(
  value: unknown,
  {min, max, minExclusive = false, maxExclusive = false, integer = false}: NumberBounds
): value is number {
  return (
    typeof value === "number" &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    (min === undefined || (minExclusive ? value > min : value >= min)) &&
    (max === undefined || (maxExclusive ? value < max : value <= max))
  );
}

function allowedText({min, max, minExclusive, maxExclusive, integer}: NumberBounds): string {
  const noun = integer ? "a finite integer" : "a finite number";
  const parts: string[] = [];
  if (min !== undefined) parts.push(`${minExclusive ? ">" : "≥"} ${min}`);
  if (max !== undefined) parts.push(`${maxExclusive ? "<" : "≤"} ${max}`);
  return parts.length ? `${noun} ${parts.join(" and ")}` : noun;
}

/** Returns `value` if it is one of `allowed`; otherwise throws naming the field and listing the allowed values. */
export function checkKeyword<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new RangeError(`${field}: unknown value ${describe(value)}; allowed: ${allowed.join(", ")}`);
}

/**
 * A copy of the object's own enumerable properties, each read exactly once, in an object without a prototype.
 * Validating the copy (never the caller's object again) means a getter cannot hand the check one value and the
 * run another, and an option inherited through `Object.prototype` (a polluted `maxSpikes`) reads as absent.
 */
export function ownProperties(object: object): Record<string, unknown> {
  const copy: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(object)) copy[key] = (object as Record<string, unknown>)[key];
  return copy;
}

/**
 * Checks that `object` is a plain object whose own keys are all in `allowed` (catches typos such as
 * `durration`) and returns {@link ownProperties}' copy of it: read each option from the copy, once checked.
 */
export function checkKeys(object: unknown, field: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof object !== "object" || object === null || Array.isArray(object)) {
    throw new TypeError(`${field}: must be an object, got ${describe(object)}`);
  }
  const copy = ownProperties(object);
  for (const key in copy) {
    if (!allowed.includes(key)) {
      throw new RangeError(`${field}: unknown key ${describe(key)}; allowed: ${allowed.join(", ")}`);
    }
  }
  return copy;
}

/**
 * Throws `${where}: ${field} must be ${allowed}, got ${value}`: a RangeError for a number out of range, a
 * TypeError for anything else. Used by functions whose messages name the function as well as the field.
 */
export function fail(where: string, field: string, value: unknown, allowed: string): never {
  const message = `${where}: ${field} must be ${allowed}, got ${describe(value)}`;
  throw typeof value === "number" ? new RangeError(message) : new TypeError(message);
}
