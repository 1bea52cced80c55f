/**
 * Inter-spike intervals against their number: the nth ISI (ms) of one or more runs as dots joined by lines,
 * so adaptation (rising ISIs) and its absence (a flat row) are seen at a glance. Used by the tutorial
 * chapters on a and d. The figure's `update(series, options)` redraws it in place (a slider step moves dots
 * and lines instead of making a new chart).
 */
import {interSpikeIntervals} from "../../lib/analysis/spikes.js";
import {TIME_MARGINS, figure, fmt, seriesLegend, type FigureOptions} from "./chart.js";
import {Axes, Dots, Polyline, frameScales, plotSvg, sizeSvg, type Frame} from "./retained.js";
import {setFigure} from "./timeChart.js";

/** One train to draw. */
export interface IsiSeries {
  spikes: ArrayLike<number>;
  /** Name in the legend and the text alternative, e.g. "a = 0.02". */
  label: string;
  color: string;
}

export interface IsiChartOptions extends FigureOptions {
  width: number;
  /** Height in pixels; default 200. */
  height?: number;
}

/** The chart's figure; `update` takes the same arguments as {@link IsiChart}. */
export type IsiChartElement = HTMLElement & {update: (series: IsiSeries[], options: IsiChartOptions) => void};

/** ISI n (ms) against n for each series, with a legend when there are several. */
export function IsiChart(series: IsiSeries[], options: IsiChartOptions): IsiChartElement {
  const svg = plotSvg(document);
  const axes = new Axes(document, {xLabel: "ISI number n", yLabel: "ISI (ms)", xIntegers: true});
  svg.append(axes.g);
  const fig = figure(svg, {}) as IsiChartElement;
  // One line and one row of dots per series, made anew only when the series' colour changes.
  let marks: {color: string; line: Polyline; dots: Dots}[] = [];
  let legendKey = "";

  const draw = (
    series: IsiSeries[],
    {width, height = 200, title = "Inter-spike intervals", ...text}: IsiChartOptions
  ) => {
    const isis = series.map((s) => interSpikeIntervals(s.spikes));
    let most = 2;
    let longest = 1;
    for (const x of isis) {
      most = Math.max(most, x.length);
      for (const isi of x) longest = Math.max(longest, isi);
    }
    const frame: Frame = {...TIME_MARGINS, width, height};
    const {x, y} = frameScales(frame, [1, most], [0, longest * 1.1]);
    sizeSvg(svg, frame);
    axes.update(x, y, frame);

    const old = marks;
    marks = series.map(({color}, i) => {
      const kept = old[i];
      if (kept?.color === color) return kept;
      const made = {
        color,
        line: new Polyline(document, {stroke: color, strokeWidth: 1.5}),
        dots: new Dots(document, {fill: color})
      };
      if (kept) {
        kept.line.el.replaceWith(made.line.el);
        kept.dots.g.replaceWith(made.dots.g);
      } else svg.append(made.line.el, made.dots.g);
      return made;
    });
    for (const gone of old.slice(series.length)) {
      gone.line.el.remove();
      gone.dots.g.remove();
    }
    series.forEach((_, i) => {
      const n = Float64Array.from(isis[i], (_, k) => k + 1);
      marks[i].line.update(n, isis[i], n.length, x, y, frame);
      marks[i].dots.update(n, isis[i], n.length, x, y);
    });

    // The legend, for several series, sits between the title and the chart (where figure() puts it).
    const key = series.length > 1 ? JSON.stringify(series.map(({label, color}) => [label, color])) : "";
    if (key !== legendKey) {
      fig.querySelector(":scope > .chart-legend")?.remove();
      if (key) svg.before(seriesLegend(document, series));
      legendKey = key;
    }
    const describe = (s: IsiSeries, i: number) =>
      isis[i].length
        ? `${s.label}: ${Array.from(isis[i], (x) => fmt(x, 3)).join(", ")} ms`
        : `${s.label}: fewer than two spikes`;
    setFigure(fig, svg, {
      title,
      caption:
        text.caption ?? "Each dot is the time between two consecutive spikes; a rising row means the neuron adapts.",
      ariaLabel:
        text.ariaLabel ??
        `Dot chart of the inter-spike interval in ms against its number, for ${series.map((s) => s.label).join(" and ")}.`,
      ariaDescription: text.ariaDescription ?? `${series.map(describe).join(". ")}.`
    });
  };
  draw(series, options);
  fig.update = draw;
  return fig;
}
