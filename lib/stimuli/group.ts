/** What sum and overlay share: a list of nested parts, checked and compiled recursively. */
import {describe} from "../validate.js";
import type {BuildContext, CheckContext, CompiledNode, PartBase} from "./kind.js";

/** A compiled sum or overlay. */
export interface GroupNode extends CompiledNode {
  kind: "sum" | "overlay";
  parts: CompiledNode[];
}

/** Whether a compiled node has parts (a sum or an overlay). */
export function isGroup(n: CompiledNode): n is GroupNode {
  return (n as GroupNode).parts !== undefined;
}

/**
 * Checks `parts` (an array) and each part in it. Nesting depth, holes, cycles and the part budget are checked
 * when the tree is copied (copyStimulus.ts), before this runs on the copy.
 */
export function checkGroup(p: Record<string, unknown>, path: string, ctx: CheckContext, depth: number): void {
  if (!Array.isArray(p.parts))
    throw new TypeError(`${path}.parts: must be an array of stimulus parts, got ${describe(p.parts)}`);
  p.parts.forEach((child, i) => ctx.checkPart(child, `${path}.parts[${i}]`, depth + 1));
}

/** Compiles a (validated) group. */
export function buildGroup(
  kind: GroupNode["kind"],
  parts: readonly PartBase[],
  path: string,
  ctx: BuildContext
): GroupNode {
  return {kind, parts: parts.map((p, i) => ctx.build(p, `${path}.parts[${i}]`))};
}
