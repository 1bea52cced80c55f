import {describe, expect, test} from "vitest";
import {cellBody, moduleKind, rewriteImport} from "../../../src/components/scratchpad/cellSource.js";

/** Runs a prepared body as the sandbox does (sandboxRuntime.ts), with a tiny library and Plot. */
async function run(code: string): Promise<unknown> {
  const lib = {simulate: (o: {duration: number}) => ({duration: o.duration}), CLASSES: {RS: {duration: 150}}};
  const Plot = {plot: () => "chart"};
  const importer = (kind: "lib" | "plot", names: string[]) => {
    const module: Record<string, unknown> = kind === "lib" ? lib : Plot;
    const missing = names.filter((n) => !(n in module));
    if (missing.length) throw new SyntaxError(`${missing.join(", ")}: not exported`);
    return module;
  };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  const f = new AsyncFunction(
    "__lib",
    "__import",
    "Plot",
    "display",
    "width",
    `const {simulate, CLASSES} = __lib;\n{\n${cellBody(code)}\n}`
  );
  return f(lib, importer, Plot, () => {}, 640);
}

describe("cellBody(code)", () => {
  test("returns the value of a last expression statement", async () => {
    expect(await run("const x = 20;\nx + 22")).toBe(42);
    expect(await run("const x = 20;\nx + 22; // a comment after it\n/* and another */")).toBe(42);
    expect(await run("simulate(CLASSES.RS)")).toEqual({duration: 150});
  });

  test("leaves a cell that ends in a declaration or a block without a value", async () => {
    expect(await run("const x = 1;")).toBeUndefined();
    expect(await run("for (let i = 0; i < 3; i++) {}")).toBeUndefined();
    expect(await run("")).toBeUndefined();
  });

  test("keeps an explicit return", async () => {
    expect(await run("return 7;")).toBe(7);
  });

  test("rewrites imports of the library and of Plot, as exported code writes them", async () => {
    const code = [
      `import {simulate, CLASSES as C} from "izhikevich-explorer";`,
      `import * as Plot from "@observablehq/plot";`,
      `const trace = simulate(C.RS);`,
      `[trace.duration, Plot.plot()]`
    ].join("\n");
    expect(await run(code)).toEqual([150, "chart"]);
    expect(await run(`import {simulate} from "./lib/index.js";\nsimulate({duration: 3}).duration`)).toBe(3);
  });

  test("reports an import of a module the sandbox does not have, or of a name the library lacks", async () => {
    await expect(run(`import * as d3 from "d3";\n1`)).rejects.toThrow(/cannot import "d3"/);
    await expect(run(`import {nothing} from "izhikevich-explorer";\n1`)).rejects.toThrow(/nothing: not exported/);
  });

  test("passes a cell that does not parse on unchanged, so the engine reports its SyntaxError", async () => {
    expect(cellBody("1 +")).toBe("1 +");
    await expect(run("1 +")).rejects.toThrow(SyntaxError);
  });

  test("does not rewrite text that only looks like code inside strings and comments", () => {
    expect(cellBody(`// import * as d3 from "d3"\nconst s = "import x from 'y'";`)).toBe(
      `// import * as d3 from "d3"\nconst s = "import x from 'y'";`
    );
  });
});

describe("rewriteImport(text)", () => {
  test("handles default, namespace and named forms", () => {
    expect(rewriteImport(`import Plot from "@observablehq/plot";`)).toEqual({
      code: `const Plot = __import("plot", []);`
    });
    expect(rewriteImport(`import {a, b as c} from "izhikevich"`)).toEqual({
      code: `const {a, b: c} = __import("lib", ["a","b"]);`
    });
    expect(rewriteImport(`import "@observablehq/plot";`)).toEqual({code: ""});
    expect(rewriteImport(`import x from "fs"`)).toHaveProperty("error");
  });

  test("moduleKind(specifier) knows the library's names and Plot", () => {
    expect(moduleKind("@observablehq/plot")).toBe("plot");
    expect(moduleKind("izhikevich-explorer")).toBe("lib");
    expect(moduleKind("../lib/index.ts")).toBe("lib");
    expect(moduleKind("d3")).toBeNull();
    expect(moduleKind("https://evil.example/x.js")).toBeNull();
  });
});
