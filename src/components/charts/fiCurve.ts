/**
 * The f–I chart: steady-state firing rate (Hz) against the constant current, for the up sweep and, if there
 * is one, the down sweep, with the first-ISI rate of the up sweep as hollow dots and the hysteresis intervals
 * shaded. Marked currents (e.g. I_sn, I_AH) are drawn as labelled vertical rules. The figure's
 * `update(curve, options)` redraws it in place: a sweep's result at the end of a drag moves lines and dots
 * instead of making a new chart.
 */
import type {FICurve, FIPoint} from "../../lib/analysis/fICurve.js";
import {rowsToCSV} from "../../lib/export/csv.js";
import {figure, fmt, swatch, type FigureOptions} from "./chart.js";
import {setChartDownload} from "./chartDownload.js";
import {
  Axes,
  Dots,
  Polyline,
  Rule,
  attr,
  frameScales,
  plotSvg,
  round1,
  sizeSvg,
  svgElement,
  syncLayers,
  text,
  type Frame
} from "./retained.js";
import {setFigure} from "./timeChart.js";

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

/** The chart's figure; `update` takes the same arguments as {@link fiChart}. */
export type FIChartElement = HTMLElement & {update: (curve: FICurve, options: FIChartOptions) => void};

/** A curve with no sweep in it: a chart made before the first sweep's result. */
export const NO_CURVE: FICurve = Object.freeze({
  up: null,
  down: null,
  hysteresis: [],
  duration: 0,
  transient: 0,
  warnings: []
});

/** One point of a sweep as a CSV row: sweep, I (mV/ms), settled rate and first-ISI rate (Hz). */
const row = (sweep: "up" | "down") => (p: FIPoint) => [sweep, p.I, p.rate, p.firstIsiRate ?? null];

/** The points' currents and one of their rates, as the columns the retained marks draw. */
function columns(points: FIPoint[], rate: (p: FIPoint) => number): {X: Float64Array; Y: Float64Array} {
  return {X: Float64Array.from(points, (p) => p.I), Y: Float64Array.from(points, rate)};
}

/** The f–I chart of a sweep result, in a figure with a legend, title, caption and text alternative. */
export function fiChart(curve: FICurve, options: FIChartOptions): FIChartElement {
  const svg = plotSvg(document);
  const axes = new Axes(document, {xLabel: "I (current ÷ capacitance, mV/ms)", yLabel: "rate (Hz)"});
  const hysteresis = svgElement(document, "g", {
    "aria-label": "hysteresis",
    fill: FI_COLORS.hysteresis,
    "fill-opacity": "0.35"
  });
  const markLabels = svgElement(document, "g", {"aria-label": "marked currents", "font-size": "11"});
  const upLine = new Polyline(document, {stroke: FI_COLORS.up, strokeWidth: 2, ariaLabel: "up sweep"});
  const upDots = new Dots(document, {fill: FI_COLORS.up, r: 2.5});
  const isiDots = new Dots(document, {fill: "none", stroke: FI_COLORS.firstIsi, r: 3.5, ariaLabel: "first-ISI rate"});
  const downLine = new Polyline(document, {
    stroke: FI_COLORS.down,
    strokeWidth: 2,
    strokeDasharray: "5,3",
    ariaLabel: "down sweep"
  });
  const downDots = new Dots(document, {fill: FI_COLORS.down, r: 2});
  svg.append(axes.g, hysteresis);
  const fig = figure(svg, {className: "fi-chart"}) as FIChartElement;
  const rules: Rule[] = [];
  let legend: HTMLElement | null = null;
  let legendKey = "";

  const draw = (curve: FICurve, options: FIChartOptions) => {
    const {width, height = 260, marks = [], rateMax, title, caption, ariaLabel, ariaDescription, download} = options;
    const up = curve.up?.points ?? [];
    const down = curve.down?.points ?? [];
    let lo = Infinity;
    let hi = -Infinity;
    let top = 10;
    for (const p of [...up, ...down]) {
      lo = Math.min(lo, p.I);
      hi = Math.max(hi, p.I);
      if (Number.isFinite(p.rate)) top = Math.max(top, p.rate);
    }
    for (const p of up) top = Math.max(top, p.firstIsiRate ?? 0);
    if (rateMax !== undefined) top = rateMax;
    const xDomain: [number, number] = lo <= hi ? [lo, hi] : [0, 1];
    const frame: Frame = {...CURVE_MARGINS, width, height};
    const {x, y} = frameScales(frame, xDomain, [0, top * 1.05]);
    sizeSvg(svg, frame);
    axes.update(x, y, frame);

    // The hysteresis intervals, shaded from 0 to the top rate; rectangles reused.
    const rects = [...hysteresis.children] as SVGRectElement[];
    curve.hysteresis.forEach((h, i) => {
      const rect = rects[i] ?? hysteresis.appendChild(svgElement(document, "rect"));
      const [x1, x2] = [x(h.from), x(h.to)].sort((a, b) => a - b);
      attr(rect, "x", String(round1(x1)));
      attr(rect, "width", String(round1(x2 - x1)));
      attr(rect, "y", String(round1(y(top))));
      attr(rect, "height", String(round1(y(0) - y(top))));
    });
    for (const gone of rects.slice(curve.hysteresis.length)) gone.remove();

    // The marked currents: a dashed rule each, labelled above the top rate.
    while (rules.length < marks.length) rules.push(new Rule(document, "x", {stroke: "#777", strokeDasharray: "3,3"}));
    for (const gone of rules.splice(marks.length)) gone.g.remove();
    marks.forEach((m, i) => rules[i].update(m.I, x, y, frame));
    const labels = [...markLabels.children] as SVGTextElement[];
    marks.forEach((m, i) => {
      // 6 px above the top, centred on its line (as Plot's text mark with dy −6 placed it).
      const label = labels[i] ?? markLabels.appendChild(svgElement(document, "text", {dy: "0.32em"}));
      attr(label, "x", String(round1(x(m.I))));
      attr(label, "y", String(round1(y(top) - 6)));
      text(label, m.label);
    });
    for (const gone of labels.slice(marks.length)) gone.remove();

    const upRate = columns(up, (p) => p.rate);
    upLine.update(upRate.X, upRate.Y, upRate.X.length, x, y, frame);
    upDots.update(upRate.X, upRate.Y, upRate.X.length, x, y);
    const withIsi = up.filter((p) => p.firstIsiRate !== null);
    const isi = columns(withIsi, (p) => p.firstIsiRate!);
    isiDots.update(isi.X, isi.Y, isi.X.length, x, y);
    const downRate = columns(down, (p) => p.rate);
    downLine.update(downRate.X, downRate.Y, downRate.X.length, x, y, frame);
    downDots.update(downRate.X, downRate.Y, downRate.X.length, x, y);
    // Drawing order as Plot's marks had it: axes, shading, rules and their labels, the up sweep, the down sweep.
    const hasDown = down.length > 0;
    syncLayers(
      svg,
      [
        [axes.g, true],
        [hysteresis, true],
        ...rules.map((r) => [r.g, true] as [Element, boolean]),
        [markLabels, true],
        [upLine.el, true],
        [upDots.g, true],
        [isiDots.g, true],
        [downLine.el, hasDown],
        [downDots.g, hasDown]
      ],
      null
    );

    const items = [
      ...(up.length ? [{color: FI_COLORS.up, text: "up sweep: steady rate (○ first-ISI rate)"}] : []),
      ...(down.length ? [{color: FI_COLORS.down, dash: "5,3", text: "down sweep: steady rate"}] : []),
      ...(curve.hysteresis.length ? [{color: FI_COLORS.hysteresis, text: "up and down differ (hysteresis)"}] : [])
    ];
    const key = JSON.stringify(items);
    if (key !== legendKey) {
      const next = legendRow(items);
      if (legend) legend.replaceWith(next);
      else svg.before(next);
      [legend, legendKey] = [next, key];
    }

    if (download !== false)
      setChartDownload(fig, {
        csv: () =>
          rowsToCSV(["sweep", "I", "rate_Hz", "first_isi_rate_Hz"], [...up.map(row("up")), ...down.map(row("down"))]),
        json: () => curve,
        ...download
      });
    const describe = (name: string, points: FIPoint[]) =>
      `${name}: ${points.map((p) => `I ${fmt(p.I)} → ${fmt(p.rate)} Hz`).join("; ")}.`;
    setFigure(fig, svg, {
      title,
      caption,
      ariaLabel:
        ariaLabel ??
        `f–I curve: steady firing rate in Hz against constant current from ${fmt(xDomain[0])} to ${fmt(xDomain[1])}.`,
      ariaDescription:
        ariaDescription ??
        [
          up.length ? describe("Up sweep", up) : "",
          down.length ? describe("Down sweep", down) : "",
          curve.hysteresis.map((h) => `Hysteresis from I = ${fmt(h.from)} to ${fmt(h.to)}.`).join(" ")
        ]
          .join(" ")
          .trim()
    });
  };
  draw(curve, options);
  fig.update = draw;
  return fig;
}
