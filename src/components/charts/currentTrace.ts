/** I(t): the input current of a run, on the same time axis as v(t) and u(t). */
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
import type {TimeSeries} from "./voltageTrace.js";

export interface CurrentTraceOptions
  extends FigureOptions, Omit<Plot.PlotOptions, "title" | "caption" | "ariaLabel" | "ariaDescription"> {
  /** Width in pixels. */
  width: number;
  /** Height in pixels; default 150. */
  height?: number;
  /** The shared time axis [t0, t1] (ms). */
  xDomain?: [number, number];
  /** A time (ms) to mark, e.g. where the phase plane takes its I; none by default. */
  marker?: number | null;
}

/** The input current I(t) (paper units: current ÷ capacitance, mV/ms) of a run. */
export function CurrentTrace(
  trace: Pick<TimeSeries, "t" | "I">,
  {
    width,
    height = 150,
    xDomain,
    marker = null,
    title = "Input current I(t)",
    caption,
    ariaLabel,
    ariaDescription,
    ...options
  }: CurrentTraceOptions
): HTMLElement {
  const domain = xDomain ?? timeDomain(trace.t);
  const {X, Y} = decimated(trace.t, trace.I, plotColumns(width), domain);
  const extent = extentOf(Y, 0, 0);
  const min = Math.min(0, extent[0]);
  const max = Math.max(0, extent[1]);
  const svg = Plot.plot({
    ...TIME_MARGINS,
    width,
    height,
    x: {domain, axis: null},
    y: {domain: min === max ? [min - 1, max + 1] : [min, max], nice: true, axis: null},
    marks: [
      axesMark({xLabel: "t (ms)", yLabel: "I (paper units: current ÷ capacitance, mV/ms)", grid: false}),
      Plot.ruleY([0], {stroke: "#bbb"}),
      marker === null ? null : Plot.ruleX([marker], {stroke: COLORS.vNullcline, strokeDasharray: "4,3"}),
      pathMark(X, Y, {stroke: COLORS.I, clip: true})
    ],
    ...options
  }) as SVGSVGElement;
  return figure(svg, {
    title,
    caption:
      caption ??
      `I in the paper's units: a current divided by the capacitance, which enters v′ directly (mV/ms).${marker === null ? "" : ` The dashed line marks t = ${fmt(marker)} ms, where the phase plane below takes its I.`}`,
    ariaLabel:
      ariaLabel ?? `Line chart of the input current I against time t from ${fmt(domain[0])} to ${fmt(domain[1])} ms.`,
    ariaDescription: ariaDescription ?? `I ranges from ${fmt(min)} to ${fmt(max)}.`
  });
}
