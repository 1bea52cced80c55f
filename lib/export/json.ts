/** `toJSON`: a run's options as JSON text that `simulate` (or `simulate2007`) accepts back unchanged. */
import type {SimulateOptions} from "../simulate.js";
import type {Simulate2007Options} from "../simulate2007.js";
import {describe} from "../validate.js";

/**
 * The options as JSON, so that `simulate(JSON.parse(toJSON(options)))` gives the same trace as
 * `simulate(options)`. Everything an options object holds is plain data (numbers, strings and the stimulus tree),
 * except `columns` (caller-owned output arrays), which is left out. A non-finite number (which the library rejects
 * anyway, and JSON cannot hold) is an error naming its field. Works for `simulate2007`'s options too.
 *
 * @param indent - spaces of indentation (default 2; 0 for one line)
 */
export function toJSON(options: SimulateOptions | Simulate2007Options, indent = 2): string {
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new TypeError(`options: must be an object, got ${describe(options)}`);
  const copy = (value: unknown, field: string): unknown => {
    if (typeof value === "number") {
      if (Number.isFinite(value)) return value;
      throw new RangeError(`${field}: JSON cannot hold ${describe(value)}; allowed: finite numbers`);
    }
    if (Array.isArray(value)) return value.map((x, i) => copy(x, `${field}[${i}]`));
    if (typeof value === "object" && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, x] of Object.entries(value)) if (x !== undefined) out[key] = copy(x, `${field}.${key}`);
      return out;
    }
    return value;
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === "columns" || value === undefined) continue;
    out[key] = copy(value, key);
  }
  return JSON.stringify(out, null, indent);
}
