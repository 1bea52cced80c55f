import {describe, expect, it} from "vitest";
import {orbitDiagram} from "../../../lib/analysis/orbitDiagram.js";
import {resetMapFixedPoints} from "../../../lib/analysis/resetMap.js";
import {CLASSES} from "../../../lib/presets/classes2003.js";

const CHAOS = {params: {a: 0.2, b: 2, c: -56, d: -16}, current: -99};

describe("orbitDiagram", () => {
  it("shows a tonic neuron as one ISI per value, the reset map's fixed-point period (to 1e-6 ms)", () => {
    const values = [10, 14];
    const seen: number[] = [];
    const r = orbitDiagram({
      params: CLASSES.RS.params,
      parameter: "I",
      values,
      transient: 400,
      window: 200,
      onProgress: (d) => seen.push(d)
    });
    expect(seen).toEqual([1, 2]);
    values.forEach((I, i) => {
      const isis = r.points[i];
      expect(isis.length).toBeGreaterThan(2);
      const [fixed] = resetMapFixedPoints({params: CLASSES.RS.params, current: I, range: [-10, 10], points: 11});
      for (const isi of isis) expect(Math.abs(isi - fixed.period)).toBeLessThan(1e-6);
    });
    expect(r.x.length).toBe(r.points[0].length + r.points[1].length);
    expect(r.truncated).toEqual([false, false]);
  });

  it("shows the chaotic set as a smear of u at reset, a silent neuron as no points, a runaway as truncated", () => {
    const r = orbitDiagram({
      ...CHAOS,
      parameter: "d",
      values: [-25, -16],
      measure: "uReset",
      transient: 200,
      window: 500
    });
    expect(r.truncated[0]).toBe(true); // d = −25: each spike lowers u further and firing accelerates
    const chaotic = new Set(Array.from(r.points[1], (u) => u.toFixed(3)));
    expect(chaotic.size).toBeGreaterThan(20);
    const silent = orbitDiagram({params: CLASSES.RS.params, parameter: "I", values: [0], transient: 100, window: 100});
    expect(silent.points[0].length).toBe(0);
  });

  it("with figure1.m's Euler loop reads ISIs that are multiples of the step", () => {
    const r = orbitDiagram({
      ...CHAOS,
      parameter: "I",
      values: [-99],
      method: "paper2004",
      dt: 0.25,
      transient: 200,
      window: 300
    });
    expect(r.points[0].length).toBeGreaterThan(5);
    for (const isi of r.points[0]) expect(Math.abs(isi / 0.25 - Math.round(isi / 0.25))).toBeLessThan(1e-9);
  });

  it("rejects bad input naming the field", () => {
    // @ts-expect-error not a sweepable parameter
    expect(() => orbitDiagram({...CHAOS, parameter: "e", values: [1]})).toThrow(
      /orbitDiagram: parameter: unknown value "e"; allowed: I, a, b, c, d/
    );
    expect(() => orbitDiagram({...CHAOS, parameter: "I", values: []})).toThrow(
      /values must be an array of 1 to 10000 numbers/
    );
    expect(() => orbitDiagram({...CHAOS, parameter: "I", values: [Number.NaN]})).toThrow(/values\[0\].*NaN/);
    // @ts-expect-error unknown measure
    expect(() => orbitDiagram({...CHAOS, parameter: "I", values: [1], measure: "rate"})).toThrow(
      /measure: unknown value "rate"/
    );
  });
});
