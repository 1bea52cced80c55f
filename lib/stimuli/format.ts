/** Pieces of the human-readable labels of stimuli (see stimulusLabel). */
import type {Closed} from "./window.js";

/** A number for a label: integers as they are, others to 4 significant digits, with a typographic minus. */
export function fmt(x: number): string {
  const s = Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4)));
  return s.replace("-", "−");
}

/** A window as text, e.g. "10 ≤ t < 20 ms"; "" for the whole line. */
export function windowText(lo: number, hi: number, closed: Closed): string {
  const loIn = closed === "left" || closed === "both";
  const hiIn = closed === "right" || closed === "both";
  if (lo === -Infinity && hi === Infinity) return "";
  if (lo === hi) return loIn && hiIn ? `t = ${fmt(lo)} ms` : "never";
  if (hi === Infinity) return `t ${loIn ? "≥" : ">"} ${fmt(lo)} ms`;
  if (lo === -Infinity) return `t ${hiIn ? "≤" : "<"} ${fmt(hi)} ms`;
  return `${fmt(lo)} ${loIn ? "≤" : "<"} t ${hiIn ? "≤" : "<"} ${fmt(hi)} ms`;
}

/** `text` followed by " for <window>", unless the window is the whole line. */
export function forWindow(text: string, lo: number, hi: number | null | undefined, closed: Closed | undefined): string {
  const w = windowText(lo, hi ?? Infinity, closed ?? "left");
  return w ? `${text} for ${w}` : text;
}
