// Build-time bundle for the scratchpad's sandbox (src/scratchpad.md): the whole library (everything lib/index.ts
// exports), Observable Plot and the sandbox's runtime, as ONE self-contained script that defines the global
// `scratchpadSandbox`. The sandboxed iframe has an opaque origin, so it cannot import the site's modules (CORS);
// the page fetches this file from its own origin and posts the text into the iframe, which evaluates it: no
// request at all from the iframe. Runs in Node at build time.
//
// Framework reruns a loader only when the loader file is newer than its cached output: after changing lib/,
// delete src/.observablehq/cache/data/scratchpad-lib.js (a fresh checkout always builds it).
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {build} from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const result = await build({
  stdin: {
    contents: [
      `export * as lib from "./lib/index.ts";`,
      `export * as Plot from "@observablehq/plot";`,
      `export {runCell} from "./src/components/scratchpad/sandboxRuntime.ts";`
    ].join("\n"),
    resolveDir: root,
    sourcefile: "scratchpad-sandbox.ts",
    loader: "ts"
  },
  bundle: true,
  format: "iife",
  globalName: "scratchpadSandbox",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "none",
  write: false,
  logLevel: "silent"
});

process.stdout.write(result.outputFiles[0]!.text);
