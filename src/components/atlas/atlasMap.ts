/**
 * One map of the behaviour atlas on the page: the cells painted into a canvas (one pixel per cell, scaled
 * up) under a Plot chart that draws the axes and marks the published neurons; a legend; a readout of the
 * cell under the pointer or keyboard focus with its link into the explorer; the map's controls, which
 * recompute it in workers (AtlasPool) with a progress bar and a cancel button.
 *
 * Keyboard: the map is one tab stop; the arrow keys move the focus cell (Shift: 10 cells), Enter opens it.
 *
 * The chart and the controls are drawn in tasks of their own (taskQueue.ts), not when the map is made or
 * changed: a page that makes three maps at once would otherwise hold its main thread for a quarter of a second.
 */
import * as Plot from "@observablehq/plot";
import * as Inputs from "@observablehq/inputs";
import {interpolatePurples} from "d3";
import type {Preset} from "../../lib/presets/published.js";
import {compileStimulus} from "../../lib/stimuli/index.js";
import {rowsToCSV} from "../../lib/export/csv.js";
import {figure, fmt} from "../charts/chart.js";
import {
  AXIS_LABELS,
  AXES,
  CELL_LABELS,
  PENDING,
  axisLimits,
  cellValues,
  checkSpec,
  describeCell,
  labelShares,
  type AtlasSpec,
  type AxisKey,
  type RowsResult
} from "../../lib/scans/atlas.js";
import type {AtlasPool} from "../../workers/atlasPool.js";
import {isCancelled} from "../../workers/workerRunner.js";
import {cellHref} from "../../state/atlasState.js";
import type {ClassId, PresetLike} from "../../state/urlState.js";
import {placeLabels} from "./markLabels.js";
import {queueTask} from "./taskQueue.js";

/** Colours of the labels (bursting is shaded by spikes per burst instead). */
export const LABEL_COLORS: Record<string, string> = {
  silent: "#e4e4e4",
  tonic: "#3b75af",
  adapting: "#7fc8c0",
  phasic: "#f0c33c",
  bursting: "#6a51a3",
  mixed: "#e8747c",
  irregular: "#9c6b3f",
  accelerating: "#c0392b",
  runaway: "#222222"
};

/** Bursting cells: lighter for few spikes per burst, darker for many (2 → 10 or more). */
export function burstColor(perBurst: number): string {
  return interpolatePurples(0.35 + 0.65 * Math.min(1, Math.max(0, (perBurst - 2) / 8)));
}

/** The colour of a cell. */
export function cellColor(code: number, perBurst: number): string {
  const label = CELL_LABELS[code];
  if (label === "bursting") return burstColor(perBurst);
  return label ? LABEL_COLORS[label]! : "#ffffff";
}

/**
 * The pixel of a cell (its RGBA bytes read as one 32-bit word in the platform's byte order), made once per
 * (code, spikes per burst): painting a map is one table look-up and one store per cell. Not computed yet:
 * transparent.
 */
const cellPixels = new Map<number, number>();
const pixelWord = new Uint32Array(1);
const pixelBytes = new Uint8Array(pixelWord.buffer);
function cellPixel(code: number, perBurst: number): number {
  const key = code * 256 + perBurst;
  let pixel = cellPixels.get(key);
  if (pixel === undefined) {
    const [r, g, b] = code === PENDING ? [255, 255, 255] : rgb(cellColor(code, perBurst));
    pixelBytes.set([r, g, b, code === PENDING ? 0 : 255]);
    cellPixels.set(key, (pixel = pixelWord[0]!));
  }
  return pixel;
}

function rgb(color: string): [number, number, number] {
  const m = /^#(..)(..)(..)$/.exec(color);
  if (m) return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
  const n = /rgb\((\d+), ?(\d+), ?(\d+)\)/.exec(color);
  return n ? [+n[1]!, +n[2]!, +n[3]!] : [255, 255, 255];
}

/** A published neuron's place on a map: its value of each axis (I: its current at the end of its protocol). */
export interface PresetMark {
  id: string;
  values: Record<AxisKey, number>;
  /** The 2003 classes, or the 2004 features. */
  group: "2003" | "2004";
  /** Uses figure1.m's changed equation (G, L, R). */
  variant: boolean;
}

/** The marks of the published neurons. */
export function presetMarks(classes: Record<string, Preset>, features: Record<string, Preset>): PresetMark[] {
  const mark = (p: Preset, group: "2003" | "2004"): PresetMark => ({
    id: p.id,
    values: {...p.params, I: compileStimulus(p.current ?? 0).value(p.duration)},
    group,
    variant: p.equation !== undefined
  });
  return [
    ...Object.values(classes).map((p) => mark(p, "2003")),
    ...Object.values(features).map((p) => mark(p, "2004"))
  ];
}

/** The map's largest size (px); narrower containers (a phone) get a smaller chart at the same font size. */
const WIDTH = 640;
const HEIGHT = 520;
const MARGIN = {marginLeft: 62, marginRight: 18, marginTop: 14, marginBottom: 46};
/** Tick and mark labels (px): legible on a phone, where the chart is drawn at its real width, not scaled down. */
const FONT_SIZE = 12;
/** The states a map goes through, recorded in order in `data-history` (tests read the sequence). */
export type MapState = "running" | "done" | "cancelled" | "error";
/** Shortest time (ms) between two showings of new rows while a map is computed. */
const FLUSH_MS = 200;

export interface AtlasMapOptions {
  /** Stable id for element ids (e.g. "cd"). */
  id: string;
  title: string;
  spec: AtlasSpec;
  /** Precomputed codes and spikes per burst (row-major from the bottom row), if any. */
  codes?: ArrayLike<number>;
  perBurst?: ArrayLike<number>;
  classes: Record<ClassId, PresetLike>;
  marks: PresetMark[];
  pool: AtlasPool;
  /** Explorer base address relative to the page. */
  explorer?: string;
}

/** One interactive map: `element` goes into the page; `dispose()` on invalidation. */
export class AtlasMap {
  readonly element: HTMLElement;
  spec: AtlasSpec;
  codes: Uint8Array;
  perBurst: Uint8Array;
  private focus: [number, number];
  /** Whether the chart, canvas and image below are drawn for the current spec (a draw is queued otherwise). */
  private drawn = false;
  private drawQueued = false;
  private controlsQueued = false;
  private disposed = false;
  private canvas!: HTMLCanvasElement;
  private image!: ImageData;
  /** The image's pixels, one 32-bit word each. */
  private pixels!: Uint32Array;
  private box!: HTMLDivElement;
  private outline!: HTMLDivElement;
  private readout: HTMLElement;
  private link: HTMLAnchorElement;
  private status: HTMLElement;
  private progress: HTMLProgressElement;
  private cancelButton: HTMLButtonElement;
  private figureSlot: HTMLElement;
  private running = false;
  /** The chart's size in pixels (WIDTH × HEIGHT, or less in a narrow container). */
  private width = WIDTH;
  private height = HEIGHT;
  private controlsBox!: HTMLElement;
  private side!: HTMLElement;
  private specListeners: ((spec: AtlasSpec) => void)[] = [];
  private resize: ResizeObserver | undefined;
  /** Marks whose label found no free place (named in the caption instead). */
  private unlabelled: string[] = [];
  /** Rows of the current map computed so far. */
  private rowsDone = 0;
  private debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: AtlasMapOptions) {
    const document = globalThis.document;
    this.spec = options.spec;
    const cells = this.spec.x.n * this.spec.y.n;
    this.codes = options.codes ? Uint8Array.from(options.codes) : new Uint8Array(cells).fill(PENDING);
    this.perBurst = options.perBurst ? Uint8Array.from(options.perBurst) : new Uint8Array(cells);
    this.focus = [this.spec.x.n >> 1, this.spec.y.n >> 1];

    this.element = document.createElement("section");
    this.element.className = "atlas";
    this.element.id = `atlas-${options.id}`;
    this.figureSlot = document.createElement("div");
    this.readout = document.createElement("p");
    this.readout.className = "atlas-readout";
    this.readout.setAttribute("aria-live", "polite");
    this.link = document.createElement("a");
    this.link.textContent = "Open this neuron in the explorer";
    this.link.className = "atlas-open";

    this.controlsBox = document.createElement("details");
    this.queueControls();
    const bar = document.createElement("div");
    bar.className = "atlas-progress";
    this.progress = document.createElement("progress");
    this.progress.max = 1;
    this.progress.value = 1;
    this.progress.setAttribute("aria-label", `Progress of the ${options.title} map`);
    this.status = document.createElement("span");
    this.status.className = "atlas-status";
    this.status.setAttribute("aria-live", "polite");
    this.status.textContent = options.codes ? "Computed at build time." : "";
    this.cancelButton = document.createElement("button");
    this.cancelButton.type = "button";
    this.cancelButton.textContent = "Cancel";
    this.cancelButton.disabled = true;
    this.cancelButton.addEventListener("click", () => this.cancel());
    bar.append(this.progress, this.cancelButton, this.status);

    this.side = document.createElement("div");
    this.side.className = "atlas-side";
    this.side.append(this.controlsBox, bar);
    const main = document.createElement("div");
    main.className = "atlas-main";
    main.append(this.figureSlot, this.readout);
    this.element.append(main, this.side);
    this.queueDraw();
    // Drawn at the width it gets, so its labels keep their size on a phone instead of shrinking with the SVG.
    if (typeof ResizeObserver === "function") {
      this.resize = new ResizeObserver(() => this.fit(main.clientWidth));
      this.resize.observe(main);
    }
  }

  /** Redraws the chart for a container `available` px wide (no more than WIDTH). */
  private fit(available: number): void {
    if (!(available > 0)) return;
    const width = Math.max(280, Math.min(WIDTH, Math.floor(available)));
    if (Math.abs(width - this.width) < 8) return;
    this.width = width;
    this.height = Math.round(
      MARGIN.marginTop +
        MARGIN.marginBottom +
        ((width - MARGIN.marginLeft - MARGIN.marginRight) * (HEIGHT - MARGIN.marginTop - MARGIN.marginBottom)) /
          (WIDTH - MARGIN.marginLeft - MARGIN.marginRight)
    );
    this.queueDraw();
  }

  /** Draws the chart in a task of its own, at the size and spec the map has by then (once, however often asked). */
  private queueDraw(): void {
    if (this.drawQueued) return;
    this.drawQueued = true;
    queueTask(() => {
      this.drawQueued = false;
      if (!this.disposed) this.draw();
    });
  }

  /** Makes the controls anew for the current spec, in a task of its own. */
  private queueControls(): void {
    if (this.controlsQueued) return;
    this.controlsQueued = true;
    queueTask(() => {
      this.controlsQueued = false;
      if (this.disposed) return;
      const controls = this.controls();
      this.controlsBox.replaceWith(controls);
      this.controlsBox = controls;
    });
  }

  /** Calls `listener` with the new spec whenever the reader changes the map's settings. */
  onSpec(listener: (spec: AtlasSpec) => void): void {
    this.specListeners.push(listener);
  }

  /** Shows `spec` in the controls and computes it (a link or Back restoring the map's settings). */
  restore(spec: AtlasSpec): void {
    this.spec = spec;
    this.queueControls();
    void this.recompute(spec);
  }

  /** Sets `data-state` and appends it to `data-history`, so a test sees "running" even if it lasted one frame. */
  private setState(state: MapState): void {
    this.element.dataset.state = state;
    const history = (this.element.dataset.history ?? "").split(" ").filter(Boolean);
    this.element.dataset.history = [...history, state].slice(-20).join(" ");
  }

  /** The map's controls: resolution, the two ranges, the fixed quantities, duration, dt and method. */
  private controls(): HTMLElement {
    const {spec} = this;
    const number = (key: AxisKey, value: number, label: string) => {
      const {min, max, step} = axisLimits(key);
      return Inputs.number([min, max], {value, step, label});
    };
    const fixedKeys = AXES.filter((k) => k !== spec.x.key && k !== spec.y.key);
    const inputs: Record<string, unknown> = {
      n: Inputs.select([16, 32, 64, 100, 150, 200], {
        value: spec.x.n,
        label: "Cells per side",
        format: (n: number) => `${n} × ${n}`
      }),
      xMin: number(spec.x.key, spec.x.min, `${spec.x.key} from`),
      xMax: number(spec.x.key, spec.x.max, `${spec.x.key} to`),
      yMin: number(spec.y.key, spec.y.min, `${spec.y.key} from`),
      yMax: number(spec.y.key, spec.y.max, `${spec.y.key} to`),
      ...Object.fromEntries(fixedKeys.map((k) => [k, number(k, spec.fixed[k], k === "I" ? "I (DC, mV/ms)" : k)])),
      duration: Inputs.select([250, 500, 1000], {
        value: spec.duration,
        label: "Duration",
        format: (t: number) => `${t} ms`
      }),
      dt: Inputs.select([2 ** -3, 2 ** -4, 2 ** -5, 2 ** -6, 2 ** -7], {
        value: spec.dt,
        label: "dt",
        format: (dt: number) => `2^${Math.log2(dt)} = ${dt} ms`
      }),
      method: Inputs.radio(["euler", "paper2004"], {value: spec.method, label: "Method"})
    };
    const form = Inputs.form(inputs) as HTMLElement & {value: Record<string, number | string>};
    form.classList.add("atlas-controls");
    form.addEventListener("input", () => {
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => this.fromForm(form.value), 250);
    });
    const box = globalThis.document.createElement("details");
    box.open = true;
    const summary = globalThis.document.createElement("summary");
    summary.textContent = "Change the map (it recomputes in the background)";
    box.append(summary, form);
    return box;
  }

  /** Reads the form into a spec; a bad combination (e.g. from > to) is shown, not computed. */
  private fromForm(v: Record<string, number | string>): void {
    const {x, y} = this.spec;
    const fixed = {...this.spec.fixed};
    for (const key of AXES) if (v[key] !== undefined) fixed[key] = Number(v[key]);
    let spec: AtlasSpec;
    try {
      spec = checkSpec({
        x: {key: x.key, min: Number(v.xMin), max: Number(v.xMax), n: Number(v.n)},
        y: {key: y.key, min: Number(v.yMin), max: Number(v.yMax), n: Number(v.n)},
        fixed,
        duration: Number(v.duration),
        dt: Number(v.dt),
        method: v.method as AtlasSpec["method"]
      });
    } catch (e) {
      this.status.textContent = `Not computed: ${e instanceof Error ? e.message : e}`;
      this.status.classList.add("atlas-error");
      return;
    }
    this.status.classList.remove("atlas-error");
    for (const listener of this.specListeners) listener(spec);
    void this.recompute(spec);
  }

  /** Recomputes the map for `spec` in the workers, painting rows as they arrive. */
  async recompute(spec: AtlasSpec): Promise<void> {
    if (this.running) this.options.pool.cancel();
    this.spec = spec;
    const cells = spec.x.n * spec.y.n;
    this.codes = new Uint8Array(cells).fill(PENDING);
    this.perBurst = new Uint8Array(cells);
    this.focus = [Math.min(this.focus[0], spec.x.n - 1), Math.min(this.focus[1], spec.y.n - 1)];
    // Rows that arrive before the new chart is drawn are kept in `codes`; the draw paints them.
    this.drawn = false;
    this.queueDraw();
    this.running = true;
    this.setState("running");
    this.cancelButton.disabled = false;
    this.progress.value = 0;
    this.rowsDone = 0;
    const start = performance.now();
    let first = true;
    this.status.textContent = `Computing ${spec.x.n} × ${spec.y.n} cells…`;
    try {
      // Rows are stored as they arrive but shown at most every FLUSH_MS: each showing costs the page a
      // frame (paint, layout of the status line) on the cores the workers need.
      let shown = -Infinity;
      let kernel = "js" as RowsResult["kernel"];
      let pending: ReturnType<typeof setTimeout> | undefined;
      const show = () => {
        pending = undefined;
        shown = performance.now();
        this.flush();
        this.showFocus();
        this.progress.value = this.rowsDone / spec.y.n;
        this.status.textContent = `Computing: ${this.rowsDone} of ${spec.y.n} rows…`;
        if (first) {
          first = false;
          performance.mark(`atlas:first-rows:${this.options.id}`);
        }
      };
      const finished = await this.options.pool
        .run(spec, (rows) => {
          this.paintRows(rows);
          kernel = rows.kernel;
          this.rowsDone += rows.row1 - rows.row0;
          if (pending === undefined) pending = setTimeout(show, Math.max(0, shown + FLUSH_MS - performance.now()));
        })
        .then(
          () => true,
          (e: unknown) => {
            if (isCancelled(e)) return false;
            throw e;
          }
        );
      clearTimeout(pending);
      if (finished) {
        show();
        const seconds = (performance.now() - start) / 1000;
        performance.mark(`atlas:done:${this.options.id}`);
        // Where it ran as it happened: the workers, or the main thread when they failed (atlasPool.ts).
        const where = this.options.pool.where();
        this.status.textContent = `Done: ${spec.x.n * spec.y.n} cells in ${fmt(seconds, 2)} s (${where}, ${kernel === "wasm" ? "WebAssembly SIMD" : "JavaScript"} kernel).`;
        this.setState("done");
        this.describe();
      } else if (this.spec === spec && this.element.dataset.state === "running") {
        // Cancelled by the reader (not superseded by a newer spec, whose run owns the state now).
        this.flush();
        this.status.textContent = `Cancelled after ${this.rowsDone} of ${spec.y.n} rows; the rest of the map stays blank.`;
        this.setState("cancelled");
      }
    } catch (e) {
      this.status.textContent = `The map could not be computed: ${e instanceof Error ? e.message : e}`;
      this.status.classList.add("atlas-error");
      this.setState("error");
    } finally {
      if (this.spec === spec) {
        this.running = false;
        this.cancelButton.disabled = true;
      }
    }
  }

  /** Every cell as a CSV row: its two swept values, its label (empty while not computed) and spikes per burst. */
  private cellsCSV(): string {
    const {spec} = this;
    const rows: (number | string | null)[][] = [];
    for (let j = 0; j < spec.y.n; j++)
      for (let i = 0; i < spec.x.n; i++) {
        const k = j * spec.x.n + i;
        const values = cellValues(spec, i, j);
        const label = CELL_LABELS[this.codes[k]] ?? null;
        rows.push([values[spec.x.key], values[spec.y.key], label, label ? this.perBurst[k] : null]);
      }
    return rowsToCSV([spec.x.key, spec.y.key, "label", "spikes_per_burst"], rows);
  }

  /** Stops the computation; the rows drawn so far stay. */
  cancel(): void {
    if (!this.running) return;
    this.setState("cancelled");
    this.options.pool.cancel();
    this.running = false;
    this.cancelButton.disabled = true;
    this.flush();
    this.status.textContent = `Cancelled after ${this.rowsDone} of ${this.spec.y.n} rows; the rest of the map stays blank.`;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.debounce);
    this.resize?.disconnect();
    this.options.pool.cancel();
  }

  /** Draws the chart (axes, marks) and the canvas for the current spec, and paints every computed cell. */
  private draw(): void {
    const document = globalThis.document;
    const {spec} = this;
    const {x, y} = spec;
    const half = (a: typeof x) => (a.max - a.min) / (a.n - 1) / 2;
    const inRange = (m: PresetMark) =>
      m.values[x.key] >= x.min - half(x) &&
      m.values[x.key] <= x.max + half(x) &&
      m.values[y.key] >= y.min - half(y) &&
      m.values[y.key] <= y.max + half(y);
    const matches = (m: PresetMark) =>
      !m.variant && AXES.every((k) => k === x.key || k === y.key || Math.abs(m.values[k] - spec.fixed[k]) < 1e-9);
    // Published neurons at the same place share one mark and one label ("RS, FS").
    const places = new Map<string, PresetMark & {matching: boolean}>();
    for (const m of this.options.marks.filter(inRange)) {
      const key = `${m.values[x.key]},${m.values[y.key]}`;
      const place = places.get(key);
      if (place) {
        place.id += `, ${m.id}`;
        place.matching ||= matches(m);
        if (m.group === "2003") place.group = "2003";
      } else places.set(key, {...m, matching: matches(m)});
    }
    const shown = [...places.values()];
    const W = this.width;
    const H = this.height;
    const xDomain = [x.min - half(x), x.max + half(x)] as const;
    const yDomain = [y.min - half(y), y.max + half(y)] as const;
    // Pixel ↔ data along each axis, for placing the labels where they do not overlap.
    const px = (v: number) =>
      MARGIN.marginLeft + ((v - xDomain[0]) / (xDomain[1] - xDomain[0])) * (W - MARGIN.marginLeft - MARGIN.marginRight);
    const py = (v: number) =>
      H -
      MARGIN.marginBottom -
      ((v - yDomain[0]) / (yDomain[1] - yDomain[0])) * (H - MARGIN.marginTop - MARGIN.marginBottom);
    const fromPx = (p: number) =>
      xDomain[0] + ((p - MARGIN.marginLeft) / (W - MARGIN.marginLeft - MARGIN.marginRight)) * (xDomain[1] - xDomain[0]);
    const fromPy = (p: number) =>
      yDomain[0] +
      ((H - MARGIN.marginBottom - p) / (H - MARGIN.marginTop - MARGIN.marginBottom)) * (yDomain[1] - yDomain[0]);
    const placed = placeLabels(
      shown.map((m) => ({x: px(m.values[x.key]), y: py(m.values[y.key]), text: m.id})),
      {
        bounds: {x0: MARGIN.marginLeft, y0: MARGIN.marginTop, x1: W - MARGIN.marginRight, y1: H - MARGIN.marginBottom},
        fontSize: FONT_SIZE,
        radius: 4.5
      }
    );
    const labels = shown.flatMap((m, k) => {
      const at = placed[k];
      return at ? [{id: m.id, x: fromPx(at.x), y: fromPy(at.y), anchor: at.anchor}] : [];
    });
    this.unlabelled = shown.filter((_, k) => !placed[k]).map((m) => m.id);
    const labelMark = (anchor: "start" | "end" | "middle") =>
      Plot.text(
        labels.filter((l) => l.anchor === anchor),
        {
          x: "x",
          y: "y",
          text: "id",
          textAnchor: anchor,
          lineAnchor: "middle",
          fill: "black",
          stroke: "white",
          strokeWidth: 3,
          paintOrder: "stroke",
          fontSize: FONT_SIZE,
          fontWeight: "bold"
        }
      );
    const chart = Plot.plot({
      width: W,
      height: H,
      ...MARGIN,
      style: {background: "transparent", overflow: "visible", fontSize: `${FONT_SIZE}px`},
      x: {
        domain: xDomain,
        label: AXIS_LABELS[x.key],
        labelAnchor: "center",
        labelArrow: "none",
        ticks: Math.max(3, Math.floor((W - 80) / 70))
      },
      y: {
        domain: yDomain,
        label: AXIS_LABELS[y.key],
        labelAnchor: "center",
        labelArrow: "none"
      },
      marks: [
        Plot.frame({stroke: "#888"}),
        Plot.dot(shown, {
          x: (m: PresetMark) => m.values[x.key],
          y: (m: PresetMark) => m.values[y.key],
          r: 4.5,
          symbol: (m: PresetMark) => (m.group === "2003" ? "circle" : "square"),
          stroke: "black",
          strokeWidth: 1.5,
          fill: (m: PresetMark & {matching: boolean}) => (m.matching ? "white" : "none")
        }),
        labelMark("start"),
        labelMark("end"),
        labelMark("middle")
      ]
    }) as SVGSVGElement;
    chart.classList.add("atlas-chart");

    this.canvas = document.createElement("canvas");
    this.canvas.width = x.n;
    this.canvas.height = y.n;
    this.canvas.className = "atlas-cells";
    const pct = (v: number, of: number) => `${((100 * v) / of).toFixed(4)}%`;
    Object.assign(this.canvas.style, {
      left: pct(MARGIN.marginLeft, W),
      top: pct(MARGIN.marginTop, H),
      width: pct(W - MARGIN.marginLeft - MARGIN.marginRight, W),
      height: pct(H - MARGIN.marginTop - MARGIN.marginBottom, H)
    });
    const context = this.canvas.getContext("2d");
    this.image = context ? context.createImageData(x.n, y.n) : new ImageData(x.n, y.n);
    this.pixels = new Uint32Array(this.image.data.buffer, this.image.data.byteOffset, x.n * y.n);
    this.outline = document.createElement("div");
    this.outline.className = "atlas-focus";
    this.box = document.createElement("div");
    this.box.className = "atlas-box";
    this.box.tabIndex = 0;
    this.box.append(this.canvas, chart, this.outline);
    this.box.addEventListener("keydown", (e) => this.onKey(e));
    this.box.addEventListener("click", (e) => {
      const cell = this.cellAt(e);
      if (!cell) return;
      this.focus = cell;
      this.showFocus();
      globalThis.location.assign(this.link.href);
    });
    this.box.addEventListener("pointermove", (e) => {
      const cell = this.cellAt(e);
      if (cell) this.showCell(cell);
    });
    this.box.addEventListener("pointerleave", () => this.showFocus());
    this.box.addEventListener("focus", () => this.showFocus());

    const marksText = shown.length
      ? `Marked: ${shown.map((m) => m.id).join(", ")}.` +
        (this.unlabelled.length ? ` Too close to label on the map: ${this.unlabelled.join(", ")}.` : "")
      : "No published neuron lies in this range.";
    const fig = figure(this.box, {
      title: this.options.title,
      caption:
        `Each cell is one neuron (v0 = −65 mV, u0 = b·v0) under a constant current from t = 0, run for ${spec.duration} ms ` +
        `with ${spec.method} at dt = ${spec.dt} ms and labelled from its spikes. Fixed: ${AXES.filter(
          (k) => k !== x.key && k !== y.key
        )
          .map((k) => `${k} = ${spec.fixed[k]}`)
          .join(", ")}. ` +
        `Circles mark the 2003 classes (and features at the same place), squares the 2004 features, at their values of ${x.key} and ${y.key}` +
        `${x.key === "I" || y.key === "I" ? " (I: the current at the end of their protocol)" : ""}; filled white where their other values equal this map's, hollow where they differ. ` +
        marksText,
      legend: legend(document),
      ariaLabel: `Behaviour map over ${x.key} (${x.min} to ${x.max}) and ${y.key} (${y.min} to ${y.max}); use the arrow keys to move between cells and Enter to open one in the explorer.`,
      // The cells are a canvas under the chart: the files get them as an image in the plot's frame.
      download: {
        name: `atlas-${x.key}-${y.key}`,
        underlay: () => ({
          href: this.canvas.toDataURL("image/png"),
          x: MARGIN.marginLeft,
          y: MARGIN.marginTop,
          width: W - MARGIN.marginLeft - MARGIN.marginRight,
          height: H - MARGIN.marginTop - MARGIN.marginBottom
        }),
        csv: () => this.cellsCSV(),
        json: () => ({spec: this.spec, labels: CELL_LABELS, codes: this.codes, perBurst: this.perBurst})
      }
    });
    fig.classList.add("atlas-figure");
    this.figureSlot.replaceChildren(fig);
    this.drawn = true;
    this.paint(0, y.n);
    this.flush();
    this.showFocus();
    if (!this.running) this.describe();
  }

  /** Stores and paints rows (row j is drawn at canvas row n − 1 − j: y grows upwards). */
  private paintRows(rows: RowsResult): void {
    const nx = this.spec.x.n;
    this.codes.set(rows.codes, rows.row0 * nx);
    this.perBurst.set(rows.perBurst, rows.row0 * nx);
    this.paint(rows.row0, rows.row1);
  }

  /** Paints the stored cells of rows [row0, row1) into the image (shown by `flush`). */
  private paint(row0: number, row1: number): void {
    if (!this.drawn) return;
    const nx = this.spec.x.n;
    const ny = this.spec.y.n;
    const {codes, perBurst, pixels} = this;
    for (let j = row0; j < row1; j++) {
      const row = j * nx;
      const at = (ny - 1 - j) * nx;
      for (let i = 0; i < nx; i++) pixels[at + i] = cellPixel(codes[row + i]!, perBurst[row + i]!);
    }
  }

  /** Puts the stored cells on the canvas. */
  private flush(): void {
    if (!this.drawn) return;
    this.canvas.getContext("2d")?.putImageData(this.image, 0, 0);
  }

  /** The cell under a pointer event, or null outside the map. */
  private cellAt(e: MouseEvent): [number, number] | null {
    const r = this.canvas.getBoundingClientRect();
    const fx = (e.clientX - r.left) / r.width;
    const fy = (e.clientY - r.top) / r.height;
    if (!(fx >= 0 && fx < 1 && fy >= 0 && fy < 1)) return null;
    return [Math.floor(fx * this.spec.x.n), this.spec.y.n - 1 - Math.floor(fy * this.spec.y.n)];
  }

  private onKey(e: KeyboardEvent): void {
    const step = e.shiftKey ? 10 : 1;
    const [i, j] = this.focus;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step]
    };
    if (e.key === "Enter") {
      e.preventDefault();
      globalThis.location.assign(this.link.href);
      return;
    }
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    this.focus = [
      Math.max(0, Math.min(this.spec.x.n - 1, i + move[0])),
      Math.max(0, Math.min(this.spec.y.n - 1, j + move[1]))
    ];
    this.showFocus();
  }

  /** Outlines the focus cell and shows it in the readout. */
  private showFocus(): void {
    if (!this.drawn) return this.showCell(this.focus);
    const [i, j] = this.focus;
    const {x, y} = this.spec;
    const W = this.width;
    const H = this.height;
    const plotW = W - MARGIN.marginLeft - MARGIN.marginRight;
    const plotH = H - MARGIN.marginTop - MARGIN.marginBottom;
    const pct = (v: number, of: number) => `${((100 * v) / of).toFixed(4)}%`;
    Object.assign(this.outline.style, {
      left: pct(MARGIN.marginLeft + (plotW * i) / x.n, W),
      top: pct(MARGIN.marginTop + (plotH * (y.n - 1 - j)) / y.n, H),
      width: pct(plotW / x.n, W),
      height: pct(plotH / y.n, H)
    });
    this.showCell(this.focus);
  }

  private showCell([i, j]: [number, number]): void {
    const k = j * this.spec.x.n + i;
    this.readout.textContent = `${describeCell(this.spec, i, j, this.codes[k]!, this.perBurst[k]!)}. `;
    this.link.href = cellHref(this.spec, i, j, this.options.classes, this.options.explorer ?? "../");
    this.readout.append(this.link);
  }

  /** A summary of the map for screen readers (aria-description of the graphic). */
  private describe(): void {
    if (!this.drawn) return; // the draw describes the map when it comes
    const shares = [...labelShares(this.codes)].map(([label, share]) => `${label} ${fmt(100 * share, 2)}%`).join(", ");
    this.box.setAttribute("aria-description", `Share of cells by behaviour: ${shares}.`);
  }
}

/** The legend: one swatch per label, and the shades of bursting by spikes per burst. */
function legend(document: Document): HTMLElement {
  const el = document.createElement("div");
  el.className = "atlas-legend";
  const item = (color: string, text: string) => {
    const span = document.createElement("span");
    const sw = document.createElement("i");
    sw.style.background = color;
    span.append(sw, text);
    return span;
  };
  for (const label of CELL_LABELS) if (label !== "bursting") el.append(item(LABEL_COLORS[label]!, label));
  const bursts = document.createElement("span");
  bursts.append("bursting, spikes per burst:");
  for (const n of [2, 4, 6, 8, 10]) bursts.append(item(burstColor(n), n === 10 ? "≥ 10" : String(n)));
  el.append(bursts);
  return el;
}
