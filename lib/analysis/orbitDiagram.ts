/**
 * Orbit (bifurcation) diagrams: for each value of one swept parameter, the ISIs or the values of u just after
 * each reset that a neuron under a constant current visits once its transient has died away. One point per
 * value means tonic firing, a few means a periodic pattern (bursts), a smear means irregular (possibly chaotic)
 * firing, none means the neuron is silent.
 */
import {DEFAULT_DT, SAMPLE_BUDGET, simulate} from "../simulate.js";
import {checkKeys, checkKeyword, checkNumber, fail} from "../validate.js";
import {checkDcNeuron, passageToSpike, type DcNeuron} from "./dcFlow.js";
import {resetsFromTrace} from "./resetMap.js";

/** The parameters an orbit diagram can sweep: the current I or one of a, b, c, d. */
export const ORBIT_PARAMETERS = ["I", "a", "b", "c", "d"] as const;
export type OrbitParameter = (typeof ORBIT_PARAMETERS)[number];

/** What an orbit diagram plots: the inter-spike intervals (ms) or u just after each reset. */
export const ORBIT_MEASURES = ["isi", "uReset"] as const;
export type OrbitMeasure = (typeof ORBIT_MEASURES)[number];

/** The integrators an orbit diagram can use: accurate, or the two fixed-step Euler schemes. */
export const ORBIT_METHODS = ["adaptive", "euler", "paper2004"] as const;
export type OrbitMethod = (typeof ORBIT_METHODS)[number];

/** Options of {@link orbitDiagram}. */
export interface OrbitDiagramOptions extends DcNeuron {
  /** The swept parameter. */
  parameter: OrbitParameter;
  /** The values it takes (1 to 10,000 finite numbers). */
  values: readonly number[];
  /** What to record; default "isi". */
  measure?: OrbitMeasure;
  /** Time discarded first (ms); default 500. */
  transient?: number;
  /** Time recorded after the transient (ms); default 500. */
  window?: number;
  /** Integrator; default "adaptive" (event-located, tolerance as `tolerance`). */
  method?: OrbitMethod;
  /** Step of the fixed-step methods (ms); default 2⁻⁵. */
  dt?: number;
  /** Initial v (mV); default −65 (as `simulate`). */
  v0?: number;
  /** Initial u; default b·v0 (with the swept b, if b is swept). */
  u0?: number;
  /** At most this many points per value (the first ones after the transient); default 300. */
  maxPoints?: number;
  /**
   * A value stops after this many spikes in all (transient included) and is flagged in `truncated`: firing
   * that accelerates without bound (u running away, as in panel T) would otherwise never end. Default 5000.
   */
  spikeBudget?: number;
  /** Called after each value with (values done, values in all). */
  onProgress?: (done: number, total: number) => void;
}

/** The result of {@link orbitDiagram}. */
export interface OrbitDiagram {
  parameter: OrbitParameter;
  measure: OrbitMeasure;
  method: OrbitMethod;
  /** The swept values, in the order given. */
  values: Float64Array;
  /** For each value, the recorded ISIs (ms) or u values (empty: silent after the transient). */
  points: Float64Array[];
  /** For each value, whether it reached the spike budget before the end of the window (see `spikeBudget`). */
  truncated: boolean[];
  /** All points as two columns (swept value, measured value), for plotting. */
  x: Float64Array;
  y: Float64Array;
}

const KEYS = [
  "parameter",
  "values",
  "measure",
  "transient",
  "window",
  "method",
  "dt",
  "v0",
  "u0",
  "maxPoints",
  "spikeBudget",
  "onProgress"
];

/**
 * The orbit diagram of a neuron under DC against one parameter (see the module comment). Each value starts
 * afresh from (v0, u0).
 *
 * @example
 * orbitDiagram({params: {a: 0.2, b: 2, c: -56, d: -16}, current: -99, parameter: "I",
 *               values: [-100, -99.5, -99], measure: "uReset"});
 */
export function orbitDiagram(options: OrbitDiagramOptions): OrbitDiagram {
  const where = "orbitDiagram";
  // The own-keys copy checkKeys returns: each option read once, nothing inherited.
  const o = checkKeys(options, `${where}: options`, [
    ...KEYS,
    "params",
    "current",
    "vPeak",
    "equation",
    "tolerance",
    "horizon"
  ]) as unknown as OrbitDiagramOptions;
  const {
    parameter: p,
    values,
    measure: ms,
    transient: tr,
    window: wi,
    method: me,
    dt: dtIn,
    v0: v0In,
    u0: u0In,
    maxPoints: mp,
    spikeBudget: sb,
    onProgress,
    ...neuron
  } = o;
  const base = checkDcNeuron(neuron, where);
  const parameter = checkKeyword(p, `${where}: parameter`, ORBIT_PARAMETERS);
  if (!Array.isArray(values) || values.length < 1 || values.length > 10_000)
    fail(where, "values", values, "an array of 1 to 10000 numbers");
  values.forEach((x, i) => checkNumber(x, `${where}: values[${i}]`));
  const measure = ms === undefined ? "isi" : checkKeyword(ms, `${where}: measure`, ORBIT_MEASURES);
  const method = me === undefined ? "adaptive" : checkKeyword(me, `${where}: method`, ORBIT_METHODS);
  const transient = tr === undefined ? 500 : checkNumber(tr, `${where}: transient`, {min: 0});
  const window = wi === undefined ? 500 : checkNumber(wi, `${where}: window`, {min: 0, minExclusive: true});
  const dt = dtIn === undefined ? DEFAULT_DT : checkNumber(dtIn, `${where}: dt`, {min: 0, minExclusive: true, max: 1});
  if (method !== "adaptive" && (transient + window) / dt + 2 > SAMPLE_BUDGET) {
    fail(
      where,
      "transient + window",
      transient + window,
      `at most ${Math.floor((SAMPLE_BUDGET - 2) * dt)} ms at dt = ${dt} ms`
    );
  }
  const v0 = v0In === undefined ? -65 : checkNumber(v0In, `${where}: v0`, {max: base.vPeak, maxExclusive: true});
  const u0Fixed = u0In === undefined ? undefined : checkNumber(u0In, `${where}: u0`);
  const maxPoints = mp === undefined ? 300 : checkNumber(mp, `${where}: maxPoints`, {min: 1, max: 1e6, integer: true});
  const spikeBudget =
    sb === undefined ? 5000 : checkNumber(sb, `${where}: spikeBudget`, {min: 2, max: 1e7, integer: true});
  if (onProgress !== undefined && typeof onProgress !== "function") fail(where, "onProgress", onProgress, "a function");

  const points: Float64Array[] = [];
  const truncated: boolean[] = [];
  values.forEach((value, i) => {
    const params = {...neuron.params};
    let current = base.I;
    if (parameter === "I") current = value;
    else params[parameter] = value;
    const u0 = u0Fixed ?? params.b * v0;
    const run = {neuron: {...neuron, params, current}, v0, u0, transient, window, maxPoints, spikeBudget};
    const got = method === "adaptive" ? accuratePoints(run, measure) : fixedStepPoints(run, measure, method, dt);
    points.push(got.points);
    truncated.push(got.truncated);
    onProgress?.(i + 1, values.length);
  });
  let total = 0;
  for (const q of points) total += q.length;
  const x = new Float64Array(total);
  const y = new Float64Array(total);
  let k = 0;
  points.forEach((q, i) =>
    q.forEach((yv) => {
      x[k] = values[i];
      y[k++] = yv;
    })
  );
  return {parameter, measure, method, values: Float64Array.from(values), points, truncated, x, y};
}

interface OrbitRun {
  neuron: DcNeuron;
  v0: number;
  u0: number;
  transient: number;
  window: number;
  maxPoints: number;
  spikeBudget: number;
}

interface OrbitPoints {
  points: Float64Array;
  truncated: boolean;
}

/** ISIs or reset values after the transient, by the event-located integrator of resetMap.ts. */
function accuratePoints(run: OrbitRun, measure: OrbitMeasure): OrbitPoints {
  const flow = checkDcNeuron(run.neuron, "orbitDiagram");
  const {c, d} = flow.model;
  const end = run.transient + run.window;
  const out: number[] = [];
  let v = run.v0,
    u = run.u0,
    t = 0,
    last = NaN,
    spikes = 0;
  while (t < end && out.length < run.maxPoints) {
    if (spikes++ >= run.spikeBudget) return {points: Float64Array.from(out), truncated: true};
    const p = passageToSpike({...flow, horizon: end - t}, v, u);
    if (!p) break;
    t += p.time;
    v = c;
    u = p.u + d;
    if (t >= run.transient) {
      if (measure === "uReset") out.push(u);
      else if (last === last) out.push(t - last);
    }
    last = t;
  }
  return {points: Float64Array.from(out), truncated: false};
}

/** ISIs or reset values after the transient, from a fixed-step `simulate` run. */
function fixedStepPoints(run: OrbitRun, measure: OrbitMeasure, method: "euler" | "paper2004", dt: number): OrbitPoints {
  const {neuron, v0, u0, transient, window} = run;
  const {params, current, vPeak, equation} = neuron;
  const trace = simulate({
    params,
    current,
    vPeak,
    equation,
    v0,
    u0,
    duration: transient + window,
    method,
    dt,
    maxSpikes: run.spikeBudget
  });
  const spikes = trace.spikes;
  const resets = measure === "uReset" ? resetsFromTrace(trace) : null;
  const out: number[] = [];
  for (let i = 0; i < spikes.length && out.length < run.maxPoints; i++) {
    if (spikes[i] < transient) continue;
    if (resets) out.push(resets[i]);
    else if (i > 0) out.push(spikes[i] - spikes[i - 1]);
  }
  return {points: Float64Array.from(out), truncated: spikes.length >= run.spikeBudget};
}
