/**
 * Retained SVG pieces for charts that update in place: an svg that looks like Plot's, axes whose tick labels
 * are reused, clipped polylines, rules and reusable decimation buffers. Each piece owns its elements and
 * changes only the attributes whose values changed, so a slider step costs Chromium a repaint of what moved
 * instead of a new chart. Building a piece and updating it give the same DOM as building it from the new data.
 */
import {format, formatPrefix, precisionPrefix} from "d3-format";
import {scaleLinear, type ScaleLinear} from "d3-scale";
import {decimateMinMax} from "../../lib/decimate.js";
import {linearPathData} from "./pathText.js";

const SVG = "http://www.w3.org/2000/svg";

/** The chart's size and margins (px). */
export interface Frame {
  width: number;
  height: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
}

/** A linear scale as the charts use it (d3's). */
export type Linear = ScaleLinear<number, number>;

/** Plot's class and stylesheet, so a retained chart looks and sizes like the Plot charts beside it. */
const PLOT_CLASS = "plot-d6a7b5";
const PLOT_STYLE = `:where(.${PLOT_CLASS}) {
  --plot-background: white;
  display: block;
  height: auto;
  height: intrinsic;
  max-width: 100%;
}
:where(.${PLOT_CLASS} text),
:where(.${PLOT_CLASS} tspan) {
  white-space: pre;
}`;

/** Sets an attribute only when its value changes (a write of the same value still invalidates style). */
export function attr(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Sets the text of an element only when it changes. */
export function text(el: Element, value: string): void {
  if (el.textContent !== value) el.textContent = value;
}

/** An SVG element with attributes. */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  document: Document,
  tag: K,
  attributes: Record<string, string> = {}
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  return el;
}

/** An empty svg with Plot's attributes and stylesheet. */
export function plotSvg(document: Document): SVGSVGElement {
  const svg = svgElement(document, "svg", {
    class: PLOT_CLASS,
    fill: "currentColor",
    "font-family": "system-ui, sans-serif",
    "font-size": "10",
    "text-anchor": "middle"
  });
  const style = svgElement(document, "style");
  style.textContent = PLOT_STYLE;
  svg.append(style);
  return svg;
}

/** Sizes an svg made by {@link plotSvg}. */
export function sizeSvg(svg: SVGSVGElement, {width, height}: Frame): void {
  attr(svg, "width", String(width));
  attr(svg, "height", String(height));
  attr(svg, "viewBox", `0 0 ${width} ${height}`);
}

/** The scales of a frame: x from the left margin to the right one, y upwards. */
export function frameScales(
  frame: Frame,
  xDomain: [number, number],
  yDomain: [number, number],
  {niceY = false}: {niceY?: boolean} = {}
): {x: Linear; y: Linear} {
  const x = scaleLinear()
    .domain(xDomain)
    .range([frame.marginLeft, frame.width - frame.marginRight]);
  const y = scaleLinear()
    .domain(yDomain)
    .range([frame.height - frame.marginBottom, frame.marginTop]);
  if (niceY) y.nice();
  return {x, y};
}

/**
 * Gives an svg the `scale(name)` method of Plot's charts ({type, domain, range, apply, invert}), reading the
 * scales current at the call, so code linked to a chart keeps working after it updates.
 */
export function exposeScales(svg: SVGSVGElement, current: () => {x: Linear; y: Linear}): void {
  (svg as SVGSVGElement & {scale: (name: string) => unknown}).scale = (name: string) => {
    const s = name === "x" ? current().x : name === "y" ? current().y : undefined;
    if (!s) return undefined;
    return {
      type: "linear",
      domain: s.domain(),
      range: s.range(),
      apply: (v: number) => s(v),
      invert: (p: number) => s.invert(p)
    };
  };
}

/** Approximate width (px) of a tick label at 10 px (digits and signs ≈ 0.6 em, separators ≈ 0.3 em). */
export function labelWidth(label: string, fontSize = 10): number {
  let em = 0;
  for (const ch of label) em += ch === "," || ch === "." || ch === " " ? 0.3 : 0.6;
  return em * fontSize;
}

/**
 * The format of the y tick labels that fits the left margin: d3's (a true minus sign, thousands separators),
 * or, when a label would be wider than `room` px, SI-prefixed ("−200k", as Plot's compact axes) for large
 * numbers and scientific notation as a last resort. Only labels ≥ 1000 in size are ever shortened.
 */
export function fittingTickFormat(ticks: number[], usual: (x: number) => string, room: number): (x: number) => string {
  const fits = (f: (x: number) => string) => ticks.every((t) => labelWidth(f(t)) <= room);
  if (fits(usual)) return usual;
  let max = 0;
  for (const t of ticks) max = Math.max(max, Math.abs(t));
  if (max >= 1000) {
    const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : max;
    const si = formatPrefix(`,.${precisionPrefix(step, max)}`, max);
    const prefix = (x: number) => (x === 0 ? "0" : si(x)); // "0", not "0k"
    if (fits(prefix)) return prefix;
    return format(".2~e");
  }
  return usual;
}

/** Options of {@link Axes}. */
export interface AxesLabels {
  /** Label of the x axis, drawn at the bottom right with an arrow ("t (ms) →"). */
  xLabel: string;
  /** Label of the y axis, drawn at the top left with an arrow ("↑ v (mV)"). */
  yLabel: string;
  /** Horizontal grid lines at the y ticks; default true. */
  grid?: boolean;
  /** x ticks at whole numbers only (a count such as "ISI number n"); default false. */
  xIntegers?: boolean;
}

/** A tick label: its element and the values last written. */
interface Label {
  el: SVGTextElement;
}

/**
 * Axes as one group: the grid and the tick marks as two paths, one text per tick label, the axis labels.
 * About one x tick per 80 px and one y tick per 35 px, as Plot places them. Tick labels are reused; only a
 * change in their number adds or removes texts.
 */
export class Axes {
  readonly g: SVGGElement;
  private readonly grid: SVGPathElement | null;
  private readonly ticks: SVGPathElement;
  private readonly xTitle: SVGTextElement;
  private readonly yTitle: SVGTextElement;
  private readonly xTexts: Label[] = [];
  private readonly yTexts: Label[] = [];
  private readonly xIntegers: boolean;

  constructor(
    private readonly document: Document,
    labels: AxesLabels
  ) {
    this.xIntegers = labels.xIntegers ?? false;
    this.g = svgElement(document, "g", {"aria-hidden": "true", class: "axes", "font-variant": "tabular-nums"});
    const path = (opacity: string) =>
      svgElement(document, "path", {stroke: "currentColor", "stroke-opacity": opacity, fill: "none"});
    this.grid = labels.grid === false ? null : path("0.1");
    this.ticks = path("1");
    if (this.grid) this.g.append(this.grid);
    this.xTitle = svgElement(document, "text", {"text-anchor": "end"});
    this.xTitle.textContent = `${labels.xLabel} →`;
    this.yTitle = svgElement(document, "text", {"text-anchor": "start"});
    this.yTitle.textContent = `↑ ${labels.yLabel}`;
    this.g.append(this.ticks, this.xTitle, this.yTitle);
  }

  /** Redraws the axes for these scales. */
  update(x: Linear, y: Linear, frame: Frame): void {
    const {width, height, marginTop, marginRight, marginBottom, marginLeft} = frame;
    const bottom = height - marginBottom;
    let ticks = "";
    let lines = "";
    const nx = Math.max(2, Math.round((width - marginLeft - marginRight) / 80));
    const xTicks = x.ticks(nx).filter((t) => x(t) === x(t) && (!this.xIntegers || Number.isInteger(t)));
    const xFormat = x.tickFormat(nx);
    this.resize(this.xTexts, xTicks.length, this.xTitle, "middle", "0.71em");
    xTicks.forEach((tick, i) => {
      const px = round1(x(tick));
      ticks += `M${px},${bottom}v6`;
      const label = xFormat(tick);
      // A label centred at the right edge ("10,000" at the end of a 10-s run) would be cut off: end it there.
      attr(this.xTexts[i].el, "text-anchor", px + X_LABEL_HALF_CHAR * label.length > width ? "end" : "middle");
      place(this.xTexts[i].el, px, bottom + 9, label);
    });
    place(this.xTitle, width - marginRight, height - 3, this.xTitle.textContent ?? "");
    const ny = Math.max(2, Math.round((height - marginTop - marginBottom) / 35));
    const yTicks = y.ticks(ny).filter((t) => y(t) === y(t));
    const yFormat = fittingTickFormat(yTicks, y.tickFormat(ny), marginLeft - 12);
    this.resize(this.yTexts, yTicks.length, this.yTitle, "end", "0.32em");
    yTicks.forEach((tick, i) => {
      const py = round1(y(tick));
      ticks += `M${marginLeft},${py}h-6`;
      if (this.grid) lines += `M${marginLeft},${py}H${width - marginRight}`;
      place(this.yTexts[i].el, marginLeft - 9, py, yFormat(tick));
    });
    place(this.yTitle, Math.max(3, marginLeft - 46), marginTop - 11, this.yTitle.textContent ?? "");
    attr(this.ticks, "d", ticks);
    if (this.grid) attr(this.grid, "d", lines);
  }

  /** Adds or removes tick labels (inserted before `before`) so there are `count`. */
  private resize(labels: Label[], count: number, before: Element, anchor: string, dy: string): void {
    while (labels.length > count) labels.pop()!.el.remove();
    while (labels.length < count) {
      const el = svgElement(this.document, "text", {dy, "text-anchor": anchor});
      this.g.insertBefore(el, before);
      labels.push({el});
    }
  }
}

/** Half the width of one character of a tick label (px, at the axes' 10-px font; digits and commas). */
const X_LABEL_HALF_CHAR = 3.2;

/** A pixel coordinate rounded to a tenth, as the charts write them. */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function place(el: SVGTextElement, x: number, y: number, content: string): void {
  attr(el, "x", String(round1(x)));
  attr(el, "y", String(round1(y)));
  text(el, content);
}

/** Style of a {@link Polyline}. */
export interface LineStyle {
  stroke: string;
  strokeWidth?: number;
  strokeOpacity?: number;
  strokeDasharray?: string;
  /** aria-label of the line's group ("line"). */
  ariaLabel?: string;
}

/**
 * A polyline clipped to the plot's frame (a nested svg viewport, so no ids are needed), its path in tenths of a
 * pixel drawn at scale(0.1) (integers are cheap to format and to parse). NaN points interrupt the line.
 */
export class Polyline {
  readonly el: SVGSVGElement;
  private readonly path: SVGPathElement;

  constructor(document: Document, style: LineStyle) {
    this.el = svgElement(document, "svg", {overflow: "hidden", "aria-label": style.ariaLabel ?? "line"});
    this.path = svgElement(document, "path", {
      transform: "scale(0.1)",
      "vector-effect": "non-scaling-stroke",
      fill: "none",
      stroke: style.stroke,
      "stroke-width": String(style.strokeWidth ?? 1.25),
      "stroke-linejoin": "round",
      "stroke-linecap": "round"
    });
    if (style.strokeOpacity !== undefined) this.path.setAttribute("stroke-opacity", String(style.strokeOpacity));
    if (style.strokeDasharray) this.path.setAttribute("stroke-dasharray", style.strokeDasharray);
    this.el.append(this.path);
  }

  /** Draws the first `n` points of (X, Y). */
  update(X: ArrayLike<number>, Y: ArrayLike<number>, n: number, x: Linear, y: Linear, frame: Frame): void {
    clipTo(this.el, frame);
    attr(this.path, "d", pathData(X, Y, n, x, y));
  }
}

/**
 * Circles at points (x, y), as Plot's dot mark draws them: filled, or hollow with a `stroke` (and fill "none");
 * circles are reused across updates.
 */
export class Dots {
  readonly g: SVGGElement;
  private readonly circles: SVGCircleElement[] = [];
  private readonly r: string;

  constructor(
    private readonly document: Document,
    {fill, stroke, r = 3, ariaLabel = "dot"}: {fill: string; stroke?: string; r?: number; ariaLabel?: string}
  ) {
    this.g = svgElement(document, "g", {
      "aria-label": ariaLabel,
      fill,
      ...(stroke ? {stroke, "stroke-width": "1.5"} : {})
    });
    this.r = String(r);
  }

  /** Draws the first `n` points of (X, Y); points the scales cannot place are left out. */
  update(X: ArrayLike<number>, Y: ArrayLike<number>, n: number, x: Linear, y: Linear): void {
    let k = 0;
    for (let i = 0; i < n; i++) {
      const px = x(X[i]);
      const py = y(Y[i]);
      if (px - px !== 0 || py - py !== 0) continue;
      const c = (this.circles[k] ??= this.g.appendChild(svgElement(this.document, "circle", {r: this.r})));
      attr(c, "cx", String(round1(px)));
      attr(c, "cy", String(round1(py)));
      k++;
    }
    while (this.circles.length > k) this.circles.pop()!.remove();
  }
}

/** Makes a nested svg the plot's frame (a clip without ids). */
export function clipTo(el: SVGSVGElement, {width, height, marginTop, marginRight, marginBottom, marginLeft}: Frame) {
  const w = Math.max(0, width - marginLeft - marginRight);
  const h = Math.max(0, height - marginTop - marginBottom);
  attr(el, "x", String(marginLeft));
  attr(el, "y", String(marginTop));
  attr(el, "width", String(w));
  attr(el, "height", String(h));
  attr(el, "viewBox", `${marginLeft} ${marginTop} ${w} ${h}`);
}

/** The path data of the polyline (first n points) in tenths of a pixel; NaN points start a new subpath. */
export function pathData(X: ArrayLike<number>, Y: ArrayLike<number>, n: number, x: Linear, y: Linear): string {
  const [d0, d1] = x.domain();
  const [r0, r1] = x.range();
  const kx = (r1 - r0) / (d1 - d0);
  const [e0, e1] = y.domain();
  const [s0, s1] = y.range();
  const ky = (s1 - s0) / (e1 - e0);
  return linearPathData(X, Y, n, kx, r0 - kx * d0, ky, s0 - ky * e0);
}

/** Style of a {@link Rule}. */
export interface RuleStyle {
  stroke: string;
  strokeDasharray?: string;
  strokeWidth?: number;
}

/** A vertical (x) or horizontal (y) line across the frame at a value, drawn as Plot's ruleX and ruleY are. */
export class Rule {
  readonly g: SVGGElement;
  private line: SVGLineElement | null = null;

  constructor(
    private readonly document: Document,
    private readonly axis: "x" | "y",
    style: RuleStyle
  ) {
    this.g = svgElement(document, "g", {"aria-label": "rule", stroke: style.stroke});
    if (style.strokeWidth !== undefined) this.g.setAttribute("stroke-width", String(style.strokeWidth));
    if (style.strokeDasharray) this.g.setAttribute("stroke-dasharray", style.strokeDasharray);
    this.g.setAttribute("transform", axis === "x" ? "translate(0.5,0)" : "translate(0,0.5)");
  }

  /** Draws the rule at `value` (none for null or a value the scale cannot place). */
  update(value: number | null, x: Linear, y: Linear, frame: Frame): void {
    const p = value === null ? NaN : this.axis === "x" ? x(value) : y(value);
    if (p !== p) {
      this.line?.remove();
      this.line = null;
      return;
    }
    this.line ??= this.g.appendChild(svgElement(this.document, "line"));
    const [lo, hi] =
      this.axis === "x"
        ? [frame.marginTop, frame.height - frame.marginBottom]
        : [frame.marginLeft, frame.width - frame.marginRight];
    const [x1, x2, y1, y2] = this.axis === "x" ? [p, p, lo, hi] : [lo, hi, p, p];
    attr(this.line, "x1", String(x1));
    attr(this.line, "x2", String(x2));
    attr(this.line, "y1", String(y1));
    attr(this.line, "y2", String(y2));
  }
}

/** decimateMinMax's indices of a series, computed elsewhere (with the run, in a worker) for these columns. */
export interface PreparedColumns {
  columns: number;
  x0: number;
  x1: number;
  index: Uint32Array;
}

/** Reusable columns for min/max-per-pixel-column decimation: grown when needed, never shrunk. */
export class Decimation {
  X = new Float64Array(0);
  Y = new Float64Array(0);
  n = 0;

  /**
   * Decimates y(t) to `columns` pixel columns over `domain`; the result is X, Y [0, n). Indices `prepared` for
   * the same columns and domain are used instead of decimating again (they are what decimateMinMax returns).
   */
  fill(
    t: ArrayLike<number>,
    y: ArrayLike<number>,
    columns: number,
    domain: [number, number],
    prepared?: PreparedColumns | null
  ): this {
    const index =
      prepared && prepared.columns === columns && prepared.x0 === domain[0] && prepared.x1 === domain[1]
        ? prepared.index
        : decimateMinMax(t, y, {columns, x0: domain[0], x1: domain[1]});
    if (this.X.length < index.length) {
      const size = Math.max(index.length, 2 * this.X.length);
      this.X = new Float64Array(size);
      this.Y = new Float64Array(size);
    }
    for (let i = 0; i < index.length; ++i) {
      this.X[i] = t[index[i]];
      this.Y[i] = y[index[i]];
    }
    this.n = index.length;
    return this;
  }

  /** [min, max] of Y [0, n), ignoring NaN; null if it holds no number. */
  extent(): [number, number] | null {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < this.n; ++i) {
      const v = this.Y[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return min <= max ? [min, max] : null;
  }
}

/**
 * Puts the present layers into `parent` in the given order, right before `end` (at the end for null), and takes the absent ones out;
 * elements already in place are not moved.
 */
export function syncLayers(parent: Element, layers: [Element, boolean][], end: Element | null): void {
  let next: Element | null = end;
  for (let i = layers.length - 1; i >= 0; --i) {
    const [el, on] = layers[i];
    if (!on) {
      el.remove();
      continue;
    }
    if (el.parentNode !== parent || el.nextSibling !== next) parent.insertBefore(el, next);
    next = el;
  }
}

/** A value that is recomputed only when its key changes. */
export class Memo<T> {
  private key: unknown[] | null = null;
  private value!: T;
  get(key: unknown[], compute: () => T): T {
    if (!this.key || !sameItems(key, this.key)) {
      this.value = compute();
      this.key = key;
    }
    return this.value;
  }
}

/**
 * A value drawn at a scale (px per data unit in x and in y), such as a path thinned to a pixel: recomputed when
 * its key changes, and when the view changes unless the value was marked portable and neither scale has grown
 * by more than `slack` times the one it was computed at (its error in pixels grows by that factor at most).
 */
export class ScaleMemo<T> {
  private key: unknown[] | null = null;
  private view: unknown[] = [];
  private scale: [number, number] = [NaN, NaN];
  private portable = false;
  private value!: T;
  constructor(private readonly slack: number) {}

  get(key: unknown[], view: unknown[], scale: [number, number], compute: () => {value: T; portable: boolean}): T {
    const fits =
      this.key !== null &&
      sameItems(key, this.key) &&
      (sameItems(view, this.view) ||
        (this.portable && scale[0] <= this.scale[0] * this.slack && scale[1] <= this.scale[1] * this.slack));
    if (!fits) {
      ({value: this.value, portable: this.portable} = compute());
      this.key = key;
      this.view = view;
      this.scale = scale;
    }
    return this.value;
  }
}

function sameItems(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((k, i) => Object.is(k, b[i]));
}
