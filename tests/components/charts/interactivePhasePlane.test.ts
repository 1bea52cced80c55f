// @vitest-environment jsdom
import {describe, expect, it} from "vitest";

import {InteractivePhasePlane, equilibriumLabel} from "../../../src/components/charts/interactivePhasePlane.js";
import {equilibria} from "../../../lib/analysis/equilibria.js";
import {separatrix} from "../../../lib/analysis/separatrix.js";
import {simulate} from "../../../lib/simulate.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};

function make(I = 0, v0 = -70, u0 = -14) {
  const trace = simulate({params: RS, v0, u0, current: I, duration: 100});
  const plane = InteractivePhasePlane(trace, {
    width: 500,
    params: RS,
    I,
    equilibria: equilibria(RS, I),
    separatrix: separatrix(RS, I),
    v0,
    u0,
    vDomain: [-85, 35],
    uDomain: [-22, 12]
  });
  const svg = plane.querySelector(".ipp-plane > svg") as SVGSVGElement & {scale(n: string): {apply(x: number): number}};
  return {trace, plane, svg};
}

describe("InteractivePhasePlane", () => {
  it("labels each equilibrium with its type and eigenvalues, and makes it a keyboard stop", () => {
    const {plane, svg} = make();
    expect(svg.getAttribute("role")).toBe("application");
    expect(svg.getAttribute("tabindex")).toBe("0");
    expect(svg.getAttribute("aria-label")).toMatch(
      /^Interactive phase plane of u against v in mV, for I = 0, with 2 equilibria, the separatrix/
    );
    const eq = [...plane.querySelectorAll(".equilibrium")];
    expect(eq.map((e) => e.getAttribute("tabindex"))).toEqual(["0", "0"]);
    expect(eq[1].getAttribute("aria-label")).toBe(
      "saddle at v = −50 mV, u = −10; eigenvalues 0.996 and −0.0161 per ms"
    );
    expect(equilibriumLabel(equilibria({a: 0.1, b: 0.26, c: -60, d: -1}, 0)[0])).toMatch(
      /^stable focus .* eigenvalues −\S+ ± \S+i per ms$/
    );
    for (const label of ["separatrix", "direction field", "v-nullcline", "u-nullcline", "trajectory"]) {
      expect(plane.querySelector(`[aria-label="${label}"] path`)?.getAttribute("d"), label).toMatch(/^M/);
    }
  });

  it("draws one dashed reset arrow per spike", () => {
    const {trace, plane} = make(10);
    const shafts = plane.querySelector('[aria-label="reset jumps"] path')!.getAttribute("d")!;
    expect(trace.spikes.length).toBeGreaterThan(1);
    expect(shafts.match(/M/g)?.length).toBe(trace.spikes.length);
    expect(plane.querySelector('[aria-label="reset jumps"] path')!.getAttribute("stroke-dasharray")).toBe("3,3");
  });

  it("a click sets the value to the clicked state and dispatches input", () => {
    const {plane, svg} = make();
    const x = svg.scale("x"),
      y = svg.scale("y");
    let events = 0;
    plane.addEventListener("input", () => events++);
    // jsdom has no layout: d3.pointer falls back to client coordinates = the svg's own pixels.
    svg.dispatchEvent(new MouseEvent("click", {clientX: x.apply(-55), clientY: y.apply(-12), bubbles: true}));
    expect(events).toBe(1);
    expect(plane.value.v0).toBeCloseTo(-55, 1);
    expect(plane.value.u0).toBeCloseTo(-12, 1);
    // Outside the frame (in the margin) nothing happens.
    svg.dispatchEvent(new MouseEvent("click", {clientX: 2, clientY: 2, bubbles: true}));
    expect(events).toBe(1);
  });

  it("keyboard: arrows move the crosshair by 1% of the extent (10% with Shift), Enter chooses", () => {
    const {plane, svg} = make();
    const key = (key: string, shiftKey = false) =>
      svg.dispatchEvent(new KeyboardEvent("keydown", {key, shiftKey, bubbles: true}));
    key("ArrowRight");
    key("ArrowRight", true);
    key("ArrowUp");
    key("Enter");
    expect(plane.value.v0).toBeCloseTo(-70 + 11 * 1.2, 6);
    expect(plane.value.u0).toBeCloseTo(-14 + 0.34, 6);
  });
});
