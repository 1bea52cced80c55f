/**
 * Shared pieces of the explorer's charts: the layout of the time charts (so v, u and I share one x axis),
 * the decimated columns they draw, number formatting, and the figure that wraps each chart with a title,
 * a caption and a text alternative.
 */
import {decimateMinMax} from "../lib/decimate.js";

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
  for (let i = 0; i < index.length; ++i) (X[i] = t[index[i]]), (Y[i] = y[index[i]]);
  return {X, Y};
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
}

/**
 * Wraps a chart in a figure: an h3 title, optional legend, the graphic, and a caption. The graphic gets
 * role="img" and the aria-label, and the figure is labelled by its title.
 */
export function figure(
  graphic: Element,
  {title, caption, ariaLabel, ariaDescription, legend, className}: FigureOptions & {legend?: Element | null; className?: string}
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
  return fig;
}
