import {describe, expect, test} from "vitest";
import {errorMessage, formatValue} from "../../../src/components/scratchpad/sandboxRuntime.js";

describe("formatValue(value)", () => {
  test("shows strings as they are at the top and quoted inside", () => {
    expect(formatValue("hello")).toBe("hello");
    expect(formatValue(["a"])).toBe(`["a"]`);
  });

  test("abridges long arrays and typed arrays, naming the typed array and its length", () => {
    expect(formatValue([1, 2, 3])).toBe("[1, 2, 3]");
    const v = Float64Array.from({length: 25}, (_, i) => i);
    expect(formatValue(v)).toBe(`Float64Array(25) [${Array.from({length: 20}, (_, i) => i).join(", ")}, … 5 more]`);
  });

  test("shows objects as JSON-like text, nested objects to a limited depth", () => {
    expect(formatValue({a: 1, b: {c: [1, 2]}})).toBe("{a: 1, b: {c: [1, 2]}}");
    expect(formatValue({a: {b: {c: {d: 1}}}})).toBe("{a: {b: {c: …}}}");
    expect(formatValue(new Map([["k", 1]]))).toBe("Map {k: 1}");
  });

  test("shows the other kinds readably", () => {
    expect(formatValue(null)).toBe("null");
    expect(formatValue(undefined)).toBe("undefined");
    expect(formatValue(-0)).toBe("-0");
    expect(formatValue(10n)).toBe("10n");
    expect(formatValue(function simulate() {})).toBe("ƒ simulate()");
    expect(formatValue(new RangeError("dt: too large"))).toBe("RangeError: dt: too large");
  });
});

test("errorMessage(error) names the error, and says what was thrown when it is not one", () => {
  expect(errorMessage(new TypeError("duration: required"))).toBe("TypeError: duration: required");
  expect(errorMessage("oops")).toBe("Thrown: oops");
  expect(errorMessage({code: 1})).toBe("Thrown: {code: 1}");
});
