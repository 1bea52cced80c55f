/**
 * The charts and the table of the numerics page, drawn from the runs computed at build time (the numerics data
 * loader) and, for one panel, from a worker's pair of runs.
 */
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import type {Trace} from "../../lib/index.js";
import {COLORS, figure, fmt, seriesLegend} from "../charts/chart.js";
import {voltagePlot} from "../charts/voltagePlot.js";
import {RUN_COLORS} from "../charts/chaosCharts.js";

/** Chart text at 12 px: Plot's default 10 px is too small on a phone. */
const TEXT = {fontSize: "12px"};

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

const SUPERSCRIPT: Record<string, string> = {
  "-": "⁻",
  0: "⁰",
  1: "¹",
  2: "²",
  3: "³",
  4: "⁴",
  5: "⁵",
  6: "⁶",
  7: "⁷",
  8: "⁸",
  9: "⁹"
};

/**
 * A log axis's tick as a reader writes it: 0.001 to 10000 as plain decimals, else with a power of ten ("10⁻⁶",
 * "3×10⁻⁶"), never Plot's SI prefixes ("1µ" would read as a micro-unit of the axis's ms or mV).
 */
export function logTickLabel(x: number): string {
  if (x >= 1e-3 && x < 1e5) return String(+x.toPrecision(3));
  const k = Math.floor(Math.log10(x) + 1e-9);
  const mantissa = +(x / 10 ** k).toPrecision(3);
  const power = `10${[...String(k)].map((c) => SUPERSCRIPT[c]).join("")}`;
  return mantissa === 1 ? power : `${mantissa}×${power}`;
}

/**
 * The ticks of a log axis over the values' range: powers of ten (with 3 × 10^k between them when the range
 * spans three decades or fewer), every second or third one when the axis is too short to keep `minGap` px
 * (about a label's width) between neighbours.
 */
export function logTicks(values: number[], pixels: number, minGap = 56): number[] {
  const positive = values.filter((x) => x > 0 && Number.isFinite(x));
  if (!positive.length) return [];
  const min = Math.min(...positive);
  const max = Math.max(...positive);
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const steps = hi - lo <= 3 ? [1, 3] : [1];
  const candidates: number[] = [];
  for (let k = lo; k <= hi; k++) for (const m of steps) candidates.push(+(m * 10 ** k).toPrecision(3));
  // Within the range, up to rounding of the candidates.
  const inside = candidates.filter((x) => x >= min * (1 - 1e-9) && x <= max * (1 + 1e-9));
  const room = Math.max(2, Math.floor(pixels / minGap));
  const every = Math.max(1, Math.ceil(inside.length / room));
  return inside.filter((_, k) => (inside.length - 1 - k) % every === 0);
}

/** Plot options of a log axis with {@link logTicks} labelled by {@link logTickLabel}. */
function logAxis(values: number[], pixels: number, label: string, minGap?: number) {
  return {type: "log" as const, label, grid: true, ticks: logTicks(values, pixels, minGap), tickFormat: logTickLabel};
}

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
      x: logAxis(
        rows.map((r) => r.dt),
        width - 80,
        "dt (ms)"
      ),
      y: logAxis(
        rows.map((r) => r.error!),
        340 - 50,
        "largest spike-time error (ms)",
        22
      ),
      style: TEXT,
      color: {
        domain: conv.methods.map((m) => METHOD_LABELS[m.method]),
        range: conv.methods.map((m) => ORDER_COLORS[m.method])
      },
      marks: [Plot.line(rows, {x: "dt", y: "error", stroke: "method", marker: "circle"})]
    }),
    {
      title: "Spike-time error against step, log–log",
      legend: seriesLegend(
        document,
        conv.methods.map((m) => ({label: METHOD_LABELS[m.method]!, color: ORDER_COLORS[m.method]!}))
      ),
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
      x: logAxis(
        cut.points.map((p) => p.vPeak),
        width - 72,
        "cut-off vPeak (mV)"
      ),
      y: {label: "spikes in 300 ms", grid: true, zero: true},
      style: TEXT,
      marks: [Plot.line(cut.points, {x: "vPeak", y: "spikes", stroke: COLORS.v, marker: "circle"})]
    }),
    {
      title: "FS neuron: spike count against the cut-off",
      caption: `${cut.protocol}. ${cut.points.map((p) => `${p.vPeak} mV: ${p.spikes}`).join(", ")}.`,
      ariaLabel: "Spike count of the FS neuron against the cut-off voltage on a log axis"
    }
  );
}
