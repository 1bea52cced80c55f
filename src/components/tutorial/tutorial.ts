/**
 * What the tutorial chapters (src/tutorial/*.md) share, so each chapter is only prose, controls and charts:
 *
 * - `accurateRun(id, changes)`: a published class or panel run with the accurate method (adaptive, dt = 2⁻⁵
 *   ms), with some parameters or options changed; the chapters teach the model, not the 2004 Euler loop.
 * - `tutorialRun(key, id, changes)` and `simulateLater(key, options)`: the same runs through the pages' shared
 *   runner (workers/sharedRunner.ts), for a chapter's cells that re-run as a slider moves: an adaptive run (its
 *   cost has no bound known in advance; 2–25 ms here) goes to a Web Worker, within a time budget, and a newer
 *   request of a key replaces the waiting one (a cell awaits it: `const run = await tutorialRun("run", …)`).
 * - `live(value, unit)`: a number in the prose that updates with the controls (`${live(rate, "Hz")}`), marked
 *   with the class "live" so tests and readers can find it.
 * - `kickThreshold(params, I)`: the threshold of a voltage kick from rest, from the library's separatrix
 *   (chapter 1: the threshold is a property of the dynamics, not the 30 mV cut-off).
 * - `passage(...parts)`: a paragraph of text and live numbers, for prose a cell shows only at times (after a
 *   Predict prompt has been revealed, say); `prose` is the same as a tagged template, for a Predict prompt's
 *   answer whose measured numbers are `live(…)` spans (prose`A fires at ${live(t, "ms")}.`).
 * - `explorerHref(id, changes)`, `zooHref(id)` and `TryIt(links)`: the links that end each chapter, into the
 *   explorer at an illustrative state and into the zoo at a panel.
 *
 * Layout: a chapter puts a control beside the chart it drives with the explorer's row markup (site.css), which
 * is two columns from 760 px and one column on a phone:
 *
 *   <div class="explorer-row"><div class="explorer-controls"> …view(Inputs.range(…))… </div>
 *   <div class="explorer-charts"> …charts, width chartWidth(width) from layout.ts… </div></div>
 */
import type {Params} from "../../lib/models/izhikevich2003.js";
import {equilibria, type Equilibrium} from "../../lib/analysis/equilibria.js";
import {separatrix, separatrixCrossings} from "../../lib/analysis/separatrix.js";
import {CLASSES} from "../../lib/presets/classes2003.js";
import {FEATURES} from "../../lib/presets/features2004.js";
import {type Preset} from "../../lib/presets/published.js";
import {DEFAULTS, simulate, type SimulateOptions, type Trace} from "../../lib/simulate.js";
import {fmt} from "../charts/chart.js";
import {setText} from "../dom.js";
import {SharedRunner} from "../../workers/sharedRunner.js";
import {simulateWorker} from "../../workers/workers.js";
import {presetState, serializeState, type ExplorerState, type PresetId} from "../../state/urlState.js";

/** The presets the chapters start from: the 2003 classes and the 2004 panels. */
export const TUTORIAL_PRESETS: Readonly<Record<PresetId, Preset>> = {...CLASSES, ...FEATURES};

/** Changes to a preset: some of a, b, c, d, and any other simulate options (duration, current, v0, …). */
export type RunChanges = Omit<Partial<SimulateOptions>, "params"> & {params?: Partial<Params>};

/** The options of a preset with changes, integrated accurately (adaptive, spikes located at the cut-off). */
export function accurateOptions(id: PresetId, changes: RunChanges = {}): SimulateOptions {
  const preset = TUTORIAL_PRESETS[id];
  if (!preset) throw new RangeError(`tutorial: unknown preset ${JSON.stringify(id)}`);
  const {params, ...rest} = changes;
  const merged = {...preset.params, ...params};
  const v0 = rest.v0 ?? preset.v0 ?? DEFAULTS.v0;
  // u starts on the u-nullcline u = b·v0 of the run's own b, as the paper's presets do (R alone starts off it).
  const onNullcline = preset.u0 === undefined || preset.u0 === preset.params.b * (preset.v0 ?? DEFAULTS.v0);
  return {
    ...preset,
    method: "adaptive",
    dt: DEFAULTS.dt,
    ...rest,
    v0,
    u0: rest.u0 ?? (onNullcline ? merged.b * v0 : preset.u0),
    params: merged
  };
}

/** {@link accurateOptions}, simulated. */
export function accurateRun(id: PresetId, changes: RunChanges = {}): Trace {
  return simulate(accurateOptions(id, changes));
}

/** Rough main-thread cost of one recorded sample of a fixed-step run (ms), before the machine's correction. */
const MS_PER_FIXED_SAMPLE = 5e-5;

/** What to change when a chapter's run goes over its time budget (reader-facing). */
export const TUTORIAL_ADVICE =
  "move the slider back toward the chapter's starting value, or open this run in the explorer";

let runner: SharedRunner<SimulateOptions, Trace> | null = null;

/**
 * The page's shared runner for the chapters' runs (made on first use; one per page): fixed-step runs that fit
 * a frame at once, adaptive runs in the worker (simulateWorker, workers.ts).
 */
export function tutorialRunner(): SharedRunner<SimulateOptions, Trace> {
  runner ??= new SharedRunner<SimulateOptions, Trace>(simulateWorker, simulate, {
    predictMs: (o) =>
      (o.method ?? DEFAULTS.method) === "adaptive"
        ? Infinity
        : ((o.duration ?? 0) / (o.dt ?? DEFAULTS.dt)) * MS_PER_FIXED_SAMPLE,
    duration: (o) => o.duration ?? 0,
    advice: () => TUTORIAL_ADVICE
  });
  return runner;
}

/** simulate(options) through the page's runner; `key` names the cell's run (a newer one of a key replaces it). */
export function simulateLater(key: string, options: SimulateOptions): Promise<Trace> {
  return tutorialRunner().runLater(options, {key});
}

/** {@link accurateRun} through the page's runner (see {@link simulateLater}). */
export function tutorialRun(key: string, id: PresetId, changes: RunChanges = {}): Promise<Trace> {
  return simulateLater(key, accurateOptions(id, changes));
}

/**
 * A line that says where the chapter's simulations run (a background worker, or the main thread and why),
 * following the page's runner; empty until the first run.
 */
export function RunPlaceNote(): HTMLParagraphElement {
  const note = document.createElement("p");
  note.className = "tutorial-run-place";
  note.setAttribute("role", "status");
  let seen = false;
  tutorialRunner().onStatus((status) => {
    seen ||= status.busy || status.place === "worker" || status.fallback !== null;
    if (note.dataset.place !== status.place) note.dataset.place = status.place;
    setText(
      note,
      !seen
        ? ""
        : status.fallback
          ? `This chapter's simulations run on the main thread (${status.fallback}).`
          : status.place === "worker"
            ? "This chapter's simulations run in a background worker, each within a time budget."
            : "This chapter's simulations run on the page (each fits in a frame)."
    );
  });
  return note;
}

/**
 * A live value for the prose, in a span of class "live": a number formatted with {@link fmt} (null shows
 * as "—") followed by its unit, or a word as it is.
 */
export function live(value: number | string | null | undefined, unit = "", digits = 3): HTMLSpanElement {
  const span = document.createElement("span");
  span.className = "live";
  const text = typeof value === "string" ? value : fmt(value, digits);
  span.textContent = unit ? `${text} ${unit}` : text;
  return span;
}

/** A paragraph of strings and nodes (live numbers keep their class). */
export function passage(...parts: (Node | string)[]): HTMLParagraphElement {
  const p = document.createElement("p");
  p.append(...parts);
  return p;
}

/** {@link passage} as a tagged template: the literal text, with each interpolated node or value in place. */
export function prose(strings: TemplateStringsArray, ...values: (Node | string | number)[]): HTMLParagraphElement {
  const parts: (Node | string)[] = [];
  strings.forEach((text, k) => {
    parts.push(text);
    if (k < values.length) parts.push(typeof values[k] === "number" ? String(values[k]) : (values[k] as Node | string));
  });
  return passage(...parts);
}

/**
 * The explorer's address (relative to a chapter, /tutorial/<slug>) with a preset loaded, integrated
 * accurately, and some of its state changed (e.g. `{a: 0.1}`).
 */
export function explorerHref(id: PresetId, changes: Partial<ExplorerState> = {}, base = "../"): string {
  return `${base}${serializeState({...presetState(id, TUTORIAL_PRESETS), ...changes})}`;
}

/** The zoo's address of one panel (a 2004 letter or a 2003 class id), relative to a chapter. */
export function zooHref(id: PresetId, base = "../zoo"): string {
  return `${base}#panel-${id}`;
}

/** One link of a chapter's closing list. */
export interface TryLink {
  href: string;
  /** The link text: what the reader will see there. */
  text: string;
  /** Optional words after the link. */
  note?: string;
}

/** The list of links that ends a chapter ("Try it in the explorer and the zoo"). */
export function TryIt(links: TryLink[]): HTMLUListElement {
  const list = document.createElement("ul");
  list.className = "tutorial-try";
  for (const {href, text, note} of links) {
    const item = document.createElement("li");
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    item.append(a);
    if (note) item.append(`: ${note}`);
    list.append(item);
  }
  return list;
}

/**
 * The smallest instantaneous kick of v from the rest state (u unchanged) that makes the neuron spike at a
 * constant current I: where the library's threshold separatrix (the saddle's stable manifold) crosses the
 * line u = u_rest to the right of rest. Null when there is no stable rest state or no saddle.
 */
export function kickThreshold(
  params: Params,
  I: number
): {threshold: number; rest: Equilibrium; saddle: Equilibrium} | null {
  const points = equilibria(params, I);
  const rest = points.find((p) => p.type === "stable node" || p.type === "stable focus");
  const saddle = points.find((p) => p.type === "saddle");
  if (!rest || !saddle) return null;
  const sep = separatrix(params, I);
  const threshold = sep ? separatrixCrossings(sep, rest.u).find((v) => v > rest.v) : undefined;
  return threshold === undefined ? null : {threshold, rest, saddle};
}

/** The table of contents: an ordered list of the chapters, each a link (./<slug>) with its summary. */
export function ContentsList(chapters: readonly {slug: string; title: string; summary: string}[]): HTMLOListElement {
  const list = document.createElement("ol");
  list.className = "tutorial-contents";
  for (const {slug, title, summary} of chapters) {
    const item = document.createElement("li");
    const a = document.createElement("a");
    a.href = `./${slug}`;
    a.textContent = title;
    const span = document.createElement("span");
    span.className = "summary";
    span.textContent = summary;
    item.append(a, span);
    list.append(item);
  }
  return list;
}

/** The empty run the chapters make their redrawn charts with (see voltageTrace.ts). */
export {NO_RUN} from "../charts/voltageTrace.js";
