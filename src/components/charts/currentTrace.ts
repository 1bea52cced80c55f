/**
 * I(t): the input current of a run, on the same time axis as v(t) and u(t). The figure's
 * `update(trace, options)` redraws it in place.
 */
import {COLORS, extentOf, fmt} from "./chart.js";
import {timeChartElement, type TimeChartElement, type TimeChartInput, type TimeChartOptions} from "./timeChart.js";
import type {TimeSeries} from "./voltageTrace.js";

export interface CurrentTraceOptions extends TimeChartOptions {
  /** Height in pixels; default 150. */
  height?: number;
  /** A time (ms) to mark, e.g. where the phase plane takes its I; none by default. */
  marker?: number | null;
}

export type CurrentTraceElement = TimeChartElement<[Pick<TimeSeries, "t" | "I">, CurrentTraceOptions]>;

/** The input current I(t) (paper units: current ÷ capacitance, mV/ms) of a run. */
export function CurrentTrace(trace: Pick<TimeSeries, "t" | "I">, options: CurrentTraceOptions): CurrentTraceElement {
  return timeChartElement(describeCurrent, trace, options);
}

function describeCurrent(
  trace: Pick<TimeSeries, "t" | "I">,
  {height = 150, marker = null, title = "Input current I(t)", ...options}: CurrentTraceOptions
): TimeChartInput {
  return {
    t: trace.t,
    // The whole run when the caller passed one (the explorer does), else only t and I are known.
    run: "v" in trace ? (trace as TimeSeries) : undefined,
    y: trace.I,
    options: {height, title, ...options},
    spec: (Y, domain) => {
      const extent = extentOf(Y, 0, 0);
      const min = Math.min(0, extent[0]);
      const max = Math.max(0, extent[1]);
      return {
        yDomain: min === max ? [min - 1, max + 1] : [min, max],
        axes: {xLabel: "t (ms)", yLabel: "I (paper units: current ÷ capacitance, mV/ms)", grid: false},
        rules: [
          {axis: "y", value: 0, stroke: "#bbb"},
          {axis: "x", value: marker, stroke: COLORS.vNullcline, strokeDasharray: "4,3"}
        ],
        stroke: COLORS.I,
        caption: `I in the paper's units: a current divided by the capacitance, which enters v′ directly (mV/ms).${marker === null ? "" : ` The dashed line marks t = ${fmt(marker)} ms, where the phase plane below takes its I.`}`,
        ariaLabel: `Line chart of the input current I against time t from ${fmt(domain[0])} to ${fmt(domain[1])} ms.`,
        ariaDescription: `I ranges from ${fmt(min)} to ${fmt(max)}.`
      };
    }
  };
}
