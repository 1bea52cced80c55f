import {existsSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {expect} from "vitest";

/**
 * Deterministic inputs for the chart snapshots: a small forward-Euler run of the 2003 model (RS parameters,
 * I = 10 for t ≥ 10 ms, dt = 0.25 ms, 100 ms), computed here so the snapshots do not depend on the library's
 * integrators. Like a library Trace, the sample of each spike holds the apex (30 mV) and the state continues
 * from the reset.
 */
export function syntheticTrace(
  duration = 100,
  dt = 0.25
): {
  t: Float64Array;
  v: Float64Array;
  u: Float64Array;
  I: Float64Array;
  spikes: Float64Array;
} {
  const a = 0.02,
    b = 0.2,
    c = -65,
    d = 8;
  const n = Math.round(duration / dt) + 1;
  const t = new Float64Array(n);
  const v = new Float64Array(n);
  const u = new Float64Array(n);
  const I = new Float64Array(n);
  const spikes: number[] = [];
  let vs = -65;
  let us = b * vs;
  for (let k = 0; k < n; ++k) {
    t[k] = k * dt;
    I[k] = t[k] >= 10 ? 10 : 0;
    if (k > 0) {
      const dv = 0.04 * vs * vs + 5 * vs + 140 - us + I[k - 1];
      const du = a * (b * vs - us);
      vs += dt * dv;
      us += dt * du;
      if (vs >= 30) {
        spikes.push(t[k]);
        v[k] = 30;
        u[k] = us;
        vs = c;
        us += d;
        continue;
      }
    }
    v[k] = vs;
    u[k] = us;
  }
  return {t, v, u, I, spikes: Float64Array.from(spikes)};
}

/** Serialises an element for a snapshot, rounding every decimal number to three places (as Plot's tests do). */
export function snapshot(element: Element): string {
  return (
    element.outerHTML
      .replace(/-?\d+\.\d+(e[+-]?\d+)?/gi, (x) => {
        const r = +(+x).toFixed(3);
        return String(r === 0 ? 0 : r);
      })
      .replace(/></g, ">\n<") + "\n"
  );
}

const output = join(dirname(fileURLToPath(import.meta.url)), "..", "output");

/**
 * Compares an element with tests/output/NAME (vitest's file snapshot; `vitest -u` rewrites it). On a
 * mismatch it also writes NAME-changed.EXT beside it for review, as Plot's snapshot tests do (git-ignored).
 */
export async function expectSnapshot(element: Element, name: string): Promise<void> {
  const actual = snapshot(element);
  const path = join(output, name);
  // NAME.ext → NAME-changed.ext, for any extension (never the snapshot itself).
  const changed = path.replace(/(\.[a-z]+)$/, "-changed$1");
  if (changed === path) throw new Error(`expectSnapshot: ${name} needs a file extension`);
  if (existsSync(path) && readFileSync(path, "utf8") !== actual) writeFileSync(changed, actual);
  else rmSync(changed, {force: true});
  await expect(actual).toMatchFileSnapshot(path);
}
