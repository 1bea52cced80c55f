/**
 * NEST cannot be installed here: the PyNEST script is checked against NEST's documented izhikevich model
 * (dv/dt = 0.04v² + 5v + 140 − u + I, du/dt = a(bv − u), v ≥ V_th: v ← c, u ← u + d; V_m, U_m, V_th, I_e, a, b,
 * c, d, consistent_integration): the parameters, the resolution, and the current at every step.
 */
import {describe, expect, it} from "vitest";
import {
  NEST_VERSION,
  exportCode,
  noise,
  pulses,
  simulate,
  sine,
  step,
  sum,
  type SimulateOptions
} from "../../../lib/index.js";
import {nestCurrentSteps, nestTicsPerMs} from "../../../lib/export/nest.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};

/** The value of `"key": value,` in the script's izhikevich params dict. */
function param(script: string, key: string): string {
  const match = new RegExp(`^    "${key}": ([^,]+),`, "m").exec(script);
  if (!match) throw new Error(`no ${key} in the script`);
  return match[1].replace(/\s+#.*$/, "");
}

/** A Python list literal after `"key": ` as numbers. */
function list(script: string, key: string): number[] {
  const match = new RegExp(`"${key}": \\[([^\\]]*)\\]`).exec(script);
  if (!match) throw new Error(`no ${key} in the script`);
  return match[1]
    .split(",")
    .map((x) => x.trim())
    .filter((x) => x !== "")
    .map(Number);
}

describe('exportCode(options, "nest")', () => {
  it("maps the parameters, initial state and cut-off onto the izhikevich model", () => {
    const script = exportCode(
      {params: {a: 0.1, b: 0.26, c: -60, d: -1}, current: 0.5, duration: 100, v0: -62, vPeak: 28, method: "euler"},
      "nest"
    );
    expect(script).toContain('neuron = nest.Create("izhikevich", params={');
    expect(param(script, "a")).toBe("0.1");
    expect(param(script, "b")).toBe("0.26");
    expect(param(script, "c")).toBe("-60");
    expect(param(script, "d")).toBe("-1");
    expect(param(script, "V_th")).toBe("28");
    expect(param(script, "V_m")).toBe("-62");
    expect(Number(param(script, "U_m"))).toBe(0.26 * -62);
    expect(param(script, "I_e")).toBe("0.5");
    expect(param(script, "consistent_integration")).toBe("True");
    expect(script).not.toContain("step_current_generator");
    expect(script).toContain("nest.Simulate(100)");
    expect(script).toContain(NEST_VERSION);
  });

  it("sets the resolution to dt, with tics that put it on NEST's grid", () => {
    expect(exportCode({params: RS, duration: 10, dt: 0.1}, "nest")).toContain(
      'nest.SetKernelStatus({"tics_per_ms": 1000, "resolution": 0.1})'
    );
    expect(exportCode({params: RS, duration: 10}, "nest")).toContain(
      'nest.SetKernelStatus({"tics_per_ms": 4000, "resolution": 0.03125})'
    );
    expect(nestTicsPerMs(0.25)).toBe(1000);
    expect(() => nestTicsPerMs(1 / 3)).toThrow(/dt: 0\.333.* ms is not a whole number of NEST tics/);
  });

  it("selects consistent_integration: true for euler, false for the 2003 network scheme", () => {
    expect(param(exportCode({params: RS, duration: 10, method: "paper2003"}, "nest"), "consistent_integration")).toBe(
      "False"
    );
    const paper2004 = exportCode({params: RS, duration: 10, method: "paper2004"}, "nest");
    expect(param(paper2004, "consistent_integration")).toBe("True");
    expect(paper2004).toMatch(/"paper2004" .* NEST has no such scheme/s);
  });

  for (const [name, current] of [
    ["a step", step(10, 20.01, 60)],
    ["pulses", pulses({amplitude: 12, start: 0, width: 2, period: 7})],
    ["a sine", sine({amplitude: 3, frequency: 30, offset: 4})],
    ["seeded noise and a step", sum(step(5, 0), noise({mean: 0, sigma: 2, tau: 3, seed: 5, dt: 0.2}))]
  ] as const) {
    it(`carries ${name} as a step_current_generator giving the library's current at every step after t = 0`, () => {
      const options: SimulateOptions = {params: RS, current, duration: 80, dt: 0.125, method: "euler"};
      const script = exportCode(options, "nest");
      const times = list(script, "amplitude_times");
      const values = list(script, "amplitude_values");
      expect(times.length).toBe(values.length);
      expect(times.every((t, i) => t > 0 && (i === 0 || t > times[i - 1]))).toBe(true);
      const {I, dt} = simulate(options);
      // The generator's current during step k (k ≥ 1): the last value listed at or before k·dt.
      let j = -1;
      for (let k = 1; k < I.length - 1; k++) {
        while (j + 1 < times.length && times[j + 1] <= k * dt + 1e-12) j++;
        expect(j >= 0 ? values[j] : 0).toBe(I[k]);
      }
      expect(script).toContain('nest.Connect(current, neuron, syn_spec={"delay": 0.125})');
      expect(script).toMatch(/one step \(dt\) after the library applies it/);
    });
  }

  it("refuses what NEST's model cannot carry, naming the field", () => {
    expect(() => exportCode({params: RS, duration: 10, equation: {u: "accommodation"}}, "nest")).toThrow(
      /equation: NEST's izhikevich model has only/
    );
    expect(() => exportCode({params: RS, duration: 10, equation: {f: 4.1, g: 108}}, "nest")).toThrow(/equation:/);
  });

  it("lists changes only, and starts a current present at t = 0 at the first step", () => {
    expect(nestCurrentSteps([0, 0, 5, 5, 5, 0, 0], 0.5)).toEqual({times: [1, 2.5], values: [5, 0]});
    expect(nestCurrentSteps([3, 3, 3, 4, 4], 0.25)).toEqual({times: [0.25, 0.75], values: [3, 4]});
    expect(nestCurrentSteps([3, 7, 7], 1)).toEqual({times: [1], values: [7]});
  });
});
