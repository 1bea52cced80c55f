/**
 * A 2007-model run (Izhikevich 2007, ch. 8) as a Brian2 script, with the same names and conventions as
 * brian2Izhikevich2003.ts. The book's cell-specific rules become Brian2 code: a second b below a voltage (TC, RTN)
 * and the cubic U(v) (FS) as `int(...)` switches on the old v, a cut-off that moves with u (LTS, TC) in the
 * threshold, and the moving reset and the cap of u (LTS) in the reset.
 */
import {gridSteps} from "../simulate.js";
import {brian2Current, sampledPartsCode} from "./brian2Stimulus.js";
import {brian2Preamble, py, pyComment} from "./python.js";
import type {Run2007} from "./resolve.js";

const METHOD_NOTES: Record<Run2007["method"], {brian2: string; note: string}> = {
  euler: {
    brian2: "euler",
    note: 'Same forward Euler as the library\'s "euler": the same spikes, each stamped dt earlier (start of the step).'
  },
  book: {
    brian2: "euler",
    note:
      'The library ran "book" (the izhi2007.m loop with its quirks: b and the FS branch from the new v, a strict\n' +
      "threshold for LTS and TC). Brian2 runs forward Euler of the equations as written, so spike times differ\n" +
      'slightly. Choose method "euler" in the library for a spike-for-spike match.'
  },
  adaptive: {
    brian2: "rk4",
    note:
      'The library ran "adaptive" (Dormand–Prince 5(4), spikes and kinks located inside the step). Brian2 has no such\n' +
      "integrator; this uses rk4 at dt, which tests the threshold once per step: spike times agree within about a step.\n" +
      "The current is held at its value at the start of each step (t_in_timesteps does not advance inside a step)."
  }
};

/** The Brian2 script of a checked 2007-model run. */
export function brian2Izhikevich2007(run: Run2007): string {
  const {cell, special, v0, u0, dt, duration, method} = run;
  const steps = gridSteps(duration, dt);
  const current = brian2Current(run.current, dt, steps + 1);
  const {brian2, note} = METHOD_NOTES[method];
  const parameters = [
    `C = ${py(cell.C)}*pF`,
    `k = ${py(cell.k)}*nS/mV`,
    `vr = ${py(cell.vr)}*mV`,
    `vt = ${py(cell.vt)}*mV`,
    `v_peak = ${py(cell.vpeak)}*mV`,
    `a = ${py(cell.a)}/ms`,
    `b = ${py(cell.b)}*nS`,
    `c = ${py(cell.c)}*mV`,
    `d = ${py(cell.d)}*pA`
  ];
  let recovery = "du/dt = a*(b*(v - vr) - u) : amp";
  if (special.bBelow) {
    parameters.push(`v_kink = ${py(special.bBelow.v)}*mV  # below or at v_kink, b_low replaces b`);
    parameters.push(`b_low = ${py(special.bBelow.b)}*nS`);
    recovery = "du/dt = a*((b_low*int(v <= v_kink) + b*int(v > v_kink))*(v - vr) - u) : amp";
  } else if (special.cubicU) {
    parameters.push(`v_b = ${py(special.cubicU.vb)}*mV  # FS: U(v) = 0 below v_b, k_U*(v - v_b)**3 above`);
    parameters.push(`k_U = ${py(special.cubicU.k)}*pA/mV**3`);
    recovery = "du/dt = a*(int(v >= v_b)*k_U*(v - v_b)**3 - u) : amp";
  }
  let threshold = "v >= v_peak";
  if (special.vpeakU !== undefined) {
    parameters.push(`v_peak_u = ${py(special.vpeakU)}*mV/pA  # the cut-off moves with u`);
    threshold = "v >= v_peak + v_peak_u*u";
  }
  let resetV = "v = c";
  if (special.cU !== undefined) {
    parameters.push(`c_u = ${py(special.cU)}*mV/pA  # the reset moves with u (before its increment)`);
    resetV = "v = c + c_u*u";
  }
  let resetU = "u += d";
  if (special.uCap !== undefined) {
    parameters.push(`u_cap = ${py(special.uCap)}*pA  # u is capped at the reset`);
    resetU = "u = clip(u + d, -inf*pA, u_cap)";
  }
  const sampled = sampledPartsCode(current);
  return `${brian2Preamble(
    "Izhikevich (2007) neuron (Dynamical Systems in Neuroscience, ch. 8) for Brian2, exported by the Izhikevich explorer.\n" +
      "Units: C in pF, k in nS/mV, v in mV, u and I in pA, a in 1/ms, b in nS, d in pA, t in ms.",
    `${py(dt)}*ms`
  )}

# Parameters
${parameters.join("\n")}

${sampled ? sampled + "\n" : ""}${pyComment(
    "The input current (pA) at step k = t_in_timesteps, i.e. at t = k*dt: the library's current at each step.\n" +
      "Windows are tests on the integer step, so no rounding of t can move an edge."
  )}
equations = """
dv/dt = (k*(v - vr)*(v - vt) - u + I)/C : volt
${recovery}
I = (${current.expression})*pA : amp
"""

${pyComment(note)}
neuron = NeuronGroup(1, equations, threshold="${threshold}", reset="${resetV}; ${resetU}", method="${brian2}")
neuron.v = ${py(v0)}*mV
neuron.u = ${py(u0)}*pA

spikes = SpikeMonitor(neuron)
# Brian2 records at the start of each step, after the previous reset (the library draws the apex instead).
trace = StateMonitor(neuron, ["v", "u", "I"], record=True)

run(${py(steps * dt)}*ms)

print(json.dumps({"spike_times_ms": [float(x) for x in spikes.t / ms]}))
`;
}
