/**
 * When a part is on: its window [start, end] and which ends belong to it, as written in the JSON (`Window`) and as
 * compiled for evaluation (`Interval`, with both ends and their closedness resolved).
 */

/**
 * Which ends of a window [start, end] belong to it: "open" (start, end), "left" [start, end) (the default),
 * "right" (start, end], "both" [start, end]. figure1.m's strict inequalities (`t > T1`) are "open".
 */
export type Closed = "open" | "left" | "right" | "both";

/** The values `closed` accepts. */
export const CLOSED_VALUES: readonly Closed[] = ["open", "left", "right", "both"];

/** When a part is on. Outside its window a part is inactive and contributes 0. */
export interface Window {
  /** Start of the window (ms). Default 0 (noise); −∞ for a sine, which is dc-like. */
  start?: number;
  /** End of the window (ms); null or absent: forever. */
  end?: number | null;
  /** Which ends belong to the window; default "left", i.e. [start, end). */
  closed?: Closed;
}

/** Sets a builder's optional end and closedness; absent options stay absent, so the JSON is as short as the call. */
export function withWindow<T extends Window>(part: T, end?: number | null, closed?: Closed): T {
  if (end !== undefined) part.end = end;
  if (closed !== undefined) part.closed = closed;
  return part;
}

/** A compiled window: lo, hi (ms, ±∞ allowed) and whether each end belongs. */
export interface Interval {
  lo: number;
  hi: number;
  loIn: boolean;
  hiIn: boolean;
}

/** Whether the closedness includes the start (loIn) and the end (hiIn). */
export function endsIn(closed: Closed): {loIn: boolean; hiIn: boolean} {
  return {loIn: closed === "left" || closed === "both", hiIn: closed === "right" || closed === "both"};
}

/** The interval [start, end] with the given closedness. */
export function intervalOf(start: number, end: number, closed: Closed): Interval {
  return {lo: start, hi: end, ...endsIn(closed)};
}

/** A (validated) part's interval: its end (absent or null: +∞) and closedness (default "left"), from `start`. */
export function partInterval(part: Window, start: number): Interval {
  const end = part.end !== undefined && part.end !== null ? part.end : Infinity;
  return intervalOf(start, end, part.closed ?? "left");
}

/** Whether t is in the interval; side +1 / −1 ask about the right / left limit, whatever the closedness. */
export function inside(w: Interval, t: number, side: number): boolean {
  if (side === 0) return (t > w.lo || (t === w.lo && w.loIn)) && (t < w.hi || (t === w.hi && w.hiIn));
  return side > 0 ? t >= w.lo && t < w.hi : t > w.lo && t <= w.hi;
}

/**
 * The samples k in [0, count) whose time t0 + k·dt lies in the window, as [first, end). Times grow with k, so the
 * set is one run; the division only guesses its ends and the window's own test decides them exactly.
 */
export function windowRange(
  lo: number,
  hi: number,
  loIn: boolean,
  hiIn: boolean,
  t0: number,
  dt: number,
  count: number
): [number, number] {
  const after = (k: number) => {
    const t = t0 + k * dt;
    return t > lo || (t === lo && loIn);
  };
  const before = (k: number) => {
    const t = t0 + k * dt;
    return t < hi || (t === hi && hiIn);
  };
  if (dt === 0) return after(0) && before(0) ? [0, count] : [0, 0];
  const clamp = (x: number, min: number) => (x < min ? min : x > count ? count : x);
  let a = lo === -Infinity ? 0 : clamp(Math.ceil((lo - t0) / dt), 0);
  while (a > 0 && after(a - 1)) a--;
  while (a < count && !after(a)) a++;
  let b = hi === Infinity ? count : clamp(Math.floor((hi - t0) / dt) + 1, a);
  while (b > a && !before(b - 1)) b--;
  while (b < count && before(b)) b++;
  return [a, b];
}

/** Pushes a window's two edges where they lie in (t0, t1): the breakpoints of step, ramp, sine and chirp. */
export function windowEdges(n: Interval, t0: number, t1: number, out: number[]): void {
  if (n.lo > t0 && n.lo < t1) out.push(n.lo);
  if (n.hi > t0 && n.hi < t1) out.push(n.hi);
}
