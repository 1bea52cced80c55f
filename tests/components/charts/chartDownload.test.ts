// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {figure} from "../../../src/components/charts/chart.js";
import {
  chartSvg,
  fileStem,
  provenance,
  setChartDownload,
  standaloneSvg
} from "../../../src/components/charts/chartDownload.js";

function svgOf(width: number, height: number): SVGSVGElement {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.innerHTML = '<path d="M0,0L10,10" stroke="currentColor"/>';
  return svg;
}

describe("chart downloads", () => {
  it("gives every figure one menu, however often its settings change", () => {
    const fig = figure(svgOf(300, 150), {title: "Membrane potential v(t)", caption: "2 spikes."});
    setChartDownload(fig, {describe: () => ({a: 0.02})});
    setChartDownload(fig, {describe: () => ({a: 0.03})});
    expect(fig.querySelectorAll(":scope > details.chart-download")).toHaveLength(1);
    expect(fig.lastElementChild?.matches("details.chart-download")).toBe(true);
    // The latest settings are the ones a file records.
    expect(provenance(fig)).toMatchObject({title: "Membrane potential v(t)", caption: "2 spikes.", a: 0.03});
  });

  it("leaves out the menu when a chart asks for none", () => {
    expect(figure(svgOf(10, 10), {download: false}).querySelector("details")).toBeNull();
  });

  it("picks the chart's own svg, not a legend's swatch", () => {
    const fig = figure(document.createElement("div"), {legend: svgOf(12, 12)});
    const chart = svgOf(400, 200);
    fig.append(chart);
    expect(chartSvg(fig)).toBe(chart);
  });

  it("writes a standalone SVG: namespaced, sized, on white, with what it shows as JSON in <desc>", () => {
    const about = {title: "v(t)", page: "http://x/?a=0.02", stimulus: {kind: "dc", amplitude: 10}};
    const text = standaloneSvg(svgOf(300, 150), about);
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(root.getAttribute("width")).toBe("300");
    expect(root.getAttribute("viewBox")).toBe("0 0 300 150");
    expect(JSON.parse(root.querySelector("desc")!.textContent!)).toEqual(about);
    expect(root.querySelector("rect")?.getAttribute("fill")).toBe("white");
    expect(doc.querySelector("parsererror")).toBeNull();
  });

  it("names files after the chart's title", () => {
    expect(fileStem("Membrane potential v(t)")).toBe("membrane-potential-v-t");
    expect(fileStem("Recovery u(t) — RS")).toBe("recovery-u-t-rs");
    expect(fileStem("")).toBe("chart");
  });
});
