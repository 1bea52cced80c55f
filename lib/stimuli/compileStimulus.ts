/** A stimulus compiled for evaluation: its value at t, its breakpoints, and block fills for fixed-step runs. */
import {describe} from "../validate.js";
import {evaluate} from "./evaluate.js";
import {isGroup} from "./group.js";
import {dc} from "./dc.js";
import type {BreakpointContext, BuildContext, CompiledNode, SampleStore} from "./kind.js";
import {checkBreakpointBudget} from "./limits.js";
import type {Stimulus, StimulusPart} from "./part.js";
import {kindOf} from "./registry.js";
import {ADD, BLANK, OVER, ZERO, type FillMode} from "./sampling.js";
import {checkStimulus} from "./validateStimulus.js";

/** A stimulus ready to be evaluated (see {@link compileStimulus}). */
export interface CompiledStimulus {
  /** The stimulus it was compiled from (a frozen copy: own keys only, objects without prototype). */
  readonly stimulus: Stimulus;
  /**
   * The current at t (ms). side 0 (default): the value at t exactly, as the windows' closedness defines it;
   * +1: the limit from the right; −1: the limit from the left.
   */
  value(t: number, side?: -1 | 0 | 1): number;
  /**
   * Sorted, distinct times strictly inside (t0, t1) (ms) where I or dI/dt may jump: window edges, pulse edges
   * and noise sample times, except those hidden under a later overlay part that is on at both sides.
   * Between two consecutive breakpoints the current is smooth.
   */
  breakpoints(t0: number, t1: number): number[];
  /**
   * out[k] = value(t0 + k·dt) for every k, with the time computed as t0 + k·dt (never by repeated addition),
   * so the samples agree bit for bit with `value`. Allocates nothing per sample.
   */
  fill(out: Float64Array, t0: number, dt: number): void;
}

/** Breakpoints of a node in (t0, t1), pushed unsorted and possibly repeated. */
function collect(n: CompiledNode, t0: number, t1: number, out: number[]): void {
  kindOf(n.kind).breakpoints(n, t0, t1, out, BREAKPOINTS);
}

const BREAKPOINTS: BreakpointContext = {collect, evaluate};

function checkTime(t: unknown, name: string): void {
  if (typeof t !== "number" || !Number.isFinite(t))
    throw new RangeError(`${name}: must be a finite number (ms), got ${describe(t)}`);
}

class Compiled implements CompiledStimulus {
  readonly stimulus: Stimulus;
  private readonly root: CompiledNode;
  /** Scratch buffers for `fill`, one per nesting level of groups inside groups; reused across calls. */
  private readonly scratch: Float64Array[] = [];

  constructor(stimulus: Stimulus, root: CompiledNode) {
    this.stimulus = stimulus;
    this.root = root;
  }

  value(t: number, side: -1 | 0 | 1 = 0): number {
    checkTime(t, "value: t");
    if (side !== 0 && side !== 1 && side !== -1)
      throw new RangeError(`value: side must be -1, 0 or 1, got ${describe(side)}`);
    const v = evaluate(this.root, t, side);
    return v === v ? v : 0;
  }

  breakpoints(t0: number, t1: number): number[] {
    checkTime(t0, "breakpoints: t0");
    checkTime(t1, "breakpoints: t1");
    if (!(t1 > t0)) return [];
    const raw: number[] = [];
    collect(this.root, t0, t1, raw);
    checkBreakpointBudget(raw.length, t0, t1);
    const sorted = Float64Array.from(raw).sort();
    const result: number[] = [];
    for (const b of sorted) if (result.length === 0 || b !== result[result.length - 1]) result.push(b);
    return result;
  }

  fill(out: Float64Array, t0: number, dt: number): void {
    if (!(out instanceof Float64Array)) throw new TypeError(`fill: out must be a Float64Array, got ${describe(out)}`);
    checkTime(t0, "fill: t0");
    checkTime(dt, "fill: dt");
    if (dt < 0) throw new RangeError(`fill: dt must be ≥ 0 (ms), got ${describe(dt)}`);
    if (out.length > 0) this.fillNode(this.root, out, t0, dt, out.length, ZERO, 0);
  }

  /** Fills buf[0, count) with the node's samples in the given mode (see sampling.ts). */
  private fillNode(
    n: CompiledNode,
    buf: Float64Array,
    t0: number,
    dt: number,
    count: number,
    mode: number,
    depth: number
  ): void {
    const kind = kindOf(n.kind);
    if (mode === ZERO || mode === BLANK) {
      buf.fill(mode === ZERO ? 0 : NaN, 0, count);
      if (!isGroup(n)) return kind.fill!(n, buf, t0, dt, count, OVER);
      for (const p of n.parts) this.fillNode(p, buf, t0, dt, count, kind.partMode!, depth);
      return;
    }
    if (!isGroup(n)) return kind.fill!(n, buf, t0, dt, count, mode as FillMode);
    // A group inside a group: fill it on its own (its own rounding, and NaN where it is inactive), then merge.
    const tmp = this.scratchAt(depth, count);
    this.fillNode(n, tmp, t0, dt, count, BLANK, depth + 1);
    merge(buf, tmp, count, mode === ADD);
  }

  private scratchAt(depth: number, count: number): Float64Array {
    let buf = this.scratch[depth];
    if (buf === undefined || buf.length < count) this.scratch[depth] = buf = new Float64Array(count);
    return buf;
  }
}

/**
 * Merges a nested group's samples (NaN where it is inactive) into buf[0, count): added for a sum's part, else
 * written over. A function of its own, on typed arrays and numbers only, so that the engine optimises the loop
 * whatever shapes of nodes fillNode has met (in a page that fills many kinds of stimulus, fillNode's own code is
 * not always optimised, and this loop ran there at 40–65 ns per sample).
 */
function merge(buf: Float64Array, tmp: Float64Array, count: number, add: boolean): void {
  if (add)
    for (let k = 0; k < count; k++) {
      const v = tmp[k];
      const old = buf[k];
      // added(old, v), written out: an imported function is not always inlined into a loop of another module.
      if (v === v) buf[k] = (old === old ? old : 0) + v;
    }
  else
    for (let k = 0; k < count; k++) {
      const v = tmp[k];
      if (v === v) buf[k] = v;
    }
}

/**
 * Freezes a validated copy (checkStimulus's, whose objects have no prototype and are not the caller's), first
 * dropping keys whose value is undefined.
 */
function freeze(s: Stimulus): Stimulus {
  if (typeof s === "number") return s;
  const part = s as unknown as Record<string, unknown>;
  for (const key of Object.keys(part)) {
    if (part[key] === undefined) delete part[key];
    else if (key === "parts") part[key] = Object.freeze((part[key] as StimulusPart[]).map(freeze));
  }
  return Object.freeze(s);
}

/** The compiled tree of a validated stimulus; a number becomes a dc node. */
function build(s: Stimulus, store: SampleStore): CompiledNode {
  const context: BuildContext = {build: (p, path) => kindOf(p.kind).build(p, path, context), store};
  return context.build(typeof s === "number" ? dc(s) : s, "current");
}

function precompute(n: CompiledNode, horizon: number): void {
  if (isGroup(n)) n.parts.forEach((p) => precompute(p, horizon));
  else kindOf(n.kind).precompute?.(n, horizon);
}

/**
 * Validates a stimulus (throws as {@link validateStimulus} does) and compiles it for evaluation.
 *
 * @param current - a number (constant current, mV/ms) or a part tree
 * @param horizon - the last time (ms) the caller will ask for, if known: noise is then generated up to it at once
 *   and its sample count is checked against {@link NOISE_SAMPLE_BUDGET} here rather than on first use.
 *   Later times still work (noise grows on demand).
 *
 * @example
 * const I = compileStimulus(overlay(dc(-2), step(-0.5, 10, null, "open")));
 * I.value(10); // -2 (the step is open at 10)
 * I.value(10, 1); // -0.5
 */
export function compileStimulus(current: Stimulus, horizon?: number): CompiledStimulus {
  if (horizon !== undefined && (typeof horizon !== "number" || !(horizon >= 0) || horizon === Infinity)) {
    throw new RangeError(`horizon: must be a finite number ≥ 0 (ms), got ${describe(horizon)}`);
  }
  // The caller's tree is read once, into the copy that is checked, frozen and compiled.
  const stimulus = freeze(checkStimulus(current, "current", horizon ?? Infinity));
  const root = build(stimulus, {samples: 0});
  if (horizon !== undefined) precompute(root, horizon);
  return new Compiled(stimulus, root);
}
