// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {DEFAULT_MAPS, MAP_IDS, type AtlasSpec, type MapId} from "../../../lib/scans/atlas.js";
import type {AtlasMap} from "../../../src/components/atlas/atlasMap.js";
import {linkMapsToAddress} from "../../../src/components/atlas/atlasPage.js";

/** A stand-in for a map: like AtlasMap, it still holds its old spec when it tells its listeners the new one. */
function fakeMap(id: MapId) {
  const listeners: ((spec: AtlasSpec) => void)[] = [];
  return {
    spec: DEFAULT_MAPS[id],
    restored: undefined as AtlasSpec | undefined,
    onSpec: (listener: (spec: AtlasSpec) => void) => listeners.push(listener),
    restore(spec: AtlasSpec) {
      this.restored = spec;
      this.spec = spec;
    },
    change(spec: AtlasSpec) {
      for (const listener of listeners) listener(spec);
    }
  };
}

describe("the atlas maps' settings in the address", () => {
  it("writes the changed map's new setting, which the map itself does not hold yet", () => {
    history.replaceState(null, "", "/lab/atlas");
    const maps = Object.fromEntries(MAP_IDS.map((id) => [id, fakeMap(id)])) as Record<
      MapId,
      ReturnType<typeof fakeMap>
    >;
    linkMapsToAddress(maps as unknown as Record<MapId, AtlasMap>);
    maps.cd.change({...DEFAULT_MAPS.cd, fixed: {...DEFAULT_MAPS.cd.fixed, I: 14}});
    expect(location.search).toBe("?cd.I=14");
  });

  it("restores the maps a link names and leaves the others at their defaults", () => {
    history.replaceState(null, "", "/lab/atlas?ab.I=12");
    const maps = Object.fromEntries(MAP_IDS.map((id) => [id, fakeMap(id)])) as Record<
      MapId,
      ReturnType<typeof fakeMap>
    >;
    linkMapsToAddress(maps as unknown as Record<MapId, AtlasMap>);
    expect(maps.ab.restored?.fixed.I).toBe(12);
    expect(maps.cd.restored).toBeUndefined();
  });
});
