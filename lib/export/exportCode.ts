/**
 * `exportCode`: a run's options as a complete program for another tool. The options are checked by running them
 * with the library (so a bad field throws the library's own error), then written out by the target's exporter.
 *
 * The option shapes are told apart by their fields: `params` is `simulate`'s (the 2003 model), `cell` is
 * `simulate2007`'s (the 2007 model); an object with neither but with `ne` or `ni` is `simulateNetwork`'s (the 2003
 * network, Brian2 only: see {@link exportNetwork}); an object with both params and cell, or with none of these, is
 * an error.
 */
import type {SimulateNetworkOptions} from "../network/simulateNetwork.js";
import type {SimulateOptions} from "../simulate.js";
import type {Simulate2007Options} from "../simulate2007.js";
import {checkKeyword} from "../validate.js";
import {brian2Izhikevich2003} from "./brian2Izhikevich2003.js";
import {brian2Izhikevich2007} from "./brian2Izhikevich2007.js";
import {exportNetwork} from "./brian2Network.js";
import {javascriptProgram, type JavascriptOptions} from "./javascript.js";
import {nestIzhikevich} from "./nest.js";
import {modelOf, resolve2003, resolve2007} from "./resolve.js";

/** The tools `exportCode` writes for. */
export type ExportTarget = "javascript" | "brian2" | "nest";

/** The targets of {@link exportCode}, with what each program is. */
export const EXPORT_TARGETS: Readonly<Record<ExportTarget, string>> = Object.freeze({
  javascript: "a Node program: the simulate call, an Observable Plot chart and the trace as CSV",
  brian2: "a Python script for Brian2 (numpy code generation): NeuronGroup, SpikeMonitor, StateMonitor, run",
  nest: "a PyNEST script with NEST's izhikevich model (2003 model only)"
});

/** Options of {@link exportCode} beyond the run. */
export type ExportCodeOptions = JavascriptOptions;

/**
 * A complete, runnable program for the same neuron, stimulus, duration, dt and method (where the target has it).
 *
 * @param options - `simulate`'s options (with `params`), `simulate2007`'s (with `cell`) or `simulateNetwork`'s (with
 *   `ne` or `ni`, and neither params nor cell)
 * @param target - "javascript", "brian2" or "nest" (NEST has no model for the 2007 cells: throws; a network has
 *   only "brian2")
 * @param settings - for "javascript": where the program imports the library from (see {@link JavascriptOptions})
 *
 * @example
 * const script = exportCode({...CLASSES.RS, method: "euler"}, "brian2");
 */
export function exportCode(
  options: SimulateOptions | Simulate2007Options | SimulateNetworkOptions,
  target: ExportTarget,
  settings: ExportCodeOptions = {}
): string {
  checkKeyword(target, "target", Object.keys(EXPORT_TARGETS) as ExportTarget[]);
  if (isNetworkOptions(options)) {
    if (target !== "brian2") {
      throw new RangeError(`target: the network (options with ne or ni) exports to brian2 only, got "${target}"`);
    }
    return exportNetwork(options, "brian2");
  }
  if (modelOf(options) === "2003") {
    const run = resolve2003(options as SimulateOptions);
    if (target === "brian2") return brian2Izhikevich2003(run);
    if (target === "nest") return nestIzhikevich(run);
    return javascriptProgram(run, settings);
  }
  const run = resolve2007(options as Simulate2007Options);
  if (target === "brian2") return brian2Izhikevich2007(run);
  if (target === "nest") {
    throw new RangeError(
      "target: NEST has no model of the 2007 cells (its izhikevich model is the 2003 one); allowed for a 2007 cell: javascript, brian2"
    );
  }
  return javascriptProgram(run, settings);
}

/** The rule of {@link exportCode}: an object with `ne` or `ni` and neither `params` nor `cell` is a network's. */
function isNetworkOptions(options: unknown): options is SimulateNetworkOptions {
  return (
    typeof options === "object" &&
    options !== null &&
    !("params" in options) &&
    !("cell" in options) &&
    ("ne" in options || "ni" in options)
  );
}
