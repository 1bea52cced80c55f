/**
 * The phase plane (v, u) of a run: both nullclines for one value of I, the equilibria marked by type, the
 * trajectory (decimated to about a pixel), its reset jumps, and the reset line v = c.
 */
import type {TraceData} from "../../lib/export/csv.js";
import {runDownload, setChartDownload} from "./chartDownload.js";
import {
  symbol,
  symbolCircle,
  symbolDiamond2,
  symbolSquare2,
  symbolTimes,
  symbolTriangle2,
  type SymbolType
} from "d3-shape";
import {PATH_GAP} from "../../lib/decimate.js";
import {nullclines as computeNullclines} from "../../lib/analysis/nullclines.js";
import {COLORS, figure, fmt, type FigureOptions, type RenderMark} from "./chart.js";
import type {TimeSeries} from "./voltageTrace.js";
import {
  Axes,
  Memo,
  Polyline,
  Rule,
  attr,
  exposeScales,
  frameScales,
  plotSvg,
  sizeSvg,
  svgElement,
  syncLayers,
  type Frame
} from "./retained.js";
import {setFigure} from "./timeChart.js";
import {thinPath, traceExtent, type TraceExtent} from "../explorer/runDisplay.js";

/** An equilibrium as the library's `equilibria` returns it (only what is drawn). */
export interface EquilibriumPoint {
  v: number;
  u: number;
  type: EquilibriumType;
}

export type EquilibriumType =
  "stable node" | "unstable node" | "stable focus" | "unstable focus" | "saddle" | "saddle-node" | "center";

/** How each type of equilibrium is drawn: stable filled, unstable hollow; nodes round, foci diamonds. */
export const EQUILIBRIUM_STYLES: Record<EquilibriumType, {symbol: string; color: string; filled: boolean}> = {
  "stable node": {symbol: "circle", color: "#1a9850", filled: true},
  "stable focus": {symbol: "diamond2", color: "#1a9850", filled: true},
  "unstable node": {symbol: "circle", color: "#d73027", filled: false},
  "unstable focus": {symbol: "diamond2", color: "#d73027", filled: false},
  saddle: {symbol: "times", color: "#7b3294", filled: false},
  "saddle-node": {symbol: "triangle2", color: "#e08214", filled: true},
  center: {symbol: "square2", color: "#2166ac", filled: false}
};

const SYMBOLS: Record<string, SymbolType> = {
  circle: symbolCircle,
  diamond2: symbolDiamond2,
  times: symbolTimes,
  triangle2: symbolTriangle2,
  square2: symbolSquare2
};

/** Path data of each symbol: for the chart (area 110 px²) and the legend (64 px²). */
const SYMBOL_PATHS_CHART = Object.fromEntries(
  Object.entries(SYMBOLS).map(([k, type]) => [k, symbol(type, 110)() ?? ""])
);
const SYMBOL_PATHS = Object.fromEntries(Object.entries(SYMBOLS).map(([k, type]) => [k, symbol(type, 64)() ?? ""]));

export interface PhasePlaneOptions extends FigureOptions {
  /** Width in pixels. */
  width: number;
  /** Height in pixels; default min(width, 480) × 0.8. */
  height?: number;
  /** The model's parameters (a, b for the u-nullcline; c for the reset line). */
  params: {a: number; b: number; c: number; d: number};
  /** The equation variant, as for the library (default standard). */
  equation?: {e?: number; f?: number; g?: number; u?: "standard" | "accommodation"};
  /** The current for which the nullclines and equilibria are drawn. */
  I: number;
  /** The time (ms) I is taken at, for the caption; null if I is not from the run. */
  tI?: number | null;
  /** Whether tI is the end of the run (for the caption). */
  atEnd?: boolean;
  /** The equilibria at this I (from the library's `equilibria`). */
  equilibria: EquilibriumPoint[];
  /** Spike apex / cut-off (mV); default 30. */
  vPeak?: number;
  /** Minimum pixel distance between drawn trajectory points; default 1.5. */
  tolerance?: number;
  /** A fixed extent (mV; units of I), e.g. one shared by several planes; default from the run (phaseDomain). */
  vDomain?: [number, number];
  uDomain?: [number, number];
}

/** The plane's figure; `update` takes the same arguments as {@link PhasePlane}. */
export type PhasePlaneElement = HTMLElement & {
  update: (trace: Pick<TimeSeries, "v" | "u">, options: PhasePlaneOptions) => void;
};

/** Margins of the phase plane. */
export const MARGINS = {marginLeft: 52, marginRight: 14, marginTop: 24, marginBottom: 36};

/** Whether a chart was given a whole run (t, v, u, I, spikes), whose data it can offer for download. */
function isRun(trace: object): trace is TraceData {
  return ["t", "v", "u", "I", "spikes"].every((k) => k in trace);
}

/**
 * The phase plane of a run, with nullclines, equilibria, trajectory, reset jumps and the reset line. The figure's
 * `update(trace, options)` redraws it in place (a slider step moves paths instead of making a new chart); the
 * nullclines are recomputed only when what they depend on changed.
 */
export function PhasePlane(trace: Pick<TimeSeries, "v" | "u">, options: PhasePlaneOptions): PhasePlaneElement {
  const svg = plotSvg(document);
  let scales = frameScales({...MARGINS, width: 1, height: 1}, [0, 1], [0, 1]);
  exposeScales(svg, () => scales);
  const axes = new Axes(document, {xLabel: "v (mV)", yLabel: "u (same units as I)"});
  const resetRule = new Rule(document, "x", {stroke: COLORS.reset, strokeDasharray: "5,4"});
  const resetLabel = svgElement(document, "text", {fill: "#666", "text-anchor": "start", dy: "0.71em"});
  resetLabel.textContent = "v = c";
  const peakRule = new Rule(document, "x", {stroke: "#bbb", strokeDasharray: "2,3"});
  const vNull = new Polyline(document, {stroke: COLORS.vNullcline, strokeWidth: 2, ariaLabel: "v-nullcline"});
  const uNull = new Polyline(document, {stroke: COLORS.uNullcline, strokeWidth: 2, ariaLabel: "u-nullcline"});
  const uNullRule = new Rule(document, "x", {stroke: COLORS.uNullcline, strokeWidth: 2});
  const jumps = new Polyline(document, {
    stroke: COLORS.jump,
    strokeWidth: 1,
    strokeOpacity: 0.5,
    strokeDasharray: "3,3",
    ariaLabel: "reset jumps"
  });
  const trajectory = new Polyline(document, {stroke: COLORS.trajectory, strokeWidth: 1.1, ariaLabel: "trajectory"});
  let equilibriaG: SVGElement = svgElement(document, "g");
  // The equilibria's symbols are made anew only when they or the plane's scales change (not at every step of a run).
  const equilibriaMemo = new Memo<SVGElement>();
  const nullclineMemo = new Memo<ReturnType<typeof computeNullclines>>();
  const fig = figure(svg, {className: "phase-plane"}) as PhasePlaneElement;
  let legend: HTMLElement | null = null;
  let legendKey = "";

  const draw = (trace: Pick<TimeSeries, "v" | "u">, options: PhasePlaneOptions) => {
    const {
      width,
      height = Math.round(Math.min(width, 480) * 0.8),
      params,
      equation,
      I,
      tI = null,
      atEnd = false,
      equilibria,
      vPeak = 30,
      tolerance = 1.5,
      title = "Phase plane (v, u)",
      caption,
      ariaLabel,
      ariaDescription
    } = options;
    const own = phaseDomain(trace, params, equilibria, vPeak);
    const vDomain = options.vDomain ?? own.vDomain;
    const uDomain = options.uDomain ?? own.uDomain;
    const frame: Frame = {...MARGINS, width, height};
    const {x, y} = (scales = frameScales(frame, vDomain, uDomain));
    sizeSvg(svg, frame);
    axes.update(x, y, frame);
    resetRule.update(params.c, x, y, frame);
    const cx = x(params.c);
    const labelled = cx >= MARGINS.marginLeft && cx <= width - MARGINS.marginRight;
    if (labelled) {
      attr(resetLabel, "x", String(Math.round((cx + 4) * 10) / 10));
      attr(resetLabel, "y", String(MARGINS.marginTop + 2));
    }
    peakRule.update(vPeak, x, y, frame);
    // Nullclines on the visible v range.
    const eq = [equation?.e, equation?.f, equation?.g, equation?.u];
    const nc = nullclineMemo.get([params.a, params.b, ...eq, I, vDomain[0], vDomain[1]], () =>
      computeNullclines(params, I, {vMin: vDomain[0], vMax: vDomain[1], n: 161, equation})
    );
    vNull.update(nc.v, nc.vNullcline, nc.v.length, x, y, frame);
    if (nc.uNullcline) uNull.update(nc.v, nc.uNullcline, nc.v.length, x, y, frame);
    uNullRule.update(nc.uNullcline ? null : nc.uNullclineV, x, y, frame);
    const {X, Y, JX, JY} = trajectoryPath(trace, own.breaks, {
      width,
      height,
      vDomain,
      uDomain,
      tolerance,
      params,
      vPeak
    });
    jumps.update(JX, JY, JX.length, x, y, frame);
    trajectory.update(X, Y, X.length, x, y, frame);
    const eqKey = equilibria.map((e) => `${e.type}:${e.v}:${e.u}`).join(";");
    const eqG = equilibriaMemo.get(
      [eqKey, width, height, ...vDomain, ...uDomain],
      () => equilibriumMark(equilibria)(null, {x, y}, null, frame, {document}) as SVGElement
    );
    if (eqG !== equilibriaG) {
      equilibriaG.remove();
      equilibriaG = eqG;
    }
    syncLayers(
      svg,
      [
        [axes.g, true],
        [resetRule.g, true],
        [resetLabel, labelled],
        [peakRule.g, true],
        [vNull.el, true],
        [uNull.el, nc.uNullcline !== null],
        [uNullRule.g, !nc.uNullcline && nc.uNullclineV !== null],
        [jumps.el, true],
        [trajectory.el, true],
        [equilibriaG, true]
      ],
      null
    );

    const hasU = nc.uNullcline !== null || nc.uNullclineV !== null;
    const key = JSON.stringify([[...new Set(equilibria.map((e) => e.type))], hasU]);
    if (key !== legendKey) {
      const next = phaseLegend(document, equilibria, hasU);
      if (legend) legend.replaceWith(next);
      else svg.before(next);
      [legend, legendKey] = [next, key];
    }
    const where =
      tI === null
        ? ""
        : atEnd
          ? ` (its value at t = ${fmt(tI)} ms, the end of the run)`
          : ` (its value at t = ${fmt(tI)} ms)`;
    const eqText = equilibria.length
      ? equilibria.map((e) => `${e.type} at v = ${fmt(e.v)} mV, u = ${fmt(e.u)}`).join("; ")
      : "no equilibrium: the nullclines do not cross, so the neuron cannot rest";
    // The run's data when the caller passed a whole run (t, v, u, I, spikes), not only v and u.
    if (options.download !== false)
      setChartDownload(fig, {...(isRun(trace) && runDownload(trace)), ...options.download});
    setFigure(fig, svg, {
      title,
      caption:
        caption ??
        `Nullclines for I = ${fmt(I)}${where}. Dashed lines are the reset jumps from the ${fmt(vPeak)} mV cut-off to v = c, u + d.`,
      ariaLabel:
        ariaLabel ??
        `Phase plane of u against v in mV, with nullclines for I = ${fmt(I)}, ${equilibria.length} equilibri${equilibria.length === 1 ? "um" : "a"} and ${own.breaks.length} reset jump${own.breaks.length === 1 ? "" : "s"}.`,
      ariaDescription: ariaDescription ?? `Equilibria: ${eqText}.`
    });
  };
  draw(trace, options);
  fig.update = draw;
  return fig;
}

/** The plane's extent and the samples where the run spiked (sample k holds the apex; k → k+1 is the reset). */
export interface PhaseDomain {
  vDomain: [number, number];
  uDomain: [number, number];
  breaks: number[];
}

/**
 * A reset jump of the hybrid system, for models whose cut-off or reset moves with u (the 2007 book's LTS and
 * TC cells): at the spike sample k the orbit reaches `from` (v, u before the reset) and continues from `to`.
 */
export interface Jump {
  k: number;
  from: [number, number];
  to: [number, number];
}

/**
 * Domain of the phase plane: the trajectory, the reset line, the equilibria and the spike cut-off, with some
 * room. Without `jumps`, a spike is a sample at or above vPeak and its jump goes from (vPeak, u − d) to (c, u).
 */
export function phaseDomain(
  trace: Pick<TimeSeries, "v" | "u">,
  params: {c: number; d: number},
  equilibria: EquilibriumPoint[],
  vPeak: number,
  jumps?: Jump[],
  extent?: TraceExtent
): PhaseDomain {
  let vMin = Math.min(params.c, vPeak - 1);
  let vMax = vPeak;
  let uMin = Infinity;
  let uMax = -Infinity;
  let breaks: number[] = []; // spikes: sample k holds the apex; k → k+1 is the reset jump
  if (!jumps) {
    // The trace's own extent, one pass over it (or prepared with the run, for the same d and vPeak).
    const own =
      extent && extent.d === params.d && extent.vPeak === vPeak ? extent : traceExtent(trace, params.d, vPeak);
    vMin = Math.min(vMin, own.vMin);
    [uMin, uMax] = [own.uMin, own.uMax];
    breaks = own.breaks.slice();
  } else {
    const {v, u} = trace;
    const n = Math.min(v.length, u.length);
    for (let i = 0; i < n; ++i) {
      if (v[i] < vMin) vMin = v[i];
      if (u[i] < uMin) uMin = u[i];
      if (u[i] > uMax) uMax = u[i];
    }
  }
  for (const j of jumps ?? []) {
    breaks.push(j.k);
    for (const [x, y] of [j.from, j.to]) {
      vMin = Math.min(vMin, x);
      vMax = Math.max(vMax, x);
      uMin = Math.min(uMin, y);
      uMax = Math.max(uMax, y);
    }
  }
  for (const e of equilibria) {
    if (e.v > vMax || e.v < vMin - 40) continue; // far-off equilibria (e.g. an upper saddle beyond the cut-off)
    vMin = Math.min(vMin, e.v);
    uMin = Math.min(uMin, e.u);
    uMax = Math.max(uMax, e.u);
  }
  if (!(uMin <= uMax)) {
    uMin = -20;
    uMax = 0;
  }
  const uPad = Math.max(1, (uMax - uMin) * 0.12);
  return {vDomain: [Math.floor(vMin - 5), vMax + 5], uDomain: [uMin - uPad, uMax + uPad], breaks};
}

/** The most points a drawn trajectory keeps: a denser one (a long noisy run) is decimated more coarsely. */
export const MAX_PATH_POINTS = 20_000;

/** Geometry of the drawn trajectory (see {@link trajectoryPath}). */
export interface TrajectoryPath {
  /** The trajectory's points (NaN between pieces), decimated to about a pixel. */
  X: Float64Array;
  Y: Float64Array;
  /** The sample of each point of X, Y (−1 for a gap or the apex point added before a reset). */
  sample: Int32Array;
  /** The reset jumps as one path: M (vPeak, u_k − d) L (c, u_k), NaN-separated. */
  JX: Float64Array;
  JY: Float64Array;
}

/**
 * The trajectory decimated to about a pixel, drawn once where it repeats itself, split at the spikes. A trace
 * stores, at the sample k of a spike, v = vPeak and the state after the reset (u already raised by d). This
 * draws the hybrid system's geometry: the orbit reaches (vPeak, u_k − d), jumps to (c, u_k), and goes on.
 */
export function trajectoryPath(
  trace: Pick<TimeSeries, "v" | "u">,
  breaks: number[],
  {
    width,
    height,
    vDomain,
    uDomain,
    tolerance,
    params,
    vPeak,
    jumps,
    subset
  }: {
    width: number;
    height: number;
    vDomain: [number, number];
    uDomain: [number, number];
    tolerance: number;
    params: {c: number; d: number};
    vPeak: number;
    jumps?: Jump[];
    /** The samples to decimate, sorted, with both ends of every break: the run's thinned path (runDisplay.ts). */
    subset?: Uint32Array;
  }
): TrajectoryPath {
  // The jump at each break: given, or the 2003 model's (vPeak, u − d) → (c, u).
  const jumpAt = new Map<number, Jump>();
  for (const k of breaks) jumpAt.set(k, {k, from: [vPeak, trace.u[k] - params.d], to: [params.c, trace.u[k]]});
  for (const j of jumps ?? []) jumpAt.set(j.k, j);
  const {v, u} = trace;
  const n = Math.min(v.length, u.length);
  const innerWidth = Math.max(1, width - MARGINS.marginLeft - MARGINS.marginRight);
  const innerHeight = Math.max(1, height - MARGINS.marginTop - MARGINS.marginBottom);
  const index = thinPath(
    v,
    u,
    breaks,
    {
      scaleX: innerWidth / (vDomain[1] - vDomain[0]),
      scaleY: innerHeight / (uDomain[1] - uDomain[0]),
      tolerance,
      overdraw: true,
      bounds: [vDomain[0], vDomain[1], uDomain[0], uDomain[1]]
    },
    {subset, maxPoints: MAX_PATH_POINTS}
  );
  const size = index.length + breaks.length;
  const X = new Float64Array(size);
  const Y = new Float64Array(size);
  const sample = new Int32Array(size);
  let m = 0;
  let pendingReset = -1;
  // One point of the path: its v, u and the sample it came from (-1 for a gap).
  const put = (x: number, y: number, s: number) => {
    X[m] = x;
    Y[m] = y;
    sample[m++] = s;
  };
  for (let j = 0; j < index.length; ++j) {
    const i = index[j];
    if (i === PATH_GAP) {
      put(NaN, NaN, -1);
      if (pendingReset >= 0) {
        const to = jumpAt.get(pendingReset)!.to;
        put(to[0], to[1], pendingReset + 1);
        pendingReset = -1;
      }
    } else if (jumpAt.has(i) && i + 1 < n) {
      const from = jumpAt.get(i)!.from;
      put(from[0], from[1], i);
      pendingReset = i;
    } else put(v[i], u[i], i);
  }
  const JX = new Float64Array(3 * breaks.length);
  const JY = new Float64Array(3 * breaks.length);
  breaks.forEach((k, j) => {
    const {from, to} = jumpAt.get(k)!;
    JX[3 * j] = from[0];
    JY[3 * j] = from[1];
    JX[3 * j + 1] = to[0];
    JY[3 * j + 1] = to[1];
    JX[3 * j + 2] = NaN;
    JY[3 * j + 2] = NaN;
  });
  return {X: X.subarray(0, m), Y: Y.subarray(0, m), sample: sample.subarray(0, m), JX, JY};
}

/**
 * A Plot mark (render function) drawing the equilibria with their type's symbol; clipped to the frame. With
 * `focusable`, each symbol is a keyboard stop (tabindex 0) labelled by `label(e)`, with `data-index` = its
 * index in `equilibria` (the interactive phase plane shows a tooltip on hover and focus).
 */
export function equilibriumMark<E extends EquilibriumPoint>(
  equilibria: E[],
  focusable?: {label: (e: E) => string}
): RenderMark<{x?: (v: number) => number | undefined; y?: (u: number) => number | undefined}> {
  return (_index, scales, _values, dimensions, context) => {
    const g = context.document.createElementNS("http://www.w3.org/2000/svg", "g");
    g.setAttribute("aria-label", "equilibria");
    for (const [index, e] of equilibria.entries()) {
      const x = scales.x?.(e.v);
      const y = scales.y?.(e.u);
      if (x === undefined || y === undefined || !(x >= 0 && x <= dimensions.width && y >= 0 && y <= dimensions.height))
        continue;
      const style = EQUILIBRIUM_STYLES[e.type];
      const path = context.document.createElementNS("http://www.w3.org/2000/svg", "path");
      path.setAttribute("d", SYMBOL_PATHS_CHART[style.symbol]);
      path.setAttribute("transform", `translate(${Math.round(x * 100) / 100},${Math.round(y * 100) / 100})`);
      path.setAttribute("fill", style.filled ? style.color : "white");
      path.setAttribute("stroke", style.color);
      path.setAttribute("stroke-width", "2");
      if (focusable) {
        path.setAttribute("tabindex", "0");
        path.setAttribute("role", "button");
        path.setAttribute("class", "equilibrium");
        path.setAttribute("data-index", String(index));
        path.setAttribute("aria-label", focusable.label(e));
      } else {
        const title = context.document.createElementNS("http://www.w3.org/2000/svg", "title");
        title.textContent = `${e.type}: v = ${fmt(e.v)} mV, u = ${fmt(e.u)}`;
        path.append(title);
      }
      g.append(path);
    }
    return g;
  };
}

/** A line of the legend besides the standard ones: label, colour, dashes and width. */
export interface LegendLine {
  label: string;
  color: string;
  dash?: string;
}

/** The legend of the phase plane: the lines (with `extra` lines after the trajectory's), then one swatch per equilibrium type present. */
export function phaseLegend(
  document: Document,
  equilibria: EquilibriumPoint[],
  hasUNullcline: boolean,
  extra: LegendLine[] = [],
  {resetLine = true}: {resetLine?: boolean} = {}
): HTMLElement {
  const SVG = "http://www.w3.org/2000/svg";
  const list = document.createElement("ul");
  list.className = "chart-legend";
  const item = (label: string, swatch: SVGElement, width: number, height: number) => {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(height));
    svg.setAttribute("viewBox", `${-width / 2} ${-height / 2} ${width} ${height}`);
    svg.setAttribute("aria-hidden", "true");
    svg.append(swatch);
    const li = document.createElement("li");
    li.append(svg, label);
    list.append(li);
  };
  const line = (label: string, color: string, dash?: string) => {
    const l = document.createElementNS(SVG, "line");
    for (const [k, v] of [
      ["x1", "-10"],
      ["x2", "10"],
      ["stroke", color],
      ["stroke-width", "2"]
    ])
      l.setAttribute(k, v);
    if (dash) l.setAttribute("stroke-dasharray", dash);
    item(label, l, 22, 10);
  };
  line("trajectory", COLORS.trajectory);
  line("reset jump", COLORS.jump, "3,3");
  for (const x of extra) line(x.label, x.color, x.dash);
  line("v-nullcline (v′ = 0)", COLORS.vNullcline);
  if (hasUNullcline) line("u-nullcline (u′ = 0)", COLORS.uNullcline);
  if (resetLine) line("reset line v = c", COLORS.reset, "5,4");
  const seen = new Set<EquilibriumType>();
  for (const e of equilibria) {
    if (seen.has(e.type)) continue;
    seen.add(e.type);
    const style = EQUILIBRIUM_STYLES[e.type];
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", SYMBOL_PATHS[style.symbol]);
    path.setAttribute("stroke", style.color);
    path.setAttribute("stroke-width", "2");
    path.setAttribute("fill", style.filled ? style.color : "white");
    item(e.type, path, 22, 16);
  }
  return list;
}
