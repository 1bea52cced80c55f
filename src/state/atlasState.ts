/**
 * The atlas's side of the address bar: the maps' settings (so a link or Back restores them) and the explorer
 * state (and link) of one atlas cell. The scan itself is in
 * the library (lib/scans/atlas.ts); the link format is the site's, so it lives here.
 */
import {
  ATLAS_V0,
  DEFAULT_MAPS,
  MAP_IDS,
  atlasU0,
  cellValues,
  checkSpec,
  type AtlasSpec,
  type MapId
} from "../lib/scans/atlas.js";
import {presetState, serializeState, type ClassId, type ExplorerState, type PresetLike} from "./urlState.js";
import {parseDecimal, readQuery, show, stripUnsafe} from "./address.js";

/** Squared distance in units of the parameters' typical spreads, for the nearest class. */
function distance(
  p: {a: number; b: number; c: number; d: number},
  q: {a: number; b: number; c: number; d: number}
): number {
  return ((p.a - q.a) / 0.05) ** 2 + ((p.b - q.b) / 0.05) ** 2 + ((p.c - q.c) / 10) ** 2 + ((p.d - q.d) / 4) ** 2;
}

/**
 * The explorer state of a cell: the nearest 2003 class (for everything the atlas does not set), with the
 * cell's a, b, c, d, initial state, duration, dt and method, its DC current and the class's protocol off.
 */
export function cellState(spec: AtlasSpec, i: number, j: number, classes: Record<ClassId, PresetLike>): ExplorerState {
  const q = cellValues(spec, i, j);
  let nearest: ClassId = "RS";
  for (const id of Object.keys(classes) as ClassId[])
    if (distance(classes[id].params, q) < distance(classes[nearest].params, q)) nearest = id;
  const base = presetState(nearest, classes, {method: spec.method, dt: spec.dt});
  return {
    ...base,
    a: q.a,
    b: q.b,
    c: q.c,
    d: q.d,
    v0: ATLAS_V0,
    u0: atlasU0(q.b),
    T: spec.duration,
    protocol: false,
    dc: true,
    dcI: q.I
  };
}

/** The explorer's address of a cell, relative to the atlas page (the lab page → the explorer). */
export function cellHref(
  spec: AtlasSpec,
  i: number,
  j: number,
  classes: Record<ClassId, PresetLike>,
  base = "../"
): string {
  return `${base}${serializeState(cellState(spec, i, j, classes))}`;
}

/**
 * The atlas maps' settings in the address, so that a link (and Back, after a cell opened the explorer) brings
 * the maps back as they were. One key per setting that differs from the map's default, prefixed with the map's
 * id: `?cd.I=14&cd.n=32&ab.x=0,0.1&Id.method=paper2004`. Keys: n (cells per side), x and y ("min,max" of the
 * swept axes), a, b, c, d, I (the fixed quantities), T (duration, ms), dt (ms), method.
 */
const FIXED_KEYS = ["a", "b", "c", "d", "I"] as const;

/** The address's query for these maps: only what differs from `defaults` (empty when nothing does). */
export function atlasSearch(
  specs: Partial<Record<MapId, AtlasSpec>>,
  defaults: Readonly<Record<MapId, AtlasSpec>> = DEFAULT_MAPS
): string {
  const params = new URLSearchParams();
  for (const id of MAP_IDS) {
    const spec = specs[id];
    const base = defaults[id];
    if (!spec) continue;
    if (spec.x.n !== base.x.n) params.set(`${id}.n`, String(spec.x.n));
    for (const axis of ["x", "y"] as const)
      if (spec[axis].min !== base[axis].min || spec[axis].max !== base[axis].max)
        params.set(`${id}.${axis}`, `${spec[axis].min},${spec[axis].max}`);
    for (const key of FIXED_KEYS)
      if (key !== spec.x.key && key !== spec.y.key && spec.fixed[key] !== base.fixed[key])
        params.set(`${id}.${key}`, String(spec.fixed[key]));
    if (spec.duration !== base.duration) params.set(`${id}.T`, String(spec.duration));
    if (spec.dt !== base.dt) params.set(`${id}.dt`, String(spec.dt));
    if (spec.method !== base.method) params.set(`${id}.method`, spec.method);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The maps an address asks for (only those it changes), and what in it could not be used. */
export interface AtlasAddress {
  specs: Partial<Record<MapId, AtlasSpec>>;
  notices: string[];
}

/** Reads the maps' settings from a query string; a bad value leaves that map at its default, with a notice. */
export function parseAtlasSearch(
  search: string,
  defaults: Readonly<Record<MapId, AtlasSpec>> = DEFAULT_MAPS
): AtlasAddress {
  const specs: Partial<Record<MapId, AtlasSpec>> = {};
  const {values, notices} = readQuery(search);
  const byMap = new Map<MapId, [string, string][]>();
  for (const [key, value] of values) {
    const dot = key.indexOf(".");
    const id = key.slice(0, dot) as MapId;
    if (dot < 0 || !MAP_IDS.includes(id)) {
      notices.push(`Unknown setting “${show(key)}”: ignored.`);
      continue;
    }
    byMap.set(id, [...(byMap.get(id) ?? []), [key.slice(dot + 1), value]]);
  }
  for (const [id, entries] of byMap) {
    const base = defaults[id];
    const draft = {
      ...base,
      x: {...base.x},
      y: {...base.y},
      fixed: {...base.fixed}
    } as AtlasSpec;
    const num = (key: string, text: string): number => {
      const value = parseDecimal(text);
      if (Number.isNaN(value)) throw new RangeError(`${id}.${key}: expected a number, got “${show(text)}”`);
      return value;
    };
    try {
      for (const [key, value] of entries) {
        if (key === "n") draft.x.n = draft.y.n = num(key, value);
        else if (key === "x" || key === "y") {
          const parts = value.split(",");
          if (parts.length !== 2) throw new RangeError(`${id}.${key}: expected “min,max”, got “${show(value)}”`);
          draft[key].min = num(key, parts[0]!);
          draft[key].max = num(key, parts[1]!);
        } else if ((FIXED_KEYS as readonly string[]).includes(key))
          draft.fixed[key as (typeof FIXED_KEYS)[number]] = num(key, value);
        else if (key === "T") draft.duration = num(key, value);
        else if (key === "dt") draft.dt = num(key, value);
        else if (key === "method") draft.method = value as AtlasSpec["method"];
        else throw new RangeError(`unknown setting “${id}.${show(key)}”`);
      }
      specs[id] = checkSpec(draft);
    } catch (e) {
      notices.push(
        `The ${id} map keeps its default settings: ${stripUnsafe(e instanceof Error ? e.message : String(e))}.`
      );
    }
  }
  return {specs, notices};
}
