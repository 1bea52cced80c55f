/**
 * The text of an SVG polyline path, "M12,-340L13,-338…", in integer tenths of a pixel (much cheaper to format and
 * to parse than decimals; the charts draw it at scale(0.1)). Written as ASCII bytes into one buffer kept from
 * path to path and decoded once: building it with `+=` made a number string and a string piece per point, about
 * 400 kB of garbage per explorer step, each of which the engine must collect.
 */

/** Largest |coordinate| written (tenths of a pixel): far-off points (a nullcline outside the frame) are clamped. */
const CLAMP = 1e6;
/** Bytes a point may take: a command, two signs, two 7-digit numbers and a comma. */
const POINT_BYTES = 18;

const M = 77; // "M"
const L = 76; // "L"
const COMMA = 44;
const MINUS = 45;
const ZERO = 48;

const decoder = new TextDecoder();
let bytes = new Uint8Array(1 << 15);
let length = 0;

/** Writes the integer `k` (|k| ≤ CLAMP) in decimal. */
function writeInteger(k: number): void {
  if (k < 0) {
    bytes[length++] = MINUS;
    k = -k;
  }
  let digits = 1;
  for (let p = 10; p <= k; p *= 10) digits++;
  for (let i = length + digits - 1; i >= length; i--) {
    bytes[i] = ZERO + (k % 10);
    k = Math.floor(k / 10);
  }
  length += digits;
}

/**
 * Starts a path of at most `points` points: the text written by {@link addPoint} until {@link pathText}. One path
 * at a time (the charts draw synchronously).
 */
export function beginPath(points: number): void {
  length = 0;
  const needed = points * POINT_BYTES;
  if (bytes.length < needed) bytes = new Uint8Array(Math.max(needed, 2 * bytes.length));
}

/**
 * Adds the point (px, py) in pixels: "L" to it when `pen` (joined to the point before), else "M" (a new subpath).
 * Rounded to tenths of a pixel, clamped to ±10⁵ px.
 */
export function addPoint(pen: boolean, px: number, py: number): void {
  // Math.round can give −0, written as "0" (as String(−0) is).
  const ix = Math.round(Math.max(-CLAMP, Math.min(CLAMP, px * 10)));
  const iy = Math.round(Math.max(-CLAMP, Math.min(CLAMP, py * 10)));
  bytes[length++] = pen ? L : M;
  writeInteger(ix);
  bytes[length++] = COMMA;
  writeInteger(iy);
}

/** The path's text so far. */
export function pathText(): string {
  return decoder.decode(bytes.subarray(0, length));
}

/**
 * The path data of the polyline through the first `n` points, mapped to pixels by px = kx·X + bx, py = ky·Y + by.
 * A point whose pixel is not finite (NaN in the data) is left out and starts a new subpath.
 */
export function linearPathData(
  X: ArrayLike<number>,
  Y: ArrayLike<number>,
  n: number,
  kx: number,
  bx: number,
  ky: number,
  by: number
): string {
  beginPath(n);
  let pen = false;
  for (let i = 0; i < n; ++i) {
    const px = kx * X[i] + bx;
    const py = ky * Y[i] + by;
    if (px - px !== 0 || py - py !== 0) {
      pen = false;
      continue;
    }
    addPoint(pen, px, py);
    pen = true;
  }
  return pathText();
}
