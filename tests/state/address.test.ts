import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  MAX_KEYS,
  MAX_NOTICES,
  clampToSpec,
  formatNumber,
  parseDecimal,
  readQuery,
  readSpecNumber,
  show,
  stripUnsafe,
  tidyNotices
} from "../../src/state/address.js";

const BIDI = [
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u200e",
  "\u200f"
];

describe("parseDecimal(text)", () => {
  it("reads plain decimal literals", () => {
    expect(parseDecimal("0.02")).toBe(0.02);
    expect(parseDecimal("-65")).toBe(-65);
    expect(parseDecimal("+.5")).toBe(0.5);
    expect(parseDecimal("1e-3")).toBe(0.001);
    expect(parseDecimal("1e+308")).toBe(1e308);
  });

  it("refuses hex, binary, octal, Infinity, NaN, whitespace, empty text and overflow", () => {
    for (const text of [
      "0x7D0",
      "0b101",
      "0o1000",
      "Infinity",
      "-Infinity",
      "NaN",
      " 5",
      "5 ",
      "",
      "1e999",
      "1_000",
      "2,5"
    ])
      expect(parseDecimal(text), text).toBeNaN();
  });

  it("reads back every finite number as written in links (property)", () => {
    fc.assert(
      fc.property(fc.double({noNaN: true, noDefaultInfinity: true}), (x) => {
        expect(parseDecimal(formatNumber(x))).toBe(+x.toPrecision(12));
      })
    );
  });
});

describe("readSpecNumber(key, text, spec, fallback, notices)", () => {
  const spec = {min: -0.1, max: 1, step: 0.001, label: "a"};

  it("clamps a number beyond the range, with a notice naming the key", () => {
    const notices: string[] = [];
    expect(readSpecNumber("a", "1e+308", spec, 0.02, notices)).toBe(1);
    expect(readSpecNumber("a", "-1e308", spec, 0.02, notices)).toBe(-0.1);
    expect(notices).toEqual(["a = 1e+308 is outside -0.1…1; using 1.", "a = -1e308 is outside -0.1…1; using -0.1."]);
  });

  it("keeps the fallback, with a notice, for text that is not a decimal number", () => {
    const notices: string[] = [];
    expect(readSpecNumber("a", "0x7D0", spec, 0.02, notices)).toBeNull();
    expect(readSpecNumber("a", "Infinity", spec, 0.02, notices)).toBeNull();
    expect(notices).toEqual([
      "“0x7D0” is not a number for a; using 0.02 instead.",
      "“Infinity” is not a number for a; using 0.02 instead."
    ]);
  });

  it("gives a value within the range, on the step grid, for any number (property)", () => {
    fc.assert(
      fc.property(fc.double({noNaN: true, noDefaultInfinity: true}), (x) => {
        const value = readSpecNumber("a", formatNumber(x), spec, 0.02, []);
        expect(value).not.toBeNull();
        expect(value).toBeGreaterThanOrEqual(spec.min);
        expect(value).toBeLessThanOrEqual(spec.max);
        expect(clampToSpec(value!, spec)).toBe(value);
      })
    );
  });
});

describe("readQuery(search)", () => {
  it("names a repeated key once, with its count, and uses the last value", () => {
    const {values, notices} = readQuery(Array.from({length: 50}, (_, i) => `a=${i}`).join("&"));
    expect(values.get("a")).toBe("49");
    expect(notices).toEqual(["The setting “a” appears more than once (50 times); the last one was used."]);
  });

  it("reads at most MAX_KEYS settings and says the rest were ignored", () => {
    const {values, notices} = readQuery(Array.from({length: 1000}, () => "class=RS").join("&"));
    expect(values.size).toBe(1);
    expect(notices).toEqual([
      `The setting “class” appears more than once (${MAX_KEYS} times); the last one was used.`,
      `The link has more than ${MAX_KEYS} settings; the rest were ignored.`
    ]);
  });
});

describe("show(text) and stripUnsafe(text)", () => {
  it("drop C0 and C1 controls, DEL and every bidirectional mark, embedding, override and isolate", () => {
    const evil = `RS${BIDI.join("")}\u0000\u001b\u007f\u0085\u009f\u061cok`;
    expect(stripUnsafe(evil)).toBe("RSok");
    expect(show(evil)).toBe("RSok");
  });

  it("truncates long values", () => {
    expect(show("x".repeat(100))).toBe(`${"x".repeat(40)}…`);
  });
});

describe("tidyNotices(notices)", () => {
  it("shows identical lines once, with their count", () => {
    expect(tidyNotices(Array.from({length: 65}, () => "Same."))).toEqual(["Same. (×65)"]);
  });

  it("caps the list, the last line saying how many more there were", () => {
    const lines = tidyNotices(Array.from({length: 20}, (_, i) => `Notice ${i}.`));
    expect(lines).toHaveLength(MAX_NOTICES);
    expect(lines.at(-1)).toBe(`… and ${20 - MAX_NOTICES + 1} more.`);
    expect(lines[0]).toBe("Notice 0.");
  });

  it("strips control and bidirectional characters, so a value cannot reverse the page's own words", () => {
    expect(tidyNotices(["Unknown neuron class “RS\u202eevil”; showing RS instead."])).toEqual([
      "Unknown neuron class “RSevil”; showing RS instead."
    ]);
  });

  it("never lets an unsafe character through and never gives more than MAX_NOTICES lines (property)", () => {
    const unsafe = fc.constantFrom(...BIDI, "\u0000", "\u0085", "\u061c", "\u001b");
    const text = fc.array(fc.oneof(fc.string(), unsafe), {maxLength: 8}).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.array(text, {maxLength: 40}), (notices) => {
        const lines = tidyNotices(notices);
        expect(lines.length).toBeLessThanOrEqual(MAX_NOTICES);
        for (const line of lines) expect(stripUnsafe(line)).toBe(line);
      })
    );
  });
});
