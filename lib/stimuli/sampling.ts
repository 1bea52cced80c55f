/**
 * Shared pieces of sampling: how a block fill writes a node's samples, and the index on a regular time grid.
 *
 * Fill modes: ZERO and BLANK overwrite every sample, with 0 (the root: inactive means 0) or NaN (a group whose
 * activity an overlay needs) where the node is inactive; ADD adds where the node is active (the parts of a sum);
 * OVER overwrites where it is active (the parts of an overlay). A kind's `fill` only sees ADD or OVER. The
 * arithmetic of every fill is that of the kind's `value`, term for term, so `fill` and `value` agree bit for bit.
 */
export const ZERO = 0;
export const BLANK = 1;
export const ADD = 2;
export const OVER = 3;

/** How a leaf's samples are merged into the buffer: {@link ADD} or {@link OVER}. */
export type FillMode = typeof ADD | typeof OVER;

/** Adds v to a sum's running total, which is NaN until its first active part (as in a sum's value). */
export function added(old: number, v: number): number {
  return (old === old ? old : 0) + v;
}

/** Writes (or adds) the constant v into buf[a, b). */
export function fillConstant(buf: Float64Array, a: number, b: number, v: number, mode: number): void {
  if (mode === ADD) for (let k = a; k < b; k++) buf[k] = added(buf[k], v);
  else buf.fill(v, a, b);
}

/**
 * The last k ≥ 0 with lo + k·dt ≤ t (side −1: < t), k·dt computed as such. The division guesses k within rounding;
 * the grid's own times decide. The loops are bounded so that absurd times (where k·dt no longer resolves) cannot hang.
 */
export function gridIndex(lo: number, dt: number, t: number, side: number): number {
  let k = Math.floor((t - lo) / dt);
  if (k < 0) k = 0;
  if (side < 0) {
    for (let i = 0; i < 3 && k > 0 && lo + k * dt >= t; i++) k--;
    for (let i = 0; i < 3 && lo + (k + 1) * dt < t; i++) k++;
  } else {
    for (let i = 0; i < 3 && k > 0 && lo + k * dt > t; i++) k--;
    for (let i = 0; i < 3 && lo + (k + 1) * dt <= t; i++) k++;
  }
  return k;
}
