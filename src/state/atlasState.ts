/**
 * The atlas's side of the address bar: the explorer state (and link) of one atlas cell. The scan itself is in
 * the library (lib/scans/atlas.ts); the link format is the site's, so it lives here.
 */
import {ATLAS_V0, atlasU0, cellValues, type AtlasSpec} from "../lib/scans/atlas.js";
import {presetState, serializeState, type ClassId, type ExplorerState, type PresetLike} from "./urlState.js";

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
