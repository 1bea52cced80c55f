import {describe, expect, it} from "vitest";
import {nullclines} from "../../../lib/analysis/nullclines.js";
import {GL, params} from "./phasePlaneHelpers.js";

describe("nullclines", () => {
  it("samples 241 points from −90 to 30 mV by default, 0.5 mV apart", () => {
    const n = nullclines(params(0.02, 0.2), 0);
    expect(n.v.length).toBe(241);
    expect(n.v[0]).toBe(-90);
    expect(n.v[240]).toBe(30);
    for (let k = 1; k < 241; k++) expect(n.v[k]! - n.v[k - 1]!).toBeCloseTo(0.5, 12);
  });

  it("gives the v-nullcline u = 0.04v² + 5v + 140 + I, a parabola with its minimum at −62.5 mV", () => {
    const I = 3;
    const n = nullclines(params(0.02, 0.2), I, {vMin: -62.5, vMax: 0, n: 126});
    for (let k = 0; k < n.v.length; k++) {
      const v = n.v[k]!;
      expect(n.vNullcline[k]).toBeCloseTo(0.04 * v * v + 5 * v + 140 + I, 10);
    }
    expect(n.vNullcline[0]).toBeCloseTo(-16.25 + I, 12);
    expect(Math.min(...n.vNullcline)).toBe(n.vNullcline[0]);
  });

  it("gives the standard u-nullcline u = b·v and no vertical line", () => {
    const n = nullclines(params(0.02, 0.25), 0);
    expect(n.uNullclineV).toBeNull();
    expect(n.uNullcline).not.toBeNull();
    n.v.forEach((v, k) => expect(n.uNullcline![k]).toBeCloseTo(0.25 * v, 12));
  });

  it("uses the G/L coefficients when given the 4.1/108 equation", () => {
    const n = nullclines(params(0.02, -0.1), 1, {equation: GL, vMin: -60, vMax: -60 + 1, n: 2});
    expect(n.vNullcline[0]).toBeCloseTo(0.04 * 3600 - 4.1 * 60 + 108 + 1, 10);
  });

  it("gives the accommodation variant's u-nullcline as the vertical line v = −65", () => {
    const n = nullclines(params(0.02, 1), 0, {equation: {u: "accommodation"}});
    expect(n.uNullcline).toBeNull();
    expect(n.uNullclineV).toBe(-65);
  });

  it("reports no u-nullcline when a = 0 (u is frozen)", () => {
    const n = nullclines(params(0, 0.2), 0);
    expect(n.uNullcline).toBeNull();
    expect(n.uNullclineV).toBeNull();
  });

  it("rejects bad inputs with the field, the value and what is allowed", () => {
    const p = params(0.02, 0.2);
    expect(() => nullclines(p, NaN)).toThrow(/I must be a finite number, got NaN/);
    expect(() => nullclines(p, 0, {n: 1})).toThrow(/options\.n must be an integer between 2 .*got 1/);
    expect(() => nullclines(p, 0, {n: 2.5})).toThrow(/options\.n.*got 2\.5/);
    expect(() => nullclines(p, 0, {vMin: 0, vMax: -10})).toThrow(
      /options\.vMax must be a finite number > vMin \(0\), got -10/
    );
    expect(() => nullclines(p, 0, {vMin: -Infinity})).toThrow(/options\.vMin.*got -Infinity/);
    expect(() => nullclines(p, 0, {equation: {e: 0}})).toThrow(/equation\.e must be a finite number > 0, got 0/);
    expect(() => nullclines(p, 0, {equation: {u: "other" as never}})).toThrow(
      /equation\.u must be one of standard, accommodation, got "other"/
    );
    expect(() => nullclines({...p, a: Infinity}, 0)).toThrow(/params\.a.*Infinity/);
    expect(() => nullclines(null as never, 0)).toThrow(/params must be an object/);
  });
});
