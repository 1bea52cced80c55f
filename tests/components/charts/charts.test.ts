// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {CurrentTrace} from "../../../src/components/charts/currentTrace.js";
import {PhasePlane} from "../../../src/components/charts/phasePlane.js";
import {RecoveryTrace} from "../../../src/components/charts/recoveryTrace.js";
import {VoltageTrace} from "../../../src/components/charts/voltageTrace.js";
import {TIME_MARGINS} from "../../../src/components/charts/chart.js";
import {expectSnapshot, syntheticTrace} from "../fixtures.js";

const trace = syntheticTrace();
const svgOf = (figure: HTMLElement) => figure.querySelector(":scope > svg[role=img]") as SVGSVGElement;

describe("VoltageTrace(trace, {width})", () => {
  it("draws v(t) with every spike at its apex", async () => {
    const figure = VoltageTrace(trace, {width: 400, xDomain: [0, 100]});
    expect(figure.tagName).toBe("FIGURE");
    expect(figure.querySelector("h3")?.textContent).toBe("Membrane potential v(t)");
    expect(figure.querySelector("figcaption")?.textContent).toMatch(/^\d+ spikes; each drawn to its 30 mV apex/);
    expect(svgOf(figure).getAttribute("aria-label")).toMatch(/membrane potential v in mV/);
    expect(svgOf(figure).getAttribute("role")).toBe("img");
    await expectSnapshot(svgOf(figure), "voltageTrace.svg");
  });

  it("draws a trace at rest on a round value above the frame's bottom edge, not along the axis line", () => {
    const n = 101;
    const rest = {
      t: Float64Array.from({length: n}, (_, k) => k),
      v: new Float64Array(n).fill(-70),
      u: new Float64Array(n).fill(-14),
      I: new Float64Array(n),
      spikes: new Float64Array(0)
    };
    const svg = svgOf(VoltageTrace(rest, {width: 400, xDomain: [0, 100]}));
    const y = (svg as unknown as {scale: (name: string) => {domain: number[]; apply: (v: number) => number}}).scale(
      "y"
    );
    expect(y.domain[0]).toBeLessThan(-70);
    expect(y.domain[1]).toBe(30);
    const bottom = Number(svg.getAttribute("height")) - TIME_MARGINS.marginBottom;
    expect(bottom - y.apply(-70)).toBeGreaterThanOrEqual(5);
  });

  it("keeps every apex when the run is much longer than the chart is wide", () => {
    const long = syntheticTrace(1000, 1 / 32);
    const figure = VoltageTrace(long, {width: 300});
    const path = svgOf(figure).querySelector("[aria-label=line] path")?.getAttribute("d") ?? "";
    // Path data are in tenths of a pixel (the path is drawn at scale(0.1)).
    const points = path
      .slice(1)
      .split(/[ML]/)
      .map((p) => p.split(",").map((x) => Number(x) / 10));
    expect(points.length).toBeLessThanOrEqual(2 * (300 - 52 - 14) + 2);
    // Every spike reaches the 30-mV rule: one apex point per spike (the spikes are far apart here).
    const ruleY = Number(svgOf(figure).querySelector("g[aria-label=rule] line")?.getAttribute("y1"));
    const apexes = points.filter(([, y]) => Math.abs(y - ruleY) <= 0.05).length;
    expect(long.spikes.length).toBeGreaterThan(10);
    expect(apexes).toBe(long.spikes.length);
  });
});

describe("RecoveryTrace(trace, {width})", () => {
  it("draws u(t) labelled in the units of I", async () => {
    const figure = RecoveryTrace(trace, {width: 400, xDomain: [0, 100]});
    expect(svgOf(figure).textContent).toContain("u (same units as I)");
    expect(svgOf(figure).textContent).not.toContain("mV/ms)");
    await expectSnapshot(svgOf(figure), "recoveryTrace.svg");
  });
});

describe("CurrentTrace(trace, {width, marker})", () => {
  it("draws I(t) in paper units, never mV, with the phase-plane time marked", async () => {
    const figure = CurrentTrace(trace, {width: 400, xDomain: [0, 100], marker: 100});
    const text = svgOf(figure).textContent ?? "";
    expect(text).toContain("I (paper units: current ÷ capacitance, mV/ms)");
    expect(text).not.toMatch(/I \(mV\)/);
    expect(figure.querySelector("figcaption")?.textContent).toContain("t = 100 ms");
    await expectSnapshot(svgOf(figure), "currentTrace.svg");
  });
});

describe("PhasePlane(trace, {width, params, I, equilibria})", () => {
  const params = {a: 0.02, b: 0.2, c: -65, d: 8};
  it("draws the nullclines, equilibria by type, the trajectory, reset jumps and v = c", async () => {
    const equilibria = [
      {v: -70, u: -14, type: "stable node" as const},
      {v: -50, u: -10, type: "saddle" as const}
    ];
    const figure = PhasePlane(trace, {width: 400, params, I: 0, tI: 100, atEnd: true, equilibria});
    expect(figure.querySelector("figcaption")?.textContent).toMatch(
      /^Nullclines for I = 0 \(its value at t = 100 ms, the end of the run\)/
    );
    const legend = figure.querySelector(".chart-legend")?.textContent ?? "";
    for (const label of ["trajectory", "reset jump", "v-nullcline", "u-nullcline", "v = c", "stable node", "saddle"]) {
      expect(legend).toContain(label);
    }
    expect(svgOf(figure).getAttribute("aria-description")).toContain("stable node at v = −70 mV");
    const jumps = svgOf(figure).querySelector("[aria-label='reset jumps'] path")?.getAttribute("d") ?? "";
    expect(jumps.split("M").length - 1).toBe(trace.spikes.length);
    expect(svgOf(figure).querySelectorAll("[aria-label=equilibria] path")).toHaveLength(2);
    await expectSnapshot(svgOf(figure), "phasePlane.svg");
  });

  it("says so when there is no equilibrium", async () => {
    const figure = PhasePlane(trace, {width: 320, params, I: 10, equilibria: []});
    expect(svgOf(figure).getAttribute("aria-description")).toContain("no equilibrium");
    await expectSnapshot(svgOf(figure), "phasePlaneNoEquilibrium.svg");
  });
});
