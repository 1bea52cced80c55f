/**
 * exportNetwork(options, "brian2"): the script carries the library's own draws to the bit (parameters, weights,
 * targets, thalamic deviates), refuses networks too large to embed, and, run with Brian2 (numpy code generation),
 * fires the same neurons in the same steps as simulateNetwork and ends in the same v and u.
 */
import {execFile} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {promisify} from "node:util";
import {beforeAll, describe, expect, it} from "vitest";
import {
  BRIAN2_NETWORK_MAX_NUMBERS,
  exportCode,
  exportNetwork,
  simulateNetwork,
  type SimulateNetworkOptions
} from "../../../lib/index.js";
import {readNetworkOptions} from "../../../lib/network/options.js";
import {fillNormals, noiseKey} from "../../../lib/network/thalamicNoise.js";
import {drawSynapses} from "../../../lib/network/wiring.js";
import {PYTHON, requireBrian2} from "./runPython.js";

const ALL_TO_ALL: SimulateNetworkOptions = {seed: 3, ne: 40, ni: 10, duration: 300};
/** 10 targets of 50: weights × 5 keep net.m's mean input (see NetworkOptions.connections). */
const SPARSE: SimulateNetworkOptions = {
  seed: 11,
  ne: 40,
  ni: 10,
  connections: 10,
  weights: {excitatory: 2.5, inhibitory: -5},
  duration: 400
};

/** The numbers of the Python list assigned to `name` (`name = np.array([...])`), parsed as JavaScript reads them. */
function listOf(script: string, name: string): number[] {
  const match = new RegExp(`^${name} = np\\.array\\(\\[\\n([^\\]]*)\\n\\]`, "m").exec(script);
  if (!match) throw new Error(`no list ${name} in the script`);
  return match[1]!
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "")
    .map(Number);
}

function normalsOf(options: SimulateNetworkOptions): number[] {
  const {checked} = readNetworkOptions(options, ["duration"]);
  const n = checked.ne + checked.ni;
  const row = new Float64Array(n);
  const all: number[] = [];
  for (let k = 0; k < (options.duration ?? 1000); k++) {
    fillNormals(noiseKey(checked.seed, k), row, n);
    all.push(...row);
  }
  return all;
}

describe("the exported network script's text", () => {
  it("carries every neuron's a, b, c, d as the library drew them, to the bit", () => {
    const script = exportNetwork(ALL_TO_ALL, "brian2");
    const {parameters} = simulateNetwork({...ALL_TO_ALL, duration: 1});
    for (const p of ["a", "b", "c", "d"] as const) expect(listOf(script, `${p}_drawn`)).toEqual([...parameters[p]]);
  });

  it("carries the all-to-all weights in net.m's S layout, and the thalamic deviates of every step", () => {
    const script = exportNetwork(ALL_TO_ALL, "brian2");
    const synapses = drawSynapses(readNetworkOptions(ALL_TO_ALL, ["duration"]).checked);
    expect(listOf(script, "weights")).toEqual([...synapses.weights]);
    expect(script).toContain("post = np.tile(np.arange(N), N)");
    expect(script).not.toMatch(/^post = np\.array/m);
    expect(listOf(script, "thalamic_draws")).toEqual(normalsOf(ALL_TO_ALL));
    expect(script).toContain("STEPS = 300");
    expect(script).toContain("noise_scales = np.repeat(np.array([5, 2], dtype=float), [N_E, N_I])");
  });

  it("carries the k-target lists and their scaled weights", () => {
    const script = exportNetwork(SPARSE, "brian2");
    const synapses = drawSynapses(readNetworkOptions(SPARSE, ["duration"]).checked);
    expect(listOf(script, "post")).toEqual([...synapses.targets!]);
    expect(listOf(script, "weights")).toEqual([...synapses.weights]);
    expect(script).toContain("K = 10\npre = np.repeat(np.arange(N), K)");
  });

  it("defines the names of the single-neuron export and runs for the duration", () => {
    const script = exportNetwork(ALL_TO_ALL, "brian2");
    expect(script).toMatch(/^neuron = NeuronGroup\(N, /m);
    expect(script).toMatch(/^spikes = SpikeMonitor\(neuron\)$/m);
    expect(script).toMatch(/^run\(STEPS\*ms\)$/m);
    expect(script).toContain('prefs.codegen.target = "numpy"');
  });

  it("refuses a network whose embedded numbers exceed the limit, naming it", () => {
    // 50 neurons all to all: 4·50 parameters + 50² weights + 50 per ms of noise.
    const fits = Math.floor((BRIAN2_NETWORK_MAX_NUMBERS - 200 - 2500) / 50);
    expect(() => exportNetwork({ne: 40, ni: 10, duration: fits}, "brian2")).not.toThrow();
    expect(() => exportNetwork({ne: 40, ni: 10, duration: fits + 1}, "brian2")).toThrow(
      new RegExp(`limit of ${BRIAN2_NETWORK_MAX_NUMBERS} numbers`)
    );
    expect(() => exportNetwork({duration: 1}, "brian2")).toThrow(/fewer neurons, fewer targets/);
  });

  it("checks its options as simulateNetwork does, naming the field", () => {
    expect(() => exportNetwork({ne: -1}, "brian2")).toThrow(/ne/);
    expect(() => exportNetwork({ne: 4, ni: 1, duration: 2.5}, "brian2")).toThrow(/duration/);
    expect(() => exportNetwork({ne: 4, ni: 1, bogus: 1} as SimulateNetworkOptions, "brian2")).toThrow(/bogus/);
    expect(() => exportNetwork({ne: 4, ni: 1}, "nest" as "brian2")).toThrow(/target/);
  });

  it("is what exportCode writes for options with ne or ni (and neither params nor cell)", () => {
    const options = {seed: 2, ne: 4, ni: 1, duration: 20};
    expect(exportCode(options, "brian2")).toBe(exportNetwork(options, "brian2"));
    // ni alone is enough (ne then defaults to net.m's 800: too large to embed, which the error says).
    expect(() => exportCode({ni: 3, duration: 5}, "brian2")).toThrow(/limit of/);
    expect(() => exportCode(options, "nest")).toThrow(/brian2 only/);
    expect(() => exportCode(options, "javascript")).toThrow(/brian2 only/);
    expect(() => exportCode({seed: 2} as SimulateNetworkOptions, "brian2")).toThrow(/params/);
  });
});

/** What the script prints on its last line. */
interface Brian2Network {
  spike_neurons: number[];
  spike_times_ms: number[];
  v: number[];
  u: number[];
}

const run = promisify(execFile);

async function runScript(script: string): Promise<Brian2Network> {
  const dir = mkdtempSync(join(tmpdir(), "izhikevich-network-"));
  try {
    const file = join(dir, "network.py");
    writeFileSync(file, script);
    const {stdout} = await run(PYTHON, [file], {cwd: dir, timeout: 600_000, maxBuffer: 64 * 1024 * 1024});
    return JSON.parse(stdout.trim().split("\n").pop() ?? "") as Brian2Network;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

function countsPerNeuron(neurons: ArrayLike<number>, n: number): number[] {
  const counts = new Array<number>(n).fill(0);
  for (let s = 0; s < neurons.length; s++) counts[neurons[s]!]!++;
  return counts;
}

describe("the exported network run with Brian2", () => {
  beforeAll(requireBrian2, 120_000);

  it.each([
    ["40 + 10 neurons all to all, 300 ms", ALL_TO_ALL],
    ["40 + 10 neurons, 10 targets each, 400 ms", SPARSE]
  ])(
    "%s: the same spikes per neuron, each stamped 1 ms before net.m's label, and the same final v and u",
    async (_, options) => {
      const library = simulateNetwork(options);
      const brian2 = await runScript(exportNetwork(options, "brian2"));
      const n = library.ne + library.ni;
      expect(library.spikes.neuron.length).toBeGreaterThan(40);
      // The criterion, then the stronger ones: the same raster, the same state to the bit.
      expect(countsPerNeuron(brian2.spike_neurons, n)).toEqual(countsPerNeuron(library.spikes.neuron, n));
      expect(brian2.spike_neurons).toEqual([...library.spikes.neuron]);
      brian2.spike_times_ms.forEach((t, s) => expect(Math.abs(t - (library.spikes.time[s]! - 1))).toBeLessThan(0.5));
      expect(brian2.v).toEqual([...library.v]);
      expect(brian2.u).toEqual([...library.u]);
    },
    600_000
  );
});
