/**
 * A run as a JavaScript program (an ES module) that calls the library, draws v against t with Observable Plot and
 * writes the chart and the data.
 *
 * How it runs in Node: the library is TypeScript, so the program is run with tsx from a folder where the library
 * and the packages resolve, e.g. saved as `trace.mjs` at the project's root: `npx tsx trace.mjs`. It imports the
 * library from `./lib/index.js` (change it with {@link JavascriptOptions.library}) and Plot and jsdom by their
 * package names. Node has no DOM, so Plot draws into a jsdom document (Plot's `document` option); in a browser the
 * page's own document is used and the chart is appended to the page. In Node it writes trace.svg, trace.csv and
 * spikes.csv to the working folder and prints the spike count.
 */
import {toJSON} from "./json.js";
import type {Run2003, Run2007} from "./resolve.js";

/** Options of the JavaScript program. */
export interface JavascriptOptions {
  /** The module specifier the program imports the library from; default "./lib/index.js". */
  library?: string;
}

/** The JavaScript program of a checked run. */
export function javascriptProgram(
  run: Run2003 | Run2007,
  {library = "./lib/index.js"}: JavascriptOptions = {}
): string {
  if (typeof library !== "string" || library === "")
    throw new TypeError(`library: must be a module specifier (a non-empty string), got ${typeof library}`);
  const simulateName = run.model === "2003" ? "simulate" : "simulate2007";
  const currentUnit = run.model === "2003" ? "mV/ms" : "pA";
  return `// Izhikevich (${run.model}) neuron, exported by the Izhikevich explorer: the run, a chart of v (mV) against t (ms)
// and the data. Units: t in ms, v in mV, u and I in ${currentUnit}.
// Node: save at the project's root and run \`npx tsx this-file.mjs\` (writes trace.svg, trace.csv, spikes.csv).
import * as Plot from "@observablehq/plot";
import {${simulateName}, spikesToCSV, toCSV} from ${JSON.stringify(library)};

const options = ${toJSON(run.options)};

const trace = ${simulateName}(options);

// Node has no DOM: Plot draws into jsdom's document there; a browser uses its own.
const document = globalThis.document ?? new (await import("jsdom")).JSDOM("").window.document;
const chart = Plot.plot({
  document,
  width: 800,
  height: 300,
  x: {label: "t (ms)"},
  y: {label: "v (mV)"},
  marks: [Plot.lineY(trace.v, {x: trace.t, stroke: "steelblue"})]
});

if (globalThis.process?.versions?.node) {
  const {writeFileSync} = await import("node:fs");
  writeFileSync("trace.svg", chart.outerHTML);
  writeFileSync("trace.csv", toCSV(trace));
  writeFileSync("spikes.csv", spikesToCSV(trace));
  console.log(\`\${trace.spikes.length} spikes in \${options.duration} ms\`);
} else {
  document.body.append(chart);
}
`;
}
