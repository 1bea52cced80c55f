/**
 * The caller's stimulus read once: a copy of the tree that validation, compilation and labels then use, so a getter
 * cannot show the check one value and the simulation another, and keys inherited through `Object.prototype` are
 * not parts of a stimulus. The copy also bounds the tree's size: parts, nesting depth, no part inside itself.
 */
import {ownProperties} from "../validate.js";
import {STIMULUS_LIMITS, STIMULUS_PART_BUDGET} from "./limits.js";
import {findKind} from "./registry.js";

interface CopyState {
  /** Parts copied so far, against STIMULUS_PART_BUDGET. */
  parts: number;
  /** The groups being copied, to catch a part that contains itself. */
  ancestors: Set<object>;
}

/**
 * A copy of `current`: a number (or any non-object) as it is; a part as an object without prototype holding its own
 * enumerable keys, each read once; the `parts` of a sum or overlay as a new array of copies. Throws, naming the path,
 * on a hole in a `parts` array, a part inside itself, nesting deeper than STIMULUS_LIMITS.depth groups or more
 * than {@link STIMULUS_PART_BUDGET} parts. Everything else is left for validation to check on the copy.
 */
export function copyStimulus(current: unknown, path: string): unknown {
  return copyPart(current, path, {parts: 0, ancestors: new Set()}, 0);
}

function copyPart(part: unknown, path: string, state: CopyState, depth: number): unknown {
  if (typeof part !== "object" || part === null || Array.isArray(part)) return part;
  state.parts++;
  const copy = ownProperties(part);
  const parts = copy.parts;
  // Only groups nest parts; a stray `parts` key on another kind is left for validation to reject.
  if (!Array.isArray(parts) || !findKind(copy.kind)?.keys.includes("parts")) return copy;
  if (state.ancestors.has(part)) throw new TypeError(`${path}: a part may not contain itself`);
  if (depth >= STIMULUS_LIMITS.depth) {
    throw new RangeError(`${path}: nested deeper than ${STIMULUS_LIMITS.depth} levels of sum and overlay`);
  }
  const total = state.parts + parts.length;
  if (total > STIMULUS_PART_BUDGET) {
    throw new RangeError(
      `${path}.parts: a stimulus may have at most ${STIMULUS_PART_BUDGET} parts (sums and overlays included), got ` +
        `at least ${total}; use fewer parts (one pulses part makes a whole train)`
    );
  }
  state.ancestors.add(part);
  const copies: unknown[] = [];
  for (let i = 0; i < parts.length; i++) {
    // A hole would otherwise read as undefined, or as an element inherited from Array.prototype.
    if (!Object.hasOwn(parts, i)) {
      throw new TypeError(`${path}.parts[${i}]: missing (the array has a hole here); every element must be a part`);
    }
    copies.push(copyPart(parts[i], `${path}.parts[${i}]`, state, depth + 1));
  }
  state.ancestors.delete(part);
  copy.parts = copies;
  return copy;
}
