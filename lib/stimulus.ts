/**
 * Input currents as plain JSON data. A `Stimulus` is a number (a constant current) or a tree of parts: dc, step,
 * ramp, pulse trains, sine, chirp, frozen Ornstein–Uhlenbeck noise, and their sum or overlay. Being data, a
 * stimulus can be saved, put in a URL, drawn, and exported to other simulators; `compileStimulus` turns it into
 * an evaluator for the simulator.
 *
 * Units: t in ms; I in the paper's units (a current normalised by capacitance, entering v' directly, mV/ms);
 * frequencies in Hz; phases in radians.
 */
import {normalUnchecked, portableExp, portableExpm1} from "./random.js";
import {checkKeyword, describe} from "./validate.js";

// ───────────────────────────── types ─────────────────────────────

/**
 * Which ends of a window [start, end] belong to it: "open" (start, end), "left" [start, end) (the default),
 * "right" (start, end], "both" [start, end]. figure1.m's strict inequalities (`t > T1`) are "open".
 */
export type Closed = "open" | "left" | "right" | "both";

/** When a part is on. Outside its window a part is inactive and contributes 0. */
export interface Window {
  /** Start of the window (ms). Default 0 (noise); −∞ for a sine, which is dc-like. */
  start?: number;
  /** End of the window (ms); null or absent: forever. */
  end?: number | null;
  /** Which ends belong to the window; default "left", i.e. [start, end). */
  closed?: Closed;
}

/** A constant current, always active. */
export interface DcPart {
  kind: "dc";
  /** Current (paper's units, mV/ms). */
  value: number;
}

/** `value` inside the window, 0 (inactive) outside. */
export interface StepPart extends Window {
  kind: "step";
  /** Current inside the window (mV/ms). */
  value: number;
  /** Onset (ms). */
  start: number;
}

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

/**
 * Frozen Ornstein–Uhlenbeck noise, held constant on [start + k·dt, start + (k+1)·dt):
 * x₀ = mean + sigma·N₀ (stationary start), x₍ₖ₊₁₎ = mean + (xₖ − mean)·ρ + sigma·√(1 − ρ²)·N₍ₖ₊₁₎,
 * ρ = exp(−dt/tau), Nₖ = `normal(seed, k)` from lib/random.ts. Every step uses only IEEE basic operations, so the
 * same seed gives the same bits everywhere. Stationary mean `mean`, standard deviation `sigma`, lag-1
 * autocorrelation ρ. Its window starts at 0 by default.
 */
export interface NoisePart extends Window {
  kind: "noise";
  /** Mean current (mV/ms). */
  mean: number;
  /** Stationary standard deviation (mV/ms), ≥ 0. */
  sigma: number;
  /** Correlation time (ms), ≥ 0; 0 gives independent samples. */
  tau: number;
  /** Seed: a safe integer. */
  seed: number;
  /** Sample interval (ms). */
  dt: number;
}

/** The sum of its parts; active where any part is. */
export interface SumPart {
  kind: "sum";
  /** The terms, added in this order. */
  parts: StimulusPart[];
}

/**
 * Layers: at each t the last active part gives the current; where no part is active the current is 0.
 * A dc part is always active, so `overlay(dc(baseline), step(…), …)` is "baseline unless a later part is on".
 * Active where any part is.
 */
export interface OverlayPart {
  kind: "overlay";
  /** The layers, bottom first. */
  parts: StimulusPart[];
}

/** One node of a stimulus tree. */
export type StimulusPart =
  DcPart | StepPart | RampPart | PulsesPart | SinePart | ChirpPart | NoisePart | SumPart | OverlayPart;

/** An input current: a constant (mV/ms) or a part tree. */
export type Stimulus = number | StimulusPart;

/** A stimulus ready to be evaluated (see {@link compileStimulus}). */
export interface CompiledStimulus {
  /** The stimulus it was compiled from (a frozen copy). */
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

/**
 * A segment of a protocol's current in protocols.json (schema in SCIENCE.md §6): on its window [t0, t1] (t1 null:
 * to the end; ends per `closed`) the current is `value` (kind "step") or `start + slope·(t − t0)` (kind "ramp").
 * The fields a kind needs are checked at run time by {@link fromProtocol}.
 */
export interface ProtocolSegment {
  kind: "step" | "ramp";
  /** Window start (ms). */
  t0: number;
  /** Window end (ms); null: to the end. */
  t1: number | null;
  /** Current of a step (mV/ms). */
  value?: number;
  /** Current of a ramp at t0 (mV/ms). */
  start?: number;
  /** Slope of a ramp (mV/ms per ms). */
  slope?: number;
  /** Which ends of [t0, t1] belong to the segment ("open" for figure1.m's strict inequalities). */
  closed: Closed;
}

/** A protocol's `current` in protocols.json: baseline unless t lies in a segment; later segments win. */
export interface ProtocolCurrent {
  /** Current outside every segment (mV/ms). */
  baseline: number;
  /** Segments in order; later ones win where they overlap. */
  segments: ProtocolSegment[];
}

// ───────────────────────────── limits ─────────────────────────────

/** The kinds of stimulus part. */
export const STIMULUS_KINDS = ["dc", "step", "ramp", "pulses", "sine", "chirp", "noise", "sum", "overlay"] as const;

/** The values `closed` accepts. */
export const CLOSED_VALUES: readonly Closed[] = ["open", "left", "right", "both"];

/**
 * Bounds on a stimulus. `magnitude` bounds every number (times in ms, currents, frequencies, phases), so sums
 * and ramps stay finite; `resolution` is the smallest noise dt or pulse period (ms), which keeps the grids
 * start + k·dt strictly increasing; `depth` bounds the nesting of sum and overlay.
 */
export const STIMULUS_LIMITS = Object.freeze({magnitude: 1e9, resolution: 1e-6, depth: 32});

/** The most noise samples one compiled stimulus may hold (80 MB as Float64). */
export const NOISE_SAMPLE_BUDGET = 10_000_000;

/** The most breakpoints one `breakpoints` call may return. */
export const BREAKPOINT_BUDGET = 10_000_000;

// ───────────────────────────── builders ─────────────────────────────

/** A constant current (mV/ms). */
export function dc(value: number): DcPart {
  return {kind: "dc", value};
}

/** `value` (mV/ms) from `start` to `end` (ms; omitted or null: forever); `closed` defaults to "left". */
export function step(value: number, start: number, end?: number | null, closed?: Closed): StepPart {
  return withWindow({kind: "step", value, start}, end, closed);
}

/** `from + slope·(t − start)` from `start` to `end` (ms; omitted or null: forever); `closed` defaults to "left". */
export function ramp(from: number, slope: number, start: number, end?: number | null, closed?: Closed): RampPart {
  return withWindow({kind: "ramp", from, slope, start}, end, closed);
}

/** A pulse train; see {@link PulsesPart}. */
export function pulses(options: Omit<PulsesPart, "kind">): PulsesPart {
  return {kind: "pulses", ...options};
}

/** A sine; see {@link SinePart}. */
export function sine(options: Omit<SinePart, "kind">): SinePart {
  return {kind: "sine", ...options};
}

/** A linear chirp; see {@link ChirpPart}. */
export function chirp(options: Omit<ChirpPart, "kind">): ChirpPart {
  return {kind: "chirp", ...options};
}

/** Frozen Ornstein–Uhlenbeck noise; see {@link NoisePart}. */
export function noise(options: Omit<NoisePart, "kind">): NoisePart {
  return {kind: "noise", ...options};
}

/** The sum of the parts. */
export function sum(...parts: StimulusPart[]): SumPart {
  return {kind: "sum", parts};
}

/** The parts layered: where several are active, the last one wins; see {@link OverlayPart}. */
export function overlay(...parts: StimulusPart[]): OverlayPart {
  return {kind: "overlay", parts};
}

function withWindow<T extends StepPart | RampPart>(part: T, end?: number | null, closed?: Closed): T {
  // Absent options stay absent, so the JSON is as short as the call.
  if (end !== undefined) part.end = end;
  if (closed !== undefined) part.closed = closed;
  return part;
}

// ───────────────────────────── validation ─────────────────────────────

type Kind = (typeof STIMULUS_KINDS)[number];

const KEYS: ReadonlyMap<string, readonly string[]> = new Map<Kind, readonly string[]>([
  ["dc", ["kind", "value"]],
  ["step", ["kind", "value", "start", "end", "closed"]],
  ["ramp", ["kind", "from", "slope", "start", "end", "closed"]],
  ["pulses", ["kind", "amplitude", "start", "width", "period", "count", "closed"]],
  ["sine", ["kind", "amplitude", "frequency", "phase", "offset", "start", "end", "closed"]],
  ["chirp", ["kind", "amplitude", "f0", "f1", "start", "end", "closed"]],
  ["noise", ["kind", "mean", "sigma", "tau", "seed", "dt", "start", "end", "closed"]],
  ["sum", ["kind", "parts"]],
  ["overlay", ["kind", "parts"]]
]);

const MAX = STIMULUS_LIMITS.magnitude;
const RESOLUTION = STIMULUS_LIMITS.resolution;

type Bound = "any" | "positive" | "nonnegative";
const BOUND_TEXT: Record<Bound, string> = {any: "", positive: " > 0", nonnegative: " ≥ 0"};

/** Checks one numeric field; throws a TypeError (not a number) or RangeError naming path, value and what is allowed. */
function checkFinite(value: unknown, path: string, bound: Bound = "any"): number {
  const allowed = `must be a finite number${BOUND_TEXT[bound]}`;
  if (typeof value !== "number") throw new TypeError(`${path}: ${allowed}, got ${describe(value)}`);
  const ok = Number.isFinite(value) && (bound === "any" || (bound === "positive" ? value > 0 : value >= 0));
  if (!ok) throw new RangeError(`${path}: ${allowed}, got ${describe(value)}`);
  if (Math.abs(value) > MAX)
    throw new RangeError(`${path}: must be at most ${MAX} in magnitude, got ${describe(value)}`);
  return value;
}

/** A time step or period (ms): finite, > 0 and no finer than the resolution. */
function checkStep(value: unknown, path: string): number {
  const x = checkFinite(value, path, "positive");
  if (x < RESOLUTION)
    throw new RangeError(
      `${path}: must be at least ${RESOLUTION} ms (the finest time step allowed), got ${describe(x)}`
    );
  return x;
}

function optionalFinite(value: unknown, path: string, fallback: number): number {
  return value === undefined ? fallback : checkFinite(value, path);
}

function checkClosed(value: unknown, path: string): Closed {
  return value === undefined ? "left" : checkKeyword(value, path, CLOSED_VALUES);
}

/** The end of a window: absent or null means +∞; otherwise ≥ start (> start when `strict`). */
function checkEnd(value: unknown, path: string, start: number, strict = false): number {
  if (value === undefined || value === null) return Infinity;
  const end = checkFinite(value, path);
  if (strict ? !(end > start) : end < start) {
    throw new RangeError(`${path}: must be ${strict ? ">" : "≥"} start (${describe(start)} ms), got ${describe(end)}`);
  }
  return end;
}

function noiseSamplesUpTo(start: number, dt: number, until: number): number {
  return until < start ? 0 : gridIndex(start, dt, until, 0) + 1;
}

function budgetError(path: string, needed: number, dt: number, until: number): RangeError {
  return new RangeError(
    `${path}: noise at dt = ${describe(dt)} ms up to t = ${describe(until)} ms needs ${needed} samples, above the budget of ` +
      `${NOISE_SAMPLE_BUDGET} noise samples per stimulus; use a larger dt or a shorter window`
  );
}

interface Walk {
  ancestors: Set<object>;
  /** Noise samples that windows (or the horizon) make certain to be needed, summed over the tree. */
  samples: number;
  horizon: number;
}

/**
 * Throws unless `current` is a valid {@link Stimulus}: a TypeError or RangeError whose message starts with the
 * field path (e.g. `current.parts[1].dt`), then the rule and the value received, e.g.
 * `current.dt: must be a finite number > 0, got -1`. Checked: kinds, unknown keys (typos), finite numbers of
 * magnitude ≤ 1e9, non-negative widths, sigma, tau; periods and dt ≥ 1e-6 ms; end ≥ start; width ≤ period;
 * integer seeds and counts; closedness; nesting depth and cycles; the noise sample budget for finite windows.
 *
 * @param field - the name of the value in messages; default "current"
 */
export function validateStimulus(current: unknown, field = "current"): asserts current is Stimulus {
  walk(current, field, {ancestors: new Set(), samples: 0, horizon: Infinity});
}

function walk(current: unknown, path: string, w: Walk): void {
  if (typeof current === "number") {
    checkFinite(current, path);
    return;
  }
  checkPart(current, path, w, 0);
}

function checkPart(part: unknown, path: string, w: Walk, depth: number): void {
  if (typeof part !== "object" || part === null || Array.isArray(part)) {
    throw new TypeError(`${path}: must be a number or a stimulus part {kind: …}, got ${describe(part)}`);
  }
  if (w.ancestors.has(part)) throw new TypeError(`${path}: a part may not contain itself`);
  const p = part as Record<string, unknown>;
  const keys = KEYS.get(p.kind as string);
  if (typeof p.kind !== "string" || keys === undefined) {
    throw new RangeError(
      `${path}.kind: unknown stimulus part ${describe(p.kind)}; allowed: ${STIMULUS_KINDS.join(", ")}`
    );
  }
  for (const key of Object.keys(p)) {
    if (!keys.includes(key))
      throw new RangeError(`${path}.${key}: unknown key for a "${p.kind}" part; allowed: ${keys.join(", ")}`);
  }
  const at = (key: string) => `${path}.${key}`;
  switch (p.kind as Kind) {
    case "dc":
      checkFinite(p.value, at("value"));
      return;
    case "step":
    case "ramp": {
      if (p.kind === "step") checkFinite(p.value, at("value"));
      else {
        checkFinite(p.from, at("from"));
        checkFinite(p.slope, at("slope"));
      }
      const start = checkFinite(p.start, at("start"));
      checkEnd(p.end, at("end"), start);
      checkClosed(p.closed, at("closed"));
      return;
    }
    case "pulses": {
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
        if (!Number.isInteger(count) || count < 0 || count > MAX) {
          throw new RangeError(
            `${at("count")}: must be an integer ≥ 0 and ≤ ${MAX} (or null: endless), got ${describe(count)}`
          );
        }
      }
      checkClosed(p.closed, at("closed"));
      return;
    }
    case "sine": {
      checkFinite(p.amplitude, at("amplitude"));
      checkFinite(p.frequency, at("frequency"), "nonnegative");
      optionalFinite(p.phase, at("phase"), 0);
      optionalFinite(p.offset, at("offset"), 0);
      const start = optionalFinite(p.start, at("start"), -Infinity);
      checkEnd(p.end, at("end"), start);
      checkClosed(p.closed, at("closed"));
      return;
    }
    case "chirp": {
      checkFinite(p.amplitude, at("amplitude"));
      checkFinite(p.f0, at("f0"), "nonnegative");
      checkFinite(p.f1, at("f1"), "nonnegative");
      const start = checkFinite(p.start, at("start"));
      if (p.end === undefined || p.end === null)
        throw new TypeError(`${at("end")}: must be a finite number > start, got ${describe(p.end)}`);
      checkEnd(p.end, at("end"), start, true);
      checkClosed(p.closed, at("closed"));
      return;
    }
    case "noise": {
      checkFinite(p.mean, at("mean"));
      checkFinite(p.sigma, at("sigma"), "nonnegative");
      checkFinite(p.tau, at("tau"), "nonnegative");
      if (typeof p.seed !== "number")
        throw new TypeError(`${at("seed")}: must be a safe integer, got ${describe(p.seed)}`);
      if (!Number.isSafeInteger(p.seed))
        throw new RangeError(`${at("seed")}: must be a safe integer, got ${describe(p.seed)}`);
      const dt = checkStep(p.dt, at("dt"));
      const start = optionalFinite(p.start, at("start"), 0);
      const end = checkEnd(p.end, at("end"), start);
      checkClosed(p.closed, at("closed"));
      const until = Math.min(end, w.horizon);
      if (until < Infinity) {
        const needed = noiseSamplesUpTo(start, dt, until);
        w.samples += needed;
        if (w.samples > NOISE_SAMPLE_BUDGET) throw budgetError(path, needed, dt, until);
      }
      return;
    }
    case "sum":
    case "overlay": {
      if (!Array.isArray(p.parts))
        throw new TypeError(`${at("parts")}: must be an array of stimulus parts, got ${describe(p.parts)}`);
      if (depth >= STIMULUS_LIMITS.depth) {
        throw new RangeError(`${path}: nested deeper than ${STIMULUS_LIMITS.depth} levels of sum and overlay`);
      }
      w.ancestors.add(part);
      p.parts.forEach((child, i) => checkPart(child, `${path}.parts[${i}]`, w, depth + 1));
      w.ancestors.delete(part);
      return;
    }
  }
}

// ───────────────────────────── compiled form ─────────────────────────────

// Windows are flattened into each node: lo, hi (ms, ±∞ allowed) and whether each end belongs.
interface Windowed {
  lo: number;
  hi: number;
  loIn: boolean;
  hiIn: boolean;
}

interface NoiseStore {
  /** Samples held by all noise parts of the stimulus (against NOISE_SAMPLE_BUDGET). */
  samples: number;
}

type Node =
  | {kind: "dc"; value: number}
  | ({kind: "step"; value: number} & Windowed)
  | ({kind: "ramp"; from: number; slope: number} & Windowed)
  | ({kind: "sine"; amplitude: number; omega: number; origin: number; phase: number; offset: number} & Windowed)
  | ({kind: "chirp"; amplitude: number; c1: number; c2: number} & Windowed)
  | {
      kind: "pulses";
      amplitude: number;
      start: number;
      width: number;
      period: number;
      last: number;
      loIn: boolean;
      hiIn: boolean;
    }
  | NoiseNode
  | GroupNode;

interface GroupNode {
  kind: "sum" | "overlay";
  parts: Node[];
}

function isGroup(n: Node): n is GroupNode {
  return n.kind === "sum" || n.kind === "overlay";
}

interface NoiseNode extends Windowed {
  kind: "noise";
  path: string;
  seed: number;
  dt: number;
  mean: number;
  sigma: number;
  rho: number;
  /** sigma·√(1 − ρ²), the scale of each innovation. */
  kick: number;
  /** OU samples 0..count − 1 (the array may be longer). */
  samples: Float64Array;
  count: number;
  store: NoiseStore;
}

type PulsesNode = Extract<Node, {kind: "pulses"}>;

function windowOf(start: number, end: number, closed: Closed): Windowed {
  return {
    lo: start,
    hi: end,
    loIn: closed === "left" || closed === "both",
    hiIn: closed === "right" || closed === "both"
  };
}

function build(s: Stimulus, path: string, store: NoiseStore): Node {
  if (typeof s === "number") return {kind: "dc", value: s};
  const closed = "closed" in s ? (s.closed ?? "left") : "left";
  const end = "end" in s && s.end !== undefined && s.end !== null ? s.end : Infinity;
  switch (s.kind) {
    case "dc":
      return {kind: "dc", value: s.value};
    case "step":
      return {kind: "step", value: s.value, ...windowOf(s.start, end, closed)};
    case "ramp":
      return {kind: "ramp", from: s.from, slope: s.slope, ...windowOf(s.start, end, closed)};
    case "sine": {
      const start = s.start ?? -Infinity;
      const origin = start === -Infinity ? 0 : start;
      const omega = (2 * Math.PI * s.frequency) / 1000;
      return {
        kind: "sine",
        amplitude: s.amplitude,
        omega,
        origin,
        phase: s.phase ?? 0,
        offset: s.offset ?? 0,
        ...windowOf(start, end, closed)
      };
    }
    case "chirp": {
      const c1 = (2 * Math.PI * s.f0) / 1000;
      const c2 = (Math.PI * (s.f1 - s.f0)) / (1000 * (s.end - s.start));
      return {kind: "chirp", amplitude: s.amplitude, c1, c2, ...windowOf(s.start, end, closed)};
    }
    case "pulses": {
      const w = windowOf(0, 0, closed);
      const last = s.count === undefined || s.count === null ? Infinity : s.count - 1;
      return {
        kind: "pulses",
        amplitude: s.amplitude,
        start: s.start,
        width: s.width,
        period: s.period,
        last,
        loIn: w.loIn,
        hiIn: w.hiIn
      };
    }
    case "noise": {
      // ρ = e^(−h) and 1 − ρ² = −expm1(−2h), h = dt/τ, with the engine-independent exponential (τ = 0: h = ∞, ρ = 0;
      // the test is written so that τ = −0 also lands there rather than at h = −∞).
      const h = s.tau > 0 ? s.dt / s.tau : Infinity;
      const rho = portableExp(-h);
      const kick = s.sigma * Math.sqrt(-portableExpm1(-2 * h));
      return {
        kind: "noise",
        path,
        seed: s.seed,
        dt: s.dt,
        mean: s.mean,
        sigma: s.sigma,
        rho,
        kick,
        samples: new Float64Array(0),
        count: 0,
        store,
        ...windowOf(s.start ?? 0, end, closed)
      };
    }
    case "sum":
    case "overlay":
      return {kind: s.kind, parts: s.parts.map((p, i) => build(p, `${path}.parts[${i}]`, store))};
  }
}

function inside(w: Windowed, t: number, side: number): boolean {
  if (side === 0) return (t > w.lo || (t === w.lo && w.loIn)) && (t < w.hi || (t === w.hi && w.hiIn));
  return side > 0 ? t >= w.lo && t < w.hi : t > w.lo && t <= w.hi;
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

/**
 * The last k ≥ 0 with lo + k·dt ≤ t (side −1: < t), k·dt computed as such. The division guesses k within rounding;
 * the grid's own times decide. The loops are bounded so that absurd times (where k·dt no longer resolves) cannot hang.
 */
function gridIndex(lo: number, dt: number, t: number, side: number): number {
  let k = Math.floor((t - lo) / dt);
  if (k < 0) k = 0;
  if (side < 0) {
    for (let i = 0; i < 3 && k > 0 && lo + k * dt >= t; i++) k--;
    for (let i = 0; i < 3 && lo + (k + 1) * dt < t; i++) k++;
  } else {
    for (let i = 0; i < 3 && k > 0 && lo + k * dt > t; i++) k--;
    for (let i = 0; i < 3 && lo + (k + 1) * dt <= t; i++) k++;
  }
  return k;
}

/** Index of the noise sample held at t. */
function noiseIndex(n: NoiseNode, t: number, side: number): number {
  return gridIndex(n.lo, n.dt, t, side);
}

/** Makes samples 0..k available, growing the cache geometrically; throws past the budget. */
function ensureNoise(n: NoiseNode, k: number): void {
  if (k < n.count) return;
  const capacity = n.samples.length;
  if (k >= capacity) {
    const available = capacity + NOISE_SAMPLE_BUDGET - n.store.samples;
    if (k + 1 > available) throw budgetError(n.path, k + 1, n.dt, n.lo + k * n.dt);
    const grown = new Float64Array(Math.min(Math.max(k + 1, 2 * capacity, 1024), available));
    grown.set(n.samples.subarray(0, n.count));
    n.store.samples += grown.length - capacity;
    n.samples = grown;
  }
  const {samples, seed, mean, rho, kick} = n;
  let j = n.count;
  if (j === 0) samples[j++] = mean + n.sigma * normalUnchecked(seed, 0);
  for (; j <= k; j++) samples[j] = mean + (samples[j - 1] - mean) * rho + kick * normalUnchecked(seed, j);
  n.count = k + 1;
}

function noiseAt(n: NoiseNode, t: number, side: number): number {
  const k = noiseIndex(n, t, side);
  ensureNoise(n, k);
  return n.samples[k];
}

/** The current of a node at t, or NaN where the node is inactive (NaN never arises otherwise: inputs are bounded). */
function evaluate(n: Node, t: number, side: number): number {
  switch (n.kind) {
    case "dc":
      return n.value;
    case "step":
      return inside(n, t, side) ? n.value : NaN;
    case "ramp":
      return inside(n, t, side) ? n.from + n.slope * (t - n.lo) : NaN;
    case "sine":
      return inside(n, t, side) ? n.amplitude * Math.sin(n.omega * (t - n.origin) + n.phase) + n.offset : NaN;
    case "chirp": {
      const s = t - n.lo;
      return inside(n, t, side) ? n.amplitude * Math.sin(s * (n.c1 + n.c2 * s)) : NaN;
    }
    case "pulses":
      return pulseActive(n, t, side) ? n.amplitude : NaN;
    case "noise":
      return inside(n, t, side) ? noiseAt(n, t, side) : NaN;
    case "sum": {
      let total = NaN;
      for (const p of n.parts) {
        const v = evaluate(p, t, side);
        if (v === v) total = added(total, v);
      }
      return total;
    }
    case "overlay":
      for (let i = n.parts.length - 1; i >= 0; i--) {
        const v = evaluate(n.parts[i], t, side);
        if (v === v) return v;
      }
      return NaN;
  }
}

// How `fill` writes a node's samples into a buffer. ZERO and BLANK overwrite every sample, with 0 (the root:
// inactive means 0) or NaN (a group whose activity an overlay needs) where the node is inactive; ADD adds where
// the node is active (the parts of a sum); OVER overwrites where it is active (the parts of an overlay).
// The arithmetic is that of `evaluate`, term for term, so `fill` and `value` agree bit for bit.
const ZERO = 0;
const BLANK = 1;
const ADD = 2;
const OVER = 3;

/** Adds v to a sum's running total, which is NaN until its first active part (as in `evaluate`). */
function added(old: number, v: number): number {
  return (old === old ? old : 0) + v;
}

/**
 * The samples k in [0, count) whose time t0 + k·dt lies in the window, as [first, end). Times grow with k, so the
 * set is one run; the division only guesses its ends and the window's own test decides them exactly.
 */
function windowRange(
  lo: number,
  hi: number,
  loIn: boolean,
  hiIn: boolean,
  t0: number,
  dt: number,
  count: number
): [number, number] {
  const after = (k: number) => {
    const t = t0 + k * dt;
    return t > lo || (t === lo && loIn);
  };
  const before = (k: number) => {
    const t = t0 + k * dt;
    return t < hi || (t === hi && hiIn);
  };
  if (dt === 0) return after(0) && before(0) ? [0, count] : [0, 0];
  const clamp = (x: number, min: number) => (x < min ? min : x > count ? count : x);
  let a = lo === -Infinity ? 0 : clamp(Math.ceil((lo - t0) / dt), 0);
  while (a > 0 && after(a - 1)) a--;
  while (a < count && !after(a)) a++;
  let b = hi === Infinity ? count : clamp(Math.floor((hi - t0) / dt) + 1, a);
  while (b > a && !before(b - 1)) b--;
  while (b < count && before(b)) b++;
  return [a, b];
}

function fillConstant(buf: Float64Array, a: number, b: number, v: number, mode: number): void {
  if (mode === ADD) for (let k = a; k < b; k++) buf[k] = added(buf[k], v);
  else buf.fill(v, a, b);
}

function fillPulses(n: PulsesNode, buf: Float64Array, t0: number, dt: number, count: number, mode: number): void {
  const tLast = t0 + (count - 1) * dt;
  const first = t0 > n.start ? Math.max(0, Math.floor((t0 - n.start) / n.period) - 1) : 0;
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
}

function fillNoise(n: NoiseNode, buf: Float64Array, a: number, b: number, t0: number, dt: number, mode: number): void {
  if (a >= b) return;
  ensureNoise(n, noiseIndex(n, t0 + (b - 1) * dt, 0));
  const {samples, lo} = n;
  // Walk the samples alongside the times: j is the last sample with lo + j·dt ≤ t, as noiseIndex finds.
  let j = noiseIndex(n, t0 + a * dt, 0);
  let next = lo + (j + 1) * n.dt;
  for (let k = a; k < b; k++) {
    const t = t0 + k * dt;
    while (next <= t) next = lo + (++j + 1) * n.dt;
    buf[k] = mode === ADD ? added(buf[k], samples[j]) : samples[j];
  }
}

/** Writes a leaf's samples; `mode` is ADD or OVER (ZERO and BLANK are reduced to OVER by the caller). */
function fillLeaf(n: Node, buf: Float64Array, t0: number, dt: number, count: number, mode: number): void {
  if (n.kind === "dc") return fillConstant(buf, 0, count, n.value, mode);
  if (n.kind === "pulses") return fillPulses(n, buf, t0, dt, count, mode);
  if (isGroup(n)) throw new Error("unreachable: groups are filled by fillNode");
  const [a, b] = windowRange(n.lo, n.hi, n.loIn, n.hiIn, t0, dt, count);
  switch (n.kind) {
    case "step":
      return fillConstant(buf, a, b, n.value, mode);
    case "ramp": {
      const {from, slope, lo} = n;
      if (mode === ADD) for (let k = a; k < b; k++) buf[k] = added(buf[k], from + slope * (t0 + k * dt - lo));
      else for (let k = a; k < b; k++) buf[k] = from + slope * (t0 + k * dt - lo);
      return;
    }
    case "sine": {
      const {amplitude, omega, origin, phase, offset} = n;
      if (mode === ADD)
        for (let k = a; k < b; k++)
          buf[k] = added(buf[k], amplitude * Math.sin(omega * (t0 + k * dt - origin) + phase) + offset);
      else for (let k = a; k < b; k++) buf[k] = amplitude * Math.sin(omega * (t0 + k * dt - origin) + phase) + offset;
      return;
    }
    case "chirp": {
      const {amplitude, c1, c2, lo} = n;
      for (let k = a; k < b; k++) {
        const s = t0 + k * dt - lo;
        const v = amplitude * Math.sin(s * (c1 + c2 * s));
        buf[k] = mode === ADD ? added(buf[k], v) : v;
      }
      return;
    }
    case "noise":
      return fillNoise(n, buf, a, b, t0, dt, mode);
  }
}

/** Breakpoints of a node in (t0, t1), pushed unsorted and possibly repeated. */
function collect(n: Node, t0: number, t1: number, out: number[]): void {
  const edge = (t: number) => {
    if (t > t0 && t < t1) out.push(t);
  };
  switch (n.kind) {
    case "dc":
      return;
    case "step":
    case "ramp":
    case "sine":
    case "chirp":
      edge(n.lo);
      edge(n.hi);
      return;
    case "pulses": {
      if (n.last < 0 || t1 <= n.start) return;
      let m = t0 > n.start ? Math.max(0, Math.floor((t0 - n.start) / n.period) - 1) : 0;
      const count = Math.min(n.last - m + 1, Math.ceil((t1 - Math.max(t0, n.start)) / n.period) + 3);
      checkBreakpointBudget(out.length + 2 * count, t0, t1);
      for (let i = 0; i < count && m <= n.last; i++, m++) {
        const s = n.start + m * n.period;
        if (s >= t1) break;
        edge(s);
        edge(s + n.width);
      }
      return;
    }
    case "noise": {
      edge(n.lo);
      edge(n.hi);
      const from = Math.max(t0, n.lo);
      const to = Math.min(t1, n.hi);
      if (!(to > from)) return;
      let k = Math.max(1, Math.floor((from - n.lo) / n.dt) - 1);
      const count = Math.ceil((to - from) / n.dt) + 3;
      checkBreakpointBudget(out.length + count, t0, t1);
      for (let i = 0; i < count; i++, k++) {
        const b = n.lo + k * n.dt;
        if (b >= to) break;
        edge(b);
      }
      return;
    }
    case "sum":
      for (const p of n.parts) collect(p, t0, t1, out);
      return;
    case "overlay":
      n.parts.forEach((p, i) => {
        const own: number[] = [];
        collect(p, t0, t1, own);
        // A point is hidden if a later part is on at t−, t and t+: the current there is that part's, smooth at t.
        for (const b of own) if (!coveredLater(n.parts, i, b)) out.push(b);
      });
      return;
  }
}

function coveredLater(parts: Node[], i: number, t: number): boolean {
  for (let j = i + 1; j < parts.length; j++) {
    const p = parts[j];
    if (isOn(p, t, -1) && isOn(p, t, 0) && isOn(p, t, 1)) return true;
  }
  return false;
}

function isOn(n: Node, t: number, side: number): boolean {
  const v = evaluate(n, t, side);
  return v === v;
}

function checkBreakpointBudget(count: number, t0: number, t1: number): void {
  if (count > BREAKPOINT_BUDGET) {
    throw new RangeError(
      `breakpoints: more than ${BREAKPOINT_BUDGET} breakpoints in (${t0}, ${t1}) ms; ask for a shorter interval`
    );
  }
}

function checkTime(t: unknown, name: string): void {
  if (typeof t !== "number" || !Number.isFinite(t))
    throw new RangeError(`${name}: must be a finite number (ms), got ${describe(t)}`);
}

class Compiled implements CompiledStimulus {
  readonly stimulus: Stimulus;
  private readonly root: Node;
  /** Scratch buffers for `fill`, one per nesting level of groups inside groups; reused across calls. */
  private readonly scratch: Float64Array[] = [];

  constructor(stimulus: Stimulus, root: Node) {
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

  private fillNode(
    n: Node,
    buf: Float64Array,
    t0: number,
    dt: number,
    count: number,
    mode: number,
    depth: number
  ): void {
    if (mode === ZERO || mode === BLANK) {
      buf.fill(mode === ZERO ? 0 : NaN, 0, count);
      if (!isGroup(n)) return fillLeaf(n, buf, t0, dt, count, OVER);
      const partMode = n.kind === "sum" ? ADD : OVER;
      for (const p of n.parts) this.fillNode(p, buf, t0, dt, count, partMode, depth);
      return;
    }
    if (!isGroup(n)) return fillLeaf(n, buf, t0, dt, count, mode);
    // A group inside a group: fill it on its own (its own rounding, and NaN where it is inactive), then merge.
    const tmp = this.scratchAt(depth, count);
    this.fillNode(n, tmp, t0, dt, count, BLANK, depth + 1);
    for (let k = 0; k < count; k++) {
      const v = tmp[k];
      if (v === v) buf[k] = mode === ADD ? added(buf[k], v) : v;
    }
  }

  private scratchAt(depth: number, count: number): Float64Array {
    let buf = this.scratch[depth];
    if (buf === undefined || buf.length < count) this.scratch[depth] = buf = new Float64Array(count);
    return buf;
  }
}

/** A frozen deep copy of a validated stimulus, without keys whose value is undefined. */
function freezeCopy(s: Stimulus): Stimulus {
  if (typeof s === "number") return s;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(s)) {
    if (value === undefined) continue;
    copy[key] = key === "parts" ? Object.freeze((value as StimulusPart[]).map(freezeCopy)) : value;
  }
  return Object.freeze(copy) as unknown as Stimulus;
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
  walk(current, "current", {ancestors: new Set(), samples: 0, horizon: horizon ?? Infinity});
  const store: NoiseStore = {samples: 0};
  const stimulus = freezeCopy(current);
  const root = build(stimulus, "current", store);
  if (horizon !== undefined) precompute(root, horizon);
  return new Compiled(stimulus, root);
}

function precompute(n: Node, horizon: number): void {
  if (isGroup(n)) n.parts.forEach((p) => precompute(p, horizon));
  else if (n.kind === "noise") {
    const until = Math.min(horizon, n.hi);
    if (until >= n.lo) ensureNoise(n, noiseIndex(n, until, 0));
  }
}

// ───────────────────────────── protocols ─────────────────────────────

const SEGMENT_KEYS = {
  step: ["kind", "t0", "t1", "value", "closed"],
  ramp: ["kind", "t0", "t1", "start", "slope", "closed"]
};

/**
 * A protocol's current from protocols.json (SCIENCE.md §6) as a Stimulus, exactly: `overlay(dc(baseline), …)`
 * with one step (`value`) or ramp (`start + slope·(t − t0)`) per segment on its window [t0, t1] (t1 null:
 * forever) with the segment's closedness, so later segments win where they overlap. Evaluated at figure1.m's
 * grid times it gives the panel's current bit for bit. Throws, naming the field, on a malformed segment.
 *
 * @example
 * fromProtocol({baseline: 0, segments: [{kind: "step", t0: 15, t1: null, value: 14, closed: "open"}]});
 * // {kind: "overlay", parts: [{kind: "dc", value: 0}, {kind: "step", value: 14, start: 15, closed: "open"}]}
 */
export function fromProtocol(current: ProtocolCurrent, field = "current"): Stimulus {
  if (typeof current !== "object" || current === null)
    throw new TypeError(`${field}: must be {baseline, segments}, got ${describe(current)}`);
  const baseline = checkFinite(current.baseline, `${field}.baseline`);
  if (!Array.isArray(current.segments))
    throw new TypeError(`${field}.segments: must be an array, got ${describe(current.segments)}`);
  const parts: StimulusPart[] = [dc(baseline)];
  current.segments.forEach((segment: unknown, i) => {
    const path = `${field}.segments[${i}]`;
    if (typeof segment !== "object" || segment === null)
      throw new TypeError(`${path}: must be a segment object, got ${describe(segment)}`);
    const s = segment as Record<string, unknown>;
    const kind = checkKeyword(s.kind, `${path}.kind`, ["step", "ramp"] as const);
    for (const key of Object.keys(s)) {
      if (!SEGMENT_KEYS[kind].includes(key))
        throw new RangeError(
          `${path}.${key}: unknown key for a "${kind}" segment; allowed: ${SEGMENT_KEYS[kind].join(", ")}`
        );
    }
    const start = checkFinite(s.t0, `${path}.t0`);
    const end = checkEnd(s.t1, `${path}.t1`, start);
    const closed = checkKeyword(s.closed, `${path}.closed`, CLOSED_VALUES);
    const window = end === Infinity ? {start, closed} : {start, end, closed};
    parts.push(
      kind === "step"
        ? {kind: "step", value: checkFinite(s.value, `${path}.value`), ...window}
        : {
            kind: "ramp",
            from: checkFinite(s.start, `${path}.start`),
            slope: checkFinite(s.slope, `${path}.slope`),
            ...window
          }
    );
  });
  const stimulus = overlay(...parts);
  validateStimulus(stimulus, field);
  return stimulus;
}

// ───────────────────────────── labels ─────────────────────────────

/** A number for a label: integers as they are, others to 4 significant digits, with a typographic minus. */
function fmt(x: number): string {
  const s = Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4)));
  return s.replace("-", "−");
}

function windowText(lo: number, hi: number, closed: Closed): string {
  const loIn = closed === "left" || closed === "both";
  const hiIn = closed === "right" || closed === "both";
  if (lo === -Infinity && hi === Infinity) return "";
  if (lo === hi) return loIn && hiIn ? `t = ${fmt(lo)} ms` : "never";
  if (hi === Infinity) return `t ${loIn ? "≥" : ">"} ${fmt(lo)} ms`;
  if (lo === -Infinity) return `t ${hiIn ? "≤" : "<"} ${fmt(hi)} ms`;
  return `${fmt(lo)} ${loIn ? "≤" : "<"} t ${hiIn ? "≤" : "<"} ${fmt(hi)} ms`;
}

function forWindow(text: string, lo: number, hi: number | null | undefined, closed: Closed | undefined): string {
  const w = windowText(lo, hi ?? Infinity, closed ?? "left");
  return w ? `${text} for ${w}` : text;
}

function partLabel(p: StimulusPart): string {
  switch (p.kind) {
    case "dc":
      return fmt(p.value);
    case "step":
      return forWindow(fmt(p.value), p.start, p.end, p.closed);
    case "ramp": {
      const t = p.start === 0 ? "t" : `(t − ${fmt(p.start)})`;
      const rate = `${fmt(Math.abs(p.slope))}·${t}`;
      const text =
        p.from === 0 ? (p.slope < 0 ? `−${rate}` : rate) : `${fmt(p.from)} ${p.slope < 0 ? "−" : "+"} ${rate}`;
      return forWindow(text, p.start, p.end, p.closed);
    }
    case "pulses": {
      const count = p.count === undefined || p.count === null ? "" : `${p.count} `;
      return `${count}pulses of ${fmt(p.amplitude)}, ${fmt(p.width)} ms every ${fmt(p.period)} ms from t = ${fmt(p.start)} ms`;
    }
    case "sine": {
      const phase = p.phase ? `, phase ${fmt(p.phase)} rad` : "";
      const offset = p.offset ? `${fmt(p.offset)} + ` : "";
      return forWindow(
        `${offset}sine of ${fmt(p.amplitude)} at ${fmt(p.frequency)} Hz${phase}`,
        p.start ?? -Infinity,
        p.end,
        p.closed
      );
    }
    case "chirp":
      return forWindow(`chirp of ${fmt(p.amplitude)}, ${fmt(p.f0)} → ${fmt(p.f1)} Hz`, p.start, p.end, p.closed);
    case "noise": {
      const text = `noise ${fmt(p.mean)} ± ${fmt(p.sigma)} (τ = ${fmt(p.tau)} ms, dt = ${fmt(p.dt)} ms, seed ${p.seed})`;
      const start = p.start ?? 0;
      const isDefault = start === 0 && (p.end ?? null) === null && (p.closed ?? "left") === "left";
      return isDefault ? text : forWindow(text, start, p.end, p.closed);
    }
    case "sum": {
      const labels = p.parts.map(nestedLabel);
      return labels.length ? labels.join(" + ") : "0";
    }
    case "overlay": {
      const [first, ...rest] = p.parts;
      if (first === undefined) return "0";
      if (first.kind !== "dc") return partLabel({kind: "overlay", parts: [dc(0), ...p.parts]});
      if (rest.length === 0) return fmt(first.value);
      const text = rest
        .map((q) => (q.kind === "sum" || q.kind === "overlay" ? `(${partLabel(q)})` : partLabel(q)))
        .join(", ");
      return first.value === 0 ? text : `${text}, else ${fmt(first.value)}`;
    }
  }
}

/** A part's label inside a sum: parenthesised when it has its own window or parts. */
function nestedLabel(p: StimulusPart): string {
  const text = partLabel(p);
  return p.kind === "sum" || p.kind === "overlay" || text.includes(" for ") ? `(${text})` : text;
}

/**
 * A short human description of a stimulus with units, e.g. "14 for t > 15 ms" for RS's protocol, or
 * "−0.5 + 0.015·(t − 30) for t > 30 ms, else −0.5". Overlays list their later parts, then "else" the baseline;
 * where listed parts overlap, the later one applies. Throws on an invalid stimulus.
 */
export function stimulusLabel(current: Stimulus): string {
  validateStimulus(current);
  return typeof current === "number" ? fmt(current) : partLabel(current);
}

/**
 * Whether a (validated) stimulus is constant between its breakpoints: made only of dc, steps, pulses and noise.
 * Integrators then evaluate it once per stretch between breakpoints instead of at every stage.
 */
export function isPiecewiseConstant(current: Stimulus): boolean {
  if (typeof current === "number") return true;
  switch (current.kind) {
    case "dc":
    case "step":
    case "pulses":
    case "noise":
      return true;
    case "sum":
    case "overlay":
      return current.parts.every(isPiecewiseConstant);
    default:
      return false;
  }
}
