// Classifies every cell of the atlas's default maps twice, with the fast kernel (simulateBatch, the map's own
// method and dt) and with the accurate method (simulate, "adaptive"), and writes the agreement and the list of
// disagreements to src/data/atlas-agreement.json (committed; shown on the atlas page). Slow (minutes): not part
// of the build. Run: npm run atlas:agreement
import {writeFileSync} from "node:fs";
import {
  accurateCell,
  axisValue,
  CELL_LABELS,
  computeRows,
  DEFAULT_MAPS,
  labelText,
  MAP_IDS
} from "../lib/scans/atlas.js";
import {simulate} from "../lib/simulate.js";

const started = Date.now();
const maps: Record<string, unknown> = {};
let total = 0;
let agree = 0;
for (const id of MAP_IDS) {
  const spec = DEFAULT_MAPS[id];
  const fast = computeRows({spec, row0: 0, row1: spec.y.n});
  const accurate = new Uint8Array(fast.codes.length);
  const accuratePerBurst = new Uint8Array(fast.codes.length);
  const disagreements = [];
  let mapAgree = 0;
  let samePerBurst = 0;
  for (let j = 0, k = 0; j < spec.y.n; j++) {
    for (let i = 0; i < spec.x.n; i++, k++) {
      const cell = accurateCell(spec, i, j, simulate);
      accurate[k] = cell.code;
      accuratePerBurst[k] = cell.perBurst;
      if (cell.code === fast.codes[k]) {
        mapAgree++;
        if (cell.perBurst === fast.perBurst[k]) samePerBurst++;
      } else {
        disagreements.push({
          i,
          j,
          x: axisValue(spec.x, i),
          y: axisValue(spec.y, j),
          fast: labelText(fast.codes[k]!, fast.perBurst[k]!),
          accurate: labelText(cell.code, cell.perBurst)
        });
      }
    }
    process.stderr.write(`\r${id}: row ${j + 1}/${spec.y.n}`);
  }
  process.stderr.write("\n");
  total += fast.codes.length;
  agree += mapAgree;
  maps[id] = {
    spec,
    cells: fast.codes.length,
    agree: mapAgree,
    fraction: mapAgree / fast.codes.length,
    samePerBurst,
    fast: Array.from(fast.codes),
    fastPerBurst: Array.from(fast.perBurst),
    accurate: Array.from(accurate),
    accuratePerBurst: Array.from(accuratePerBurst),
    disagreements
  };
  console.log(
    `${id}: ${mapAgree}/${fast.codes.length} agree (${((100 * mapAgree) / fast.codes.length).toFixed(2)}%), same spikes per burst in ${samePerBurst}`
  );
}
const result = {
  labels: CELL_LABELS,
  total,
  agree,
  fraction: agree / total,
  accurate: "simulate, method adaptive (Dormand–Prince 5(4), tolerance 1e-9, spikes located at vPeak)",
  seconds: Math.round((Date.now() - started) / 1000),
  maps
};
writeFileSync(new URL("../src/data/atlas-agreement.json", import.meta.url), JSON.stringify(result));
console.log(`all maps: ${agree}/${total} agree (${((100 * agree) / total).toFixed(2)}%) in ${result.seconds} s`);
