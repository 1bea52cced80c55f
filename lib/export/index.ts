/** Code and data export: a run as a program for JavaScript, Brian2 or NEST, and its data as CSV and JSON. */
export {exportCode, EXPORT_TARGETS, type ExportCodeOptions, type ExportTarget} from "./exportCode.js";
export {rowsToCSV, toCSV, spikesToCSV, type TraceData} from "./csv.js";
export {toJSON} from "./json.js";
export {NEST_VERSION} from "./nest.js";
export {BRIAN2_NETWORK_MAX_NUMBERS, exportNetwork, type NetworkExportTarget} from "./brian2Network.js";
