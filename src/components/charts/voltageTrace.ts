/**
 * v(t): the membrane potential of a run, each spike drawn to its apex (the trace stores vPeak at the sample
 * of each spike; min/max-per-pixel-column decimation keeps those maxima).
 */
import * as Plot from "@observablehq/plot";
import {
  COLORS,
  axesMark,
  TIME_MARGINS,
  decimated,
  extentOf,
  figure,
  fmt,
  pathMark,
  plotColumns,
  timeDomain,
  type FigureOptions
} from "./chart.js";

/** What the chart reads from a run (a library Trace fits). */
export interface TimeSeries {
  t: Float64Array;
  v: Float64Array;
  u: Float64Array;
  I: Float64Array;
  spikes: Float64Array;
}

export interface VoltageTraceOptions
  extends FigureOptions, Omit<Plot.PlotOptions, "title" | "caption" | "ariaLabel" | "ariaDescription"> {
  /** Width in pixels (required: pass Framework's reactive width). */
  width: number;
  /** Height in pixels; default 220. */
  height?: number;
  /** The shared time axis [t0, t1] (ms); default [0, last sample]. */
  xDomain?: [number, number];
  /** Spike apex / cut-off (mV), drawn as a faint line; default 30. */
  vPeak?: number;
}

/** The membrane potential v(t) (mV) of a run, as a figure with title, caption and text alternative. */
export function VoltageTrace(
  trace: TimeSeries,
  {
    width,
    height = 220,
    xDomain,
    vPeak = 30,
    title = "Membrane potential v(t)",
    caption,
    ariaLabel,
    ariaDescription,
    ...options
  }: VoltageTraceOptions
): HTMLElement {
  const domain = xDomain ?? timeDomain(trace.t);
  const {X, Y} = decimated(trace.t, trace.v, plotColumns(width), domain);
  const n = trace.spikes.length;
  const [lo, hi] = extentOf(Y, -70, vPeak);
  const svg = Plot.plot({
    ...TIME_MARGINS,
    width,
    height,
    x: {domain, axis: null},
    y: {domain: [Math.min(lo, vPeak - 10), Math.max(hi, vPeak)], nice: true, axis: null},
    marks: [
      axesMark({xLabel: "t (ms)", yLabel: "v (mV)"}),
      Plot.ruleY([vPeak], {stroke: "#999", strokeDasharray: "2,3"}),
      pathMark(X, Y, {stroke: COLORS.v, clip: true})
    ],
    ...options
  }) as SVGSVGElement;
  return figure(svg, {
    title,
    caption:
      caption ??
      `${n} spike${n === 1 ? "" : "s"}; each drawn to its ${fmt(vPeak)} mV apex (dotted line), then reset to c.`,
    ariaLabel:
      ariaLabel ??
      `Line chart of the membrane potential v in mV against time t from ${fmt(domain[0])} to ${fmt(domain[1])} ms, with ${n} spike${n === 1 ? "" : "s"}.`,
    ariaDescription:
      ariaDescription ??
      (n
        ? `Spike times (ms): ${Array.from(trace.spikes.subarray(0, 20), (s) => fmt(s, 5)).join(", ")}${n > 20 ? ", …" : ""}.`
        : "No spikes.")
  });
}
