/** sine: a sinusoidal current, always on or inside a window. */
import {checkClosed, checkEnd, checkFinite, optionalFinite} from "./checks.js";
import {fmt, forWindow} from "./format.js";
import type {CompiledNode, StimulusKind} from "./kind.js";
import {ADD, added} from "./sampling.js";
import {inside, partInterval, windowEdges, windowRange, type Interval, type Window} from "./window.js";

/**
 * `amplitude·sin(2π·frequency·(t − t₀)/1000 + phase) + offset` inside the window, where t₀ = start if the sine has
 * a start and 0 otherwise (so a windowed sine begins at `phase`). Without a window it is always on.
 */
export interface SinePart extends Window {
  kind: "sine";
  /** Amplitude (mV/ms). */
  amplitude: number;
  /** Frequency (Hz; t is in ms, hence the 1/1000). */
  frequency: number;
  /** Phase at t₀ (rad); default 0. */
  phase?: number;
  /** Constant added inside the window (mV/ms); default 0. */
  offset?: number;
}

/** A sine; see {@link SinePart}. */
export function sine(options: Omit<SinePart, "kind">): SinePart {
  return {kind: "sine", ...options};
}

/** A compiled sine part. */
export interface SineNode extends CompiledNode, Interval {
  kind: "sine";
  amplitude: number;
  /** Angular frequency (rad/ms). */
  omega: number;
  /** t₀ (ms). */
  origin: number;
  phase: number;
  offset: number;
}

/** The current of a compiled sine part at t; NaN where it is inactive. */
export function sineValue(n: SineNode, t: number, side: number): number {
  return inside(n, t, side) ? n.amplitude * Math.sin(n.omega * (t - n.origin) + n.phase) + n.offset : NaN;
}

/** The handler of sine parts (see kind.ts). */
export const SINE: StimulusKind<SinePart, SineNode> = {
  keys: ["kind", "amplitude", "frequency", "phase", "offset", "start", "end", "closed"],
  check(p, path) {
    checkFinite(p.amplitude, `${path}.amplitude`);
    checkFinite(p.frequency, `${path}.frequency`, "nonnegative");
    optionalFinite(p.phase, `${path}.phase`, 0);
    optionalFinite(p.offset, `${path}.offset`, 0);
    const start = optionalFinite(p.start, `${path}.start`, -Infinity);
    checkEnd(p.end, `${path}.end`, start);
    checkClosed(p.closed, `${path}.closed`);
  },
  build(p) {
    const start = p.start ?? -Infinity;
    return {
      kind: "sine",
      amplitude: p.amplitude,
      omega: (2 * Math.PI * p.frequency) / 1000,
      origin: start === -Infinity ? 0 : start,
      phase: p.phase ?? 0,
      offset: p.offset ?? 0,
      ...partInterval(p, start)
    };
  },
  value: sineValue,
  fill(n, buf, t0, dt, count, mode) {
    const [a, b] = windowRange(n.lo, n.hi, n.loIn, n.hiIn, t0, dt, count);
    const {amplitude, omega, origin, phase, offset} = n;
    if (mode === ADD)
      for (let k = a; k < b; k++)
        buf[k] = added(buf[k], amplitude * Math.sin(omega * (t0 + k * dt - origin) + phase) + offset);
    else for (let k = a; k < b; k++) buf[k] = amplitude * Math.sin(omega * (t0 + k * dt - origin) + phase) + offset;
  },
  breakpoints: windowEdges,
  label(p) {
    const phase = p.phase ? `, phase ${fmt(p.phase)} rad` : "";
    const offset = p.offset ? `${fmt(p.offset)} + ` : "";
    return forWindow(
      `${offset}sine of ${fmt(p.amplitude)} at ${fmt(p.frequency)} Hz${phase}`,
      p.start ?? -Infinity,
      p.end,
      p.closed
    );
  },
  piecewiseConstant: () => false
};
