/**
 * Reusable work arrays for the analysis hot paths. The behaviour atlas classifies tens of thousands of spike
 * trains, and a fresh Float64Array costs about as much as classifying a short train (≈ 0.9 µs in Node 20),
 * so the cores sort and difference into buffers they keep. Each user owns its own Scratch; a view it hands
 * out is valid until that Scratch's next `view` call, so never return one to a caller.
 */
export class Scratch {
  private buffer = new Float64Array(256);

  /** A view of length n over the buffer (grown by doubling when needed); its contents are unspecified. */
  view(n: number): Float64Array {
    if (this.buffer.length < n) this.buffer = new Float64Array(Math.max(n, 2 * this.buffer.length));
    return this.buffer.subarray(0, n);
  }
}
