/**
 * Shared pieces of the explorer's charts: the layout of the time charts (so v, u and I share one x axis),
 * the decimated columns they draw, number formatting, and the figure that wraps each chart with a title,
 * a caption and a text alternative.
 */
import {decimateMinMax} from "../../lib/decimate.js";
import {setChartDownload, type ChartDownload} from "./chartDownload.js";
import {fittingTickFormat} from "./retained.js";
import {addPoint, beginPath, linearPathData, pathText} from "./pathText.js";

/** Margins of the time charts: identical, so v(t), u(t) and I(t) line up on a shared time axis. */
export const TIME_MARGINS = {marginLeft: 52, marginRight: 14, marginTop: 24, marginBottom: 34} as const;

/** Colours of the series (readable on white; distinct for common colour-vision deficiencies). */
export const COLORS = {
  v: "#1f5fa8",
  u: "#b35806",
  I: "#2d7d46",
  vNullcline: "#d95f02",
  uNullcline: "#7570b3",
  reset: "#888",
  trajectory: "#1f5fa8",
  jump: "#1f5fa8"
} as const;

/** The time extent of a run: [0, max(duration, last sample)]. */
export function timeDomain(t: ArrayLike<number>, duration = 0): [number, number] {
  const last = t.length ? t[t.length - 1] : 0;
  return [0, Math.max(duration, last) || 1];
}

/** Number of pixel columns in a time chart of this width. */
export function plotColumns(width: number, margins: {marginLeft: number; marginRight: number} = TIME_MARGINS): number {
  return Math.max(1, Math.round(width - margins.marginLeft - margins.marginRight));
}

/** The samples of y(t) worth drawing at this many pixel columns (min/max per column), as two columns. */
export function decimated(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  columns: number,
  domain: [number, number]
): {X: Float64Array; Y: Float64Array} {
  const index = decimateMinMax(t, y, {columns, x0: domain[0], x1: domain[1]});
  const X = new Float64Array(index.length);
  const Y = new Float64Array(index.length);
  for (let i = 0; i < index.length; ++i) {
    X[i] = t[index[i]];
    Y[i] = y[index[i]];
  }
  return {X, Y};
}

/** Style of a {@link pathMark}. */
export interface PathStyle {
  stroke: string;
  strokeWidth?: number;
  strokeOpacity?: number;
  strokeDasharray?: string;
  /** aria-label of the path's group, as Plot's marks have ("line"). */
  ariaLabel?: string;
  /** Clip the path to the plot's frame (with a nested svg viewport, so no ids are needed). */
  clip?: boolean;
}

interface Dimensions {
  width: number;
  height: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
}

type Scale = (value: number) => number | undefined;

/** A custom Plot mark (a render function) that reads the scales `S` and the chart's dimensions. */
export type RenderMark<S> = (
  index: unknown,
  scales: S,
  values: unknown,
  dimensions: Dimensions,
  context: {document: Document}
) => SVGElement;

/**
 * A Plot mark (a render function) that draws the polyline (X[i], Y[i]) as one SVG path, building the path
 * string directly from the typed columns. Plot's line mark does the same drawing at several times the cost
 * (it materialises channels and scales each point through generic machinery), which matters when every
 * slider step redraws four charts. NaN points interrupt the line. The mark does not take part in the scales'
 * domains: give the chart explicit domains (or other marks that cover the data).
 */
export function pathMark(
  X: ArrayLike<number>,
  Y: ArrayLike<number>,
  style: PathStyle
): RenderMark<{x?: Scale; y?: Scale}> {
  return (_index, scales, _values, dimensions, context) => {
    const {x, y} = scales;
    const document = context.document;
    let g: SVGElement = document.createElementNS("http://www.w3.org/2000/svg", "g");
    if (style.clip) {
      const {width, height, marginTop, marginRight, marginBottom, marginLeft} = dimensions;
      const w = Math.max(0, width - marginLeft - marginRight);
      const h = Math.max(0, height - marginTop - marginBottom);
      g = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      g.setAttribute("x", String(marginLeft));
      g.setAttribute("y", String(marginTop));
      g.setAttribute("width", String(w));
      g.setAttribute("height", String(h));
      g.setAttribute("viewBox", `${marginLeft} ${marginTop} ${w} ${h}`);
      g.setAttribute("overflow", "hidden");
    }
    g.setAttribute("aria-label", style.ariaLabel ?? "line");
    if (!x || !y) return g;
    const d = pathData(X, Y, x, y);
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", d);
    path.setAttribute("transform", "scale(0.1)");
    path.setAttribute("vector-effect", "non-scaling-stroke");
    path.setAttribute("fill", "none");
    path.setAttribute("stroke", style.stroke);
    path.setAttribute("stroke-width", String(style.strokeWidth ?? 1.25));
    path.setAttribute("stroke-linejoin", "round");
    path.setAttribute("stroke-linecap", "round");
    if (style.strokeOpacity !== undefined) path.setAttribute("stroke-opacity", String(style.strokeOpacity));
    if (style.strokeDasharray) path.setAttribute("stroke-dasharray", style.strokeDasharray);
    g.append(path);
    return g;
  };
}

/** A linear scale as y = k·x + b, if `scale` is one (checked on two values), else null. */
function linearOf(
  scale: Scale & {type?: string; domain?: () => number[]; range?: () => number[]}
): [number, number] | null {
  if (scale.type !== "linear" || typeof scale.domain !== "function" || typeof scale.range !== "function") return null;
  const [d0, d1] = scale.domain();
  const [r0, r1] = scale.range();
  if (!(d1 !== d0) || !isFinite(d0) || !isFinite(d1) || !isFinite(r0) || !isFinite(r1)) return null;
  const k = (r1 - r0) / (d1 - d0);
  const b = r0 - k * d0;
  for (const probe of [d0, (d0 + d1) / 2 + 0.123])
    if (Math.abs(k * probe + b - (scale(probe) as number)) > 1e-6) return null;
  return [k, b];
}

/** The SVG path data of the polyline in tenths of a pixel (see pathText.ts). NaN points start a new subpath. */
function pathData(X: ArrayLike<number>, Y: ArrayLike<number>, x: Scale, y: Scale): string {
  const lx = linearOf(x);
  const ly = linearOf(y);
  const n = Math.min(X.length, Y.length);
  if (lx && ly) return linearPathData(X, Y, n, lx[0], lx[1], ly[0], ly[1]);
  beginPath(n);
  let pen = false;
  for (let i = 0; i < n; ++i) {
    const px = lx ? lx[0] * X[i] + lx[1] : x(X[i]);
    const py = ly ? ly[0] * Y[i] + ly[1] : y(Y[i]);
    if (px === undefined || py === undefined || px - px !== 0 || py - py !== 0) {
      pen = false;
      continue;
    }
    addPoint(pen, px, py);
    pen = true;
  }
  return pathText();
}

/** Options of {@link axesMark}. */
export interface AxesOptions {
  /** Label of the x axis, drawn at the bottom right with an arrow ("t (ms) →"). */
  xLabel: string;
  /** Label of the y axis, drawn at the top left with an arrow ("↑ v (mV)"). */
  yLabel: string;
  /** Horizontal grid lines at the y ticks; default true. */
  grid?: boolean;
}

/**
 * Axes as one Plot mark (a render function): tick marks and grid as two paths, and one text per tick
 * label, placed as Plot's own axes place them. Plot's axis marks cost several times more (each is a full
 * mark with channels), which matters when four charts redraw on every slider step. Ticks and their format
 * come from the chart's scales, as in Plot (about one x tick per 80 px and one y tick per 35 px).
 */
export function axesMark({xLabel, yLabel, grid = true}: AxesOptions): RenderMark<{x?: TickScale; y?: TickScale}> {
  return (_index, scales, _values, dimensions, context) => {
    const document = context.document;
    const SVG = "http://www.w3.org/2000/svg";
    const {width, height, marginTop, marginRight, marginBottom, marginLeft} = dimensions;
    const g = document.createElementNS(SVG, "g");
    g.setAttribute("aria-hidden", "true");
    g.setAttribute("class", "axes");
    g.setAttribute("font-variant", "tabular-nums");
    const text = (x: number, y: number, content: string, anchor: string, dy = "0") => {
      const t = document.createElementNS(SVG, "text");
      t.setAttribute("x", String(Math.round(x * 10) / 10));
      t.setAttribute("y", String(Math.round(y * 10) / 10));
      if (dy !== "0") t.setAttribute("dy", dy);
      t.setAttribute("text-anchor", anchor);
      t.textContent = content;
      g.append(t);
    };
    let ticks = "";
    let lines = "";
    const bottom = height - marginBottom;
    const {x, y} = scales;
    if (x?.ticks) {
      const n = Math.max(2, Math.round((width - marginLeft - marginRight) / 80));
      const format = x.tickFormat?.(n) ?? String;
      for (const tick of x.ticks(n)) {
        const px = Math.round((x(tick) ?? NaN) * 10) / 10;
        if (px !== px) continue;
        ticks += `M${px},${bottom}v6`;
        text(px, bottom + 9, format(tick), "middle", "0.71em");
      }
      text(width - marginRight, height - 3, `${xLabel} →`, "end");
    }
    if (y?.ticks) {
      const n = Math.max(2, Math.round((height - marginTop - marginBottom) / 35));
      const yTicks = y.ticks(n);
      // A label wider than the margin would be cut off (its minus sign first): shorten it instead.
      const format = fittingTickFormat(yTicks, y.tickFormat?.(n) ?? String, marginLeft - 12);
      for (const tick of yTicks) {
        const py = Math.round((y(tick) ?? NaN) * 10) / 10;
        if (py !== py) continue;
        ticks += `M${marginLeft},${py}h-6`;
        if (grid) lines += `M${marginLeft},${py}H${width - marginRight}`;
        text(marginLeft - 9, py, format(tick), "end", "0.32em");
      }
      text(Math.max(3, marginLeft - 46), marginTop - 11, `↑ ${yLabel}`, "start");
    }
    const path = (d: string, opacity: string) => {
      const p = document.createElementNS(SVG, "path");
      p.setAttribute("d", d);
      p.setAttribute("stroke", "currentColor");
      p.setAttribute("stroke-opacity", opacity);
      p.setAttribute("fill", "none");
      g.prepend(p);
    };
    if (ticks) path(ticks, "1");
    if (lines) path(lines, "0.1");
    return g;
  };
}

type TickScale = Scale & {ticks?: (n: number) => number[]; tickFormat?: (n: number) => (x: number) => string};

/** The extent [min, max] of a column, ignoring NaN; [lo, hi] if it has no number. */
export function extentOf(Y: ArrayLike<number>, lo = 0, hi = 1): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < Y.length; ++i) {
    const y = Y[i];
    if (y < min) min = y;
    if (y > max) max = y;
  }
  return min <= max ? [min, max] : [lo, hi];
}

/** A number for people: up to `digits` significant digits, a true minus sign, no "-0". */
export function fmt(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "—";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  const r = +x.toPrecision(digits);
  return (r === 0 ? "0" : String(r)).replace("-", "−");
}

/** Options every chart component accepts, besides its own. */
export interface FigureOptions {
  /** Title shown above the chart (an h3). */
  title?: string;
  /** Caption shown below the chart. */
  caption?: string;
  /** Text alternative for screen readers (aria-label of the figure's graphic). */
  ariaLabel?: string;
  /** A longer text alternative (aria-description of the graphic). */
  ariaDescription?: string;
  /**
   * What the chart's "Download" menu offers besides SVG and PNG (CSV, JSON, a description of what it shows);
   * `false` for no menu (a chart inside another chart's figure).
   */
  download?: ChartDownload | false;
}

/**
 * Wraps a chart in a figure: an h3 title, optional legend, the graphic, and a caption. The graphic gets
 * role="img" and the aria-label, and the figure is labelled by its title.
 */
export function figure(
  graphic: Element,
  {
    title,
    caption,
    ariaLabel,
    ariaDescription,
    legend,
    className,
    download
  }: FigureOptions & {legend?: Element | null; className?: string}
): HTMLElement {
  const document = graphic.ownerDocument;
  const fig = document.createElement("figure");
  fig.className = `explorer-chart${className ? ` ${className}` : ""}`;
  if (title) {
    const h = document.createElement("h3");
    h.textContent = title;
    fig.append(h);
  }
  if (legend) fig.append(legend);
  graphic.setAttribute("role", "img");
  if (ariaLabel) graphic.setAttribute("aria-label", ariaLabel);
  if (ariaDescription) graphic.setAttribute("aria-description", ariaDescription);
  fig.append(graphic);
  if (caption) {
    const c = document.createElement("figcaption");
    c.textContent = caption;
    fig.append(c);
  }
  if (download !== false) setChartDownload(fig, download);
  return fig;
}

/** One v(t) line for {@link voltagePlot}: a run's samples, its colour and the path's aria-label. */
export interface VoltageLine {
  t: ArrayLike<number>;
  v: ArrayLike<number>;
  color: string;
  ariaLabel: string;
  /** Width, opacity or dashes of this line (Plot's defaults otherwise), e.g. for an overlay. */
  style?: Pick<PathStyle, "strokeWidth" | "strokeOpacity" | "strokeDasharray">;
}

/** Options of {@link voltagePlot}. */
export interface VoltagePlotOptions {
  width: number;
  height: number;
  /** The shared time axis (ms). */
  xDomain: [number, number];
  /** The v range (mV). */
  yDomain: [number, number];
  /** Draw the cut-off (mV) as a dotted line; none by default. */
  vPeak?: number;
}

/** A legend swatch: a short line in `color` (dashed with `dash`), hidden from screen readers. */
export function swatch(document: Document, color: string, dash = ""): SVGSVGElement {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", "22");
  svg.setAttribute("height", "10");
  svg.setAttribute("aria-hidden", "true");
  const line = document.createElementNS("http://www.w3.org/2000/svg", "line");
  for (const [k, v] of [
    ["x1", "1"],
    ["x2", "21"],
    ["y1", "5"],
    ["y2", "5"],
    ["stroke", color],
    ["stroke-width", "3"]
  ])
    line.setAttribute(k, v);
  if (dash) line.setAttribute("stroke-dasharray", dash);
  svg.append(line);
  return svg;
}

/** A legend: one swatch (a coloured, optionally dashed line) and label per series, as an ul.chart-legend. */
export function seriesLegend(document: Document, items: {label: string; color: string; dash?: string}[]): HTMLElement {
  const list = document.createElement("ul");
  list.className = "chart-legend";
  for (const {label, color, dash} of items) {
    const li = document.createElement("li");
    li.append(swatch(document, color, dash), label);
    list.append(li);
  }
  return list;
}
