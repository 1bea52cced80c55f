/**
 * The chart that answers chapter 6's question on latency (src/tutorial/input.md): the first-spike latency
 * (ms from step onset) against the step's height above the step-from-rest rheobase (%, log scale) for two
 * neurons, one line each, with the point the answer quotes (0.1 % above rheobase) ringed and its latency in
 * the caption, so every number of the answer can be read off the page.
 */
import * as Plot from "@observablehq/plot";
import {COLORS, figure, fmt, seriesLegend} from "../charts/chart.js";
import {CURVE_MARGINS} from "../charts/fiCurve.js";

/** One neuron's latency curve, and the point the answer quotes. */
export interface LatencySeries {
  /** Name in the legend and caption, e.g. "G (Class 1)". */
  label: string;
  /** Latency (ms, null when no spike in the run) at each height above rheobase (%). */
  points: {percent: number; latency: number | null}[];
  /** The quoted point: its height above rheobase (%) and its latency (ms, null when no spike). */
  quoted: {percent: number; latency: number | null};
}

/** The second series' colour: not COLORS.vNullcline's orange, which means the v-nullcline elsewhere. */
const SECOND = "#7b3294";

/** Latency against step height for two or more neurons, the quoted points ringed. */
export function LatencyComparison(series: LatencySeries[], {width}: {width: number}): HTMLElement {
  const colors = [COLORS.v, SECOND, "#555"];
  const color = (k: number) => colors[k % colors.length]!;
  const rows = series.flatMap((s) => s.points.filter((p) => p.latency !== null).map((p) => ({...p, label: s.label})));
  const quoted = series
    .filter((s) => s.quoted.latency !== null)
    .map((s) => ({percent: s.quoted.percent, latency: s.quoted.latency, label: s.label}));
  const top = Math.max(10, ...rows.map((r) => r.latency!), ...quoted.map((q) => q.latency!));
  const svg = Plot.plot({
    width,
    height: 240,
    ...CURVE_MARGINS,
    x: {
      type: "log",
      domain: [0.05, 100],
      ticks: [0.1, 1, 10, 100],
      tickFormat: (d: number) => `${d}`,
      label: "step above rheobase (%, log scale) →",
      labelAnchor: "right"
    },
    y: {domain: [0, top * 1.05], grid: true, label: "↑ first-spike latency (ms)"},
    style: {fontSize: "12px"},
    color: {domain: series.map((s) => s.label), range: series.map((_, k) => color(k))},
    marks: [
      Plot.line(rows, {x: "percent", y: "latency", z: "label", stroke: "label", strokeWidth: 2}),
      Plot.dot(quoted, {x: "percent", y: "latency", stroke: "label", r: 6, strokeWidth: 2})
    ]
  }) as SVGSVGElement;
  const say = (s: LatencySeries) =>
    `${s.label}: ${s.quoted.latency === null ? "no spike" : `${fmt(s.quoted.latency)} ms`} at ${fmt(s.quoted.percent)} % above rheobase`;
  return figure(svg, {
    title: `First-spike latency near rheobase: ${series.map((s) => s.label).join(" and ")}`,
    legend: seriesLegend(
      svg.ownerDocument,
      series.map((s, k) => ({label: s.label, color: color(k)}))
    ),
    caption: `Each line: steps from the rest at I = 0, one 500-ms run each. Ringed: ${series.map(say).join("; ")}.`,
    ariaLabel: `Line chart of first-spike latency in ms against step height above rheobase in percent (log scale), for ${series.map((s) => s.label).join(" and ")}. ${series.map(say).join(". ")}.`
  });
}
