// The atlas's mark labels never overlap (issue: "H / TC, TC_burst / J, P" piled up at c = −65, d = 0).
import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {placeLabels, textWidth, type PlacedLabel} from "../../../src/components/atlas/markLabels.js";

const FONT = 12;
const bounds = {x0: 62, y0: 14, x1: 622, y1: 474};

function box(p: PlacedLabel, text: string) {
  const w = textWidth(text, FONT);
  const x0 = p.anchor === "start" ? p.x : p.anchor === "end" ? p.x - w : p.x - w / 2;
  return {x0, x1: x0 + w, y0: p.y - (FONT + 2) / 2, y1: p.y + (FONT + 2) / 2};
}

describe("placeLabels", () => {
  it("spreads the labels of close marks apart", () => {
    const requests = [
      {x: 300, y: 400, text: "H"},
      {x: 304, y: 400, text: "TC, TC_burst"},
      {x: 300, y: 405, text: "J"},
      {x: 306, y: 398, text: "P"}
    ];
    const placed = placeLabels(requests, {bounds, fontSize: FONT, radius: 4.5});
    expect(placed.every((p) => p !== null)).toBe(true);
    const boxes = placed.map((p, k) => box(p!, requests[k]!.text));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, `${i} and ${j}`).toBe(false);
      }
  });

  it("never places two overlapping labels or one outside the plot (property)", () => {
    const request = fc.record({
      x: fc.double({min: bounds.x0, max: bounds.x1, noNaN: true}),
      y: fc.double({min: bounds.y0, max: bounds.y1, noNaN: true}),
      text: fc.constantFrom("RS", "FS", "TC, TC_burst", "H", "J", "P", "LTS", "A, I")
    });
    fc.assert(
      fc.property(fc.array(request, {maxLength: 30}), (requests) => {
        const placed = placeLabels(requests, {bounds, fontSize: FONT, radius: 4.5});
        const boxes = placed.flatMap((p, k) => (p ? [box(p, requests[k]!.text)] : []));
        for (const b of boxes) {
          expect(b.x0).toBeGreaterThanOrEqual(bounds.x0 - 1e-9);
          expect(b.x1).toBeLessThanOrEqual(bounds.x1 + 1e-9);
        }
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i]!, boxes[j]!];
            expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
          }
      })
    );
  });
});
