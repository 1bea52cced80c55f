#!/usr/bin/env bash
# Every check of the project, as `npm test` and CI (.ci/run) run it:
#   0. setup: `npm ci` when node_modules is missing or older than package-lock.json, and Debian's Chromium
#      (apt-get) when /usr/bin/chromium is missing, and python3-brian when brian2 does not import;
#   1. type check (tsc --noEmit)        counts as 1 check
#      lint (npm run lint: Prettier's check and ESLint)   counts as 1 check
#   2. unit tests (vitest)              each test counts
#   3. build (observable build)         counts as 1 check
#   4. browser tests (playwright)       each test counts
# Every stage runs even if an earlier one failed. The last line printed is `N passed, N failed`.
# Exit status: 1 if anything failed or no test ran at all, else 0.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
root=$PWD
reports=$root/test-results
mkdir -p "$reports"
rm -f "$reports/vitest.json" "$reports/playwright.json" "$reports/summary.txt"
export OBSERVABLE_TELEMETRY_DISABLE=1
export NO_UPDATE_NOTIFIER=1 npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

passed=0
failed=0
skipped=0
summary=()

banner() { printf '\n=== %s ===\n' "$*"; }
now() { date +%s; }
# record NAME PASSED FAILED SECONDS [NOTE]
record() {
  passed=$((passed + $2))
  failed=$((failed + $3))
  summary+=("$(printf '%-14s %4d ok  %4d failing  (%ss)%s' "$1" "$2" "$3" "$4" "${5:+  $5}")")
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    return 127
  fi
}

# --- 0. setup -----------------------------------------------------------------------------------------
banner "setup"
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] ||
  [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "node_modules is missing or older than package-lock.json: npm ci"
  if ! npm ci --no-audit --no-fund; then
    echo "npm ci failed: cannot run the checks (is the npm registry reachable?)" >&2
    record "npm ci" 0 1 0
    printf '%s\n' "${summary[@]}"
    echo "$passed passed, $failed failed" | tee "$reports/summary.txt"
    exit 1
  fi
else
  echo "node_modules is up to date"
fi
export PATH="$root/node_modules/.bin:$PATH"

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "$chromium is missing: installing Debian's chromium with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
  if [ -x "$chromium" ]; then
    echo "installed $("$chromium" --version 2>/dev/null || echo "$chromium")"
  else
    echo "Could not install Chromium at $chromium: run \`apt-get install -y chromium\` as root (or with" \
      "sudo). The browser tests fail without it." >&2
  fi
else
  echo "browser: $("$chromium" --version 2>/dev/null || echo "$chromium")"
fi

# Brian2 (Debian's python3-brian, for Debian's own interpreter): the unit tests run the exported Brian2 scripts.
python=/usr/bin/python3
[ -x "$python" ] || python=python3
if ! "$python" -c "import brian2" >/dev/null 2>&1; then
  echo "Brian2 is missing for $python: installing Debian's python3-brian with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-brian
  if "$python" -c "import brian2" >/dev/null 2>&1; then
    echo "installed Brian2 $("$python" -c "import brian2; print(brian2.__version__)" 2>/dev/null)"
  else
    echo "Could not install Brian2: run \`apt-get install -y python3-brian\` as root (or with sudo). The tests" \
      "that run the exported Brian2 scripts fail without it." >&2
  fi
else
  echo "Brian2: $("$python" -c "import brian2; print(brian2.__version__)" 2>/dev/null) ($python)"
fi

# --- 1. type check ------------------------------------------------------------------------------------
banner "type check (tsc --noEmit)"
t0=$(now)
if tsc --noEmit -p tsconfig.json; then
  echo "type check passed"
  record "type check" 1 0 $(($(now) - t0))
else
  echo "type check FAILED"
  record "type check" 0 1 $(($(now) - t0))
fi

banner "lint (prettier --check, eslint)"
t0=$(now)
if npm run --silent lint; then
  echo "lint passed"
  record "lint" 1 0 $(($(now) - t0))
else
  echo "lint FAILED: \`npm run format\` fixes the formatting; ESLint's messages are above"
  record "lint" 0 1 $(($(now) - t0))
fi

# Reads a runner's JSON report and prints "PASSED FAILED SKIPPED"; prints nothing if it can't.
count() {
  node -e '
    const fs = require("node:fs");
    const [kind, file] = process.argv.slice(1);
    let r;
    try { r = JSON.parse(fs.readFileSync(file, "utf8")); } catch { process.exit(0); }
    if (kind === "vitest") {
      // A test file that fails outside its tests (it does not load, a hook throws) counts as one failure.
      const broken = (r.testResults ?? []).filter(
        (f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed")
      );
      for (const f of broken) console.error(`failed outside its tests: ${f.name}: ${(f.message ?? "").split("\n")[0]}`);
      console.log(r.numPassedTests ?? 0, (r.numFailedTests ?? 0) + broken.length, (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0));
    } else {
      const s = r.stats ?? {};
      // A test that failed and then passed on its retry (CI retries each browser test once) passes, and is reported.
      console.log((s.expected ?? 0) + (s.flaky ?? 0), s.unexpected ?? 0, s.skipped ?? 0, s.flaky ?? 0);
    }' "$1" "$2"
}

# record_runner NAME STATUS JSON-KIND JSON-FILE SECONDS
record_runner() {
  local name=$1 status=$2 kind=$3 file=$4 seconds=$5 p=0 f=0 s=0 r=0 note=""
  read -r p f s r < <(count "$kind" "$file") || true
  p=${p:-0} f=${f:-0} s=${s:-0} r=${r:-0}
  if [ ! -s "$file" ]; then
    note="no report ($file); exit code $status"
    f=$((f + 1))
  elif [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    # The runner failed outside any test (a file that does not load, an unhandled error, no tests...).
    note="runner exited with code $status outside any test"
    f=1
  elif [ $((p + f)) -eq 0 ]; then
    note="no test ran"
    f=1
  fi
  [ "$s" -gt 0 ] && note="${note:+$note; }$s skipped"
  [ "$r" -gt 0 ] && note="${note:+$note; }$r passed on a retry"
  skipped=$((skipped + s))
  echo "$name: $p ok, $f failing${note:+ ($note)}"
  record "$name" "$p" "$f" "$seconds" "$note"
}

# --- 2. unit tests ------------------------------------------------------------------------------------
banner "unit tests (vitest)"
t0=$(now)
vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"
status=$?
record_runner "unit tests" "$status" vitest "$reports/vitest.json" $(($(now) - t0))

# --- 3. build -----------------------------------------------------------------------------------------
banner "build (npm run build)"
t0=$(now)
rm -rf dist
# Framework lists every file it writes: keep that in test-results/build.log and show the end (all on failure).
if npm run --silent build >"$reports/build.log" 2>&1; then
  grep -v '→' "$reports/build.log" | grep -v '^\s*$' | tail -n 30
  echo "build passed (full log: test-results/build.log)"
  record "build" 1 0 $(($(now) - t0))
else
  cat "$reports/build.log"
  echo "build FAILED"
  record "build" 0 1 $(($(now) - t0))
fi

# --- 4. browser tests ---------------------------------------------------------------------------------
banner "browser tests (playwright, $chromium)"
t0=$(now)
if [ ! -f dist/index.html ]; then
  echo "dist/index.html is missing (the build failed): browser tests not run"
  record "browser tests" 0 1 0 "not run: no build"
else
  playwright test
  status=$?
  record_runner "browser tests" "$status" playwright "$reports/playwright.json" $(($(now) - t0))
fi

# --- summary ------------------------------------------------------------------------------------------
banner "summary"
printf '%s\n' "${summary[@]}"
[ "$skipped" -gt 0 ] && echo "($skipped tests skipped)"
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "no test ran: something is wrong with the test setup" >&2
  failed=1
fi
echo "$passed passed, $failed failed" | tee "$reports/summary.txt"
[ "$failed" -eq 0 ]
