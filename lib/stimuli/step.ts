/** step: a constant current inside a window. */
import {checkClosed, checkEnd, checkFinite} from "./checks.js";
import {fmt, forWindow} from "./format.js";
import type {CompiledNode, StimulusKind} from "./kind.js";
import {fillConstant} from "./sampling.js";
import {
  inside,
  partInterval,
  windowEdges,
  windowRange,
  withWindow,
  type Closed,
  type Interval,
  type Window
} from "./window.js";

/** `value` inside the window, 0 (inactive) outside. */
export interface StepPart extends Window {
  kind: "step";
  /** Current inside the window (mV/ms). */
  value: number;
  /** Onset (ms). */
  start: number;
}

/** `value` (mV/ms) from `start` to `end` (ms; omitted or null: forever); `closed` defaults to "left". */
export function step(value: number, start: number, end?: number | null, closed?: Closed): StepPart {
  return withWindow({kind: "step", value, start}, end, closed);
}

/** A compiled step part. */
export interface StepNode extends CompiledNode, Interval {
  kind: "step";
  value: number;
}

/** The current of a compiled step part at t; NaN where it is inactive. */
export function stepValue(n: StepNode, t: number, side: number): number {
  return inside(n, t, side) ? n.value : NaN;
}

/** The handler of step parts (see kind.ts). */
export const STEP: StimulusKind<StepPart, StepNode> = {
  keys: ["kind", "value", "start", "end", "closed"],
  check(p, path) {
    checkFinite(p.value, `${path}.value`);
    const start = checkFinite(p.start, `${path}.start`);
    checkEnd(p.end, `${path}.end`, start);
    checkClosed(p.closed, `${path}.closed`);
  },
  build: (p) => ({kind: "step", value: p.value, ...partInterval(p, p.start)}),
  value: stepValue,
  fill(n, buf, t0, dt, count, mode) {
    const [a, b] = windowRange(n.lo, n.hi, n.loIn, n.hiIn, t0, dt, count);
    fillConstant(buf, a, b, n.value, mode);
  },
  breakpoints: windowEdges,
  label: (p) => forWindow(fmt(p.value), p.start, p.end, p.closed),
  piecewiseConstant: () => true
};
