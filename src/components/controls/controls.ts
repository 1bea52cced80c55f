/**
 * The explorer's controls. One store holds the whole state; each panel is an element placed where the page's
 * prose needs it, writes the store when the reader moves a control, and follows the store when something
 * else changes it (choosing a class, resetting). Only native inputs (Observable Inputs and plain buttons),
 * so everything works by keyboard with the browser's focus ring.
 */
import * as Inputs from "@observablehq/inputs";
import {stimulusLabel, type Stimulus} from "../../lib/stimuli/index.js";
import {fmt} from "../charts/chart.js";
import {departures, type DeparturePreset} from "../zoo/zooBadges.js";
import {
  CLASS_IDS,
  DEFAULT_DT,
  DT_EXPONENTS,
  FEATURE_IDS,
  METHODS,
  NUMBER_SPECS,
  clampToSpec,
  isFeatureId,
  isPowerOfTwoDt,
  keepDt,
  presetOf,
  presetState,
  type BooleanKey,
  type ExplorerState,
  type PresetId,
  type PresetSet,
  type MethodId,
  type PresetLike
} from "../../state/urlState.js";
import {el, setChecked, setText} from "../dom.js";
import type {ExplorerStore} from "../../state/store.js";

/** A class preset as the controls need it (the library's CLASSES entries fit). */
export interface ControlPreset extends PresetLike {
  name?: string;
  description?: string;
  current?: Stimulus;
}

type Presets = PresetSet<ControlPreset>;

// ---------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------

export type RangeForm = HTMLFormElement & {value: number};

/** Gives an Inputs range's slider the label's text as its accessible name (Inputs labels only the number box). */
function nameRange(form: RangeForm, label: string): RangeForm {
  form.querySelector("input[type=range]")?.setAttribute("aria-label", label);
  form.classList.add("explorer-range");
  return form;
}

/**
 * Makes an Inputs range show what the model uses when the reader types into its number box. Inputs moves the
 * thumb to the nearest value in range but keeps its old value (and the typed text) when the typed number is
 * outside the range or off the step grid; here `apply` receives that clamped value at once, so the model
 * follows the thumb, and on commit (Enter, leaving the box) the box is rewritten with the value in use.
 * `current` reads the value in use.
 */
export function followTypedValue(
  form: RangeForm,
  clamp: (x: number) => number,
  apply: (x: number) => void,
  current: () => number
): RangeForm {
  const box = form.querySelector<HTMLInputElement>("input[type=number]");
  if (!box) return form;
  box.addEventListener("input", () => {
    const x = box.valueAsNumber;
    // Valid numbers reach the form's own "input" event; text that is no number yet ("-", "1e") waits.
    if (Number.isFinite(x) && !box.checkValidity()) apply(clamp(x));
  });
  box.addEventListener("change", () => {
    const value = current();
    if (box.valueAsNumber !== value || form.value !== value) form.value = value;
  });
  return form;
}

/**
 * Shows `value` on an Inputs range (thumb and box), except in a number box the reader is typing in: that one
 * is rewritten when the reader commits it (see {@link followTypedValue}).
 */
export function showValue(form: RangeForm, value: number): void {
  if (form.value === value) return;
  const box = form.querySelector("input[type=number]");
  if (box !== null && box === document.activeElement) return;
  form.value = value;
}

/**
 * Keeps a plain number box inside [min, max] when the reader commits a value (Enter, leaving the box): a
 * number outside is replaced by the nearest end, text that is no number by the last value, before the page's
 * own "change" listeners read the box (call it before adding them). The 2007 page's step boxes use it.
 */
export function clampNumberBox(input: HTMLInputElement, [min, max]: readonly [number, number]): HTMLInputElement {
  let last = Number.isFinite(input.valueAsNumber) ? input.valueAsNumber : min;
  input.addEventListener("change", () => {
    const x = input.valueAsNumber;
    const value = Number.isFinite(x) ? Math.min(max, Math.max(min, x)) : last;
    if (value !== x) input.value = String(value);
    last = value;
  });
  return input;
}

/** A range slider bound to one numeric key of the store. */
function boundRange(
  store: ExplorerStore,
  key: keyof typeof NUMBER_SPECS,
  options: {label?: string; ariaLabel?: string; reference?: () => number | null} = {}
): RangeForm {
  const spec = NUMBER_SPECS[key];
  const form = Inputs.range([spec.min, spec.max], {
    step: spec.step,
    label: options.label ?? spec.label,
    value: (store.value[key] as number | null) ?? spec.max
  }) as RangeForm;
  nameRange(form, options.ariaLabel ?? options.label ?? spec.label);
  form.dataset.key = key;
  const mark = () => {
    const reference = options.reference?.();
    form.classList.toggle("modified", reference != null && Math.abs(form.value - reference) > spec.step / 2);
  };
  const set = (x: number) => {
    store.set({[key]: clampToSpec(x, spec)} as Partial<ExplorerState>, form);
    mark();
  };
  form.addEventListener("input", () => set(form.value));
  followTypedValue(
    form,
    (x) => clampToSpec(x, spec),
    set,
    () => store.value[key] as number
  );
  store.watch((state, {changed}) => {
    const value = state[key];
    // Follow the store, also when it corrected this control's own value (a window kept in order).
    if (changed.includes(key) && value !== null) showValue(form, value as number);
    mark();
  });
  mark();
  return form;
}

/** A checkbox bound to one boolean key of the store; returns the label (containing the input). */
function boundCheckbox(store: ExplorerStore, key: BooleanKey, text: string | Node): HTMLLabelElement {
  const input = el("input", {type: "checkbox", checked: store.value[key]});
  input.dataset.key = key;
  input.addEventListener("change", () => store.set({[key]: input.checked}, input));
  store.watch((state, {changed, source}) => {
    if (source !== input && changed.includes(key)) input.checked = state[key];
  });
  return el("label", {className: "explorer-check"}, input, text);
}

function button(text: string, onclick: () => void, title = ""): HTMLButtonElement {
  const b = el("button", {type: "button", className: "explorer-button", textContent: text, title});
  b.addEventListener("click", onclick);
  return b;
}

// ---------------------------------------------------------------------------------------------------------
// Panels
// ---------------------------------------------------------------------------------------------------------

/** One radio of the preset menus (all share the name "explorer-class", so one is checked at a time). */
function presetOption(
  store: ExplorerStore,
  presets: Presets,
  id: PresetId,
  label: string,
  radios: Map<PresetId, HTMLInputElement>
): HTMLLabelElement {
  const p = presetOf(presets, id);
  const radio = el("input", {type: "radio", name: "explorer-class", value: id, checked: store.value.cls === id});
  radio.addEventListener("change", () => {
    if (!radio.checked) return;
    const {method, dt, cls, budget} = store.value;
    store.set(presetState(id, presets, {method, dt: keepDt(dt, presetOf(presets, cls), p), budget}), radio);
  });
  radios.set(id, radio);
  store.watch((state, {changed}) => {
    if (changed.includes("cls") && state.cls === id) radio.checked = true;
  });
  return el(
    "label",
    {className: "class-option"},
    radio,
    el("span", {className: "class-name", textContent: label}),
    el("span", {className: "class-description", textContent: `${p.name ? `${p.name}. ` : ""}${p.description ?? ""}`})
  );
}

/**
 * The class menu: one radio per class of Izhikevich (2003), each with its one-line description. Choosing
 * a class loads its parameters, initial state, duration and protocol; the method, dt and spike budget stay as they are
 * (a 2004 panel's own step such as 0.2 ms becomes the class's 0.25 ms, or else the nearest 2^−k ms).
 */
export function ClassMenu(store: ExplorerStore, presets: Presets): HTMLElement {
  const fieldset = el(
    "fieldset",
    {className: "class-menu"},
    el("legend", {textContent: "Neuron class (Izhikevich 2003, Fig. 2)"})
  );
  const radios = new Map<PresetId, HTMLInputElement>();
  for (const id of CLASS_IDS) fieldset.append(presetOption(store, presets, id, id.replace("_", " "), radios));
  return fieldset;
}

/**
 * The second preset menu, "2004 features": the twenty panels A–T of Izhikevich (2004), Fig. 1 (when the
 * presets include them), in a disclosure that is open while one of them is chosen; and a note on where the
 * chosen preset departs from the standard equations (figure1.m's variants for G, L, R, S and T).
 */
export function FeatureMenu(store: ExplorerStore, presets: Presets): HTMLElement {
  const radios = new Map<PresetId, HTMLInputElement>();
  const features = FEATURE_IDS.filter((id) => presets[id] !== undefined);
  const fieldset = el(
    "fieldset",
    {className: "class-menu feature-menu"},
    el("legend", {textContent: "2004 features (Izhikevich 2004, Fig. 1)"})
  );
  for (const id of features) fieldset.append(presetOption(store, presets, id, id, radios));
  const group = el(
    "details",
    {className: "feature-group", open: isFeatureId(store.value.cls)},
    el("summary", {textContent: "2004 features: the twenty panels A–T of Izhikevich (2004), Fig. 1"}),
    fieldset
  );
  group.hidden = features.length === 0;
  const note = el("p", {className: "equation-note control-note"});
  note.setAttribute("role", "status");
  const showNote = (cls: PresetId) => {
    const notes = departures(presetOf(presets, cls) as DeparturePreset);
    setText(note, notes.length ? `${cls.replace("_", " ")}: ${notes.map((n) => n.detail).join(" ")}` : "");
    note.hidden = notes.length === 0;
  };
  showNote(store.value.cls);
  store.watch((state, {changed}) => {
    if (!changed.includes("cls")) return;
    showNote(state.cls);
    if (isFeatureId(state.cls)) group.open = true;
  });
  return el("div", {className: "preset-menus"}, group, note);
}

/** The buttons next to the class menu: reset to the preset; the published scheme; the accurate default. */
export function PresetButtons(store: ExplorerStore, presets: Presets): HTMLElement {
  const published = () => presetOf(presets, store.value.cls).dt ?? 0.25;
  const status = el("p", {className: "numerics-status"});
  const show = (state: ExplorerState) => {
    setText(
      status,
      state.method === "paper2004" && state.dt === published()
        ? `Integrating as published: the figure1.m loop (paper2004) with dt = ${fmt(state.dt)} ms.`
        : state.method === "adaptive"
          ? `Integrating accurately: adaptive steps (Dormand–Prince) with spikes located at the cut-off, sampled every ${fmt(state.dt, 6)} ms.`
          : `Integrating with ${state.method}, dt = ${fmt(state.dt, 6)} ms.`
    );
  };
  store.watch(show);
  show(store.value);
  return el(
    "div",
    {className: "preset-buttons"},
    button(
      "Reset to preset",
      () => store.set(presetState(store.value.cls, presets), null),
      "Reload the class's parameters, start state, stimulus and the accurate method"
    ),
    button(
      "As published",
      () => store.set({method: "paper2004", dt: published()}, null),
      "The 2004 paper's figure1.m scheme with the preset's own step (0.25 ms for the classes)"
    ),
    button(
      "Accurate",
      () => store.set({method: "adaptive", dt: DEFAULT_DT}, null),
      "Adaptive steps, sampled every 2⁻⁵ ms"
    ),
    status
  );
}

/** Sliders for a, b, c, d and the initial state v₀, u₀; a slider moved away from its preset is highlighted. */
export function ModelSliders(store: ExplorerStore, presets: Presets): HTMLElement {
  const preset = () => presetOf(presets, store.value.cls);
  const ref = {
    a: () => preset().params.a,
    b: () => preset().params.b,
    c: () => preset().params.c,
    d: () => preset().params.d,
    v0: () => preset().v0 ?? -65,
    u0: () => preset().u0 ?? preset().params.b * (preset().v0 ?? -65)
  };
  const sliders = (["a", "b", "c", "d", "v0", "u0"] as const).map((key) =>
    boundRange(store, key, {reference: ref[key]})
  );
  return el(
    "div",
    {className: "model-sliders"},
    ...sliders,
    button(
      "Set u₀ = b·v₀",
      () => store.set({u0: clampToSpec(store.value.b * store.value.v0, NUMBER_SPECS.u0)}, null),
      "Start on the u-nullcline"
    )
  );
}

/**
 * The spike budget: a native number input (typed, or stepped by 1,000 with the arrow keys), applied when the
 * reader commits it (Enter, leaving the field, or a step), clamped to its range.
 */
export function SpikeBudgetControl(store: ExplorerStore): HTMLElement {
  const spec = NUMBER_SPECS.budget;
  const input = el("input", {
    type: "number",
    min: String(spec.min),
    max: String(spec.max),
    step: String(spec.step),
    value: String(store.value.budget)
  });
  input.dataset.key = "budget";
  input.id = "explorer-budget";
  const note = el("p", {
    className: "control-note",
    textContent: `A run stops after this many spikes, so that a neuron that fires without end cannot freeze the page (${spec.min.toLocaleString("en")} to ${spec.max.toLocaleString("en")}).`
  });
  input.addEventListener("change", () => {
    const x = input.valueAsNumber;
    const budget = Number.isNaN(x) ? store.value.budget : clampToSpec(x, spec);
    input.value = String(budget);
    store.set({budget}, input);
  });
  store.watch((state, {changed, source}) => {
    if (source !== input && changed.includes("budget")) input.value = String(state.budget);
  });
  return el(
    "div",
    {className: "spike-budget"},
    el("label", {htmlFor: "explorer-budget", textContent: "Spike budget (spikes per run)"}),
    input,
    note
  );
}

/** Method, time step (2^−k ms), duration and spike budget, under the legend "Numerics". */
export function NumericsControls(
  store: ExplorerStore,
  descriptions: Partial<Record<MethodId, string>> = {}
): HTMLElement {
  const method = Inputs.select(METHODS as unknown as string[], {
    label: "Method",
    value: store.value.method
  }) as HTMLFormElement & {value: MethodId};
  method.addEventListener("input", () => store.set({method: method.value}, method));
  const about = el("p", {className: "control-note"});
  const showMethod = () => setText(about, descriptions[store.value.method] ?? "");
  showMethod();

  // The slider offers 2^−k ms; a preset's own step that is not a power of two (0.2, 0.1 ms) shows at the nearest k.
  const kOf = (dt: number) => Math.min(10, Math.max(0, Math.round(-Math.log2(dt))));
  const k = Inputs.range([0, 10], {step: 1, label: "dt = 2^−k ms, k", value: kOf(store.value.dt)}) as RangeForm;
  nameRange(k, "dt = 2^−k ms, k");
  k.dataset.key = "dt";
  const dtText = el("output", {className: "control-note"});
  const showDt = () => {
    const dt = store.value.dt;
    const value = isPowerOfTwoDt(dt)
      ? `dt = 2^−${-Math.log2(dt)} = ${dt} ms`
      : `dt = ${dt} ms (the preset's published step)`;
    setText(
      dtText,
      `${value}${store.value.method === "adaptive" ? " (the sampling interval and the largest step)" : ""}`
    );
  };
  showDt();
  k.addEventListener("input", () => {
    const exponent = Math.min(10, Math.max(0, Math.round(k.value))) as (typeof DT_EXPONENTS)[number];
    store.set({dt: 2 ** -exponent}, k);
  });
  store.watch((state, {changed, source}) => {
    if (changed.includes("method") && source !== method) method.value = state.method;
    if (changed.includes("dt") && source !== k) k.value = kOf(state.dt);
    showMethod();
    showDt();
  });
  const duration = boundRange(store, "T");
  return el(
    "fieldset",
    {className: "numerics"},
    el("legend", {textContent: "Numerics"}),
    method,
    about,
    k,
    dtText,
    duration,
    SpikeBudgetControl(store)
  );
}

/** The stimulus parts a reader switches on and off, each named by its checkbox key. */
type PartKey = "dc" | "step" | "pulses" | "ramp" | "noise" | "sine" | "chirp";

/**
 * One switchable part of the stimulus: a fieldset whose legend holds the part's checkbox. While the part is
 * off the fieldset is disabled, which greys out and disables its sliders but leaves the legend's checkbox
 * usable, so the part can still be switched on by keyboard (the class `off` is for the stylesheet).
 */
function stimulusPart(
  store: ExplorerStore,
  key: PartKey,
  title: string,
  keys: (keyof typeof NUMBER_SPECS)[]
): HTMLFieldSetElement {
  const name = title.split(" (")[0];
  const fieldset = el(
    "fieldset",
    {className: "stimulus-part"},
    el("legend", {}, boundCheckbox(store, key, title)),
    ...keys.map((k) => boundRange(store, k, {ariaLabel: `${name}: ${NUMBER_SPECS[k].label}`}))
  );
  fieldset.dataset.part = key;
  const show = (on: boolean) => {
    fieldset.disabled = !on;
    fieldset.classList.toggle("off", !on);
  };
  show(store.value[key]);
  store.watch((state, {changed}) => changed.includes(key) && show(state[key]));
  return fieldset;
}

/**
 * The stimulus panel: the class's published protocol, DC, a step, a pulse train, a ramp, noise, a sine and a
 * chirp, each a checkbox with its own parameters; the checked ones are summed.
 */
export function StimulusControls(store: ExplorerStore, presets: Presets): HTMLElement {
  const protocolText = el("span");
  const showProtocol = (state: ExplorerState) => {
    setText(
      protocolText,
      `protocol of ${state.cls.replace("_", " ")}: ${stimulusLabel(presetOf(presets, state.cls).current ?? 0)}`
    );
  };
  showProtocol(store.value);
  store.watch((state, {changed}) => changed.includes("cls") && showProtocol(state));
  const part = (key: PartKey, title: string, keys: (keyof typeof NUMBER_SPECS)[]) =>
    stimulusPart(store, key, title, keys);
  return el(
    "div",
    {className: "stimulus-controls"},
    el(
      "fieldset",
      {className: "stimulus-part protocol"},
      el("legend", {}, boundCheckbox(store, "protocol", protocolText))
    ),
    part("dc", "DC", ["dcI"]),
    part("step", "Step", ["stepI", "stepOn", "stepOff"]),
    part("pulses", "Pulse train", ["pulseI", "pulseOn", "pulseW", "pulseP", "pulseN"]),
    part("ramp", "Ramp", ["rampI", "rampS", "rampOn", "rampOff"]),
    part("noise", "Noise (Ornstein–Uhlenbeck, frozen by its seed)", ["noiseM", "noiseS", "noiseTau", "noiseSeed"]),
    part("sine", "Sine", ["sineA", "sineF", "sineOn", "sineOff"]),
    part("chirp", "Chirp (frequency swept linearly)", ["chirpA", "chirpF0", "chirpF1", "chirpOn", "chirpOff"])
  );
}

/** The time at which the phase plane takes I: the end of the run (default) or a chosen time. */
export function PhaseTimeControl(store: ExplorerStore): HTMLElement {
  const end = el("input", {type: "checkbox", checked: store.value.tI === null});
  end.dataset.key = "tIEnd";
  const holder = el("div");
  let slider: RangeForm;
  const build = () => {
    const T = store.value.T;
    slider = Inputs.range([0, T], {
      step: 0.5,
      label: "t for the nullclines (ms)",
      value: store.value.tI ?? T
    }) as RangeForm;
    nameRange(slider, "t for the nullclines (ms)");
    slider.dataset.key = "tI";
    const clamp = (x: number) => clampToSpec(Math.min(Math.max(x, 0), T), NUMBER_SPECS.tI);
    slider.addEventListener("input", () => store.set({tI: clamp(slider.value)}, slider));
    followTypedValue(
      slider,
      clamp,
      (tI) => store.set({tI}, slider),
      () => store.value.tI ?? T
    );
    holder.replaceChildren(slider);
  };
  build();
  end.addEventListener("change", () =>
    store.set({tI: end.checked ? null : clampToSpec(slider.value, NUMBER_SPECS.tI)}, end)
  );
  store.watch((state, {changed, source}) => {
    if (changed.includes("T")) build();
    else if (changed.includes("tI") && source !== slider) slider.value = state.tI ?? state.T;
    setChecked(end, state.tI === null);
  });
  return el(
    "div",
    {className: "phase-time"},
    holder,
    el("label", {className: "explorer-check"}, end, "the end of the run")
  );
}
