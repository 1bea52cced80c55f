/**
 * The word mixing of lib/random.ts (lowbias32 rounds, absorb, finish, the per-(seed, counter) start), repeated
 * here so the network's hot loops can draw many numbers per start: a row of {@link uniformRow} computes random.ts's
 * `uniform(seed, counter, draw)` for consecutive draws with the start hashed once, and the thalamic noise draws
 * one stream per step. tests/lib/network/counterHash.test.ts checks that the numbers equal random.ts's.
 * Words are returned as signed int32 (V8 keeps them in integer registers); `>>> 0` gives random.ts's unsigned word.
 */

/** lowbias32: a bijection of 32-bit words with strong avalanche (random.ts mix32). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return x ^ (x >>> 16);
}

/** Folds one more word into a running hash (random.ts absorb). */
export function absorb(h: number, word: number): number {
  return mix32(((h ^ word) + 0x9e3779b9) | 0);
}

/** Final scrambling (random.ts finish). */
export function finish(h: number): number {
  return mix32((h + 0x6a09e667) | 0);
}

/** The start of (seed, counter) in stream `domain` (random.ts base: 0 for hash32, 1 for uniform). */
export function start(seed: number, counter: number, domain: number): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) | 0;
  return absorb(absorb(absorb(absorb(0x3c6ef372, domain), lo), hi), counter >>> 0);
}

/**
 * out[offset + m] = scale × uniform(seed, counter, firstDraw + m) for m = 0 … count − 1, with random.ts's
 * `uniform` (53 random bits in [0, 1)). seed: a safe integer; counter, draws: integers in [0, 2³²).
 */
export function uniformRow(
  seed: number,
  counter: number,
  firstDraw: number,
  count: number,
  scale: number,
  out: Float64Array,
  offset: number
): void {
  const h = start(seed, counter, 1);
  for (let m = 0; m < count; m++) {
    const g = absorb(h, (firstDraw + m) | 0);
    const hi = finish(absorb(g, 0)) >>> 5; // 27 bits
    const lo = finish(absorb(g, 1)) >>> 6; // 26 bits
    out[offset + m] = scale * ((hi * 67108864 + lo) / 9007199254740992);
  }
}
