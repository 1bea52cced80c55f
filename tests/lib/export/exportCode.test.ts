import {describe, expect, it} from "vitest";
import {
  CELLS_2007,
  CLASSES,
  EXPORT_TARGETS,
  exportCode,
  noise,
  simulate,
  step,
  sum,
  type SimulateOptions
} from "../../../lib/index.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};
const RUN: SimulateOptions = {params: RS, current: step(10, 20), duration: 100, method: "euler"};

describe("exportCode(options, target)", () => {
  it("offers javascript, brian2 and nest", () => {
    expect(Object.keys(EXPORT_TARGETS).sort()).toEqual(["brian2", "javascript", "nest"]);
  });

  it("rejects an unknown target, naming the field and the allowed values", () => {
    expect(() => exportCode(RUN, "neuron" as never)).toThrow(
      /target: unknown value "neuron"; allowed: javascript, brian2, nest/
    );
  });

  it("reports bad options with the library's own errors, naming the field", () => {
    expect(() => exportCode({...RUN, params: {...RS, a: NaN}}, "brian2")).toThrow(/params\.a: must be a finite number/);
    expect(() => exportCode({...RUN, duration: -1}, "javascript")).toThrow(/duration: must be a finite number > 0/);
    expect(() => exportCode({...RUN, method: "euler2" as never}, "nest")).toThrow(/method: unknown value "euler2"/);
    expect(() => exportCode({...RUN, current: step(NaN, 0)}, "brian2")).toThrow(/current\.value/);
    expect(() => exportCode({...CELLS_2007.RS2007, cell: {...CELLS_2007.RS2007.cell, C: 0}}, "brian2")).toThrow(
      /cell\.C: must be a finite number > 0/
    );
  });

  it("tells the two option shapes apart by params (simulate) and cell (simulate2007)", () => {
    expect(exportCode(RUN, "brian2")).toContain("Izhikevich (2003)");
    expect(exportCode(CELLS_2007.RS2007, "brian2")).toContain("Izhikevich (2007)");
    expect(() => exportCode({...RUN, cell: CELLS_2007.RS2007.cell} as never, "brian2")).toThrow(
      /options: has both params .* and cell/
    );
    expect(() => exportCode({duration: 10} as never, "brian2")).toThrow(/options: needs params .* cell .* or ne\/ni/);
    expect(() => exportCode(null as never, "brian2")).toThrow(/options: must be an object/);
  });

  it("throws a clear error for a 2007 cell to NEST, which has no model for it", () => {
    expect(() => exportCode(CELLS_2007.RS2007, "nest")).toThrow(/target: NEST has no model of the 2007 cells/);
  });

  it("ignores caller-owned columns", () => {
    const n = 4000;
    const columns = {t: new Float64Array(n), v: new Float64Array(n), u: new Float64Array(n), I: new Float64Array(n)};
    expect(exportCode({...RUN, columns}, "javascript")).not.toContain("columns");
  });
});

describe('exportCode(options, "brian2") for the 2003 model', () => {
  const script = exportCode({...RUN, v0: -70, dt: 0.0625, vPeak: 25}, "brian2");

  it("defines neuron, spikes and trace under those names and runs for the duration", () => {
    expect(script).toMatch(
      /^neuron = NeuronGroup\(1, equations, threshold="v >= v_peak", reset="v = c; u \+= d", method="euler"\)$/m
    );
    expect(script).toMatch(/^spikes = SpikeMonitor\(neuron\)$/m);
    expect(script).toMatch(/^trace = StateMonitor\(neuron, \["v", "u", "I"\], record=True\)$/m);
    expect(script).toMatch(/^run\(100\*ms\)$/m);
    expect(script).toContain('prefs.codegen.target = "numpy"');
  });

  it("carries the parameters, the initial state, dt and the cut-off", () => {
    for (const line of [
      "a = 0.02/ms",
      "b = 0.2/ms",
      "c = -65*mV",
      "d = 8*mV/ms",
      "v_peak = 25*mV",
      "defaultclock.dt = 0.0625*ms"
    ])
      expect(script).toContain(line);
    expect(script).toContain("neuron.v = -70*mV");
    expect(script).toContain("neuron.u = -14*mV/ms"); // b·v0
    expect(script).toContain("dv/dt = (0.04/ms/mV)*v**2 + (5/ms)*v + (140)*mV/ms - u + I : volt");
  });

  it("writes the other equations and the accommodation u-equation", () => {
    const other = exportCode({...RUN, equation: {f: 4.1, g: 108, u: "accommodation"}}, "brian2");
    expect(other).toContain("(4.1/ms)*v + (108)*mV/ms");
    expect(other).toContain("du/dt = a*b*(v + 65*mV) : volt/second");
  });

  it("says how Brian2's integration differs for the published schemes and adaptive", () => {
    expect(exportCode({...RUN, method: "paper2004"}, "brian2")).toMatch(/"paper2004" \(figure1\.m: u from the new v/);
    expect(exportCode({...RUN, method: "paper2003"}, "brian2")).toMatch(/"paper2003" \(the 2003 network code/);
    const adaptive = exportCode({...RUN, method: "adaptive"}, "brian2");
    expect(adaptive).toMatch(/"adaptive" \(Dormand–Prince/);
    expect(adaptive).toContain('method="rk4"');
  });

  it("carries seeded noise as a TimedArray of the library's samples", () => {
    const options: SimulateOptions = {
      ...RUN,
      current: sum(step(2, 0), noise({mean: 1, sigma: 2, tau: 3, seed: 9, dt: 0.25}))
    };
    const code = exportCode(options, "brian2");
    const match = /I_sampled_0 = TimedArray\(\[([^\]]*)\], dt=defaultclock\.dt\)/.exec(code);
    expect(match).not.toBeNull();
    const values = match![1]
      .split(",")
      .map((x) => x.trim())
      .filter((x) => x !== "")
      .map(Number);
    const I = simulate(options).I;
    expect(values).toHaveLength(I.length);
    values.forEach((x, k) => expect(x + 2).toBe(I[k]));
  });
});

describe('exportCode(options, "brian2") for the 2007 model', () => {
  it("writes the plain cell with units", () => {
    const script = exportCode({...CELLS_2007.RS2007, method: "euler"}, "brian2");
    for (const line of [
      "C = 100*pF",
      "k = 0.7*nS/mV",
      "vr = -60*mV",
      "vt = -40*mV",
      "v_peak = 35*mV",
      "a = 0.03/ms",
      "b = -2*nS",
      "c = -50*mV",
      "d = 100*pA"
    ])
      expect(script).toContain(line);
    expect(script).toContain("dv/dt = (k*(v - vr)*(v - vt) - u + I)/C : volt");
    expect(script).toContain('threshold="v >= v_peak", reset="v = c; u += d"');
  });

  it("writes the book's special rules: moving cut-off and reset, cap, second b, cubic U", () => {
    const lts = exportCode(CELLS_2007.LTS2007, "brian2");
    expect(lts).toContain(
      'threshold="v >= v_peak + v_peak_u*u", reset="v = c + c_u*u; u = clip(u + d, -inf*pA, u_cap)"'
    );
    expect(lts).toContain("u_cap = 670*pA");
    expect(lts).toMatch(/"book" \(the izhi2007\.m loop/);
    const tc = exportCode(CELLS_2007.TC2007, "brian2");
    expect(tc).toContain("du/dt = a*((b_low*int(v <= v_kink) + b*int(v > v_kink))*(v - vr) - u) : amp");
    const fs = exportCode(CELLS_2007.FS2007, "brian2");
    expect(fs).toContain("du/dt = a*(int(v >= v_b)*k_U*(v - v_b)**3 - u) : amp");
    expect(fs).toContain("k_U = 0.025*pA/mV**3");
  });

  it("exports the 2003 class presets (a step overlaid on dc) as integer tests", () => {
    const script = exportCode(CLASSES.RS, "brian2");
    expect(script).not.toContain("TimedArray");
    expect(script).toContain("I = (14*int(t_in_timesteps >= 61))*mV/ms");
    expect(script).toMatch(/^run\(150\.25\*ms\)$/m); // figure1.m's loop runs one step more
  });
});
