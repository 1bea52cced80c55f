/**
 * Decimation of long simulated series for drawing. A 1000-ms run at dt = 2⁻⁵ ms has 32,001 samples, but a
 * chart 700 px wide can show at most a few points per pixel column; drawing the rest costs time and adds
 * nothing. Both functions are pure (no DOM) and return indices into the input, in increasing order, so one
 * decimation can be applied to several aligned columns (t, v, u, I).
 */

/** Options of {@link decimateMinMax}. */
export interface MinMaxOptions {
  /** Number of pixel columns (≥ 1); the output has at most 2·columns + 2 indices. */
  columns: number;
  /** x at the left edge of the first column; default x[0]. */
  x0?: number;
  /** x at the right edge of the last column; default x[n − 1]. */
  x1?: number;
}

/**
 * Min/max-per-pixel-column decimation of a series y(x) with nondecreasing x. Keeps the first and the last
 * sample and, in every pixel column, the sample with the smallest and the one with the largest y (in time
 * order). Because a trace stores v = vPeak at the sample of each spike and never more, every spike's apex
 * is the maximum of its column and survives. Inputs short enough (n ≤ 2·columns + 2) are returned whole.
 * NaN samples are skipped (they would not be drawn anyway).
 */
export function decimateMinMax(x: ArrayLike<number>, y: ArrayLike<number>, options: MinMaxOptions): Uint32Array {
  const n = Math.min(x.length, y.length);
  const columns = Math.floor(options.columns);
  if (!(columns >= 1)) throw new RangeError(`invalid columns: ${options.columns}`);
  if (n <= 2 * columns + 2) return identityIndex(n);
  const x0 = options.x0 ?? x[0];
  const x1 = options.x1 ?? x[n - 1];
  // Columns per unit of x; a degenerate extent puts everything in one column.
  const k = x1 > x0 ? columns / (x1 - x0) : 0;
  const out = new Uint32Array(2 * columns + 2);
  let m = 0;
  out[m++] = 0;
  let column = -1;
  let iMin = -1;
  let iMax = -1;
  for (let i = 1; i < n - 1; ++i) {
    const yi = y[i];
    if (yi !== yi) continue;
    let c = Math.floor((x[i] - x0) * k);
    if (c < 0) c = 0;
    else if (c >= columns) c = columns - 1;
    if (c <= column) {
      // Same column (or x went backwards, which we treat as the same column so the bound holds).
      if (yi < y[iMin]) iMin = i;
      if (yi > y[iMax]) iMax = i;
      continue;
    }
    if (column >= 0) m = flush(out, m, iMin, iMax);
    column = c;
    iMin = iMax = i;
  }
  if (column >= 0) m = flush(out, m, iMin, iMax);
  out[m++] = n - 1;
  return out.slice(0, m);
}

function flush(out: Uint32Array, m: number, iMin: number, iMax: number): number {
  if (iMin === iMax) out[m++] = iMin;
  else if (iMin < iMax) (out[m++] = iMin), (out[m++] = iMax);
  else (out[m++] = iMax), (out[m++] = iMin);
  return m;
}

function identityIndex(n: number): Uint32Array {
  const index = new Uint32Array(n);
  for (let i = 0; i < n; ++i) index[i] = i;
  return index;
}

/** Options of {@link decimatePath}. */
export interface PathOptions {
  /** Pixels per unit of x (the chart's horizontal scale factor; its sign is ignored). */
  scaleX: number;
  /** Pixels per unit of y. */
  scaleY: number;
  /** Minimum distance in pixels between consecutive kept points; default 1. */
  tolerance?: number;
  /**
   * Sorted sample indices k at which the path jumps from k to k + 1 (a spike and its reset). Both ends of
   * every jump are kept, so the jump can be drawn exactly and the path split there.
   */
  breaks?: ArrayLike<number>;
}

/**
 * Pixel-distance decimation of a path (x_i, y_i), such as a phase-plane trajectory: a sample is kept when it
 * lies at least `tolerance` pixels from the last kept one. The first and last samples, and both ends of
 * every break (reset jump), are always kept. Non-finite samples are skipped.
 */
export function decimatePath(x: ArrayLike<number>, y: ArrayLike<number>, options: PathOptions): Uint32Array {
  const n = Math.min(x.length, y.length);
  const sx = Math.abs(options.scaleX);
  const sy = Math.abs(options.scaleY);
  const tolerance = options.tolerance ?? 1;
  if (!(sx >= 0 && sy >= 0 && isFinite(sx) && isFinite(sy))) throw new RangeError("invalid scale");
  if (!(tolerance >= 0)) throw new RangeError(`invalid tolerance: ${tolerance}`);
  const breaks = options.breaks ?? [];
  const t2 = tolerance * tolerance;
  const out: number[] = [];
  let b = 0;
  while (b < breaks.length && breaks[b] < 0) ++b;
  let nextBreak = b < breaks.length ? breaks[b] : Infinity;
  let lastX = NaN;
  let lastY = NaN;
  let last = -1;
  for (let i = 0; i < n; ++i) {
    const xi = x[i];
    const yi = y[i];
    if (!isFinite(xi) || !isFinite(yi)) continue;
    // Must this sample be kept: an end of the path, or either end of a jump?
    let forced = i === 0 || i === n - 1 || i === nextBreak || i === nextBreak + 1;
    if (!forced && b > 0 && i === breaks[b - 1] + 1) forced = true;
    if (i === nextBreak) {
      while (b < breaks.length && breaks[b] <= i) ++b;
      nextBreak = b < breaks.length ? breaks[b] : Infinity;
    }
    if (!forced && last >= 0) {
      const dx = (xi - lastX) * sx;
      const dy = (yi - lastY) * sy;
      if (dx * dx + dy * dy < t2) continue;
    }
    out.push(i);
    last = i;
    lastX = xi;
    lastY = yi;
  }
  return Uint32Array.from(out);
}
