/**
 * Inter-spike intervals against their number: the nth ISI (ms) of one or more runs as dots joined by lines,
 * so adaptation (rising ISIs) and its absence (a flat row) are seen at a glance. Used by the tutorial
 * chapters on a and d.
 */
import * as Plot from "@observablehq/plot";
import {interSpikeIntervals} from "../../lib/analysis/spikes.js";
import {figure, fmt, swatch, type FigureOptions} from "./chart.js";

/** One train to draw. */
export interface IsiSeries {
  spikes: ArrayLike<number>;
  /** Name in the legend and the text alternative, e.g. "a = 0.02". */
  label: string;
  color: string;
}

export interface IsiChartOptions extends FigureOptions {
  width: number;
  /** Height in pixels; default 200. */
  height?: number;
}

/** ISI n (ms) against n for each series, with a legend when there are several. */
export function IsiChart(
  series: IsiSeries[],
  {width, height = 200, title = "Inter-spike intervals", caption, ariaLabel, ariaDescription}: IsiChartOptions
): HTMLElement {
  const rows = series.flatMap(({spikes, label}) =>
    Array.from(interSpikeIntervals(spikes), (isi, k) => ({n: k + 1, isi, label}))
  );
  const most = Math.max(2, ...rows.map((r) => r.n));
  const longest = Math.max(1, ...rows.map((r) => r.isi));
  const color = {domain: series.map((s) => s.label), range: series.map((s) => s.color)};
  const svg = Plot.plot({
    width,
    height,
    marginLeft: 52,
    marginRight: 14,
    x: {label: "ISI number n", domain: [1, most], ticks: Math.min(most, 10), tickFormat: "d"},
    y: {label: "ISI (ms)", domain: [0, longest * 1.1], grid: true},
    color,
    marks: [
      Plot.line(rows, {x: "n", y: "isi", z: "label", stroke: "label"}),
      Plot.dot(rows, {x: "n", y: "isi", fill: "label", r: 3})
    ]
  }) as SVGSVGElement;
  const legend = series.length > 1 ? seriesLegend(svg.ownerDocument, series) : null;
  const describe = (s: IsiSeries) => {
    const isis = interSpikeIntervals(s.spikes);
    return isis.length
      ? `${s.label}: ${Array.from(isis, (x) => fmt(x, 3)).join(", ")} ms`
      : `${s.label}: fewer than two spikes`;
  };
  return figure(svg, {
    title,
    legend,
    caption: caption ?? "Each dot is the time between two consecutive spikes; a rising row means the neuron adapts.",
    ariaLabel:
      ariaLabel ??
      `Dot chart of the inter-spike interval in ms against its number, for ${series.map((s) => s.label).join(" and ")}.`,
    ariaDescription: ariaDescription ?? `${series.map(describe).join(". ")}.`
  });
}

/** A legend: one swatch (a coloured, optionally dashed line) and label per series, as an ul.chart-legend. */
export function seriesLegend(document: Document, items: {label: string; color: string; dash?: string}[]): HTMLElement {
  const list = document.createElement("ul");
  list.className = "chart-legend";
  for (const {label, color, dash} of items) {
    const li = document.createElement("li");
    li.append(swatch(document, color, dash), label);
    list.append(li);
  }
  return list;
}
