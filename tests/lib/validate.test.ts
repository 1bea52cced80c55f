import {describe, expect, it} from "vitest";
import {checkKeys, checkKeyword, checkNumber, describe as describeValue, fail, isWithin} from "../../lib/validate.js";

describe("validate", () => {
  it("describe formats received values for messages", () => {
    expect(describeValue("x".repeat(50))).toBe(JSON.stringify("x".repeat(40) + "…"));
    expect(describeValue(-0)).toBe("0");
    expect(describeValue(null)).toBe("null");
    expect(describeValue([1])).toBe("an array");
    expect(describeValue({})).toBe("an object");
  });

  it("checkNumber passes numbers within the bounds and names the field, the value and the range otherwise", () => {
    expect(checkNumber(3, "x", {min: 0, max: 3})).toBe(3);
    expect(() => checkNumber(0, "x", {min: 0, minExclusive: true})).toThrow(
      new RangeError("x: must be a finite number > 0, got 0")
    );
    expect(() => checkNumber(1.5, "n", {integer: true})).toThrow(/n: must be a finite integer, got 1.5/);
    expect(() => checkNumber("1", "x")).toThrow(TypeError);
    expect(() => checkNumber(NaN, "x")).toThrow(RangeError);
    expect(isWithin(Infinity, {})).toBe(false);
  });

  it("checkKeyword and checkKeys list what is allowed", () => {
    expect(checkKeyword("a", "k", ["a", "b"])).toBe("a");
    expect(() => checkKeyword("c", "k", ["a", "b"])).toThrow(/k: unknown value "c"; allowed: a, b/);
    expect(() => checkKeys({durration: 1}, "options", ["duration"])).toThrow(
      /unknown key "durration"; allowed: duration/
    );
    expect(() => checkKeys(null, "options", [])).toThrow(/must be an object, got null/);
  });

  it("fail throws a RangeError for a number and a TypeError otherwise", () => {
    expect(() => fail("f", "x", 2, "< 1")).toThrow(new RangeError("f: x must be < 1, got 2"));
    expect(() => fail("f", "x", "2", "< 1")).toThrow(TypeError);
  });
});
