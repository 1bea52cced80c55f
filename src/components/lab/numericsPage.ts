/**
 * The charts and the table of the numerics page, drawn from the runs computed at build time (the numerics data
 * loader) and, for one panel, from a worker's pair of runs.
 */
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import type {Trace} from "../../lib/index.js";
import {COLORS, figure, fmt, voltagePlot} from "../charts/chart.js";
import {RUN_COLORS} from "../charts/chaosCharts.js";

/** A method's spike-time error at each step, and its fitted order. */
export interface ConvergenceRun {
  method: "euler" | "paper2004" | "rk4";
  points: {dt: number; error: number | null; spikes: number}[];
  order: number | null;
  /** The steps the order was fitted over (ms). */
  fitted: number[];
}

export interface Convergence {
  protocol: string;
  referenceSpikes: number;
  methods: ConvergenceRun[];
}

/** One published panel run as published and accurately. */
export interface PanelRuns {
  id: string;
  name: string;
  published: {spikes: number; first: number | null; pattern: string | null};
  accurate: {spikes: number; first: number | null; pattern: string | null; warnings: string[]};
}

export interface Cutoff {
  protocol: string;
  points: {vPeak: number; spikes: number; first: number | null}[];
}

/** How each method is named on the page. */
export const METHOD_LABELS: Record<string, string> = {
  euler: "forward Euler",
  paper2004: "figure1.m's loop",
  rk4: "RK4, spikes located in the step"
};

const ORDER_COLORS: Record<string, string> = {euler: RUN_COLORS[0], paper2004: RUN_COLORS[1], rk4: RUN_COLORS[2]};

/** Log–log chart of each shown method's largest spike-time error against the step. */
export function ConvergenceFigure(conv: Convergence, shown: string[], width: number) {
  const rows = conv.methods
    .filter((m) => shown.includes(m.method))
    .flatMap((m) =>
      m.points.filter((p) => p.error !== null && p.error > 0).map((p) => ({...p, method: METHOD_LABELS[m.method]}))
    );
  return figure(
    Plot.plot({
      width,
      height: 340,
      marginLeft: 60,
      x: {type: "log", label: "dt (ms)", grid: true},
      y: {type: "log", label: "largest spike-time error (ms)", grid: true},
      color: {
        domain: conv.methods.map((m) => METHOD_LABELS[m.method]),
        range: conv.methods.map((m) => ORDER_COLORS[m.method]),
        legend: true
      },
      marks: [Plot.line(rows, {x: "dt", y: "error", stroke: "method", marker: "circle"})]
    }),
    {
      title: "Spike-time error against step, log–log",
      caption:
        conv.methods
          .map(
            (m) =>
              `${METHOD_LABELS[m.method]}: fitted order ${fmt(m.order, 3)} (least squares over dt = ${m.fitted.map((d) => fmt(d, 3)).join(", ")} ms)`
          )
          .join("; ") + ".",
      ariaLabel: "Log-log plot of the largest spike-time error against the step for each method",
      ariaDescription: conv.methods.map((m) => `${METHOD_LABELS[m.method]} order ${fmt(m.order, 3)}`).join(", ")
    }
  );
}

/** Each method's fitted order, by method name. */
export function fittedOrders(conv: Convergence): Record<string, number | null> {
  return Object.fromEntries(conv.methods.map((m) => [m.method, m.order]));
}

/** A method's convergence point at a given step (ms), if it was run there. */
export function convergenceAt(conv: Convergence, method: string, dt: number) {
  return conv.methods.find((m) => m.method === method)?.points.find((p) => p.dt === dt);
}

/** A panel changes when its spike count or pattern changes, or its first spike moves by more than 2 ms. */
export function panelChanged(p: PanelRuns): boolean {
  return (
    p.published.spikes !== p.accurate.spikes ||
    p.published.pattern !== p.accurate.pattern ||
    (p.published.first ?? -1e9) - (p.accurate.first ?? -1e9) > 2 ||
    (p.accurate.first ?? -1e9) - (p.published.first ?? -1e9) > 2
  );
}

/** The 20 panels, published against accurate, with the changed ones marked. */
export function PanelTable(panels: PanelRuns[]) {
  return html`<div class="lab-table">
    <table>
      <thead>
        <tr>
          <th>panel</th>
          <th>published: spikes, first (ms), pattern</th>
          <th>accurate: spikes, first (ms), pattern</th>
          <th>changed?</th>
        </tr>
      </thead>
      <tbody>
        ${panels.map(
          (p) =>
            html`<tr>
              <td>${p.id} ${p.name}</td>
              <td>${p.published.spikes}, ${fmt(p.published.first)}, ${p.published.pattern ?? "—"}</td>
              <td>
                ${p.accurate.spikes}${p.accurate.warnings.length ? " (stopped: spike budget)" : ""},
                ${fmt(p.accurate.first)}, ${p.accurate.pattern ?? "—"}
              </td>
              <td>
                ${panelChanged(p) ? html`<span class="lab-fails">yes</span>` : html`<span class="lab-holds">no</span>`}
              </td>
            </tr>`
        )}
      </tbody>
    </table>
  </div>`;
}

/** One panel's v(t) under figure1.m's loop (orange) and under accurate integration (blue). */
export function PanelPairFigure(
  pair: {published: Trace; accurate: Trace},
  panel: {id: string; name: string; duration: number},
  width: number
) {
  return figure(
    voltagePlot(
      [
        {t: pair.published.t, v: pair.published.v, color: RUN_COLORS[0], ariaLabel: "published (figure1.m)"},
        {t: pair.accurate.t, v: pair.accurate.v, color: COLORS.v, ariaLabel: "accurate", style: {strokeOpacity: 0.8}}
      ],
      {width, height: 220, xDomain: [0, panel.duration], yDomain: [-90, 35], vPeak: 30}
    ),
    {
      title: `Panel ${panel.id} (${panel.name}): figure1.m (orange) and accurate (blue)`,
      caption: `Published: ${pair.published.spikes.length} spikes; accurate: ${pair.accurate.spikes.length} spikes. ${pair.accurate.warnings.join(" ")}`,
      ariaLabel: `v(t) of panel ${panel.id} under both integrations`
    }
  );
}

/** The FS neuron's spike count against the cut-off vPeak, on a log axis. */
export function CutoffFigure(cut: Cutoff, width: number) {
  return figure(
    Plot.plot({
      width,
      height: 260,
      marginLeft: 52,
      x: {type: "log", label: "cut-off vPeak (mV)", grid: true},
      y: {label: "spikes in 300 ms", grid: true, zero: true},
      marks: [Plot.line(cut.points, {x: "vPeak", y: "spikes", stroke: COLORS.v, marker: "circle"})]
    }),
    {
      title: "FS neuron: spike count against the cut-off",
      caption: `${cut.protocol}. ${cut.points.map((p) => `${p.vPeak} mV: ${p.spikes}`).join(", ")}.`,
      ariaLabel: "Spike count of the FS neuron against the cut-off voltage on a log axis"
    }
  );
}
