/**
 * The network's thalamic noise: standard normal deviates, one per neuron and step, a pure function of
 * (seed, step). Each step has its own stream, keyed by the library's counter-based generator
 * (`hash32(seed, step)`, lib/random.ts), so a run cut into chunks draws the same numbers as one long run, and the
 * numbers are the same in Node, a page and a worker, in any engine: only 32-bit integer operations, + − × /, the
 * square root (which IEEE 754 rounds exactly), random.ts's portableExp (for the tables) and logUnit below are
 * used; no Math.log or Math.exp, whose last bit may differ by engine.
 *
 * Method: the ziggurat of Marsaglia and Tsang ("The ziggurat method for generating random variables", J. Stat.
 * Softw. 5(8), 2000), 128 layers. One 32-bit word gives the layer (its low 7 bits) and a signed 25-bit abscissa
 * (the other 25, so the two are independent: Doornik 2005's remedy); 97 % of the deviates cost that word, a
 * multiplication and a comparison (and take no branch, so the loop runs at the hash's speed). The rest go
 * through the wedge test or the tail (logarithms), with words from the neuron's own sub-stream.
 * bench/network.c repeats this arithmetic exactly (same words, same order).
 */
import {hash32, portableExp} from "../random.js";
import {absorb} from "./counterHash.js";

/**
 * Word `index` of the stream `key` as a signed int32: random.ts's finish(absorb(key, index)), written out here
 * (counterHash.ts mix32 twice) because V8 does not inline calls into another module under every loader (tsx).
 */
function word(key: number, index: number): number {
  let x = ((key ^ index) + 0x9e3779b9) | 0; // absorb
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  x = (x + 0x6a09e667) | 0; // finish
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return x ^ (x >>> 16);
}

const LN2 = 0.6931471805599453;
const SQRT1_2 = 0.7071067811865476;
// 1/(2k + 1) for the series of atanh; the division is done once here (correctly rounded, as in C).
const C3 = 1 / 3;
const C5 = 1 / 5;
const C7 = 1 / 7;
const C9 = 1 / 9;
const C11 = 1 / 11;
const C13 = 1 / 13;
const C15 = 1 / 15;
const C17 = 1 / 17;
const C19 = 1 / 19;
const C21 = 1 / 21;
const C23 = 1 / 23;

/**
 * ln s for 0 < s < 1 with + − × / only: s = m·2ᵉ with m in [√½, √2) by exact doublings, then
 * ln m = 2·atanh(f) with f = (m − 1)/(m + 1), |f| ≤ 0.172, summed to f²³ (the next term is below 10⁻¹⁸).
 * Accurate to a few ulp; what matters here is that every engine returns the same bits.
 */
export function logUnit(s: number): number {
  let m = s;
  let e = 0;
  while (m < 0.5) {
    m *= 2;
    e--;
  }
  if (m < SQRT1_2) {
    m *= 2;
    e--;
  }
  const f = (m - 1) / (m + 1);
  const z = f * f;
  const series =
    1 +
    z *
      (C3 +
        z *
          (C5 + z * (C7 + z * (C9 + z * (C11 + z * (C13 + z * (C15 + z * (C17 + z * (C19 + z * (C21 + z * C23))))))))));
  return e * LN2 + 2 * f * series;
}

// The ziggurat's tables for 2²⁴-scaled abscissas (Marsaglia & Tsang's recurrence, with portable exp and log):
// layer i spans |x| < X[i]; K[i] is the integer bound below which a draw lies inside the layer's rectangle, W[i]
// converts a draw to x, F[i] = exp(−X[i]²/2).
const LAYERS = 128;
const SCALE = 2 ** 24;
const R = 3.442619855899; // where the tail starts
const AREA = 9.91256303526217e-3; // of each layer
const K = new Int32Array(LAYERS);
const W = new Float64Array(LAYERS);
const F = new Float64Array(LAYERS);
{
  let x = R;
  let previous = R;
  const q = AREA / portableExp(-0.5 * x * x);
  K[0] = Math.floor((x / q) * SCALE);
  K[1] = 0;
  W[0] = q / SCALE;
  W[LAYERS - 1] = x / SCALE;
  F[0] = 1;
  F[LAYERS - 1] = portableExp(-0.5 * x * x);
  for (let i = LAYERS - 2; i >= 1; i--) {
    x = Math.sqrt(-2 * logUnit(AREA / x + portableExp(-0.5 * x * x)));
    K[i + 1] = Math.floor((x / previous) * SCALE);
    previous = x;
    F[i] = portableExp(-0.5 * x * x);
    W[i] = x / SCALE;
  }
}

/** A uniform number in (0, 1), never 0 (for the logarithm), from a word. */
function open01(w: number): number {
  return ((w >>> 0) + 0.5) * 2 ** -32;
}

/**
 * The key of step `step`'s stream (0-based step index, as `hash32(seed, step, 0)`): computed once per step.
 * `seed` must be a safe integer and `step` an integer in [0, 2³²) (checked by hash32).
 */
export function noiseKey(seed: number, step: number): number {
  return hash32(seed, step, 0);
}

/**
 * Fills out[0 … n−1] with the standard normal deviates of the stream `key` (see {@link noiseKey}): neuron i's
 * deviate comes from word i of the stream and, in the 3 % of cases that leave the ziggurat's rectangles, from
 * further words of its own sub-stream; so each neuron's deviate depends on (key, i) alone.
 */
export function fillNormals(key: number, out: Float64Array, n: number): void {
  // Pass 1, without branches: the rectangle's deviate, or NaN to mark the draws that need the slow path.
  for (let i = 0; i < n; i = (i + 1) | 0) {
    const w = word(key, i);
    const layer = w & 127;
    const z = w >> 7;
    out[i] = Math.abs(z) < K[layer]! ? z * W[layer]! : NaN;
  }
  // Pass 2: the marked draws.
  for (let i = 0; i < n; i = (i + 1) | 0) if (out[i] !== out[i]) out[i] = slowNormal(key, i);
}

/**
 * Neuron i's deviate when its first word fell outside the layer's rectangle: Marsaglia & Tsang's nfix (the tail,
 * the wedge, or a fresh draw), with the words of the neuron's sub-stream absorb(absorb(key, i), 2³² − 1).
 */
function slowNormal(key: number, i: number): number {
  const sub = absorb(absorb(key, i), -1);
  let position = 0;
  let w = word(key, i);
  let layer = w & 127;
  let z = w >> 7;
  for (;;) {
    const x = z * W[layer]!;
    if (layer === 0) {
      // The tail beyond R: x = −ln(U₁)/R accepted when −2 ln(U₂) > x² (Marsaglia 1964).
      let tx: number;
      let ty: number;
      do {
        tx = -logUnit(open01(word(sub, position))) / R;
        ty = -logUnit(open01(word(sub, position + 1)));
        position += 2;
      } while (ty + ty < tx * tx);
      return z > 0 ? R + tx : -R - tx;
    }
    // The wedge: y uniform between the layer's edges, accepted below the density: y < exp(−x²/2) ⟺ −2 ln y > x².
    const y = F[layer]! + open01(word(sub, position++)) * (F[layer - 1]! - F[layer]!);
    if (-2 * logUnit(y) > x * x) return x;
    w = word(sub, position++);
    layer = w & 127;
    z = w >> 7;
    if (Math.abs(z) < K[layer]!) return z * W[layer]!;
  }
}
