/** overlay: layers, where the last active part gives the current. */
import {dc} from "./dc.js";
import {buildGroup, checkGroup, type GroupNode} from "./group.js";
import type {CompiledNode, Evaluate, StimulusKind} from "./kind.js";
import type {OverlayPart, StimulusPart} from "./part.js";
import {OVER} from "./sampling.js";

/** The parts layered: where several are active, the last one wins; see {@link OverlayPart}. */
export function overlay(...parts: StimulusPart[]): OverlayPart {
  return {kind: "overlay", parts};
}

/** The value of the last active part; NaN (inactive) where none is. */
export function overlayValue(n: GroupNode, t: number, side: number, evaluate: Evaluate): number {
  for (let i = n.parts.length - 1; i >= 0; i--) {
    const v = evaluate(n.parts[i], t, side);
    if (v === v) return v;
  }
  return NaN;
}

/** Whether a part after the i-th is on at t−, t and t+, so that the current near t is that part's. */
function coveredLater(parts: CompiledNode[], i: number, t: number, evaluate: Evaluate): boolean {
  const isOn = (n: CompiledNode, side: number) => {
    const v = evaluate(n, t, side);
    return v === v;
  };
  for (let j = i + 1; j < parts.length; j++) {
    const p = parts[j];
    if (isOn(p, -1) && isOn(p, 0) && isOn(p, 1)) return true;
  }
  return false;
}

/** The handler of overlay parts (see kind.ts). */
export const OVERLAY: StimulusKind<OverlayPart, GroupNode> = {
  keys: ["kind", "parts"],
  check: checkGroup,
  build: (p, path, ctx) => buildGroup("overlay", p.parts, path, ctx),
  value: overlayValue,
  partMode: OVER,
  breakpoints(n, t0, t1, out, ctx) {
    n.parts.forEach((p, i) => {
      const own: number[] = [];
      ctx.collect(p, t0, t1, own);
      // A point is hidden if a later part is on at t−, t and t+: the current there is that part's, smooth at t.
      for (const b of own) if (!coveredLater(n.parts, i, b, ctx.evaluate)) out.push(b);
    });
  },
  label(p, ctx): string {
    const [first, ...rest] = p.parts;
    if (first === undefined) return "0";
    if (first.kind !== "dc") return OVERLAY.label({kind: "overlay", parts: [dc(0), ...p.parts]}, ctx);
    if (rest.length === 0) return ctx.label(first);
    const text = rest
      .map((q) => (q.kind === "sum" || q.kind === "overlay" ? `(${ctx.label(q)})` : ctx.label(q)))
      .join(", ");
    return first.value === 0 ? text : `${text}, else ${ctx.label(first)}`;
  },
  piecewiseConstant: (p, isPiecewiseConstant) => p.parts.every(isPiecewiseConstant)
};
