/**
 * Hodgkin's excitability classes (Class 1, 2, 3) by simulation: the settled rate just above the quasi-static
 * onset current, which starts from zero (Class 1) or jumps to a finite frequency (Class 2). The closed-form
 * side (how the rest state is lost) comes from bifurcationCurrents.ts.
 *
 * Units: t in ms, so rates are 1000 × spikes per ms = Hz (spikes per second); I in the paper's units (a
 * current normalised by capacitance, mV/ms); v in mV.
 */
import {checkKeys, checkNumber} from "../validate.js";
import {bifurcationCurrents} from "./bifurcationCurrents.js";
import {
  checkDuration,
  checkTransient,
  countFrom,
  quasiStaticStart,
  resolveSettings,
  runAt,
  SETTING_KEYS,
  type ResolvedSettings,
  type RunSettings,
  runToEnd
} from "./excitabilityRuns.js";
import {rheobaseSteps} from "./rheobase.js";

/** Options of {@link excitabilityClass}. */
export interface ExcitabilityClassOptions extends RunSettings {
  /** Length of each run (ms); default 2000 (long runs resolve low rates). */
  duration?: number;
  /** Discarded start of each run (ms); default 500. */
  transient?: number;
  /** How far above the onset current to probe (mV/ms); default max(0.05, 5 % of |onset|). */
  probe?: number;
}

/** The verdict of {@link excitabilityClass} with its evidence. */
export interface ExcitabilityClass {
  verdict: "class 1" | "class 2" | "class 3" | "not excitable";
  /** One sentence saying why. */
  reason: string;
  /** The quasi-static rheobase (mV/ms): where sustained firing may start. */
  onsetCurrent: number | null;
  /**
   * Settled rates (Hz) at onset + probe·(1/64, 1/16, 1/4, 1), lowest current first: 1000 / the last ISI when
   * two or more spikes fall after the transient, else the count in the window per second.
   */
  probes: {I: number; rate: number}[];
  /** How the rest state is lost (closed form, bifurcationCurrents.ts). */
  restLoss: "saddle-node" | "andronov-hopf" | null;
  saddleNode: number | null;
  hopf: number | null;
}

/**
 * Class 1 (the steady rate rises continuously from 0 Hz above onset), Class 2 (it jumps to a finite rate),
 * Class 3 (only transient spikes, no sustained firing) — Hodgkin's classes as the 2004 paper uses them.
 *
 * Method: find the quasi-static onset current (the quasi-static rheobase, accurate to 1e-4), then measure
 * the settled rate at onset + probe·{1/64, 1/16, 1/4, 1}. A square-root onset (Class 1) makes the
 * rate at 1/64 of the probe about 1/8 of the rate at the full probe; a finite jump keeps it close. The verdict
 * is Class 1 when the lowest probe's rate is below 40 % of the highest, Class 2 otherwise; Class 3 when
 * spikes occur but none survive the transient.
 */
export function excitabilityClass(options: ExcitabilityClassOptions): ExcitabilityClass {
  return runToEnd(excitabilityClassSteps(options));
}

/**
 * {@link excitabilityClass} one run at a time: a resumable computation that yields after each run (the onset's
 * bisection, then each probe), so a page can do it in short slices; its value when done is excitabilityClass's
 * result for the same options (excitabilityClass is this generator run to its end). Options are checked at the
 * first `next()`.
 */
export function* excitabilityClassSteps(options: ExcitabilityClassOptions): Generator<void, ExcitabilityClass, void> {
  const fn = "excitabilityClass";
  const o = checkKeys(options, `${fn}: options`, [...SETTING_KEYS, "duration", "transient", "probe"]);
  const s = resolveSettings(fn, o);
  const duration = checkDuration(fn, o.duration, 2000);
  const transient = checkTransient(fn, o.transient, 500, duration);
  const bif = s.params.a !== 0 ? bifurcationCurrents(s.params, s.equation) : null;
  const base = {restLoss: bif?.restLoss ?? null, saddleNode: bif?.saddleNode ?? null, hopf: bif?.hopf ?? null};
  const settings = {params: s.params, equation: s.equation, method: s.method, dt: s.dt, vPeak: s.vPeak};

  if (s.params.a < 0) {
    const reason =
      "With a < 0 the rest state is lost by lowering I (inhibition-induced firing), so the rising-current test of Class 1 / Class 2 does not apply.";
    return {...base, verdict: "not excitable", reason, onsetCurrent: null, probes: []};
  }
  let onset: number;
  try {
    onset = (yield* rheobaseSteps({
      ...settings,
      protocol: "quasi-static",
      duration,
      tolerance: 1e-4,
      bracket: bracketFor(s, bif)
    })).current;
  } catch (error) {
    return {
      ...base,
      verdict: "not excitable",
      reason: `No current fires under the quasi-static protocol (${(error as Error).message}).`,
      onsetCurrent: null,
      probes: []
    };
  }
  const probe =
    o.probe === undefined
      ? Math.max(0.05, 0.05 * Math.abs(onset))
      : checkNumber(o.probe, `${fn}: probe`, {min: 0, minExclusive: true});
  const probes: {I: number; rate: number}[] = [];
  for (const k of [1 / 64, 1 / 16, 1 / 4, 1]) {
    const I = onset + k * probe;
    const run = runAt(s, I, quasiStaticStart(s, I), duration, Math.ceil(duration * 2));
    probes.push({I, rate: settledRate(run.spikes, transient, duration)});
    yield;
  }
  const lowest = probes[0]!.rate;
  const highest = probes[probes.length - 1]!.rate;
  if (highest === 0) {
    return {
      ...base,
      verdict: "class 3",
      reason: `Spikes occur from I = ${fmt(onset)} but none are sustained past ${transient} ms at up to ${fmt(onset + probe)}: only transient firing.`,
      onsetCurrent: onset,
      probes
    };
  }
  if (lowest < 0.4 * highest) {
    return {
      ...base,
      verdict: "class 1",
      reason: `The steady rate falls from ${fmt(highest)} Hz to ${fmt(lowest)} Hz as I approaches the onset ${fmt(onset)}: it starts from (near) zero.`,
      onsetCurrent: onset,
      probes
    };
  }
  return {
    ...base,
    verdict: "class 2",
    reason: `Just above the onset ${fmt(onset)} the steady rate is already ${fmt(lowest)} Hz (${fmt(highest)} Hz further up): it jumps to a finite frequency.`,
    onsetCurrent: onset,
    probes
  };
}

/**
 * The rate the run settled to: 1000 / its last ISI when at least two spikes fall after the transient (so a
 * slow escape from the start state does not dilute it), else the spike count of the window per second.
 */
function settledRate(spikes: Float64Array, transient: number, duration: number): number {
  const inWindow = countFrom(spikes, transient);
  const n = spikes.length;
  if (inWindow >= 2) return 1000 / (spikes[n - 1]! - spikes[n - 2]!);
  return (inWindow * 1000) / (duration - transient);
}

function fmt(x: number): string {
  return String(+x.toPrecision(4));
}

/** A bisection bracket around the closed-form bifurcation currents, where they exist. */
function bracketFor(
  s: ResolvedSettings,
  bif: ReturnType<typeof bifurcationCurrents> | null
): [number, number] | undefined {
  if (!bif || bif.saddleNode === null || s.params.a < 0) return undefined;
  const low = Math.min(bif.saddleNode, bif.hopf ?? bif.saddleNode);
  const width = Math.max(1, Math.abs(bif.saddleNode - low));
  return [low - width, bif.saddleNode + width];
}
