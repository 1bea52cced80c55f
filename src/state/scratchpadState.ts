/**
 * The scratchpad's state: the code of its cells, kept in the address (`#code=…&code=…`, one base64url-encoded
 * UTF-8 text per cell, so a link reproduces the page) and in localStorage (so a reload keeps the reader's
 * work). Pure apart from the Storage passed in: testable in Node.
 *
 * Code read from a link is only ever text: the page puts it in the editors and never runs it until the reader
 * presses Run.
 */

/** The page's path, as the site's header names it. */
export const SCRATCHPAD_PATH = "/scratchpad";

/** Where the cells are kept in localStorage. */
export const STORAGE_KEY = "izhikevich-explorer:scratchpad";

/** At most this many cells and this many characters per cell are read from a link or from storage. */
export const MAX_CELLS = 50;
export const MAX_CELL_LENGTH = 100_000;

/** The first cell of a new scratchpad: a regular spiking neuron as published, and its membrane potential. */
export const DEFAULT_CELL = `// A regular spiking (RS) neuron as Izhikevich published it (2003, Fig. 2):
// the current steps up at t = 15 ms. v is in mV, t in ms.
const trace = simulate(CLASSES.RS);

Plot.plot({
  width,
  height: 260,
  x: {label: "t (ms)"},
  y: {label: "v (mV)"},
  marks: [Plot.lineY(trace.v, {x: trace.t, stroke: "steelblue"})]
})`;

/** A base64url text (no padding) of the UTF-8 bytes of `text`. */
export function encodeCode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The text `encodeCode` encoded; throws on anything that is not base64url of valid UTF-8. */
export function decodeCode(encoded: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) throw new Error("not base64url");
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", {fatal: true}).decode(bytes);
}

/** The address hash (without "#") that carries `cells`. */
export function serializeCells(cells: readonly string[]): string {
  return cells.map((code) => `code=${encodeCode(code)}`).join("&");
}

/** What an address hash carries: the cells (null when it has none) and notices about what was left out. */
export interface ParsedCells {
  cells: string[] | null;
  notices: string[];
}

/** The cells an address hash ("#code=…&code=…") carries. Never throws; anything unreadable becomes a notice. */
export function parseCellsHash(hash: string): ParsedCells {
  const notices: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ""));
  } catch {
    return {cells: null, notices: ["The link's code could not be read."]};
  }
  const encoded = params.getAll("code");
  if (!encoded.length) return {cells: null, notices};
  const cells: string[] = [];
  encoded.forEach((text, i) => {
    if (cells.length >= MAX_CELLS) return;
    try {
      const code = decodeCode(text);
      if (code.length > MAX_CELL_LENGTH)
        notices.push(`Cell ${i + 1} of the link is too long (over ${MAX_CELL_LENGTH} characters) and was left out.`);
      else cells.push(code);
    } catch {
      notices.push(`Cell ${i + 1} of the link could not be read and was left out.`);
    }
  });
  if (encoded.length > MAX_CELLS)
    notices.push(`The link has ${encoded.length} cells; the first ${MAX_CELLS} are shown.`);
  return {cells: cells.length ? cells : null, notices};
}

/** A link to the scratchpad that opens with `code` in its one cell (code is not run until the reader presses Run). */
export function scratchpadHref(code: string, path: string = SCRATCHPAD_PATH): string {
  return `${path}#${serializeCells([code])}`;
}

/** The cells kept in `storage`, or null when none are (or they cannot be read). */
export function loadStoredCells(storage: Pick<Storage, "getItem"> | null | undefined): string[] | null {
  try {
    const value: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? "null");
    if (!Array.isArray(value) || !value.length || !value.every((c) => typeof c === "string")) return null;
    return value.slice(0, MAX_CELLS).filter((c: string) => c.length <= MAX_CELL_LENGTH);
  } catch {
    return null;
  }
}

/** Keeps `cells` in `storage`; false when storage refused (full, or disabled by the browser). */
export function storeCells(storage: Pick<Storage, "setItem"> | null | undefined, cells: readonly string[]): boolean {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(cells));
    return !!storage;
  } catch {
    return false;
  }
}

/** Where the page starts: the link's cells (to be run only on request), else the stored ones, else the default. */
export function initialCells(
  hash: string,
  storage: Pick<Storage, "getItem"> | null | undefined
): {cells: string[]; fromLink: boolean; notices: string[]} {
  const linked = parseCellsHash(hash);
  if (linked.cells) return {cells: linked.cells, fromLink: true, notices: linked.notices};
  return {cells: loadStoredCells(storage) ?? [DEFAULT_CELL], fromLink: false, notices: linked.notices};
}
