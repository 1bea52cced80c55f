/**
 * The "chaos or numerics?" comparison: statistics of the same neuron integrated three ways (coarse Euler, half
 * the step, accurate) and which conclusions hold in all three. Pure functions of spike times.
 */
import type {MethodRun} from "./chaosJobs.js";

/** What one run shows. */
export interface RunSummary {
  label: string;
  spikes: number;
  meanIsi: number | null;
  cv: number | null;
  /** Distinct ISIs (to 1e-6 ms). */
  distinctIsis: number;
  /** Every ISI is a whole number of steps (to 1e-6 ms): the ISIs are quantised. */
  onGrid: boolean;
  /** Index of the first spike at which the twin run (started 1e-6 higher in u) is more than 1 ms off; null: never. */
  twinSplit: number | null;
}

/** Milliseconds by which two spike trains must differ to count as separated. */
export const SPLIT_MS = 1;

/** Index of the first spike at which two trains differ by more than SPLIT_MS (or one has ended); null if never. */
export function firstSplit(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (Math.abs(a[i] - b[i]) > SPLIT_MS) return i;
  return a.length !== b.length ? n : null;
}

export function summarise(run: MethodRun): RunSummary {
  const s = run.spikes;
  const isis: number[] = [];
  for (let i = 1; i < s.length; i++) isis.push(s[i] - s[i - 1]);
  const mean = isis.length ? isis.reduce((x, y) => x + y, 0) / isis.length : null;
  const sd =
    mean !== null && isis.length > 1
      ? Math.sqrt(isis.reduce((x, y) => x + (y - mean) ** 2, 0) / (isis.length - 1))
      : null;
  const onGrid =
    run.method !== "adaptive" && isis.every((isi) => Math.abs(isi / run.dt - Math.round(isi / run.dt)) * run.dt < 1e-6);
  return {
    label: run.label,
    spikes: s.length,
    meanIsi: mean,
    cv: mean !== null && sd !== null ? sd / mean : null,
    distinctIsis: new Set(isis.map((x) => Math.round(x * 1e6))).size,
    onGrid,
    twinSplit: firstSplit(s, run.twinSpikes)
  };
}

/** A conclusion one might draw from a run, and whether each of the three runs supports it. */
export interface Conclusion {
  claim: string;
  holds: boolean[];
}

/** Irregular: CV of the ISIs above this, with at least 10 distinct ISIs. */
export const IRREGULAR_CV = 0.1;

export function conclusions(summaries: RunSummary[]): Conclusion[] {
  const accurate = summaries[summaries.length - 1];
  return [
    {
      claim: `it fires irregularly (ISI CV > ${IRREGULAR_CV}, at least 10 distinct ISIs)`,
      holds: summaries.map((s) => (s.cv ?? 0) > IRREGULAR_CV && s.distinctIsis >= 10)
    },
    {
      claim: `two starts 1e-6 apart in u end up firing differently (spike times more than ${SPLIT_MS} ms apart)`,
      holds: summaries.map((s) => s.twinSplit !== null)
    },
    {claim: "the ISIs take a continuum of values (not whole numbers of steps)", holds: summaries.map((s) => !s.onGrid)},
    {
      claim: "the mean ISI is within 5% of the accurate run's",
      holds: summaries.map(
        (s) =>
          s.meanIsi !== null &&
          accurate.meanIsi !== null &&
          Math.abs(s.meanIsi - accurate.meanIsi) <= 0.05 * accurate.meanIsi
      )
    }
  ];
}
