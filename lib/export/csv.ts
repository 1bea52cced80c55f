/**
 * The data of a run as CSV: `toCSV` writes the samples, `spikesToCSV` the spike times (a second file). Numbers
 * are written in JavaScript's shortest round-trip form, so parsing a value gives back the very double.
 */
import {describe} from "../validate.js";

/** The columns a trace has (both `simulate`'s and `simulate2007`'s). */
export interface TraceData {
  t: ArrayLike<number>;
  v: ArrayLike<number>;
  u: ArrayLike<number>;
  I: ArrayLike<number>;
  spikes: ArrayLike<number>;
}

/** A number in its shortest round-trip form; −0 kept as "-0" (String gives "0"). */
function num(x: number): string {
  return Object.is(x, -0) ? "-0" : String(x);
}

function checkTrace(trace: unknown): TraceData {
  const columns = ["t", "v", "u", "I", "spikes"] as const;
  if (typeof trace !== "object" || trace === null)
    throw new TypeError(`trace: must be a trace (t, v, u, I, spikes), got ${describe(trace)}`);
  const data = trace as Record<string, unknown>;
  for (const name of columns) {
    const x = data[name] as {length?: unknown} | undefined;
    if (typeof x !== "object" || x === null || typeof x.length !== "number")
      throw new TypeError(`trace.${name}: must be an array of numbers, got ${describe(x)}`);
  }
  const n = (data.t as ArrayLike<number>).length;
  for (const name of ["v", "u", "I"] as const) {
    const length = (data[name] as ArrayLike<number>).length;
    if (length !== n) throw new RangeError(`trace.${name}: must have as many samples as trace.t (${n}), got ${length}`);
  }
  return trace as TraceData;
}

/**
 * The samples of a trace as CSV with the header `t,v,u,I`: t in ms, v in mV, u and I in the model's current units
 * (mV/ms for `simulate`, pA for `simulate2007`), one row per sample, lines ending in "\n".
 *
 * @example
 * toCSV(simulate({params: {a: 0.02, b: 0.2, c: -65, d: 8}, current: 10, duration: 1})).split("\n")[0]; // "t,v,u,I"
 */
export function toCSV(trace: TraceData): string {
  const {t, v, u, I} = checkTrace(trace);
  const rows = new Array<string>(t.length + 1);
  rows[0] = "t,v,u,I";
  for (let k = 0; k < t.length; k++) rows[k + 1] = `${num(t[k])},${num(v[k])},${num(u[k])},${num(I[k])}`;
  return rows.join("\n") + "\n";
}

/**
 * Any table as CSV: a header row, then one line per row. Numbers are written as {@link toCSV} writes them,
 * `null` (no value) as an empty field, and text is quoted when it holds a comma, quote or line break.
 *
 * @example
 * rowsToCSV(["I", "rate"], [[4, 0], [10, 40.5]]); // "I,rate\n4,0\n10,40.5\n"
 */
export function rowsToCSV(header: readonly string[], rows: readonly (readonly (number | string | null)[])[]): string {
  const field = (x: number | string | null) =>
    x === null ? "" : typeof x === "number" ? num(x) : /[",\n\r]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x;
  const lines = [header.map(field).join(",")];
  for (const [i, row] of rows.entries()) {
    if (row.length !== header.length)
      throw new RangeError(`rows[${i}]: must have ${header.length} fields (${header.join(", ")}), got ${row.length}`);
    lines.push(row.map(field).join(","));
  }
  return lines.join("\n") + "\n";
}

/** The spike times of a trace (ms) as CSV with the header `spike`, one row per spike. */
export function spikesToCSV(trace: TraceData): string {
  const {spikes} = checkTrace(trace);
  const rows = ["spike"];
  for (let i = 0; i < spikes.length; i++) rows.push(num(spikes[i]));
  return rows.join("\n") + "\n";
}
