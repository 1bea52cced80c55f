/**
 * A 2003-model run as a PyNEST script with NEST's `izhikevich` model. Written for NEST 3.x's PyNEST interface
 * (`nest.Create(model, params=...)`, `spike_recorder`, `multimeter`, `nest.resolution`); the model's parameters and
 * numerics as NEST documents them (model help of `izhikevich`, NEST 2.14–2.18, the model unchanged since):
 *
 *   dv/dt = 0.04 v² + 5 v + 140 − u + I,  du/dt = a (b v − u),  if v ≥ V_th: v ← c, u ← u + d
 *
 * with V_m, U_m (mV), V_th (mV), I_e (pA, R = 1: the paper's units), a, b, c, d, and `consistent_integration`:
 * true is forward Euler with both derivatives from the old state (the library's "euler"), false the published
 * scheme (v in two half steps, u from the new v: the library's "paper2003"). NEST has no other integrator for this
 * model, no other coefficients and no accommodation u-equation: those throw.
 *
 * NEST cannot be installed here: the tests check the mapping (parameters, resolution, the current at each step)
 * against the model as documented, not a NEST run.
 */
import {py, pyComment, pyList} from "./python.js";
import type {Run2003} from "./resolve.js";

/** The NEST version the scripts are written for (said in each script). */
export const NEST_VERSION = "NEST 3.x (PyNEST 3 interface; model izhikevich)";

/** The kernel's tics per ms that put `dt` (ms) on NEST's time grid: 1000 (1 µs tics) or a power-of-two multiple. */
export function nestTicsPerMs(dt: number): number {
  for (let tics = 1000; tics <= 1000 * 2 ** 20; tics *= 2) if (Number.isInteger(dt * tics)) return tics;
  throw new RangeError(
    `dt: ${dt} ms is not a whole number of NEST tics (1000·2ⁿ per ms); choose a dt such as 0.1 or 2⁻⁵ = 0.03125 ms`
  );
}

/**
 * The library's current as NEST's step_current_generator sees it: the times (ms) at which it changes and the new
 * values (pA = the paper's units). The library applies I[k] during step k; a generator cannot change at t = 0, so
 * a non-zero current at t = 0 starts at the first step NEST allows (dt).
 */
export function nestCurrentSteps(I: ArrayLike<number>, dt: number): {times: number[]; values: number[]} {
  const times: number[] = [];
  const values: number[] = [];
  let previous = 0;
  for (let k = 0; k < I.length - 1; k++) {
    if (I[k] === previous) continue;
    const time = Math.max(k, 1) * dt;
    if (times.length && times[times.length - 1] === time) values[values.length - 1] = I[k];
    else {
      times.push(time);
      values.push(I[k]);
    }
    previous = I[k];
  }
  return {times, values};
}

/** The PyNEST script of a checked 2003-model run. */
export function nestIzhikevich(run: Run2003): string {
  const {params, equation, v0, u0, vPeak, dt, method, trace} = run;
  const standard = equation.e === 0.04 && equation.f === 5 && equation.g === 140 && equation.u === "standard";
  if (!standard) {
    throw new RangeError(
      "equation: NEST's izhikevich model has only v' = 0.04v² + 5v + 140 − u + I and u' = a(bv − u); allowed for NEST: the standard equation"
    );
  }
  const tics = nestTicsPerMs(dt);
  const consistent = method !== "paper2003";
  const methodNote = {
    euler:
      'consistent_integration = True is forward Euler, both derivatives from the old state: the library\'s "euler".',
    paper2003:
      'consistent_integration = False is the published scheme (v in two half steps, u from the new v): the library\'s\n"paper2003".',
    paper2004:
      'The library ran "paper2004" (figure1.m: u from the new v, strict v > vPeak). NEST has no such scheme; this uses\nforward Euler (consistent_integration = True), so spike times differ slightly.',
    rk4: 'The library ran "rk4". NEST\'s izhikevich model has only Euler schemes; this uses forward Euler at dt, so spike\ntimes differ (by up to a few steps).',
    adaptive:
      'The library ran "adaptive" (Dormand–Prince with spikes located at vPeak). NEST\'s izhikevich model has only Euler\nschemes; this uses forward Euler at dt, so spike times differ (by up to a few steps).'
  }[method];
  const current = run.current;
  const constant = typeof current === "number" ? current : current.kind === "dc" ? current.value : null;
  const steps = trace.t.length - 1;
  let stimulus: string;
  if (constant !== null) {
    stimulus = `# The input current is constant: I_e above.\n`;
  } else {
    const {times, values} = nestCurrentSteps(trace.I, dt);
    stimulus = `${pyComment(
      "The input current (pA = the paper's units, R = 1): the library's current at each step, as the times (ms) at\n" +
        "which it changes. What cannot be carried exactly: NEST delivers a generator's current after the connection's\n" +
        "delay (one resolution step here), so the neuron gets each change one step (dt) after the library applies it,\n" +
        "and a current at t = 0 starts at t = dt. Spike times are therefore close to the library's, not equal."
    )}
current = nest.Create("step_current_generator", params={
    "amplitude_times": ${pyList(times, "        ").replace(/\n\]$/, "\n    ]")},
    "amplitude_values": ${pyList(values, "        ").replace(/\n\]$/, "\n    ]")},
})
nest.Connect(current, neuron, syn_spec={"delay": ${py(dt)}})
`;
  }
  return `${pyComment(
    `Izhikevich (2003) neuron for ${NEST_VERSION}, exported by the Izhikevich explorer.\n` +
      "Units: v in mV, u and I in the paper's units (NEST: U_m in mV, I_e in pA with R = 1), t in ms.\n" +
      "Model as NEST documents it: dv/dt = 0.04v^2 + 5v + 140 - u + I, du/dt = a(bv - u), if v >= V_th: v = c, u += d.\n" +
      "Run: python3 this_file.py"
  )}
import json

import nest

nest.ResetKernel()
# The library's dt (ms) as NEST's step; the tics (time grid per ms) must divide it.
nest.SetKernelStatus({"tics_per_ms": ${py(tics)}, "resolution": ${py(dt)}})

${pyComment(methodNote)}
neuron = nest.Create("izhikevich", params={
    "a": ${py(params.a)},
    "b": ${py(params.b)},
    "c": ${py(params.c)},
    "d": ${py(params.d)},
    "V_th": ${py(vPeak)},  # the library's vPeak: v is reset when it reaches it
    "V_m": ${py(v0)},
    "U_m": ${py(u0)},
    "I_e": ${py(constant ?? 0)},
    "consistent_integration": ${consistent ? "True" : "False"},
})

${stimulus}
spikes = nest.Create("spike_recorder")
trace = nest.Create("multimeter", params={"record_from": ["V_m", "U_m"], "interval": ${py(dt)}})
nest.Connect(neuron, spikes)
nest.Connect(trace, neuron)

nest.Simulate(${py(steps * dt)})

print(json.dumps({"spike_times_ms": [float(x) for x in spikes.get("events")["times"]]}))
`;
}
