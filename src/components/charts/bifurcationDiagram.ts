/**
 * The equilibrium bifurcation diagram: v of the equilibria against the constant current I (closed form from
 * lib/analysis/bifurcationDiagram.ts). Stable stretches solid, unstable dashed, saddles dotted; the fold
 * (saddle-node) as a square and the Andronov–Hopf point as a circle; an optional rule at the current I.
 */
import {rowsToCSV} from "../../lib/export/csv.js";
import * as d3 from "d3";
import type {BifurcationDiagram, BranchStability} from "../../lib/analysis/bifurcationDiagram.js";
import {figure, fmt, type FigureOptions} from "./chart.js";
import {setChartDownload} from "./chartDownload.js";
import {CURVE_MARGINS, legendRow} from "./fiCurve.js";
import {
  Axes,
  Polyline,
  Rule,
  exposeScales,
  frameScales,
  plotSvg,
  sizeSvg,
  svgElement,
  syncLayers,
  type Frame,
  type Linear
} from "./retained.js";
import {setFigure} from "./timeChart.js";

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

/** The chart's figure; `update(diagram, options)` redraws it in place (the arguments of {@link bifurcationChart}). */
export type BifurcationChartElement = HTMLElement & {
  update: (diagram: BifurcationDiagram, options: BifurcationChartOptions) => void;
};

/** A diagram with nothing in it: a chart made before its first diagram is computed. */
export const NO_DIAGRAM: BifurcationDiagram = Object.freeze({
  from: 0,
  to: 1,
  segments: [],
  saddleNode: null,
  hopf: null,
  restLoss: null,
  notes: []
});

/** The special points' symbols, as Plot draws a dot of radius 5 (area π r²). */
const SYMBOL_AREA = Math.PI * 25;
const SYMBOL_PATHS = {
  square: d3.symbol(d3.symbolSquare, SYMBOL_AREA)() ?? "",
  circle: d3.symbol(d3.symbolCircle, SYMBOL_AREA)() ?? ""
};

/**
 * The diagram in a figure with a legend, title, caption and a text alternative listing the special points. The
 * figure's `update` redraws it in place: a new current only moves the rule; the branches are redrawn only when
 * the diagram is a new one.
 */
export function bifurcationChart(
  diagram: BifurcationDiagram,
  options: BifurcationChartOptions
): BifurcationChartElement {
  const svg = plotSvg(document);
  let scales = frameScales({...CURVE_MARGINS, width: 1, height: 1}, [0, 1], [0, 1]);
  exposeScales(svg, () => scales);
  const axes = new Axes(document, {xLabel: "I (current ÷ capacitance, mV/ms)", yLabel: "v at equilibrium (mV)"});
  const rule = new Rule(document, "x", {stroke: "#2d7d46", strokeWidth: 1.5});
  const points = svgElement(document, "g", {"aria-label": "special points"});
  svg.append(axes.g);
  const fig = figure(svg, {className: "bifurcation-chart"}) as BifurcationChartElement;
  let lines: {stability: BranchStability; line: Polyline}[] = [];
  let legend: HTMLElement | null = null;
  let legendKey = "";
  let drawn: {diagram: BifurcationDiagram; frame: string} | null = null;

  const draw = (diagram: BifurcationDiagram, options: BifurcationChartOptions) => {
    const {width, height = 280, current, title, caption, ariaLabel, ariaDescription, download} = options;
    const frame: Frame = {...CURVE_MARGINS, width, height};
    const frameKey = `${width},${height}`;
    if (drawn?.diagram !== diagram || drawn.frame !== frameKey) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const s of diagram.segments)
        for (const p of s.points) {
          lo = Math.min(lo, p.v);
          hi = Math.max(hi, p.v);
        }
      const yDomain: [number, number] = lo <= hi ? [lo - 2, hi + 2] : [-82, -38];
      scales = frameScales(frame, [diagram.from, diagram.to], yDomain);
      sizeSvg(svg, frame);
      axes.update(scales.x, scales.y, frame);
      const old = lines;
      lines = diagram.segments.map((segment, i) => {
        const kept = old[i];
        if (kept?.stability === segment.stability) return kept;
        const style = STYLE[segment.stability];
        const made = {
          stability: segment.stability,
          line: new Polyline(document, {
            stroke: style.stroke,
            strokeWidth: segment.stability === "stable" ? 2.5 : 1.75,
            strokeDasharray: style.dash || undefined,
            ariaLabel: `${segment.branch} branch, ${style.label}`
          })
        };
        if (kept) kept.line.el.replaceWith(made.line.el);
        return made;
      });
      for (const gone of old.slice(lines.length)) gone.line.el.remove();
      diagram.segments.forEach((segment, i) => {
        const X = Float64Array.from(segment.points, (p) => p.I);
        const Y = Float64Array.from(segment.points, (p) => p.v);
        lines[i].line.update(X, Y, X.length, scales.x, scales.y, frame);
      });
      drawSpecialPoints(points, diagram, scales.x, scales.y);
      drawn = {diagram, frame: frameKey};
    }
    rule.update(current ?? null, scales.x, scales.y, frame);
    syncLayers(
      svg,
      [[axes.g, true], ...lines.map(({line}) => [line.el, true] as [Element, boolean]), [rule.g, true], [points, true]],
      null
    );

    const kinds = [...new Set(diagram.segments.map((s) => s.stability))];
    const key = kinds.join();
    if (key !== legendKey) {
      const next = legendRow(kinds.map((k) => ({color: STYLE[k].stroke, dash: STYLE[k].dash, text: STYLE[k].label})));
      if (legend) legend.replaceWith(next);
      else svg.before(next);
      [legend, legendKey] = [next, key];
    }
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
    if (download !== false)
      setChartDownload(fig, {
        csv: () =>
          rowsToCSV(
            ["branch", "stability", "I", "v_mV", "u", "type"],
            diagram.segments.flatMap((seg) => seg.points.map((p) => [seg.branch, seg.stability, p.I, p.v, p.u, p.type]))
          ),
        json: () => diagram,
        ...download
      });
    setFigure(fig, svg, {
      title,
      caption,
      ariaLabel:
        ariaLabel ??
        `Bifurcation diagram: equilibrium v in mV against I from ${fmt(diagram.from)} to ${fmt(diagram.to)}; ${sn}; ${ah}.`,
      ariaDescription: ariaDescription ?? `${pieces.join("; ")}.`
    });
  };
  draw(diagram, options);
  fig.update = draw;
  return fig;
}

/** The fold (a square) and the Hopf point (a circle), each labelled below, as Plot's dot and text marks drew them. */
function drawSpecialPoints(g: SVGGElement, diagram: BifurcationDiagram, x: Linear, y: Linear): void {
  const special = [
    ...(diagram.saddleNode
      ? [{I: diagram.saddleNode.I, v: diagram.saddleNode.v, label: "SN", symbol: "square" as const}]
      : []),
    ...(diagram.hopf ? [{I: diagram.hopf.I, v: diagram.hopf.v, label: "AH", symbol: "circle" as const}] : [])
  ];
  g.replaceChildren(
    ...special.flatMap(({I, v, label, symbol}) => {
      const [px, py] = [Math.round(x(I) * 10) / 10, Math.round(y(v) * 10) / 10];
      const mark = svgElement(document, "path", {
        d: SYMBOL_PATHS[symbol],
        transform: `translate(${px},${py})`,
        fill: "white",
        stroke: "black",
        "stroke-width": "1.5"
      });
      const text = svgElement(document, "text", {
        x: String(px),
        y: String(py + 14),
        "font-size": "11",
        "font-weight": "600",
        dy: "0.32em"
      });
      text.textContent = label;
      return [mark, text];
    })
  );
}
