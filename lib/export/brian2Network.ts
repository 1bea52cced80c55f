/**
 * The 2003 network (net.m, docs/science.md §1.2) as a Brian2 script: every number the library drew from the seed
 * (each neuron's a, b, c, d, every synaptic weight and target, every thalamic N(0, 1) deviate) is written into the
 * script, and net.m's step is reproduced operation for operation, so Brian2 (numpy code generation) fires the same
 * neurons in the same steps as `simulateNetwork`.
 *
 * The script embeds matrices, so its size grows with neurons × targets and neurons × ms: networks whose embedded
 * numbers would exceed {@link BRIAN2_NETWORK_MAX_NUMBERS} are refused.
 */
import {readNetworkOptions, type CheckedNetworkOptions} from "../network/options.js";
import type {SimulateNetworkOptions} from "../network/simulateNetwork.js";
import {fillNormals, noiseKey} from "../network/thalamicNoise.js";
import {drawParameters, drawSynapses} from "../network/wiring.js";
import {checkKeyword, checkNumber} from "../validate.js";
import {brian2Preamble, py, pyComment, pyList} from "./python.js";

/** The tools {@link exportNetwork} writes for. */
export type NetworkExportTarget = "brian2";

/**
 * The most numbers one exported network script may embed (parameters, weights, targets and noise samples): at
 * most about 25 characters each, the script stays under about 5 MB.
 */
export const BRIAN2_NETWORK_MAX_NUMBERS = 200_000;

/** How many numbers the script of a network embeds: 4 parameters per neuron, the synapses, the noise samples. */
function embeddedNumbers(o: CheckedNetworkOptions, steps: number): number {
  const n = o.ne + o.ni;
  const synapses = o.connections ? 2 * n * o.connections : n * n; // weights, and targets when sparse
  return 4 * n + synapses + n * steps;
}

/**
 * A runnable Brian2 script of the 2003 network with `options` (simulateNetwork's: absent fields are net.m's, the
 * duration defaults to 1000 ms). It defines `neuron = NeuronGroup(...)`, `synapses = Synapses(...)`,
 * `spikes = SpikeMonitor(neuron)` and calls `run(...)`; its last line prints the spikes as JSON
 * (`spike_neurons`, `spike_times_ms`) and the final `v` and `u`. Brian2 stamps each spike at the start of the step
 * whose threshold test found it, so its times are the library's labels minus 1 ms.
 *
 * @param options - simulateNetwork's options (seed, ne, ni, connections, weights, noise, rules, v0, duration)
 * @param target - "brian2"
 * @throws RangeError naming the field for bad options, and naming {@link BRIAN2_NETWORK_MAX_NUMBERS} when the
 *   network is too large to embed (fewer neurons, fewer targets per neuron or a shorter duration fit)
 *
 * @example
 * const script = exportNetwork({seed: 3, ne: 40, ni: 10, duration: 300}, "brian2");
 */
export function exportNetwork(options: SimulateNetworkOptions, target: NetworkExportTarget): string {
  checkKeyword(target, "target", ["brian2"]);
  const {checked, rest} = readNetworkOptions(options, ["duration"]);
  const raw = rest.get("duration");
  const duration = raw === undefined ? 1000 : checkNumber(raw, "duration", {min: 1, integer: true});
  const numbers = embeddedNumbers(checked, duration);
  if (numbers > BRIAN2_NETWORK_MAX_NUMBERS) {
    const n = checked.ne + checked.ni;
    throw new RangeError(
      `options: the Brian2 script of ${n} neurons × ${checked.connections || n} targets over ${duration} ms would ` +
        `embed ${numbers} numbers (parameters, weights and the thalamic noise of every neuron and ms), above the ` +
        `limit of ${BRIAN2_NETWORK_MAX_NUMBERS} numbers (about 5 MB of script); use fewer neurons, fewer targets ` +
        "per neuron (connections) or a shorter duration"
    );
  }
  return brian2NetworkScript(checked, duration);
}

/** The standard normal deviates of every step, row k = step k (the library's own draws). */
function thalamicDraws(o: CheckedNetworkOptions, steps: number): Float64Array {
  const n = o.ne + o.ni;
  const all = new Float64Array(steps * n);
  const row = new Float64Array(n);
  for (let k = 0; k < steps; k++) {
    fillNormals(noiseKey(o.seed, k), row, n);
    all.set(row, k * n);
  }
  return all;
}

function brian2NetworkScript(o: CheckedNetworkOptions, steps: number): string {
  const {a, b, c, d} = drawParameters(o);
  const synapses = drawSynapses(o);
  const k = synapses.perNeuron;
  const wiring = synapses.targets
    ? `# Each neuron projects to K distinct targets; entry j*K + s is synapse s of neuron j.\n` +
      `K = ${k}\npre = np.repeat(np.arange(N), K)\npost = np.array(${pyList(synapses.targets)}, dtype=int)`
    : `# All to all, self included (net.m's S): entry j*N + i is the synapse from j to i, net.m's S(i, j).\n` +
      `pre = np.repeat(np.arange(N), N)\npost = np.tile(np.arange(N), N)`;
  const title =
    `The Izhikevich (2003) network (net.m) for Brian2, exported by the Izhikevich explorer: ${o.ne} excitatory and ` +
    `${o.ni} inhibitory neurons, ` +
    (o.connections ? `${o.connections} targets per neuron` : "all to all") +
    `, seed ${o.seed}, ${steps} ms.`;
  return `${brian2Preamble(
    title +
      "\nUnits: v in mV, u and I in the paper's units (mV/ms: I enters dv/dt directly), t in ms. The state variables\n" +
      "are plain numbers in those units (Brian2's volt would rescale every number and change the arithmetic's\n" +
      "last bits, and a network amplifies such differences), so the script reproduces the library's run exactly.",
    "1*ms  # net.m's step",
    {numpy: true}
  )}

N_E = ${o.ne}  # excitatory neurons: indices 0 … N_E - 1
N_I = ${o.ni}  # inhibitory neurons: indices N_E … N - 1
N = N_E + N_I
STEPS = ${steps}  # ms

# Each neuron's parameters as the library drew them from the seed (excitatory first).
a_drawn = np.array(${pyList(a)})
b_drawn = np.array(${pyList(b)})
c_drawn = np.array(${pyList(c)})
d_drawn = np.array(${pyList(d)})

# Thalamic input: noise_scales · N(0, 1), a fresh deviate per neuron and ms. thalamic_draws[k, i] is the library's
# deviate for neuron i in step k (t = k ms).
noise_scales = np.repeat(np.array([${py(o.noise.excitatory)}, ${py(o.noise.inhibitory)}], dtype=float), [N_E, N_I])
thalamic_draws = np.array(${pyList(thalamicDraws(o, steps))}).reshape(STEPS, N)
thalamic = TimedArray(thalamic_draws, dt=1*ms)

# Synapses (weights: ${py(o.weights.excitatory)}·U from excitatory, ${py(o.weights.inhibitory)}·U from inhibitory neurons, U ~ U(0, 1)).
${wiring}
weights = np.array(${pyList(synapses.weights)})

${pyComment(
  "net.m's step, in Brian2's schedule of one time step (start, groups, thresholds, synapses, resets, end):\n" +
    "- thresholds: fired = v >= 30, tested on the state the previous step left (net.m tests at the step's start);\n" +
    "- synapses: each fired neuron adds its weights to its targets' I_syn, in this same step (no delay), in the\n" +
    "  order of the fired neurons' indices, as net.m's sum(S(:,fired),2);\n" +
    "- resets: v = c, u = u + d;\n" +
    "- end (run_regularly): I = thalamic noise + I_syn; v in two half steps of 0.5 ms; then u from the new v;\n" +
    "  I_syn is cleared for the next step.\n" +
    "The equations hold no differential equation: the update is net.m's own arithmetic. It is written one\n" +
    "operation per statement because Brian2 reorders the terms of a longer sum (140 + (... + I) - u), which\n" +
    "changes the last bits; one addition at a time keeps net.m's order, (((0.04v² + 5v) + 140) - u) + I, and\n" +
    "the script's v and u equal the library's to the bit."
)}
equations = """
v : 1
u : 1
I : 1
I_syn : 1
a : 1 (constant)
b : 1 (constant)
c : 1 (constant)
d : 1 (constant)
noise_scale : 1
"""
neuron = NeuronGroup(N, equations, threshold="v >= 30", reset="v = c\\nu = u + d")
neuron.a = a_drawn
neuron.b = b_drawn
neuron.c = c_drawn
neuron.d = d_drawn
neuron.noise_scale = noise_scales
neuron.v = ${py(o.v0)}
neuron.u = neuron.b * ${py(o.v0)}
neuron.run_regularly("""
I = noise_scale*thalamic(t, i) + I_syn
dv = 0.04*(v*v) + 5*v
dv = dv + 140
dv = dv - u
dv = dv + I
v = v + 0.5*dv
dv = 0.04*(v*v) + 5*v
dv = dv + 140
dv = dv - u
dv = dv + I
v = v + 0.5*dv
u = u + a*(b*v - u)
I_syn = 0
""", when="end")

synapses = Synapses(neuron, neuron, "w : 1", on_pre="I_syn_post += w")
synapses.connect(i=pre, j=post)
# Synapse s must be entry s of the lists above (the weights are assigned in that order).
assert np.array_equal(synapses.i[:], pre) and np.array_equal(synapses.j[:], post)
synapses.w = weights

# Brian2 stamps a spike at t = k ms, the start of the step k whose threshold test found it; net.m's label is k + 1.
spikes = SpikeMonitor(neuron)

run(STEPS*ms)

print(json.dumps({
    "spike_neurons": [int(x) for x in spikes.i],
    "spike_times_ms": [float(x) for x in spikes.t / ms],
    "v": [float(x) for x in neuron.v],
    "u": [float(x) for x in neuron.u],
}))
`;
}
