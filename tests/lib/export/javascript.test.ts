/**
 * The exported JavaScript program runs in Node (with tsx, since the library is TypeScript) and writes the trace
 * that `simulate` gives, exactly. The program is saved under node_modules/.cache so that its bare imports
 * (@observablehq/plot, jsdom) resolve from the project's node_modules.
 */
import {execFile} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {promisify} from "node:util";
import {describe, expect, it} from "vitest";
import {
  CELLS_2007,
  exportCode,
  noise,
  simulate,
  simulate2007,
  spikesToCSV,
  step,
  sum,
  toCSV,
  type SimulateOptions,
  type Simulate2007Options
} from "../../../lib/index.js";

const ROOT = resolve(import.meta.dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const run = promisify(execFile);

/** Runs the exported program in a fresh folder and returns the files it wrote. */
async function runProgram(options: SimulateOptions | Simulate2007Options) {
  const cache = join(ROOT, "node_modules/.cache");
  mkdirSync(cache, {recursive: true});
  const dir = mkdtempSync(join(cache, "izhikevich-export-"));
  try {
    const library = "./" + relative(dir, join(ROOT, "lib/index.js"));
    const file = join(dir, "trace.mjs");
    writeFileSync(file, exportCode(options, "javascript", {library}));
    const {stdout} = await run(TSX, [file], {cwd: dir, timeout: 120_000});
    const read = (name: string) => readFileSync(join(dir, name), "utf8");
    return {stdout, csv: read("trace.csv"), spikes: read("spikes.csv"), svg: read("trace.svg")};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

describe('exportCode(options, "javascript") run in Node', () => {
  it("writes exactly simulate's trace, its spikes and a Plot chart", async () => {
    const options: SimulateOptions = {
      params: {a: 0.02, b: 0.2, c: -65, d: 8},
      current: sum(step(8, 10), noise({mean: 0, sigma: 2, tau: 5, seed: 3, dt: 0.1})),
      duration: 200,
      method: "rk4"
    };
    const out = await runProgram(options);
    const trace = simulate(options);
    expect(out.csv).toBe(toCSV(trace));
    expect(out.spikes).toBe(spikesToCSV(trace));
    expect(trace.spikes.length).toBeGreaterThan(2);
    expect(out.stdout).toContain(`${trace.spikes.length} spikes in 200 ms`);
    expect(out.svg).toMatch(/^<svg[^>]*class="plot-[^"]*"/);
    expect(out.svg).toContain("v (mV)");
  }, 120_000);

  it("runs a 2007 cell with simulate2007", async () => {
    const options = {...CELLS_2007.FS2007, duration: 100};
    const out = await runProgram(options);
    expect(out.csv).toBe(toCSV(simulate2007(options)));
  }, 120_000);

  it("imports the library from ./lib/index.js unless told otherwise", () => {
    const code = exportCode({params: {a: 0.02, b: 0.2, c: -65, d: 8}, duration: 10}, "javascript");
    expect(code).toContain('import {simulate, spikesToCSV, toCSV} from "./lib/index.js";');
    expect(existsSync(join(ROOT, "lib/index.ts"))).toBe(true);
    expect(() =>
      exportCode({params: {a: 0.02, b: 0.2, c: -65, d: 8}, duration: 10}, "javascript", {library: ""})
    ).toThrow(/library: must be a module specifier/);
  });
});
