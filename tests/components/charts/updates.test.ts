// @vitest-environment jsdom
// The charts' update(...) redraws in place: an updated chart equals one drawn afresh from the same arguments,
// keeps its elements, adds no listeners, and keeps tick labels inside their margin.
import {describe, expect, it} from "vitest";
import {CurrentTrace} from "../../../src/components/charts/currentTrace.js";
import {
  InteractivePhasePlane,
  type InteractivePhasePlaneOptions
} from "../../../src/components/charts/interactivePhasePlane.js";
import {IsiChart, type IsiSeries} from "../../../src/components/charts/isiChart.js";
import {NO_CURVE, fiChart} from "../../../src/components/charts/fiCurve.js";
import type {FICurve, FIPoint} from "../../../lib/analysis/fICurve.js";
import {NO_DIAGRAM, bifurcationChart} from "../../../src/components/charts/bifurcationDiagram.js";
import {equilibriumBifurcation} from "../../../lib/analysis/bifurcationDiagram.js";
import {PhasePlane} from "../../../src/components/charts/phasePlane.js";
import {RecoveryTrace} from "../../../src/components/charts/recoveryTrace.js";
import {labelWidth} from "../../../src/components/charts/retained.js";
import {TIME_MARGINS} from "../../../src/components/charts/chart.js";
import {VoltageTrace} from "../../../src/components/charts/voltageTrace.js";
import {VoltageLines, type VoltageLinesOptions} from "../../../src/components/charts/voltageLines.js";
import {equilibria} from "../../../lib/analysis/equilibria.js";
import {separatrix} from "../../../lib/analysis/separatrix.js";
import {simulate} from "../../../lib/simulate.js";
import {syntheticTrace} from "../fixtures.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};
const CH = {a: 0.02, b: 0.2, c: -50, d: 2};
const svgOf = (el: Element) => el.querySelector("svg[role]") as SVGSVGElement;

describe("time charts: update(trace, options)", () => {
  const a = syntheticTrace(100);
  const b = simulate({params: CH, current: 10, duration: 300});

  it("VoltageTrace: render(A).update(B) equals render(B), in the same elements", () => {
    const chart = VoltageTrace(a, {width: 400, xDomain: [0, 100]});
    const svg = svgOf(chart);
    const line = svg.querySelector("[aria-label=line] path");
    const options = {width: 520, xDomain: [0, 300] as [number, number], vPeak: 30, ghost: {t: a.t, v: a.v}};
    chart.update(b, options);
    expect(chart.outerHTML).toBe(VoltageTrace(b, options).outerHTML);
    expect(svgOf(chart)).toBe(svg);
    expect(svg.querySelector("[aria-label=line] path")).toBe(line);
    // And back: the ghost goes, the chart equals a fresh A again.
    chart.update(a, {width: 400, xDomain: [0, 100]});
    expect(chart.outerHTML).toBe(VoltageTrace(a, {width: 400, xDomain: [0, 100]}).outerHTML);
  });

  it("VoltageTrace keeps a fixed v range when one is given, whatever the run", () => {
    const yTicks = (chart: Element) =>
      (svgOf(chart) as unknown as {scale: (name: string) => {domain: number[]}}).scale("y").domain;
    const fixed = VoltageTrace(a, {width: 400, xDomain: [0, 100], yDomain: [-85, 30]});
    expect(yTicks(fixed)).toEqual([-90, 30]); // made nice, as every time chart's y range is
    fixed.update(b, {width: 400, xDomain: [0, 300], yDomain: [-85, 30]});
    expect(yTicks(fixed)).toEqual([-90, 30]);
    expect(yTicks(VoltageTrace(b, {width: 400, xDomain: [0, 300]}))).not.toEqual([-90, 30]);
  });

  it("RecoveryTrace and CurrentTrace too (the marker comes and goes)", () => {
    const u = RecoveryTrace(a, {width: 400});
    u.update(b, {width: 400, ghost: {t: a.t, u: a.u}, ghostLabel: "faint: the preset's run"});
    expect(u.outerHTML).toBe(
      RecoveryTrace(b, {width: 400, ghost: {t: a.t, u: a.u}, ghostLabel: "faint: the preset's run"}).outerHTML
    );
    const I = CurrentTrace(a, {width: 400, marker: 50});
    I.update(b, {width: 400, marker: null, title: "The input"});
    expect(I.outerHTML).toBe(CurrentTrace(b, {width: 400, marker: null, title: "The input"}).outerHTML);
    I.update(a, {width: 400, marker: 20});
    expect(I.outerHTML).toBe(CurrentTrace(a, {width: 400, marker: 20}).outerHTML);
  });

  it("reuses the tick labels when their number does not change", () => {
    const chart = VoltageTrace(a, {width: 400, xDomain: [0, 100]});
    const texts = [...svgOf(chart).querySelectorAll(".axes text")];
    const x20 = texts.find((t) => t.textContent === "20")!.getAttribute("x");
    chart.update(a, {width: 400, xDomain: [0, 110]});
    const after = [...svgOf(chart).querySelectorAll(".axes text")];
    expect(after.length).toBe(texts.length);
    after.forEach((t, i) => expect(t).toBe(texts[i]));
    expect(after.find((t) => t.textContent === "20")!.getAttribute("x")).not.toBe(x20);
    // A change in their number adds (or removes) labels: the chart equals a fresh one.
    chart.update(a, {width: 400, xDomain: [0, 150]});
    expect(chart.outerHTML).toBe(VoltageTrace(a, {width: 400, xDomain: [0, 150]}).outerHTML);
  });

  it("draws the ghost faint and behind the line, and says what it is", () => {
    const chart = VoltageTrace(b, {width: 400, ghost: {t: a.t, v: a.v}, ghostLabel: "faint: the preset's run"});
    const groups = [...svgOf(chart).querySelectorAll(":scope > svg[aria-label]")].map((g) =>
      g.getAttribute("aria-label")
    );
    expect(groups).toEqual(["ghost", "line"]);
    const ghost = svgOf(chart).querySelector("[aria-label=ghost] path")!;
    expect(ghost.getAttribute("d")).toMatch(/^M/);
    expect(Number(ghost.getAttribute("stroke-width"))).toBeLessThan(1.25);
    expect(chart.querySelector("figcaption")?.textContent).toMatch(/ Faint: the preset's run\.$/);
    chart.update(b, {width: 400});
    expect(svgOf(chart).querySelector("[aria-label=ghost]")).toBeNull();
    expect(chart.querySelector("figcaption")?.textContent).not.toContain("aint");
  });

  it("fits every y tick label in the margin, minus sign included (u of panel T reaches −200,000)", () => {
    const n = 101;
    const t = Float64Array.from({length: n}, (_, k) => k);
    const u = Float64Array.from({length: n}, (_, k) => -2000 * k);
    const trace = {t, v: new Float64Array(n), u, I: new Float64Array(n), spikes: new Float64Array(0)};
    for (const chart of [RecoveryTrace(trace, {width: 400}), VoltageTrace({...trace, v: u}, {width: 400})]) {
      const labels = [...svgOf(chart).querySelectorAll(".axes text[dy='0.32em']")].map((e) => e.textContent!);
      expect(labels.length).toBeGreaterThan(2);
      for (const label of labels) expect(labelWidth(label)).toBeLessThanOrEqual(TIME_MARGINS.marginLeft - 12);
      expect(labels).toContain("−200k");
      expect(labels.filter((l) => l !== "0").every((l) => l.startsWith("−"))).toBe(true);
    }
    // Labels that fit keep d3's format (thousands separators, a true minus sign).
    const small = RecoveryTrace({...trace, u: u.map((x) => x / 20)}, {width: 400});
    expect([...svgOf(small).querySelectorAll(".axes text")].map((e) => e.textContent)).toContain("−10,000");
  });
});

describe("VoltageLines: update(lines, options)", () => {
  const rs = simulate({params: RS, current: 10, duration: 150});
  const high = simulate({params: RS, current: 10, duration: 150, vPeak: 60});
  const blue = {t: rs.t, v: rs.v, color: "#1f5fa8", ariaLabel: "v at 30 mV"};
  const dashed = {t: high.t, v: high.v, color: "#d95f02", ariaLabel: "v at 60 mV", style: {strokeDasharray: "4,3"}};
  const one: VoltageLinesOptions = {width: 400, height: 200, xDomain: [0, 150], yDomain: [-80, 30], vPeak: 30};
  const two: VoltageLinesOptions = {
    ...one,
    yDomain: [-80, 60],
    vPeak: 60,
    title: "Two cut-offs",
    caption: "Blue and orange.",
    legend: [
      {label: "30 mV", color: "#1f5fa8"},
      {label: "60 mV", color: "#d95f02", dash: "4,3"}
    ]
  };

  it("render(A).update(B) equals render(B), keeping the svg and the first line; a second line and legend come and go", () => {
    const chart = VoltageLines([blue], one);
    const svg = svgOf(chart);
    const path = svg.querySelector("[aria-label='v at 30 mV'] path");
    chart.update([blue, dashed], two);
    expect(chart.outerHTML).toBe(VoltageLines([blue, dashed], two).outerHTML);
    expect(svgOf(chart)).toBe(svg);
    expect(svg.querySelector("[aria-label='v at 30 mV'] path")).toBe(path);
    expect(chart.querySelectorAll(".chart-legend li")).toHaveLength(2);
    expect(svg.querySelector("[aria-label='v at 60 mV'] path")?.getAttribute("stroke-dasharray")).toBe("4,3");
    chart.update([blue], one);
    expect(chart.outerHTML).toBe(VoltageLines([blue], one).outerHTML);
    expect(chart.querySelector(".chart-legend")).toBeNull();
    expect(chart.querySelector("h3")).toBeNull();
  });
});

describe("bifurcationChart: update(diagram, options)", () => {
  const H = {a: 0.2, b: 0.26, c: -65, d: 0};
  const rs = equilibriumBifurcation(RS, {from: -5, to: 6, count: 101});
  const h = equilibriumBifurcation(H, {from: -2, to: 2, count: 101});

  it("render(A).update(B) equals render(B); a new current moves the rule and keeps the branches' elements", () => {
    const chart = bifurcationChart(NO_DIAGRAM, {width: 400});
    chart.update(rs, {width: 400, current: 1, title: "RS", caption: "I = 1."});
    expect(chart.outerHTML).toBe(
      bifurcationChart(rs, {width: 400, current: 1, title: "RS", caption: "I = 1."}).outerHTML
    );
    const svg = svgOf(chart);
    const branches = [...svg.querySelectorAll("svg[aria-label*=branch] path")];
    const d = branches.map((p) => p.getAttribute("d"));
    expect(branches.length).toBe(rs.segments.length);
    const ruleAt = () => svg.querySelector("[aria-label=rule] line")?.getAttribute("x1");
    const before = ruleAt();
    chart.update(rs, {width: 400, current: 3, title: "RS", caption: "I = 3."});
    expect(ruleAt()).not.toBe(before);
    const after = [...svg.querySelectorAll("svg[aria-label*=branch] path")];
    after.forEach((p, i) => expect(p).toBe(branches[i]));
    expect(after.map((p) => p.getAttribute("d"))).toEqual(d);
    expect(chart.outerHTML).toBe(
      bifurcationChart(rs, {width: 400, current: 3, title: "RS", caption: "I = 3."}).outerHTML
    );
    // Another neuron (a Hopf point: its symbol and label appear).
    chart.update(h, {width: 520, current: 0.2});
    expect(chart.outerHTML).toBe(bifurcationChart(h, {width: 520, current: 0.2}).outerHTML);
    expect([...svg.querySelectorAll("[aria-label='special points'] text")].map((t) => t.textContent)).toContain("AH");
  });
});

describe("IsiChart: update(series, options)", () => {
  const rs = simulate({params: RS, current: 10, duration: 300}).spikes;
  const ch = simulate({params: CH, current: 10, duration: 300}).spikes;
  const one: IsiSeries[] = [{spikes: rs, label: "RS", color: "#999"}];
  const two: IsiSeries[] = [...one, {spikes: ch, label: "CH", color: "#d95f02"}];

  it("render(A).update(B) equals render(B), keeping the chart, its first series' line and its dots", () => {
    const chart = IsiChart(one, {width: 400, height: 180});
    const svg = svgOf(chart);
    const line = svg.querySelector("[aria-label=line] path");
    const dot = svg.querySelector("circle");
    chart.update(two, {width: 520, height: 180});
    expect(chart.outerHTML).toBe(IsiChart(two, {width: 520, height: 180}).outerHTML);
    expect(svgOf(chart)).toBe(svg);
    expect(svg.querySelector("[aria-label=line] path")).toBe(line);
    expect(svg.querySelector("circle")).toBe(dot);
    expect(chart.querySelectorAll(".chart-legend li")).toHaveLength(2);
    // Back to one series: the second's line, dots and the legend go.
    chart.update(one, {width: 400, height: 180, caption: "Now one."});
    expect(chart.outerHTML).toBe(IsiChart(one, {width: 400, height: 180, caption: "Now one."}).outerHTML);
    expect(chart.querySelector(".chart-legend")).toBeNull();
  });

  it("draws one dot per interval at whole-number ticks, and a new colour makes that series anew", () => {
    const chart = IsiChart(two, {width: 400});
    expect(chart.querySelectorAll("circle")).toHaveLength(rs.length - 1 + ch.length - 1);
    const xTicks = [...svgOf(chart).querySelectorAll(".axes text[dy='0.71em']")].map((e) => Number(e.textContent));
    expect(xTicks.length).toBeGreaterThan(1);
    expect(xTicks.every(Number.isInteger)).toBe(true);
    chart.update([one[0], {...two[1], color: "#1b9e77"}], {width: 400});
    expect(svgOf(chart).querySelectorAll("g[fill='#1b9e77'] circle")).toHaveLength(ch.length - 1);
    expect(svgOf(chart).querySelector("g[fill='#d95f02']")).toBeNull();
  });
});

describe("PhasePlane: update(trace, options)", () => {
  const rs = simulate({params: RS, current: 10, duration: 200});
  const rest = simulate({params: RS, current: 0, duration: 200});
  const options = (params: typeof RS, I: number) => ({width: 400, params, I, equilibria: equilibria(params, I)});

  it("render(A).update(B) equals render(B), in the same svg, trajectory and nullcline elements", () => {
    const chart = PhasePlane(rs, options(RS, 10));
    const svg = svgOf(chart);
    const path = svg.querySelector("[aria-label=trajectory] path");
    const nullcline = svg.querySelector("[aria-label=v-nullcline] path");
    chart.update(rest, options(RS, 0));
    expect(chart.outerHTML).toBe(PhasePlane(rest, options(RS, 0)).outerHTML);
    expect(svgOf(chart)).toBe(svg);
    expect(svg.querySelector("[aria-label=trajectory] path")).toBe(path);
    expect(svg.querySelector("[aria-label=v-nullcline] path")).toBe(nullcline);
    // The rest state's equilibria (a node and a saddle) come into the legend, and go again.
    expect(chart.querySelector(".chart-legend")?.textContent).toContain("saddle");
    chart.update(rs, {...options(CH, 10), vDomain: [-90, 40], uDomain: [-20, 20], caption: "CH."});
    expect(chart.outerHTML).toBe(
      PhasePlane(rs, {...options(CH, 10), vDomain: [-90, 40], uDomain: [-20, 20], caption: "CH."}).outerHTML
    );
    expect(chart.querySelector(".chart-legend")?.textContent).not.toContain("saddle");
  });

  it("a fixed extent is kept whatever the run", () => {
    const domains = (chart: Element) => {
      const svg = svgOf(chart) as unknown as {scale: (name: string) => {domain: number[]}};
      return [svg.scale("x").domain, svg.scale("y").domain];
    };
    const fixed = {vDomain: [-90, 40] as [number, number], uDomain: [-20, 20] as [number, number]};
    expect(domains(PhasePlane(rs, {...options(RS, 10), ...fixed}))).toEqual([fixed.vDomain, fixed.uDomain]);
    expect(domains(PhasePlane(rest, {...options(RS, 0), ...fixed}))).toEqual([fixed.vDomain, fixed.uDomain]);
    expect(domains(PhasePlane(rest, options(RS, 0)))).not.toEqual([fixed.vDomain, fixed.uDomain]);
  });
});

describe("InteractivePhasePlane: update(trace, options)", () => {
  const planeOptions = (I: number, params = RS, extra: Partial<InteractivePhasePlaneOptions> = {}) => ({
    width: 500,
    params,
    I,
    equilibria: equilibria(params, I),
    separatrix: separatrix(params, I),
    v0: -70,
    u0: -14,
    ...extra
  });
  const run = (I: number, params = RS) => simulate({params, v0: -70, u0: -14, current: I, duration: 200});

  it("render(A).update(B) equals render(B), keeping the element, its plane and its v(t) chart", () => {
    const A = run(0);
    const B = run(10, CH);
    const ghost = {t: A.t, v: A.v, u: A.u};
    const plane = InteractivePhasePlane(A, planeOptions(0));
    const svg = plane.querySelector(".ipp-plane > svg");
    const vt = plane.querySelector(":scope > figure:last-child");
    const bOptions = planeOptions(10, CH, {ghost, ghostLabel: "faint: the preset's run"});
    plane.update(B, bOptions);
    expect(plane.outerHTML).toBe(InteractivePhasePlane(B, bOptions).outerHTML);
    expect(plane.querySelector(".ipp-plane > svg")).toBe(svg);
    expect(plane.querySelector(":scope > figure:last-child")).toBe(vt);
    expect(plane.querySelector(".chart-legend")?.textContent).toContain("faint: the preset's run");
    expect(plane.querySelector('[aria-label="ghost trajectory"] path')?.getAttribute("d")).toMatch(/^M/);
    // Back to A: no ghost, no separatrix change left behind.
    plane.update(A, planeOptions(0));
    expect(plane.outerHTML).toBe(InteractivePhasePlane(A, planeOptions(0)).outerHTML);
    expect(plane.querySelector('[aria-label="ghost trajectory"]')).toBeNull();
  });

  it("keeps the ghost's thinned path while the view is at most a quarter finer, if the view held all of it", () => {
    const ghostRun = simulate({params: CH, v0: -70, u0: -14, current: 10, duration: 400});
    const ghost = {t: ghostRun.t, v: ghostRun.v, u: ghostRun.u, params: CH};
    const B = run(4);
    const view = (v: [number, number], u: [number, number]) => planeOptions(4, RS, {ghost, vDomain: v, uDomain: u});
    // Points of the ghost's drawn path (its M and L commands).
    const points = (plane: Element) =>
      (plane.querySelector('[aria-label="ghost trajectory"] path')?.getAttribute("d") ?? "").split(/[ML]/).length - 1;
    const fresh = (options: InteractivePhasePlaneOptions) => points(InteractivePhasePlane(B, options));
    const wide = view([-95, 45], [-30, 30]); // holds the whole ghost
    const slightlyFiner = view([-90, 40], [-28, 28]); // scales 1.08 and 1.07 times the first
    const muchFiner = view([-80, 20], [-20, 20]); // 1.4 and 1.5 times
    expect(fresh(slightlyFiner)).not.toBe(fresh(wide)); // so that keeping the path can be told apart
    const plane = InteractivePhasePlane(B, wide);
    plane.update(B, slightlyFiner);
    expect(points(plane)).toBe(fresh(wide));
    plane.update(B, muchFiner);
    expect(points(plane)).toBe(fresh(muchFiner));
    // A path of part of the ghost (this view cuts it) is thinned again for any other view.
    plane.update(B, view([-80, 20], [-20, 20.5]));
    expect(points(plane)).toBe(fresh(view([-80, 20], [-20, 20.5])));
  });

  it("recomputes the separatrix only when a new one is given", () => {
    const A = run(0);
    const sep = separatrix(RS, 0)!;
    const options = {
      ...planeOptions(0, RS, {vDomain: [-85, 35] as [number, number], uDomain: [-22, 12] as [number, number]}),
      separatrix: sep
    };
    const plane = InteractivePhasePlane(A, options);
    const d = () => plane.querySelector('[aria-label="separatrix"] path')!.getAttribute("d");
    const before = d();
    // Changing the arrays of the same object is not a new separatrix: the drawn curve stays.
    sep.branches[0].u.fill(0);
    plane.update(run(2), {...options});
    expect(d()).toBe(before);
    plane.update(run(2), {...options, separatrix: {...sep}});
    expect(d()).not.toBe(before);
  });

  it("adds no listeners or elements across updates: one input per click, one step per key", () => {
    const plane = InteractivePhasePlane(run(0), planeOptions(0, RS, {vDomain: [-85, 35], uDomain: [-22, 12]}));
    for (let k = 0; k < 5; k++) plane.update(run(k), planeOptions(k, RS, {vDomain: [-85, 35], uDomain: [-22, 12]}));
    let inputs = 0;
    plane.addEventListener("input", () => inputs++);
    const svg = plane.querySelector(".ipp-plane > svg") as SVGSVGElement & {
      scale(n: string): {apply(x: number): number};
    };
    const [x, y] = [svg.scale("x"), svg.scale("y")];
    svg.dispatchEvent(new MouseEvent("click", {clientX: x.apply(-55), clientY: y.apply(-12), bubbles: true}));
    expect(inputs).toBe(1);
    expect(plane.value.v0).toBeCloseTo(-55, 1);
    expect(plane.querySelectorAll(".ipp-overlay, .ipp-link, .ipp-controls, .chart-legend")).toHaveLength(4);
    // The linked v(t): one ArrowRight moves the marker's time by 1% of the run (200 ms), once.
    const vt = plane.querySelector(':scope > figure:last-child svg[role="img"]')!;
    vt.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowRight", bubbles: true}));
    expect(plane.querySelector(".ipp-readout")?.textContent).toMatch(/^t = 2 ms/);
  });

  it("its time slider moves the marker without telling a page's input listener (issue: Time snapped back to 0)", () => {
    const plane = InteractivePhasePlane(run(10), planeOptions(10));
    let inputs = 0;
    plane.addEventListener("input", () => inputs++);
    const slider = plane.querySelector(".ipp-time input") as HTMLInputElement;
    slider.value = "100";
    slider.dispatchEvent(new Event("input", {bubbles: true}));
    expect(inputs).toBe(0);
    expect(plane.querySelector(".ipp-readout")?.textContent).toMatch(/^t = 100 ms/);
    // An update keeps the time.
    plane.update(run(10), planeOptions(10));
    expect(plane.querySelector(".ipp-readout")?.textContent).toMatch(/^t = 100 ms/);
  });

  it("a linked external v(t) chart keeps its link when it is updated with a new time axis", () => {
    const A = run(10);
    const vChart = VoltageTrace(A, {width: 500, xDomain: [0, 200]});
    const plane = InteractivePhasePlane(A, planeOptions(10, RS, {timeChart: vChart}));
    const longer = simulate({params: RS, v0: -70, u0: -14, current: 10, duration: 400});
    vChart.update(longer, {width: 500, xDomain: [0, 400]});
    plane.update(longer, planeOptions(10, RS, {timeChart: vChart}));
    expect(vChart.querySelectorAll("g.ipp-link")).toHaveLength(1);
    expect((svgOf(vChart).lastElementChild as Element).getAttribute("class")).toBe("ipp-link");
    const slider = plane.querySelector(".ipp-time input") as HTMLInputElement;
    slider.value = "200";
    slider.dispatchEvent(new Event("input"));
    // The cursor sits at t = 200 ms on the new axis: the middle of the frame.
    const cursor = Number(vChart.querySelector(".ipp-cursor")?.getAttribute("x1"));
    expect(cursor).toBeCloseTo((TIME_MARGINS.marginLeft + 500 - TIME_MARGINS.marginRight) / 2, 1);
  });
});

describe("fiChart: update(curve, options)", () => {
  /** A sweep's points at currents I with rates rate(I) (first-ISI rate twice the rate where it fires). */
  const points = (Is: number[], rate: (I: number) => number): FIPoint[] =>
    Is.map((I) => ({I, rate: rate(I), countRate: rate(I), firstIsiRate: rate(I) > 0 ? 2 * rate(I) : null}) as FIPoint);
  const grid = Array.from({length: 11}, (_, k) => k / 10);
  const sweep = (direction: "up" | "down", pts: FIPoint[]) => ({direction, points: pts, start: "rest"});
  const upOnly: FICurve = {
    ...NO_CURVE,
    up: sweep(
      "up",
      points(grid, (I) => (I > 0.5 ? 40 * I : 0))
    ),
    duration: 1500,
    transient: 500
  };
  const both: FICurve = {
    ...upOnly,
    down: sweep(
      "down",
      points([...grid].reverse(), (I) => (I > 0.25 ? 40 * I : 0))
    ),
    hysteresis: [{from: 0.3, to: 0.5}]
  };
  const marks = [
    {I: 0.45, label: "I_AH"},
    {I: 0.6, label: "I_sn"}
  ];

  it("render(A).update(B) equals render(B), keeping the svg and the up sweep's line", () => {
    const chart = fiChart(NO_CURVE, {width: 400});
    chart.update(upOnly, {width: 400, marks: marks.slice(1), title: "f–I of G"});
    expect(chart.outerHTML).toBe(fiChart(upOnly, {width: 400, marks: marks.slice(1), title: "f–I of G"}).outerHTML);
    const svg = svgOf(chart);
    const line = svg.querySelector("[aria-label='up sweep'] path");
    expect(line?.getAttribute("d")).toMatch(/^M/);
    expect(svg.querySelector("[aria-label='down sweep']")).toBeNull();
    chart.update(both, {width: 520, marks, title: "f–I of P"});
    expect(chart.outerHTML).toBe(fiChart(both, {width: 520, marks, title: "f–I of P"}).outerHTML);
    expect(svgOf(chart)).toBe(svg);
    expect(svg.querySelector("[aria-label='up sweep'] path")).toBe(line);
    expect(svg.querySelectorAll("[aria-label=hysteresis] rect")).toHaveLength(1);
    expect([...svg.querySelectorAll("[aria-label='marked currents'] text")].map((t) => t.textContent)).toEqual([
      "I_AH",
      "I_sn"
    ]);
    expect(svg.querySelector("[aria-label='down sweep'] path")?.getAttribute("d")).toMatch(/^M/);
    expect(chart.querySelector(".fi-legend")?.textContent).toContain("hysteresis");
    // Back to the up sweep alone: the down sweep, the shading, a mark and the legend's entries go.
    chart.update(upOnly, {width: 400, marks: marks.slice(1)});
    expect(chart.outerHTML).toBe(fiChart(upOnly, {width: 400, marks: marks.slice(1)}).outerHTML);
    expect(svg.querySelectorAll("[aria-label=hysteresis] rect")).toHaveLength(0);
  });

  it("draws one dot per point, a hollow one per first-ISI rate, and describes both sweeps", () => {
    const chart = fiChart(both, {width: 400});
    const svg = svgOf(chart);
    const up = both.up!.points;
    const firing = up.filter((p) => p.firstIsiRate !== null).length;
    expect(svg.querySelectorAll("g[aria-label='first-ISI rate'][fill=none] circle")).toHaveLength(firing);
    expect(svg.querySelectorAll("circle")).toHaveLength(up.length + firing + both.down!.points.length);
    expect(svg.getAttribute("aria-description")).toMatch(
      /^Up sweep: I 0 → 0 Hz;.*Down sweep:.*Hysteresis from I = 0.3 to 0.5\.$/
    );
  });
});
