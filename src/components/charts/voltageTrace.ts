/**
 * v(t): the membrane potential of a run, each spike drawn to its apex (the trace stores vPeak at the sample
 * of each spike; min/max-per-pixel-column decimation keeps those maxima). The figure's `update(trace, options)`
 * redraws it in place.
 */
import {COLORS, extentOf, fmt} from "./chart.js";
import type {RunDisplay} from "../explorer/runDisplay.js";
import type {PreparedColumns} from "./retained.js";
import {timeChartElement, type TimeChartElement, type TimeChartInput, type TimeChartOptions} from "./timeChart.js";

/** What the chart reads from a run (a library Trace fits). */
export interface TimeSeries {
  t: Float64Array;
  v: Float64Array;
  u: Float64Array;
  I: Float64Array;
  spikes: Float64Array;
  /** Its drawing, prepared with the run (a long run's, in the worker); the charts use it when it fits them. */
  display?: RunDisplay;
}

/**
 * A run with no samples. A chart that a page redraws at every step is made once with it (hidden until the
 * first run arrives) and then updated in place, instead of being made anew at each step.
 */
export const NO_RUN: TimeSeries = Object.freeze({
  t: new Float64Array(0),
  v: new Float64Array(0),
  u: new Float64Array(0),
  I: new Float64Array(0),
  spikes: new Float64Array(0)
});

/** A run's prepared decimation of v or u, as the time charts take it. */
export function preparedColumns(display: RunDisplay | undefined, series: "v" | "u"): PreparedColumns | null {
  return display ? {columns: display.columns, x0: display.x0, x1: display.x1, index: display[series]} : null;
}

export interface VoltageTraceOptions extends TimeChartOptions {
  /** Height in pixels; default 220. */
  height?: number;
  /** Spike apex / cut-off (mV), drawn as a faint line; default 30. */
  vPeak?: number;
  /** A fixed v range (mV), e.g. to compare runs by eye; default: the run's own, with the cut-off in view. */
  yDomain?: [number, number];
  /** An earlier run drawn faint behind this one (e.g. the preset's), or null (default). */
  ghost?: {t: ArrayLike<number>; v: ArrayLike<number>; display?: RunDisplay} | null;
}

export type VoltageTraceElement = TimeChartElement<[TimeSeries, VoltageTraceOptions]>;

/** The membrane potential v(t) (mV) of a run, as a figure with title, caption and text alternative. */
export function VoltageTrace(trace: TimeSeries, options: VoltageTraceOptions): VoltageTraceElement {
  return timeChartElement(describeVoltage, trace, options);
}

function describeVoltage(
  trace: TimeSeries,
  {height = 220, vPeak = 30, title = "Membrane potential v(t)", ghost = null, yDomain, ...options}: VoltageTraceOptions
): TimeChartInput {
  const n = trace.spikes.length;
  return {
    t: trace.t,
    run: trace,
    y: trace.v,
    prepared: preparedColumns(trace.display, "v"),
    options: {height, title, ...options},
    ghost: ghost && {t: ghost.t, y: ghost.v, prepared: preparedColumns(ghost.display, "v")},
    spec: (Y, domain) => {
      const [lo, hi] = extentOf(Y, -70, vPeak);
      const bottom = Math.min(lo, vPeak - 10);
      return {
        // A little room under the lowest v, so that a trace at rest on a round value (−70 mV) is not drawn
        // along the axis line (the scale is then made nice: −72 becomes −80).
        yDomain: yDomain ?? [bottom - 0.02 * (Math.max(hi, vPeak) - bottom), Math.max(hi, vPeak)],
        axes: {xLabel: "t (ms)", yLabel: "v (mV)"},
        rules: [{axis: "y", value: vPeak, stroke: "#999", strokeDasharray: "2,3"}],
        stroke: COLORS.v,
        caption: `${n} spike${n === 1 ? "" : "s"}; each drawn to its ${fmt(vPeak)} mV apex (dotted line), then reset to c.`,
        ariaLabel: `Line chart of the membrane potential v in mV against time t from ${fmt(domain[0])} to ${fmt(domain[1])} ms, with ${n} spike${n === 1 ? "" : "s"}.`,
        ariaDescription: n
          ? `Spike times (ms): ${Array.from(trace.spikes.subarray(0, 20), (s) => fmt(s, 5)).join(", ")}${n > 20 ? ", …" : ""}.`
          : "No spikes."
      };
    }
  };
}
