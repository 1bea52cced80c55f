import {describe, expect, it} from "vitest";
import {CELL_IDS_2007, CELLS_2007, CLASS_IDS, CLASSES, FEATURE_IDS, FEATURES} from "../../../lib/index.js";

describe("preset id lists", () => {
  it("list every preset once, in display order", () => {
    expect(CLASS_IDS).toEqual(["RS", "IB", "CH", "FS", "TC", "TC_burst", "RZ", "LTS"]);
    expect(FEATURE_IDS).toEqual("ABCDEFGHIJKLMNOPQRST".split(""));
    expect([...CELL_IDS_2007].sort()).toEqual(Object.keys(CELLS_2007).sort());
    expect(CELL_IDS_2007.slice(0, 7)).toEqual(["RS2007", "IB2007", "CH2007", "LTS2007", "FS2007", "TC2007", "RTN2007"]);
    expect(Object.keys(CLASSES)).toEqual([...CLASS_IDS]);
    expect(Object.keys(FEATURES)).toEqual([...FEATURE_IDS]);
  });

  it("are frozen", () => {
    expect(Object.isFrozen(CLASS_IDS) && Object.isFrozen(FEATURE_IDS) && Object.isFrozen(CELL_IDS_2007)).toBe(true);
  });
});
