import {describe, expect, it} from "vitest";
import {createNetwork, NETWORK_2003, NETWORK_LIMITS, simulateNetwork} from "../../../lib/index.js";
import {NetworkSpikeLog} from "../../../lib/network/spikeLog.js";

describe("NETWORK_2003", () => {
  it("is net.m's network: 800 + 200 neurons, weights 0.5·U and −U, noise 5 and 2, v0 −65", () => {
    expect(NETWORK_2003.ne).toBe(800);
    expect(NETWORK_2003.ni).toBe(200);
    expect(NETWORK_2003.weights).toEqual({excitatory: 0.5, inhibitory: -1});
    expect(NETWORK_2003.noise).toEqual({excitatory: 5, inhibitory: 2});
    expect(NETWORK_2003.v0).toBe(-65);
    expect(NETWORK_2003.excitatory.c).toEqual({base: -65, spread: 15, power: 2});
    expect(NETWORK_2003.inhibitory.a).toEqual({base: 0.02, spread: 0.08, power: 1});
    expect(Object.isFrozen(NETWORK_2003.excitatory.c)).toBe(true);
  });

  it("spread into the options gives the defaults' run", () => {
    const a = simulateNetwork({...NETWORK_2003, seed: 3, duration: 50});
    const b = simulateNetwork({seed: 3, duration: 50});
    expect(a.spikes).toEqual(b.spikes);
  });
});

describe("bad options throw errors naming the field", () => {
  const cases: [string, object, RegExp][] = [
    ["a fractional seed", {seed: 1.5}, /^seed: must be a safe integer/],
    ["an unknown key", {durration: 100}, /^options: unknown key "durration"/],
    ["a negative ne", {ne: -1}, /^ne: /],
    ["a fractional ni", {ni: 2.5}, /^ni: /],
    ["no neuron at all", {ne: 0, ni: 0}, /^ne, ni: /],
    ["zero connections", {connections: 0}, /^connections: /],
    ["more targets than neurons", {ne: 8, ni: 2, connections: 11}, /^connections: /],
    ["a non-numeric weight", {weights: {excitatory: "0.5"}}, /^weights\.excitatory: /],
    ["an unknown population", {noise: {thalamic: 1}}, /^noise: unknown key "thalamic"/],
    ["a NaN noise", {noise: {inhibitory: NaN}}, /^noise\.inhibitory: /],
    ["a rule's bad power", {excitatory: {c: {power: 0}}}, /^excitatory\.c\.power: /],
    ["a rule's unknown parameter", {inhibitory: {e: {base: 1}}}, /^inhibitory: unknown key "e"/],
    ["v0 at the peak", {v0: 30}, /^v0: /],
    ["a fractional duration", {duration: 10.5}, /^duration: /],
    ["a zero duration", {duration: 0}, /^duration: /]
  ];
  for (const [what, options, message] of cases) {
    it(`for ${what}`, () => expect(() => simulateNetwork(options as never)).toThrow(message));
  }

  it("reads own properties only, each once", () => {
    const inherited = Object.create({connections: -3}) as Record<string, number>;
    Object.assign(inherited, {ne: 8, ni: 2, duration: 1});
    expect(simulateNetwork(inherited).connections).toBe(0); // the inherited -3 was not read
    let reads = 0;
    const options = {
      get seed() {
        reads++;
        return 7;
      },
      ne: 8,
      ni: 2,
      duration: 2
    };
    simulateNetwork(options);
    expect(reads).toBe(1);
  });

  it("step and set check their arguments and leave the network unchanged on error", () => {
    const network = createNetwork({ne: 8, ni: 2});
    expect(() => network.step(0)).toThrow(/^ms: /);
    expect(() => network.step(1.5)).toThrow(/^ms: /);
    expect(() => network.set({weights: {excitatory: Infinity}})).toThrow(/^weights\.excitatory: /);
    expect(() => network.set(null as never)).toThrow(/^changes: /);
    expect(network.weights).toEqual({excitatory: 0.5, inhibitory: -1});
    expect(network.time).toBe(0);
  });
});

describe("limits", () => {
  it("name the limit that was passed", () => {
    expect(() => createNetwork({ne: NETWORK_LIMITS.neurons, ni: 1})).toThrow(/^ne \+ ni: .*limit of 100000 neurons/);
    // All to all, 5000 neurons would be 25 million synapses.
    expect(() => createNetwork({ne: 4000, ni: 1000})).toThrow(/^connections: .*limit of 8000000 synapses/);
    expect(() => createNetwork({ne: 90_000, ni: 10_000, connections: 200})).toThrow(/synapses/);
    expect(() => simulateNetwork({ne: 80, ni: 20, connections: 10, duration: 30_000_000})).toThrow(
      /^duration: .*neuron-steps is above the limit/
    );
  });

  it("stop a run that would record more spikes than the spike buffer holds", () => {
    expect(NETWORK_LIMITS.spikes).toBe(20_000_000);
    const log = new NetworkSpikeLog(2, 5); // the library's log with a limit of 5 instead of 20 million
    for (let s = 0; s < 5; s++) log.push(s, 1);
    expect(() => log.push(5, 1)).toThrow(/^spikes: the run recorded more than the limit of 5 spikes/);
    expect(log.columns().neuron).toEqual(Int32Array.of(0, 1, 2, 3, 4));
  });
});
