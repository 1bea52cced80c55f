/** ramp: a linear current inside a window. */
import {checkClosed, checkEnd, checkFinite} from "./checks.js";
import {fmt, forWindow} from "./format.js";
import type {CompiledNode, StimulusKind} from "./kind.js";
import {ADD, added} from "./sampling.js";
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

/** `from + slope·(t − start)` inside the window, 0 (inactive) outside. */
export interface RampPart extends Window {
  kind: "ramp";
  /** Current at t = start (mV/ms). */
  from: number;
  /** Rate of change (mV/ms per ms). */
  slope: number;
  /** Onset (ms), also the origin of the ramp. */
  start: number;
}

/** `from + slope·(t − start)` from `start` to `end` (ms; omitted or null: forever); `closed` defaults to "left". */
export function ramp(from: number, slope: number, start: number, end?: number | null, closed?: Closed): RampPart {
  return withWindow({kind: "ramp", from, slope, start}, end, closed);
}

/** A compiled ramp part. */
export interface RampNode extends CompiledNode, Interval {
  kind: "ramp";
  from: number;
  slope: number;
}

/** The current of a compiled ramp part at t; NaN where it is inactive. */
export function rampValue(n: RampNode, t: number, side: number): number {
  return inside(n, t, side) ? n.from + n.slope * (t - n.lo) : NaN;
}

/** The handler of ramp parts (see kind.ts). */
export const RAMP: StimulusKind<RampPart, RampNode> = {
  keys: ["kind", "from", "slope", "start", "end", "closed"],
  check(p, path) {
    checkFinite(p.from, `${path}.from`);
    checkFinite(p.slope, `${path}.slope`);
    const start = checkFinite(p.start, `${path}.start`);
    checkEnd(p.end, `${path}.end`, start);
    checkClosed(p.closed, `${path}.closed`);
  },
  build: (p) => ({kind: "ramp", from: p.from, slope: p.slope, ...partInterval(p, p.start)}),
  value: rampValue,
  fill(n, buf, t0, dt, count, mode) {
    const [a, b] = windowRange(n.lo, n.hi, n.loIn, n.hiIn, t0, dt, count);
    const {from, slope, lo} = n;
    if (mode === ADD) for (let k = a; k < b; k++) buf[k] = added(buf[k], from + slope * (t0 + k * dt - lo));
    else for (let k = a; k < b; k++) buf[k] = from + slope * (t0 + k * dt - lo);
  },
  breakpoints: windowEdges,
  label(p) {
    const t = p.start === 0 ? "t" : `(t − ${fmt(p.start)})`;
    const rate = `${fmt(Math.abs(p.slope))}·${t}`;
    const text = p.from === 0 ? (p.slope < 0 ? `−${rate}` : rate) : `${fmt(p.from)} ${p.slope < 0 ? "−" : "+"} ${rate}`;
    return forWindow(text, p.start, p.end, p.closed);
  },
  piecewiseConstant: () => false
};
