/**
 * Builds a C reference of a benchmark: bench/<name>.c into .bench/<name>, again only when the source is newer.
 * -ffp-contract=off keeps gcc from fusing multiply-adds, so C does the same roundings as JavaScript.
 * Returns the binary's path; throws when gcc is missing or fails (the caller says the reference is unavailable).
 */
import {execFileSync} from "node:child_process";
import {mkdirSync, statSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export function compileC(name: string): string {
  const source = join(root, "bench", `${name}.c`);
  const binary = join(root, ".bench", name);
  mkdirSync(join(root, ".bench"), {recursive: true});
  let stale = true;
  try {
    stale = statSync(binary).mtimeMs < statSync(source).mtimeMs;
  } catch {
    // not built yet
  }
  if (stale)
    execFileSync("gcc", ["-O3", "-march=native", "-ffp-contract=off", "-o", binary, source, "-lm"], {
      stdio: "inherit"
    });
  return binary;
}
