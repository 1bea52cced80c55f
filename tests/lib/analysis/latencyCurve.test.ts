import {describe, expect, it} from "vitest";
import {latencyCurve} from "../../../lib/analysis/latencyCurve.js";
import {restState} from "../../../lib/analysis/equilibria.js";
import {simulate} from "../../../lib/simulate.js";
import {RS} from "./excitabilityPanels.js";

describe("latencyCurve", () => {
  it("latency falls with amplitude, is null below rheobase, and equals the first spike of a direct run", () => {
    const points = latencyCurve({...RS, amplitudes: [2, 3, 4, 10], duration: 300});
    expect(points[0]!.latency).toBeNull();
    const l = points.slice(1).map((p) => p.latency!);
    expect(l[0]!).toBeGreaterThan(l[1]!);
    expect(l[1]!).toBeGreaterThan(l[2]!);
    const rest = restState(RS.params, 0)!;
    const trace = simulate({...RS, v0: rest.v, u0: rest.u, current: 4, duration: 300, dt: 0.25});
    expect(points[2]!.latency).toBe(trace.spikes[0]);
  });
});
