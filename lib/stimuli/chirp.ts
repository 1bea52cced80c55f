/** chirp: a sine whose frequency changes linearly over a finite window. */
import {checkClosed, checkEnd, checkFinite} from "./checks.js";
import {describe} from "../validate.js";
import {fmt, forWindow} from "./format.js";
import type {CompiledNode, StimulusKind} from "./kind.js";
import {ADD, added} from "./sampling.js";
import {inside, partInterval, windowEdges, windowRange, type Interval, type Window} from "./window.js";

/**
 * A linear chirp: `amplitude·sin(φ(t))` on [start, end] (ends per `closed`), with instantaneous frequency
 * rising (or falling) linearly from f0 at start to f1 at end: φ(t) = 2π/1000·(f0·s + (f1 − f0)·s²/(2(end − start))),
 * s = t − start.
 */
export interface ChirpPart extends Window {
  kind: "chirp";
  /** Amplitude (mV/ms). */
  amplitude: number;
  /** Frequency at start (Hz). */
  f0: number;
  /** Frequency at end (Hz). */
  f1: number;
  /** Start (ms). */
  start: number;
  /** End (ms), after start. */
  end: number;
}

/** A linear chirp; see {@link ChirpPart}. */
export function chirp(options: Omit<ChirpPart, "kind">): ChirpPart {
  return {kind: "chirp", ...options};
}

/** φ(t) = s·(c1 + c2·s), s = t − start. */
/** A compiled chirp part. */
export interface ChirpNode extends CompiledNode, Interval {
  kind: "chirp";
  amplitude: number;
  c1: number;
  c2: number;
}

/** The current of a compiled chirp part at t; NaN where it is inactive. */
export function chirpValue(n: ChirpNode, t: number, side: number): number {
  const s = t - n.lo;
  return inside(n, t, side) ? n.amplitude * Math.sin(s * (n.c1 + n.c2 * s)) : NaN;
}

/** The handler of chirp parts (see kind.ts). */
export const CHIRP: StimulusKind<ChirpPart, ChirpNode> = {
  keys: ["kind", "amplitude", "f0", "f1", "start", "end", "closed"],
  check(p, path) {
    checkFinite(p.amplitude, `${path}.amplitude`);
    checkFinite(p.f0, `${path}.f0`, "nonnegative");
    checkFinite(p.f1, `${path}.f1`, "nonnegative");
    const start = checkFinite(p.start, `${path}.start`);
    if (p.end === undefined || p.end === null)
      throw new TypeError(`${path}.end: must be a finite number > start, got ${describe(p.end)}`);
    checkEnd(p.end, `${path}.end`, start, true);
    checkClosed(p.closed, `${path}.closed`);
  },
  build(p) {
    const c1 = (2 * Math.PI * p.f0) / 1000;
    const c2 = (Math.PI * (p.f1 - p.f0)) / (1000 * (p.end - p.start));
    return {kind: "chirp", amplitude: p.amplitude, c1, c2, ...partInterval(p, p.start)};
  },
  value: chirpValue,
  fill(n, buf, t0, dt, count, mode) {
    const [a, b] = windowRange(n.lo, n.hi, n.loIn, n.hiIn, t0, dt, count);
    const {amplitude, c1, c2, lo} = n;
    for (let k = a; k < b; k++) {
      const s = t0 + k * dt - lo;
      const v = amplitude * Math.sin(s * (c1 + c2 * s));
      buf[k] = mode === ADD ? added(buf[k], v) : v;
    }
  },
  breakpoints: windowEdges,
  label: (p) => forWindow(`chirp of ${fmt(p.amplitude)}, ${fmt(p.f0)} → ${fmt(p.f1)} Hz`, p.start, p.end, p.closed),
  piecewiseConstant: () => false
};
