/**
 * The f–I chart: steady-state firing rate (Hz) against the constant current, for the up sweep and, if there
 * is one, the down sweep, with the first-ISI rate of the up sweep as hollow dots and the hysteresis intervals
 * shaded. Marked currents (e.g. I_sn, I_AH) are drawn as labelled vertical rules.
 */
import * as Plot from "@observablehq/plot";
import type {FICurve, FIPoint} from "../../lib/analysis/fICurve.js";
import {rowsToCSV} from "../../lib/export/csv.js";
import {axesMark, figure, fmt, swatch, type FigureOptions} from "./chart.js";

/** Margins of the excitability charts (room above for the y label and the marks' labels). */
export const CURVE_MARGINS = {marginLeft: 52, marginRight: 14, marginTop: 30, marginBottom: 34} as const;

/** A row of legend entries: a swatch (colour, dash) and a text each. */
export function legendRow(items: {color: string; dash?: string; text: string}[]): HTMLDivElement {
  const legend = document.createElement("div");
  legend.className = "fi-legend";
  for (const {color, dash = "", text} of items) {
    const span = document.createElement("span");
    span.append(swatch(document, color, dash), ` ${text}`);
    legend.append(span);
  }
  return legend;
}

export const FI_COLORS = {up: "#1f5fa8", down: "#d95f02", firstIsi: "#1f5fa8", hysteresis: "#f4c542"} as const;

/** Options of {@link fiChart}. */
export interface FIChartOptions extends FigureOptions {
  width: number;
  height?: number;
  /** Currents to mark with a labelled rule (mV/ms). */
  marks?: {I: number; label: string}[];
  /** Shared rate axis maximum (Hz), so two charts compare; default from the data. */
  rateMax?: number;
}

/** One point of a sweep as a CSV row: sweep, I (mV/ms), settled rate and first-ISI rate (Hz). */
const row = (sweep: "up" | "down") => (p: FIPoint) => [sweep, p.I, p.rate, p.firstIsiRate ?? null];

/** The f–I chart of a sweep result, in a figure with a legend, title, caption and text alternative. */
export function fiChart(curve: FICurve, options: FIChartOptions): HTMLElement {
  const {width, height = 260, marks = [], rateMax} = options;
  const up = curve.up?.points ?? [];
  const down = curve.down?.points ?? [];
  const all = [...up, ...down];
  const currents = all.map((p) => p.I);
  const xDomain = [Math.min(...currents), Math.max(...currents)];
  const top =
    rateMax ??
    Math.max(10, ...all.map((p) => (Number.isFinite(p.rate) ? p.rate : 0)), ...up.map((p) => p.firstIsiRate ?? 0));
  const plotMarks: Plot.Markish[] = [
    axesMark({xLabel: "I (current ÷ capacitance, mV/ms)", yLabel: "rate (Hz)"}),
    Plot.rectX(curve.hysteresis, {x1: "from", x2: "to", y1: 0, y2: top, fill: FI_COLORS.hysteresis, fillOpacity: 0.35}),
    Plot.ruleX(marks, {x: "I", stroke: "#777", strokeDasharray: "3,3"}),
    Plot.text(marks, {x: "I", y: top, text: "label", dy: -6, fontSize: 11, fill: "currentColor"}),
    Plot.line(up, {x: "I", y: "rate", stroke: FI_COLORS.up, strokeWidth: 2}),
    Plot.dot(up, {x: "I", y: "rate", fill: FI_COLORS.up, r: 2.5}),
    Plot.dot(
      up.filter((p) => p.firstIsiRate !== null),
      {x: "I", y: "firstIsiRate", stroke: FI_COLORS.firstIsi, r: 3.5}
    )
  ];
  if (down.length) {
    plotMarks.push(
      Plot.line(down, {x: "I", y: "rate", stroke: FI_COLORS.down, strokeWidth: 2, strokeDasharray: "5,3"}),
      Plot.dot(down, {x: "I", y: "rate", fill: FI_COLORS.down, r: 2})
    );
  }
  const svg = Plot.plot({
    width,
    height,
    ...CURVE_MARGINS,
    x: {domain: xDomain, axis: null},
    y: {domain: [0, top * 1.05], axis: null},
    marks: plotMarks
  }) as SVGSVGElement;

  const legend = legendRow([
    ...(up.length ? [{color: FI_COLORS.up, text: "up sweep: steady rate (○ first-ISI rate)"}] : []),
    ...(down.length ? [{color: FI_COLORS.down, dash: "5,3", text: "down sweep: steady rate"}] : []),
    ...(curve.hysteresis.length ? [{color: FI_COLORS.hysteresis, text: "up and down differ (hysteresis)"}] : [])
  ]);

  const describe = (name: string, points: typeof up) =>
    `${name}: ${points.map((p) => `I ${fmt(p.I)} → ${fmt(p.rate)} Hz`).join("; ")}.`;
  return figure(svg, {
    download: {
      csv: () =>
        rowsToCSV(["sweep", "I", "rate_Hz", "first_isi_rate_Hz"], [...up.map(row("up")), ...down.map(row("down"))]),
      json: () => curve
    },
    ...options,
    legend,
    className: "fi-chart",
    ariaLabel:
      options.ariaLabel ??
      `f–I curve: steady firing rate in Hz against constant current from ${fmt(xDomain[0])} to ${fmt(xDomain[1])}.`,
    ariaDescription:
      options.ariaDescription ??
      [
        up.length ? describe("Up sweep", up) : "",
        down.length ? describe("Down sweep", down) : "",
        curve.hysteresis.map((h) => `Hysteresis from I = ${fmt(h.from)} to ${fmt(h.to)}.`).join(" ")
      ]
        .join(" ")
        .trim()
  });
}
