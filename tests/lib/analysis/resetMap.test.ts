import {describe, expect, it} from "vitest";
import {checkDcNeuron, resetStep} from "../../../lib/analysis/dcFlow.js";
import {resetMap, resetMapFixedPoints, resetSequence, resetsFromTrace} from "../../../lib/analysis/resetMap.js";
import {CLASSES} from "../../../lib/presets/classes2003.js";
import {simulate} from "../../../lib/simulate.js";

const CHAOS = {params: {a: 0.2, b: 2, c: -56, d: -16}, current: -99};
const RS = {params: CLASSES.RS.params, current: 14};

describe("resetMapFixedPoints", () => {
  it("finds the tonic RS neuron's fixed point, whose period is the steady ISI of simulate to 1e-6 ms", () => {
    const fixed = resetMapFixedPoints({...RS, range: [-10, 10], points: 21});
    expect(fixed).toHaveLength(1);
    const [p] = fixed;
    expect(p.stable).toBe(true);
    expect(Math.abs(p.slope)).toBeLessThan(1);
    const trace = simulate({...RS, duration: 600, tolerance: 1e-12});
    const s = trace.spikes;
    const steadyIsi = s[s.length - 1] - s[s.length - 2];
    expect(Math.abs(p.period - steadyIsi)).toBeLessThan(1e-6);
    // and the orbit of the map settles on it
    const seq = resetSequence({...RS, spikes: 1, transient: 30});
    expect(Math.abs(seq.u[0] - p.u)).toBeLessThan(1e-8);
  });

  it("finds the chaotic set's fixed points unstable (|slope| > 1)", () => {
    const fixed = resetMapFixedPoints({...CHAOS, range: [-120, -100], points: 41});
    expect(fixed.length).toBeGreaterThan(0);
    for (const p of fixed) {
      expect(p.stable).toBe(false);
      const again = resetStep(checkDcNeuron(CHAOS, "test"), p.u)!;
      expect(Math.abs(again.u - p.u)).toBeLessThan(1e-8);
    }
  });
});

describe("resetStep", () => {
  it("gives the slope P′(u) that a central difference of the map gives (to 1e-5 relative)", () => {
    const flow = checkDcNeuron(CHAOS, "test");
    for (const u of [-118, -110, -104]) {
      const s = resetStep(flow, u, true)!;
      const h = 1e-5;
      const fd = (resetStep(flow, u + h)!.u - resetStep(flow, u - h)!.u) / (2 * h);
      expect(Math.abs(s.slope! - fd)).toBeLessThan(1e-5 * Math.max(1, Math.abs(fd)));
    }
  });
});

describe("resetMap", () => {
  it("maps a u that never spikes again to null, never NaN", () => {
    // RS without input: from (c, u) with u at or above rest (−13), v decays to rest (much lower u rebounds into a spike).
    const graph = resetMap({params: CLASSES.RS.params, current: 0, range: [0, 20], points: 5, horizon: 300});
    expect(graph.next).toEqual([null, null, null, null, null]);
    expect(graph.period.every((p) => p === null)).toBe(true);
  });

  it("draws the chaotic map over its range with images inside a bounded interval", () => {
    const graph = resetMap({...CHAOS, range: [-120, -100], points: 21});
    expect(graph.u).toHaveLength(21);
    for (const y of graph.next) {
      expect(y).not.toBeNull();
      expect(Number.isFinite(y!)).toBe(true);
    }
  });

  it("rejects bad input with the field and the value", () => {
    expect(() => resetMap({...CHAOS, range: [1, 0]})).toThrow(
      /resetMap: range\[1\]: must be a finite number > 1, got 0/
    );
    expect(() => resetMap({...CHAOS, range: [0, 1], points: 1})).toThrow(/points.*got 1/);
    expect(() => resetMap({params: CHAOS.params, current: Number.NaN, range: [0, 1]})).toThrow(/current.*got NaN/);
    // @ts-expect-error a typo'd option
    expect(() => resetMap({...CHAOS, range: [0, 1], pionts: 3})).toThrow(/unknown key "pionts"/);
  });
});

describe("resetsFromTrace", () => {
  it("reads u just after each reset from a figure1.m run (u jumps by d there)", () => {
    const trace = simulate({...RS, duration: 200, method: "paper2004", dt: 0.25});
    const resets = resetsFromTrace(trace);
    expect(resets.length).toBe(trace.spikes.length);
    for (let i = 0; i < resets.length; i++) {
      const k = Math.round(trace.spikes[i] / trace.dt);
      expect(trace.v[k]).toBe(30);
      expect(resets[i] - trace.u[k - 1]).toBeGreaterThan(RS.params.d - 1);
    }
    expect(() => resetsFromTrace(simulate({...RS, duration: 50}))).toThrow(/trace.method.*adaptive/);
  });
});
