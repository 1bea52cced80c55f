// The pure helpers the lab pages' cells call: the sweep's defaults and checks, the changed-panel rule, the
// shared ISI domain and the neuron form.
import {describe, expect, it} from "vitest";
import {CLASSES, FEATURES} from "../../../lib/index.js";
import {commonIsiDomain, formNeuron} from "../../../src/components/lab/chaosPage.js";
import {convergenceAt, fittedOrders, panelChanged, type PanelRuns} from "../../../src/components/lab/numericsPage.js";
import {
  defaultRange,
  featureMarkText,
  orbitBases,
  sweepIsValid,
  sweepValues
} from "../../../src/components/lab/orbitsPage.js";

describe("orbit page", () => {
  it("offers the chaotic set, the 2003 classes and the standard-equation 2004 features", () => {
    const bases = orbitBases();
    const standard = Object.values(FEATURES).filter((p) => !p.equation).length;
    expect(bases.size).toBe(1 + Object.keys(CLASSES).length + standard);
    expect([...bases.values()][0]).toEqual({params: {a: 0.2, b: 2, c: -56, d: -16}, current: -99});
  });

  it("sweeps I ± 3 or a parameter ± 25% (at least ± 0.05), rounded to 4 digits", () => {
    const base = {params: {a: 0.02, b: 0.2, c: -65, d: 8}, current: 14};
    expect(defaultRange(base, "I")).toEqual({from: 11, to: 17});
    expect(defaultRange(base, "c")).toEqual({from: -81.25, to: -48.75});
    expect(defaultRange(base, "a")).toEqual({from: -0.03, to: 0.07});
  });

  it("checks the range and the timing, and spaces the values evenly with both ends", () => {
    expect(sweepIsValid({from: 0, to: 1}, {transient: 300, window: 700})).toBe(true);
    expect(sweepIsValid({from: 1, to: 1}, {transient: 300, window: 700})).toBe(false);
    expect(sweepIsValid({from: 0, to: 1}, {transient: NaN, window: 700})).toBe(false);
    expect(sweepIsValid({from: 0, to: 1}, {transient: 300, window: 0})).toBe(false);
    expect(sweepValues({from: 1, to: 2}, 5)).toEqual([1, 1.25, 1.5, 1.75, 2]);
    expect(featureMarkText([])).toMatch(/^none/);
    expect(featureMarkText([{id: "A", name: "tonic spiking", x: 14}])).toBe("A (tonic spiking) at 14");
  });
});

describe("numerics page", () => {
  const panel = (published: Partial<PanelRuns["published"]>, accurate: Partial<PanelRuns["accurate"]>): PanelRuns => ({
    id: "Q",
    name: "x",
    published: {spikes: 3, first: 10, pattern: "tonic", ...published},
    accurate: {spikes: 3, first: 10, pattern: "tonic", warnings: [], ...accurate}
  });

  it("marks a panel changed by its count, its pattern or a first spike more than 2 ms away", () => {
    expect(panelChanged(panel({}, {}))).toBe(false);
    expect(panelChanged(panel({}, {first: 12}))).toBe(false);
    expect(panelChanged(panel({}, {first: 12.01}))).toBe(true);
    expect(panelChanged(panel({first: 12.01}, {}))).toBe(true);
    expect(panelChanged(panel({}, {spikes: 4}))).toBe(true);
    expect(panelChanged(panel({}, {pattern: "bursting"}))).toBe(true);
    expect(panelChanged(panel({first: null}, {first: null}))).toBe(false);
    expect(panelChanged(panel({first: null}, {}))).toBe(true);
  });

  it("reads the fitted orders and one step's point", () => {
    const conv = {
      protocol: "",
      referenceSpikes: 1,
      methods: [{method: "euler" as const, points: [{dt: 2 ** -5, error: 0.1, spikes: 1}], order: 1.01, fitted: []}]
    };
    expect(fittedOrders(conv)).toEqual({euler: 1.01});
    expect(convergenceAt(conv, "euler", 2 ** -5)?.error).toBe(0.1);
    expect(convergenceAt(conv, "rk4", 2 ** -5)).toBeUndefined();
  });
});

describe("chaos page", () => {
  it("needs a number in every field of the neuron form", () => {
    expect(formNeuron({a: 0.2, b: 2, c: -56, d: -16, I: -99})).toEqual({
      valid: true,
      neuron: {params: {a: 0.2, b: 2, c: -56, d: -16}, current: -99}
    });
    expect(formNeuron({a: 0.2, b: 2, c: NaN, d: -16, I: -99}).valid).toBe(false);
  });

  it("shares one ISI domain across the runs: 0 to 5% above the longest ISI", () => {
    const run = (spikes: number[]) => ({
      label: "",
      method: "euler" as const,
      dt: 1,
      spikes: Float64Array.from(spikes),
      twinSpikes: new Float64Array()
    });
    expect(commonIsiDomain([run([0, 10, 30]), run([5, 45])])).toEqual([0, 42]);
    expect(commonIsiDomain([run([5])])).toEqual([0, 1]);
  });
});
