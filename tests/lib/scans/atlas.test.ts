import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {simulate} from "../../../lib/simulate.js";
import {simulateBatch} from "../../../lib/batch/index.js";
import {classifyFiringPattern} from "../../../lib/analysis/classifyFiringPattern.js";
import {
  accurateCell,
  atlasU0,
  axisValue,
  cellValues,
  checkSpec,
  computeRows,
  computeRowsSteps,
  DEFAULT_MAPS,
  labelText,
  MAP_IDS,
  rowsPerTask,
  CELL_LABELS,
  type AtlasSpec
} from "../../../lib/scans/atlas.js";
import {uniform} from "../../../lib/random.js";
import fc from "fast-check";

interface MapAgreement {
  spec: AtlasSpec;
  cells: number;
  agree: number;
  fraction: number;
  fast: number[];
  fastPerBurst: number[];
  accurate: number[];
  accuratePerBurst: number[];
  disagreements: {i: number; j: number; x: number; y: number; fast: string; accurate: string}[];
}
const agreement = JSON.parse(
  readFileSync(new URL("../../../src/data/atlas-agreement.json", import.meta.url), "utf8")
) as {
  total: number;
  agree: number;
  fraction: number;
  labels: string[];
  maps: Record<string, MapAgreement>;
};

describe("the atlas's grid", () => {
  it("snaps every value to the explorer's step, ends included", () => {
    const {x, y} = DEFAULT_MAPS.cd;
    expect(axisValue(x, 0)).toBe(-80);
    expect(axisValue(x, x.n - 1)).toBe(-40);
    expect(axisValue(x, 16)).toBe(-69.8); // −80 + 16·40/63 = −69.84…, on the 0.1-mV grid
    expect(axisValue(y, 1)).toBe(0.16); // 10/63 = 0.1587…, on the 0.01 grid
    expect(atlasU0(0.123)).toBe(-7.99); // 0.123 · −65 = −7.995, on the 0.01 grid (as the explorer snaps it)
  });

  it("labels a row exactly as simulateBatch + classifyFiringPattern do cell by cell", () => {
    const spec = {...DEFAULT_MAPS.Id, duration: 300};
    const row = computeRows({spec, row0: 20, row1: 21});
    for (const i of [0, 13, 40, 63]) {
      const q = cellValues(spec, i, 20);
      const r = simulateBatch({
        params: {a: [q.a], b: [q.b], c: [q.c], d: [q.d]},
        current: [q.I],
        v0: -65,
        u0: atlasU0(q.b),
        duration: 300,
        maxSpikes: 2000
      });
      const label = classifyFiringPattern(r.times, {start: 0, end: 300, onset: 0});
      expect(CELL_LABELS[row.codes[i]!]).toBe(label.pattern);
      expect(row.perBurst[i]).toBe(label.spikesPerBurst ?? 0);
    }
  });

  it("checks a spec and names the field", () => {
    const ok = DEFAULT_MAPS.cd;
    expect(checkSpec(ok)).toEqual(ok);
    expect(() => checkSpec({...ok, x: {...ok.x, min: -30, max: -40}})).toThrow(/x\.max: must be a finite number > -30/);
    expect(() => checkSpec({...ok, y: {...ok.y, n: 1000}})).toThrow(
      /y\.n \(cells\): must be a finite integer ≥ 2 and ≤ 400, got 1000/
    );
    expect(() => checkSpec({...ok, fixed: {...ok.fixed, I: 99}})).toThrow(
      /fixed\.I: must be a finite number ≥ -30 and ≤ 40, got 99/
    );
    expect(() => checkSpec({...ok, method: "rk4" as never})).toThrow(/method: unknown value "rk4"/);
    expect(() => checkSpec({...ok, y: {key: "c", min: -70, max: -50, n: 10}})).toThrow(
      /y\.key: must differ from x\.key/
    );
  });

  it("cuts the work into blocks of rows of about the same size", () => {
    expect(rowsPerTask(DEFAULT_MAPS.cd)).toBe(5); // 64 cells × 32,000 steps per row
    expect(rowsPerTask({...DEFAULT_MAPS.cd, x: {...DEFAULT_MAPS.cd.x, n: 200}})).toBe(1);
  });
});

describe("a map computed in steps (the page's main thread, when the workers cannot be used)", () => {
  // A small map with many behaviours: negative a makes some cells run away, the others tonic, bursting, mixed…
  const spec: AtlasSpec = {
    ...DEFAULT_MAPS.ab,
    x: {key: "a", min: -0.1, max: 0.15, n: 13},
    y: {key: "b", min: 0.1, max: 0.3, n: 6},
    duration: 300
  };
  const whole = computeRows({spec, row0: 0, row1: spec.y.n});

  it("the test map has several labels, runaway cells among them", () => {
    expect(new Set(whole.codes).size).toBeGreaterThanOrEqual(3);
    expect(whole.codes).toContain(CELL_LABELS.indexOf("runaway"));
  });

  it("gives the same cells as computeRows, for any block of rows and any number of cells per step", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: spec.y.n - 1}),
        fc.integer({min: 1, max: spec.y.n}),
        fc.integer({min: 1, max: 100}),
        (row0, rows, per) => {
          const row1 = Math.min(spec.y.n, row0 + rows);
          const steps = computeRowsSteps({spec, row0, row1}, per);
          const yielded: number[] = [];
          let next = steps.next();
          for (; !next.done; next = steps.next()) yielded.push(next.value);
          const cells = (row1 - row0) * spec.x.n;
          const result = next.value;
          expect(result.row0).toBe(row0);
          expect(result.row1).toBe(row1);
          expect(result.kernel).toBe(whole.kernel);
          expect([...result.codes]).toEqual([...whole.codes.subarray(row0 * spec.x.n, row1 * spec.x.n)]);
          expect([...result.perBurst]).toEqual([...whole.perBurst.subarray(row0 * spec.x.n, row1 * spec.x.n)]);
          // One step per `per` cells: it yields the cells done after each step but the last.
          expect(yielded).toEqual(Array.from({length: Math.ceil(cells / per) - 1}, (_, k) => (k + 1) * per));
        }
      ),
      {numRuns: 40}
    );
  });

  it("takes about 5·10⁵ neuron-steps per step by default, at least one cell", () => {
    const count = (s: AtlasSpec) => {
      const steps = computeRowsSteps({spec: s, row0: 0, row1: 1});
      let n = 0;
      while (!steps.next().done) n++;
      return n + 1;
    };
    // 300 ms at dt = 2⁻⁵: 9600 steps per cell, 52 cells per step, so one step for a 13-cell row.
    expect(count(spec)).toBe(1);
    // 1000 ms at dt = 2⁻¹⁰: 1,024,000 steps per cell, so one cell per step.
    expect(count({...spec, duration: 1000, dt: 2 ** -10, x: {...spec.x, n: 3}})).toBe(3);
  });
});

describe("the fast kernel against the accurate method (src/data/atlas-agreement.json)", () => {
  it("covers the default maps as they are now, and agrees on at least 99% of their cells", () => {
    expect(agreement.labels).toEqual([...CELL_LABELS]);
    let total = 0;
    let agree = 0;
    for (const id of MAP_IDS) {
      const m = agreement.maps[id]!;
      expect(m.spec).toEqual(DEFAULT_MAPS[id]);
      expect(m.cells).toBe(m.spec.x.n * m.spec.y.n);
      const same = m.fast.filter((code, k) => code === m.accurate[k]).length;
      expect(m.agree).toBe(same);
      expect(m.disagreements.length).toBe(m.cells - same);
      total += m.cells;
      agree += same;
    }
    expect(agreement.total).toBe(total);
    expect(agreement.agree).toBe(agree);
    expect(agreement.fraction).toBeGreaterThanOrEqual(0.99);
  });

  it("matches fresh runs of both methods on a seeded random sample of cells (a fifth of them where they disagreed)", () => {
    // A seeded sample, the same on every run (a new seed draws a new sample; any seed must pass).
    let draws = 0;
    const random = () => uniform(20240611, draws++);
    const sample: [string, number, number][] = [];
    for (let s = 0; s < 16; s++) {
      const id = MAP_IDS[Math.floor(random() * MAP_IDS.length)]!;
      const {x, y} = DEFAULT_MAPS[id];
      sample.push([id, Math.floor(random() * x.n), Math.floor(random() * y.n)]);
    }
    const disagreements = MAP_IDS.flatMap((id) =>
      agreement.maps[id]!.disagreements.map((d) => [id, d.i, d.j] as [string, number, number])
    );
    for (let s = 0; s < 4; s++) sample.push(disagreements[Math.floor(random() * disagreements.length)]!);
    for (const [id, i, j] of sample) {
      const spec = DEFAULT_MAPS[id as keyof typeof DEFAULT_MAPS];
      const m = agreement.maps[id]!;
      const k = j * spec.x.n + i;
      const fast = computeRows({spec: {...spec, x: {...spec.x}}, row0: j, row1: j + 1});
      expect(labelText(fast.codes[i]!, fast.perBurst[i]!), `${id} (${i}, ${j}) fast`).toBe(
        labelText(m.fast[k]!, m.fastPerBurst[k]!)
      );
      const accurate = accurateCell(spec, i, j, simulate);
      expect(labelText(accurate.code, accurate.perBurst), `${id} (${i}, ${j}) accurate`).toBe(
        labelText(m.accurate[k]!, m.accuratePerBurst[k]!)
      );
    }
  }, 60_000);
});
