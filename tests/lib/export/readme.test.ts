/** The README's "Take it further" example is what exportCode writes, and its stated spike times are the library's. */
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {exportCode, simulate, step, type SimulateOptions} from "../../../lib/index.js";

const README = readFileSync(resolve(import.meta.dirname, "../../../README.md"), "utf8");
const SECTION = README.slice(README.indexOf("## Take it further"), README.indexOf("## Architecture"));
const OPTIONS: SimulateOptions = {
  params: {a: 0.02, b: 0.2, c: -65, d: 8},
  current: step(10, 20),
  duration: 200,
  method: "euler"
};

describe('README "Take it further"', () => {
  it("shows the Brian2 script exportCode writes for its options", () => {
    expect(SECTION).toContain(
      'const options = {params: {a: 0.02, b: 0.2, c: -65, d: 8}, current: step(10, 20), duration: 200, method: "euler"};'
    );
    const block = /```python\n([\s\S]*?)```/.exec(SECTION);
    expect(block).not.toBeNull();
    expect(block![1]).toBe(exportCode(OPTIONS, "brian2"));
  });

  it("states Brian2's spike times as the library's minus dt", () => {
    const printed = /`\{"spike_times_ms": (\[[^\]]*\])\}`/.exec(SECTION);
    expect(printed).not.toBeNull();
    const trace = simulate(OPTIONS);
    expect(JSON.parse(printed![1])).toEqual(Array.from(trace.spikes, (t) => t - trace.dt));
  });
});
