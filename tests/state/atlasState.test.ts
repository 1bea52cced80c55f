import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {CLASSES} from "../../lib/presets/classes2003.js";
import {AXIS_GRID, AXES, DEFAULT_MAPS, MAP_IDS, atlasU0, cellValues, type MapId} from "../../lib/scans/atlas.js";
import {atlasSearch, cellHref, parseAtlasSearch} from "../../src/state/atlasState.js";
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

describe("the atlas maps' settings in the address", () => {
  it("writes nothing for the default maps, and only what differs otherwise", () => {
    expect(atlasSearch({...DEFAULT_MAPS})).toBe("");
    const cd = {
      ...DEFAULT_MAPS.cd,
      fixed: {...DEFAULT_MAPS.cd.fixed, I: 14},
      x: {...DEFAULT_MAPS.cd.x, n: 32},
      y: {...DEFAULT_MAPS.cd.y, n: 32}
    };
    expect(atlasSearch({...DEFAULT_MAPS, cd})).toBe("?cd.n=32&cd.I=14");
    const Id = {
      ...DEFAULT_MAPS.Id,
      method: "paper2004" as const,
      duration: 500,
      x: {...DEFAULT_MAPS.Id.x, min: 5, max: 20}
    };
    expect(atlasSearch({Id})).toBe("?Id.x=5%2C20&Id.T=500&Id.method=paper2004");
  });

  it("reads back what it wrote (round trip), for every map", () => {
    const specs = {
      cd: {...DEFAULT_MAPS.cd, fixed: {...DEFAULT_MAPS.cd.fixed, I: 14, a: 0.03}},
      ab: {
        ...DEFAULT_MAPS.ab,
        x: {...DEFAULT_MAPS.ab.x, min: 0.01, max: 0.1, n: 100},
        y: {...DEFAULT_MAPS.ab.y, n: 100}
      },
      Id: {...DEFAULT_MAPS.Id, dt: 2 ** -4, method: "paper2004" as const}
    };
    const {specs: back, notices} = parseAtlasSearch(atlasSearch(specs));
    expect(notices).toEqual([]);
    expect(back).toEqual(specs);
    expect(parseAtlasSearch("")).toEqual({specs: {}, notices: []});
  });

  it("turns bad input into notices and keeps the map's default, never throwing", () => {
    const r = parseAtlasSearch("?cd.I=abc&ab.x=0.1&Id.n=5000&zz.I=3&foo=1&cd.q=1&%E0%A4%A=2");
    expect(r.specs).toEqual({});
    expect(r.notices.join(" ")).toMatch(/cd.I: expected a number, got “abc”/);
    expect(r.notices.join(" ")).toMatch(/ab.x: expected “min,max”/);
    expect(r.notices.join(" ")).toMatch(/The Id map keeps its default settings: x.n \(cells\)/);
    expect(r.notices.join(" ")).toMatch(/Unknown setting “zz.I”/);
    expect(r.notices.join(" ")).toMatch(/Unknown setting “foo”/);
  });
});

describe("the atlas's address: decimal only, exact round trip", () => {
  it("refuses hex, binary and Infinity, naming the setting", () => {
    const r = parseAtlasSearch("?cd.I=0x10&ab.n=0b101&Id.T=Infinity");
    expect(r.specs).toEqual({});
    expect(r.notices).toEqual([
      "The cd map keeps its default settings: cd.I: expected a number, got “0x10”.",
      "The ab map keeps its default settings: ab.n: expected a number, got “0b101”.",
      "The Id map keeps its default settings: Id.T: expected a number, got “Infinity”."
    ]);
  });

  it("round-trips any valid maps: same maps, same address (property)", () => {
    const onGrid = (key: (typeof AXES)[number]) => {
      const {min, max, step} = AXIS_GRID[key];
      return fc.integer({min: 0, max: Math.round((max - min) / step)}).map((i) => +(min + i * step).toFixed(6));
    };
    const spec = (id: MapId) => {
      const base = DEFAULT_MAPS[id];
      const axis = (a: typeof base.x) =>
        fc
          .tuple(onGrid(a.key), onGrid(a.key))
          .filter(([p, q]) => p !== q)
          .map(([p, q]) => ({key: a.key, min: Math.min(p, q), max: Math.max(p, q), n: a.n}));
      return (
        fc
          .record({
            x: axis(base.x),
            y: axis(base.y),
            n: fc.integer({min: 2, max: 400}),
            fixed: fc.record(
              Object.fromEntries(AXES.map((k) => [k, onGrid(k)])) as Record<(typeof AXES)[number], fc.Arbitrary<number>>
            ),
            duration: fc.integer({min: 10, max: 1000}),
            dt: fc.integer({min: 1, max: 10}).map((k) => 2 ** -k),
            method: fc.constantFrom("euler" as const, "paper2004" as const)
          })
          // The swept quantities' fixed values are not the reader's to set (the page keeps the default's).
          .map(({n, ...s}) => ({
            ...s,
            x: {...s.x, n},
            y: {...s.y, n},
            fixed: {...s.fixed, [base.x.key]: base.fixed[base.x.key], [base.y.key]: base.fixed[base.y.key]}
          }))
      );
    };
    fc.assert(
      fc.property(fc.record({cd: spec("cd"), ab: spec("ab"), Id: spec("Id")}), (specs) => {
        const search = atlasSearch(specs);
        const back = parseAtlasSearch(search);
        expect(back.notices).toEqual([]);
        // A map equal to its default is not written, so it reads back as "not changed".
        for (const id of MAP_IDS) expect(back.specs[id] ?? DEFAULT_MAPS[id]).toEqual(specs[id]);
        expect(atlasSearch({...DEFAULT_MAPS, ...back.specs})).toBe(search);
      }),
      {numRuns: 200}
    );
  });
});
