/**
 * The 2007-cells page's charts and tables: one cell's v(t) as published, accurately integrated or both
 * overlaid; the compared cells stacked on one time axis or overlaid, and their phase planes side by side; the
 * parameter and statistics tables.
 * Built from chart.ts's and phasePlane.ts's pieces, with the phase planes' Plot frame and orbit marks (their one
 * user) at the end; all text is set as text, never as markup.
 */
import * as Plot from "@observablehq/plot";
import {runDownload} from "./chartDownload.js";
import {CELLS_2007} from "../../lib/presets/cells2007.js";
import {equilibria2007, nullclines2007} from "../../lib/analysis/phasePlane2007.js";
import type {Cell2007, Special2007, Trace2007} from "../../lib/index.js";
import {COLORS, axesMark, extentOf, figure, fmt, pathMark, swatch, type VoltageLine} from "./chart.js";
import {voltagePlot} from "./voltagePlot.js";
import {phaseGridLayout} from "./compareCharts.js";
import {
  MARGINS,
  equilibriumMark,
  phaseDomain,
  phaseLegend,
  trajectoryPath,
  type Jump,
  type TrajectoryPath
} from "./phasePlane.js";
import {shortName, type CompareRun2007, type StatsRow2007, type View2007} from "../cells2007/cells2007Model.js";

/** Colours: the book's trace and the accurate one (Okabe–Ito), then one per compared cell. */
export const METHOD_COLORS = {book: "#d55e00", adaptive: "#0072b2"} as const;
export const CELL_COLORS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7"] as const;

function spikesText(n: number): string {
  return `${n} spike${n === 1 ? "" : "s"}`;
}

/** The v range of some traces, at least [−90, 40] mV's span around the data. */
export function vDomain(traces: (Trace2007 | null)[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of traces) {
    if (!t) continue;
    const [a, b] = extentOf(t.v, -70, 0);
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  return lo <= hi ? [lo, hi] : [-90, 40];
}

function legend(document: Document, items: [string, string, string?][]): HTMLElement {
  const list = document.createElement("ul");
  list.className = "chart-legend cells2007-legend";
  for (const [color, text, dash] of items) {
    const li = document.createElement("li");
    li.append(swatch(document, color, dash), text);
    list.append(li);
  }
  return list;
}

interface CellChartOptions {
  width: number;
  view: View2007;
  /** e.g. "RS at 60 pA" */
  label: string;
  height?: number;
}

/** One cell's v(t): the book's Euler trace, the accurate one, or both overlaid with a legend. */
export function CellTrace(
  book: Trace2007,
  adaptive: Trace2007,
  {width, view, label, height = 200}: CellChartOptions
): HTMLElement {
  const shown = view === "overlay" ? [book, adaptive] : [view === "book" ? book : adaptive];
  const last = Math.max(...shown.map((t) => t.t[t.t.length - 1] ?? 0)) || 1;
  const xDomain: [number, number] = [0, last];
  const yDomain = vDomain(shown);
  const lines: VoltageLine[] = [];
  if (view !== "adaptive")
    lines.push({t: book.t, v: book.v, color: METHOD_COLORS.book, ariaLabel: "v, book", style: {strokeWidth: 1.3}});
  if (view !== "book") {
    const style = {
      strokeWidth: 1.3,
      strokeOpacity: view === "overlay" ? 0.8 : 1,
      strokeDasharray: view === "overlay" ? "4,2" : undefined
    };
    lines.push({t: adaptive.t, v: adaptive.v, color: METHOD_COLORS.adaptive, ariaLabel: "v, accurate", style});
  }
  const svg = voltagePlot(lines, {width, height, xDomain, yDomain});
  const nb = book.spikes.length;
  const na = adaptive.spikes.length;
  const which =
    view === "book"
      ? `as published (izhi2007.m's Euler loop, τ = 0.25 ms), ${spikesText(nb)}`
      : view === "adaptive"
        ? `accurately integrated, ${spikesText(na)}`
        : `book (${spikesText(nb)}) and accurate (${spikesText(na)}) overlaid`;
  const title = `${label}: v(t), ${view === "book" ? "book" : view === "adaptive" ? "accurate" : "book vs accurate"}`;
  return figure(svg, {
    title,
    // The data of the run shown (the accurate one when both are).
    download: runDownload(view === "book" ? book : adaptive),
    legend:
      view === "overlay"
        ? legend(svg.ownerDocument, [
            [METHOD_COLORS.book, `book: ${spikesText(nb)}`],
            [METHOD_COLORS.adaptive, `accurate: ${spikesText(na)}`, "4,2"]
          ])
        : null,
    ariaLabel: `Line chart of the membrane potential v in mV of ${label} against time t from 0 to ${fmt(last)} ms, ${which}.`,
    className: "cells2007-trace"
  });
}

function runTitle(r: CompareRun2007): string {
  return `${r.index + 1} · ${shortName(r.id)}`;
}

/** The shared time domain of the compared runs. */
export function compareDomain(runs: CompareRun2007[]): [number, number] {
  let last = 0;
  for (const r of runs) if (r.trace) last = Math.max(last, r.trace.t[r.trace.t.length - 1] ?? 0);
  return [0, last || 1];
}

/** The compared cells' v(t), stacked on one time axis (each with its own v range, as the cells differ). */
export function StackedCells(
  runs: CompareRun2007[],
  {width, names}: {width: number; names: Record<string, string>}
): HTMLElement {
  const box = document.createElement("div");
  box.className = "cells2007-stack";
  const xDomain = compareDomain(runs);
  const yDomain = vDomain(runs.map((r) => r.trace));
  for (const r of runs) {
    if (!r.trace) continue;
    const line = {t: r.trace.t, v: r.trace.v, color: CELL_COLORS[r.index % 4], ariaLabel: `v of cell ${r.index + 1}`};
    const svg = voltagePlot([line], {width, height: 140, xDomain, yDomain});
    box.append(
      figure(svg, {
        title: `${runTitle(r)}: membrane potential v(t)`,
        ariaLabel: `Line chart of the membrane potential v in mV of cell ${r.index + 1} (${names[r.id]}) against time t from 0 to ${fmt(xDomain[1])} ms, with ${spikesText(r.trace.spikes.length)}.`,
        caption: `${names[r.id]}: ${spikesText(r.trace.spikes.length)}.`,
        download: runDownload(r.trace),
        className: "cells2007-compare-trace"
      })
    );
  }
  return box;
}

/** The compared cells' v(t) on one chart, with a legend. */
export function OverlayCells(
  runs: CompareRun2007[],
  {width, names}: {width: number; names: Record<string, string>}
): HTMLElement {
  const drawn = runs.filter((r) => r.trace);
  const xDomain = compareDomain(drawn);
  const lines = drawn.map((r) => ({
    t: r.trace!.t,
    v: r.trace!.v,
    color: CELL_COLORS[r.index % 4],
    ariaLabel: `v of cell ${r.index + 1}`,
    style: {strokeWidth: 1.3, strokeOpacity: 0.85}
  }));
  const svg = voltagePlot(lines, {
    width,
    height: Math.round(Math.min(360, Math.max(240, width * 0.45))),
    xDomain,
    yDomain: vDomain(drawn.map((r) => r.trace))
  });
  const counts = drawn
    .map((r) => `cell ${r.index + 1} (${shortName(r.id)}) ${spikesText(r.trace!.spikes.length)}`)
    .join(", ");
  return figure(svg, {
    title: "Membrane potentials v(t), overlaid",
    legend: legend(
      svg.ownerDocument,
      drawn.map((r) => [CELL_COLORS[r.index % 4], `${runTitle(r)}: ${names[r.id]}`] as [string, string])
    ),
    ariaLabel: `Line chart of the membrane potential v in mV of ${drawn.length} cells against time t from 0 to ${fmt(xDomain[1])} ms: ${counts}.`,
    caption: "Each colour is one cell (see the legend).",
    className: "cells2007-overlay"
  });
}

/** A small table: header cells with scope, a caption, rows of text. */
export function Table(
  caption: string,
  head: (string | Node)[],
  rows: (string | Node)[][],
  className: string
): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "cells2007-table-wrap";
  const table = document.createElement("table");
  table.className = className;
  const cap = document.createElement("caption");
  cap.textContent = caption;
  const thead = document.createElement("thead");
  const tr = document.createElement("tr");
  for (const h of head) {
    const th = document.createElement("th");
    th.scope = "col";
    th.append(h);
    tr.append(th);
  }
  thead.append(tr);
  const tbody = document.createElement("tbody");
  for (const row of rows) {
    const r = document.createElement("tr");
    row.forEach((cell, i) => {
      const c = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) (c as HTMLTableCellElement).scope = "row";
      c.append(cell);
      r.append(c);
    });
    tbody.append(r);
  }
  table.append(cap, thead, tbody);
  wrap.append(table);
  return wrap;
}

/** The statistics table: one row per statistic, one column per compared cell. */
export function StatsTable2007(runs: CompareRun2007[], rows: StatsRow2007[], caption: string): HTMLElement {
  const head: (string | Node)[] = [
    "Statistic",
    ...runs.map((r) => {
      const span = document.createElement("span");
      span.append(swatch(document, CELL_COLORS[r.index % 4]), runTitle(r));
      return span;
    })
  ];
  return Table(
    caption,
    head,
    rows.map((row) => [row.label, ...row.values]),
    "cells2007-stats"
  );
}

/**
 * The reset jumps of a 2007 run: at each spike sample k (which holds the apex, with u already reset) the orbit
 * reached (v_k, u_pre) and continues from (c + cU·u_pre, u_k). u_pre = u_k − d, except where LTS's cap bound
 * the reset (u_k = uCap): then the sample before the spike stands in for it (within one step's change of u).
 */
export function jumps2007(trace: Trace2007, cell: Cell2007, special: Special2007): Jump[] {
  const {t, v, u, spikes} = trace;
  const jumps: Jump[] = [];
  let k = 0;
  for (const s of spikes) {
    while (k < t.length && t[k] < s - 1e-9) k++;
    if (k >= t.length - 1) break;
    const capped = special.uCap !== undefined && u[k] >= special.uCap;
    const uPre = capped && k > 0 ? u[k - 1] : u[k] - cell.d;
    jumps.push({k, from: [v[k], uPre], to: [cell.c + (special.cU ?? 0) * uPre, u[k]]});
  }
  return jumps;
}

/** One compared cell's phase plane (v in mV, u in pA) at the current I (pA): nullclines, equilibria, orbit, resets. */
export function PhasePlane2007(
  r: CompareRun2007,
  I: number,
  {width, when}: {width: number; when: string}
): HTMLElement {
  const {cell, special, name} = CELLS_2007[r.id];
  const trace = r.trace!;
  const height = Math.round(Math.min(width, 480) * 0.8);
  const equilibria = equilibria2007(cell, special, I);
  const jumps = jumps2007(trace, cell, special);
  const {vDomain, uDomain, breaks} = phaseDomain(trace, cell, equilibria, cell.vpeak, jumps);
  const nc = nullclines2007(cell, special, I, {vMin: vDomain[0], vMax: vDomain[1], n: 161});
  const {X, Y, JX, JY} = trajectoryPath(trace, breaks, {
    width,
    height,
    vDomain,
    uDomain,
    tolerance: 1.5,
    params: cell,
    vPeak: cell.vpeak,
    jumps
  });
  const svg = planePlot({width, height, vDomain, uDomain}, [
    axesMark({xLabel: "v (mV)", yLabel: "u (pA)"}),
    pathMark(nc.v, nc.vNullcline, {stroke: COLORS.vNullcline, strokeWidth: 2, clip: true, ariaLabel: "v-nullcline"}),
    pathMark(nc.v, nc.uNullcline, {stroke: COLORS.uNullcline, strokeWidth: 2, clip: true, ariaLabel: "u-nullcline"}),
    ...orbitMarks({X, Y, JX, JY}),
    equilibriumMark(equilibria)
  ]);
  const eqText = equilibria.length
    ? equilibria.map((e) => `${e.type} at v = ${fmt(e.v)} mV, u = ${fmt(e.u)} pA`).join("; ")
    : "none: the nullclines do not cross";
  return figure(svg, {
    title: `${runTitle(r)}: phase plane (v, u)`,
    download: runDownload(trace),
    legend: phaseLegend(svg.ownerDocument, equilibria, true, [], {resetLine: false}), // the reset moves with u (LTS, TC)
    caption: `${name}. Nullclines for I = ${fmt(I)} pA (${when}); dashed lines are the reset jumps from the cut-off to the reset.`,
    ariaLabel: `Phase plane of u in pA against v in mV of cell ${r.index + 1} (${name}), with nullclines for I = ${fmt(I)} pA, ${equilibria.length} equilibri${equilibria.length === 1 ? "um" : "a"} and ${jumps.length} reset jump${jumps.length === 1 ? "" : "s"}.`,
    ariaDescription: `Equilibria: ${eqText}.`,
    className: "phase-plane"
  });
}

/** The compared cells' phase planes, side by side on a wide screen and stacked on a phone. */
export function PhasePlanes2007(runs: CompareRun2007[], {width}: {width: number}): HTMLElement {
  const drawn = runs.filter((r) => r.trace && r.trace.I.length > 0);
  const {columns, chartWidth} = phaseGridLayout(drawn.length, width);
  const grid = document.createElement("div");
  grid.className = "compare-phase-grid cells2007-phase-grid";
  grid.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
  for (const r of drawn) {
    const {t, I} = r.trace!;
    grid.append(
      PhasePlane2007(r, I[I.length - 1], {
        width: chartWidth,
        when: `its value at t = ${fmt(t[t.length - 1])} ms, the end of the run`
      })
    );
  }
  return grid;
}

/** The orbit's marks: the reset jumps (dashed) and the trajectory, from {@link trajectoryPath}'s geometry. */
function orbitMarks({X, Y, JX, JY}: Pick<TrajectoryPath, "X" | "Y" | "JX" | "JY">): Plot.Markish[] {
  return [
    pathMark(JX, JY, {
      stroke: COLORS.jump,
      strokeWidth: 1,
      strokeOpacity: 0.5,
      strokeDasharray: "3,3",
      clip: true,
      ariaLabel: "reset jumps"
    }),
    pathMark(X, Y, {stroke: COLORS.trajectory, strokeWidth: 1.1, clip: true, ariaLabel: "trajectory"})
  ];
}

/** The plane's Plot: v across, u up, the given domains, no Plot axes (axesMark draws them), the shared margins. */
function planePlot(
  {
    width,
    height,
    vDomain,
    uDomain
  }: {width: number; height: number; vDomain: [number, number]; uDomain: [number, number]},
  marks: Plot.Markish[],
  options: Omit<Plot.PlotOptions, "title" | "caption" | "ariaLabel" | "ariaDescription"> = {}
): SVGSVGElement {
  return Plot.plot({
    ...MARGINS,
    width,
    height,
    x: {domain: vDomain, axis: null},
    y: {domain: uDomain, axis: null},
    marks,
    ...options
  }) as SVGSVGElement;
}
