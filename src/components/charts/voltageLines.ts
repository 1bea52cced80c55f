/**
 * v(t) of one or more runs on one chart (an overlay: the same neuron with two cut-offs, two starting states), as
 * {@link voltagePlot} draws it, but retained: the figure's `update(lines, options)` redraws the lines, axes,
 * legend and caption in place, so a slider that moves one of the runs does not make a new chart at each step.
 */
import {
  TIME_MARGINS,
  figure,
  plotColumns,
  seriesLegend,
  type FigureOptions,
  type VoltageLine,
  type VoltagePlotOptions
} from "./chart.js";
import {
  Axes,
  Decimation,
  Polyline,
  Rule,
  exposeScales,
  frameScales,
  plotSvg,
  sizeSvg,
  type Frame,
  type Linear
} from "./retained.js";
import {setFigure} from "./timeChart.js";

/** A legend entry: a line's label, colour and dashes. */
export interface LegendItem {
  label: string;
  color: string;
  dash?: string;
}

export interface VoltageLinesOptions extends VoltagePlotOptions, FigureOptions {
  /** A legend above the chart: entries (one per line, say), or a page's own legend element; none by default. */
  legend?: LegendItem[] | HTMLElement | null;
  /** A class of the figure besides explorer-chart (set when the chart is made). */
  className?: string;
}

/** The figure; `update` takes the same arguments as {@link VoltageLines}. */
export type VoltageLinesElement = HTMLElement & {update: (lines: VoltageLine[], options: VoltageLinesOptions) => void};

/** One drawn line: its look (a changed look makes it anew) and its reusable decimation buffers. */
interface DrawnLine {
  look: string;
  line: Polyline;
  columns: Decimation;
}

/** v (mV) against t (ms) for each line, decimated per pixel column, on a retained chart. */
export function VoltageLines(lines: VoltageLine[], options: VoltageLinesOptions): VoltageLinesElement {
  const svg = plotSvg(document);
  let scales: {x: Linear; y: Linear} = frameScales({...TIME_MARGINS, width: 1, height: 1}, [0, 1], [0, 1]);
  exposeScales(svg, () => scales);
  const axes = new Axes(document, {xLabel: "t (ms)", yLabel: "v (mV)"});
  const peak = new Rule(document, "y", {stroke: "#999", strokeDasharray: "2,3"});
  svg.append(axes.g, peak.g);
  const fig = figure(svg, {className: options.className}) as VoltageLinesElement;
  let drawn: DrawnLine[] = [];
  let legendKey = "";

  const draw = (
    lines: VoltageLine[],
    {width, height, xDomain, yDomain, vPeak, legend, className: _className, ...text}: VoltageLinesOptions
  ) => {
    const frame: Frame = {...TIME_MARGINS, width, height};
    const {x, y} = frameScales(frame, xDomain, yDomain, {niceY: true});
    scales = {x, y};
    sizeSvg(svg, frame);
    axes.update(x, y, frame);
    peak.update(vPeak ?? null, x, y, frame);

    const old = drawn;
    drawn = lines.map((l, i) => {
      const look = JSON.stringify([l.color, l.ariaLabel, l.style ?? {}]);
      const kept = old[i];
      if (kept?.look === look) return kept;
      const made = {
        look,
        line: new Polyline(document, {stroke: l.color, ...l.style, ariaLabel: l.ariaLabel}),
        columns: kept?.columns ?? new Decimation()
      };
      if (kept) kept.line.el.replaceWith(made.line.el);
      else svg.append(made.line.el);
      return made;
    });
    for (const gone of old.slice(lines.length)) gone.line.el.remove();
    const columns = plotColumns(width);
    lines.forEach((l, i) => {
      const {X, Y, n} = drawn[i].columns.fill(l.t, l.v, columns, xDomain);
      drawn[i].line.update(X, Y, n, x, y, frame);
    });

    const element = legend instanceof HTMLElement ? legend : legend?.length ? seriesLegend(document, legend) : null;
    const key = element?.outerHTML ?? "";
    if (key !== legendKey) {
      fig.querySelector(":scope > .chart-legend")?.remove();
      if (element) svg.before(element);
      legendKey = key;
    }
    setFigure(fig, svg, text);
  };
  draw(lines, options);
  fig.update = draw;
  return fig;
}
