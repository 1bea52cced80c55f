/**
 * A 2003-model run as a Brian2 script (numpy code generation, no compiler): `neuron = NeuronGroup(...)`,
 * `spikes = SpikeMonitor(neuron)`, `trace = StateMonitor(neuron, ...)`, `run(...)`, and a last line that prints the
 * spike times (ms) as JSON.
 *
 * Units are Brian2's idiomatic ones for this model (its Izhikevich examples): v in volt, u and I in volt/second, so
 * the paper's numbers read as mV and mV/ms; a and b in 1/ms. With method "euler" Brian2 takes the same forward Euler
 * steps on the same grid with the same current at each step, so it fires in the same steps; it stamps a spike at the
 * start of the step in which v crossed, the library at its end: Brian2's times are the library's minus dt.
 */
import {gridSteps} from "../simulate.js";
import {brian2Current, sampledPartsCode} from "./brian2Stimulus.js";
import {brian2Preamble, py, pyComment} from "./python.js";
import type {Run2003} from "./resolve.js";

/** How Brian2's integration differs from the library's method, for the script's comment. */
const METHOD_NOTES: Record<Run2003["method"], {brian2: string; note: string}> = {
  euler: {
    brian2: "euler",
    note: 'Same forward Euler as the library\'s "euler": the same spikes, each stamped dt earlier (start of the step).'
  },
  paper2003: {
    brian2: "euler",
    note:
      'The library ran "paper2003" (the 2003 network code: v in two half steps, u from the new v). Brian2 has no such\n' +
      "scheme built in; this is plain forward Euler (both derivatives from the old state), so spike times differ\n" +
      'slightly. Choose method "euler" in the library for a spike-for-spike match.'
  },
  paper2004: {
    brian2: "euler",
    note:
      'The library ran "paper2004" (figure1.m: u from the new v, strict v > vPeak, one extra step). Brian2 runs plain\n' +
      'forward Euler (u from the old v, v >= v_peak), so spike times differ slightly. Choose method "euler" in the\n' +
      "library for a spike-for-spike match."
  },
  rk4: {
    brian2: "rk4",
    note:
      'The library ran "rk4" with each spike located inside its step. Brian2\'s rk4 takes the same steps but tests the\n' +
      "threshold only at their ends and stamps the spike at the step's start: times agree within a step. The current\n" +
      "is held at its value at the start of each step (t_in_timesteps does not advance inside a step)."
  },
  adaptive: {
    brian2: "rk4",
    note:
      'The library ran "adaptive" (Dormand–Prince 5(4) with error control, spikes located at v_peak). Brian2 has no\n' +
      "adaptive integrator for this model; this uses rk4 at dt, which tests the threshold once per step: spike times\n" +
      "agree within about a step at this dt. The current is held at its value at the start of each step\n" +
      "(t_in_timesteps does not advance inside a step)."
  }
};

/** The Brian2 script of a checked 2003-model run. */
export function brian2Izhikevich2003(run: Run2003): string {
  const {params, equation, v0, u0, vPeak, dt, duration, method} = run;
  const steps = gridSteps(duration, dt, method === "paper2004" ? 1 : 0);
  const current = brian2Current(run.current, dt, steps + 1);
  const {brian2, note} = METHOD_NOTES[method];
  const uEquation =
    equation.u === "accommodation" ? "du/dt = a*b*(v + 65*mV) : volt/second" : "du/dt = a*(b*v - u) : volt/second";
  const sampled = sampledPartsCode(current);
  return `${brian2Preamble(
    "Izhikevich (2003) neuron for Brian2, exported by the Izhikevich explorer.\n" +
      "Units: v in mV, u and I in mV/ms (the paper's units: I enters dv/dt directly), t in ms.",
    `${py(dt)}*ms`
  )}

# Parameters
a = ${py(params.a)}/ms
b = ${py(params.b)}/ms
c = ${py(params.c)}*mV
d = ${py(params.d)}*mV/ms
v_peak = ${py(vPeak)}*mV  # the spike cut-off: v is reset when it reaches v_peak

${sampled ? sampled + "\n" : ""}${pyComment(
    "The input current (mV/ms) at step k = t_in_timesteps, i.e. at t = k*dt: the library's current at each step.\n" +
      "Windows are tests on the integer step, so no rounding of t can move an edge."
  )}
equations = """
dv/dt = (${py(equation.e)}/ms/mV)*v**2 + (${py(equation.f)}/ms)*v + (${py(equation.g)})*mV/ms - u + I : volt
${uEquation}
I = (${current.expression})*mV/ms : volt/second
"""

${pyComment(note)}
neuron = NeuronGroup(1, equations, threshold="v >= v_peak", reset="v = c; u += d", method="${brian2}")
neuron.v = ${py(v0)}*mV
neuron.u = ${py(u0)}*mV/ms

spikes = SpikeMonitor(neuron)
# Brian2 records at the start of each step, after the previous reset: where the library draws the apex (v_peak)
# in the sample that ends a spike's step, this trace holds the reset value c.
trace = StateMonitor(neuron, ["v", "u", "I"], record=True)

run(${py(steps * dt)}*ms)

print(json.dumps({"spike_times_ms": [float(x) for x in spikes.t / ms]}))
`;
}
