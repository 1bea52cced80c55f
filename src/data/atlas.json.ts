// Build-time data loader: the atlas's three default maps ((c, d), (a, b), (I, d); 64 × 64 cells of 1000-ms
// runs at dt = 2⁻⁵ ms, forward Euler), so they appear at once. Each map is the codes of its cells (row-major,
// row j = the j-th value of the y axis) into CELL_LABELS and the spikes per burst.
import {computeRows, DEFAULT_MAPS, MAP_IDS} from "../../lib/scans/atlas.js";

const maps: Record<string, unknown> = {};
for (const id of MAP_IDS) {
  const spec = DEFAULT_MAPS[id];
  const {codes, perBurst} = computeRows({spec, row0: 0, row1: spec.y.n});
  maps[id] = {spec, codes: Array.from(codes), perBurst: Array.from(perBurst)};
}
process.stdout.write(JSON.stringify({maps}));
