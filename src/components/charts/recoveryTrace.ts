/** u(t): the recovery variable of a run, on the same time axis as v(t) and I(t). */
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

export interface RecoveryTraceOptions
  extends FigureOptions, Omit<Plot.PlotOptions, "title" | "caption" | "ariaLabel" | "ariaDescription"> {
  /** Width in pixels. */
  width: number;
  /** Height in pixels; default 160. */
  height?: number;
  /** The shared time axis [t0, t1] (ms). */
  xDomain?: [number, number];
}

/** The recovery variable u(t) (same units as I) of a run. */
export function RecoveryTrace(
  trace: TimeSeries,
  {
    width,
    height = 160,
    xDomain,
    title = "Recovery variable u(t)",
    caption,
    ariaLabel,
    ariaDescription,
    ...options
  }: RecoveryTraceOptions
): HTMLElement {
  const domain = xDomain ?? timeDomain(trace.t);
  const {X, Y} = decimated(trace.t, trace.u, plotColumns(width), domain);
  const [min, max] = extentOf(Y, -1, 1);
  const svg = Plot.plot({
    ...TIME_MARGINS,
    width,
    height,
    x: {domain, axis: null},
    y: {domain: min < max ? [min, max] : [min - 1, max + 1], nice: true, axis: null},
    marks: [
      axesMark({xLabel: "t (ms)", yLabel: "u (same units as I)"}),
      pathMark(X, Y, {stroke: COLORS.u, clip: true})
    ],
    ...options
  }) as SVGSVGElement;
  return figure(svg, {
    title,
    caption:
      caption ??
      "u rises with each spike (by d) and relaxes at rate a towards b·v; it has the units of v′, the same as I.",
    ariaLabel:
      ariaLabel ??
      `Line chart of the recovery variable u against time t from ${fmt(domain[0])} to ${fmt(domain[1])} ms.`,
    ariaDescription: ariaDescription ?? (Y.length ? `u ranges from ${fmt(min)} to ${fmt(max)}.` : "No samples.")
  });
}
