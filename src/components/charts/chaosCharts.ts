/**
 * Charts of the lab pages: ISI return maps, the reset map with a cobweb, the divergence of nearby trajectories,
 * per-segment Lyapunov estimates and orbit diagrams. Each is a Plot chart wrapped by chart.ts's `figure` (title,
 * caption, text alternative); axes always carry units.
 */
import {rowsToCSV} from "../../lib/export/csv.js";
import * as Plot from "@observablehq/plot";
import type {NearbyResult} from "../../lib/analysis/lyapunov.js";
import type {ResetFixedPoint, ResetMapGraph} from "../../lib/analysis/resetMap.js";
import {figure, fmt, type FigureOptions} from "./chart.js";

/** Colours of the runs compared on the chaos page (coarse step, half step, accurate). */
export const RUN_COLORS = ["#b35806", "#7570b3", "#1f5fa8"] as const;

/** Consecutive pairs (ISI_n, ISI_{n+1}) of a spike train, ms. */
export function returnPairs(spikes: ArrayLike<number>): {x: number; y: number}[] {
  const out: {x: number; y: number}[] = [];
  for (let i = 2; i < spikes.length; i++) out.push({x: spikes[i - 1] - spikes[i - 2], y: spikes[i] - spikes[i - 1]});
  return out;
}

/** ISI return map (ISI_{n+1} against ISI_n) of one or more runs, one colour each. */
export function returnMapChart(
  runs: {label: string; spikes: ArrayLike<number>; color: string}[],
  width: number,
  options: FigureOptions & {domain?: [number, number]}
) {
  const data = runs.flatMap((r) => returnPairs(r.spikes).map((p) => ({...p, run: r.label})));
  const plot = Plot.plot({
    width,
    height: Math.min(width, 340),
    marginLeft: 48,
    x: {label: "ISIₙ (ms)", domain: options.domain, grid: true},
    y: {label: "ISIₙ₊₁ (ms)", domain: options.domain, grid: true},
    color: {domain: runs.map((r) => r.label), range: runs.map((r) => r.color), legend: runs.length > 1},
    marks: [Plot.dot(data, {x: "x", y: "y", stroke: "run", r: 1.8, fill: "run", fillOpacity: 0.6})]
  });
  const download = {
    csv: () =>
      rowsToCSV(
        ["run", "isi_n_ms", "isi_next_ms"],
        runs.flatMap((r) => returnPairs(r.spikes).map((p) => [r.label, p.x, p.y]))
      ),
    json: () => runs.map((r) => ({label: r.label, spikes: r.spikes}))
  };
  return figure(plot, {download, ...options});
}

/** The reset map u_n → u_{n+1} with the diagonal, its fixed points and a cobweb of an orbit. */
export function cobwebChart(
  graph: ResetMapGraph,
  orbit: ArrayLike<number>,
  fixed: ResetFixedPoint[],
  width: number,
  options: FigureOptions
) {
  const map = Array.from(graph.u, (u, i) => ({u, next: graph.next[i] ?? NaN}));
  const [lo, hi] = [graph.u[0], graph.u[graph.u.length - 1]];
  const web: {x: number; y: number}[] = [];
  for (let i = 0; i + 1 < Math.min(orbit.length, 40); i++) {
    web.push(
      {x: orbit[i], y: i === 0 ? orbit[i] : orbit[i]},
      {x: orbit[i], y: orbit[i + 1]},
      {x: orbit[i + 1], y: orbit[i + 1]}
    );
  }
  const plot = Plot.plot({
    width,
    height: Math.min(width, 360),
    marginLeft: 52,
    x: {label: "uₙ just after a reset", domain: [lo, hi], grid: true},
    y: {label: "uₙ₊₁", domain: [lo, hi], grid: true},
    marks: [
      Plot.line(
        [
          {x: lo, y: lo},
          {x: hi, y: hi}
        ],
        {x: "x", y: "y", stroke: "#999", strokeDasharray: "4,3"}
      ),
      Plot.line(web, {x: "x", y: "y", stroke: "#b35806", strokeWidth: 0.8, strokeOpacity: 0.7, clip: true}),
      Plot.line(map, {x: "u", y: "next", stroke: "#1f5fa8", strokeWidth: 2, clip: true}),
      Plot.dot(fixed, {
        x: "u",
        y: "u",
        r: 5,
        stroke: "black",
        fill: (p: ResetFixedPoint) => (p.stable ? "black" : "white"),
        title: (p: ResetFixedPoint) => `fixed point u = ${fmt(p.u)}, slope ${fmt(p.slope, 3)}, ISI ${fmt(p.period)} ms`
      })
    ]
  });
  return figure(plot, {download: {json: () => ({graph, orbit, fixed})}, ...options});
}

/** |Δu| after each reset of two trajectories started 1e-6 apart (log axis), with e^{λn} for comparison. */
export function divergenceChart(
  nearby: NearbyResult,
  separation: number,
  perSpike: number | null,
  width: number,
  options: FigureOptions
) {
  const data = [{n: 0, du: separation}, ...Array.from(nearby.du, (du, i) => ({n: i + 1, du: Math.max(du, 1e-16)}))];
  const marks: Plot.Markish[] = [
    Plot.line(data, {x: "n", y: "du", stroke: "#1f5fa8"}),
    Plot.dot(data, {x: "n", y: "du", fill: "#1f5fa8", r: 2})
  ];
  if (perSpike !== null && Number.isFinite(perSpike)) {
    const guide = data
      .map(({n}) => ({n, du: separation * Math.exp(perSpike * n)}))
      .filter((p) => p.du <= 100 && p.du >= 1e-16);
    marks.push(Plot.line(guide, {x: "n", y: "du", stroke: "#b35806", strokeDasharray: "4,3"}));
  }
  const plot = Plot.plot({
    width,
    height: 260,
    marginLeft: 56,
    x: {label: "reset n", grid: true},
    y: {
      type: "log",
      label: "|Δu| after reset n",
      domain: [1e-16, 100],
      grid: true,
      tickFormat: (d: number) => `1e${Math.round(Math.log10(d))}`,
      ticks: [1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 1, 100]
    },
    marks
  });
  return figure(plot, {download: {json: () => ({nearby, separation, perSpike})}, ...options});
}

/** Per-segment estimates of a Lyapunov exponent with their mean. */
export function segmentsChart(values: number[], label: string, width: number, options: FigureOptions) {
  const data = values.map((value, i) => ({segment: i + 1, value}));
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  const plot = Plot.plot({
    width,
    height: 200,
    marginLeft: 56,
    x: {label: "segment", grid: true},
    y: {label, grid: true, zero: true},
    marks: [
      Plot.ruleY([0], {stroke: "#999"}),
      Plot.ruleY([mean], {stroke: "#b35806", strokeDasharray: "4,3"}),
      Plot.dot(data, {x: "segment", y: "value", fill: "#1f5fa8", r: 3})
    ]
  });
  return figure(plot, {
    download: {
      csv: () =>
        rowsToCSV(
          ["segment", label],
          values.map((v, i) => [i + 1, v])
        ),
      json: () => values
    },
    ...options
  });
}

/** A mark on an orbit diagram's axis: a published feature at its value of the swept parameter. */
export interface AxisMark {
  x: number;
  label: string;
}
