// The trace's sample times: k·dt on the grid for every method and both models, one per sample of v (also when a
// run stops early).
import {describe, expect, it} from "vitest";
import {CELLS_2007, simulate, simulate2007} from "../../lib/index.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};

describe("a trace's sample times", () => {
  it("are k·dt for every sample, as many as v has, for every method and both models", () => {
    for (const method of ["euler", "paper2003", "paper2004", "rk4", "adaptive"] as const) {
      const trace = simulate({params: RS, current: 10, duration: 100, dt: 0.1, method});
      expect(trace.t.length, method).toBe(trace.v.length);
      expect(trace.t).toBeInstanceOf(Float64Array);
      for (let k = 0; k < trace.t.length; k++) if (trace.t[k] !== k * 0.1) throw new Error(`${method}: t[${k}]`);
    }
    const cell = simulate2007({...CELLS_2007.RS2007, duration: 50, method: "euler"});
    expect(cell.t.length).toBe(cell.v.length);
    expect(cell.t[cell.t.length - 1]).toBe((cell.t.length - 1) * cell.dt);
  });

  it("end with the run when it stops early (a spike budget)", () => {
    const trace = simulate({params: RS, current: 10, duration: 1000, method: "euler", maxSpikes: 2});
    expect(trace.t.length).toBe(trace.v.length);
    expect(trace.t.length).toBeLessThan(32_001);
    expect(trace.t[trace.t.length - 1]).toBe(trace.spikes[1]);
  });
});
