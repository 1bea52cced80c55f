import {describe, expect, it} from "vitest";
import {createNetwork} from "../../../lib/index.js";
import {EXPLORER_DC, nearestClass, neuronHref, neuronParameters} from "../../../src/components/network/neuronLink.js";
import {NUMBER_SPECS, parseState} from "../../../src/state/urlState.js";
import {CLASSES} from "../../../lib/index.js";

const net = createNetwork({seed: 11});
const table = {ne: net.ne, ...net.parameters};

describe("neuronHref", () => {
  it("opens the neuron's own a, b, c, d in the explorer, alone under a DC current", () => {
    for (const i of [0, 17, 799, 800, 999]) {
      const href = neuronHref(table, i);
      expect(href.startsWith("../?class=")).toBe(true);
      const parsed = parseState(href.slice(3), CLASSES);
      const p = neuronParameters(table, i);
      // The address carries the full values; the explorer snaps each to its slider's step.
      const query = new URLSearchParams(href.slice(3));
      for (const key of ["a", "b", "c", "d"] as const) {
        expect(Number(query.get(key))).toBeCloseTo(p[key], 9);
        expect(Math.abs(parsed.state[key] - p[key])).toBeLessThanOrEqual(NUMBER_SPECS[key].step / 2 + 1e-12);
      }
      expect(parsed.state.cls).toBe(nearestClass(table, i));
      expect(parsed.state.protocol).toBe(false);
      expect(parsed.state.dc).toBe(true);
      expect(parsed.state.dcI).toBe(EXPLORER_DC);
      expect(parsed.state.v0).toBe(-65);
    }
  });

  it("names the class at the nearer end of the population's range", () => {
    const at = (ne: number, r: number, i: number) => nearestClass({ne, a: [], b: [], c: [], d: [], r: [r, r]}, i);
    expect(at(1, 0.1, 0)).toBe("RS");
    expect(at(1, 0.9, 0)).toBe("CH");
    expect(at(1, 0.1, 1)).toBe("LTS");
    expect(at(1, 0.9, 1)).toBe("FS");
    expect(neuronParameters(table, 800).population).toBe("inhibitory");
    expect(neuronParameters(table, 799).population).toBe("excitatory");
  });
});
