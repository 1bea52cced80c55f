/**
 * The pieces of the orbit-diagram page: the neurons one can start from, the sweep's default range and its
 * checks, and the diagram with its caption and the published features that lie on the swept axis.
 */
import {html} from "htl";
import {CLASSES} from "../../lib/presets/classes2003.js";
import {FEATURES} from "../../lib/presets/features2004.js";
import type {OrbitDiagram, OrbitParameter, Params} from "../../lib/index.js";
import {fmt} from "../charts/chart.js";
import {orbitDiagramChart} from "../charts/orbitDiagramChart.js";
import {featureMarks, peakCurrent} from "../charts/orbitMarks.js";

/** A neuron to sweep around: its parameters and its DC current (mV/ms). */
export interface OrbitBase {
  params: Params;
  current: number;
}

/**
 * The base neurons, by label: the chaotic set of the chaos page, then the 2003 classes and the 2004 features
 * that use the standard equation, each at the largest current its protocol applies.
 */
export function orbitBases(): Map<string, OrbitBase> {
  return new Map([
    ["chaotic set (a 0.2, b 2, c −56, d −16), I −99", {params: {a: 0.2, b: 2, c: -56, d: -16}, current: -99}],
    ...Object.values(CLASSES).map((p): [string, OrbitBase] => [
      `${p.id}: ${p.name}, I ${fmt(peakCurrent(p))}`,
      {params: p.params, current: peakCurrent(p)}
    ]),
    ...Object.values(FEATURES)
      .filter((p) => !p.equation)
      .map((p): [string, OrbitBase] => [
        `${p.id}: ${p.name}, I ${fmt(peakCurrent(p))}`,
        {params: p.params, current: peakCurrent(p)}
      ])
  ]);
}

/** Axis labels, with units, of the parameters one can sweep. */
export const ORBIT_UNITS: Record<OrbitParameter, string> = {I: "I (mV/ms)", a: "a (1/ms)", b: "b", c: "c (mV)", d: "d"};

/** The sweep offered first: I ± 3 mV/ms, or a parameter ± 25% of its value (at least ± 0.05), to 4 digits. */
export function defaultRange(base: OrbitBase, parameter: OrbitParameter): {from: number; to: number} {
  const centre = parameter === "I" ? base.current : base.params[parameter];
  const half = parameter === "I" ? 3 : Math.max(Math.abs(centre) * 0.25, 0.05);
  return {from: +(centre - half).toPrecision(4), to: +(centre + half).toPrecision(4)};
}

/** Whether the range and the timing form describe a sweep that can run. */
export function sweepIsValid(range: {from: number; to: number}, timing: {transient: number; window: number}): boolean {
  return (
    Number.isFinite(range.from) &&
    Number.isFinite(range.to) &&
    range.to > range.from &&
    Number.isFinite(timing.transient) &&
    Number.isFinite(timing.window) &&
    timing.window > 0
  );
}

/** `count` values evenly spaced from `range.from` to `range.to`, both included. */
export function sweepValues(range: {from: number; to: number}, count: number): number[] {
  return Array.from({length: count}, (_, i) => range.from + ((range.to - range.from) * i) / (count - 1));
}

/** What the page says when the sweep cannot run. */
export function InvalidSweep() {
  return html`<p class="lab-fails">“from” and “to” need numbers with from < to, and the window a positive length.</p>`;
}

/** The published features marked on the swept axis, within the range. */
export function axisFeatures(base: OrbitBase, parameter: OrbitParameter, range: {from: number; to: number}) {
  return featureMarks(base.params, parameter).filter((m) => m.x >= range.from && m.x <= range.to);
}

/** The marked features in words, for the text under the diagram. */
export function featureMarkText(marks: {id: string; name: string; x: number}[]): string {
  return marks.length
    ? marks.map((m) => `${m.id} (${m.name}) at ${fmt(m.x)}`).join(", ")
    : "none: no published feature shares the base neuron's other parameters in this range";
}

/**
 * How far beyond the quartiles the automatic y-range reaches, in interquartile ranges (Tukey's "far out"
 * fence): the orbit's own spread stays in view, a regime far from it (u at reset near −340 where the chaotic
 * set's sweep leaves the orbit) is drawn at the edge.
 */
export const FENCE_IQR = 3;

/** The y-range of a diagram and where it came from. */
export interface OrbitYRange {
  domain: [number, number];
  /** "auto": from the quartiles of the points; "reader": the reader's from/to. */
  source: "auto" | "reader";
}

/** The q-quantile (0 ≤ q ≤ 1) of sorted values, linearly interpolated. */
function quantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  const a = sorted[i]!;
  return i + 1 < sorted.length ? a + (h - i) * (sorted[i + 1]! - a) : a;
}

/**
 * The y-range: the reader's (from < to, both finite) or else a robust one. The points of values that ran away
 * (reached the spike budget) are left out; of the rest, the range spans the points within {@link FENCE_IQR}
 * interquartile ranges of the quartiles, padded by 5% of its span (or ±1 for a single value).
 */
export function orbitYRange(
  diagram: Pick<OrbitDiagram, "points" | "truncated">,
  reader: {from?: number; to?: number} = {}
): OrbitYRange {
  const {from, to} = reader;
  if (Number.isFinite(from) && Number.isFinite(to) && to! > from!) return {domain: [from!, to!], source: "reader"};
  let kept = diagram.points.filter((_, i) => !diagram.truncated[i]).flatMap((p) => Array.from(p));
  if (kept.length === 0) kept = diagram.points.flatMap((p) => Array.from(p));
  const sorted = Float64Array.from(kept.filter(Number.isFinite)).sort();
  if (sorted.length === 0) return {domain: [0, 1], source: "auto"};
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const fenceLo = q1 - FENCE_IQR * (q3 - q1);
  const fenceHi = q3 + FENCE_IQR * (q3 - q1);
  const inside = sorted.filter((y) => y >= fenceLo && y <= fenceHi);
  const lo = inside[0]!;
  const hi = inside[inside.length - 1]!;
  const pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1, Math.abs(lo) * 0.05);
  return {domain: [lo - pad, hi + pad], source: "auto"};
}

/** The orbit diagram with a caption counting silent and runaway values. */
export function OrbitFigure(
  diagram: OrbitDiagram,
  marks: ReturnType<typeof axisFeatures>,
  settings: {
    parameter: OrbitParameter;
    measure: string;
    method: string;
    dtExponent: number;
    transient: number;
    range: {from: number; to: number};
    width: number;
    /** The reader's y-range (NaN or missing: automatic). */
    yRange?: {from?: number; to?: number};
  }
) {
  const {parameter, measure, method, dtExponent, transient, range, width} = settings;
  const runaway = diagram.truncated.filter(Boolean).length;
  const silent = diagram.points.filter((q) => q.length === 0).length;
  const y = orbitYRange(diagram, settings.yRange);
  const [lo, hi] = y.domain;
  let below = 0;
  let above = 0;
  for (const v of diagram.y) {
    if (v < lo) below++;
    else if (v > hi) above++;
  }
  const unit = measure === "isi" ? " ms" : "";
  const rangeText =
    y.source === "auto"
      ? `The y-axis shows ${fmt(lo)} to ${fmt(hi)}${unit}, chosen from the quartiles of the points (those within ${FENCE_IQR} interquartile ranges of them); set “y from” and “y to” to choose it.`
      : `The y-axis shows ${fmt(lo)} to ${fmt(hi)}${unit}, as set.`;
  const beyondText =
    below + above
      ? ` ${above} points above and ${below} below it are drawn at its edge as red triangles.`
      : " No point lies outside it.";
  return orbitDiagramChart(diagram, marks, {
    xLabel: ORBIT_UNITS[parameter],
    yLabel: measure === "isi" ? "ISI (ms)" : "u just after a reset",
    width,
    xDomain: [range.from, range.to],
    yDomain: y.domain,
    title: `${measure === "isi" ? "ISIs" : "u at reset"} after ${fmt(transient)} ms, against ${ORBIT_UNITS[parameter]}`,
    caption: `${diagram.values.length} values, ${diagram.x.length} points (at most 200 per value), ${method === "adaptive" ? "accurate integration" : `${method} at dt = ${fmt(2 ** -dtExponent)} ms`}. ${silent} values silent after the transient; ${runaway} values stopped at the 5000-spike budget (firing that accelerates without bound). ${rangeText}${beyondText}`,
    ariaLabel: `Orbit diagram of ${measure === "isi" ? "inter-spike intervals" : "u at reset"} against ${parameter}`,
    ariaDescription: `Dots at each swept value; ${marks.length} published features marked; ${above + below} points beyond the y-range marked at its edges as red triangles.`
  });
}
