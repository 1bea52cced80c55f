/**
 * u(t): the recovery variable of a run, on the same time axis as v(t) and I(t). The figure's
 * `update(trace, options)` redraws it in place.
 */
import {COLORS, extentOf, fmt} from "./chart.js";
import {timeChartElement, type TimeChartElement, type TimeChartInput, type TimeChartOptions} from "./timeChart.js";
import type {RunDisplay} from "../explorer/runDisplay.js";
import {preparedColumns, type TimeSeries} from "./voltageTrace.js";

export interface RecoveryTraceOptions extends TimeChartOptions {
  /** Height in pixels; default 160. */
  height?: number;
  /** An earlier run drawn faint behind this one (e.g. the preset's), or null (default). */
  ghost?: {t: ArrayLike<number>; u: ArrayLike<number>; display?: RunDisplay} | null;
}

export type RecoveryTraceElement = TimeChartElement<[TimeSeries, RecoveryTraceOptions]>;

/** The recovery variable u(t) (same units as I) of a run. */
export function RecoveryTrace(trace: TimeSeries, options: RecoveryTraceOptions): RecoveryTraceElement {
  return timeChartElement(describeRecovery, trace, options);
}

function describeRecovery(
  trace: TimeSeries,
  {height = 160, title = "Recovery variable u(t)", ghost = null, ...options}: RecoveryTraceOptions
): TimeChartInput {
  return {
    t: trace.t,
    run: trace,
    y: trace.u,
    prepared: preparedColumns(trace.display, "u"),
    options: {height, title, ...options},
    ghost: ghost && {t: ghost.t, y: ghost.u, prepared: preparedColumns(ghost.display, "u")},
    spec: (Y, domain) => {
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
    }
  };
}
