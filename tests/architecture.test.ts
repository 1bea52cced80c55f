// The layout's rules, checked on the source text: the library never imports the site, and neither has import
// cycles (type-only imports included, since they still tie two modules together for a reader).
import {readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "lib" && dir.endsWith("src")) return []; // the src/lib symlink to the library
    if (name.startsWith(".")) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Every specifier a module (or a page's code) imports from. */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|[\n;])\s*(?:import|export)\b[^"';]*?from\s*["']([^"']+)["']/g)].map((m) => m[1]);
}

/** The repository-relative files a module imports (relative specifiers only), `.js` mapped to `.ts`. */
function importsOf(file: string): string[] {
  return specifiersOf(file)
    .filter((s) => s.startsWith("."))
    .map((s) => relative(root, resolve(dirname(file), s)).replace(/\.js$/, ".ts"))
    .map((p) => p.replace(/^src\/lib\//, "lib/"));
}

function graphOf(dirs: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const dir of dirs) for (const f of sources(join(root, dir))) graph.set(relative(root, f), importsOf(f));
  return graph;
}

/** One cycle per strongly connected group, as a list of files (Tarjan's algorithm). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return found;
}

describe("the layout", () => {
  const lib = graphOf(["lib"]);
  const site = graphOf(["src"]);

  it("the library imports nothing outside lib/", () => {
    const outside = [...lib].flatMap(([f, deps]) =>
      deps.filter((d) => !d.startsWith("lib/")).map((d) => `${f} → ${d}`)
    );
    expect(outside).toEqual([]);
  });

  it("every relative import resolves to a file", () => {
    const missing = [...lib, ...site].flatMap(([f, deps]) => deps.filter((d) => !exists(d)).map((d) => `${f} → ${d}`));
    expect(missing).toEqual([]);
  });

  it("lib/ has no import cycles", () => {
    expect(cycles(lib)).toEqual([]);
  });

  it("src/ has no import cycles", () => {
    expect(cycles(site)).toEqual([]);
  });

  // The index re-exports every module, so a page that imports a value from it loads the whole library (a request
  // and a compile per module) before its first cell runs. Types may come from the index: they are erased.
  it("the site's pages and modules import values from the library's modules, not from its index", () => {
    const pages = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (name === "lib" || name === "data" || name.startsWith(".")) return [];
        return statSync(path).isDirectory() ? pages(path) : /\.(ts|md)$/.test(name) ? [path] : [];
      });
    const valueImport = /(?:^|[\n;])\s*import\s+(?!type\b)[^;]*?from\s*["']([^"']*lib\/index\.js)["']/g;
    const offenders = pages(join(root, "src")).filter((f) => valueImport.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  // Plot (200 KB) and d3's bundle (which loads all 30 of d3's modules) cost a page a request and a compile per
  // module before its first cell runs. The explorer's charts are retained: they take only d3's scale, selection,
  // brush, format and shape modules, and Plot's charts live in modules of their own (voltagePlot.ts, …).
  it("the explorer loads neither Plot nor the whole of d3", () => {
    const modules = reachableFrom(join(root, "src/index.md"));
    expect(modules.length).toBeGreaterThan(50);
    // (The library imports no package; its code export writes Plot imports as text.)
    const heavy = modules.filter(
      (f) => f.startsWith("src/") && specifiersOf(join(root, f)).some((s) => s === "d3" || s === "@observablehq/plot")
    );
    expect(heavy).toEqual([]);
  });
});

/** The repository-relative modules a page or module loads, itself included (relative imports, transitively). */
function reachableFrom(file: string): string[] {
  const seen = new Set([relative(root, file)]);
  const queue = [...seen];
  while (queue.length) {
    for (const next of importsOf(join(root, queue.pop()!))) {
      if (seen.has(next) || !exists(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return [...seen];
}

function exists(path: string): boolean {
  try {
    return statSync(join(root, path)).isFile();
  } catch {
    return false;
  }
}
