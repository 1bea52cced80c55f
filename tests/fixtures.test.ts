import {existsSync, readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {PROTOCOLS, PROTOCOLS_PATH, SHARED_PROTOCOLS_PATH} from "./fixtures/protocols.js";

describe("tests/fixtures/protocols.json", () => {
  it("holds the 28 published protocols (8 classes of 2003, 20 panels of 2004)", () => {
    expect(PROTOCOLS.filter((p) => p.group === "izh2003_fig2").length).toBe(8);
    expect(PROTOCOLS.filter((p) => p.group === "izh2004_fig1").length).toBe(20);
  });

  // The original sits beside the repository on the team's machines and in CI; a user's clone may not have it.
  it.runIf(existsSync(SHARED_PROTOCOLS_PATH))("is an exact copy of the team's ../shared/protocols.json", () => {
    expect(readFileSync(PROTOCOLS_PATH, "utf8")).toBe(readFileSync(SHARED_PROTOCOLS_PATH, "utf8"));
  });
});
