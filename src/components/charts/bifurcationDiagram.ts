/**
 * The equilibrium bifurcation diagram: v of the equilibria against the constant current I (closed form from
 * lib/analysis/bifurcationDiagram.ts). Stable stretches solid, unstable dashed, saddles dotted; the fold
 * (saddle-node) as a square and the Andronov–Hopf point as a circle; an optional rule at the current I.
 */
import {rowsToCSV} from "../../lib/export/csv.js";
import * as Plot from "@observablehq/plot";
import type {BifurcationDiagram, BranchStability} from "../../lib/analysis/bifurcationDiagram.js";
import {axesMark, figure, fmt, type FigureOptions} from "./chart.js";
import {CURVE_MARGINS, legendRow} from "./fiCurve.js";

const STYLE: Record<BranchStability, {stroke: string; dash: string; label: string}> = {
  stable: {stroke: "#1f5fa8", dash: "", label: "stable (rest)"},
  unstable: {stroke: "#c62828", dash: "6,4", label: "unstable node/focus"},
  saddle: {stroke: "#666", dash: "2,3", label: "saddle"}
};

/** Options of {@link bifurcationChart}. */
export interface BifurcationChartOptions extends FigureOptions {
  width: number;
  height?: number;
  /** Draw a rule at this current (mV/ms). */
  current?: number;
}

/** The diagram in a figure with a legend, title, caption and a text alternative listing the special points. */
export function bifurcationChart(diagram: BifurcationDiagram, options: BifurcationChartOptions): HTMLElement {
  const {width, height = 280, current} = options;
  const vs = diagram.segments.flatMap((s) => s.points.map((p) => p.v));
  const yDomain = vs.length ? [Math.min(...vs), Math.max(...vs)] : [-80, -40];
  const marks: Plot.Markish[] = [
    axesMark({xLabel: "I (current ÷ capacitance, mV/ms)", yLabel: "v at equilibrium (mV)"})
  ];
  for (const segment of diagram.segments) {
    const style = STYLE[segment.stability];
    marks.push(
      Plot.line(segment.points, {
        x: "I",
        y: "v",
        stroke: style.stroke,
        strokeWidth: segment.stability === "stable" ? 2.5 : 1.75,
        strokeDasharray: style.dash
      })
    );
  }
  if (current !== undefined) marks.push(Plot.ruleX([current], {stroke: "#2d7d46", strokeWidth: 1.5}));
  const special = [
    ...(diagram.saddleNode ? [{I: diagram.saddleNode.I, v: diagram.saddleNode.v, label: "SN", symbol: "square"}] : []),
    ...(diagram.hopf ? [{I: diagram.hopf.I, v: diagram.hopf.v, label: "AH", symbol: "circle"}] : [])
  ];
  marks.push(
    Plot.dot(special, {x: "I", y: "v", symbol: "symbol", r: 5, fill: "white", stroke: "black", strokeWidth: 1.5}),
    Plot.text(special, {x: "I", y: "v", text: "label", dx: 0, dy: 14, fontSize: 11, fontWeight: 600})
  );
  const svg = Plot.plot({
    width,
    height,
    ...CURVE_MARGINS,
    x: {domain: [diagram.from, diagram.to], axis: null},
    y: {domain: [yDomain[0]! - 2, yDomain[1]! + 2], axis: null},
    symbol: {type: "identity"},
    marks
  }) as SVGSVGElement;

  const legend = legendRow(
    [...new Set(diagram.segments.map((s) => s.stability))].map((k) => ({
      color: STYLE[k].stroke,
      dash: STYLE[k].dash,
      text: STYLE[k].label
    }))
  );
  const sn = diagram.saddleNode
    ? `saddle-node (SN) at I = ${fmt(diagram.saddleNode.I)}, v = ${fmt(diagram.saddleNode.v)} mV`
    : "no saddle-node in range";
  const ah = diagram.hopf
    ? `${diagram.hopf.criticality} Andronov–Hopf (AH) at I = ${fmt(diagram.hopf.I)}, v = ${fmt(diagram.hopf.v)} mV`
    : "no Andronov–Hopf point in range";
  const pieces = diagram.segments.map(
    (s) =>
      `${s.branch} branch ${STYLE[s.stability].label} from I = ${fmt(s.points[0]?.I)} to ${fmt(s.points.at(-1)?.I)}`
  );
  return figure(svg, {
    download: {
      csv: () =>
        rowsToCSV(
          ["branch", "stability", "I", "v_mV", "u", "type"],
          diagram.segments.flatMap((seg) => seg.points.map((p) => [seg.branch, seg.stability, p.I, p.v, p.u, p.type]))
        ),
      json: () => diagram
    },
    ...options,
    legend,
    className: "bifurcation-chart",
    ariaLabel:
      options.ariaLabel ??
      `Bifurcation diagram: equilibrium v in mV against I from ${fmt(diagram.from)} to ${fmt(diagram.to)}; ${sn}; ${ah}.`,
    ariaDescription: options.ariaDescription ?? `${pieces.join("; ")}.`
  });
}
