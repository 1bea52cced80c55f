/**
 * The time charts' common builder: one series y(t) on the shared time axis (the time charts' margins, the
 * decimated columns, the axes, reference rules, a clipped line, optionally a faint "ghost" line behind it),
 * wrapped in a figure whose `update(...)` redraws it in place. v(t), u(t) and I(t) differ only in what
 * {@link TimeChartSpec} holds.
 */
import type {TraceData} from "../../lib/export/csv.js";
import {setText} from "../dom.js";
import {TIME_MARGINS, figure, plotColumns, timeDomain, type FigureOptions} from "./chart.js";
import {runDownload, setChartDownload} from "./chartDownload.js";
import {
  Axes,
  Decimation,
  Polyline,
  Rule,
  exposeScales,
  frameScales,
  plotSvg,
  sizeSvg,
  type AxesLabels,
  type Frame,
  type Linear,
  type PreparedColumns,
  type RuleStyle
} from "./retained.js";

/** Options of every time chart (each chart sets its own default height and title). */
export interface TimeChartOptions extends FigureOptions {
  /** Width in pixels (required: pass Framework's reactive width). */
  width: number;
  /** Height in pixels. */
  height?: number;
  /** The shared time axis [t0, t1] (ms); default [0, last sample]. */
  xDomain?: [number, number];
  /** What the faint line behind the run is, for the caption; default "faint: the starting point". */
  ghostLabel?: string;
}

/** A reference line of a time chart: vertical at a time (x) or horizontal at a value (y); null draws none. */
export interface TimeRule extends RuleStyle {
  axis: "x" | "y";
  value: number | null;
}

/** What sets one time chart apart, given its decimated samples Y and its time axis. */
export interface TimeChartSpec {
  /** The y domain (made nice, as Plot does). */
  yDomain: [number, number];
  axes: AxesLabels;
  /** Reference rules, drawn between the axes and the line; the same number at every update of a chart. */
  rules?: TimeRule[];
  /** Colour of the line. */
  stroke: string;
  /** The figure's caption and text alternative where the options give none. */
  caption: string;
  ariaLabel: string;
  ariaDescription: string;
}

/** Everything one drawing of a time chart needs. */
export interface TimeChartInput {
  t: ArrayLike<number>;
  y: ArrayLike<number>;
  options: TimeChartOptions;
  spec: (Y: Float64Array, domain: [number, number]) => TimeChartSpec;
  /** y's decimation prepared with the run (used when it is for this chart's columns and time axis). */
  prepared?: PreparedColumns | null;
  /** A faint earlier run drawn behind the line (its samples t, y, and their prepared decimation), or null. */
  ghost?: {t: ArrayLike<number>; y: ArrayLike<number>; prepared?: PreparedColumns | null} | null;
  /** The whole run the line comes from, for the chart's data downloads (CSV, JSON). */
  run?: TraceData;
}

/** A time chart's figure; `update` takes the same arguments as the function that made it. */
export type TimeChartElement<A extends unknown[]> = HTMLElement & {update: (...args: A) => void};

/** The event a time chart's figure dispatches after each update (linked views re-read its scales). */
export const CHART_UPDATE = "chartupdate";

/** Default wording of the ghost line's label. */
export const GHOST_LABEL = "faint: the starting point";

/**
 * The chart made by `describe(...args)` as a figure with `update(...args)`: the first drawing and every update
 * go through the same code, so an updated chart equals one drawn afresh from the same arguments.
 */
export function timeChartElement<A extends unknown[]>(
  describe: (...args: A) => TimeChartInput,
  ...args: A
): TimeChartElement<A> {
  const chart = new TimeChart(document);
  chart.draw(describe(...args));
  const element = chart.figure as TimeChartElement<A>;
  element.update = (...next: A) => {
    chart.draw(describe(...next));
    element.dispatchEvent(new CustomEvent(CHART_UPDATE));
  };
  return element;
}

/** The retained elements of one time chart and the buffers they are drawn from. */
class TimeChart {
  readonly figure: HTMLElement;
  private readonly svg: SVGSVGElement;
  private axes: Axes | null = null;
  private axesKey = "";
  private rules: Rule[] = [];
  private rulesKey = "";
  private readonly ghost: Polyline;
  private line: Polyline | null = null;
  private stroke = "";
  private readonly columns = new Decimation();
  private readonly ghostColumns = new Decimation();
  private scales: {x: Linear; y: Linear} | null = null;
  /** What the ghost's columns were decimated from: a ghost that did not change is not decimated again. */
  private ghostKey: unknown[] = [];

  constructor(private readonly document: Document) {
    this.svg = plotSvg(document);
    exposeScales(this.svg, () => this.scales!);
    this.ghost = new Polyline(document, {stroke: "#999", strokeWidth: 1, strokeOpacity: 0.6, ariaLabel: "ghost"});
    this.figure = figure(this.svg, {});
  }

  draw({t, y, options, spec, ghost = null, run, prepared = null}: TimeChartInput): void {
    const {
      width,
      height = 150,
      xDomain,
      title,
      caption,
      ariaLabel,
      ariaDescription,
      ghostLabel = GHOST_LABEL,
      download
    } = options;
    const frame: Frame = {...TIME_MARGINS, width, height};
    const domain = xDomain ?? timeDomain(t);
    const columns = plotColumns(width);
    const {X, Y, n} = this.columns.fill(t, y, columns, domain, prepared);
    const chart = spec(Y.subarray(0, n), domain);
    let yDomain = chart.yDomain;
    if (ghost) {
      // The ghost shares the y axis, so it is never cut off.
      const key = [ghost.t, ghost.y, columns, domain[0], domain[1]];
      if (key.some((k, i) => !Object.is(k, this.ghostKey[i]))) {
        this.ghostColumns.fill(ghost.t, ghost.y, columns, domain, ghost.prepared);
        this.ghostKey = key;
      }
      const extent = this.ghostColumns.extent();
      if (extent) yDomain = [Math.min(yDomain[0], extent[0]), Math.max(yDomain[1], extent[1])];
    }
    const {x, y: yScale} = frameScales(frame, domain, yDomain, {niceY: true});
    this.scales = {x, y: yScale};
    sizeSvg(this.svg, frame);

    // The pieces in drawing order: axes, rules, ghost, line. A piece whose look changed is made anew.
    const axesKey = JSON.stringify(chart.axes);
    if (axesKey !== this.axesKey) {
      const axes = new Axes(this.document, chart.axes);
      if (this.axes) this.axes.g.replaceWith(axes.g);
      else this.svg.append(axes.g);
      [this.axes, this.axesKey] = [axes, axesKey];
    }
    this.axes!.update(x, yScale, frame);
    const rules = chart.rules ?? [];
    const rulesKey = JSON.stringify(rules.map(({value: _value, ...style}) => style));
    if (rulesKey !== this.rulesKey) {
      for (const r of this.rules) r.g.remove();
      this.rules = rules.map((r) => new Rule(this.document, r.axis, r));
      this.axes!.g.after(...this.rules.map((r) => r.g));
      this.rulesKey = rulesKey;
    }
    rules.forEach((r, i) => this.rules[i].update(r.value, x, yScale, frame));
    if (chart.stroke !== this.stroke || !this.line) {
      const line = new Polyline(this.document, {stroke: chart.stroke});
      if (this.line) this.line.el.replaceWith(line.el);
      else this.svg.append(line.el);
      [this.line, this.stroke] = [line, chart.stroke];
    }
    this.line.update(X, Y, n, x, yScale, frame);
    if (ghost) {
      this.ghost.update(this.ghostColumns.X, this.ghostColumns.Y, this.ghostColumns.n, x, yScale, frame);
      placeBefore(this.ghost, this.line.el);
    } else this.ghost.el.remove();

    if (download !== false) setChartDownload(this.figure, {...(run && runDownload(run)), ...download});
    setFigure(this.figure, this.svg, {
      title,
      caption: `${caption ?? chart.caption}${ghost ? ` ${sentence(ghostLabel)}` : ""}`,
      ariaLabel: ariaLabel ?? chart.ariaLabel,
      ariaDescription: ariaDescription ?? chart.ariaDescription
    });
  }
}

/** Puts the ghost line right before the live line (where a fresh drawing has it). */
function placeBefore(ghost: Polyline, line: Element): void {
  if (ghost.el.nextSibling !== line) line.before(ghost.el);
}

/** "faint: the preset's run" → "Faint: the preset's run." */
function sentence(label: string): string {
  const s = label.trim();
  return s ? `${s[0].toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? "" : "."}` : "";
}

/**
 * Sets a figure's title (h3 before the graphic), caption (figcaption after it) and the graphic's text
 * alternatives, adding or removing the elements as a fresh {@link figure} would have them.
 */
export function setFigure(
  fig: HTMLElement,
  graphic: Element,
  {title, caption, ariaLabel, ariaDescription}: FigureOptions
) {
  const document = fig.ownerDocument;
  let h = fig.querySelector(":scope > h3");
  if (title) {
    if (!h) fig.prepend((h = document.createElement("h3")));
    setText(h, title);
  } else h?.remove();
  let c = fig.querySelector(":scope > figcaption");
  if (caption) {
    if (!c) {
      c = document.createElement("figcaption");
      // Last, but before the download menu (which ends every figure).
      const menu = fig.querySelector(":scope > details.chart-download");
      if (menu) menu.before(c);
      else fig.append(c);
    }
    setText(c, caption);
  } else c?.remove();
  for (const [name, value] of [
    ["aria-label", ariaLabel],
    ["aria-description", ariaDescription]
  ] as const) {
    if (value) {
      if (graphic.getAttribute(name) !== value) graphic.setAttribute(name, value);
    } else graphic.removeAttribute(name);
  }
}
