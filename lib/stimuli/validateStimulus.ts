/** Validation of a whole stimulus tree, each part by its kind's handler. */
import {describe} from "../validate.js";
import {checkFinite} from "./checks.js";
import {copyStimulus} from "./copyStimulus.js";
import type {CheckContext} from "./kind.js";
import type {Stimulus} from "./part.js";
import {findKind, STIMULUS_KINDS} from "./registry.js";

/**
 * Throws unless `current` is a valid {@link Stimulus}: a TypeError or RangeError whose message starts with the
 * field path (e.g. `current.parts[1].dt`), then the rule and the value received, e.g.
 * `current.dt: must be a finite number > 0, got -1`. Checked: kinds, unknown keys (typos), finite numbers of
 * magnitude ≤ 1e9, non-negative widths, sigma, tau; periods and dt ≥ 1e-6 ms; end ≥ start; width ≤ period;
 * integer seeds and counts; closedness; nesting depth and cycles; no holes in `parts`; at most
 * STIMULUS_PART_BUDGET parts; the noise sample budget for finite windows. Own keys only, each read once (the
 * check runs on a copy).
 *
 * @param field - the name of the value in messages; default "current"
 */
export function validateStimulus(current: unknown, field = "current"): asserts current is Stimulus {
  checkStimulus(current, field, Infinity);
}

/**
 * As {@link validateStimulus}, and noise up to `horizon` (ms; ∞ if unknown) counts against the sample budget.
 * Returns the copy it checked ({@link copyStimulus}): use it, not `current`, from then on.
 */
export function checkStimulus(current: unknown, path: string, horizon: number): Stimulus {
  const copy = copyStimulus(current, path);
  if (typeof copy === "number") {
    checkFinite(copy, path);
    return copy;
  }
  const ctx: CheckContext = {
    checkPart: (part, at, depth) => checkPart(part, at, ctx, depth),
    samples: 0,
    horizon
  };
  checkPart(copy, path, ctx, 0);
  return copy as Stimulus;
}

function checkPart(part: unknown, path: string, ctx: CheckContext, depth: number): void {
  if (typeof part !== "object" || part === null || Array.isArray(part)) {
    throw new TypeError(`${path}: must be a number or a stimulus part {kind: …}, got ${describe(part)}`);
  }
  const p = part as Record<string, unknown>;
  const kind = findKind(p.kind);
  if (kind === undefined) {
    throw new RangeError(
      `${path}.kind: unknown stimulus part ${describe(p.kind)}; allowed: ${STIMULUS_KINDS.join(", ")}`
    );
  }
  for (const key of Object.keys(p)) {
    if (!kind.keys.includes(key))
      throw new RangeError(`${path}.${key}: unknown key for a "${p.kind}" part; allowed: ${kind.keys.join(", ")}`);
  }
  kind.check(p, path, ctx, depth);
}
