import {describe, expect, it} from "vitest";
import {CELLS_2007} from "../../../lib/index.js";
import {BASE_IDS, byId} from "../bookCells2007.js";

describe("CELLS_2007", () => {
  it("holds protocols.json's parameters, durations and test currents (special rules as data)", () => {
    for (const id of BASE_IDS) {
      const p = byId(id);
      const preset = CELLS_2007[id];
      expect(preset.id).toBe(id);
      expect(preset.testCurrents).toEqual(p.test_currents_pA);
      expect(preset.duration).toBe(p.T);
      expect([preset.method, preset.dt, preset.current]).toEqual([
        "book",
        0.25,
        {kind: "step", value: p.test_currents_pA[0], start: 0}
      ]);
      const {C, k, vr, vt, vpeak, a, c} = preset.cell;
      expect({C, k, vr, vt, vpeak, a, c}).toEqual({C: p.C, k: p.k, vr: p.vr, vt: p.vt, vpeak: p.vpeak, a: p.a, c: p.c});
    }
    expect(CELLS_2007.LTS2007.special).toEqual({vpeakU: -0.1, cU: 0.04, uCap: 670});
    expect(CELLS_2007.FS2007.special).toEqual({cubicU: {vb: -55, k: 0.025}});
    expect(CELLS_2007.TC2007.special).toEqual({vpeakU: 0.1, cU: -0.1, bBelow: {v: -65, b: 15}});
    expect(CELLS_2007.RTN2007.special).toEqual({bBelow: {v: -65, b: 10}});
  });
});
