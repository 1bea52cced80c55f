/**
 * What a run's charts draw, prepared where the run was computed (the worker), so that the main thread never
 * passes over every sample of a long run: a 1000-ms run at dt = 2⁻¹⁰ ms has a million samples, and scanning,
 * decimating and collecting them on the main thread took a task of several hundred ms after each run.
 *
 * - the time charts' min/max-per-pixel-column decimation of v and u: the indices `decimateMinMax` returns for
 *   the charts' columns and time axis, so the charts draw exactly what they would have computed themselves;
 * - the trace's extent in the phase plane and its spike samples (the part of the plane's domain that scans the
 *   trace);
 * - the trajectory thinned to half a pixel of the plane the trace alone would fill (a plane that also shows
 *   equilibria or a ghost is larger, so the error in it is smaller), more coarsely when that leaves more than
 *   30,000 samples (a long noisy run): the plane decimates these samples to its own tolerance instead of the
 *   million.
 *
 * Every point kept is a sample of the library's run, and the run itself (all samples) goes to the page as well:
 * the readouts, the time marker and the downloads use it. No DOM here: the worker imports this module.
 */
import {PATH_GAP, decimateMinMax, decimatePath, type PathOptions} from "../../lib/decimate.js";

/** Where the charts will draw a run: sent with the run's request. */
export interface DisplaySpec {
  /** Pixel columns of the time charts (their plot width) and their time axis [x0, x1] (ms). */
  columns: number;
  x0: number;
  x1: number;
  /** Plot size (px, inside the margins) of the phase plane. */
  planeWidth: number;
  planeHeight: number;
}

/** The part of the phase plane's extent that comes from the trace (see phasePlane.ts's phaseDomain). */
export interface TraceExtent {
  /** Smallest v of any sample (mV). */
  vMin: number;
  /** Smallest and largest u of any sample, and of the state before each reset, u − d. */
  uMin: number;
  uMax: number;
  /** The samples k that hold a spike's apex (v ≥ vPeak), followed by a sample: k → k + 1 is the reset jump. */
  breaks: number[];
  /** The d and vPeak it was computed with. */
  d: number;
  vPeak: number;
}

/** A run's drawing, prepared for a {@link DisplaySpec}. */
export interface RunDisplay extends DisplaySpec {
  /** decimateMinMax's indices of v and of u for `columns` columns over [x0, x1]. */
  v: Uint32Array;
  u: Uint32Array;
  extent: TraceExtent;
  /** Sorted sample indices: the trajectory thinned to half a pixel, with both ends of every reset jump. */
  path: Uint32Array;
}

/** Half a pixel: how far the thinned trajectory may stray from the full one, in the plane the trace fills. */
const PATH_TOLERANCE = 0.5;
/**
 * The most samples of a thinned trajectory, about what the plane draws (phasePlane.ts: 20,000) and more: the
 * plane decimates them again at each redraw, twice with a ghost, and a long noisy run (about 58,000 samples at
 * half a pixel) cost a slider step up to a hundred ms there on a loaded 2-core machine.
 */
const MAX_SUBSET = 30_000;

/**
 * The extent of a trace in the phase plane and its spike samples, given the reset's d and the cut-off: one
 * pass over the samples.
 */
export function traceExtent(
  trace: {v: ArrayLike<number>; u: ArrayLike<number>},
  d: number,
  vPeak: number
): TraceExtent {
  const {v, u} = trace;
  const n = Math.min(v.length, u.length);
  let vMin = Infinity;
  let uMin = Infinity;
  let uMax = -Infinity;
  const breaks: number[] = [];
  for (let i = 0; i < n; ++i) {
    const vi = v[i];
    const ui = u[i];
    if (vi < vMin) vMin = vi;
    if (ui < uMin) uMin = ui;
    if (ui > uMax) uMax = ui;
    if (vi >= vPeak) {
      if (i + 1 < n) breaks.push(i);
      // The state just before the reset: u − d.
      if (ui - d < uMin) uMin = ui - d;
      if (ui - d > uMax) uMax = ui - d;
    }
  }
  return {vMin, uMin, uMax, breaks, d, vPeak};
}

/**
 * The plane's domain from the trace alone: the plane's rule (phasePlane.ts's phaseDomain) without equilibria.
 * A plane that also shows equilibria, a start state or a ghost only grows from it.
 */
export function extentDomain(extent: TraceExtent, c: number): {vDomain: [number, number]; uDomain: [number, number]} {
  const vMin = Math.min(c, extent.vPeak - 1, extent.vMin);
  let {uMin, uMax} = extent;
  if (!(uMin <= uMax)) [uMin, uMax] = [-20, 0];
  const uPad = Math.max(1, (uMax - uMin) * 0.12);
  return {vDomain: [Math.floor(vMin - 5), extent.vPeak + 5], uDomain: [uMin - uPad, uMax + uPad]};
}

/** Prepares the drawing of a run (v, u on the grid t) for `spec`; `c`, `d` and `vPeak` are the run's. */
export function prepareDisplay(
  trace: {t: Float64Array; v: Float64Array; u: Float64Array},
  spec: DisplaySpec,
  {c, d, vPeak}: {c: number; d: number; vPeak: number}
): RunDisplay {
  const {columns, x0, x1, planeWidth, planeHeight} = spec;
  const extent = traceExtent(trace, d, vPeak);
  const {vDomain, uDomain} = extentDomain(extent, c);
  const path = thinPath(
    trace.v,
    trace.u,
    extent.breaks,
    {
      scaleX: Math.max(1, planeWidth) / (vDomain[1] - vDomain[0]),
      scaleY: Math.max(1, planeHeight) / (uDomain[1] - uDomain[0]),
      tolerance: PATH_TOLERANCE
    },
    {maxPoints: MAX_SUBSET}
  ).filter((i) => i !== PATH_GAP);
  return {
    columns,
    x0,
    x1,
    planeWidth,
    planeHeight,
    v: decimateMinMax(trace.t, trace.v, {columns, x0, x1}),
    u: decimateMinMax(trace.t, trace.u, {columns, x0, x1}),
    extent,
    path
  };
}

/**
 * decimatePath's indices for a path (x, y) split at `breaks` (sorted sample indices): over every sample, or over
 * the sorted `subset` of them, which must hold every break and the sample after it (the indices returned are the
 * samples' own either way, with PATH_GAP between pieces). A result longer than `maxPoints` is decimated again,
 * from the samples kept, at a coarser tolerance (at most three times), so that a dense path (a long noisy run)
 * costs no more than about that many points; every point kept is still a sample of the path.
 */
export function thinPath(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  breaks: ArrayLike<number>,
  options: Omit<PathOptions, "breaks">,
  {subset, maxPoints = Infinity}: {subset?: Uint32Array; maxPoints?: number} = {}
): Uint32Array {
  let tolerance = options.tolerance ?? 1;
  let samples = subset ?? null; // the samples decimated (null: all of them)
  let index = decimateSubset(x, y, breaks, samples, {...options, tolerance});
  for (let attempt = 0; attempt < 3 && index.length > maxPoints; ++attempt) {
    tolerance *= Math.min(4, index.length / maxPoints);
    samples = index.filter((i) => i !== PATH_GAP);
    index = decimateSubset(x, y, breaks, samples, {...options, tolerance});
  }
  return index;
}

/** decimatePath over the samples `subset` (sorted; null: all), as sample indices. */
function decimateSubset(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  breaks: ArrayLike<number>,
  subset: Uint32Array | null,
  options: PathOptions
): Uint32Array {
  if (!subset) return decimatePath(x, y, {...options, breaks});
  const X = new Float64Array(subset.length);
  const Y = new Float64Array(subset.length);
  for (let j = 0; j < subset.length; ++j) {
    X[j] = x[subset[j]];
    Y[j] = y[subset[j]];
  }
  // Each break's position in the subset (which holds it and the sample after it).
  const positions: number[] = [];
  let j = 0;
  for (let b = 0; b < breaks.length; ++b) {
    while (j < subset.length && subset[j] < breaks[b]) ++j;
    if (subset[j] === breaks[b]) positions.push(j);
  }
  const index = decimatePath(X, Y, {...options, breaks: positions});
  for (let k = 0; k < index.length; ++k) if (index[k] !== PATH_GAP) index[k] = subset[index[k]];
  return index;
}

/** Whether a display was prepared for these time-chart columns and axis. */
export function fitsColumns(display: RunDisplay | undefined, columns: number, domain: [number, number]): boolean {
  return !!display && display.columns === columns && display.x0 === domain[0] && display.x1 === domain[1];
}
