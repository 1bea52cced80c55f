/**
 * The batch loops in plain TypeScript: the fallback where the engine has no WebAssembly SIMD, and the
 * reference the WebAssembly kernel (wasm/batchKernel.wat) is tested against bit for bit.
 *
 * Loop order: blocks of neurons, then time, then the neurons of the block (a block's arrays stay in cache);
 * nothing is allocated per step. The arithmetic of each method is exactly that of `simulate`'s kernel of the
 * same name (integrators/fixedStep.ts).
 */
import type {BatchMethod} from "./options.js";
import type {KernelState} from "./state.js";

/** Neurons per block: the block's eight arrays (8 × 8 bytes × 512 = 32 kB) stay in the L1/L2 cache. */
const BLOCK = 512;

/** Runs `method` on every neuron of `st`, block by block, filling st.spikes, counts, stopped, stopStep, v and u. */
export function runJsKernel(st: KernelState, method: BatchMethod): void {
  for (let start = 0; start < st.n; start += BLOCK) {
    const end = Math.min(st.n, start + BLOCK);
    if (method === "euler") eulerBlock(st, start, end);
    else paper2004Block(st, start, end);
  }
}

/**
 * Records a spike of neuron i at step s (state v, u after the reset) unless it has stopped; freezes it when it
 * reaches the cap (stopped = 1) or when v + u is not finite after the reset (stopped = 2), as simulate does.
 */
function spike(
  st: KernelState,
  i: number,
  s: number,
  v: number,
  u: number,
  frozenV: Float64Array,
  frozenU: Float64Array
): void {
  if (st.stopped[i] !== 0) return;
  st.spikes.push(i, s);
  if (++st.counts[i]! >= st.maxSpikes) stop(st, i, s, 1, v, u, frozenV, frozenU);
  else if (!(Math.abs(v + u) <= Number.MAX_VALUE)) stop(st, i, s, 2, v, u, frozenV, frozenU);
}

function stop(
  st: KernelState,
  i: number,
  s: number,
  why: 1 | 2,
  v: number,
  u: number,
  frozenV: Float64Array,
  frozenU: Float64Array
): void {
  if (st.stopped[i] !== 0) return;
  st.stopped[i] = why;
  st.stopStep[i] = s;
  frozenV[i] = v;
  frozenU[i] = u;
}

/**
 * Forward Euler for neurons [start, end), with integrators/fixedStep.ts `euler`'s operations in its order:
 * du from the old state, then v, then u, then the spike test v ≥ vPeak. A stopped neuron keeps being
 * stepped (no branch for it in the loop) but its state is taken from the copy saved when it stopped.
 */
function eulerBlock(st: KernelState, start: number, end: number): void {
  const {steps, dt, vPeak, e, f, g, c, d, v: V, u: U, dc, shared} = st;
  const m = (end - start) | 0;
  // u' = ub·v − ua·u + uc covers both u-equations without a branch in the loop (see uCoefficients in state.ts).
  const ub = st.p1.subarray(start, end);
  const ua = st.p2.subarray(start, end);
  const uc = st.p3.subarray(start, end);
  const C = c.slice(start, end);
  const D = d.slice(start, end);
  const I = dc.slice(start, end);
  const v = V.slice(start, end);
  const u = U.slice(start, end);
  for (let k = 0; k < steps; k = (k + 1) | 0) {
    const Ik = shared[k]!;
    for (let j = 0; j < m; j = (j + 1) | 0) {
      let vj = v[j]!;
      let uj = u[j]!;
      const du = ub[j]! * vj - ua[j]! * uj + uc[j]!;
      vj = vj + dt * (e * (vj * vj) + f * vj + g - uj + (Ik + I[j]!));
      uj = uj + dt * du;
      // simulate's tests in its order: spike, then isFinite(v + u) (after the reset, if any).
      if (vj >= vPeak) {
        vj = C[j]!;
        uj += D[j]!;
        spike(st, start + j, k + 1, vj, uj, V, U);
      } else if (!(Math.abs(vj + uj) <= Number.MAX_VALUE)) {
        stop(st, start + j, k + 1, 2, vj, uj, V, U);
      }
      v[j] = vj;
      u[j] = uj;
    }
  }
  saveBlock(st, start, v, u);
}

/**
 * figure1.m's loop for neurons [start, end), with integrators/fixedStep.ts `paper2004`'s operations in its
 * order: v from the old state, u from the NEW v, then the strict spike test v > vPeak.
 */
function paper2004Block(st: KernelState, start: number, end: number): void {
  const {steps, dt: tau, vPeak, e, f, g, c, d, v: V, u: U, dc, shared, accommodation} = st;
  const m = (end - start) | 0;
  // τ·a, b and τ·a·b (see uCoefficients in state.ts).
  const ta = st.p1.subarray(start, end);
  const B = st.p2.subarray(start, end);
  const tab = st.p3.subarray(start, end);
  const C = c.slice(start, end);
  const D = d.slice(start, end);
  const I = dc.slice(start, end);
  const v = V.slice(start, end);
  const u = U.slice(start, end);
  for (let k = 0; k < steps; k = (k + 1) | 0) {
    const Ik = shared[k]!;
    for (let j = 0; j < m; j = (j + 1) | 0) {
      let vj = v[j]!;
      let uj = u[j]!;
      vj = vj + tau * (e * (vj * vj) + f * vj + g - uj + (Ik + I[j]!));
      uj = accommodation ? uj + tab[j]! * (vj + 65) : uj + ta[j]! * (B[j]! * vj - uj);
      if (vj > vPeak) {
        vj = C[j]!;
        uj = uj + D[j]!;
        spike(st, start + j, k + 1, vj, uj, V, U);
      } else if (!(Math.abs(vj + uj) <= Number.MAX_VALUE)) {
        stop(st, start + j, k + 1, 2, vj, uj, V, U);
      }
      v[j] = vj;
      u[j] = uj;
    }
  }
  saveBlock(st, start, v, u);
}

/** Copies a block's final state back, except for stopped neurons (whose state was saved when they stopped). */
function saveBlock(st: KernelState, start: number, v: Float64Array, u: Float64Array): void {
  for (let j = 0; j < v.length; j++) {
    if (st.stopped[start + j] !== 0) continue;
    st.v[start + j] = v[j]!;
    st.u[start + j] = u[j]!;
  }
}
