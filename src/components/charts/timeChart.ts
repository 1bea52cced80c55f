/**
 * The time charts' common builder: one series y(t) on the shared time axis (the time charts' margins, the
 * decimated columns, the axes, a clipped line), wrapped in a figure. v(t), u(t) and I(t) differ only in what
 * {@link TimeChartSpec} holds.
 */
import * as Plot from "@observablehq/plot";
import {
  TIME_MARGINS,
  axesMark,
  decimated,
  figure,
  pathMark,
  plotColumns,
  timeDomain,
  type AxesOptions,
  type FigureOptions
} from "./chart.js";

/** Options of every time chart (each chart sets its own default height and title). */
export interface TimeChartOptions
  extends FigureOptions, Omit<Plot.PlotOptions, "title" | "caption" | "ariaLabel" | "ariaDescription"> {
  /** Width in pixels (required: pass Framework's reactive width). */
  width: number;
  /** Height in pixels. */
  height?: number;
  /** The shared time axis [t0, t1] (ms); default [0, last sample]. */
  xDomain?: [number, number];
}

/** What sets one time chart apart, given its decimated samples Y and its time axis. */
export interface TimeChartSpec {
  /** The y domain (Plot makes it nice). */
  yDomain: [number, number];
  axes: AxesOptions;
  /** Reference marks, drawn between the axes and the line. */
  marks?: Plot.Markish[];
  /** Colour of the line. */
  stroke: string;
  /** The figure's caption and text alternative where the options give none. */
  caption: string;
  ariaLabel: string;
  ariaDescription: string;
}

/** The chart of y(t) (samples t, y) as a figure; `spec` describes it from the decimated samples and the time axis. */
export function timeChart(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  {width, height, xDomain, title, caption, ariaLabel, ariaDescription, ...options}: TimeChartOptions,
  spec: (Y: Float64Array, domain: [number, number]) => TimeChartSpec
): HTMLElement {
  const domain = xDomain ?? timeDomain(t);
  const {X, Y} = decimated(t, y, plotColumns(width), domain);
  const chart = spec(Y, domain);
  const svg = Plot.plot({
    ...TIME_MARGINS,
    width,
    height,
    x: {domain, axis: null},
    y: {domain: chart.yDomain, nice: true, axis: null},
    marks: [axesMark(chart.axes), ...(chart.marks ?? []), pathMark(X, Y, {stroke: chart.stroke, clip: true})],
    ...options
  }) as SVGSVGElement;
  return figure(svg, {
    title,
    caption: caption ?? chart.caption,
    ariaLabel: ariaLabel ?? chart.ariaLabel,
    ariaDescription: ariaDescription ?? chart.ariaDescription
  });
}
