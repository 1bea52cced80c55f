/**
 * The neuron zoo's gallery: the mode switch, the progress of the accurate runs, and two grids of panels (the
 * 2004 features and the 2003 classes). Rendering is progressive so the page shows something at once:
 *
 * 1. the first row's as-published runs (cheap: figure1.m's Euler loop) and panels, then the mark
 *    "zoo:first-panels" as soon as that row is in the document;
 * 2. the other as-published panels, a row per task;
 * 3. the accurate runs (heavier: adaptive steps; panel T runs away to the spike budget), in a Web Worker on
 *    the page (`runAccurate`: the shared runner's queue, workers/zooRunner.ts), else one per main-thread task;
 *    each panel is redrawn as its run arrives, and a progress bar counts them. A run that fails or is stopped
 *    at its time budget says so in its own panel; the other panels go on.
 */
import type {SimulateOptions, Trace} from "../../lib/simulate.js";
import type {PresetLike, PresetSet} from "../../state/urlState.js";
import {PANEL_MAX_SPIKES} from "../spikeCaps.js";
import {
  ZOO_MODES,
  accurateOptions,
  changeSentence,
  explorerHrefForPanel,
  publishedOptions,
  summarize,
  type ZooEntry,
  type ZooMode
} from "./zooModel.js";
import {ZooPanel, updatePanel, type PanelView} from "./zooPanel.js";
import {isCancelled, mainThreadRunner} from "../../workers/workerRunner.js";
import {el} from "../dom.js";

/** A firing-pattern classifier (the library's `classifyFiringPattern` fits), used for labels when present. */
export type Classifier = (trace: Trace) => {pattern: string; spikesPerBurst?: number};

/** The library functions the gallery calls (passed in, so the page and the tests share one instance). */
export interface ZooLibrary {
  simulate: (options: SimulateOptions) => Trace;
  classifyFiringPattern?: Classifier;
}

export interface ZooGalleryOptions {
  entries: ZooEntry[];
  /** The explorer's preset set (classes and features), for the panels' links. */
  presets: PresetSet<PresetLike>;
  lib: ZooLibrary;
  /** The initial mode; default "published". */
  mode?: ZooMode;
  /** Spike budget of each run; default {@link PANEL_MAX_SPIKES}. */
  maxSpikes?: number;
  /** Panels in the first row (rendered before anything else); default 4, the paper's columns. */
  firstRow?: number;
  /** Gives the event loop a turn between chunks; default a macrotask (setTimeout 0). */
  yieldTask?: () => Promise<void>;
  /** Called once the first row is in the document (default: performance.mark("zoo:first-panels")). */
  onFirstPanels?: () => void;
  /** Base of the explorer's address; default "./". */
  base?: string;
  /** The element id of the panel a link points at (`panel-P`, from the address's hash), scrolled to once drawn. */
  target?: string | null;
  /**
   * Runs one panel's accurate simulation (`id`: the panel's letter or class), e.g. queued in a Web Worker
   * (workers/zooRunner.ts); default `lib.simulate` on the main thread, one run per task. Panel T's accurate
   * run takes ≈ 200 ms: in a worker it never blocks input. A rejection is shown in the panel (its message:
   * a time budget's says what to change); a Cancelled one (the page is going away) stops the gallery.
   */
  runAccurate?: (options: SimulateOptions, id: string) => Promise<Trace>;
  /**
   * Where the accurate runs happen, for the status line (a shared runner's `status()` fits): "worker" or "main
   * thread", and why a worker was not used. Default: nothing said.
   */
  runStatus?: () => {place: "worker" | "main thread"; fallback: string | null};
  /**
   * Grids already in the page (e.g. `#zoo-features`, pre-rendered at build time by src/zoo.md.ts); panels with
   * the same id (`panel-<ID>`) are replaced in place, others appended. Default: new, empty grids.
   */
  sections?: {features?: HTMLElement | null; classes?: HTMLElement | null};
}

export interface Slot {
  entry: ZooEntry;
  article: HTMLElement | null;
  view: PanelView | null;
  published: Trace | null;
}

export class ZooGallery {
  /** The mode switch and the progress of the accurate runs. */
  readonly controls: HTMLElement;
  /** The grids of the two sections. */
  readonly sections: {features: HTMLElement; classes: HTMLElement};
  readonly progress: HTMLProgressElement;
  readonly status: HTMLElement;
  #mode: ZooMode;
  #slots: Slot[];
  #options: Required<Omit<ZooGalleryOptions, "mode" | "onFirstPanels" | "sections" | "target" | "runStatus">> &
    Pick<ZooGalleryOptions, "onFirstPanels" | "target" | "runStatus">;
  #cancelled = false;
  #radios = new Map<ZooMode, HTMLInputElement>();
  #listeners: ((mode: ZooMode) => void)[] = [];

  constructor(options: ZooGalleryOptions) {
    const {sections, ...rest} = options;
    const onMainThread = mainThreadRunner(options.lib.simulate);
    this.#options = {
      maxSpikes: PANEL_MAX_SPIKES,
      firstRow: 4,
      yieldTask: () => new Promise((resolve) => setTimeout(resolve, 0)),
      base: "./",
      runAccurate: (options) => onMainThread(options),
      ...rest
    };
    this.#mode = options.mode ?? "published";
    this.#slots = options.entries.map((entry) => ({entry, article: null, view: null, published: null}));
    const grid = (section: string) => {
      const g = el("div", {className: "zoo-grid"});
      g.dataset.section = section;
      return g;
    };
    this.sections = {features: sections?.features ?? grid("features"), classes: sections?.classes ?? grid("classes")};

    const fieldset = el("fieldset", {className: "zoo-mode"}, el("legend", {textContent: "Show the runs"}));
    for (const {mode, label} of ZOO_MODES) {
      const radio = el("input", {type: "radio", name: "zoo-mode", value: mode, checked: mode === this.#mode});
      radio.addEventListener("change", () => radio.checked && this.setMode(mode));
      this.#radios.set(mode, radio);
      fieldset.append(el("label", {className: "zoo-mode-option"}, radio, label));
    }
    this.progress = el("progress", {max: this.#slots.length, value: 0});
    this.progress.setAttribute("aria-label", "Accurate runs computed");
    this.status = el("span", {
      className: "zoo-status",
      textContent: "Accurate runs: waiting for the published panels…"
    });
    const progress = el("div", {className: "zoo-progress"}, this.progress, this.status);
    progress.setAttribute("role", "status");
    this.controls = el("div", {className: "zoo-controls"}, fieldset, progress);
  }

  get mode(): ZooMode {
    return this.#mode;
  }

  /** Calls `listener` after each change of mode (e.g. to write it into the address). */
  onMode(listener: (mode: ZooMode) => void): void {
    this.#listeners.push(listener);
  }

  /** Switches every panel to a mode (cheap: redraws from the stored runs). */
  setMode(mode: ZooMode): void {
    if (mode === this.#mode) return;
    this.#mode = mode;
    this.#radios.get(mode)!.checked = true;
    for (const slot of this.#slots) {
      if (!slot.article || !slot.view) continue;
      slot.view = {...slot.view, mode};
      updatePanel(slot.article, slot.entry, slot.view);
    }
    for (const listener of this.#listeners) listener(mode);
  }

  /** Stops the background work (on leaving the page). */
  cancel(): void {
    this.#cancelled = true;
  }

  /** Renders everything, progressively; resolves when every accurate run is done (or the gallery is cancelled). */
  async start(): Promise<void> {
    const {firstRow, yieldTask} = this.#options;
    const t0 = performance.now();
    const first = this.renderFirstRow();
    await this.#whenConnected(first[0]?.article ?? null);
    (this.#options.onFirstPanels ?? (() => performance.mark("zoo:first-panels")))();
    const rest = this.#slots.filter((s) => !s.article);
    for (let i = 0; i < rest.length; i += firstRow) {
      await yieldTask();
      if (this.#cancelled) return;
      for (const slot of rest.slice(i, i + firstRow)) this.#renderPublished(slot);
    }
    let done = 0;
    const stopped: string[] = [];
    const total = this.#slots.length;
    this.#scrollToTarget();
    this.status.textContent = `Integrating accurately${this.#where()}: 0 of ${total} panels…`;
    // Every request at once (the runner queues them, one panel per key, and works through them back to back);
    // each panel is drawn as its run arrives, or says why it has none.
    const runs = this.#slots.map((slot) =>
      this.#options.runAccurate(accurateOptions(slot.entry.preset, this.#options.maxSpikes), slot.entry.id).then(
        (trace) => ({trace, error: null}),
        (error: unknown) => ({trace: null, error})
      )
    );
    for (const [i, slot] of this.#slots.entries()) {
      await yieldTask();
      if (this.#cancelled) return;
      const {trace, error} = await runs[i]!;
      if (this.#cancelled || isCancelled(error)) return;
      if (trace) this.#renderAccurate(slot, trace);
      else {
        this.#renderFailure(slot, error instanceof Error ? error.message : String(error));
        stopped.push(slot.entry.id);
      }
      this.progress.value = ++done;
      this.status.textContent = `Integrating accurately${this.#where()}: ${done} of ${total} panels…`;
    }
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const integrated = total - stopped.length;
    this.status.textContent =
      (stopped.length
        ? `${integrated} of ${total} panels integrated accurately; no accurate run for ${stopped.join(", ")} (its panel says why)`
        : `All ${total} panels integrated accurately`) + ` (${seconds} s${this.#where(", ")}).`;
    this.controls.dataset.done = "true";
    this.controls.dataset.stopped = String(stopped.length);
  }

  /** Where the accurate runs happen, for the status line (empty when the page gives no runner status). */
  #where(separator = " "): string {
    const status = this.#options.runStatus?.();
    if (!status) return "";
    return status.place === "worker"
      ? `${separator}in a background worker`
      : `${separator}on the main thread${status.fallback ? ` (${status.fallback})` : ""}`;
  }

  /**
   * Renders the first row's as-published panels at once (synchronously) and returns their slots. `start` calls
   * it; src/zoo.md.ts calls it at build time, under jsdom, to pre-render the row into the page's HTML.
   */
  renderFirstRow(): Slot[] {
    const features = this.#slots.filter((s) => s.entry.section === "features");
    const first = (features.length ? features : this.#slots).slice(0, this.#options.firstRow);
    for (const slot of first) if (!slot.article) this.#renderPublished(slot);
    return first;
  }

  /** A link to one panel (`/zoo#panel-G`) scrolls to it once it exists: most panels are rendered after load. */
  #scrollToTarget(): void {
    const id = this.#options.target;
    const target = id ? this.#slots.find((s) => s.article?.id === id)?.article : undefined;
    if (target && target.isConnected) target.scrollIntoView({block: "start"});
  }

  #label(trace: Trace): string | undefined {
    const classify = this.#options.lib.classifyFiringPattern;
    if (!classify) return undefined;
    try {
      const r = classify(trace);
      return r.spikesPerBurst !== undefined && (r.pattern === "bursting" || r.pattern === "mixed")
        ? `${r.pattern} (${r.spikesPerBurst} per burst)`
        : r.pattern;
    } catch {
      return undefined;
    }
  }

  #renderPublished(slot: Slot): void {
    const {lib, presets, maxSpikes, base} = this.#options;
    const {entry} = slot;
    const published = lib.simulate(publishedOptions(entry.preset, maxSpikes));
    slot.published = published;
    slot.view = {
      mode: this.#mode,
      published,
      accurate: null,
      sentence: null,
      labels: {published: this.#label(published)},
      hrefs: {
        published: explorerHrefForPanel(entry.id, presets, "paper2004", base),
        accurate: explorerHrefForPanel(entry.id, presets, "adaptive", base)
      }
    };
    slot.article = ZooPanel(entry, slot.view);
    const grid = this.sections[entry.section];
    const prerendered = Array.from(grid.children).find((child) => child.id === slot.article!.id);
    if (prerendered) prerendered.replaceWith(slot.article);
    else grid.append(slot.article);
  }

  #renderAccurate(slot: Slot, accurate: Trace): void {
    if (!slot.view || !slot.article || !slot.published) return;
    const {maxSpikes} = this.#options;
    const sentence = changeSentence(
      slot.entry.preset,
      summarize(slot.published, maxSpikes),
      summarize(accurate, maxSpikes),
      maxSpikes
    );
    slot.view = {
      ...slot.view,
      mode: this.#mode,
      accurate,
      sentence,
      labels: {...slot.view.labels, accurate: this.#label(accurate)}
    };
    updatePanel(slot.article, slot.entry, slot.view);
  }

  /** A panel whose accurate run failed or was stopped at its time budget: the published run stays, with why. */
  #renderFailure(slot: Slot, message: string): void {
    if (!slot.view || !slot.article) return;
    slot.view = {...slot.view, mode: this.#mode, accurate: null, sentence: null, failure: message};
    updatePanel(slot.article, slot.entry, slot.view);
  }

  /** Resolves once `node` is in the document (at once if it is, else on a later frame). */
  async #whenConnected(node: Node | null): Promise<void> {
    for (let i = 0; node && !node.isConnected && i < 600 && !this.#cancelled; ++i) {
      await new Promise((resolve) =>
        typeof requestAnimationFrame === "function" ? requestAnimationFrame(resolve) : setTimeout(resolve, 16)
      );
    }
  }
}
