// Browser tests: real headless Chromium (Debian's /usr/bin/chromium; never `npx playwright install`)
// against the built site in dist/, served by scripts/serve.mjs (it maps Framework's clean URLs).
// `npm test` builds the site first; to run these alone: `npm run build && npm run test:e2e`.
import {existsSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {defineConfig, devices} from "@playwright/test";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "./scripts/chromium.mjs";

const root = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.E2E_PORT ?? 4321);
const chromium = CHROMIUM_PATH;

if (!existsSync(join(root, "dist", "index.html"))) {
  throw new Error("dist/index.html is missing: build the site first (`npm run build`; `npm test` does it).");
}
if (!existsSync(chromium)) {
  throw new Error(
    `${chromium} is missing: install Debian's Chromium (\`apt-get install -y chromium\`; \`npm test\` does it). ` +
      "Do not run `npx playwright install`."
  );
}

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromium,
    args: CHROMIUM_ARGS
  }
};
const TIMED = ["**/freeze.e2e.ts", "**/network.e2e.ts"];

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.e2e.ts",
  outputDir: "test-results/playwright",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: {timeout: 10_000},
  reporter: [["list"], ["json", {outputFile: "test-results/playwright.json"}]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    serviceWorkers: "block"
  },
  // The tests that measure the main thread's longest task (freeze, network) run last and one at a time, so that
  // no other test's browser shares the two cores with the page they measure. To run one of them alone, add
  // --no-deps (else the whole "chromium" project runs first).
  projects: [
    {
      name: "chromium",
      testIgnore: TIMED,
      // One retry on CI, as for the timed tests, so that one rare slow or racy run does not fail a whole CI run
      // (the failure that prompted it, in chapter 8, was the test reading a value before the page's last redraw,
      // since fixed in the test); a test that passes on its retry is still counted and named in the summary.
      retries: process.env.CI ? 1 : 0,
      use: browser
    },
    {
      name: "timed",
      testMatch: TIMED,
      dependencies: ["chromium"],
      workers: 1,
      // One retry: their limits are on wall-clock time, and on this 2-core machine a page's longest task (60-110 ms
      // on a quiet machine) now and then doubles while the browser, the server and the page's workers share the
      // cores. A freeze fails both runs; a test that passes on its retry is counted and named in the summary.
      retries: 1,
      // No trace: recording one slows the page it measures (a 250-ms longest task read 0.8-1.8 s with it).
      use: {...browser, trace: "off"}
    }
  ],
  webServer: {
    command: `node scripts/serve.mjs --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    cwd: root,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "ignore",
    stderr: "pipe"
  }
});
