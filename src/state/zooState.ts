/**
 * The zoo's side of the address bar: which view the gallery opens in (`?mode=accurate`) and which panel a
 * link points at (`#panel-G`). Malformed input (an unknown mode, a hash that is not valid percent-encoding)
 * becomes a notice for the reader, never an exception.
 */
import {readQuery, show, unknownNotice} from "./address.js";

/** `decodeURIComponent` that returns null for malformed percent-encoding ("%E0%A4%A") instead of throwing. */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** What the gallery shows: one method, the other, or both overlaid. */
export const ZOO_MODE_IDS = ["published", "accurate", "overlay"] as const;
export type ZooMode = (typeof ZOO_MODE_IDS)[number];

/** The mode named in a query string (`?mode=accurate`), else null. */
export function modeFromSearch(search: string): ZooMode | null {
  let value: string | null = null;
  try {
    value = new URLSearchParams(search).get("mode");
  } catch {
    return null;
  }
  return (ZOO_MODE_IDS as readonly (string | null)[]).includes(value) ? (value as ZooMode) : null;
}

/** The zoo's address read in full: the mode, the panel the hash names (or null), and what could not be used. */
export interface ZooAddress {
  mode: ZooMode;
  panel: string | null;
  notices: string[];
}

/**
 * Reads the zoo's query and hash. `panels` are the panel ids that exist ("A", …, "RS"); a hash naming
 * another panel, or one that cannot be decoded, gives a notice and no target.
 */
export function parseZooAddress(search: string, hash: string, panels: readonly string[]): ZooAddress {
  const {values, notices} = readQuery(search);
  const raw = values.get("mode");
  const mode = (ZOO_MODE_IDS as readonly (string | undefined)[]).includes(raw) ? (raw as ZooMode) : null;
  if (raw !== undefined && mode === null)
    notices.push(`Unknown view “${show(raw)}” (mode): showing as published. Known: ${ZOO_MODE_IDS.join(", ")}.`);
  const unknown = unknownNotice(values, new Set(["mode"]));
  if (unknown) notices.push(unknown);
  let panel: string | null = null;
  const fragment = hash.replace(/^#/, "");
  if (fragment) {
    const id = safeDecode(fragment);
    if (id === null) notices.push(`The part after # (“${show(fragment)}”) is not a valid address: ignored.`);
    else if (id.startsWith("panel-") && panels.includes(id.slice("panel-".length))) panel = id;
    else if (id.startsWith("panel-"))
      notices.push(`No panel “${show(id.slice("panel-".length))}” in the zoo: the link’s # part is ignored.`);
  }
  return {mode: mode ?? "published", panel, notices};
}

/** The zoo's query string (with "?") for a mode; read back by {@link parseZooAddress}, it gives the same mode. */
export function zooSearch(mode: ZooMode): string {
  return `?${new URLSearchParams({mode})}`;
}
