/**
 * The behaviour atlas's model, pure (no DOM): a map is a grid over two of a, b, c, d and the DC current I,
 * the others fixed; each cell is one neuron started at v0 = −65 mV, u0 = b·v0, under a constant current I
 * from t = 0, run with `simulateBatch` and labelled over the whole run by the library's classifier
 * (`classifySpikeTrain`: the rules of `classifyFiringPattern` without validation or text). Shared by the
 * page, its workers, the build-time data loader and the agreement script.
 *
 * Every grid value is snapped to the explorer's control step (see AXIS_GRID), so a cell opened in the
 * explorer runs exactly the neuron the atlas ran. The explorer's address of a cell is built on the site's side
 * (src/state/atlasState.ts): the library knows nothing of pages.
 */
import {simulateBatch, type BatchMethod} from "../batch/index.js";
import {classifySpikeTrain, FIRING_PATTERNS, type FiringPattern} from "../analysis/classifySpikeTrain.js";
import {checkKeyword, checkNumber} from "../validate.js";
import {DEFAULT_DT, type SimulateOptions} from "../simulate.js";

/** The quantities a map can sweep: the four parameters and the DC current I (paper's units, mV/ms). */
export const AXES = ["a", "b", "c", "d", "I"] as const;
export type AxisKey = (typeof AXES)[number];

/** One swept axis: `n` values from `min` to `max`, ends included. */
export interface AxisSpec {
  key: AxisKey;
  min: number;
  max: number;
  n: number;
}

/** Everything that defines a map. */
export interface AtlasSpec {
  x: AxisSpec;
  y: AxisSpec;
  /** Values of all five quantities; the two swept ones are ignored. */
  fixed: Record<AxisKey, number>;
  /** Length of each run (ms). */
  duration: number;
  /** Step (ms). */
  dt: number;
  method: BatchMethod;
}

/** Initial v (mV) of every cell (u0 = b·v0). */
export const ATLAS_V0 = -65;

/**
 * Spike cap per neuron: 2000 spikes in ≤ 1 s is ≥ 2 kHz, far beyond any pattern of the model; a cell that
 * reaches it runs away (a < 0 or d < 0 can make each spike speed up the next).
 */
export const ATLAS_MAX_SPIKES = 2000;

/** Cell labels: the classifier's patterns, then "runaway" (spike cap reached or diverged). */
export const CELL_LABELS = [...FIRING_PATTERNS, "runaway"] as const;
export type CellLabel = FiringPattern | "runaway";
export const RUNAWAY = CELL_LABELS.length - 1;
/** The code of a cell not computed yet. */
export const PENDING = 255;

/** Units and names of the axes, for labels. */
export const AXIS_LABELS: Record<AxisKey, string> = {
  a: "a (time scale of u, 1/ms)",
  b: "b (sensitivity of u to v)",
  c: "c (reset of v, mV)",
  d: "d (jump of u at reset)",
  I: "I (DC current, mV/ms)"
};

/** A range and the step its values are snapped to. */
export interface GridRange {
  min: number;
  max: number;
  step: number;
}

/**
 * The range and step of each axis, and of u0: the explorer's controls for a, b, c, d, the DC current and u0
 * (its NUMBER_SPECS), restated here because the library never imports the site; a test checks they agree.
 */
export const AXIS_GRID: Readonly<Record<AxisKey | "u0", GridRange>> = Object.freeze({
  a: {min: -0.1, max: 1, step: 0.001},
  b: {min: -1, max: 1, step: 0.001},
  c: {min: -80, max: -30, step: 0.1},
  d: {min: -25, max: 25, step: 0.01},
  I: {min: -30, max: 40, step: 0.1},
  u0: {min: -100, max: 100, step: 0.01}
});

/** Clamps x to the range and snaps it to the step grid (anchored at min), without float noise. */
export function snapToGrid(x: number, range: GridRange): number {
  if (Number.isNaN(x)) return range.min;
  const clamped = Math.min(range.max, Math.max(range.min, x));
  const snapped = range.min + Math.round((clamped - range.min) / range.step) * range.step;
  let decimals = 0;
  while (decimals < 12 && Math.abs(Math.round(range.step * 10 ** decimals) - range.step * 10 ** decimals) > 1e-9)
    ++decimals;
  const rounded = +Math.min(range.max, snapped).toFixed(decimals);
  return rounded === 0 ? 0 : rounded; // no "-0" in links
}

/** The range and step the explorer allows for an axis. */
export function axisLimits(key: AxisKey): GridRange {
  const {min, max, step} = AXIS_GRID[key];
  return {min, max, step};
}

/** The i-th value of an axis (i = 0 … n − 1), snapped to the explorer's step for it. */
export function axisValue(axis: AxisSpec, i: number): number {
  const raw = axis.n === 1 ? axis.min : axis.min + ((axis.max - axis.min) * i) / (axis.n - 1);
  return snapToGrid(raw, AXIS_GRID[axis.key]);
}

/** u0 = b·v0 snapped to the explorer's u0 step (0.01), so an opened cell starts exactly where the atlas did. */
export function atlasU0(b: number): number {
  return snapToGrid(b * ATLAS_V0, AXIS_GRID.u0);
}

/** A default map: 64 × 64 cells of 1000-ms runs, forward Euler at dt = 2⁻⁵ ms. */
function defaultMap(x: Omit<AxisSpec, "n">, y: Omit<AxisSpec, "n">, fixed: Record<AxisKey, number>): AtlasSpec {
  return {x: {...x, n: 64}, y: {...y, n: 64}, fixed, duration: 1000, dt: DEFAULT_DT, method: "euler"};
}

/** The default maps (c, d), (a, b) and (I, d), with the settings of the classic cells around them. */
export const DEFAULT_MAPS: Readonly<Record<"cd" | "ab" | "Id", AtlasSpec>> = Object.freeze({
  cd: defaultMap({key: "c", min: -80, max: -40}, {key: "d", min: 0, max: 10}, {a: 0.02, b: 0.2, c: -65, d: 8, I: 10}),
  ab: defaultMap({key: "a", min: 0, max: 0.15}, {key: "b", min: 0.1, max: 0.3}, {a: 0.02, b: 0.2, c: -50, d: 2, I: 10}),
  Id: defaultMap({key: "I", min: 0, max: 30}, {key: "d", min: 0, max: 10}, {a: 0.02, b: 0.2, c: -55, d: 4, I: 10})
});
export type MapId = keyof typeof DEFAULT_MAPS;
export const MAP_IDS = Object.keys(DEFAULT_MAPS) as MapId[];

/** Checks a spec (from a form or a message) and returns a clean copy; throws naming the field. */
export function checkSpec(spec: AtlasSpec): AtlasSpec {
  const axis = (a: AxisSpec, name: string): AxisSpec => {
    const key = checkKeyword(a.key, `${name}.key`, AXES);
    const {min: lo, max: hi} = axisLimits(key);
    const min = checkNumber(a.min, `${name}.min`, {min: lo, max: hi});
    const max = checkNumber(a.max, `${name}.max`, {min, minExclusive: true, max: hi});
    const n = checkNumber(a.n, `${name}.n (cells)`, {min: 2, max: 400, integer: true});
    return {key, min, max, n};
  };
  const x = axis(spec.x, "x");
  const y = axis(spec.y, "y");
  if (x.key === y.key) throw new RangeError(`y.key: must differ from x.key, got ${JSON.stringify(y.key)} for both`);
  const fixed = {} as Record<AxisKey, number>;
  for (const key of AXES) {
    const {min, max} = axisLimits(key);
    fixed[key] = checkNumber(spec.fixed[key], `fixed.${key}`, {min, max});
  }
  return {
    x,
    y,
    fixed,
    duration: checkNumber(spec.duration, "duration (ms)", {min: 10, max: 1000}),
    dt: checkNumber(spec.dt, "dt (ms)", {min: 2 ** -10, max: 0.5}),
    method: checkKeyword(spec.method, "method", ["euler", "paper2004"] as const)
  };
}

/** The five quantities of cell (i, j) (i along x, j along y). */
export function cellValues(spec: AtlasSpec, i: number, j: number): Record<AxisKey, number> {
  return {...spec.fixed, [spec.x.key]: axisValue(spec.x, i), [spec.y.key]: axisValue(spec.y, j)};
}

/** The labels of rows [row0, row1) of a map: codes into CELL_LABELS, and spikes per burst (0 if none). */
export interface RowsResult {
  row0: number;
  row1: number;
  codes: Uint8Array;
  perBurst: Uint8Array;
  /** The batch kernel that ran ("wasm": WebAssembly SIMD; "js": the TypeScript fallback). */
  kernel: "wasm" | "js";
}

/**
 * Labels one cell from its spike train (times in ms) and whether its run stopped early: the label
 * classifyFiringPattern gives over [0, duration) with onset 0, from its unvalidated core (no reason text).
 * Spike times from simulateBatch or simulate are finite and strictly increasing, as the core requires.
 */
export function labelCell(
  spikes: ArrayLike<number>,
  duration: number,
  stopped: boolean
): {code: number; perBurst: number} {
  if (stopped) return {code: RUNAWAY, perBurst: 0};
  const d = classifySpikeTrain(spikes instanceof Float64Array ? spikes : Float64Array.from(spikes), 0, duration, 0);
  const perBurst = "spikesPerBurst" in d ? (d.spikesPerBurst ?? 0) : 0;
  return {code: FIRING_PATTERNS.indexOf(d.pattern), perBurst: Math.min(255, perBurst)};
}

/**
 * Simulates and labels `count` cells of a map from cell `first` (flat index j·nx + i, x-major within a row),
 * writing their codes and spikes per burst from index `at`; returns the kernel that ran. Every cell is an
 * independent neuron, so the cells come out the same however a map is cut into calls.
 */
function labelCells(
  spec: AtlasSpec,
  first: number,
  count: number,
  out: {codes: Uint8Array; perBurst: Uint8Array},
  at: number
): RowsResult["kernel"] {
  const nx = spec.x.n;
  const a = new Float64Array(count);
  const b = new Float64Array(count);
  const c = new Float64Array(count);
  const d = new Float64Array(count);
  const I = new Float64Array(count);
  const u0 = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const cell = first + k;
    const q = cellValues(spec, cell % nx, Math.floor(cell / nx));
    a[k] = q.a;
    b[k] = q.b;
    c[k] = q.c;
    d[k] = q.d;
    I[k] = q.I;
    u0[k] = atlasU0(q.b);
  }
  const r = simulateBatch({
    params: {a, b, c, d},
    current: I,
    v0: ATLAS_V0,
    u0,
    duration: spec.duration,
    dt: spec.dt,
    method: spec.method,
    maxSpikes: ATLAS_MAX_SPIKES
  });
  for (let k = 0; k < count; k++) {
    const cell = labelCell(r.times.subarray(r.offsets[k]!, r.offsets[k + 1]!), spec.duration, r.stopped[k] !== 0);
    out.codes[at + k] = cell.code;
    out.perBurst[at + k] = cell.perBurst;
  }
  return r.kernel;
}

/** Simulates and labels rows [row0, row1) of a map (row j = the j-th value of the y axis), cells x-major within a row. */
export function computeRows({spec, row0, row1}: {spec: AtlasSpec; row0: number; row1: number}): RowsResult {
  const count = (row1 - row0) * spec.x.n;
  const out = {codes: new Uint8Array(count), perBurst: new Uint8Array(count)};
  const kernel = labelCells(spec, row0 * spec.x.n, count, out, 0);
  return {row0, row1, ...out, kernel};
}

/**
 * Neuron-steps per step of {@link computeRowsSteps}: 5·10⁵, a few milliseconds of a page's main thread
 * (0.5–2 ms with the WebAssembly kernel, a few times more with the TypeScript one).
 */
export const NEURON_STEPS_PER_STEP = 5e5;

/**
 * The same rows as {@link computeRows}, cell for cell, computed in steps a page can stop between: each
 * `next()` simulates and labels a few cells (`cellsPerStep`, by default about NEURON_STEPS_PER_STEP
 * neuron-steps; at least one cell) and yields how many cells of the block are done; the last returns the rows.
 * For the main thread, where one block in one go could hold the page for a large fraction of a second.
 */
export function* computeRowsSteps(
  {spec, row0, row1}: {spec: AtlasSpec; row0: number; row1: number},
  cellsPerStep = Math.max(1, Math.floor(NEURON_STEPS_PER_STEP / Math.ceil(spec.duration / spec.dt)))
): Generator<number, RowsResult, undefined> {
  const count = (row1 - row0) * spec.x.n;
  const per = Math.max(1, Math.floor(cellsPerStep));
  const out = {codes: new Uint8Array(count), perBurst: new Uint8Array(count)};
  let kernel: RowsResult["kernel"] = "js";
  for (let done = 0; done < count;) {
    const n = Math.min(per, count - done);
    kernel = labelCells(spec, row0 * spec.x.n + done, n, out, done);
    done += n;
    if (done < count) yield done;
  }
  return {row0, row1, ...out, kernel};
}

/** How many rows a worker should take at once: about 1.2e7 neuron-steps (≈ 25–40 ms), at least one row. */
export function rowsPerTask(spec: AtlasSpec): number {
  const steps = Math.ceil(spec.duration / spec.dt);
  return Math.max(1, Math.min(spec.y.n, Math.floor(1.2e7 / (spec.x.n * steps))));
}

/** A sentence for one cell: its values and its label. */
export function describeCell(spec: AtlasSpec, i: number, j: number, code: number, perBurst: number): string {
  const q = cellValues(spec, i, j);
  const where = `${spec.x.key} = ${q[spec.x.key]}, ${spec.y.key} = ${q[spec.y.key]}`;
  if (code === PENDING) return `${where}: not computed yet`;
  const label = CELL_LABELS[code] ?? "unknown";
  const burst =
    perBurst > 0 && (label === "bursting" || label === "mixed" || label === "phasic")
      ? ` (${perBurst} spikes per burst)`
      : "";
  return `${where}: ${label}${burst}`;
}

/** Share of cells per label (a summary for the text alternative and the page's prose). */
export function labelShares(codes: Uint8Array): Map<CellLabel, number> {
  const counts = new Map<CellLabel, number>();
  let done = 0;
  for (const code of codes) {
    if (code === PENDING) continue;
    done++;
    const label = CELL_LABELS[code] as CellLabel;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const shares = new Map<CellLabel, number>();
  for (const [label, count] of [...counts].sort((p, q) => q[1] - p[1])) shares.set(label, count / Math.max(1, done));
  return shares;
}

/**
 * The same cell labelled from an accurate run (`simulate` with method "adaptive": Dormand–Prince with error
 * control and spikes located at vPeak), the reference the fast kernel is checked against. Pass `simulate`
 * in, so the page's bundle need not carry the adaptive integrator.
 */
export function accurateCell(
  spec: AtlasSpec,
  i: number,
  j: number,
  simulate: (options: SimulateOptions) => {spikes: Float64Array; warnings: string[]}
): {code: number; perBurst: number} {
  const q = cellValues(spec, i, j);
  const trace = simulate({
    params: {a: q.a, b: q.b, c: q.c, d: q.d},
    current: q.I,
    v0: ATLAS_V0,
    u0: atlasU0(q.b),
    duration: spec.duration,
    dt: spec.dt,
    method: "adaptive",
    maxSpikes: ATLAS_MAX_SPIKES
  });
  return labelCell(trace.spikes, spec.duration, trace.warnings.length > 0);
}

/** The label text of a code with its spikes per burst, e.g. "bursting (4)". */
export function labelText(code: number, perBurst: number): string {
  const label = CELL_LABELS[code] ?? "unknown";
  return perBurst > 0 && (label === "bursting" || label === "mixed" || label === "phasic")
    ? `${label} (${perBurst})`
    : label;
}
