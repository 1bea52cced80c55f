import {describe, expect, it} from "vitest";
import {Dopri5} from "../../../lib/integrators/dopri5.js";
import {ACCEPTED, Dopri5Driver, grownStep, shrunkStep} from "../../../lib/integrators/dopri5Driver.js";
import {makeModel} from "../../../lib/models/izhikevich2003.js";
import {compileStimulus} from "../../../lib/stimuli/index.js";

// With a = 0 the recovery variable stays 0, and with e = g = 0 the model is the linear ODE v' = λ·v.
function linear(lambda: number, tolerance: number) {
  const model = makeModel({a: 0, b: 0, c: 0, d: 0}, {e: 0, f: lambda, g: 0, u: "standard"});
  const stepper = new Dopri5(model, compileStimulus(0), tolerance, true);
  return {stepper, model};
}

/** Integrates v' = λv from v(t0) = 1 to t1 (direction by the sign of t1 − t0) with the shared driver. */
function integrate(lambda: number, t0: number, t1: number, tolerance: number) {
  const {stepper} = linear(lambda, tolerance);
  const direction = t1 >= t0 ? 1 : -1;
  const driver = new Dopri5Driver({h0: 0.01, direction});
  driver.stop = t1;
  let t = t0;
  let v = 1;
  let k = lambda * v;
  while (t !== t1) {
    expect(driver.advance(stepper, t, v, 0, k, 0)).toBe(ACCEPTED);
    t = driver.clipped ? t1 : t + direction * driver.taken;
    v = stepper.v;
    k = stepper.k7v;
  }
  return {v, driver};
}

describe("the Dormand–Prince driver", () => {
  it("integrates y' = λy over [0, 1] to 1e-8 of the closed form e^λ at tolerance 1e-10", () => {
    for (const lambda of [-3, -1, 0.5, 2]) {
      const {v} = integrate(lambda, 0, 1, 1e-10);
      expect(Math.abs(v - Math.exp(lambda))).toBeLessThan(1e-8 * Math.max(1, Math.exp(lambda)));
    }
  });

  it("integrates backwards in time (direction −1): y' = −2y from 0 back to −1 gives e²", () => {
    const {v} = integrate(-2, 0, -1, 1e-10);
    expect(Math.abs(v - Math.exp(2))).toBeLessThan(1e-8 * Math.exp(2));
  });

  it("takes fewer, longer steps at a looser tolerance, and stops exactly at `stop`", () => {
    const tight = integrate(-1, 0, 1, 1e-12).driver.accepted;
    const loose = integrate(-1, 0, 1, 1e-6).driver.accepted;
    expect(loose).toBeLessThan(tight);
  });

  it("ends a step at a breakpoint that lies exactly at the end of the interval", () => {
    const driver = new Dopri5Driver({h0: 1, breakpoints: [1, 2]});
    driver.stopBefore(0, 1);
    expect([driver.stop, driver.atBreak, driver.segment]).toEqual([1, true, 0]);
    driver.stopBefore(1, 1.5);
    expect([driver.stop, driver.atBreak, driver.segment]).toEqual([1.5, false, 1]);
    driver.stopBefore(1.5, 3);
    expect([driver.stop, driver.atBreak]).toEqual([2, true]);
  });

  it("shrinks a rejected step at most tenfold and grows an accepted one at most fivefold", () => {
    expect(shrunkStep(1, Infinity)).toBe(0.1);
    expect(shrunkStep(1, 1e12)).toBe(0.1);
    expect(shrunkStep(1, 2)).toBeCloseTo(0.9 * 2 ** -0.2, 15);
    expect(grownStep(1, 1, false, 1e-9)).toBe(5);
    expect(grownStep(1, 1, false, 1)).toBeCloseTo(0.9, 15);
    // A step clipped to a stop does not shrink the step on offer.
    expect(grownStep(2, 0.01, true, 1)).toBe(2);
  });

  it("never accepts a diverged trial: its error norm is NaN, and the step is cut tenfold", () => {
    // v' = v² from v = 1e200: the first stages already overflow.
    const model = makeModel({a: 0, b: 0, c: 0, d: 0}, {e: 1, f: 0, g: 0, u: "standard"});
    const stepper = new Dopri5(model, compileStimulus(0), 1e-6, true);
    stepper.step(0, 1e200, 0, 1e300, 0, 1);
    expect(stepper.error).toBeNaN();
    expect(shrunkStep(1, stepper.error)).toBe(0.1);
    // A finite trial has its finite norm (not NaN).
    stepper.step(0, 1, 0, 1, 0, 1e-3);
    expect(Number.isFinite(stepper.error)).toBe(true);
    const driver = new Dopri5Driver({h0: 1});
    driver.stop = 1;
    expect(driver.advance(stepper, 0, 1e200, 0, 1e300, 0)).not.toBe(ACCEPTED);
  });
});
