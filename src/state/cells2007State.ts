/**
 * The 2007-cells page's state: the cells' ids, the comparison tools' state (2–4 cells under one shared
 * current) and its round trip through the query string.
 */
import {CELLS_2007, type CellId2007} from "../lib/index.js";
import {readQuery, show} from "./urlState.js";

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

/** The query string (with "?") of a comparison. */
export function serializeCompare2007(state: Compare2007State): string {
  const q = new URLSearchParams();
  q.set("cells", state.cells.join(","));
  if (state.current.kind === "test") q.set("current", `${state.current.id}:${state.current.current}`);
  else {
    q.set("current", "step");
    q.set("amp", String(state.current.amplitude));
    q.set("on", String(state.current.onset));
    q.set("T", String(state.current.duration));
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
  const known = new Set(["cells", "current", "amp", "on", "T", "method", "overlay"]);
  for (const key of values.keys()) if (!known.has(key)) notices.push(`Unknown setting “${show(key)}” was ignored.`);
  const cells = values.get("cells");
  if (cells !== undefined) {
    try {
      state.cells = checkCells(cells.split(","));
    } catch (e) {
      notices.push(`Cells “${show(cells)}”: ${(e as Error).message}. The default cells are shown.`);
    }
  }
  const current = values.get("current");
  if (current === "step") {
    const number = (key: "amp" | "on" | "T", [lo, hi]: readonly [number, number], fallback: number, what: string) => {
      const text = values.get(key);
      if (text === undefined) return fallback;
      const x = text.trim() === "" ? Number.NaN : Number(text);
      if (Number.isFinite(x) && x >= lo && x <= hi) return x;
      notices.push(`${what} “${show(text)}” is not a number from ${lo} to ${hi}; ${fallback} was used.`);
      return fallback;
    };
    state.current = {
      kind: "step",
      amplitude: number("amp", STEP_LIMITS.amplitude, 200, "The step's amplitude (pA)"),
      onset: number("on", STEP_LIMITS.onset, 20, "The step's onset (ms)"),
      duration: number("T", STEP_LIMITS.duration, 300, "The run length (ms)")
    };
  } else if (current !== undefined) {
    const [id, I] = current.split(":");
    const preset = (CELL_IDS_2007 as readonly string[]).includes(id) ? CELLS_2007[id as CellId2007] : null;
    if (preset && preset.testCurrents.includes(Number(I)))
      state.current = {kind: "test", id: id as CellId2007, current: Number(I)};
    else
      notices.push(
        `Current “${show(current)}” is neither “step” nor one of the book's test currents (e.g. CH2007:300); the default was used.`
      );
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
  return {state, notices};
}
