import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  CELLS_2007,
  rowsToCSV,
  simulate,
  simulate2007,
  sine,
  spikesToCSV,
  step,
  sum,
  toCSV
} from "../../../lib/index.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};

/** The rows of a CSV text as arrays of numbers, and its header. */
function parse(csv: string): {header: string; rows: number[][]} {
  expect(csv.endsWith("\n")).toBe(true);
  const [header, ...lines] = csv.slice(0, -1).split("\n");
  return {header, rows: lines.map((line) => line.split(",").map(Number))};
}

describe("toCSV(trace)", () => {
  it("writes t, v, u, I with a header, one row per sample, the very doubles", () => {
    const trace = simulate({
      params: RS,
      current: sum(step(10, 20), sine({amplitude: 3, frequency: 40})),
      duration: 200
    });
    const {header, rows} = parse(toCSV(trace));
    expect(header).toBe("t,v,u,I");
    expect(rows).toHaveLength(trace.t.length);
    rows.forEach(([t, v, u, I], k) => {
      expect(t).toBe(trace.t[k]);
      expect(v).toBe(trace.v[k]);
      expect(u).toBe(trace.u[k]);
      expect(I).toBe(trace.I[k]);
    });
  });

  it("writes a 2007 trace the same way", () => {
    const trace = simulate2007({...CELLS_2007.RS2007, duration: 50});
    const {rows} = parse(toCSV(trace));
    expect(rows.map((r) => r[1])).toEqual(Array.from(trace.v));
  });

  it("keeps −0 as −0", () => {
    const trace = {t: [0], v: [-0], u: [0], I: [-0], spikes: []};
    expect(toCSV(trace)).toBe("t,v,u,I\n0,-0,0,-0\n");
  });

  it("throws naming the field for something that is not a trace", () => {
    expect(() => toCSV(null as never)).toThrow(/trace: must be a trace/);
    expect(() => toCSV({t: [0, 1], v: [0], u: [0, 1], I: [0, 1], spikes: []})).toThrow(
      /trace\.v: must have as many samples as trace\.t \(2\), got 1/
    );
    expect(() => toCSV({t: [0], v: [0], u: [0], I: [0]} as never)).toThrow(
      /trace\.spikes: must be an array of numbers/
    );
  });
});

describe("spikesToCSV(trace)", () => {
  it("writes the spike times (ms) under the header spike", () => {
    const trace = simulate({params: RS, current: 10, duration: 200});
    const {header, rows} = parse(spikesToCSV(trace));
    expect(header).toBe("spike");
    expect(trace.spikes.length).toBeGreaterThan(3);
    expect(rows.map((r) => r[0])).toEqual(Array.from(trace.spikes));
  });

  it("writes only the header when there is no spike", () => {
    expect(spikesToCSV(simulate({params: RS, duration: 10}))).toBe("spike\n");
  });
});

describe("rowsToCSV", () => {
  it("writes a header and rows, numbers in round-trip form, null as an empty field, text quoted when needed", () => {
    expect(
      rowsToCSV(
        ["I", "rate", "note"],
        [
          [4, null, "silent"],
          [10, 1 / 3, 'a "b", c']
        ]
      )
    ).toBe(`I,rate,note\n4,,silent\n10,${String(1 / 3)},"a ""b"", c"\n`);
  });

  it("gives back every number exactly", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({noNaN: true}), fc.double({noNaN: true})), {maxLength: 20}), (rows) => {
        const lines = rowsToCSV(["x", "y"], rows).trimEnd().split("\n").slice(1);
        expect(lines.map((l) => l.split(",").map(Number))).toEqual(
          rows.map(([x, y]) => [x, y]).map((r) => r.map((v) => (Object.is(v, -0) ? -0 : v)))
        );
      })
    );
  });

  it("refuses a row of the wrong width, naming it", () => {
    expect(() => rowsToCSV(["a", "b"], [[1, 2], [3]])).toThrow(/rows\[1\]: must have 2 fields/);
  });
});
