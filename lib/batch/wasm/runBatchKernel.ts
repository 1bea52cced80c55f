/**
 * Runs `simulateBatch`'s loops in WebAssembly SIMD (batchKernel.wat): lays the neurons out in the
 * module's memory as records of two neurons, steps them block by block, empties the module's spike log into
 * the batch's whenever it fills, and copies the counts, stops and final states back.
 *
 * The module is compiled synchronously (simulateBatch is synchronous): it is about 1.3 kB, below the 4 kB
 * that Chromium allows on a page's main thread (a test keeps it there); workers and Node allow any size.
 */
import type {BatchMethod} from "../options.js";
import type {KernelState} from "../state.js";
import {BATCH_KERNEL_WASM} from "./batchKernel.js";

interface Exports {
  memory: WebAssembly.Memory;
  logLength: WebAssembly.Global;
  setup(
    n: number,
    maxSpikes: number,
    vPeak: number,
    counts: number,
    stopped: number,
    stopStep: number,
    frozen: number,
    shared: number,
    log: number,
    logCapacity: number
  ): void;
  euler(
    from: number,
    to: number,
    i: number,
    k: number,
    steps: number,
    dt: number,
    e: number,
    f: number,
    g: number,
    varying: number
  ): number;
  paper2004(
    from: number,
    to: number,
    i: number,
    k: number,
    steps: number,
    tau: number,
    e: number,
    f: number,
    g: number,
    accommodation: number,
    varying: number
  ): number;
}

/** Bytes per record: eight f64x2 fields (v, u, p1, p2, p3, I, c, d) for a pair of neurons. */
const RECORD = 128;
/** Pairs stepped together through all time steps: 256 records = 32 kB, which stays in the L1/L2 cache. */
const BLOCK_PAIRS = 256;
/** Spikes the module's log holds before the kernel returns to have it emptied (512 kB). */
const LOG_CAPACITY = 65536;

/**
 * Steps per call into the module. V8 first runs WebAssembly in its baseline compiler and swaps in optimised
 * code only at the next call (a running loop is not replaced), so short calls let a fresh worker reach the
 * optimised loop after a few milliseconds instead of running a whole block in baseline code.
 */
const CALL_STEPS = 1024;

let instance: Exports | null | undefined;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The module's instance, made on first use; null where the engine has no WebAssembly or no SIMD. */
function kernel(): Exports | null {
  if (instance !== undefined) return instance;
  try {
    const bytes = decodeBase64(BATCH_KERNEL_WASM);
    instance = WebAssembly.validate(bytes)
      ? (new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Exports)
      : null;
  } catch {
    instance = null;
  }
  return instance;
}

/** Whether this engine can run the WebAssembly kernels (WebAssembly with 128-bit SIMD). */
export function batchKernelAvailable(): boolean {
  return kernel() !== null;
}

const align16 = (x: number) => (x + 15) & ~15;

/**
 * Runs `method` on every neuron of `st` in the WebAssembly kernel, filling st.spikes, counts, stopped,
 * stopStep, v and u exactly as the TypeScript kernels (kernelJs.ts) do.
 */
export function runBatchKernel(st: KernelState, method: BatchMethod): void {
  const wasm = kernel();
  if (wasm === null) throw new Error("runBatchKernel: this engine has no WebAssembly SIMD");
  const {n, steps} = st;
  // A constant shared current S (a number, a DC stimulus, none) is folded into each neuron's current once:
  // S + I_dc is the sum every step would compute, so the kernel skips that add.
  const S = st.shared[0]!;
  let varying = false;
  for (let k = 1; k < steps && !varying; k++) varying = !Object.is(st.shared[k], S);
  const pairs = (n + 1) >> 1;
  const lanes = 2 * pairs;
  // Layout: records, then the per-neuron counters and frozen states, the shared current and the log.
  const records = 0;
  const counts = records + pairs * RECORD;
  const stopped = counts + lanes * 4;
  const stopStep = stopped + lanes * 4;
  const frozen = align16(stopStep + lanes * 4);
  const shared = frozen + lanes * 16;
  const log = align16(shared + (steps + 1) * 8);
  const bytes = log + LOG_CAPACITY * 8;
  const pages = Math.ceil(bytes / 65536) - wasm.memory.buffer.byteLength / 65536;
  if (pages > 0) wasm.memory.grow(pages);
  const buffer = wasm.memory.buffer;

  // Records: lane l of pair p has field f at f64 index 16p + 2f + l; an odd batch's last lane copies neuron n − 1.
  const record = new Float64Array(buffer, records, pairs * 16);
  const {p1, p2, p3, c, d, v, u, dc, dt, accommodation} = st;
  for (let slot = 0; slot < lanes; slot++) {
    const i = Math.min(slot, n - 1);
    const at = 16 * (slot >> 1) + (slot & 1);
    record[at] = v[i]!;
    record[at + 2] = u[i]!;
    record[at + 4] = p1[i]!;
    record[at + 6] = p2[i]!;
    record[at + 8] = p3[i]!;
    record[at + 10] = varying ? dc[i]! : S + dc[i]!;
    record[at + 12] = c[i]!;
    record[at + 14] = d[i]!;
  }
  new Int32Array(buffer, counts, lanes * 3).fill(0); // counts, stopped, stopStep
  if (varying) new Float64Array(buffer, shared, steps + 1).set(st.shared.subarray(0, steps + 1));
  wasm.setup(n, st.maxSpikes, st.vPeak, counts, stopped, stopStep, frozen, shared, log, LOG_CAPACITY);

  const entries = new Int32Array(buffer, log, LOG_CAPACITY * 2);
  const drain = () => {
    const length = wasm.logLength.value as number;
    st.spikes.reserve(length);
    for (let s = 0; s < length; s++) st.spikes.push(entries[2 * s]!, entries[2 * s + 1]!);
    wasm.logLength.value = 0;
  };
  for (let p0 = 0; p0 < pairs; p0 += BLOCK_PAIRS) {
    const from = records + p0 * RECORD;
    const to = records + Math.min(pairs, p0 + BLOCK_PAIRS) * RECORD;
    for (let k = 0; k < steps; drain()) {
      const until = Math.min(steps, k + CALL_STEPS);
      k =
        method === "euler"
          ? wasm.euler(from, to, 2 * p0, k, until, dt, st.e, st.f, st.g, varying ? 1 : 0)
          : wasm.paper2004(from, to, 2 * p0, k, until, dt, st.e, st.f, st.g, accommodation ? 1 : 0, varying ? 1 : 0);
    }
  }

  const count = new Int32Array(buffer, counts, n);
  const why = new Int32Array(buffer, stopped, n);
  const when = new Int32Array(buffer, stopStep, n);
  const frozenState = new Float64Array(buffer, frozen, 2 * n);
  for (let i = 0; i < n; i++) {
    st.counts[i] = count[i]!;
    st.stopped[i] = why[i]!;
    st.stopStep[i] = when[i]!;
    const at = 16 * (i >> 1) + (i & 1);
    st.v[i] = why[i] === 0 ? record[at]! : frozenState[2 * i]!;
    st.u[i] = why[i] === 0 ? record[at + 2]! : frozenState[2 * i + 1]!;
  }
}
