import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {finish, absorb, start, uniformRow} from "../../../lib/network/counterHash.js";
import {hash32, uniform} from "../../../lib/random.js";

describe("the network's copy of the library's counter-based generator", () => {
  const seed = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({min: -(2 ** 53) + 1, max: 2 ** 53 - 1}));
  const word = fc.integer({min: 0, max: 2 ** 32 - 1});

  it("uniformRow gives random.ts's uniform(seed, counter, draw) for consecutive draws, scaled (fast-check)", () => {
    fc.assert(
      fc.property(
        seed,
        word,
        fc.integer({min: 0, max: 2 ** 32 - 20}),
        fc.double({min: -3, max: 3, noNaN: true}),
        (s, c, d, scale) => {
          const out = new Float64Array(12);
          uniformRow(s, c, d, 10, scale, out, 2);
          for (let m = 0; m < 10; m++) expect(out[2 + m]).toBe(scale * uniform(s, c, d + m));
        }
      ),
      {numRuns: 300}
    );
  });

  it("finish(absorb(start(seed, counter, 0), draw)) is random.ts's hash32 (fast-check)", () => {
    fc.assert(
      fc.property(seed, word, word, (s, c, d) => {
        expect(finish(absorb(start(s, c, 0), d)) >>> 0).toBe(hash32(s, c, d));
      }),
      {numRuns: 300}
    );
  });
});
