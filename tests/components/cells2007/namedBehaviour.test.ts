// Each 2007 card opens at a test current where the cell does what its name says (issue: IB opened silent at
// 290 pA, below its I_AH), and the comparison's default current lets every default cell do the same.
import {describe, expect, it} from "vitest";
import {CELLS_2007, CELL_IDS_2007, bifurcationCurrents2007} from "../../../lib/index.js";
import {
  NAMED_BEHAVIOUR,
  firesAsNamed,
  methodsDisagreement,
  namedCurrent,
  openingNote,
  shows
} from "../../../src/components/cells2007/namedBehaviour.js";
import {runCompared, sharedStimulus} from "../../../src/components/cells2007/cells2007Model.js";
import {DEFAULT_COMPARE_2007} from "../../../src/state/cells2007State.js";

describe("named behaviour", () => {
  it("reads each behaviour from spike times", () => {
    expect(shows("repetitive", [10, 60, 110, 160, 210], 0, 300)).toBe(true);
    expect(shows("repetitive", [10, 60], 0, 300)).toBe(false);
    // A doublet, then single spikes; and a lone burst with nothing after it.
    expect(shows("burst-then-tonic", [10, 15, 100, 190, 280], 0, 300)).toBe(true);
    expect(shows("burst-then-tonic", [10, 15, 20], 0, 300)).toBe(false);
    // TC's rebound at 0 pA after the hold (book run): six spikes with lengthening ISIs, then silence.
    expect(shows("rebound-burst", [153.8, 162.3, 173.1, 187.4, 208.7, 258.5], 120, 770)).toBe(true);
    expect(shows("rebound-burst", [130, 230], 120, 300)).toBe(false);
  });

  it("opens every cell at a test current where it fires as named", () => {
    for (const id of CELL_IDS_2007) {
      const I = namedCurrent(id);
      expect(CELLS_2007[id].testCurrents).toContain(I);
      expect(firesAsNamed(id, I), `${id} at ${I} pA`).toBe(true);
      // No lower test current does.
      for (const lower of CELLS_2007[id].testCurrents.filter((x) => x < I)) expect(firesAsNamed(id, lower)).toBe(false);
    }
  });

  it("opens IB above its Andronov–Hopf current, and says why not at izhi2007.m's first current", () => {
    const {IAH} = bifurcationCurrents2007(CELLS_2007.IB2007.cell);
    expect(CELLS_2007.IB2007.testCurrents[0]).toBeLessThan(IAH!);
    expect(namedCurrent("IB2007")).toBeGreaterThan(IAH!);
    const note = openingNote("IB2007", namedCurrent("IB2007"))!;
    expect(note).toContain(`${CELLS_2007.IB2007.testCurrents[0]} pA (below I_AH = 347.7 pA`);
    expect(note).toContain("0 spikes");
    expect(openingNote("CH2007", namedCurrent("CH2007"))).toBeNull();
  });

  it("says when the book and the accurate run disagree, and only then", () => {
    expect(methodsDisagreement("CH2007", 200, [15, 20, 110, 116, 207], [15, 20, 110, 116, 207])).toBeNull();
    const text = methodsDisagreement("IB2007", 500, [20, 37, 120, 215, 310], [20, 120, 215, 310, 405]);
    expect(text).toMatch(
      /^Book and accurate integration disagree at 500 pA: the book's run does .* the accurate one does not\.$/
    );
  });
});

describe("the comparison's default", () => {
  it("lets every default cell do what its name says under the shared current", () => {
    expect(DEFAULT_COMPARE_2007.current).toEqual({kind: "test", id: "IB2007", current: namedCurrent("IB2007")});
    const shared = sharedStimulus(DEFAULT_COMPARE_2007.current);
    DEFAULT_COMPARE_2007.cells.forEach((id, index) => {
      const run = runCompared(index, id, shared, "book");
      expect(shows(NAMED_BEHAVIOUR[id], run.trace!.spikes, shared.onset, shared.duration), id).toBe(true);
    });
  });
});
