/**
 * The atlas page's pieces that are not a map: the maps' settings kept in the address, the section comparing
 * the fast kernel with the accurate method, from src/data/atlas-agreement.json (written by
 * scripts/atlas-agreement.ts), and the worker factory (from src/workers/workers.ts).
 */
import * as Inputs from "@observablehq/inputs";
import {MAP_IDS, type AtlasSpec, type MapId} from "../../lib/scans/atlas.js";
import {atlasSearch, parseAtlasSearch} from "../../state/atlasState.js";
import {replaceAddress} from "../../state/replaceAddress.js";
import {UrlNotice} from "../messages.js";
import type {AtlasMap} from "./atlasMap.js";

export {atlasWorker} from "../../workers/workers.js";

/**
 * Restores the maps a link (or Back, after a cell opened the explorer) asks for, and keeps the address in step
 * with every change of a map's settings. Returns the notice about what in the link could not be used.
 */
export function linkMapsToAddress(maps: Record<MapId, AtlasMap>, where: Location = location): HTMLElement {
  const {specs, notices} = parseAtlasSearch(where.search);
  for (const id of MAP_IDS) {
    const spec = specs[id];
    if (spec) maps[id].restore(spec);
  }
  for (const id of MAP_IDS)
    // The changed map's new spec comes with the call: its own `spec` is still the old one until it recomputes.
    maps[id].onSpec((spec) => {
      const search = atlasSearch(Object.fromEntries(MAP_IDS.map((k) => [k, k === id ? spec : maps[k].spec])));
      replaceAddress(`${where.pathname}${search}${where.hash}`);
    });
  return UrlNotice(notices);
}

/** The shape of src/data/atlas-agreement.json (the parts the page shows). */
export interface Agreement {
  total: number;
  agree: number;
  fraction: number;
  seconds: number;
  maps: Record<string, MapAgreement>;
}

interface MapAgreement {
  spec: AtlasSpec;
  cells: number;
  agree: number;
  fraction: number;
  samePerBurst: number;
  fast: number[];
  accurate: number[];
  disagreements: {i: number; j: number; x: number; y: number; fast: string; accurate: string}[];
}

/** How many of a map's disagreeing cells have a neighbour (4-connected) with another label by either method. */
export function onBorders(m: MapAgreement): number {
  const {n: nx} = m.spec.x;
  const {n: ny} = m.spec.y;
  return m.disagreements.filter(({i, j}) => {
    const k = j * nx + i;
    return [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1]
    ].some(([di, dj]) => {
      const p = i + di!;
      const q = j + dj!;
      if (p < 0 || q < 0 || p >= nx || q >= ny) return false;
      const l = q * nx + p;
      return m.fast[l] !== m.fast[k] || m.accurate[l] !== m.accurate[k];
    });
  }).length;
}

/** The sentence that introduces the table of disagreements, with its numbers from the file. */
export function disagreementIntro(a: Agreement): HTMLElement {
  const maps = Object.entries(a.maps);
  const count = maps.reduce((s, [, m]) => s + m.disagreements.length, 0);
  const border = maps.reduce((s, [, m]) => s + onBorders(m), 0);
  const [worstId, worst] = maps.reduce((w, e) => (e[1].fraction < w[1].fraction ? e : w));
  const p = document.createElement("p");
  p.textContent =
    `The ${count} cells where they disagree (label, with spikes per burst in brackets where there are bursts). ` +
    `${border === count ? "Every one" : `${border}`} of them ${border === count ? "has" : "have"} a neighbouring cell with another label (by either method): ` +
    `they lie on borders between two behaviours, where a small shift of spike times moves a cell across. ` +
    `The ${MAP_NAMES[worstId] ?? worstId} map agrees least, ${percent(worst.fraction)}.`;
  return p;
}

const MAP_NAMES: Record<string, string> = {cd: "(c, d)", ab: "(a, b)", Id: "(I, d)"};
const percent = (x: number) => `${(100 * x).toFixed(2)}%`;

/** One paragraph: the agreement overall and per map. */
export function agreementSummary(a: Agreement): HTMLElement {
  const p = document.createElement("p");
  const strong = document.createElement("strong");
  strong.textContent = `${a.agree} of ${a.total} cells (${percent(a.fraction)})`;
  const perMap = Object.entries(a.maps)
    .map(([id, m]) => `${MAP_NAMES[id] ?? id}: ${m.agree} of ${m.cells} (${percent(m.fraction)})`)
    .join("; ");
  const samePerBurst = Object.values(a.maps).reduce((s, m) => s + m.samePerBurst, 0);
  p.append(
    "The fast kernel and the accurate method give the same label on ",
    strong,
    ` — ${perMap}. Where the labels agree, the spikes per burst agree too in ${samePerBurst} of ${a.agree} cells.`
  );
  return p;
}

/** The disagreements as a table: map, the two swept values, the label of each method. */
export function disagreementTable(a: Agreement): HTMLElement {
  const rows = Object.entries(a.maps).flatMap(([id, m]) =>
    m.disagreements.map((d) => ({
      map: MAP_NAMES[id] ?? id,
      x: `${m.spec.x.key} = ${d.x}`,
      y: `${m.spec.y.key} = ${d.y}`,
      fast: d.fast,
      accurate: d.accurate
    }))
  );
  const table = Inputs.table(rows, {
    columns: ["map", "x", "y", "fast", "accurate"],
    header: {map: "Map", x: "First value", y: "Second value", fast: "Euler, dt = 2⁻⁵ ms", accurate: "Adaptive"},
    rows: 12.5,
    layout: "auto"
  }) as HTMLElement;
  table.classList.add("atlas-table");
  table.setAttribute("aria-label", `The ${rows.length} cells where the fast kernel and the accurate method disagree`);
  return table;
}
