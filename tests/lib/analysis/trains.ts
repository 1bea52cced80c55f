/** Spike times (ms) from a start time and a list of positive ISIs (ms). Shared by the analysis tests. */
export function fromIsis(t0: number, isis: number[]): Float64Array {
  const out = new Float64Array(isis.length + 1);
  out[0] = t0;
  for (let i = 0; i < isis.length; i++) out[i + 1] = out[i]! + isis[i]!;
  return out;
}
