import {describe, expect, it} from "vitest";
import {CLASSES} from "../../lib/presets/classes2003.js";
import {AXIS_GRID, AXES, DEFAULT_MAPS, MAP_IDS, atlasU0, cellValues} from "../../lib/scans/atlas.js";
import {cellHref} from "../../src/state/atlasState.js";
import {NUMBER_SPECS, parseState} from "../../src/state/urlState.js";

describe("the atlas's links into the explorer", () => {
  it("lays its grid on the explorer's controls (ranges and steps restated in the library)", () => {
    const control = {a: "a", b: "b", c: "c", d: "d", I: "dcI"} as const;
    for (const key of AXES) {
      const {min, max, step} = NUMBER_SPECS[control[key]];
      expect(AXIS_GRID[key], key).toEqual({min, max, step});
    }
    const {min, max, step} = NUMBER_SPECS.u0;
    expect(AXIS_GRID.u0).toEqual({min, max, step});
  });

  it("opens a cell in the explorer with exactly the cell's neuron, current, duration, step and method", () => {
    for (const id of MAP_IDS) {
      const spec = DEFAULT_MAPS[id];
      for (const [i, j] of [
        [0, 0],
        [17, 40],
        [spec.x.n - 1, spec.y.n - 1]
      ] as const) {
        const q = cellValues(spec, i, j);
        const {state, notices} = parseState(cellHref(spec, i, j, CLASSES).replace(/^\.\.\//, ""), CLASSES);
        expect(notices).toEqual([]);
        expect(state).toMatchObject({
          a: q.a,
          b: q.b,
          c: q.c,
          d: q.d,
          v0: -65,
          u0: atlasU0(q.b),
          T: spec.duration,
          dt: spec.dt,
          method: spec.method
        });
        expect(state).toMatchObject({
          protocol: false,
          dc: true,
          dcI: q.I,
          step: false,
          pulses: false,
          ramp: false,
          noise: false
        });
      }
    }
    // The nearest 2003 class supplies the rest: the IB cell of the (c, d) map opens as IB.
    const spec = DEFAULT_MAPS.cd;
    const i = Math.round(((-55 - spec.x.min) / (spec.x.max - spec.x.min)) * (spec.x.n - 1));
    const j = Math.round(((4 - spec.y.min) / (spec.y.max - spec.y.min)) * (spec.y.n - 1));
    expect(cellHref(spec, i, j, CLASSES)).toMatch(/^\.\.\/\?class=IB&/);
  });
});
