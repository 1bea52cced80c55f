/**
 * The comparison page's controls. One store holds the page's state; each panel writes it when the reader
 * moves a control and follows it when something else changes it. Only native inputs (selects, radios,
 * checkboxes and Observable Inputs' sliders), so everything works by keyboard with the browser's focus ring.
 */
import * as Inputs from "@observablehq/inputs";
import {NEURON_COLORS} from "../charts/compareCharts.js";
import {
  COMPARE_SPECS,
  MAX_NEURONS,
  MIN_NEURONS,
  PARAM_SPECS,
  hasProtocol,
  protocolSlot,
  slotOf,
  type Catalog,
  type CompareNumberKey,
  type CompareState,
  type NeuronKind,
  type Slot,
  type StimulusChoice
} from "../../state/compareState.js";
import {CLASS_IDS} from "../../lib/presets/classes2003.js";
import {FEATURE_IDS} from "../../lib/presets/features2004.js";
import {clampToSpec, type NumberSpec, type PresetLike} from "../../state/urlState.js";
import {el, setChecked, setOptions, setText, setValue} from "../dom.js";
import {followTypedValue, showValue, type RangeForm} from "./controls.js";
import type {CompareStore} from "../../state/store.js";

/** A preset as the menus show it (the library's presets fit). */
interface Named {
  name?: string;
  description?: string;
}
export type MenuCatalog = Catalog & {
  classes: Record<string, PresetLike & Named>;
  features: Record<string, PresetLike & Named>;
};

/** An Inputs slider whose range input is named by `label` (Inputs labels only the number box). */
function range(spec: NumberSpec, value: number, label: string, ariaLabel = label): RangeForm {
  const form = Inputs.range([spec.min, spec.max], {step: spec.step, label, value}) as RangeForm;
  form.querySelector("input[type=range]")?.setAttribute("aria-label", ariaLabel);
  form.classList.add("explorer-range");
  return form;
}

/** The neuron menu's text for a kind. */
export function kindLabel(kind: NeuronKind, catalog: MenuCatalog): string {
  if (kind === "custom") return "custom: your own a, b, c, d";
  if (kind === "explorer") return "the explorer's neuron (from the link)";
  if ((CLASS_IDS as readonly string[]).includes(kind))
    return `${kind.replace("_", " ")}: ${(catalog.classes[kind] as Named | undefined)?.name ?? ""}`;
  return `Fig. 1${kind}: ${(catalog.features[kind] as Named | undefined)?.name ?? ""}`;
}

/** A native select with the presets grouped: 2003 classes, 2004 panels, custom (and the explorer's neuron). */
function neuronSelect(index: number, catalog: MenuCatalog, hasExplorer: boolean): HTMLSelectElement {
  const select = el("select", {id: `compare-neuron-${index + 1}`});
  select.dataset.slot = String(index + 1);
  const group = (label: string, kinds: readonly NeuronKind[]) =>
    el("optgroup", {label}, ...kinds.map((k) => el("option", {value: k, textContent: kindLabel(k, catalog)})));
  if (hasExplorer) select.append(el("option", {value: "explorer", textContent: kindLabel("explorer", catalog)}));
  select.append(
    group("Classes (Izhikevich 2003, Fig. 2)", CLASS_IDS),
    group("Firing patterns (Izhikevich 2004, Fig. 1)", FEATURE_IDS),
    el("option", {value: "custom", textContent: kindLabel("custom", catalog)})
  );
  return select;
}

/**
 * The neurons: how many (2–4), and for each a menu of presets, with a, b, c, d sliders when it is custom.
 * All four slots exist from the start; the unused ones are hidden, so focus never jumps.
 */
export function NeuronControls(store: CompareStore, catalog: MenuCatalog): HTMLElement {
  const hasExplorer = store.value.explorer !== null;
  const count = el(
    "select",
    {id: "compare-count"},
    ...[2, 3, 4].map((n) => el("option", {value: String(n), textContent: `${n} neurons`}))
  );
  count.value = String(store.value.neurons.length);
  count.addEventListener("change", () => {
    const n = Math.min(MAX_NEURONS, Math.max(MIN_NEURONS, Number(count.value)));
    const neurons = store.value.neurons.slice(0, n);
    const fill: NeuronKind[] = ["RS", "IB", "CH", "FS"];
    while (neurons.length < n)
      neurons.push(
        remembered[neurons.length] ?? slotOf(fill.find((k) => !neurons.some((s) => s.kind === k)) ?? "RS", catalog)
      );
    store.set({neurons});
  });
  // Slots removed by lowering the count come back as they were.
  const remembered: (Slot | undefined)[] = [...store.value.neurons];

  const slots = Array.from({length: MAX_NEURONS}, (_, i) => {
    const select = neuronSelect(i, catalog, hasExplorer);
    const sliders = (["a", "b", "c", "d"] as const).map((p) => {
      const spec = PARAM_SPECS[p];
      const form = range(
        spec,
        store.value.neurons[i]?.[p] ?? slotOf("RS", catalog)[p],
        spec.label,
        `Neuron ${i + 1}: ${spec.label}`
      );
      form.dataset.key = `${p}${i + 1}`;
      const set = (x: number) => {
        const neurons = store.value.neurons.slice();
        if (!neurons[i]) return;
        neurons[i] = {...neurons[i], [p]: clampToSpec(x, spec)};
        store.set({neurons});
      };
      form.addEventListener("input", () => set(form.value));
      return followTypedValue(
        form,
        (x) => clampToSpec(x, spec),
        set,
        () => store.value.neurons[i]?.[p] ?? form.value
      );
    });
    const custom = el("div", {className: "compare-custom"}, ...sliders);
    select.addEventListener("change", () => {
      const neurons = store.value.neurons.slice();
      const before = neurons[i];
      if (!before) return;
      const kind = select.value as NeuronKind;
      // A custom neuron starts from the parameters of the neuron it replaces.
      // (A slot always holds its preset's parameters as its a, b, c, d.)
      neurons[i] = kind === "custom" ? {...before, kind} : slotOf(kind, catalog, store.value.explorer);
      store.set({neurons});
    });
    const dot = el("span", {className: "compare-dot"});
    dot.setAttribute("aria-hidden", "true");
    dot.style.background = NEURON_COLORS[i];
    const label = el("label", {htmlFor: select.id, className: "compare-neuron-label"}, dot, `Neuron ${i + 1}`);
    const box = el(
      "fieldset",
      {className: "compare-neuron"},
      el("legend", {className: "visually-hidden", textContent: `Neuron ${i + 1}`}),
      label,
      select,
      custom
    );
    return {box, select, sliders, custom};
  });

  const show = (state: CompareState) => {
    setValue(count, String(state.neurons.length));
    slots.forEach((slot, i) => {
      const s = state.neurons[i];
      slot.box.hidden = !s;
      if (!s) return;
      remembered[i] = s;
      setValue(slot.select, s.kind);
      slot.custom.hidden = s.kind !== "custom";
      (["a", "b", "c", "d"] as const).forEach((p, j) => showValue(slot.sliders[j], s[p]));
    });
  };
  show(store.value);
  store.watch(show);
  return el(
    "div",
    {className: "compare-neurons"},
    el("label", {className: "compare-count-label", htmlFor: "compare-count"}, "Compare ", count),
    el("div", {className: "compare-neuron-grid"}, ...slots.map((s) => s.box))
  );
}

const CHOICE_TEXT: Record<"dc" | "step" | "pulses", string> = {
  dc: "a constant current (DC)",
  step: "a step",
  pulses: "a pulse train"
};

/** The shared current: a neuron's published protocol, or a DC, step or pulse train with its parameters. */
export function StimulusControls(store: CompareStore, catalog: MenuCatalog): HTMLElement {
  const select = el("select", {id: "compare-stimulus"});
  const fill = (state: CompareState) => {
    const options: {value: string; text: string}[] = [];
    state.neurons.forEach((s, i) => {
      if (!hasProtocol(state, i)) return;
      options.push({
        value: `protocol${i + 1}`,
        text: `the published protocol of neuron ${i + 1} (${s.kind === "explorer" ? "the explorer's current" : kindLabel(s.kind, catalog).split(":")[0]})`
      });
    });
    for (const k of ["dc", "step", "pulses"] as const) options.push({value: k, text: CHOICE_TEXT[k]});
    setOptions(select, options);
    setValue(select, state.stim);
  };
  select.addEventListener("change", () => store.set({stim: select.value as StimulusChoice}));

  const sliders = new Map<CompareNumberKey, RangeForm>();
  for (const key of Object.keys(COMPARE_SPECS) as CompareNumberKey[]) {
    const spec = COMPARE_SPECS[key];
    const form = range(spec, store.value[key], spec.label, `Current: ${spec.label}`);
    form.dataset.key = key;
    const set = (x: number) => store.set({[key]: clampToSpec(x, spec)});
    form.addEventListener("input", () => set(form.value));
    sliders.set(
      key,
      followTypedValue(
        form,
        (x) => clampToSpec(x, spec),
        set,
        () => store.value[key]
      )
    );
  }
  const uses: Record<StimulusChoice, CompareNumberKey[]> = {
    protocol1: [],
    protocol2: [],
    protocol3: [],
    protocol4: [],
    dc: ["I", "T"],
    step: ["I", "on", "off", "T"],
    pulses: ["I", "on", "width", "period", "count", "T"]
  };
  const note = el("p", {className: "control-note"});
  const show = (state: CompareState) => {
    fill(state);
    const used = uses[state.stim];
    for (const [key, form] of sliders) {
      form.hidden = !used.includes(key);
      showValue(form, state[key]);
    }
    const k = protocolSlot(state.stim);
    setText(
      note,
      k === null
        ? "Every neuron receives this current, in the paper's units (current ÷ capacitance, mV/ms)."
        : `Every neuron receives neuron ${k + 1}'s published current, for its published duration; its other parameters are not used.`
    );
  };
  show(store.value);
  store.watch(show);
  return el(
    "div",
    {className: "compare-stimulus"},
    el("label", {htmlFor: "compare-stimulus", className: "compare-select-label"}, "Drive every neuron with ", select),
    note,
    el("div", {className: "compare-sliders"}, ...sliders.values())
  );
}

/** Accurate (adaptive) or as published (figure1.m's Euler loop at each neuron's own τ), and the overlay switch. */
export function ViewControls(store: CompareStore): HTMLElement {
  const radios = (["adaptive", "paper2004"] as const).map((m) => {
    const input = el("input", {type: "radio", name: "compare-method", value: m, checked: store.value.method === m});
    input.addEventListener("change", () => input.checked && store.set({method: m}));
    return input;
  });
  const method = el(
    "fieldset",
    {className: "compare-method"},
    el("legend", {textContent: "Integration"}),
    el("label", {className: "explorer-check"}, radios[0], "accurate (adaptive steps, spikes located at the cut-off)"),
    el("label", {className: "explorer-check"}, radios[1], "as published (figure1.m's Euler loop at each neuron's τ)")
  );
  const overlay = el("input", {type: "checkbox", id: "compare-overlay", checked: store.value.overlay});
  overlay.addEventListener("change", () => store.set({overlay: overlay.checked}));
  store.watch((state) => {
    radios.forEach((r) => setChecked(r, r.value === state.method));
    setChecked(overlay, state.overlay);
  });
  return el(
    "div",
    {className: "compare-view"},
    method,
    el("label", {className: "explorer-check compare-overlay-toggle"}, overlay, "Overlay the v(t) traces on one chart")
  );
}
