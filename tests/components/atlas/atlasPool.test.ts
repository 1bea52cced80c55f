// AtlasPool (src/workers/atlasPool.ts) without workers: the atlas's rows on the main thread, in slices.
import {describe, expect, it} from "vitest";
import {computeRows, DEFAULT_MAPS, type AtlasSpec, type RowsResult} from "../../../lib/scans/atlas.js";
import {AtlasPool} from "../../../src/workers/atlasPool.js";
import {isCancelled} from "../../../src/workers/workerRunner.js";

/** A small map with several behaviours (negative a makes some cells run away). */
const spec: AtlasSpec = {
  ...DEFAULT_MAPS.ab,
  x: {key: "a", min: -0.1, max: 0.15, n: 12},
  y: {key: "b", min: 0.1, max: 0.3, n: 9},
  duration: 500
};

/** A Worker that fails to load: it answers nothing and fires "error". */
class FailingWorker extends EventTarget {
  constructor() {
    super();
    setTimeout(() => this.dispatchEvent(new Event("error", {cancelable: true})), 1);
  }
  postMessage() {}
  terminate() {}
}

/** Runs the map in the pool and puts its rows together (each row once). */
async function runMap(pool: AtlasPool, s: AtlasSpec) {
  const codes = new Uint8Array(s.x.n * s.y.n).fill(255);
  const perBurst = new Uint8Array(s.x.n * s.y.n);
  const seen: number[] = [];
  await pool.run(s, (rows: RowsResult) => {
    codes.set(rows.codes, rows.row0 * s.x.n);
    perBurst.set(rows.perBurst, rows.row0 * s.x.n);
    for (let j = rows.row0; j < rows.row1; j++) seen.push(j);
  });
  return {codes, perBurst, seen: seen.sort((p, q) => p - q)};
}

describe("AtlasPool without workers", () => {
  const whole = computeRows({spec, row0: 0, row1: spec.y.n});

  it("computes every cell on the main thread, the same as computeRows, and says where", async () => {
    const pool = new AtlasPool(() => null);
    const map = await runMap(pool, spec);
    expect(map.seen).toEqual(Array.from({length: spec.y.n}, (_, j) => j));
    expect([...map.codes]).toEqual([...whole.codes]);
    expect([...map.perBurst]).toEqual([...whole.perBurst]);
    expect(pool.where()).toBe("the main thread, since this browser has no Web Workers");
  });

  it("falls back when the workers fail to load, with the same cells, warm-up or not", async () => {
    const pool = new AtlasPool(() => new FailingWorker() as unknown as Worker);
    pool.warm(); // on the main thread a warm-up is dropped, not computed
    const map = await runMap(pool, spec);
    expect([...map.codes]).toEqual([...whole.codes]);
    expect(pool.where()).toBe("the main thread, since the worker failed to load");
    // A second map knows the workers failed from the start.
    expect([...(await runMap(pool, spec)).codes]).toEqual([...whole.codes]);
  });

  it("hands the thread back between slices, and a cancel stops the map at the next one", async () => {
    const pool = new AtlasPool(() => null);
    // Rows of 400 cells of 1000 ms at dt = 2⁻¹⁰: one row is 4·10⁸ neuron-steps, far more than one slice.
    const big = {...DEFAULT_MAPS.cd, x: {...DEFAULT_MAPS.cd.x, n: 400}, y: {...DEFAULT_MAPS.cd.y, n: 2}, dt: 2 ** -10};
    let rows = 0;
    const run = pool.run(big, () => rows++);
    // A chain of timers gets a turn between slices, while the first row is still being computed.
    for (let tick = 0; tick < 3; tick++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(rows).toBe(0);
    pool.cancel();
    const outcome = await run.then(
      () => "done",
      (e: unknown) => (isCancelled(e) ? "cancelled" : String(e))
    );
    expect(outcome).toBe("cancelled");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(rows).toBe(0); // nothing arrives after the cancel
  });
});
