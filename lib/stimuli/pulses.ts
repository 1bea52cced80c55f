/** pulses: a train of rectangular pulses. */
import {describe} from "../validate.js";
import {checkClosed, checkFinite, checkStep} from "./checks.js";
import {fmt} from "./format.js";
import type {CompiledNode, StimulusKind} from "./kind.js";
import {checkBreakpointBudget, STIMULUS_LIMITS} from "./limits.js";
import {ADD, added, fillConstant, gridIndex} from "./sampling.js";
import {endsIn, windowRange, type Closed} from "./window.js";

/**
 * A train of rectangular pulses: pulse n (n = 0, 1, …, count − 1) is `amplitude` on
 * [start + n·period, start + n·period + width) (ends per `closed`), 0 (inactive) between pulses.
 */
export interface PulsesPart {
  kind: "pulses";
  /** Current during a pulse (mV/ms). */
  amplitude: number;
  /** Onset of the first pulse (ms). */
  start: number;
  /** Pulse duration (ms), 0 ≤ width ≤ period. */
  width: number;
  /** Onset-to-onset interval (ms). */
  period: number;
  /** Number of pulses; null or absent: endless. */
  count?: number | null;
  /** Which ends of each pulse belong to it; default "left". */
  closed?: Closed;
}

/** A pulse train; see {@link PulsesPart}. */
export function pulses(options: Omit<PulsesPart, "kind">): PulsesPart {
  return {kind: "pulses", ...options};
}

/** A compiled pulses part. */
export interface PulsesNode extends CompiledNode {
  kind: "pulses";
  amplitude: number;
  start: number;
  width: number;
  period: number;
  /** Index of the last pulse (∞: endless; −1: none). */
  last: number;
  loIn: boolean;
  hiIn: boolean;
}

/** Whether pulse m covers t (side as in `value`). */
function pulseCovers(n: PulsesNode, m: number, t: number, side: number): boolean {
  const s = n.start + m * n.period;
  const e = s + n.width;
  if (side === 0) return (t > s || (t === s && n.loIn)) && (t < e || (t === e && n.hiIn));
  return side > 0 ? t >= s && t < e : t > s && t <= e;
}

function pulseActive(n: PulsesNode, t: number, side: number): boolean {
  if (t < n.start || n.last < 0) return false;
  const m = Math.min(gridIndex(n.start, n.period, t, 0), n.last);
  // With width = period, rounding can make pulse m − 1 end at or after pulse m starts.
  return pulseCovers(n, m, t, side) || (m > 0 && pulseCovers(n, m - 1, t, side));
}

/** The current of a compiled pulses part at t; NaN where it is inactive. */
export function pulsesValue(n: PulsesNode, t: number, side: number): number {
  return pulseActive(n, t, side) ? n.amplitude : NaN;
}

/** The index of the first pulse that can reach past t0. */
function firstPulseFrom(n: PulsesNode, t0: number): number {
  return t0 > n.start ? Math.max(0, Math.floor((t0 - n.start) / n.period) - 1) : 0;
}

/** The handler of pulses parts (see kind.ts). */
export const PULSES: StimulusKind<PulsesPart, PulsesNode> = {
  keys: ["kind", "amplitude", "start", "width", "period", "count", "closed"],
  check(p, path) {
    const at = (key: string) => `${path}.${key}`;
    const max = STIMULUS_LIMITS.magnitude;
    checkFinite(p.amplitude, at("amplitude"));
    checkFinite(p.start, at("start"));
    const width = checkFinite(p.width, at("width"), "nonnegative");
    const period = checkStep(p.period, at("period"));
    if (width > period)
      throw new RangeError(`${at("width")}: must be ≤ period (${describe(period)} ms), got ${describe(width)}`);
    if (p.count !== undefined && p.count !== null) {
      const count = p.count;
      if (typeof count !== "number")
        throw new TypeError(`${at("count")}: must be an integer ≥ 0 (or null: endless), got ${describe(count)}`);
      if (!Number.isInteger(count) || count < 0 || count > max) {
        throw new RangeError(
          `${at("count")}: must be an integer ≥ 0 and ≤ ${max} (or null: endless), got ${describe(count)}`
        );
      }
    }
    checkClosed(p.closed, at("closed"));
  },
  build(p) {
    const {loIn, hiIn} = endsIn(p.closed ?? "left");
    const last = p.count === undefined || p.count === null ? Infinity : p.count - 1;
    return {kind: "pulses", amplitude: p.amplitude, start: p.start, width: p.width, period: p.period, last, loIn, hiIn};
  },
  value: pulsesValue,
  fill(n, buf, t0, dt, count, mode) {
    const tLast = t0 + (count - 1) * dt;
    const first = firstPulseFrom(n, t0);
    const lastPulse = Math.min(n.last, Math.floor((tLast - n.start) / n.period) + 1);
    if (lastPulse - first > count || dt === 0) {
      // More pulses than samples: test each sample instead.
      for (let k = 0; k < count; k++)
        if (pulseActive(n, t0 + k * dt, 0)) buf[k] = mode === ADD ? added(buf[k], n.amplitude) : n.amplitude;
      return;
    }
    let done = 0; // samples before `done` are settled; with width = period two pulses may claim the same sample
    for (let m = first; m <= lastPulse; m++) {
      const s = n.start + m * n.period;
      const [a, b] = windowRange(s, s + n.width, n.loIn, n.hiIn, t0, dt, count);
      if (b > done) {
        fillConstant(buf, Math.max(a, done), b, n.amplitude, mode);
        done = b;
      }
    }
  },
  breakpoints(n, t0, t1, out) {
    if (n.last < 0 || t1 <= n.start) return;
    const edge = (t: number) => {
      if (t > t0 && t < t1) out.push(t);
    };
    let m = firstPulseFrom(n, t0);
    const count = Math.min(n.last - m + 1, Math.ceil((t1 - Math.max(t0, n.start)) / n.period) + 3);
    checkBreakpointBudget(out.length + 2 * count, t0, t1);
    for (let i = 0; i < count && m <= n.last; i++, m++) {
      const s = n.start + m * n.period;
      if (s >= t1) break;
      edge(s);
      edge(s + n.width);
    }
  },
  label(p) {
    const count = p.count === undefined || p.count === null ? "" : `${p.count} `;
    return `${count}pulses of ${fmt(p.amplitude)}, ${fmt(p.width)} ms every ${fmt(p.period)} ms from t = ${fmt(p.start)} ms`;
  },
  piecewiseConstant: () => true
};
