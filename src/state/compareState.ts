/**
 * The comparison page's state and its round trip through the query string. Pure: no DOM (the presets are
 * passed in), so it can be tested in Node.
 *
 * The page has its own keys (n1…n4, a1…d4, stim, I, on, off, width, period, count, T, method, overlay, x).
 * A query string without n1 but with the explorer's keys (class, a, b, …) is the explorer's state: the page
 * then compares that neuron with another one. In the page's own links the explorer's state travels in `x`.
 *
 * Parsing never throws and never trusts its input: only known keys are read, numbers must be plain decimal
 * literals, every value is clamped to its control's range and snapped to its step, and everything that was
 * ignored or changed is reported as a plain-text notice (the page sets it as text, never as markup).
 */
import {
  CLASS_IDS,
  EXPLORER_KEYS,
  FEATURE_IDS,
  NUMBER_SPECS,
  clampToSpec,
  formatNumber,
  keepsSecond,
  parseState,
  readQuery,
  serializeState,
  show,
  unknownNotice,
  type ClassId,
  type ExplorerState,
  type FeatureId,
  type NumberSpec,
  type PresetLike
} from "./urlState.js";
import {readSpecNumber} from "./address.js";

/** What a neuron slot holds: a preset's id, "custom" (its own a, b, c, d) or "explorer" (the explorer's state). */
export type NeuronKind = ClassId | FeatureId | "custom" | "explorer";

/** One compared neuron. a, b, c, d are the custom parameters (kept while another kind is shown). */
export interface Slot {
  kind: NeuronKind;
  a: number;
  b: number;
  c: number;
  d: number;
}

/** The shared stimulus: the published protocol of neuron k (1-based), or a DC, step or pulse train. */
export type StimulusChoice = "protocol1" | "protocol2" | "protocol3" | "protocol4" | "dc" | "step" | "pulses";
export const STIMULUS_CHOICES: readonly StimulusChoice[] = [
  "protocol1",
  "protocol2",
  "protocol3",
  "protocol4",
  "dc",
  "step",
  "pulses"
];

/** The two methods the page offers: accurate (the default) and as published (figure1.m's loop at each neuron's τ). */
export const COMPARE_METHODS = ["adaptive", "paper2004"] as const;
export type CompareMethod = (typeof COMPARE_METHODS)[number];
/**
 * The published scheme's step where figure1.m gives none (2003 classes, custom neurons; ms). The accurate one
 * samples at the library's default step (DEFAULT_DT).
 */
export const PUBLISHED_DT = 0.25;

export const MIN_NEURONS = 2;
export const MAX_NEURONS = 4;

/** The whole state of the comparison page. */
export interface CompareState {
  /** Two to four neurons. */
  neurons: Slot[];
  stim: StimulusChoice;
  /** Current of the DC, step or pulses (paper's units, mV/ms). */
  I: number;
  /** Onset of the step or of the first pulse (ms). */
  on: number;
  /** End of the step (ms). */
  off: number;
  /** Pulse width (ms), onset-to-onset period (ms) and number of pulses. */
  width: number;
  period: number;
  count: number;
  /** Duration of the run (ms) for the DC, step and pulses; a protocol brings its own. */
  T: number;
  method: CompareMethod;
  /** Draw the v(t) traces on one chart. */
  overlay: boolean;
  /** The explorer's state, when the page was opened from the explorer; else null. */
  explorer: ExplorerState | null;
}

export type CompareNumberKey = "I" | "on" | "off" | "width" | "period" | "count" | "T";

/** Ranges of the stimulus controls (the explorer's ranges where it has the same control). */
export const COMPARE_SPECS: Record<CompareNumberKey, NumberSpec> = {
  I: {min: -30, max: 40, step: 0.1, label: "I (mV/ms)"},
  on: {min: 0, max: 1000, step: 0.5, label: "from (ms)"},
  off: {min: 0, max: 1000, step: 0.5, label: "to (ms)"},
  width: {min: 0.5, max: 100, step: 0.5, label: "pulse width (ms)"},
  period: {min: 1, max: 500, step: 0.5, label: "period (ms)"},
  count: {min: 1, max: 100, step: 1, label: "number of pulses"},
  T: {min: 10, max: 1000, step: 1, label: "duration (ms)"}
};

/** Ranges of the custom parameters: the explorer's. */
export const PARAM_SPECS = {a: NUMBER_SPECS.a, b: NUMBER_SPECS.b, c: NUMBER_SPECS.c, d: NUMBER_SPECS.d} as const;

/** The presets the state needs: the 2003 classes and the 2004 panels (the library's CLASSES and FEATURES fit). */
export interface Catalog {
  classes: Record<ClassId, PresetLike>;
  features: Record<FeatureId, PresetLike>;
}

/** Every preset by id, for the explorer's parser (which knows the classes, and the 2004 panels if it can). */
export function allPresets(catalog: Catalog): Record<ClassId, PresetLike> {
  return {...catalog.features, ...catalog.classes};
}

/** The preset an explorer state started from (its class, or a 2004 panel); RS if unknown. */
export function explorerPreset<P extends PresetLike>(
  cls: string,
  catalog: {classes: Record<ClassId, P>; features: Record<string, P>}
): P {
  const own = (o: object) => Object.prototype.hasOwnProperty.call(o, cls);
  return own(catalog.classes)
    ? catalog.classes[cls as ClassId]
    : own(catalog.features)
      ? catalog.features[cls]!
      : catalog.classes.RS;
}

/** The preset of a kind, or null for "custom" and "explorer". */
export function catalogPreset(kind: NeuronKind, catalog: Catalog): PresetLike | null {
  if ((CLASS_IDS as readonly string[]).includes(kind)) return catalog.classes[kind as ClassId];
  if ((FEATURE_IDS as readonly string[]).includes(kind)) return catalog.features[kind as FeatureId];
  return null;
}

/** Whether a kind is known (explorer only when the page has an explorer state). */
export function isKind(text: string, hasExplorer: boolean): text is NeuronKind {
  return (
    (CLASS_IDS as readonly string[]).includes(text) ||
    (FEATURE_IDS as readonly string[]).includes(text) ||
    text === "custom" ||
    (text === "explorer" && hasExplorer)
  );
}

/** A slot of a kind, its custom parameters those of the preset (RS's for custom, the explorer's for explorer). */
export function slotOf(kind: NeuronKind, catalog: Catalog, explorer: ExplorerState | null = null): Slot {
  const p =
    kind === "explorer" && explorer ? explorer : (catalogPreset(kind, catalog)?.params ?? catalog.classes.RS.params);
  return {
    kind,
    a: clampToSpec(p.a, PARAM_SPECS.a),
    b: clampToSpec(p.b, PARAM_SPECS.b),
    c: clampToSpec(p.c, PARAM_SPECS.c),
    d: clampToSpec(p.d, PARAM_SPECS.d)
  };
}

/** Whether neuron `slot` (0-based) has a protocol of its own to share (presets and the explorer's neuron do). */
export function hasProtocol(state: Pick<CompareState, "neurons">, slot: number): boolean {
  const s = state.neurons[slot];
  return s !== undefined && s.kind !== "custom";
}

/** The 0-based slot whose protocol is shared, or null for DC, step and pulses. */
export function protocolSlot(stim: StimulusChoice): number | null {
  return stim.startsWith("protocol") ? Number(stim.slice(-1)) - 1 : null;
}

const DEFAULT_NUMBERS: Record<CompareNumberKey, number> = {
  I: 10,
  on: 20,
  off: 1000,
  width: 5,
  period: 50,
  count: 5,
  T: 200
};

/** The default page: RS, IB and CH, driven by RS's published protocol, integrated accurately. */
export function defaultCompareState(catalog: Catalog): CompareState {
  return {
    neurons: (["RS", "IB", "CH"] as const).map((k) => slotOf(k, catalog)),
    stim: "protocol1",
    ...DEFAULT_NUMBERS,
    method: "adaptive",
    overlay: false,
    explorer: null
  };
}

/**
 * Repairs a state after a change (by parsing or by the controls): a shared protocol must belong to a neuron
 * that has one, and is moved to the first such neuron (or to a DC) otherwise. Returns the notice, if any.
 */
export function repairStimulus(state: CompareState): string | null {
  const k = protocolSlot(state.stim);
  if (k === null || hasProtocol(state, k)) return null;
  const first = state.neurons.findIndex((s) => s.kind !== "custom");
  const before =
    k < state.neurons.length
      ? `neuron ${k + 1} has no published protocol (it is custom)`
      : `there is no neuron ${k + 1}`;
  if (first >= 0) {
    state.stim = `protocol${first + 1}` as StimulusChoice;
    return `The current was the protocol of neuron ${k + 1}, but ${before}; using neuron ${first + 1}'s protocol instead.`;
  }
  state.stim = "dc";
  return `The current was the protocol of neuron ${k + 1}, but ${before}; using a DC current instead.`;
}

/** The shared current's settings whose order the library requires: the step ends at or after its onset, a pulse is no wider than the period. */
const COMPARE_PAIRS = [
  {first: "on", second: "off", rule: "a step cannot end before it starts", keep: "first"},
  {first: "width", second: "period", rule: "a pulse cannot be wider than the period", keep: "second"}
] as const;

/**
 * The changes that keep the shared current's settings in order, and a notice for each: the one of a pair the
 * reader moved (`moved`) stays and the other follows; for a link, the step keeps its onset and the pulses their
 * period. Where the follower hits its range's end, the other gives way.
 */
export function orderCompare(
  state: Readonly<CompareState>,
  moved: readonly string[] = []
): {patch: Partial<CompareState>; notices: string[]} {
  const patch: Partial<Record<CompareNumberKey, number>> = {};
  const notices: string[] = [];
  for (const {first, second, rule, keep} of COMPARE_PAIRS) {
    let lo = state[first];
    let hi = state[second];
    if (hi >= lo) continue;
    if (keepsSecond(first, second, keep, moved)) {
      lo = clampToSpec(hi, COMPARE_SPECS[first]);
      if (hi < lo) hi = clampToSpec(lo, COMPARE_SPECS[second]);
    } else {
      hi = clampToSpec(lo, COMPARE_SPECS[second]);
      if (hi < lo) lo = clampToSpec(hi, COMPARE_SPECS[first]);
    }
    const changes = [
      lo !== state[first] ? `${first} = ${formatNumber(lo)}` : null,
      hi !== state[second] ? `${second} = ${formatNumber(hi)}` : null
    ].filter((x) => x !== null);
    notices.push(
      `${first} = ${formatNumber(state[first])} and ${second} = ${formatNumber(state[second])}: ${rule}; using ${changes.join(" and ")}.`
    );
    patch[first] = lo;
    patch[second] = hi;
  }
  return {patch, notices};
}

/** Result of {@link parseCompareState}: a valid state and plain-text notices for the reader. */
export interface ParsedCompare {
  state: CompareState;
  notices: string[];
}

const MAX_VALUE = 2000;

/**
 * Reads the page's state from a query string (with or without "?"). Never throws. Without n1, a query with
 * the explorer's keys is read as the explorer's state (see the module comment).
 */
export function parseCompareState(search: string, catalog: Catalog): ParsedCompare {
  const {values, notices} = readQuery(search);
  const state = defaultCompareState(catalog);

  // An explorer link: compare its neuron with its class as published (or with another class).
  if (!values.has("n1") && [...values.keys()].some((key) => EXPLORER_KEYS.has(key))) {
    const parsed = parseState(search, allPresets(catalog));
    state.explorer = parsed.state;
    notices.push(...parsed.notices.map((n) => `From the explorer's link: ${n}`));
    const preset = explorerPreset(parsed.state.cls, catalog);
    const p = preset.params;
    const same = p.a === parsed.state.a && p.b === parsed.state.b && p.c === parsed.state.c && p.d === parsed.state.d;
    const other: NeuronKind =
      !same && isKind(parsed.state.cls, false) ? parsed.state.cls : parsed.state.cls === "RS" ? "FS" : "RS";
    state.neurons = [slotOf("explorer", catalog, parsed.state), slotOf(other, catalog)];
    state.stim = "protocol1";
    if (parsed.state.method === "paper2004" || parsed.state.method === "adaptive") state.method = parsed.state.method;
    else
      notices.push(
        `This page offers the adaptive and the published (paper2004) methods; the explorer's ${parsed.state.method} became adaptive.`
      );
    return {state, notices};
  }

  const used = new Set<string>();
  const take = (key: string): string | undefined => {
    used.add(key);
    const text = values.get(key);
    if (text !== undefined && text.length > MAX_VALUE) {
      notices.push(`The setting ${show(key)} is too long (over ${MAX_VALUE} characters); it was ignored.`);
      return undefined;
    }
    return text;
  };

  // The explorer's state carried by the page's own links.
  const x = take("x");
  if (x !== undefined) {
    const parsed = parseState(x, allPresets(catalog));
    state.explorer = parsed.state;
    notices.push(...parsed.notices.map((n) => `In the explorer's neuron (x): ${n}`));
  }

  // Neurons n1…n4, in order; the first missing one ends the list.
  if (values.has("n1")) {
    const neurons: Slot[] = [];
    for (let i = 1; i <= MAX_NEURONS; i++) {
      const text = take(`n${i}`);
      if (text === undefined) {
        for (let j = i + 1; j <= MAX_NEURONS; j++) {
          if (values.has(`n${j}`)) {
            take(`n${j}`);
            notices.push(
              `Neuron ${j} was ignored: neuron ${i} is missing, and neurons are numbered from 1 without gaps.`
            );
          }
        }
        break;
      }
      let kind: NeuronKind;
      if (isKind(text, state.explorer !== null)) kind = text;
      else {
        kind = "RS";
        notices.push(
          text === "explorer"
            ? `Neuron ${i} was the explorer's neuron, but the link carries no explorer state; showing RS instead.`
            : `Unknown neuron “${show(text)}” for neuron ${i}; showing RS instead.`
        );
      }
      const slot = slotOf(kind, catalog, state.explorer);
      for (const p of ["a", "b", "c", "d"] as const) {
        const key = `${p}${i}`;
        const raw = take(key);
        if (raw === undefined) continue;
        if (kind !== "custom") {
          notices.push(`${key} was ignored: neuron ${i} is not custom (its parameters are those of ${kind}).`);
          continue;
        }
        const value = readSpecNumber(key, raw, PARAM_SPECS[p], slot[p], notices);
        if (value !== null) slot[p] = value;
      }
      neurons.push(slot);
    }
    if (neurons.length < MIN_NEURONS) {
      const fill: NeuronKind = neurons[0]?.kind === "RS" ? "FS" : "RS";
      notices.push(`The comparison needs at least ${MIN_NEURONS} neurons; added ${fill}.`);
      neurons.push(slotOf(fill, catalog));
    }
    state.neurons = neurons;
  }

  const stim = take("stim");
  if (stim !== undefined) {
    if ((STIMULUS_CHOICES as readonly string[]).includes(stim)) state.stim = stim as StimulusChoice;
    else notices.push(`Unknown current “${show(stim)}”; using the protocol of neuron 1.`);
  }
  const method = take("method");
  if (method !== undefined) {
    if ((COMPARE_METHODS as readonly string[]).includes(method)) state.method = method as CompareMethod;
    else
      notices.push(
        `Unknown method “${show(method)}”; using adaptive (accurate). The choices are adaptive and paper2004.`
      );
  }
  const overlay = take("overlay");
  if (overlay !== undefined) {
    if (overlay === "1" || overlay === "0") state.overlay = overlay === "1";
    else notices.push(`overlay must be 1 or 0, not “${show(overlay)}”; leaving it off.`);
  }
  for (const key of Object.keys(COMPARE_SPECS) as CompareNumberKey[]) {
    const raw = take(key);
    if (raw === undefined) continue;
    const value = readSpecNumber(key, raw, COMPARE_SPECS[key], state[key], notices);
    if (value !== null) state[key] = value;
  }
  const ordered = orderCompare(state);
  Object.assign(state, ordered.patch);
  notices.push(...ordered.notices);
  const repaired = repairStimulus(state);
  if (repaired) notices.push(repaired);

  const unknown = unknownNotice(values, used);
  if (unknown) notices.push(unknown);
  return {state, notices};
}

/**
 * The query string (with "?") of a state: the neurons (with a custom neuron's parameters), the current and
 * the parameters it uses, every other parameter, the method and the overlay where they differ from the
 * defaults, and the explorer's state. Read back by {@link parseCompareState}, it gives the same state.
 */
export function serializeCompareState(state: CompareState): string {
  const params = new URLSearchParams();
  state.neurons.forEach((slot, i) => {
    params.set(`n${i + 1}`, slot.kind);
    if (slot.kind === "custom")
      for (const p of ["a", "b", "c", "d"] as const) params.set(`${p}${i + 1}`, formatNumber(slot[p]));
  });
  params.set("stim", state.stim);
  const keys: CompareNumberKey[] =
    state.stim === "dc"
      ? ["I", "T"]
      : state.stim === "step"
        ? ["I", "on", "off", "T"]
        : state.stim === "pulses"
          ? ["I", "on", "width", "period", "count", "T"]
          : [];
  for (const key of keys) params.set(key, formatNumber(state[key]));
  // A parameter the current does not use is kept too (the reader's step survives a look at a protocol).
  const defaults = DEFAULT_NUMBERS;
  for (const key of Object.keys(COMPARE_SPECS) as CompareNumberKey[])
    if (!keys.includes(key) && state[key] !== defaults[key]) params.set(key, formatNumber(state[key]));
  if (state.method !== "adaptive") params.set("method", state.method);
  if (state.overlay) params.set("overlay", "1");
  if (state.explorer) params.set("x", serializeState(state.explorer).slice(1));
  return `?${params}`;
}
