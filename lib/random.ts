/**
 * Counter-based random numbers for frozen noise. Every number is a pure function of (seed, counter, …) built
 * from 32-bit integer operations (`Math.imul`, `^`, `>>>`, `+`), with no hidden state, so a noise trace is
 * the same on every machine and in every JavaScript engine, and can be read in any order.
 *
 * Also here: {@link portableExp} and {@link portableExpm1}, an exponential made of IEEE basic operations only,
 * because `Math.exp` may differ in the last bit between engines and the noise path must not.
 */

const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;

/**
 * A bijection of 32-bit words with strong avalanche: xor-shift / multiply rounds with the "lowbias32" constants
 * found by Chris Wellons' hash-prospector (https://github.com/skeeto/hash-prospector). Returns an unsigned word.
 */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Folds one more 32-bit word into a running hash. For a fixed `h` it is a bijection of `word`. */
function absorb(h: number, word: number): number {
  return mix32(((h ^ word) + 0x9e3779b9) | 0);
}

/** Final scrambling, so that words that differ only in their last absorbed input still look independent. */
function finish(h: number): number {
  return mix32((h + 0x6a09e667) | 0);
}

/** The per-(seed, counter) starting hash; `domain` keeps the streams of different consumers apart. */
function base(seed: number, counter: number, domain: number): number {
  // A safe-integer seed as two words: low 32 bits (ToUint32 is exact) and the high part (exact division).
  const lo = seed >>> 0;
  const hi = Math.floor(seed / TWO_32) | 0;
  return absorb(absorb(absorb(absorb(0x3c6ef372, domain), lo), hi), counter >>> 0);
}

function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed: must be a safe integer, got ${seed}`);
}

function checkCounter(counter: number, name: string): void {
  if (!Number.isInteger(counter) || counter < 0 || counter >= TWO_32) {
    throw new RangeError(`${name}: must be an integer in [0, 2^32), got ${counter}`);
  }
}

/**
 * A random 32-bit unsigned integer, a pure function of its arguments.
 *
 * @param seed - any safe integer (negative seeds are distinct from positive ones)
 * @param counter - integer in [0, 2³²), e.g. a sample index
 * @param draw - integer in [0, 2³²), e.g. which of several numbers for the same counter; default 0
 */
export function hash32(seed: number, counter: number, draw = 0): number {
  checkSeed(seed);
  checkCounter(counter, "counter");
  checkCounter(draw, "draw");
  return finish(absorb(base(seed, counter, 0), draw));
}

/**
 * A uniform number in [0, 1) with 53 random bits (every multiple of 2⁻⁵³ equally likely), a pure function of
 * (seed, counter, draw). Arguments as for {@link hash32}.
 */
export function uniform(seed: number, counter: number, draw = 0): number {
  checkSeed(seed);
  checkCounter(counter, "counter");
  checkCounter(draw, "draw");
  const h = base(seed, counter, 1);
  const hi = finish(absorb(absorb(h, draw), 0)) >>> 5; // 27 bits
  const lo = finish(absorb(absorb(h, draw), 1)) >>> 6; // 26 bits
  return (hi * 67108864 + lo) / TWO_53;
}

// State of the normal sampler below, kept in module variables so drawing allocates nothing. The sampler is
// synchronous and calls nothing outside this module, so it cannot be re-entered.
let leadKey = 0; // keys of the current sample: one for the leading word of each draw, one for its second word
let tailKey = 0;
let drawIndex = 0;

/** The leading 32 bits of uniform number `draw` of the current sample. */
function lead(draw: number): number {
  return finish(absorb(leadKey, draw));
}

/** The next 32 bits of uniform number `draw` (only the final x needs them). */
function tail(draw: number): number {
  return finish(absorb(tailKey, draw));
}

/** The leading 32 bits of a fresh uniform deviate. */
function next(): number {
  return lead(drawIndex++);
}

// Comparing uniforms by their leading words alone is exact here: for a fixed sample, draw ↦ lead(draw) is a
// composition of bijections, so two different draws never have equal leading words and a comparison never
// needs the following bits. (The deviation from truly independent uniforms is a tie probability of 2⁻³² that
// has been removed: far below anything a statistic can see.)

/**
 * True with probability exp(−1/2), exactly, by von Neumann's method: the length n of the longest run
 * 1/2 > U₁ > U₂ > … > Uₙ has P(n ≥ j) = (1/2)ʲ/j!, so P(n even) = Σ(−1/2)ʲ/j! = exp(−1/2).
 */
function bernoulliExpHalf(): boolean {
  let bound = 0x80000000; // U < 1/2 exactly when its leading word is below 2³¹
  let n = 0;
  for (;;) {
    const u = next();
    if (u >= bound) return (n & 1) === 0;
    bound = u;
    n++;
  }
}

/** A uniform integer in [0, m) for 1 ≤ m ≤ 2³², exactly, by rejection of the incomplete top block. */
function uniformInt(m: number): number {
  const limit = TWO_32 - (TWO_32 % m);
  for (;;) {
    const u = next();
    if (u < limit) return u % m;
  }
}

/**
 * True with probability exp(−x(2k + x)/(2k + 2)) for the uniform x whose leading word is `xWord`, exactly.
 * Von Neumann's run generalised to a weight: a draw z continues the run if z < (previous) and, with probability
 * g(z) = (k + z)/(k + 1), it passes a second test. Then P(run ≥ j) = G(x)ʲ/j! with
 * G(x) = ∫₀ˣ g = x(2k + x)/(2k + 2), and P(run length even) = exp(−G(x)).
 * The test "with probability (k + z)/(k + 1)" is: pick f uniform in {0, …, k}; pass if f < k, else pass if a
 * fresh uniform is below z.
 */
function bernoulliB(k: number, xWord: number): boolean {
  let bound = xWord;
  let n = 0;
  for (;;) {
    const z = next();
    if (z >= bound) break;
    const pass = (k > 0 && uniformInt(k + 1) < k) || next() < z;
    if (!pass) break;
    bound = z;
    n++;
  }
  return (n & 1) === 0;
}

/**
 * A standard normal deviate (mean 0, variance 1), a pure function of (seed, counter).
 *
 * Method: Karney's algorithm N ("Sampling exactly from the normal distribution", ACM TOMS 42(1):3, 2016,
 * https://arxiv.org/abs/1303.6257), which needs no logarithm, exponential or trigonometric function: only
 * comparisons of uniform deviates and small integer arithmetic.
 * 1. k ≥ 0 with probability ∝ exp(−k/2): count successes of a Bernoulli(exp(−1/2)) before the first failure;
 * 2. keep k with probability exp(−k(k−1)/2) (k(k−1) more successes), else restart; now P(k) ∝ exp(−k²/2);
 * 3. draw x uniform in [0, 1) and keep it with probability exp(−x(2k + x)/2) (k + 1 successes of
 *    {@link bernoulliB}), else restart; now k + x has density ∝ exp(−(k + x)²/2);
 * 4. attach a random sign.
 * Every decision is an exact comparison of integers, so the deviate is exact up to truncating x to 53 bits;
 * the result rounds k + x once. Tails are unbounded. Cost: about 17 hash words per deviate on average
 * (roughly 0.4 µs in Node 20), paid once per sample since noise is cached.
 *
 * @param seed - any safe integer
 * @param counter - integer in [0, 2³²), e.g. the sample index
 */
export function normal(seed: number, counter: number): number {
  checkSeed(seed);
  checkCounter(counter, "counter");
  return normalUnchecked(seed, counter);
}

/** {@link normal} without argument checks, for callers that validated once (the noise generator). */
export function normalUnchecked(seed: number, counter: number): number {
  const h = base(seed, counter, 2);
  leadKey = absorb(h, 0);
  tailKey = absorb(h, 1);
  drawIndex = 0;
  for (;;) {
    let k = 0;
    while (bernoulliExpHalf()) k++;
    let accept = true;
    for (let i = k * (k - 1); i > 0 && accept; i--) accept = bernoulliExpHalf();
    if (!accept) continue;
    const xDraw = drawIndex++;
    const x0 = lead(xDraw);
    for (let i = 0; i <= k && accept; i++) accept = bernoulliB(k, x0);
    if (!accept) continue;
    const x1 = tail(xDraw);
    const x = (x0 * 2097152 + (x1 >>> 11)) / TWO_53; // the first 53 bits of x
    return (x1 & 1) === 0 ? k + x : -(k + x); // the sign uses a bit of x1 that x does not
  }
}

// ln 2 split so that n·LN2_HI is exact for |n| < 2¹¹ (its low 32 bits are zero), and LN2_LO carries the rest.
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;

/** e^r − 1 for |r| ≤ 0.35 by its Taylor series in Horner form (the terms past r¹⁵/15! are below 2⁻⁶⁰). */
function expm1Series(r: number): number {
  let p = 1;
  for (let n = 15; n >= 2; n--) p = 1 + (r / n) * p;
  return r * p;
}

/** 2ⁿ for an integer n, by exact multiplications (no Math.pow). */
function pow2(n: number): number {
  let result = 1;
  let factor = n < 0 ? 0.5 : 2;
  for (let m = Math.abs(n); m > 0; m >>= 1) {
    if (m & 1) result *= factor;
    factor *= factor;
  }
  return result;
}

/**
 * eˣ computed with + − × / only (Cody–Waite reduction x = n·ln2 + r, |r| ≤ ln2/2, Taylor series for eʳ,
 * exact scaling by 2ⁿ), so it returns the same bits in every engine. Relative error within a few ulp of the
 * true value. Returns 0 below −745.2 and Infinity above 709.8; NaN for NaN.
 */
export function portableExp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.78) return Infinity;
  if (x < -745.2) return 0;
  const n = Math.round(x * INV_LN2);
  const r = x - n * LN2_HI - n * LN2_LO;
  const er = 1 + expm1Series(r);
  // Split the scaling in two so that neither factor overflows or underflows before the result does.
  const half = Math.trunc(n / 2);
  return er * pow2(half) * pow2(n - half);
}

/**
 * eˣ − 1, accurate also for small |x| (where eˣ − 1 would cancel), with + − × / only. Used for the
 * Ornstein–Uhlenbeck factors ρ = e^(−dt/τ) and 1 − ρ² = −expm1(−2dt/τ).
 */
export function portableExpm1(x: number): number {
  if (x !== x) return NaN;
  if (Math.abs(x) <= 0.34) return expm1Series(x);
  return portableExp(x) - 1;
}
