/**
 * The orbit diagram as one chart, on a y-range chosen for the orbit rather than for its outliers: every point
 * inside the range as a dot, every point outside drawn at the edge it passed as a red triangle (pointing the
 * way it left), so runaway values stay visible without squashing the orbit into one row. The range itself is
 * chosen by the page (orbitsPage.ts: robust quantiles, or the reader's).
 */
import {rowsToCSV} from "../../lib/export/csv.js";
import * as Plot from "@observablehq/plot";
import {figure, type FigureOptions} from "./chart.js";
import type {AxisMark} from "./chaosCharts.js";

/** Colour of the points beyond the y-range. */
export const BEYOND_COLOR = "#c62828";

export interface OrbitDiagramChartOptions extends FigureOptions {
  xLabel: string;
  yLabel: string;
  width: number;
  xDomain?: [number, number];
  /** The y-range shown; points beyond it are drawn at its edges. */
  yDomain: [number, number];
}

/** The diagram: `data.x[i]` the swept value, `data.y[i]` the measured one; `marks` the published features. */
export function orbitDiagramChart(
  data: {x: ArrayLike<number>; y: ArrayLike<number>},
  marks: AxisMark[],
  options: OrbitDiagramChartOptions
): HTMLElement {
  const [lo, hi] = options.yDomain;
  const inside: {x: number; y: number}[] = [];
  const beyond: {x: number; y: number; rotate: number}[] = [];
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i]!;
    const y = data.y[i]!;
    if (y > hi) beyond.push({x, y: hi, rotate: 0});
    else if (y < lo) beyond.push({x, y: lo, rotate: 180});
    else inside.push({x, y});
  }
  const plot = Plot.plot({
    width: options.width,
    height: 380,
    marginLeft: 56,
    marginTop: 30,
    x: {label: options.xLabel, domain: options.xDomain, grid: true},
    y: {label: options.yLabel, domain: [lo, hi], grid: true},
    marks: [
      Plot.dot(inside, {x: "x", y: "y", r: 0.9, fill: "#1f5fa8", fillOpacity: 0.5, stroke: null}),
      Plot.dot(beyond, {
        x: "x",
        y: "y",
        r: 3,
        symbol: "triangle",
        rotate: "rotate",
        fill: BEYOND_COLOR,
        stroke: null,
        className: "orbit-beyond"
      }),
      Plot.ruleX(marks, {x: "x", stroke: "#b35806", strokeDasharray: "3,3"}),
      Plot.text(marks, {x: "x", text: "label", frameAnchor: "top", dy: -12, fill: "#b35806", fontWeight: "bold"})
    ]
  }) as SVGSVGElement;
  plot.dataset.yMin = String(lo);
  plot.dataset.yMax = String(hi);
  plot.dataset.beyond = String(beyond.length);
  const download = {
    csv: () =>
      rowsToCSV(
        [options.xLabel, options.yLabel],
        Array.from(data.x, (x, i) => [x, data.y[i]])
      ),
    json: () => ({x: data.x, y: data.y, marks})
  };
  return figure(plot, {download, ...options});
}
