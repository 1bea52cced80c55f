// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import * as d3 from "d3";
import {COLORS} from "../../../src/components/charts/chart.js";
import {
  NEURON_COLORS,
  NeuronLegend,
  OverlayTraces,
  PhasePlanes,
  sharedPlaneDomain,
  StackedTraces,
  StatsTable,
  phaseGridLayout,
  voltageDomain
} from "../../../src/components/charts/compareCharts.js";
import type {CompareRun, StatsRow} from "../../../src/components/compare/compareModel.js";
import {expectSnapshot, syntheticTrace} from "../fixtures.js";

/** Deterministic runs: the synthetic Euler trace (not the library's), one per neuron. */
function runs(n: number): CompareRun[] {
  const trace = {...syntheticTrace(), method: "euler" as const, dt: 0.25, steps: 400, warnings: []};
  const names = ["RS", "IB", "CH", "FS"];
  return Array.from({length: n}, (_, i) => ({
    neuron: {
      index: i,
      kind: names[i] as "RS",
      short: names[i],
      label: `${names[i]}, a neuron`,
      params: {a: 0.02, b: 0.2, c: -65, d: 8},
      v0: -65,
      u0: -13,
      vPeak: 30,
      protocol: null,
      publishedDt: 0.25
    },
    options: {params: {a: 0.02, b: 0.2, c: -65, d: 8}, duration: 100},
    trace,
    error: null,
    stats: null,
    before: 0,
    rate: null,
    bursts: null,
    pattern: null,
    decision: null,
    equilibria: [{v: -70, u: -14, type: "stable node"}] as unknown as CompareRun["equilibria"]
  }));
}
const svgOf = (figure: Element) => figure.querySelector("svg[role=img]") as SVGSVGElement;

describe("StackedTraces", () => {
  it("draws one titled, labelled chart per neuron, all on the same time axis", () => {
    for (const n of [2, 3, 4]) {
      const box = StackedTraces(runs(n), {width: 500, xDomain: [0, 100]});
      const figures = [...box.querySelectorAll("figure")];
      expect(figures).toHaveLength(n);
      figures.forEach((f, i) => {
        expect(f.querySelector("h3")?.textContent).toMatch(new RegExp(`^${i + 1} · `));
        expect(svgOf(f).getAttribute("aria-label")).toMatch(
          /membrane potential v in mV of neuron \d .* time t from 0 to 100 ms/
        );
        expect(svgOf(f).textContent).toContain("t (ms)");
        expect(svgOf(f).textContent).toContain("v (mV)");
        expect(svgOf(f).getAttribute("width")).toBe("500");
      });
      // Same x ticks everywhere: the axes line up.
      const ticks = figures.map((f) => f.querySelector(".axes path")?.getAttribute("d"));
      expect(new Set(ticks).size).toBe(1);
    }
  });
});

describe("StackedTraces updated in place", () => {
  it("keeps each neuron's chart, drops the charts of removed neurons and draws what a fresh chart draws", () => {
    const box = StackedTraces(runs(3), {width: 500, xDomain: [0, 100]});
    const [first, second] = box.querySelectorAll("figure");
    const fewer = runs(2).map((r) => ({...r, trace: {...r.trace!, v: r.trace!.v.map((v) => v - 5)}}));
    box.update(fewer, {width: 500, xDomain: [0, 100]});
    const after = [...box.querySelectorAll("figure")];
    expect(after).toHaveLength(2);
    expect(after[0]).toBe(first);
    expect(after[1]).toBe(second);
    const fresh = StackedTraces(fewer, {width: 500, xDomain: [0, 100]});
    expect(box.innerHTML).toBe(fresh.innerHTML);
    expect(box.innerHTML).not.toBe(StackedTraces(runs(2), {width: 500, xDomain: [0, 100]}).innerHTML);
  });
});

describe("OverlayTraces", () => {
  it("draws every neuron on one chart with a legend", async () => {
    const figure = OverlayTraces(runs(3), {width: 500, xDomain: [0, 100]});
    expect(figure.querySelector("h3")?.textContent).toBe("Membrane potentials v(t), overlaid");
    expect(figure.querySelectorAll(".compare-legend li")).toHaveLength(3);
    expect(
      svgOf(figure).querySelectorAll("path[stroke='#0072b2'], path[stroke='#cc79a7'], path[stroke='#009e73']")
    ).toHaveLength(3);
    expect(svgOf(figure).getAttribute("aria-label")).toMatch(/of 3 neurons/);
    await expectSnapshot(svgOf(figure), "compareOverlay.svg");
  });
});

describe("OverlayTraces updated in place", () => {
  it("keeps its chart and the first neuron's line, and draws what a fresh overlay draws", () => {
    const figure = OverlayTraces(runs(3), {width: 500, xDomain: [0, 100]});
    const svg = svgOf(figure);
    const line = svg.querySelector("[aria-label='v of neuron 1'] path");
    const fewer = runs(2).map((r) => ({...r, trace: {...r.trace!, v: r.trace!.v.map((v) => v - 5)}}));
    figure.update(fewer, {width: 500, xDomain: [0, 100]});
    expect(svgOf(figure)).toBe(svg);
    expect(svg.querySelector("[aria-label='v of neuron 1'] path")).toBe(line);
    expect(figure.outerHTML).toBe(OverlayTraces(fewer, {width: 500, xDomain: [0, 100]}).outerHTML);
    expect(figure.querySelectorAll(".compare-legend li")).toHaveLength(2);
  });
});

describe("PhasePlanes and their layout", () => {
  it("puts 2–4 phase planes side by side on a wide screen and stacks them on a phone", () => {
    expect(phaseGridLayout(2, 1000)).toEqual({columns: 2, chartWidth: 492});
    expect(phaseGridLayout(3, 1000)).toEqual({columns: 3, chartWidth: 322});
    expect(phaseGridLayout(4, 1000).columns).toBe(2);
    expect(phaseGridLayout(4, 358)).toEqual({columns: 1, chartWidth: 358});
    const grid = PhasePlanes(runs(4), {width: 358, I: 0, when: "at the end"});
    expect(grid.querySelectorAll("figure")).toHaveLength(4);
    for (const f of grid.querySelectorAll("figure"))
      expect(Number(svgOf(f).getAttribute("width"))).toBeLessThanOrEqual(358);
  });
  it("draws every plane in one frame that holds each neuron's v-nullcline", () => {
    // Neuron 2 like FS under a strong current: its orbit stays far below its v-nullcline's knee.
    const two = runs(2);
    const low = {...two[1].trace!, u: two[1].trace!.u.map((u) => u - 30)};
    two[1] = {...two[1], trace: low, neuron: {...two[1].neuron, params: {a: 0.1, b: 0.2, c: -65, d: 2}}};
    const I = 40;
    const frame = sharedPlaneDomain(two, I)!;
    // The knee of u = 0.04 v² + 5 v + 140 + I is at v = −62.5 mV, u = I − 16.25.
    expect(frame.uDomain[1]).toBeGreaterThan(I - 16.25);
    expect(frame.uDomain[0]).toBeLessThanOrEqual(Math.min(...low.u));
    const grid = PhasePlanes(two, {width: 700, I, when: "the DC"});
    const axes = [...grid.querySelectorAll("figure")].map((f) => f.querySelector(".axes")?.innerHTML);
    expect(axes).toHaveLength(2);
    expect(axes[0]).toBe(axes[1]); // the same ticks and labels: one scale
  });
  it("are updated in place: each neuron's plane kept, removed neurons' planes dropped, as a fresh grid draws", () => {
    const grid = PhasePlanes(runs(3), {width: 700, I: 0, when: "at the end"});
    const [first, second] = grid.querySelectorAll("figure");
    const fewer = runs(2).map((r) => ({...r, trace: {...r.trace!, u: r.trace!.u.map((u) => u - 3)}}));
    grid.update(fewer, {width: 700, I: 5, when: "the DC"});
    const after = [...grid.querySelectorAll("figure")];
    expect(after).toHaveLength(2);
    expect(after[0]).toBe(first);
    expect(after[1]).toBe(second);
    expect(grid.outerHTML).toBe(PhasePlanes(fewer, {width: 700, I: 5, when: "the DC"}).outerHTML);
  });
});

describe("NEURON_COLORS", () => {
  it("has no orange, the colour of the v-nullcline in the planes on the same page", () => {
    const hue = (c: string) => d3.hsl(c).h;
    const orange = d3.hsl(COLORS.vNullcline);
    for (const c of NEURON_COLORS) {
      const h = d3.hsl(c);
      const isOrange = h.s > 0.5 && Math.abs(hue(c) - orange.h) < 25;
      expect(isOrange, `${c} reads as orange`).toBe(false);
    }
  });
});

describe("StatsTable and NeuronLegend", () => {
  it("has a caption, a header per neuron and a row header per statistic, all as text", async () => {
    const rows: StatsRow[] = [
      {label: "Spikes", note: "count", values: ["3", "<img src=x>"]},
      {label: "Rate (Hz)", note: "rate", values: ["30", "—"]}
    ];
    const table = StatsTable(runs(2), rows, "Statistics");
    expect(table.querySelector("caption")?.textContent).toBe("Statistics");
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual([
      "Statistic",
      "1 · RS",
      "2 · IB"
    ]);
    expect(table.querySelectorAll("tbody th[scope=row]")).toHaveLength(2);
    expect(table.querySelector("img")).toBeNull();
    expect(table.querySelectorAll("tbody td")[1].textContent).toBe("<img src=x>");
    await expectSnapshot(table, "compareStats.html");
  });

  it("is updated in place: the same neurons and statistics change only their texts, others make a new table", () => {
    const rows = (spikes: string): StatsRow[] => [
      {label: "Spikes", note: "count", values: [spikes, "2"]},
      {label: "Rate (Hz)", note: "rate", values: ["30", "—"]}
    ];
    const wrap = StatsTable(runs(2), rows("3"), "Before");
    const table = wrap.querySelector("table");
    const rate = wrap.querySelectorAll("tbody td")[2];
    wrap.update(runs(2), rows("4"), "After");
    expect(wrap.querySelector("table")).toBe(table);
    expect(wrap.querySelectorAll("tbody td")[2]).toBe(rate);
    expect(wrap.outerHTML).toBe(StatsTable(runs(2), rows("4"), "After").outerHTML);
    // A third neuron: a new table, as a fresh one draws it.
    wrap.update(
      runs(3),
      rows("5").map((r) => ({...r, values: [...r.values, "1"]})),
      "Three"
    );
    expect(wrap.querySelector("table")).not.toBe(table);
    expect(wrap.outerHTML).toBe(
      StatsTable(
        runs(3),
        rows("5").map((r) => ({...r, values: [...r.values, "1"]})),
        "Three"
      ).outerHTML
    );
  });

  it("names each neuron beside its colour", () => {
    // The number and the name, once ("1 · RS, a neuron", not "1 · RS: RS, a neuron").
    expect(NeuronLegend(runs(2)).textContent).toBe("1 · RS, a neuron2 · IB, a neuron");
    const [lo, hi] = voltageDomain(runs(2));
    expect(hi).toBe(30);
    expect(lo).toBe(Math.min(...runs(1)[0].trace!.v));
  });
});
