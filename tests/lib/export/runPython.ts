/**
 * Runs an exported Python script and reads the spike times it prints (its last line: JSON with spike_times_ms).
 * Brian2 is Debian's python3-brian, installed for Debian's own interpreter (/usr/bin/python3).
 */
import {execFile} from "node:child_process";
import {existsSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {promisify} from "node:util";

const run = promisify(execFile);

/** Debian's interpreter when present (a pyenv shim first on PATH has no brian2), else python3. */
export const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

/** Throws, saying how to install it, when Brian2 cannot be imported: the tests must fail, not skip. */
export async function requireBrian2(): Promise<void> {
  try {
    await run(PYTHON, ["-c", "import brian2"], {timeout: 120_000});
  } catch (error) {
    throw new Error(
      `Brian2 is missing (${PYTHON} -c "import brian2" failed): install it with \`apt-get install -y python3-brian\` ` +
        `(scripts/check.sh does this when it can). ${(error as Error).message}`
    );
  }
}

/** Runs `script` with Python and returns the spike times (ms) it printed. */
export async function spikeTimesOf(script: string): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), "izhikevich-export-"));
  try {
    const file = join(dir, "exported.py");
    writeFileSync(file, script);
    const {stdout} = await run(PYTHON, [file], {cwd: dir, timeout: 300_000, maxBuffer: 64 * 1024 * 1024});
    const last = stdout.trim().split("\n").pop() ?? "";
    return (JSON.parse(last) as {spike_times_ms: number[]}).spike_times_ms;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
