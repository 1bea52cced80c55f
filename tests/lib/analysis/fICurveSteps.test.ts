import {describe, expect, it} from "vitest";
import {fICurve, fICurveSteps, type FICurve, type FICurveOptions} from "../../../lib/analysis/fICurve.js";
import {G, H, P, RS} from "./excitabilityPanels.js";

/** Runs the resumable sweep to its end, recording what it yielded. */
function drain(options: FICurveOptions): {curve: FICurve; steps: number[][]} {
  const steps: number[][] = [];
  const generator = fICurveSteps(options);
  for (;;) {
    const next = generator.next();
    if (next.done) return {curve: next.value, steps};
    steps.push([next.value.done, next.value.total]);
  }
}

describe("fICurveSteps (the resumable f–I sweep)", () => {
  const cases: [string, FICurveOptions][] = [
    [
      "P both ways (hysteresis)",
      {...P, currents: [0.1, 0.2, 0.24, 0.3], duration: 500, transient: 200, direction: "both"}
    ],
    ["G up, figure1.m's equation", {...G, currents: {from: 2, to: 3, count: 5}, duration: 800, transient: 300}],
    [
      "H down from a given start",
      {...H, currents: [0.45, 0.5], duration: 400, transient: 100, direction: "down", start: {v: -70, u: -15}}
    ],
    ["RS at the spike budget (warnings)", {...RS, currents: [20000], duration: 50, transient: 10}],
    ["H with Euler", {...H, currents: [0.3, 0.45], duration: 300, transient: 100, method: "euler", dt: 0.25}]
  ];

  it.each(cases)("%s: yields after each current and returns exactly fICurve's result", (_, options) => {
    const {curve, steps} = drain(options);
    expect(curve).toEqual(fICurve(options));
    const total = steps[0]![1]!;
    expect(steps).toEqual(Array.from({length: total}, (_, k) => [k + 1, total]));
  });

  it("two sweeps stepped in turn do not disturb each other", () => {
    const [a, b] = [cases[0]![1], cases[2]![1]];
    const ga = fICurveSteps(a);
    const gb = fICurveSteps(b);
    let ra: FICurve | null = null;
    let rb: FICurve | null = null;
    while (!ra || !rb) {
      if (!ra) {
        const n = ga.next();
        if (n.done) ra = n.value;
      }
      if (!rb) {
        const n = gb.next();
        if (n.done) rb = n.value;
      }
    }
    expect(ra).toEqual(fICurve(a));
    expect(rb).toEqual(fICurve(b));
  });

  it("calls onProgress as fICurve does, and checks the options at the first step", () => {
    const progress: number[][] = [];
    drain({...cases[0]![1], onProgress: (done, total) => progress.push([done, total])});
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((k) => [k, 8]));
    const bad = fICurveSteps({...H, currents: [1], duration: 50, transient: 50});
    expect(() => bad.next()).toThrow(/transient/);
  });
});
