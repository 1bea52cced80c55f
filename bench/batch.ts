// Speed of the batch simulator in Node: ns per neuron-step of simulateBatch (lib/batch/) for both methods
// and both kernels (WebAssembly SIMD and TypeScript),
// on n neurons of a (c, d) grid around the regular-spiking cell (a .02, b .2, c −80…−40, d 0…10; v0 −65;
// I = 10; 1000 ms at dt = 2⁻⁵ ms = 32,000 steps), spikes recorded. Also the atlas's whole work per cell:
// simulateBatch plus labelling (lib/scans/atlas.ts computeRows), and labelling alone (labelCell).
// Run: `npm run bench:batch` (`-- --n 4096`). A benchmark, not a test: it asserts nothing.
import {simulateBatch, type BatchMethod} from "../lib/batch/index.js";
import {computeRows, DEFAULT_MAPS, labelCell} from "../lib/scans/atlas.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const n = arg("n", 2048);
const repeats = arg("repeats", 7);
const duration = 1000;
const dt = 2 ** -5;
const steps = Math.ceil(duration / dt);
const a = new Float64Array(n).fill(0.02);
const b = new Float64Array(n).fill(0.2);
const c = Float64Array.from({length: n}, (_, i) => -80 + (40 * (i % 64)) / 63);
const d = Float64Array.from({length: n}, (_, i) => (10 * Math.floor(i / 64)) / Math.max(1, Math.ceil(n / 64) - 1));

function median(values: number[]): number {
  const s = [...values].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function time(run: () => unknown, neuronSteps: number): {median: number; best: number} {
  run(); // warm-up: compiles the kernel
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    run();
    samples.push(((performance.now() - t0) * 1e6) / neuronSteps);
  }
  return {median: median(samples), best: Math.min(...samples)};
}

console.log(`simulateBatch: ${n} neurons × ${steps} steps (1000 ms at dt = 2⁻⁵ ms), ${repeats} runs after a warm-up`);
for (const method of ["euler", "paper2004"] as BatchMethod[]) {
  for (const kernel of ["wasm", "js"] as const) {
    let spikes = 0;
    const r = time(() => {
      spikes = simulateBatch({params: {a, b, c, d}, current: 10, duration, dt, method, kernel}).times.length;
    }, n * steps);
    console.log(
      `${method.padEnd(9)} ${kernel.padEnd(4)}  median ${r.median.toFixed(2)} ns/neuron-step  fastest ${r.best.toFixed(2)}  (${spikes} spikes per run)`
    );
  }
}
// Reference: the bare Euler loop over the same neurons (no spike log, no divergence test, no blocks), the
// "straightforward typed-array kernel" the batch kernel is compared with on the same machine at the same time.
function bare(): number {
  const v = new Float64Array(n).fill(-65);
  const u = new Float64Array(n).fill(-13);
  const ab = Float64Array.from(a, (x, i) => x * b[i]!);
  let spikes = 0;
  for (let k = 0; k < steps; k = (k + 1) | 0) {
    for (let i = 0; i < n; i = (i + 1) | 0) {
      let vi = v[i]!;
      let ui = u[i]!;
      const du = ab[i]! * vi - a[i]! * ui;
      vi = vi + dt * (0.04 * (vi * vi) + 5 * vi + 140 - ui + 10);
      ui = ui + dt * du;
      if (vi >= 30) {
        vi = c[i]!;
        ui += d[i]!;
        spikes++;
      }
      v[i] = vi;
      u[i] = ui;
    }
  }
  return spikes;
}
const reference = time(bare, n * steps);
console.log(
  `bare loop  median ${reference.median.toFixed(2)} ns/neuron-step  fastest ${reference.best.toFixed(2)}  (reference: no spike log, no checks)`
);
const spec = {
  ...DEFAULT_MAPS.cd,
  x: {...DEFAULT_MAPS.cd.x, n: 64},
  y: {...DEFAULT_MAPS.cd.y, n: Math.max(1, Math.round(n / 64))}
};
const cells = spec.x.n * spec.y.n;
const r = time(() => computeRows({spec, row0: 0, row1: spec.y.n}), cells * steps);
console.log(
  `atlas cells (simulateBatch + labelling, ${cells} cells of the (c, d) map): median ${r.median.toFixed(2)} ns/neuron-step  fastest ${r.best.toFixed(2)}`
);
// Labelling alone, as computeRows labels each cell, on the spike trains of one Euler run of the grid above.
const trains = simulateBatch({params: {a, b, c, d}, current: 10, duration, dt, method: "euler"});
const label = () => {
  for (let k = 0; k < n; k++)
    labelCell(trains.times.subarray(trains.offsets[k]!, trains.offsets[k + 1]!), duration, trains.stopped[k] !== 0);
};
const perCell = time(label, n); // ns per cell
console.log(
  `labelling alone (labelCell on ${n} spike trains of ${(trains.times.length / n).toFixed(1)} spikes on average): ` +
    `median ${(perCell.median / 1000).toFixed(2)} µs/cell  fastest ${(perCell.best / 1000).toFixed(2)}`
);
