/**
 * The explorer's whole state, its controls' ranges, and its round trip through the query string. Pure: no
 * DOM (the class presets are passed in; the ids and the default step are the library's), so it can be tested
 * in Node.
 *
 * Parsing never throws and never trusts its input: only known keys are read, numbers must be plain decimal
 * literals, every value is clamped to its control's range and snapped to its step, and each thing that was
 * ignored or changed is reported as a plain-text notice for the page to show.
 */
import {CLASS_IDS, type ClassId} from "../lib/presets/classes2003.js";
import {FEATURE_IDS, type FeatureId} from "../lib/presets/features2004.js";
import {DEFAULTS} from "../lib/simulate.js";
import {
  clampToSpec,
  formatNumber,
  parseDecimal,
  readQuery,
  readSpecNumber,
  show,
  unknownNotice,
  type NumberSpec
} from "./address.js";

// The shared address helpers, also under the names the pages and tests have always imported from here.
export {clampToSpec, decimals, formatNumber, readQuery, show, unknownNotice, type NumberSpec} from "./address.js";
/** Parses a strict decimal number literal (no hex, no "Infinity", no "NaN", no whitespace); else NaN. */
export const parseNumber = parseDecimal;

// The preset ids are the library's (the 2003 classes in the paper's order, the 2004 panels A–T by letter).
export {CLASS_IDS, FEATURE_IDS, type ClassId, type FeatureId};

/** Any preset the explorer can load: a 2003 class or a 2004 feature. */
export type PresetId = ClassId | FeatureId;

/**
 * The presets the explorer offers: the 2003 classes always, the 2004 features when given (the library's
 * `{...CLASSES, ...FEATURES}` fits).
 */
export type PresetSet<P> = Record<ClassId, P> & Partial<Record<FeatureId, P>>;

/** Whether `id` names a preset of the set (only known ids count: "__proto__" or "toString" never do). */
export function isPresetId(id: string, presets: PresetSet<unknown>): id is PresetId {
  if ((CLASS_IDS as readonly string[]).includes(id)) return true;
  return (
    (FEATURE_IDS as readonly string[]).includes(id) &&
    Object.prototype.hasOwnProperty.call(presets, id) &&
    presets[id as FeatureId] !== undefined
  );
}

/** The preset of an id; the first class (RS) if the set lacks it. */
export function presetOf<P>(presets: PresetSet<P>, id: PresetId): P {
  return (
    (Object.prototype.hasOwnProperty.call(presets, id) ? (presets as Record<string, P | undefined>)[id] : undefined) ??
    presets.RS
  );
}

/** Whether `id` is one of the 2004 features. */
export function isFeatureId(id: string): id is FeatureId {
  return (FEATURE_IDS as readonly string[]).includes(id);
}

/** Integration methods offered, the accurate default first. */
export const METHODS = ["adaptive", "euler", "rk4", "paper2003", "paper2004"] as const;
export type MethodId = (typeof METHODS)[number];

/** The time steps offered: dt = 2^−k ms, k = 0…10, and a preset's own published step (e.g. 0.2 or 0.1 ms). */
export const DT_EXPONENTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
/** The default step: the library's (2⁻⁵ ms). */
export const DEFAULT_DT = DEFAULTS.dt;

/** The default spike budget of a run: the library's (100,000 spikes). */
export const DEFAULT_BUDGET = DEFAULTS.maxSpikes;

/** Whether dt is one of the steps 2^−k ms, k = 0…10. */
export function isPowerOfTwoDt(dt: number): boolean {
  const k = -Math.log2(dt);
  return Number.isInteger(k) && k >= 0 && k <= 10;
}

/** Whether dt is offered with this preset: a power of two 2^−k (k = 0…10) or the preset's published step. */
export function dtAllowed(dt: number, preset: PresetLike): boolean {
  return isPowerOfTwoDt(dt) || (preset.dt !== undefined && dt === preset.dt);
}

/**
 * The dt to keep when switching from one preset to another: dt itself if the new preset offers it; the new
 * preset's published step if dt was the old one's; else the nearest 2^−k.
 */
export function keepDt(dt: number, from: PresetLike, to: PresetLike): number {
  if (dtAllowed(dt, to)) return dt;
  if (from.dt !== undefined && dt === from.dt && to.dt !== undefined) return to.dt;
  return 2 ** -Math.min(10, Math.max(0, Math.round(-Math.log2(dt))));
}

/** What the state needs from a class preset (a subset of the library's CLASSES entries). */
export interface PresetLike {
  params: {a: number; b: number; c: number; d: number};
  /** Initial v (mV); default −65, as for the library's simulate. */
  v0?: number;
  u0?: number;
  duration: number;
  dt?: number;
}

/**
 * The whole explorer state. Field names are the query-string keys, except `cls` (key `class`). `Id` narrows
 * the preset ids (a state parsed against the 2003 classes alone has a ClassId).
 */
export interface ExplorerState<Id extends PresetId = PresetId> {
  cls: Id;
  a: number;
  b: number;
  c: number;
  d: number;
  v0: number;
  u0: number;
  /** Duration of the run (ms). */
  T: number;
  /** Time step (ms), a power of two 2^−k, k = 0…10. */
  dt: number;
  method: MethodId;
  /** The spike budget: the run stops after this many spikes (simulate's maxSpikes). */
  budget: number;
  /** Include the class's published protocol current. */
  protocol: boolean;
  dc: boolean;
  dcI: number;
  step: boolean;
  stepI: number;
  stepOn: number;
  stepOff: number;
  pulses: boolean;
  pulseI: number;
  pulseOn: number;
  pulseW: number;
  pulseP: number;
  pulseN: number;
  ramp: boolean;
  rampI: number;
  rampS: number;
  rampOn: number;
  rampOff: number;
  noise: boolean;
  noiseM: number;
  noiseS: number;
  noiseTau: number;
  noiseSeed: number;
  /** A sine of amplitude sineA and frequency sineF (Hz) on [sineOn, sineOff] ms, starting at phase 0. */
  sine: boolean;
  sineA: number;
  sineF: number;
  sineOn: number;
  sineOff: number;
  /** A linear chirp of amplitude chirpA from chirpF0 to chirpF1 (Hz) over [chirpOn, chirpOff] ms. */
  chirp: boolean;
  chirpA: number;
  chirpF0: number;
  chirpF1: number;
  chirpOn: number;
  chirpOff: number;
  /** Time (ms) at which I is taken for the phase plane's nullclines; null = the end of the run. */
  tI: number | null;
}

export type NumberKey = {[K in keyof ExplorerState]: ExplorerState[K] extends number ? K : never}[keyof ExplorerState];
export type BooleanKey = {
  [K in keyof ExplorerState]: ExplorerState[K] extends boolean ? K : never;
}[keyof ExplorerState];

const I_RANGE = {min: -30, max: 40, step: 0.1};
const TIME_RANGE = {min: 0, max: 10_000, step: 0.5};
const AMPLITUDE_RANGE = {min: 0, max: 20, step: 0.05};
const FREQUENCY_RANGE = {min: 0, max: 200, step: 0.5};

/** Ranges and labels of every numeric control (dt and tI have their own rules, see below). */
export const NUMBER_SPECS: Record<Exclude<NumberKey, "dt"> | "tI", NumberSpec> = {
  a: {min: -0.1, max: 1, step: 0.001, label: "a (time scale of u, 1/ms)"},
  b: {min: -1, max: 1, step: 0.001, label: "b (sensitivity of u to v)"},
  c: {min: -80, max: -30, step: 0.1, label: "c (reset of v, mV)"},
  d: {min: -25, max: 25, step: 0.01, label: "d (jump of u at reset)"},
  // v₀ must start below the cut-off vPeak (the library's 30 mV; at vPeak the run is refused): one step below.
  v0: {min: -100, max: DEFAULTS.vPeak - 0.1, step: 0.1, label: "v₀ (mV)"},
  u0: {min: -100, max: 100, step: 0.01, label: "u₀"},
  T: {min: 10, max: 10_000, step: 1, label: "Duration (ms)"},
  budget: {min: 1000, max: 1_000_000, step: 1000, label: "Spike budget (spikes per run)"},
  dcI: {...I_RANGE, label: "I (mV/ms)"},
  stepI: {...I_RANGE, label: "I (mV/ms)"},
  stepOn: {...TIME_RANGE, label: "from (ms)"},
  stepOff: {...TIME_RANGE, label: "to (ms)"},
  pulseI: {...I_RANGE, label: "amplitude (mV/ms)"},
  pulseOn: {...TIME_RANGE, label: "first at (ms)"},
  pulseW: {min: 0.5, max: 100, step: 0.5, label: "width (ms)"},
  pulseP: {min: 1, max: 500, step: 0.5, label: "period (ms)"},
  pulseN: {min: 1, max: 100, step: 1, label: "count"},
  rampI: {...I_RANGE, label: "I at start (mV/ms)"},
  rampS: {min: -1, max: 1, step: 0.001, label: "slope (mV/ms per ms)"},
  rampOn: {...TIME_RANGE, label: "from (ms)"},
  rampOff: {...TIME_RANGE, label: "to (ms)"},
  noiseM: {min: -20, max: 20, step: 0.1, label: "mean (mV/ms)"},
  noiseS: {min: 0, max: 20, step: 0.1, label: "σ (mV/ms)"},
  noiseTau: {min: 0.5, max: 100, step: 0.5, label: "τ (ms)"},
  noiseSeed: {min: 0, max: 99999, step: 1, label: "seed"},
  sineA: {...AMPLITUDE_RANGE, label: "amplitude (mV/ms)"},
  sineF: {...FREQUENCY_RANGE, label: "frequency (Hz)"},
  sineOn: {...TIME_RANGE, label: "from (ms)"},
  sineOff: {...TIME_RANGE, label: "to (ms)"},
  chirpA: {...AMPLITUDE_RANGE, label: "amplitude (mV/ms)"},
  chirpF0: {...FREQUENCY_RANGE, label: "frequency at start (Hz)"},
  chirpF1: {...FREQUENCY_RANGE, label: "frequency at end (Hz)"},
  chirpOn: {...TIME_RANGE, label: "from (ms)"},
  chirpOff: {...TIME_RANGE, label: "to (ms)"},
  tI: {...TIME_RANGE, label: "t for the nullclines (ms)"}
};

const BOOLEAN_KEYS: readonly BooleanKey[] = ["protocol", "dc", "step", "pulses", "ramp", "noise", "sine", "chirp"];

/** Settings of the stimulus components when they are not in the URL (all off but the protocol). */
export const STIMULUS_DEFAULTS = {
  protocol: true,
  dc: false,
  dcI: 5,
  step: false,
  stepI: 10,
  stepOn: 50,
  stepOff: 100,
  pulses: false,
  pulseI: 10,
  pulseOn: 20,
  pulseW: 5,
  pulseP: 50,
  pulseN: 5,
  ramp: false,
  rampI: 0,
  rampS: 0.05,
  rampOn: 0,
  rampOff: 1000,
  noise: false,
  noiseM: 0,
  noiseS: 2,
  noiseTau: 5,
  noiseSeed: 1,
  // Near the resonator's (RZ's) preferred frequency: its rest is a focus whose damped oscillation runs at
  // ≈ 26 Hz (the eigenvalues at I = −0.5). On its protocol, this sine makes RZ fire about once per cycle;
  // the same sine at 50 Hz barely makes it fire (tests/components/explorer/explorer.test.ts checks both).
  sine: false,
  sineA: 1,
  sineF: 30,
  sineOn: 0,
  sineOff: 1000,
  // A slow sweep from 0 to 60 Hz over a second: a resonator fires only while the sweep passes near its
  // preferred frequency (RZ on its protocol: from about 12 to 37 Hz; lengthen the run to 1000 ms to see it).
  chirp: false,
  chirpA: 1,
  chirpF0: 0,
  chirpF1: 60,
  chirpOn: 0,
  chirpOff: 1000
} satisfies Partial<ExplorerState>;

/** The stimulus panel's keys: those of {@link STIMULUS_DEFAULTS}, in order. */
export const STIMULUS_KEYS = Object.keys(STIMULUS_DEFAULTS) as (keyof typeof STIMULUS_DEFAULTS)[];

/** The keys of the explorer's query string. */
export const EXPLORER_KEYS: ReadonlySet<string> = new Set([
  "class",
  "method",
  "dt",
  ...Object.keys(NUMBER_SPECS),
  ...BOOLEAN_KEYS
]);

/**
 * The state a class loads: its parameters, initial state, duration and protocol; method, dt and spike budget
 * kept (the budget is the default unless given).
 */
export function presetState(
  cls: PresetId,
  presets: PresetSet<PresetLike>,
  keep: {method: MethodId; dt: number; budget?: number} = {method: "adaptive", dt: DEFAULT_DT}
): ExplorerState {
  const p = presetOf(presets, cls);
  const {a, b, c, d} = p.params;
  const v0 = p.v0 ?? -65;
  const state: ExplorerState = {
    cls,
    a,
    b,
    c,
    d,
    v0,
    u0: p.u0 ?? b * v0,
    T: p.duration,
    dt: keep.dt,
    method: keep.method,
    budget: keep.budget ?? DEFAULT_BUDGET,
    ...STIMULUS_DEFAULTS,
    tI: null
  };
  for (const key of Object.keys(NUMBER_SPECS) as (keyof typeof NUMBER_SPECS)[]) {
    const value = state[key];
    if (value !== null) (state as unknown as Record<string, number>)[key] = clampToSpec(value, NUMBER_SPECS[key]);
  }
  return state;
}

/** The default view: the first class, adaptive method, dt = 2⁻⁵ ms. */
export function defaultState(presets: PresetSet<PresetLike>): ExplorerState {
  return presetState("RS", presets);
}

/**
 * Settings whose order the library requires: a window (step, ramp, sine, chirp) ends at or after its start
 * (a chirp strictly after: `gap` is one slider step), and a pulse is no wider than the pulse period.
 */
export interface OrderedPair {
  first: keyof typeof NUMBER_SPECS;
  second: keyof typeof NUMBER_SPECS;
  /** Least difference second − first. */
  gap: number;
  /** The reader's words for the rule, for notices. */
  rule: string;
  /** Which one a link keeps when the two are out of order (the other is moved): a window keeps its start, pulses their period. */
  keep: "first" | "second";
}

export const ORDERED_PAIRS: readonly OrderedPair[] = [
  {first: "stepOn", second: "stepOff", gap: 0, rule: "a step cannot end before it starts", keep: "first"},
  {first: "pulseW", second: "pulseP", gap: 0, rule: "a pulse cannot be wider than the period", keep: "second"},
  {first: "rampOn", second: "rampOff", gap: 0, rule: "a ramp cannot end before it starts", keep: "first"},
  {first: "sineOn", second: "sineOff", gap: 0, rule: "a sine cannot end before it starts", keep: "first"},
  {
    first: "chirpOn",
    second: "chirpOff",
    gap: NUMBER_SPECS.chirpOff.step,
    rule: "a chirp must end after it starts",
    keep: "first"
  }
];

/**
 * The changes that put every {@link ORDERED_PAIRS} pair in order, and a notice for each. `moved` names the keys
 * the reader just set: the one of a pair that was moved stays and the other follows it; where neither or both
 * were (a link), the pair's `keep` stays. Where the follower hits its range's end, the other gives way.
 */
export function orderPairs(
  state: Readonly<ExplorerState>,
  moved: readonly string[] = []
): {patch: Partial<ExplorerState>; notices: string[]} {
  const patch: Partial<Record<keyof typeof NUMBER_SPECS, number>> = {};
  const notices: string[] = [];
  for (const {first, second, gap, rule, keep} of ORDERED_PAIRS) {
    let lo = state[first] as number;
    let hi = state[second] as number;
    if (hi - lo >= gap) continue;
    const [a, b] = [NUMBER_SPECS[first], NUMBER_SPECS[second]];
    if (keepsSecond(first, second, keep, moved)) {
      lo = clampToSpec(hi - gap, a);
      if (hi - lo < gap) hi = clampToSpec(lo + gap, b);
    } else {
      hi = clampToSpec(lo + gap, b);
      if (hi - lo < gap) lo = clampToSpec(hi - gap, a);
    }
    const changes = [
      lo !== state[first] ? `${first} = ${formatNumber(lo)}` : null,
      hi !== state[second] ? `${second} = ${formatNumber(hi)}` : null
    ].filter((x) => x !== null);
    notices.push(
      `${first} = ${formatNumber(state[first] as number)} and ${second} = ${formatNumber(state[second] as number)}: ${rule}; using ${changes.join(" and ")}.`
    );
    patch[first] = lo;
    patch[second] = hi;
  }
  return {patch: patch as Partial<ExplorerState>, notices};
}

/** Whether the second of an out-of-order pair stays (and the first follows it). */
export function keepsSecond(
  first: string,
  second: string,
  keep: "first" | "second",
  moved: readonly string[]
): boolean {
  const [f, s] = [moved.includes(first), moved.includes(second)];
  return f === s ? keep === "second" : s;
}

/** Result of {@link parseState}: a valid state and the plain-text notices to show the reader. */
export interface ParsedState<Id extends PresetId = PresetId> {
  state: ExplorerState<Id>;
  notices: string[];
}

/**
 * Reads a state from a query string (with or without the leading "?"). Never throws: unknown keys, values
 * that are not numbers, out-of-range values and unknown names become defaults or clamped values, each with
 * a notice.
 */
export function parseState(
  search: string,
  presets: Record<ClassId, PresetLike> & {[K in FeatureId]?: undefined}
): ParsedState<ClassId>;
export function parseState(search: string, presets: PresetSet<PresetLike>): ParsedState;
export function parseState(search: string, presets: PresetSet<PresetLike>): ParsedState {
  const {values, notices} = readQuery(search);

  let cls: PresetId = "RS";
  const clsText = values.get("class");
  if (clsText !== undefined) {
    if (isPresetId(clsText, presets)) cls = clsText;
    else notices.push(`Unknown neuron class “${show(clsText)}”; showing RS instead.`);
  }

  let method: MethodId = "adaptive";
  const methodText = values.get("method");
  if (methodText !== undefined) {
    if ((METHODS as readonly string[]).includes(methodText)) method = methodText as MethodId;
    else notices.push(`Unknown method “${show(methodText)}”; using adaptive instead.`);
  }

  let dt = DEFAULT_DT;
  const dtText = values.get("dt");
  if (dtText !== undefined) {
    const x = parseNumber(dtText);
    if (!(x > 0)) notices.push(`dt must be a positive number of ms, not “${show(dtText)}”; using 2⁻⁵ ms.`);
    else if (dtAllowed(x, presetOf(presets, cls))) dt = x;
    else {
      const k = Math.min(10, Math.max(0, Math.round(-Math.log2(x))));
      dt = 2 ** -k;
      if (Math.abs(dt - x) > 1e-12 * dt)
        notices.push(`dt = ${show(dtText)} ms is not offered; using 2⁻${k} = ${dt} ms.`);
    }
  }

  const state = presetState(cls, presets, {method, dt});
  const numbers = state as unknown as Record<string, number | null>;
  for (const key of Object.keys(NUMBER_SPECS) as (keyof typeof NUMBER_SPECS)[]) {
    const text = values.get(key);
    if (text === undefined) continue;
    const value = readSpecNumber(key, text, NUMBER_SPECS[key], numbers[key] ?? NUMBER_SPECS[key].max, notices);
    if (value !== null) numbers[key] = value;
  }
  const ordered = orderPairs(state);
  Object.assign(state, ordered.patch);
  notices.push(...ordered.notices);
  const booleans = state as unknown as Record<string, boolean>;
  for (const key of BOOLEAN_KEYS) {
    const text = values.get(key);
    if (text === undefined) continue;
    const value = parseBoolean(text);
    if (value === undefined)
      notices.push(`“${show(text)}” is not on or off for ${key}; leaving it ${booleans[key] ? "on" : "off"}.`);
    else booleans[key] = value;
  }

  const unknown = unknownNotice(values, EXPLORER_KEYS);
  if (unknown) notices.push(unknown);
  return {state, notices};
}

function parseBoolean(text: string): boolean | undefined {
  switch (text) {
    case "1":
    case "on":
    case "true":
      return true;
    case "0":
    case "off":
    case "false":
      return false;
  }
  return undefined;
}

/**
 * The query string (with "?") for a state. The class, its four parameters, initial state, duration, dt
 * and method are always written, so a link does not depend on the presets' current values; the spike budget
 * and the stimulus settings are written where they differ from their defaults.
 */
export function serializeState(state: ExplorerState): string {
  const params = new URLSearchParams();
  params.set("class", state.cls);
  for (const key of ["a", "b", "c", "d", "v0", "u0", "T"] as const) params.set(key, formatNumber(state[key]));
  params.set("dt", formatNumber(state.dt));
  params.set("method", state.method);
  if (state.budget !== DEFAULT_BUDGET) params.set("budget", formatNumber(state.budget));
  const defaults = STIMULUS_DEFAULTS as Record<string, number | boolean>;
  for (const key of Object.keys(STIMULUS_DEFAULTS) as (keyof typeof STIMULUS_DEFAULTS)[]) {
    const value = state[key];
    if (value === defaults[key]) continue;
    params.set(key, typeof value === "boolean" ? (value ? "1" : "0") : formatNumber(value));
  }
  if (state.tI !== null) params.set("tI", formatNumber(state.tI));
  return `?${params}`;
}
