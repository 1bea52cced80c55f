/** The zoo's side of the address bar: which view the gallery opens in (`?mode=accurate`). */

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
