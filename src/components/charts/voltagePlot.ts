/**
 * v(t) of one or more runs as a Plot chart (a static one; {@link VoltageLines} is the retained kind), in a module
 * of its own so that pages without Plot charts do not load Plot.
 */
import * as Plot from "@observablehq/plot";
import {
  TIME_MARGINS,
  axesMark,
  decimated,
  pathMark,
  plotColumns,
  type VoltageLine,
  type VoltagePlotOptions
} from "./chart.js";

/**
 * v (mV) against t (ms) for one or more runs on one Plot chart with the time charts' margins, decimated per
 * pixel column: one line for a stacked small chart, several for an overlay.
 */
export function voltagePlot(
  lines: VoltageLine[],
  {width, height, xDomain, yDomain, vPeak}: VoltagePlotOptions
): SVGSVGElement {
  const marks: Plot.Markish[] = [axesMark({xLabel: "t (ms)", yLabel: "v (mV)"})];
  if (vPeak !== undefined) marks.push(Plot.ruleY([vPeak], {stroke: "#999", strokeDasharray: "2,3"}));
  for (const line of lines) {
    const {X, Y} = decimated(line.t, line.v, plotColumns(width), xDomain);
    marks.push(pathMark(X, Y, {stroke: line.color, ...line.style, clip: true, ariaLabel: line.ariaLabel}));
  }
  return Plot.plot({
    ...TIME_MARGINS,
    width,
    height,
    x: {domain: xDomain, axis: null},
    y: {domain: yDomain, nice: true, axis: null},
    marks
  }) as SVGSVGElement;
}
