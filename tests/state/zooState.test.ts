import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {ZOO_MODE_IDS, modeFromSearch, parseZooAddress, safeDecode, zooSearch} from "../../src/state/zooState.js";

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
    expect(r.notices[0]).toMatch(/“mode” appears more than once \(2 times\); the last one was used/);
    expect(r.notices[1]).toMatch(/Unknown view “x” \(mode\)/);
    expect(r.notices[2]).toMatch(/No panel “Z” in the zoo/);
    expect(parseZooAddress("?mode=%E0%A4%A", "", PANELS).notices[0]).toMatch(/Unknown view/);
  });
});

describe("the zoo's address: round trip and hostile text", () => {
  it("reads back the mode it writes, and the panel of a #panel- link (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZOO_MODE_IDS),
        fc.option(fc.constantFrom(...PANELS), {nil: null}),
        (mode, panel) => {
          const search = zooSearch(mode);
          const r = parseZooAddress(search, panel === null ? "" : `#panel-${panel}`, PANELS);
          expect(r).toEqual({mode, panel: panel === null ? null : `panel-${panel}`, notices: []});
          expect(zooSearch(r.mode)).toBe(search);
        }
      )
    );
  });

  it("names unknown settings and strips bidirectional characters from what it quotes", () => {
    const r = parseZooAddress("?mode=fast%E2%80%AEevil&x=1", "#panel-%E2%80%AEZ", PANELS);
    expect(r.notices).toEqual([
      "Unknown view “fastevil” (mode): showing as published. Known: published, accurate, overlay.",
      "Ignored unknown setting: “x”.",
      "No panel “Z” in the zoo: the link’s # part is ignored."
    ]);
  });
});
