/**
 * The 2007-cells page's interactive panels: a card per cell (its description, parameters, special rules,
 * bifurcation currents, and its v(t) at a chosen test current, book vs accurate vs overlay) and the
 * comparison tools (2–4 cells, one shared current, stacked or overlaid traces, a statistics table). Native
 * selects, radios, checkboxes and number inputs only, so everything works by keyboard. Simulations go
 * through the page's runner (workers/cells2007Runner.ts: the accurate runs in a worker, each card and compared
 * cell under its own key), or each in its own task (setTimeout), so no task blocks input for long; a run that
 * fails or is stopped at its time budget says so in its own card or row.
 */
import {CELLS_2007} from "../../lib/presets/cells2007.js";
import type {CellId2007} from "../../lib/index.js";
import {mainThreadRunner, type Runner} from "../../workers/cells2007Runner.js";
import type {RunnerStatus} from "../../workers/sharedRunner.js";
import {isCancelled} from "../../workers/workerRunner.js";
import {fmt} from "../charts/chart.js";
import {clampNumberBox} from "../controls/controls.js";
import {
  OverlayCells,
  PhasePlanes2007,
  StackedCells,
  StatsTable2007,
  Table,
  CellTrace
} from "../charts/cells2007Charts.js";
import {
  VIEW_LABELS,
  bifurcationText,
  currentText,
  differenceSentence,
  parameterRows,
  sharedStimulus,
  shortName,
  specialRules,
  statsRows2007,
  type CellRun,
  type CompareRun2007,
  type View2007
} from "./cells2007Model.js";
import {
  CELL_IDS_2007,
  DEFAULT_COMPARE_2007,
  MAX_CELLS,
  MIN_CELLS,
  STEP_LIMITS,
  type Compare2007State
} from "../../state/cells2007State.js";
import {el} from "../dom.js";
import {methodsDisagreement, namedCurrent, openingNote} from "./namedBehaviour.js";

/** Width available to a chart inside `box` (a fallback where layout is unknown, e.g. jsdom). */
function widthOf(box: HTMLElement, fallback = 640): number {
  const w = Math.floor(box.clientWidth);
  return w > 0 ? Math.min(w, 1000) : fallback;
}

/** Calls `render` when the box's width changes (not on the first observation). */
function onResize(box: HTMLElement, render: () => void): void {
  if (typeof ResizeObserver === "undefined") return;
  let last = -1;
  new ResizeObserver(() => {
    const w = widthOf(box);
    if (last >= 0 && w !== last) render();
    last = w;
  }).observe(box);
}

function radios<T extends string>(
  name: string,
  legendText: string,
  options: Record<T, string>,
  value: T,
  onChange: (v: T) => void
): HTMLFieldSetElement {
  const set = el("fieldset", {className: "cells2007-radios"}, el("legend", {textContent: legendText}));
  for (const [key, text] of Object.entries(options) as [T, string][]) {
    const input = el("input", {type: "radio", name, value: key, checked: key === value});
    input.addEventListener("change", () => input.checked && onChange(key));
    set.append(el("label", {}, input, ` ${text}`));
  }
  return set;
}

/** One cell's card; its trace is computed in a later task (`delay` ms), so the page appears at once. */
export function CellCard(id: CellId2007, runner: Runner = mainThreadRunner, delay = 0): HTMLElement {
  const p = CELLS_2007[id];
  const card = el("section", {className: "cells2007-card", id: `cell-${id}`});
  card.dataset.cell = id;
  card.append(
    el("h2", {textContent: p.name}),
    el("p", {className: "cells2007-description", textContent: p.description})
  );
  card.append(
    Table(
      `Parameters of ${shortName(id)}`,
      ["parameter", "value", "unit"],
      parameterRows(p).map((r) => [r.name, r.value, r.unit]),
      "cells2007-params"
    )
  );
  const rules = specialRules(p);
  card.append(
    rules.length
      ? el("ul", {className: "cells2007-rules"}, ...rules.map((r) => el("li", {textContent: r})))
      : el("p", {className: "cells2007-rules", textContent: "No special rules: the plain model."})
  );
  card.append(el("p", {className: "cells2007-bif", textContent: `Rest-state bifurcations: ${bifurcationText(p)}`}));

  // Opens where the cell does what its name says (izhi2007.m's first test current does not always).
  let current = namedCurrent(id);
  const opening = openingNote(id, current);
  let view: View2007 = "book";
  const select = el(
    "select",
    {id: `cells2007-${id}-current`},
    ...p.testCurrents.map((I) => el("option", {value: String(I), textContent: `${fmt(I)} pA`}))
  );
  select.value = String(current);
  select.addEventListener("change", () => {
    current = Number(select.value);
    update();
  });
  const controls = el(
    "div",
    {className: "cells2007-controls"},
    el("label", {className: "cells2007-select-label"}, "Test current of izhi2007.m: ", select),
    radios(`cells2007-${id}-view`, "Integration", VIEW_LABELS, view, (v) => {
      view = v;
      draw();
    })
  );
  const chart = el("div", {className: "cells2007-chart"});
  const counts = el("p", {className: "cells2007-counts"});
  counts.setAttribute("aria-live", "polite");
  const sentence = el("p", {className: "cells2007-sentence"});
  const protocol = el("p", {className: "cells2007-protocol"});
  const disagreement = el("p", {className: "cells2007-disagreement"});
  disagreement.setAttribute("role", "note");
  card.append(controls, protocol);
  if (opening) card.append(el("p", {className: "cells2007-opening", textContent: opening}));
  card.append(chart, counts, sentence, disagreement);

  const cache = new Map<number, CellRun>();
  let run: CellRun | null = null;
  function draw(): void {
    if (!run) return;
    card.dataset.view = view;
    const shown = view === "book" ? run.book.spikes.length : view === "adaptive" ? run.adaptive.spikes.length : null;
    counts.dataset.spikes = shown === null ? "" : String(shown);
    counts.textContent =
      shown === null
        ? `Spikes: ${run.book.spikes.length} (book), ${run.adaptive.spikes.length} (accurate).`
        : `Spikes: ${shown} (${view === "book" ? "book" : "accurate"}).`;
    sentence.textContent = differenceSentence(run);
    const differs = methodsDisagreement(id, run.current, run.book.spikes, run.adaptive.spikes);
    disagreement.textContent = differs ?? "";
    disagreement.hidden = !differs;
    const warnings = [...run.book.warnings, ...run.adaptive.warnings];
    if (warnings.length) sentence.textContent += ` Note: ${warnings.join(" ")}`;
    chart.replaceChildren(
      CellTrace(run.book, run.adaptive, {width: widthOf(chart), view, label: `${shortName(id)} at ${fmt(current)} pA`})
    );
  }
  let pending = 0;
  function finish(r: CellRun): void {
    run = r;
    draw();
    card.removeAttribute("aria-busy");
    card.dataset.ready = "1";
  }
  function update(): void {
    protocol.textContent = `Current: ${currentText(id, current)}; ${fmt(p.duration)} ms, v0 = vr = ${fmt(p.cell.vr)} mV, u0 = 0 pA.`;
    const token = ++pending;
    card.setAttribute("aria-busy", "true");
    const I = current;
    const fail = (e: unknown) => {
      // Cancelled: a newer request of this card replaced it, or the page is going away.
      if (token !== pending || isCancelled(e)) return;
      chart.replaceChildren(
        el("p", {
          className: "cells2007-error",
          textContent: `Could not run ${shortName(id)} at ${fmt(I)} pA: ${e instanceof Error ? e.message : String(e)}`
        })
      );
      card.removeAttribute("aria-busy");
      card.dataset.ready = "1";
    };
    const cached = cache.get(I);
    if (cached) {
      finish(cached);
      return;
    }
    // Two runs, each in its own task or in the worker: the book's, then the accurate one.
    const wait = delay ? new Promise((resolve) => setTimeout(resolve, delay)) : Promise.resolve();
    wait
      .then(() =>
        token === pending
          ? Promise.all([
              runner({kind: "cell", id, current: I, method: "book"}, `card ${id} book`),
              runner({kind: "cell", id, current: I, method: "adaptive"}, `card ${id} adaptive`)
            ])
          : null
      )
      .then((pair) => {
        if (!pair) return;
        const r: CellRun = {id, current: I, book: pair[0], adaptive: pair[1]};
        cache.set(I, r);
        if (token === pending) finish(r);
      })
      .catch(fail);
    delay = 0;
  }
  onResize(chart, draw);
  update();
  return card;
}

/** Every cell's card, staggered so each simulation gets its own task. */
export function CellCards(runner: Runner = mainThreadRunner): HTMLElement {
  const box = el("div", {className: "cells2007-cards"});
  CELL_IDS_2007.forEach((id, i) => box.append(CellCard(id, runner, i * 5)));
  return box;
}

/**
 * The line that says where the page's runs happen (a shared runner's status): in a background worker, or on
 * the main thread and why. Updated by `onStatus` (e.g. a SharedRunner's).
 */
export function RunPlaceLine(onStatus: (listener: (status: RunnerStatus) => void) => void): HTMLElement {
  const line = el("p", {className: "cells2007-run-place"});
  line.setAttribute("role", "status");
  onStatus((status) => {
    line.dataset.place = status.place;
    line.dataset.state = status.busy ? "busy" : "idle";
    line.textContent = status.fallback
      ? `The accurate runs happen on the main thread (${status.fallback}); the book's Euler loop runs at once on the page.`
      : "The accurate runs happen in a background worker, each within a time budget; the book's Euler loop runs at once on the page.";
  });
  return line;
}

// ---------------------------------------------------------------------------------------------------------
// Comparison tools
// ---------------------------------------------------------------------------------------------------------

/** Full names of the cells, for captions. */
export const CELL_NAMES: Record<string, string> = Object.fromEntries(
  CELL_IDS_2007.map((id) => [id, CELLS_2007[id].name])
);

function numberInput(
  id: string,
  label: string,
  value: number,
  [min, max]: readonly [number, number],
  stepSize: number
): {label: HTMLLabelElement; input: HTMLInputElement} {
  const input = el("input", {
    type: "number",
    id,
    value: String(value),
    min: String(min),
    max: String(max),
    step: String(stepSize)
  });
  input.inputMode = "decimal";
  // A typed value outside the range shows the clamped value that is used.
  clampNumberBox(input, [min, max]);
  return {label: el("label", {className: "cells2007-number"}, `${label} `, input), input};
}

/** The comparison tools: controls and output; state changes re-run the cells, one task per cell. */
export function CompareTools2007(
  runner: Runner = mainThreadRunner,
  initial: Compare2007State = DEFAULT_COMPARE_2007,
  onChange: (state: Compare2007State) => void = () => {}
): HTMLElement {
  const state: Compare2007State = {...initial, cells: [...initial.cells], current: {...initial.current}};
  const root = el("div", {className: "cells2007-compare"});

  // How many cells, and which.
  const count = el(
    "select",
    {id: "cells2007-count"},
    ...[2, 3, 4].map((n) => el("option", {value: String(n), textContent: `${n} cells`}))
  );
  count.value = String(state.cells.length);
  const fill: CellId2007[] = ["RS2007", "IB2007", "CH2007", "FS2007"];
  const slots = Array.from({length: MAX_CELLS}, (_, i) => {
    const select = el(
      "select",
      {id: `cells2007-cell-${i + 1}`},
      ...CELL_IDS_2007.map((id) =>
        // "RS: Regular spiking L5 pyramidal", not "RS: Regular spiking (RS) L5 pyramidal": the menu is narrow.
        el("option", {
          value: id,
          textContent: `${shortName(id)}: ${CELLS_2007[id].name.replace(/ \([A-Z]+\)/, "")}`
        })
      )
    );
    select.value = state.cells[i] ?? fill[i]!;
    select.addEventListener("change", () => {
      state.cells[i] = select.value as CellId2007;
      rerun();
    });
    const label = el("label", {className: "cells2007-slot"}, `Cell ${i + 1} `, select);
    return {select, label};
  });
  const showSlots = () => slots.forEach((s, i) => (s.label.hidden = i >= state.cells.length));
  count.addEventListener("change", () => {
    const n = Math.min(MAX_CELLS, Math.max(MIN_CELLS, Number(count.value)));
    state.cells = slots.slice(0, n).map((s) => s.select.value as CellId2007);
    showSlots();
    rerun();
  });
  showSlots();

  // The shared current.
  const source = el("select", {id: "cells2007-current"});
  for (const id of CELL_IDS_2007) {
    source.append(
      el(
        "optgroup",
        {label: `${shortName(id)}'s test currents`},
        ...CELLS_2007[id].testCurrents.map((I) =>
          el("option", {value: `${id}:${I}`, textContent: `${shortName(id)}: ${currentText(id, I)}`})
        )
      )
    );
  }
  source.append(el("option", {value: "step", textContent: "a step you set"}));
  const stepState =
    state.current.kind === "step" ? state.current : {kind: "step" as const, amplitude: 200, onset: 20, duration: 300};
  source.value = state.current.kind === "test" ? `${state.current.id}:${state.current.current}` : "step";
  const amp = numberInput(
    "cells2007-step-amplitude",
    "Amplitude I (pA)",
    stepState.amplitude,
    STEP_LIMITS.amplitude,
    10
  );
  const onset = numberInput("cells2007-step-onset", "Onset (ms)", stepState.onset, STEP_LIMITS.onset, 5);
  const duration = numberInput(
    "cells2007-step-duration",
    "Run length (ms)",
    stepState.duration,
    STEP_LIMITS.duration,
    10
  );
  const stepBox = el("div", {className: "cells2007-step"}, amp.label, onset.label, duration.label);
  const readCurrent = () => {
    if (source.value === "step") {
      state.current = {
        kind: "step",
        amplitude: Number(amp.input.value),
        onset: Number(onset.input.value),
        duration: Number(duration.input.value)
      };
    } else {
      const [id, I] = source.value.split(":");
      state.current = {kind: "test", id: id as CellId2007, current: Number(I)};
    }
    stepBox.hidden = source.value !== "step";
    rerun();
  };
  source.addEventListener("change", readCurrent);
  for (const x of [amp, onset, duration]) x.input.addEventListener("change", readCurrent);
  stepBox.hidden = source.value !== "step";

  const method = radios(
    "cells2007-compare-method",
    "Integration",
    {book: VIEW_LABELS.book, adaptive: VIEW_LABELS.adaptive},
    state.method,
    (m) => {
      state.method = m;
      rerun();
    }
  );
  const overlay = el("input", {type: "checkbox", id: "cells2007-overlay", checked: state.overlay});
  overlay.addEventListener("change", () => {
    state.overlay = overlay.checked;
    onChange(state);
    render();
  });

  root.append(
    el(
      "div",
      {className: "cells2007-compare-cells"},
      el("label", {className: "cells2007-select-label"}, "Compare ", count),
      el("div", {className: "cells2007-slots"}, ...slots.map((s) => s.label))
    ),
    el(
      "div",
      {className: "cells2007-compare-current"},
      el("label", {className: "cells2007-select-label"}, "Shared current ", source),
      stepBox
    ),
    method,
    el("label", {className: "cells2007-overlay-toggle"}, overlay, " Overlay the traces on one chart")
  );
  const summary = el("p", {className: "cells2007-summary"});
  summary.setAttribute("aria-live", "polite");
  const charts = el("div", {className: "cells2007-compare-charts"});
  const phases = el("div", {className: "cells2007-compare-phases"});
  const table = el("div", {className: "cells2007-compare-table"});
  root.append(summary, charts, phases, table);

  let runs: CompareRun2007[] = [];
  let shared = sharedStimulus(state.current);
  let token = 0;
  function render(): void {
    const width = widthOf(charts);
    const errors = runs
      .filter((r) => r.error)
      .map((r) =>
        el("p", {className: "cells2007-error", textContent: `Cell ${r.index + 1} (${shortName(r.id)}): ${r.error}`})
      );
    charts.replaceChildren(
      ...errors,
      state.overlay ? OverlayCells(runs, {width, names: CELL_NAMES}) : StackedCells(runs, {width, names: CELL_NAMES})
    );
    phases.replaceChildren(PhasePlanes2007(runs, {width}));
    const caption = `Spike statistics from the onset (t = ${fmt(shared.onset)} ms) to the end of the run (${fmt(shared.duration)} ms), ${state.method === "adaptive" ? "integrated accurately" : "as published (Euler, τ = 0.25 ms)"}. A dash: undefined (a mean ISI needs 2 spikes, CV and adaptation 3).`;
    table.replaceChildren(StatsTable2007(runs, statsRows2007(runs, shared.onset, shared.duration), caption));
  }
  function rerun(): void {
    const mine = ++token;
    onChange(state);
    shared = sharedStimulus(state.current);
    summary.textContent = shared.description;
    root.setAttribute("aria-busy", "true");
    const cells = [...state.cells];
    const current = state.current;
    const method = state.method;
    Promise.all(
      cells.map((id, index) =>
        runner({kind: "compare", id, shared: current, method}, `compared cell ${index + 1}`).then(
          (trace): CompareRun2007 => ({index, id, trace, error: null}),
          (e): CompareRun2007 => ({index, id, trace: null, error: e instanceof Error ? e.message : String(e)})
        )
      )
    ).then((done) => {
      if (mine !== token) return;
      runs = done;
      render();
      root.removeAttribute("aria-busy");
      root.dataset.ready = String(mine);
    });
  }
  onResize(charts, () => runs.length && render());
  rerun();
  return root;
}
