/**
 * What every page's address parser shares: reading the query string, strict decimal numbers, clamping to a
 * control's range, writing numbers into links, and the notices for the reader (untrusted text made safe to
 * show; the list deduplicated and capped). Pure: no DOM, so it can be tested in Node.
 *
 * One rule for every page: a number in an address is a plain decimal literal ("0.02", "-65", "1e-3"); hex,
 * binary, octal, "Infinity", "NaN", whitespace and empty text are not numbers. Anything a parser cannot use is
 * named in a notice, never silently dropped or accepted.
 */

/** Range, step and label of one numeric control. */
export interface NumberSpec {
  min: number;
  max: number;
  step: number;
  label: string;
}

/** Most settings a link may carry; the rest are ignored (with a notice). */
export const MAX_KEYS = 64;
/** Longest number literal read (longer text is not a number). */
const MAX_NUMBER_LENGTH = 40;
/** Most notice lines shown; the rest are summarised as "… and N more". */
export const MAX_NOTICES = 8;
/** Longest piece of untrusted text quoted in a notice. */
const MAX_SHOWN = 40;

const DECIMAL_LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A strict decimal number literal (no hex, binary, octal, "Infinity", "NaN", whitespace); else NaN. */
export function parseDecimal(text: string): number {
  if (typeof text !== "string" || text.length > MAX_NUMBER_LENGTH || !DECIMAL_LITERAL.test(text)) return NaN;
  const x = Number(text);
  return Number.isFinite(x) ? x : NaN; // "1e999" is a literal, but not a finite number
}

/** Clamps x to the spec's range and snaps it to the step grid (anchored at min), without float noise. */
export function clampToSpec(x: number, spec: NumberSpec): number {
  if (Number.isNaN(x)) return spec.min;
  const clamped = Math.min(spec.max, Math.max(spec.min, x));
  const snapped = spec.min + Math.round((clamped - spec.min) / spec.step) * spec.step;
  return roundTo(Math.min(spec.max, snapped), decimals(spec.step));
}

/** Number of decimals of a step such as 0.001 (3) or 0.5 (1). */
export function decimals(step: number): number {
  let n = 0;
  while (n < 12 && Math.abs(Math.round(step * 10 ** n) - step * 10 ** n) > 1e-9) ++n;
  return n;
}

function roundTo(x: number, n: number): number {
  const r = +x.toFixed(n);
  return r === 0 ? 0 : r; // no "-0" in links
}

/** Shortest decimal text of a number as written in links ("0.02", "-65", "0.03125"). */
export function formatNumber(x: number): string {
  return String(+x.toPrecision(12));
}

/**
 * A number read from a link for one control: clamped to the range and snapped to the step, with a notice when
 * the text is not a number (then `fallback` is kept and null returned) or lies outside the range.
 */
export function readSpecNumber(
  key: string,
  text: string,
  spec: NumberSpec,
  fallback: number,
  notices: string[]
): number | null {
  const x = parseDecimal(text);
  if (Number.isNaN(x)) {
    notices.push(`“${show(text)}” is not a number for ${show(key)}; using ${formatNumber(fallback)} instead.`);
    return null;
  }
  const clamped = clampToSpec(x, spec);
  if (x < spec.min || x > spec.max)
    notices.push(`${show(key)} = ${show(text)} is outside ${spec.min}…${spec.max}; using ${formatNumber(clamped)}.`);
  return clamped;
}

/**
 * The settings of a query string (with or without "?"), at most {@link MAX_KEYS} of them, the last one winning
 * where a key repeats, with one notice per repeated key and one for the settings past the limit. Never throws.
 */
export function readQuery(search: string): {values: Map<string, string>; notices: string[]} {
  const notices: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(typeof search === "string" ? search : "");
  } catch {
    params = new URLSearchParams();
  }
  const values = new Map<string, string>();
  const repeats = new Map<string, number>();
  let count = 0;
  for (const [key, value] of params) {
    if (++count > MAX_KEYS) {
      notices.push(`The link has more than ${MAX_KEYS} settings; the rest were ignored.`);
      break;
    }
    if (values.has(key)) repeats.set(key, (repeats.get(key) ?? 1) + 1);
    values.set(key, value);
  }
  for (const [key, n] of repeats)
    notices.unshift(`The setting “${show(key)}” appears more than once (${n} times); the last one was used.`);
  return {values, notices};
}

/** The notice for the settings of a query string that are not `known` (the first five named), or null. */
export function unknownNotice(values: ReadonlyMap<string, string>, known: ReadonlySet<string>): string | null {
  const unknown = [...values.keys()].filter((key) => !known.has(key));
  if (!unknown.length) return null;
  return `Ignored unknown setting${unknown.length > 1 ? "s" : ""}: ${unknown
    .slice(0, 5)
    .map((k) => `“${show(k)}”`)
    .join(", ")}${unknown.length > 5 ? `, and ${unknown.length - 5} more` : ""}.`;
}

/**
 * Characters that must never reach a notice: C0 and C1 controls, DEL, and the bidirectional marks, embeddings,
 * overrides and isolates (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069) that could reverse the page's words.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text with the characters of {@link UNSAFE} removed. */
export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE, "");
}

/** Shows an untrusted string in a notice: unsafe characters dropped, truncated (set as text, never markup). */
export function show(text: string): string {
  const clean = stripUnsafe(String(text));
  return clean.length > MAX_SHOWN ? `${clean.slice(0, MAX_SHOWN)}…` : clean;
}

/**
 * The notices as the reader sees them: unsafe characters stripped, identical lines shown once ("… (×65)"),
 * at most {@link MAX_NOTICES} lines, the last saying how many more there were.
 */
export function tidyNotices(notices: readonly string[], max = MAX_NOTICES): string[] {
  const counts = new Map<string, number>();
  for (const notice of notices) {
    const line = stripUnsafe(String(notice)).trim();
    if (line) counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  const lines = [...counts].map(([line, n]) => (n > 1 ? `${line} (×${n})` : line));
  if (lines.length <= max) return lines;
  const rest = lines.length - (max - 1);
  return [...lines.slice(0, max - 1), `… and ${rest} more.`];
}
