import {describe, expect, it} from "vitest";
import {
  checkParams,
  dudt,
  makeModel,
  resolveEquation,
  STANDARD_EQUATION,
  uCoefficients
} from "../../../lib/models/izhikevich2003.js";

describe("the 2003 model as data", () => {
  it("uCoefficients gives u' = ub·v − ua·u + uc for both u-equations, equal to dudt", () => {
    for (const u of ["standard", "accommodation"] as const) {
      const m = makeModel({a: 0.02, b: 0.25, c: -65, d: 2}, {...STANDARD_EQUATION, u});
      const {ub, ua, uc} = uCoefficients(m.a, m.b, m.accommodation);
      for (const [v, w] of [
        [-70, -14],
        [-50, 3],
        [20, 10]
      ]) {
        expect(ub * v - ua * w + uc).toBeCloseTo(dudt(m, v, w), 12);
      }
    }
    expect(uCoefficients(0.02, 0.2, false)).toEqual({ub: 0.02 * 0.2, ua: 0.02, uc: 0});
    expect(uCoefficients(0.02, 1, true)).toEqual({ub: 0.02, ua: 0, uc: 65 * 0.02});
  });

  it("checkParams keeps a, b, c, d and names a bad field", () => {
    expect(checkParams({a: 1, b: 2, c: 3, d: 4})).toEqual({a: 1, b: 2, c: 3, d: 4});
    expect(() => checkParams({a: 1, b: 2, c: 3})).toThrow(/params\.d/);
    expect(() => checkParams({a: 1, b: 2, c: 3, d: 4, e: 5})).toThrow(/unknown key "e"/);
  });

  it("resolveEquation fills in the standard coefficients and checks the u-equation", () => {
    expect(resolveEquation(undefined)).toEqual(STANDARD_EQUATION);
    expect(resolveEquation({f: 4.1, g: 108})).toEqual({e: 0.04, f: 4.1, g: 108, u: "standard"});
    expect(() => resolveEquation({u: "other" as never})).toThrow(
      /equation\.u: unknown value "other"; allowed: standard, accommodation/
    );
  });
});
