// Pieces shared by the browser benchmarks (bench-browser.mjs, bench-zoo.mjs).
import {spawnSync} from "node:child_process";
import {existsSync, readdirSync, statSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

/** The repository's root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The value of a command-line option `--name value` or `--name=value`, else `fallback`. */
export function option(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  return args[i].includes("=") ? args[i].slice(args[i].indexOf("=") + 1) : args[i + 1];
}

/** The q-quantile (0…1) of an ascending array, by the nearest-rank rule; NaN when empty. */
export function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** The newest modification time (ms) of the files below `dir` (stat follows the src/lib symlink). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.isFile()) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Builds the site when `page` (a file in dist/) is missing or older than lib/ or src/, so a benchmark never
 * times stale code. Exits the process when the build fails.
 */
export function buildIfStale(page, name) {
  const built = join(root, "dist", page);
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(newest(join(root, "lib")), newest(join(root, "src"))))
    return;
  console.log("dist/ is missing or older than lib/ or src/: building the site (npm run build)…");
  const build = spawnSync("npm", ["run", "build"], {cwd: root, stdio: "inherit"});
  if (build.status !== 0) {
    console.error(`${name}: the build failed`);
    process.exit(1);
  }
}

/**
 * Runs a browser benchmark's body, then prints the page errors seen (deduplicated), closes what `close`
 * closes and exits: 0, or 1 with the message if the body threw (it could not measure).
 */
export async function runBench(name, errors, body, close) {
  let exitCode = 0;
  try {
    await body();
    if (errors.length) console.log(`page errors during the run:\n  ${[...new Set(errors)].join("\n  ")}`);
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : error}`);
    if (errors.length) console.error(`page errors:\n  ${[...new Set(errors)].join("\n  ")}`);
    exitCode = 1;
  } finally {
    await close();
  }
  process.exit(exitCode);
}
