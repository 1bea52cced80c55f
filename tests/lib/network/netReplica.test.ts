import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {createNetwork, NETWORK_2003, simulateNetwork, type NetworkOptions} from "../../../lib/index.js";
import {readNetworkOptions} from "../../../lib/network/options.js";
import {fillNormals, noiseKey} from "../../../lib/network/thalamicNoise.js";
import {drawParameters, drawSynapses} from "../../../lib/network/wiring.js";

/**
 * net.m (Izhikevich 2003), transcribed line by line with plain arrays, given the network's matrices and inputs:
 * S[i][j] (effect of j on i), a, b, c, d, and the thalamic input of each step. `weightsAt(t)` may swap S mid-run.
 * Returns firings as [t, i] rows (t = 1 … T, i 0-based), as net.m's `firings`.
 */
function netM(
  p: {a: number[]; b: number[]; c: number[]; d: number[]},
  weightsAt: (t: number) => number[][],
  thalamic: (t: number) => number[],
  T: number,
  v0 = -65
): [number, number][] {
  const N = p.a.length;
  const v = new Array<number>(N).fill(v0); // v=-65*ones(Ne+Ni,1);
  const u = p.b.map((b) => b * v0); // u=b.*v;
  const firings: [number, number][] = [];
  for (let t = 1; t <= T; t++) {
    const S = weightsAt(t);
    const I = thalamic(t); // I=[5*randn(Ne,1);2*randn(Ni,1)];
    const fired: number[] = []; // fired=find(v>=30);
    for (let i = 0; i < N; i++) if (v[i]! >= 30) fired.push(i);
    for (const i of fired) firings.push([t, i]); // firings=[firings; t+0*fired,fired];
    for (const i of fired) {
      v[i] = p.c[i]!; // v(fired)=c(fired);
      u[i] = u[i]! + p.d[i]!; // u(fired)=u(fired)+d(fired);
    }
    for (let i = 0; i < N; i++) {
      let sum = 0; // sum(S(:,fired),2)
      for (const j of fired) sum = sum + S[i]![j]!;
      I[i] = I[i]! + sum; // I=I+sum(S(:,fired),2);
    }
    for (let i = 0; i < N; i++) v[i] = v[i]! + 0.5 * (0.04 * v[i]! ** 2 + 5 * v[i]! + 140 - u[i]! + I[i]!);
    for (let i = 0; i < N; i++) v[i] = v[i]! + 0.5 * (0.04 * v[i]! ** 2 + 5 * v[i]! + 140 - u[i]! + I[i]!);
    for (let i = 0; i < N; i++) u[i] = u[i]! + p.a[i]! * (p.b[i]! * v[i]! - u[i]!);
  }
  return firings;
}

/** The network's drawn matrices and inputs, read through the library's own draws, as net.m's variables. */
function matricesOf(options: NetworkOptions) {
  const o = readNetworkOptions(options).checked;
  const n = o.ne + o.ni;
  const params = drawParameters(o);
  const {perNeuron: k, targets, weights} = drawSynapses(o);
  const S = Array.from({length: n}, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++)
    for (let s = 0; s < k; s++) S[targets === null ? s : targets[j * k + s]!]![j] = weights[j * k + s]!;
  const normals = new Float64Array(n);
  const thalamic = (t: number) => {
    fillNormals(noiseKey(o.seed, t - 1), normals, n);
    return Array.from(normals, (x, i) => (i < o.ne ? o.noise.excitatory : o.noise.inhibitory) * x);
  };
  const p = {a: [...params.a], b: [...params.b], c: [...params.c], d: [...params.d]};
  return {o, n, S, p, thalamic};
}

function rowsOf(spikes: {neuron: Int32Array; time: Float64Array}): [number, number][] {
  return Array.from(spikes.neuron, (i, s) => [spikes.time[s]!, i]);
}

describe("the network kernel replicates net.m's loop", () => {
  it("for net.m's 1000 neurons over 300 ms: the same spikes, given the same matrices and inputs", () => {
    const options = {seed: 3};
    const {S, p, thalamic} = matricesOf(options);
    const expected = netM(p, () => S, thalamic, 300);
    const run = simulateNetwork({...options, duration: 300});
    expect(expected.length).toBeGreaterThan(1000); // the network fires (≈ 7 Hz × 1000 neurons × 0.3 s)
    expect(rowsOf(run.spikes)).toEqual(expected);
  });

  it("for k targets per neuron (S built from the targets)", () => {
    const options = {seed: 5, ne: 160, ni: 40, connections: 20, weights: {excitatory: 5, inhibitory: -10}};
    const {S, p, thalamic} = matricesOf(options);
    const expected = netM(p, () => S, thalamic, 400);
    expect(expected.length).toBeGreaterThan(200);
    expect(rowsOf(simulateNetwork({...options, duration: 400}).spikes)).toEqual(expected);
  });

  it("when the weight and noise scales change between chunks (set), as if S and the input changed then", () => {
    const options = {seed: 11, ne: 80, ni: 20};
    const before = matricesOf(options);
    const changed = {weights: {excitatory: 1.5, inhibitory: -0.5}, noise: {excitatory: 3, inhibitory: 4}};
    const after = matricesOf({...options, ...changed});
    const expected = netM(
      before.p,
      (t) => (t <= 150 ? before.S : after.S),
      (t) => (t <= 150 ? before.thalamic(t) : after.thalamic(t)),
      300
    );
    const network = createNetwork(options);
    const first = network.step(150);
    network.set(changed);
    const second = network.step(150);
    expect([...rowsOf(first.spikes), ...rowsOf(second.spikes)]).toEqual(expected);
    expect(second.spikes.time[0]).toBeGreaterThan(150);
  });

  it("for small random networks, rules and scales (fast-check)", () => {
    const rule = fc.record({
      base: fc.double({min: -70, max: 10, noNaN: true}),
      spread: fc.double({min: -5, max: 5, noNaN: true}),
      power: fc.constantFrom(1, 2, 0.5)
    });
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({min: -1e9, max: 1e9}),
          ne: fc.integer({min: 0, max: 12}),
          ni: fc.integer({min: 1, max: 6}),
          sparse: fc.boolean(),
          we: fc.double({min: 0, max: 20, noNaN: true}),
          wi: fc.double({min: -20, max: 0, noNaN: true}),
          ne_noise: fc.double({min: 0, max: 12, noNaN: true}),
          c: rule
        }),
        ({seed, ne, ni, sparse, we, wi, ne_noise, c}) => {
          const n = ne + ni;
          const options: NetworkOptions = {
            seed,
            ne,
            ni,
            connections: sparse ? Math.max(1, n >> 1) : undefined,
            weights: {excitatory: we, inhibitory: wi},
            noise: {excitatory: ne_noise, inhibitory: 2},
            excitatory: {...NETWORK_2003.excitatory, c: {...c, base: Math.min(c.base, -40)}}
          };
          const {S, p, thalamic} = matricesOf(options);
          expect(rowsOf(simulateNetwork({...options, duration: 120}).spikes)).toEqual(netM(p, () => S, thalamic, 120));
        }
      ),
      {numRuns: 40}
    );
  });
});
