/**
 * The comparison page's charts and table: v(t) of every neuron as stacked small charts on one time axis or
 * overlaid on one chart with a legend, their phase planes side by side, and the statistics table. Built
 * from the explorer's chart pieces (chart.ts, phasePlane.ts); all text is set as text, never as markup.
 */
import {nullclines} from "../../lib/analysis/nullclines.js";
import {extentOf, fmt, swatch, type VoltageLine} from "./chart.js";
import {VoltageLines, type VoltageLinesOptions} from "./voltageLines.js";
import type {CompareRun, StatsRow} from "../compare/compareModel.js";
import {PhasePlane, type PhasePlaneElement, phaseDomain} from "./phasePlane.js";
import {timeChartElement, type TimeChartElement, type TimeChartInput} from "./timeChart.js";

/**
 * One colour per neuron (Okabe–Ito: distinct for the common colour-vision deficiencies, readable on white),
 * without its orange, which means the v-nullcline in the phase planes on the same page.
 */
export const NEURON_COLORS = ["#0072b2", "#cc79a7", "#009e73", "#000000"] as const;

/** "1 · RS" — how charts and the table name neuron i. */
export function neuronTitle(run: Pick<CompareRun, "neuron">): string {
  return `${run.neuron.index + 1} · ${run.neuron.short}`;
}

/** The common v range of all runs: from the lowest v (at least vPeak − 10 below) to the highest vPeak. */
export function voltageDomain(runs: CompareRun[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of runs) {
    if (!r.trace) continue;
    const [a, b] = extentOf(r.trace.v, -70, r.neuron.vPeak);
    lo = Math.min(lo, a, r.neuron.vPeak - 10);
    hi = Math.max(hi, b, r.neuron.vPeak);
  }
  return lo <= hi ? [lo, hi] : [-80, 30];
}

/** The legend of the neurons: a coloured line and the neuron's number and name ("1 · RS, regular spiking"). */
export function NeuronLegend(runs: CompareRun[], document: Document = globalThis.document): HTMLElement {
  const list = document.createElement("ul");
  list.className = "chart-legend compare-legend";
  for (const r of runs) {
    const li = document.createElement("li");
    li.append(
      swatch(document, NEURON_COLORS[r.neuron.index % NEURON_COLORS.length]),
      `${r.neuron.index + 1} · ${r.neuron.label}`
    );
    list.append(li);
  }
  return list;
}

interface TraceChartOptions {
  width: number;
  xDomain: [number, number];
  yDomain?: [number, number];
}

function spikesText(n: number): string {
  return `${n} spike${n === 1 ? "" : "s"}`;
}

/** The stacked v(t) charts; `update(runs, options)` redraws them in place (a chart per neuron, kept). */
export type StackedTracesElement = HTMLElement & {update: (runs: CompareRun[], options: TraceChartOptions) => void};

/**
 * v(t) of each neuron as a small chart, stacked: same width, margins and time domain, so the time axes
 * line up; the same v range, so the spikes line up too. Each chart is made once and redrawn in place.
 */
export function StackedTraces(runs: CompareRun[], options: TraceChartOptions): StackedTracesElement {
  const box = document.createElement("div") as unknown as StackedTracesElement;
  box.className = "compare-stack";
  const charts: TimeChartElement<[CompareRun, Required<TraceChartOptions>]>[] = [];
  box.update = (next, {width, xDomain, yDomain = voltageDomain(next)}) => {
    const drawn = next.filter((r) => r.trace);
    drawn.forEach((r, i) => {
      if (charts[i]) charts[i].update(r, {width, xDomain, yDomain});
      else {
        charts[i] = timeChartElement(describeNeuronVoltage, r, {width, xDomain, yDomain});
        charts[i].classList.add("compare-trace");
        box.append(charts[i]);
      }
    });
    for (const unused of charts.splice(drawn.length)) unused.remove();
  };
  box.update(runs, options);
  return box;
}

/** One neuron's v(t) in its colour, on the range all the stacked charts share. */
function describeNeuronVoltage(r: CompareRun, {width, xDomain, yDomain}: Required<TraceChartOptions>): TimeChartInput {
  const trace = r.trace!;
  const n = trace.spikes.length;
  return {
    t: trace.t,
    y: trace.v,
    run: trace,
    options: {width, height: 150, xDomain, title: `${neuronTitle(r)}: membrane potential v(t)`},
    spec: () => ({
      yDomain,
      axes: {xLabel: "t (ms)", yLabel: "v (mV)"},
      rules: [{axis: "y", value: r.neuron.vPeak, stroke: "#999", strokeDasharray: "2,3"}],
      stroke: NEURON_COLORS[r.neuron.index % NEURON_COLORS.length],
      caption: `${r.neuron.label}: ${spikesText(n)}.`,
      ariaLabel: `Line chart of the membrane potential v in mV of neuron ${r.neuron.index + 1} (${r.neuron.label}) against time t from ${fmt(xDomain[0])} to ${fmt(xDomain[1])} ms, with ${spikesText(n)}.`,
      ariaDescription: ""
    })
  };
}

/** The overlaid v(t) chart; `update(runs, options)` redraws it in place. */
export type OverlayTracesElement = HTMLElement & {update: (runs: CompareRun[], options: TraceChartOptions) => void};

/** v(t) of all neurons on one chart, with a legend naming each colour; made once and redrawn in place. */
export function OverlayTraces(runs: CompareRun[], options: TraceChartOptions): OverlayTracesElement {
  const chart = VoltageLines(...overlayOf(runs, options));
  const redraw = chart.update;
  return Object.assign(chart, {
    update: (runs: CompareRun[], options: TraceChartOptions) => redraw(...overlayOf(runs, options))
  });
}

/** The overlay's lines and options, for {@link VoltageLines}. */
function overlayOf(
  runs: CompareRun[],
  {width, xDomain, yDomain = voltageDomain(runs)}: TraceChartOptions
): [VoltageLine[], VoltageLinesOptions] {
  const drawn = runs.filter((r) => r.trace);
  const lines = drawn.map((r) => ({
    t: r.trace!.t,
    v: r.trace!.v,
    color: NEURON_COLORS[r.neuron.index % NEURON_COLORS.length],
    ariaLabel: `v of neuron ${r.neuron.index + 1}`,
    style: {strokeWidth: 1.4, strokeOpacity: 0.85}
  }));
  const counts = drawn
    .map((r) => `neuron ${r.neuron.index + 1} (${r.neuron.short}) ${spikesText(r.trace!.spikes.length)}`)
    .join(", ");
  return [
    lines,
    {
      width,
      height: Math.round(Math.min(360, Math.max(240, width * 0.45))),
      xDomain,
      yDomain,
      vPeak: 30,
      className: "compare-overlay",
      title: "Membrane potentials v(t), overlaid",
      legend: NeuronLegend(drawn),
      ariaLabel: `Line chart of the membrane potential v in mV of ${drawn.length} neurons against time t from ${fmt(xDomain[0])} to ${fmt(xDomain[1])} ms: ${counts}.`,
      caption: "Each colour is one neuron (see the legend); the dotted line is the 30 mV spike cut-off."
    }
  ];
}

/** Column count and chart width of the phase-plane grid for n charts in a column `width` px wide. */
export function phaseGridLayout(
  n: number,
  width: number,
  gap = 16,
  minChart = 300
): {columns: number; chartWidth: number} {
  let columns = Math.max(1, Math.min(n, Math.floor((width + gap) / (minChart + gap))));
  if (n === 4 && columns === 3) columns = 2; // 2 × 2 rather than 3 + 1
  const chartWidth = Math.max(200, Math.floor((width - (columns - 1) * gap) / columns));
  return {columns, chartWidth: Math.min(chartWidth, width)};
}

/**
 * One frame for every phase plane, so the planes can be compared by eye: the union of each plane's own extent
 * (its trajectory, reset jumps and nearby equilibria), widened in u to hold the lowest point of each neuron's
 * v-nullcline on that v range, so every nullcline the legend names is in frame.
 */
export function sharedPlaneDomain(
  runs: CompareRun[],
  I: number
): {vDomain: [number, number]; uDomain: [number, number]} | null {
  let v0 = Infinity;
  let v1 = -Infinity;
  let u0 = Infinity;
  let u1 = -Infinity;
  const drawn = runs.filter((r) => r.trace);
  for (const r of drawn) {
    const own = phaseDomain(r.trace!, r.neuron.params, r.equilibria, r.neuron.vPeak);
    [v0, v1] = [Math.min(v0, own.vDomain[0]), Math.max(v1, own.vDomain[1])];
    [u0, u1] = [Math.min(u0, own.uDomain[0]), Math.max(u1, own.uDomain[1])];
  }
  if (!(v0 < v1 && u0 < u1)) return null;
  for (const r of drawn) {
    try {
      const nc = nullclines(r.neuron.params, I, {vMin: v0, vMax: v1, n: 161, equation: r.neuron.equation});
      let lowest = Infinity;
      for (const u of nc.vNullcline) lowest = Math.min(lowest, u);
      if (!Number.isFinite(lowest)) continue;
      // The knee with a margin of 8 % of the span around it, so the bend is seen, not just touched.
      const margin = 0.08 * (Math.max(u1, lowest) - Math.min(u0, lowest));
      u0 = Math.min(u0, lowest - margin);
      u1 = Math.max(u1, lowest + margin);
    } catch {
      // parameters the library rejects: that plane keeps the frame of the others
    }
  }
  return {vDomain: [v0, v1], uDomain: [u0, u1]};
}

/** Options of {@link PhasePlanes}: the page's width, and the current (and when it applies) of the nullclines. */
export interface PhasePlanesOptions {
  width: number;
  I: number;
  when: string;
}

/** The phase planes; `update(runs, options)` redraws them in place (a plane per neuron, kept). */
export type PhasePlanesElement = HTMLElement & {update: (runs: CompareRun[], options: PhasePlanesOptions) => void};

/**
 * The phase plane of each neuron, side by side on a wide screen and stacked on a phone, in one shared frame.
 * Each plane is made once and redrawn in place.
 */
export function PhasePlanes(runs: CompareRun[], options: PhasePlanesOptions): PhasePlanesElement {
  const grid = document.createElement("div") as unknown as PhasePlanesElement;
  grid.className = "compare-phase-grid";
  const planes: PhasePlaneElement[] = [];
  grid.update = (next, {width, I, when}) => {
    const drawn = next.filter((r) => r.trace);
    const {columns, chartWidth} = phaseGridLayout(drawn.length, width);
    const frame = sharedPlaneDomain(drawn, I);
    // The shared domains replace each plane's own.
    const scales = frame ? {vDomain: frame.vDomain, uDomain: frame.uDomain} : {};
    const columnsStyle = `repeat(${columns}, minmax(0, 1fr))`;
    if (grid.style.gridTemplateColumns !== columnsStyle) grid.style.gridTemplateColumns = columnsStyle;
    drawn.forEach((r, i) => {
      const planeOptions = {
        width: chartWidth,
        params: r.neuron.params,
        equation: r.neuron.equation,
        I,
        equilibria: r.equilibria,
        vPeak: r.neuron.vPeak,
        title: `${neuronTitle(r)}: phase plane (v, u)`,
        caption: `${r.neuron.label}. Nullclines for I = ${fmt(I)} (${when}); dashed lines are the reset jumps to v = c, u + d. All planes share one scale.`,
        ...scales
      };
      if (planes[i]) planes[i].update(r.trace!, planeOptions);
      else grid.append((planes[i] = PhasePlane(r.trace!, planeOptions)));
    });
    for (const unused of planes.splice(drawn.length)) unused.remove();
  };
  grid.update(runs, options);
  return grid;
}

/** The statistics table; `update(runs, rows, caption)` rewrites its text in place when its shape is the same. */
export type StatsTableElement = HTMLElement & {update: (runs: CompareRun[], rows: StatsRow[], caption: string) => void};

/**
 * The statistics table: one row per statistic, one column per neuron (so four neurons fit a phone), with a
 * caption, header cells with scope, and each statistic's meaning as a description. An update with the same
 * neurons and statistics changes only the texts that changed (a drag of the shared current moves numbers, not
 * the table); otherwise the table is made anew.
 */
export function StatsTable(runs: CompareRun[], rows: StatsRow[], caption: string): StatsTableElement {
  const wrap = document.createElement("div") as unknown as StatsTableElement;
  wrap.className = "compare-table-wrap";
  wrap.append(statsTable(runs, rows, caption));
  wrap.update = (runs, rows, caption) => {
    const table = wrap.querySelector("table")!;
    const fresh = statsTable(runs, rows, caption);
    const shape = (t: HTMLTableElement) => [
      t.tHead!.innerHTML,
      ...[...t.tBodies[0].rows].map((r) => r.cells[0].outerHTML)
    ];
    const [was, now] = [shape(table), shape(fresh)];
    if (was.length !== now.length || was.some((x, i) => x !== now[i])) {
      table.replaceWith(fresh);
      return;
    }
    const text = (el: Element, value: string) => {
      if (el.textContent !== value) el.textContent = value;
    };
    text(table.caption!, caption);
    const [cells, values] = [table.tBodies[0].querySelectorAll("td"), fresh.tBodies[0].querySelectorAll("td")];
    cells.forEach((td, i) => text(td, values[i].textContent ?? ""));
  };
  return wrap;
}

/** The table element of {@link StatsTable}, made anew from its rows (all text, never parsed as markup). */
function statsTable(runs: CompareRun[], rows: StatsRow[], caption: string): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "compare-stats";
  const cap = document.createElement("caption");
  cap.textContent = caption;
  table.append(cap);
  const thead = document.createElement("thead");
  const head = document.createElement("tr");
  const corner = document.createElement("th");
  corner.scope = "col";
  corner.textContent = "Statistic";
  head.append(corner);
  for (const r of runs) {
    const th = document.createElement("th");
    th.scope = "col";
    th.append(swatch(document, NEURON_COLORS[r.neuron.index % NEURON_COLORS.length]), neuronTitle(r));
    th.title = r.neuron.label;
    head.append(th);
  }
  thead.append(head);
  const tbody = document.createElement("tbody");
  for (const row of rows) {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = row.label;
    const note = document.createElement("span");
    note.className = "compare-note";
    note.textContent = row.note;
    th.append(note);
    tr.append(th);
    for (const value of row.values) {
      const td = document.createElement("td");
      td.textContent = value;
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(thead, tbody);
  return table;
}

/** A paragraph of plain text (set as text, never parsed as markup). */
export function Paragraph(text: string, className = ""): HTMLParagraphElement {
  const p = document.createElement("p");
  if (className) p.className = className;
  p.textContent = text;
  return p;
}
