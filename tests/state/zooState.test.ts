import {describe, expect, it} from "vitest";
import {modeFromSearch, parseZooAddress, safeDecode} from "../../src/state/zooState.js";

const PANELS = ["A", "B", "G", "RS"];

describe("the zoo's address", () => {
  it("reads the view and the panel a link points at", () => {
    expect(parseZooAddress("?mode=accurate", "#panel-G", PANELS)).toEqual({
      mode: "accurate",
      panel: "panel-G",
      notices: []
    });
    expect(parseZooAddress("", "", PANELS)).toEqual({mode: "published", panel: null, notices: []});
    // A heading's anchor is Framework's business, not a notice.
    expect(parseZooAddress("", "#the-2003-classes-fig-2", PANELS)).toEqual({
      mode: "published",
      panel: null,
      notices: []
    });
    expect(modeFromSearch("?mode=overlay")).toBe("overlay");
  });

  it("turns a malformed hash into a notice instead of throwing “URI malformed”", () => {
    expect(() => decodeURIComponent("%E0%A4%A")).toThrow(URIError);
    expect(safeDecode("%E0%A4%A")).toBeNull();
    const r = parseZooAddress("", "#%E0%A4%A", PANELS);
    expect(r.panel).toBeNull();
    expect(r.notices).toEqual(["The part after # (“%E0%A4%A”) is not a valid address: ignored."]);
  });

  it("names an unknown view or panel", () => {
    const r = parseZooAddress("?mode=fast&mode=x", "#panel-Z", PANELS);
    expect(r.mode).toBe("published");
    expect(r.notices[0]).toMatch(/Unknown view “fast” \(mode\)/);
    expect(r.notices[1]).toMatch(/No panel “Z” in the zoo/);
    expect(parseZooAddress("?mode=%E0%A4%A", "", PANELS).notices[0]).toMatch(/Unknown view/);
  });
});
