/**
 * The atlas page's three maps, sharing one pool of workers (one per core). Each map starts from the maps
 * computed at build time and recomputes in the pool when its settings change; all of it is torn down when the
 * page goes away.
 */
// The presets' own modules, not the library's index: the page then loads and runs only the modules it uses.
import {CLASSES} from "../../lib/presets/classes2003.js";
import {FEATURES} from "../../lib/presets/features2004.js";
import {DEFAULT_MAPS, type AtlasSpec, type MapId} from "../../lib/scans/atlas.js";
import {AtlasPool} from "../../workers/atlasPool.js";
import {AtlasMap, presetMarks} from "../atlas/atlasMap.js";
import {atlasWorker} from "../atlas/atlasPage.js";

/** The build-time maps (the atlas data loader's output), by map id; a missing map starts from its default. */
export interface AtlasData {
  maps: Partial<Record<MapId, {spec: AtlasSpec; codes: ArrayLike<number>; perBurst: ArrayLike<number>}>>;
}

/** Map titles, by id. */
const TITLES: Record<MapId, string> = {
  cd: "Reset c and jump d (a = 0.02, b = 0.2, I = 10)",
  ab: "Recovery a and b (c = −50 mV, d = 2, I = 10)",
  Id: "Current I and jump d (a = 0.02, b = 0.2, c = −55 mV)"
};

/** How long the page idles before the workers are started, so the first recompute does not wait for them (ms). */
const WARM_DELAY = 1500;

/** The three maps; their workers and maps are disposed of when `invalidation` resolves. */
export function atlasMaps(atlasData: AtlasData, invalidation: Promise<unknown>): Record<MapId, AtlasMap> {
  const pool = new AtlasPool(atlasWorker);
  invalidation.then(() => pool.cancel());
  const warm = setTimeout(() => pool.warm(), WARM_DELAY);
  invalidation.then(() => clearTimeout(warm));
  const marks = presetMarks(CLASSES, FEATURES);
  const atlasMap = (id: MapId) => {
    const data = atlasData.maps[id];
    const map = new AtlasMap({
      id,
      title: TITLES[id],
      spec: data?.spec ?? DEFAULT_MAPS[id],
      codes: data?.codes,
      perBurst: data?.perBurst,
      classes: CLASSES,
      marks,
      pool
    });
    invalidation.then(() => map.dispose());
    return map;
  };
  return {cd: atlasMap("cd"), ab: atlasMap("ab"), Id: atlasMap("Id")};
}
