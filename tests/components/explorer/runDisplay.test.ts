// @vitest-environment jsdom
// A run's drawing prepared in the worker (runDisplay.ts): the charts draw from it exactly what they would have
// computed from the whole run (time charts, the plane's extent), or, for the trajectory, a path that stays
// within its tolerance of the whole run's and keeps every reset jump.
import {describe, expect, it} from "vitest";
import {PATH_GAP, decimateMinMax} from "../../../lib/decimate.js";
import {simulate} from "../../../lib/simulate.js";
import {
  extentDomain,
  prepareDisplay,
  thinPath,
  traceExtent,
  type DisplaySpec
} from "../../../src/components/explorer/runDisplay.js";
import {MARGINS, phaseDomain, trajectoryPath} from "../../../src/components/charts/phasePlane.js";
import {VoltageTrace} from "../../../src/components/charts/voltageTrace.js";
import {RecoveryTrace} from "../../../src/components/charts/recoveryTrace.js";
import {InteractivePhasePlane, planeHeight} from "../../../src/components/charts/interactivePhasePlane.js";
import {displaySpec} from "../../../src/components/explorer/explorer.js";
import {executeRun} from "../../../src/workers/simulationRunner.js";

const CH = {a: 0.02, b: 0.2, c: -50, d: 2};
const NOISY = {
  params: CH,
  current: {
    kind: "sum" as const,
    parts: [
      {kind: "dc" as const, value: 10},
      {kind: "noise" as const, mean: 0, sigma: 20, tau: 0.5, seed: 1, dt: 0.1}
    ]
  },
  duration: 300,
  dt: 2 ** -8
};
const trace = simulate(NOISY);
const spec: DisplaySpec = displaySpec({traceWidth: 600, planeWidth: 400}, 300);
const display = prepareDisplay(trace, spec, {c: CH.c, d: CH.d, vPeak: 30});

describe("prepareDisplay", () => {
  it("gives the time charts decimateMinMax's own indices for their columns", () => {
    expect(spec.columns).toBeGreaterThan(100);
    const opts = {columns: spec.columns, x0: 0, x1: 300};
    expect(display.v).toEqual(decimateMinMax(trace.t, trace.v, opts));
    expect(display.u).toEqual(decimateMinMax(trace.t, trace.u, opts));
  });

  it("gives the plane the same extent and spikes as a scan of the whole run", () => {
    expect(display.extent.breaks.length).toBe(trace.spikes.length);
    const eq = [{v: -60, u: -12, type: "stable node" as const}];
    expect(phaseDomain(trace, CH, eq, 30, undefined, display.extent)).toEqual(phaseDomain(trace, CH, eq, 30));
    // An extent prepared for another d is not used.
    const other = traceExtent(trace, 8, 30);
    expect(phaseDomain(trace, CH, eq, 30, undefined, other)).toEqual(phaseDomain(trace, CH, eq, 30));
  });

  it("thins the trajectory to samples that keep both ends of every reset and stay within half a pixel", () => {
    const path = display.path;
    expect(path.length).toBeLessThan(trace.v.length / 2);
    for (let j = 1; j < path.length; ++j) expect(path[j]).toBeGreaterThan(path[j - 1]);
    const kept = new Set(path);
    expect(kept.has(0) && kept.has(trace.v.length - 1)).toBe(true);
    for (const k of display.extent.breaks) expect(kept.has(k) && kept.has(k + 1)).toBe(true);
    // Every sample lies within half a pixel (plus rounding) of the last sample kept before it, in the plane the
    // trace alone fills: decimatePath keeps a sample once it is that far from the last one kept.
    const {vDomain, uDomain} = extentDomain(display.extent, CH.c);
    const sx = spec.planeWidth / (vDomain[1] - vDomain[0]);
    const sy = spec.planeHeight / (uDomain[1] - uDomain[0]);
    let last = 0;
    for (let i = 0; i < trace.v.length; ++i) {
      if (kept.has(i)) last = i;
      else expect(Math.hypot((trace.v[i] - trace.v[last]) * sx, (trace.u[i] - trace.u[last]) * sy)).toBeLessThan(0.5);
    }
  });

  it("is what executeRun sends back when the request says where the run is drawn, and only then", () => {
    const sent = executeRun({...NOISY, display: spec});
    expect(sent.v).toEqual(trace.v);
    expect(sent.display?.v).toEqual(display.v);
    expect(sent.display?.path).toEqual(display.path);
    expect(executeRun(NOISY).display).toBeUndefined();
  });
});

describe("thinPath", () => {
  it("caps a dense path: coarser, from the samples kept, and still through both ends of every jump", () => {
    const breaks = display.extent.breaks;
    const options = {scaleX: 20, scaleY: 40, tolerance: 0.25};
    const dense = thinPath(trace.v, trace.u, breaks, options);
    const capped = thinPath(trace.v, trace.u, breaks, options, {maxPoints: dense.length / 5});
    expect(capped.length).toBeLessThan(dense.length / 2);
    const kept = new Set(capped);
    for (const k of breaks) expect(kept.has(k) && kept.has(k + 1)).toBe(true);
    // Over a subset: the same as over the samples, when the subset holds every sample.
    const all = Uint32Array.from(trace.v, (_, i) => i);
    expect(thinPath(trace.v, trace.u, breaks, options, {subset: all})).toEqual(dense);
    expect(capped.every((i) => i === PATH_GAP || i < trace.v.length)).toBe(true);
  });
});

describe("the charts drawn from a prepared run", () => {
  const prepared = {...trace, display};

  it("v(t) and u(t) draw the same as from the whole run, ghost included", () => {
    const options = {width: 600, xDomain: [0, 300] as [number, number], ghost: {t: trace.t, v: trace.u, display}};
    expect(VoltageTrace(prepared, options).outerHTML).toBe(VoltageTrace(trace, options).outerHTML);
    const u = {width: 600, xDomain: [0, 300] as [number, number]};
    expect(RecoveryTrace(prepared, u).outerHTML).toBe(RecoveryTrace(trace, u).outerHTML);
    // Prepared for other columns: not used (the chart decimates the run itself).
    const wide = {width: 900, xDomain: [0, 300] as [number, number]};
    expect(VoltageTrace(prepared, wide).outerHTML).toBe(VoltageTrace(trace, wide).outerHTML);
  });

  it("the plane draws the thinned trajectory through the same resets, close to the whole run's", () => {
    const width = 400;
    const options = {width, params: CH, I: 10, equilibria: [], v0: -65, u0: -13, vPeak: 30};
    const from = (t: typeof trace) =>
      InteractivePhasePlane(t, options).querySelector('[aria-label="trajectory"] path')!.getAttribute("d")!;
    const thin = from(prepared);
    expect(thin.length).toBeGreaterThan(100);
    expect(thin).not.toBe(from(trace)); // drawn from the thinned samples
    const dom = phaseDomain(trace, CH, [], 30);
    const innerW = width - MARGINS.marginLeft - MARGINS.marginRight;
    const innerH = planeHeight(width) - MARGINS.marginTop - MARGINS.marginBottom;
    const direct = trajectoryPath(trace, dom.breaks, {
      width,
      height: planeHeight(width),
      vDomain: dom.vDomain,
      uDomain: dom.uDomain,
      tolerance: 1.5,
      params: CH,
      vPeak: 30,
      subset: display.path
    });
    expect(innerW).toBeLessThanOrEqual(spec.planeWidth);
    expect(innerH).toBeLessThanOrEqual(spec.planeHeight);
    // Every point drawn is a sample of the run (or an apex/reset point of a jump).
    for (let j = 0; j < direct.X.length; ++j) {
      const k = direct.sample[j];
      if (k < 0 || Number.isNaN(direct.X[j])) continue;
      if (direct.X[j] === 30 || direct.X[j] === CH.c) continue;
      expect(direct.X[j]).toBe(trace.v[k]);
      expect(direct.Y[j]).toBe(trace.u[k]);
    }
  });
});
