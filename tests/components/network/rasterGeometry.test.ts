import {describe, expect, it} from "vitest";
import {neuronToY, timeToX, windowStart, yToNeuron} from "../../../src/components/network/rasterCanvas.js";

const g = {width: 800, height: 400, n: 1000};

describe("the raster's geometry", () => {
  it("wraps time into 1-s windows (net.m's labels run from 1 to 1000 in the first)", () => {
    expect(windowStart(1)).toBe(0);
    expect(windowStart(1000)).toBe(0);
    expect(windowStart(1001)).toBe(1000);
    expect(timeToX(1001, g)).toBe(timeToX(1, g));
    expect(timeToX(500, g)).toBeLessThan(timeToX(501, g));
  });

  it("maps each neuron's row back to the neuron, neuron 0 at the bottom", () => {
    expect(neuronToY(0, g)).toBeGreaterThan(neuronToY(999, g));
    for (const i of [0, 1, 499, 800, 999]) expect(yToNeuron(neuronToY(i, g), g)).toBe(i);
    expect(yToNeuron(-5, g)).toBe(-1);
    expect(yToNeuron(399, g)).toBe(-1);
  });

  it("finds the row of any of 10,000 neurons at 400 px", () => {
    const big = {...g, n: 10_000};
    for (const i of [0, 1234, 9999]) expect(Math.abs(yToNeuron(neuronToY(i, big), big) - i)).toBeLessThanOrEqual(1);
  });
});
