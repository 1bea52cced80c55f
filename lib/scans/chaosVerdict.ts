/**
 * The "is it chaos?" verdict: the same neuron integrated three ways (a coarse fixed-step method at dt, the same
 * at dt/2, the accurate adaptive method), what each run shows, which conclusions hold in all three, and whether
 * the accurate Lyapunov exponent says chaos. Pure functions of spike times and of a {@link lyapunov} result; see
 * docs/science.md §5 for why coarse steps can fake or hide irregular firing.
 */
import type {LyapunovResult} from "../analysis/lyapunov.js";

/** One run of the comparison: its spike times (ms) and those of a twin started slightly higher in u. */
export interface ComparedRun {
  label: string;
  /** "adaptive" for the accurate run; a fixed-step method's name otherwise. */
  method: string;
  /** The run's step (ms); for "adaptive", its sampling interval. */
  dt: number;
  spikes: ArrayLike<number>;
  twinSpikes: ArrayLike<number>;
}

/** What one run shows. */
export interface RunSummary {
  label: string;
  spikes: number;
  /** Mean inter-spike interval (ms); null with fewer than two spikes. */
  meanIsi: number | null;
  /** Coefficient of variation of the ISIs; null with fewer than three spikes. */
  cv: number | null;
  /** Distinct ISIs (to 1e-6 ms). */
  distinctIsis: number;
  /** Every ISI is a whole number of steps (to 1e-6 ms): the ISIs are quantised. Never true for "adaptive". */
  onGrid: boolean;
  /** Index of the first spike at which the twin run is more than SPLIT_MS off; null: never. */
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

/** The statistics of one run that the conclusions are drawn from. */
export function summarise(run: ComparedRun): RunSummary {
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

/** A conclusion one might draw from a run, and whether each of the runs supports it. */
export interface Conclusion {
  claim: string;
  holds: boolean[];
}

/** Irregular: CV of the ISIs above this, with at least 10 distinct ISIs. */
export const IRREGULAR_CV = 0.1;

/** The conclusions, each checked in every run; the last summary is the accurate run's (the referee). */
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

/** The claims that hold under every integration (they survive) and those that depend on it. */
export function robustClaims(verdicts: Conclusion[]): {survive: string[]; depend: string[]} {
  const robust = (v: Conclusion) => v.holds.every(Boolean);
  return {
    survive: verdicts.filter(robust).map((v) => v.claim),
    depend: verdicts.filter((v) => !robust(v)).map((v) => v.claim)
  };
}

/**
 * Chaos, by the accurate integrator: the per-spike Lyapunov exponent is positive and the mean of its segment
 * estimates lies more than two standard errors above 0 (so the sign is settled, not noise of a short run).
 */
export function isChaotic(lyap: Pick<LyapunovResult, "perSpike" | "segments" | "spread">): boolean {
  const {mean, sd} = lyap.spread.perSpike;
  return lyap.perSpike > 0 && mean - (2 * sd) / Math.sqrt(lyap.segments.perSpike.length) > 0;
}
