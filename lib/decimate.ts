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
  // Column c holds x in [x0 + c·w, x0 + (c + 1)·w), w = (x1 − x0)/columns; x < x0 joins the first column
  // and x ≥ x1 the last. A degenerate extent puts everything in one column.
  const w = x1 > x0 ? (x1 - x0) / columns : Infinity;
  const out = new Uint32Array(2 * columns + 2);
  let m = 0;
  out[m++] = 0;
  const last = n - 1;
  let i = 1;
  for (let c = 0; c < columns && i < last; ++c) {
    const boundary = c === columns - 1 ? Infinity : x0 + (c + 1) * w;
    let iMin = -1;
    let iMax = -1;
    let yMin = Infinity;
    let yMax = -Infinity;
    for (; i < last; ++i) {
      if (x[i] >= boundary) break;
      const yi = y[i];
      if (yi < yMin) {
        yMin = yi;
        iMin = i;
      }
      if (yi > yMax) {
        yMax = yi;
        iMax = i;
      }
    }
    if (iMin >= 0) m = flush(out, m, iMin, iMax);
  }
  out[m++] = last;
  return out.slice(0, m);
}

function flush(out: Uint32Array, m: number, iMin: number, iMax: number): number {
  if (iMin === iMax) out[m++] = iMin;
  else if (iMin < iMax) {
    out[m++] = iMin;
    out[m++] = iMax;
  } else {
    out[m++] = iMax;
    out[m++] = iMin;
  }
  return m;
}

function identityIndex(n: number): Uint32Array {
  const index = new Uint32Array(n);
  for (let i = 0; i < n; ++i) index[i] = i;
  return index;
}

/** Marks a break in the output of {@link decimatePath}: the path is not drawn between its neighbours. */
export const PATH_GAP = 0xffffffff;

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
   * every jump are kept, with a {@link PATH_GAP} between them, so the path is not drawn across the jump.
   */
  breaks?: ArrayLike<number>;
  /**
   * Skip what is already drawn: a stretch of the path that runs through pixels (cells of `tolerance` px)
   * covered by an earlier stretch between breaks is left out, with gaps. A periodic orbit then costs one
   * loop, not one per spike. Default false.
   */
  overdraw?: boolean;
  /**
   * The region drawn, [xMin, xMax, yMin, yMax] in data units (the chart's domains), for the overdraw grid;
   * points outside share the border cells. Default: the extent of the path (one more pass over it).
   */
  bounds?: [number, number, number, number];
}

/**
 * Pixel-distance decimation of a path (x_i, y_i), such as a phase-plane trajectory: a sample is kept when it
 * lies at least `tolerance` pixels from the last kept one. The first and last samples, and both ends of
 * every break (reset jump), are always kept. Returns sample indices in increasing order, with
 * {@link PATH_GAP} entries where the path is interrupted. Non-finite samples are skipped (and interrupt it).
 */
export function decimatePath(x: ArrayLike<number>, y: ArrayLike<number>, options: PathOptions): Uint32Array {
  const n = Math.min(x.length, y.length);
  const sx = Math.abs(options.scaleX);
  const sy = Math.abs(options.scaleY);
  const tolerance = options.tolerance ?? 1;
  if (!(sx >= 0 && sy >= 0 && isFinite(sx) && isFinite(sy))) throw new RangeError("invalid scale");
  if (!(tolerance >= 0 && isFinite(tolerance))) throw new RangeError(`invalid tolerance: ${tolerance}`);
  const breaks = options.breaks ?? [];
  const t2 = tolerance * tolerance;
  const skipDrawn = options.overdraw === true && tolerance > 0 && n > 0;
  // Cells (tolerance × tolerance px) of the already-drawn stretches, and those of the current stretch.
  const grid = skipDrawn ? cellGrid(x, y, n, sx, sy, Math.max(tolerance, 0.5), options.bounds) : null;
  const drawn = grid ? new Uint8Array(grid.size) : null;
  let current: number[] = [];

  const out: number[] = [];
  let b = 0;
  while (b < breaks.length && breaks[b] < 0) ++b;
  let lastX = NaN; // the last sample considered (kept, or left out as already drawn)
  let lastY = NaN;
  let considered = false;
  let gap = false; // the next kept sample starts a new piece
  let skipped = -1; // last sample left out because it was already drawn
  let lastCell = -1;
  for (let i = 0; i < n; ++i) {
    const xi = x[i];
    const yi = y[i];
    const isBreak = b < breaks.length && breaks[b] === i;
    const afterBreak = b > 0 && breaks[b - 1] + 1 === i;
    if (isBreak) while (b < breaks.length && breaks[b] <= i) ++b;
    if (xi - xi !== 0 || yi - yi !== 0) {
      // NaN or ±∞: interrupt the path.
      gap = out.length > 0;
      skipped = -1;
      considered = false;
      continue;
    }
    const forced = i === 0 || i === n - 1 || isBreak || afterBreak;
    if (!forced && considered) {
      const dx = (xi - lastX) * sx;
      const dy = (yi - lastY) * sy;
      if (dx * dx + dy * dy < t2) continue;
    }
    lastX = xi;
    lastY = yi;
    considered = true;
    if (grid) {
      if (afterBreak) {
        // A new stretch begins: what the previous one covered now counts as drawn.
        for (const c of current) drawn![c] = 1;
        current = [];
        lastCell = -1;
      }
      const cx = Math.min(grid.columns - 1, Math.max(0, Math.floor((xi * sx - grid.xMin) / grid.side)));
      const cy = Math.min(grid.rows - 1, Math.max(0, Math.floor((yi * sy - grid.yMin) / grid.side)));
      const c = cx + grid.columns * cy;
      if (c !== lastCell) current.push((lastCell = c));
      if (!forced && drawn![c] === 1) {
        if (skipped < 0) gap = true;
        skipped = i;
        continue;
      }
      if (skipped >= 0) {
        // Back on new ground: resume from the last skipped sample so the piece joins what is drawn.
        if (gap && out.length) out.push(PATH_GAP);
        out.push(skipped);
        skipped = -1;
        gap = false;
      }
    }
    if ((gap || afterBreak) && out.length) out.push(PATH_GAP);
    gap = false;
    out.push(i);
  }
  return Uint32Array.from(out);
}

/** A grid of square cells (side `cell` px) covering the finite points of a path, for overdraw detection. */
function cellGrid(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  n: number,
  sx: number,
  sy: number,
  cell: number,
  bounds?: [number, number, number, number]
) {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  if (bounds && bounds.every((b) => isFinite(b)) && bounds[0] <= bounds[1] && bounds[2] <= bounds[3]) {
    xMin = Math.min(bounds[0] * sx, bounds[1] * sx);
    xMax = Math.max(bounds[0] * sx, bounds[1] * sx);
    yMin = Math.min(bounds[2] * sy, bounds[3] * sy);
    yMax = Math.max(bounds[2] * sy, bounds[3] * sy);
    n = 0; // no pass over the path
  }
  for (let i = 0; i < n; ++i) {
    const xi = x[i] * sx;
    const yi = y[i] * sy;
    if (!isFinite(xi) || !isFinite(yi)) continue;
    if (xi < xMin) xMin = xi;
    if (xi > xMax) xMax = xi;
    if (yi < yMin) yMin = yi;
    if (yi > yMax) yMax = yi;
  }
  // Coarsen the cells if the path spans an absurd number of them (memory stays under ~4 MB).
  let side = cell;
  while (((xMax - xMin) / side + 1) * ((yMax - yMin) / side + 1) > 4e6) side *= 2;
  const columns = xMin <= xMax ? Math.floor((xMax - xMin) / side) + 1 : 1;
  const rows = yMin <= yMax ? Math.floor((yMax - yMin) / side) + 1 : 1;
  return {size: columns * rows, columns, rows, side, xMin, yMin};
}
