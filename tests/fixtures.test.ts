import {describe, expect, it} from "vitest";
import {PROTOCOLS} from "./fixtures/protocols.js";

// Only the committed copy is checked: a test never depends on (or skips for) a file outside the repository.
describe("tests/fixtures/protocols.json", () => {
  it("holds the 28 published protocols (8 classes of 2003, 20 panels of 2004)", () => {
    expect(PROTOCOLS.filter((p) => p.group === "izh2003_fig2").length).toBe(8);
    expect(PROTOCOLS.filter((p) => p.group === "izh2004_fig1").length).toBe(20);
  });

  it("gives every protocol a unique id, the 2003 parameters a, b, c, d and a positive step and duration", () => {
    expect(new Set(PROTOCOLS.map((p) => p.id)).size).toBe(PROTOCOLS.length);
    for (const p of PROTOCOLS.filter((q) => q.group !== "izh2007_cells")) {
      expect(Object.keys(p.params).sort()).toEqual(["a", "b", "c", "d"]);
      expect(p.tau).toBeGreaterThan(0);
      expect(p.duration).toBeGreaterThan(0);
    }
  });
});
