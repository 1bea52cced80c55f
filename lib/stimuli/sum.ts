/** sum: the parts added. */
import {buildGroup, checkGroup, type GroupNode} from "./group.js";
import type {Evaluate, StimulusKind} from "./kind.js";
import type {StimulusPart, SumPart} from "./part.js";
import {ADD, added} from "./sampling.js";

/** The sum of the parts. */
export function sum(...parts: StimulusPart[]): SumPart {
  return {kind: "sum", parts};
}

/** The total of the active parts; NaN (inactive) where none is. */
export function sumValue(n: GroupNode, t: number, side: number, evaluate: Evaluate): number {
  let total = NaN;
  for (const p of n.parts) {
    const v = evaluate(p, t, side);
    if (v === v) total = added(total, v);
  }
  return total;
}

/** The handler of sum parts (see kind.ts). */
export const SUM: StimulusKind<SumPart, GroupNode> = {
  keys: ["kind", "parts"],
  check: checkGroup,
  build: (p, path, ctx) => buildGroup("sum", p.parts, path, ctx),
  value: sumValue,
  partMode: ADD,
  breakpoints(n, t0, t1, out, ctx) {
    for (const p of n.parts) ctx.collect(p, t0, t1, out);
  },
  label(p, ctx) {
    const labels = p.parts.map(ctx.nested);
    return labels.length ? labels.join(" + ") : "0";
  },
  piecewiseConstant: (p, isPiecewiseConstant) => p.parts.every(isPiecewiseConstant)
};
