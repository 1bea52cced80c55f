// registry: every kind of stimulus part has one handler.
import {describe, expect, it} from "vitest";
import {KINDS, STIMULUS_KINDS} from "../../../lib/stimuli/registry.js";

describe("the kind registry", () => {
  it("has a handler for exactly the kinds in STIMULUS_KINDS, each accepting the key 'kind'", () => {
    expect(Object.keys(KINDS).sort()).toEqual([...STIMULUS_KINDS].sort());
    for (const name of STIMULUS_KINDS) expect(KINDS[name].keys).toContain("kind");
  });

  it("gives leaves a block fill and groups a merge mode", () => {
    for (const name of STIMULUS_KINDS) {
      const kind = KINDS[name];
      const isGroup = name === "sum" || name === "overlay";
      expect([name, kind.fill === undefined, kind.partMode === undefined]).toEqual([name, isGroup, !isGroup]);
    }
  });
});
