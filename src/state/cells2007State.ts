/**
 * The 2007-cells page's state: the cells' ids, the comparison tools' state (2–4 cells under one shared
 * current) and its round trip through the query string.
 */
import {CELLS_2007} from "../lib/presets/cells2007.js";
import type {CellId2007} from "../lib/index.js";
import {formatNumber, parseDecimal, readQuery, show, unknownNotice} from "./address.js";

/** The cells in the book's order, then the two burst-mode presets. */
export const CELL_IDS_2007: readonly CellId2007[] = Object.freeze([
  "RS2007",
  "IB2007",
  "CH2007",
  "LTS2007",
  "FS2007",
  "TC2007",
  "RTN2007",
  "TC2007_burst",
  "RTN2007_burst"
]);

export const MIN_CELLS = 2;
export const MAX_CELLS = 4;

/** The shared current: one cell's test current (with its protocol), or a step the reader sets. */
export type SharedCurrent =
  {kind: "test"; id: CellId2007; current: number} | {kind: "step"; amplitude: number; onset: number; duration: number};

/** State of the comparison tools. */
export interface Compare2007State {
  cells: CellId2007[];
  current: SharedCurrent;
  method: "book" | "adaptive";
  overlay: boolean;
}

/**
 * The comparison a reader first sees: three cells that each do what their names say under one shared current,
 * IB's test current of 500 pA (the first at which IB bursts, then spikes singly; at CH's 300 pA, IB, whose
 * I_AH is 347.7 pA, would rest). tests/components/cells2007/namedBehaviour.test.ts checks each cell fires as
 * named under it.
 */
export const DEFAULT_COMPARE_2007: Compare2007State = Object.freeze({
  cells: ["RS2007", "IB2007", "FS2007"],
  current: {kind: "test", id: "IB2007", current: 500},
  method: "book",
  overlay: false
}) as Compare2007State;

/** Limits of the reader's step (pA, ms). */
export const STEP_LIMITS = {amplitude: [-2000, 2000], onset: [0, 500], duration: [20, 1000]} as const;

/**
 * The reader's step as the page runs it: each setting clamped to its limits (a setting that is not a finite
 * number becomes its lower limit), and the onset at least 1 ms before the end of the run (so the step is seen).
 * With `notices`, each change is named there.
 */
export function clampStep(
  current: {amplitude: number; onset: number; duration: number},
  notices?: string[]
): {kind: "step"; amplitude: number; onset: number; duration: number} {
  const clamp = (x: number, [lo, hi]: readonly [number, number]) =>
    Math.min(hi, Math.max(lo, Number.isFinite(x) ? x : lo));
  const amplitude = clamp(current.amplitude, STEP_LIMITS.amplitude);
  const duration = clamp(current.duration, STEP_LIMITS.duration);
  const inRange = clamp(current.onset, STEP_LIMITS.onset);
  const onset = Math.min(inRange, +(duration - 1).toPrecision(12)); // 20.3 − 1 is 19.3, not 19.299999999999997
  if (notices && onset !== inRange)
    notices.push(
      `The step's onset (${formatNumber(inRange)} ms) must come before the end of the run (${formatNumber(duration)} ms); ${formatNumber(onset)} ms was used.`
    );
  return {kind: "step", amplitude, onset, duration};
}

/** Checks 2–4 known cells; throws with the value and what is allowed. */
export function checkCells(cells: readonly string[]): CellId2007[] {
  if (cells.length < MIN_CELLS || cells.length > MAX_CELLS)
    throw new RangeError(`cells: ${cells.length} given; allowed: ${MIN_CELLS} to ${MAX_CELLS}`);
  for (const c of cells)
    if (!(CELL_IDS_2007 as readonly string[]).includes(c))
      throw new RangeError(`cells: unknown cell "${c}"; allowed: ${CELL_IDS_2007.join(", ")}`);
  return cells as CellId2007[];
}

// ---------------------------------------------------------------------------------------------------------
// The comparison in the address: ?cells=RS2007,FS2007&current=CH2007:300&method=book&overlay=1, or for a step
// current=step&amp=200&on=20&T=300. Every setting is written, so a link does not depend on the defaults.
// ---------------------------------------------------------------------------------------------------------

/**
 * The query string (with "?") of a comparison. A step is written as the page runs it (clamped: typing 1e308
 * writes the largest amplitude, 2000 pA), so the link reopens what the reader saw.
 */
export function serializeCompare2007(state: Compare2007State): string {
  const q = new URLSearchParams();
  q.set("cells", state.cells.join(","));
  if (state.current.kind === "test") q.set("current", `${state.current.id}:${formatNumber(state.current.current)}`);
  else {
    const step = clampStep(state.current);
    q.set("current", "step");
    q.set("amp", formatNumber(step.amplitude));
    q.set("on", formatNumber(step.onset));
    q.set("T", formatNumber(step.duration));
  }
  q.set("method", state.method);
  if (state.overlay) q.set("overlay", "1");
  return `?${q}`;
}

/**
 * The comparison a query string asks for, and a plain-text notice for each setting that could not be used
 * (the default is kept for it). Never throws.
 */
export function parseCompare2007(search: string): {state: Compare2007State; notices: string[]} {
  const {values, notices} = readQuery(search);
  const state: Compare2007State = {
    ...DEFAULT_COMPARE_2007,
    cells: [...DEFAULT_COMPARE_2007.cells],
    current: {...DEFAULT_COMPARE_2007.current}
  };
  const known = new Set(["cells", "current", "method", "overlay"]);
  const cells = values.get("cells");
  if (cells !== undefined) {
    try {
      state.cells = checkCells(cells.split(","));
    } catch (e) {
      notices.push(`Cells “${show(cells)}”: ${show((e as Error).message)}. The default cells are shown.`);
    }
  }
  const current = values.get("current");
  if (current === "step") {
    for (const key of ["amp", "on", "T"]) known.add(key);
    const number = (key: "amp" | "on" | "T", [lo, hi]: readonly [number, number], fallback: number, what: string) => {
      const text = values.get(key);
      if (text === undefined) return fallback;
      const x = parseDecimal(text);
      if (Number.isNaN(x)) {
        notices.push(`${what} “${show(text)}” is not a number; ${fallback} was used.`);
        return fallback;
      }
      const clamped = Math.min(hi, Math.max(lo, x));
      if (clamped !== x) notices.push(`${what} ${show(text)} is outside ${lo} to ${hi}; ${clamped} was used.`);
      return clamped;
    };
    state.current = clampStep(
      {
        amplitude: number("amp", STEP_LIMITS.amplitude, 200, "The step's amplitude (pA)"),
        onset: number("on", STEP_LIMITS.onset, 20, "The step's onset (ms)"),
        duration: number("T", STEP_LIMITS.duration, 300, "The run length (ms)")
      },
      notices
    );
  } else if (current !== undefined) {
    const parts = current.split(":");
    const id = parts[0]!;
    const I = parts.length === 2 ? parseDecimal(parts[1]!) : NaN;
    const preset = (CELL_IDS_2007 as readonly string[]).includes(id) ? CELLS_2007[id as CellId2007] : null;
    if (preset && preset.testCurrents.includes(I)) state.current = {kind: "test", id: id as CellId2007, current: I};
    else
      notices.push(
        `Current “${show(current)}” is neither “step” nor one of the book's test currents (e.g. CH2007:300); the default was used.`
      );
  }
  if (current !== "step")
    for (const key of ["amp", "on", "T"])
      if (values.has(key)) {
        known.add(key);
        notices.push(`The step's setting ${key} was ignored: the current is not a step.`);
      }
  const method = values.get("method");
  if (method !== undefined) {
    if (method === "book" || method === "adaptive") state.method = method;
    else notices.push(`Method “${show(method)}” is not “book” or “adaptive”; “${state.method}” was used.`);
  }
  const overlay = values.get("overlay");
  if (overlay !== undefined) {
    if (overlay === "1" || overlay === "0") state.overlay = overlay === "1";
    else notices.push(`Overlay “${show(overlay)}” is not 1 or 0; it was left off.`);
  }
  const unknown = unknownNotice(values, known);
  if (unknown) notices.push(unknown);
  return {state, notices};
}
