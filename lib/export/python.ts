/** Writing numbers and arrays as Python source, so that Python reads back the very doubles the library used. */

/**
 * A finite number as a Python float literal. JavaScript's shortest round-trip form ("0.1", "1e-7", "-65") is
 * also valid Python and parses to the same double.
 */
export function py(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`py: cannot write ${x} as a Python number`);
  return Object.is(x, -0) ? "-0.0" : String(x);
}

/** A numeric array as a Python list literal, wrapped at about `width` characters per line. */
export function pyList(values: ArrayLike<number>, indent = "    ", width = 100): string {
  const lines: string[] = [];
  let line = "";
  for (let i = 0; i < values.length; i++) {
    const item = py(values[i]) + ",";
    if (line.length + item.length + 1 > width && line) {
      lines.push(indent + line.trimEnd());
      line = "";
    }
    line += item + " ";
  }
  if (line) lines.push(indent + line.trimEnd());
  return `[\n${lines.join("\n")}\n]`;
}

/** A Python comment block: each line prefixed with "# ". */
export function pyComment(text: string): string {
  return text
    .split("\n")
    .map((line) => (line ? `# ${line}` : "#"))
    .join("\n");
}

/**
 * The start of every exported Brian2 script: the comment block (ending with how to run it), the imports, numpy
 * code generation (no compiler needed) and the clock's step, `dt` as Python source (e.g. "0.03125*ms").
 */
export function brian2Preamble(comment: string, dt: string, {numpy = false}: {numpy?: boolean} = {}): string {
  return `${pyComment(`${comment}\nRun: python3 this_file.py (Brian2 2.5 or later; numpy code generation, no compiler needed).`)}
import json

${numpy ? "import numpy as np\n" : ""}from brian2 import *

prefs.codegen.target = "numpy"
defaultclock.dt = ${dt}`;
}
