import {crc32 as zlibCrc32, deflateSync} from "node:zlib";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {crc32, pngText, pngWithText} from "../../../lib/export/pngText.js";

/** A 2×1 grey PNG built from its definition: signature, IHDR, one IDAT (zlib), IEND; CRCs by Node's zlib. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, zlibCrc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, 2);
  v.setUint32(4, 1);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const idat = deflateSync(Uint8Array.from([0, 10, 200])); // filter byte, two pixels
  const parts = [
    Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", new Uint8Array())
  ];
  const png = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    png.set(p, at);
    at += p.length;
  }
  return png;
}

describe("PNG text chunks", () => {
  it("computes the CRC-32 that zlib computes", () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 300}), (bytes) => {
        expect(crc32(bytes)).toBe(zlibCrc32(bytes));
      })
    );
  });

  it("writes UTF-8 text after the header and reads it back, keeping the image's own chunks byte for byte", () => {
    const png = tinyPng();
    const text = {Title: "Membrane potential v(t)", Description: JSON.stringify({a: 0.02, I: "−15 → 10", dt: 2 ** -5})};
    const out = pngWithText(png, text);
    expect(pngText(out)).toEqual(text);
    // The header stays first; what follows the new chunks is the original IDAT and IEND, unchanged.
    expect(String.fromCharCode(...out.subarray(12, 16))).toBe("IHDR");
    expect(String.fromCharCode(...out.subarray(37, 41))).toBe("iTXt");
    expect(out.subarray(out.length - (png.length - 33))).toEqual(png.subarray(33));
  });

  it("round-trips any text under any allowed keyword", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,20}[A-Za-z0-9]$/).filter((k) => !k.includes("  ")),
        fc.string(),
        (keyword, text) => {
          expect(pngText(pngWithText(tinyPng(), {[keyword]: text}))[keyword]).toBe(text);
        }
      )
    );
  });

  it("refuses bytes that are not a PNG, bad keywords, and reports a damaged chunk", () => {
    expect(() => pngWithText(new Uint8Array([1, 2, 3]), {})).toThrow(/not a PNG/);
    expect(() => pngWithText(tinyPng(), {"": "x"})).toThrow(/keyword/);
    expect(() => pngWithText(tinyPng(), {" lead": "x"})).toThrow(/keyword/);
    const out = pngWithText(tinyPng(), {Title: "v"});
    out[45] ^= 1; // a byte inside the iTXt chunk's data
    expect(() => pngText(out)).toThrow(/wrong CRC/);
  });
});
