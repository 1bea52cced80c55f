/** u(t): the recovery variable of a run, on the same time axis as v(t) and I(t). */
import {COLORS, extentOf, fmt} from "./chart.js";
import {timeChart, type TimeChartOptions} from "./timeChart.js";
import type {TimeSeries} from "./voltageTrace.js";

export interface RecoveryTraceOptions extends TimeChartOptions {
  /** Height in pixels; default 160. */
  height?: number;
}

/** The recovery variable u(t) (same units as I) of a run. */
export function RecoveryTrace(
  trace: TimeSeries,
  {height = 160, title = "Recovery variable u(t)", ...options}: RecoveryTraceOptions
): HTMLElement {
  return timeChart(trace.t, trace.u, {height, title, ...options}, (Y, domain) => {
    const [min, max] = extentOf(Y, -1, 1);
    return {
      yDomain: min < max ? [min, max] : [min - 1, max + 1],
      axes: {xLabel: "t (ms)", yLabel: "u (same units as I)"},
      stroke: COLORS.u,
      caption:
        "u rises with each spike (by d) and relaxes at rate a towards b·v; it has the units of v′, the same as I.",
      ariaLabel: `Line chart of the recovery variable u against time t from ${fmt(domain[0])} to ${fmt(domain[1])} ms.`,
      ariaDescription: Y.length ? `u ranges from ${fmt(min)} to ${fmt(max)}.` : "No samples."
    };
  });
}
