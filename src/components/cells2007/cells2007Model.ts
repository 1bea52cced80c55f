/**
 * The 2007-cells page's pure logic: the order and short names of the book's cells, their parameters and
 * special rules in words, the book-vs-accurate runs of one cell, the closed-form bifurcation currents, and the
 * comparison of 2–4 cells under one shared current with their spike statistics. No DOM here; the comparison's
 * state and its address are in src/state/cells2007State.ts.
 */
import {CELLS_2007, cell2007At} from "../../lib/presets/cells2007.js";
import {bifurcationCurrents2007} from "../../lib/models/izhikevich2007.js";
import {classifyFiringPattern} from "../../lib/analysis/classifyFiringPattern.js";
import {simulate2007} from "../../lib/simulate2007.js";
import {spikeStatistics} from "../../lib/analysis/spikes.js";
import {step} from "../../lib/stimuli/step.js";
import type {CellId2007, Preset2007, Simulate2007Options, Stimulus, Trace2007} from "../../lib/index.js";
import {fmt} from "../charts/chart.js";
import {STEP_LIMITS, type SharedCurrent} from "../../state/cells2007State.js";

/** Output interval (ms) of the accurate runs: izhi2007.m's τ, so both traces have the same samples. */
export const ACCURATE_DT = 0.25;
/** Length of the burst variants' hyperpolarising hold (ms), as in presets2007. */
export const HOLD_MS = 120;

/** "RS", "TC burst", … */
export function shortName(id: CellId2007): string {
  return id.replace("2007", "").replace("_burst", " burst");
}

/** How a trace is shown: the published Euler loop, the accurate integration, or both overlaid. */
export type View2007 = "book" | "adaptive" | "overlay";
export const VIEW_LABELS: Readonly<Record<View2007, string>> = Object.freeze({
  book: "book (as published)",
  adaptive: "accurately integrated",
  overlay: "both, overlaid"
});

/** The nine parameters with their units, in the table order of docs/science.md §3. */
export function parameterRows(p: Preset2007): {name: string; value: string; unit: string}[] {
  const c = p.cell;
  const s = p.special;
  const rows = [
    {name: "C", value: fmt(c.C), unit: "pF"},
    {name: "k", value: fmt(c.k), unit: "nS/mV"},
    {name: "vr", value: fmt(c.vr), unit: "mV"},
    {name: "vt", value: fmt(c.vt), unit: "mV"},
    {
      name: "vpeak",
      value: s.vpeakU ? `${fmt(c.vpeak)} ${s.vpeakU < 0 ? "−" : "+"} ${fmt(Math.abs(s.vpeakU))}·u` : fmt(c.vpeak),
      unit: "mV"
    },
    {name: "a", value: fmt(c.a), unit: "1/ms"},
    {
      name: "b",
      value: s.cubicU
        ? "— (U(v))"
        : s.bBelow
          ? `${fmt(s.bBelow.b)} if v ≤ ${fmt(s.bBelow.v)} mV, else ${fmt(c.b)}`
          : fmt(c.b),
      unit: "nS"
    },
    {name: "c", value: s.cU ? `${fmt(c.c)} ${s.cU < 0 ? "−" : "+"} ${fmt(Math.abs(s.cU))}·u` : fmt(c.c), unit: "mV"},
    {name: "d", value: fmt(c.d), unit: "pA"}
  ];
  return rows;
}

/** The cell's special rules in words (empty for the plain model). */
export function specialRules(p: Preset2007): string[] {
  const s = p.special;
  const out: string[] = [];
  if (s.vpeakU)
    out.push(
      `The spike cut-off moves with u: a spike is registered when v reaches ${fmt(p.cell.vpeak)} ${s.vpeakU < 0 ? "−" : "+"} ${fmt(Math.abs(s.vpeakU))}·u mV.`
    );
  if (s.cU)
    out.push(
      `The reset moves with u: v is reset to ${fmt(p.cell.c)} ${s.cU < 0 ? "−" : "+"} ${fmt(Math.abs(s.cU))}·u mV (u before its increment).`
    );
  if (s.uCap !== undefined) out.push(`u is capped at the reset: u ← min(u + d, ${fmt(s.uCap)} pA).`);
  if (s.bBelow)
    out.push(`b switches with v: ${fmt(s.bBelow.b)} nS while v ≤ ${fmt(s.bBelow.v)} mV, ${fmt(p.cell.b)} nS above.`);
  if (s.cubicU)
    out.push(
      `u follows a cubic instead of b(v − vr): u′ = a(U(v) − u) with U = 0 for v < ${fmt(s.cubicU.vb)} mV and ${fmt(s.cubicU.k)}(v + ${fmt(-s.cubicU.vb)})³ pA otherwise.`
    );
  if (p.id === "TC2007_burst")
    out.push(
      `Burst mode: the cell is first held at −1200 pA for ${HOLD_MS} ms (v near −80 mV), then released to the test current.`
    );
  if (p.id === "RTN2007_burst")
    out.push(`Burst mode: the cell is first held at −350 pA for ${HOLD_MS} ms, then stepped to the test current.`);
  return out;
}

/** The test current as a sentence: "a 60 pA step from 0 ms" or the burst protocol. */
export function currentText(id: CellId2007, current: number): string {
  if (id === "TC2007_burst") return `−1200 pA for ${HOLD_MS} ms, then ${fmt(current)} pA`;
  if (id === "RTN2007_burst") return `−350 pA for ${HOLD_MS} ms, then ${fmt(current)} pA`;
  return `a ${fmt(current)} pA step from t = 0 ms`;
}

/** One cell at one test current, as published and accurately integrated. */
export interface CellRun {
  id: CellId2007;
  current: number;
  book: Trace2007;
  adaptive: Trace2007;
}

/** Runs a cell at a test current (pA) with izhi2007.m's Euler loop and with the accurate method. */
export function runCell(id: CellId2007, current: number): CellRun {
  return {id, current, book: runMethod(id, current, "book"), adaptive: runMethod(id, current, "adaptive")};
}

/** One of the two runs of {@link runCell} (so a page can give each its own task). */
export function runMethod(id: CellId2007, current: number, method: "book" | "adaptive"): Trace2007 {
  const p = cell2007At(id, current);
  return method === "book" ? simulate2007({...p, method}) : simulate2007({...p, method, dt: ACCURATE_DT});
}

function spikes(n: number): string {
  return `${n} spike${n === 1 ? "" : "s"}`;
}

/** A sentence comparing the spike counts of the two methods, with the numbers. */
export function differenceSentence(
  run: Pick<CellRun, "id" | "current"> & {book: {spikes: ArrayLike<number>}; adaptive: {spikes: ArrayLike<number>}}
): string {
  const nb = run.book.spikes.length;
  const na = run.adaptive.spikes.length;
  const at = `${shortName(run.id)} at ${fmt(run.current)} pA`;
  if (nb === na) return `${at}: both methods give ${spikes(nb)}.`;
  const more = na > nb ? "gains" : "loses";
  return `${at}: the book's Euler loop (τ = 0.25 ms) gives ${spikes(nb)}, the accurate integration ${spikes(na)}; integrated accurately the cell ${more} ${spikes(Math.abs(na - nb))}.`;
}

/** The rest state's bifurcation currents as a sentence, or why there is no closed form. */
export function bifurcationText(p: Preset2007): string {
  const s = p.special;
  if (s.cubicU) return "No closed-form I_sn or I_AH: FS's cubic U(v) replaces b(v − vr).";
  if (s.bBelow) {
    // Near rest: the branch of b at vr (TC: vr = −60 > −65, so b = 0; RTN sits on the kink at −65 mV).
    if (p.cell.vr > s.bBelow.v) {
      const f = bifurcationCurrents2007(p.cell);
      return `With the b that holds near rest (b = ${fmt(p.cell.b)} nS above ${fmt(s.bBelow.v)} mV): I_sn = ${fmt(f.Isn)} pA at v = ${fmt(f.vsn)} mV; rest is lost in a ${f.restLoss} bifurcation (${f.restLoss === "saddle-node" ? "integrator" : "resonator"}).`;
    }
    return `No single closed form: rest (vr = ${fmt(p.cell.vr)} mV) sits on the kink of b at ${fmt(s.bBelow.v)} mV.`;
  }
  const f = bifurcationCurrents2007(p.cell);
  const hopf = f.IAH === null ? "" : `I_AH = ${fmt(f.IAH)} pA (v = ${fmt(f.vAH)} mV) < `;
  return `${hopf}I_sn = ${fmt(f.Isn)} pA (v = ${fmt(f.vsn)} mV); rest is lost in ${f.restLoss === "saddle-node" ? "a saddle-node bifurcation (integrator)" : "an Andronov–Hopf bifurcation (resonator)"}.`;
}

// ---------------------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------------------

/** The shared current as a stimulus, its run length and onset (ms), and a sentence. */
export function sharedStimulus(c: SharedCurrent): {
  stimulus: Stimulus;
  duration: number;
  onset: number;
  description: string;
} {
  if (c.kind === "test") {
    const p = cell2007At(c.id, c.current);
    const burst = c.id.endsWith("_burst");
    return {
      stimulus: p.current,
      duration: p.duration,
      onset: burst ? HOLD_MS : 0,
      description: `Every cell receives ${shortName(c.id)}'s test current: ${currentText(c.id, c.current)}, for ${fmt(p.duration)} ms.`
    };
  }
  const clamp = (x: number, [lo, hi]: readonly [number, number]) =>
    Math.min(hi, Math.max(lo, Number.isFinite(x) ? x : lo));
  const amplitude = clamp(c.amplitude, STEP_LIMITS.amplitude);
  const duration = clamp(c.duration, STEP_LIMITS.duration);
  const onset = Math.min(clamp(c.onset, STEP_LIMITS.onset), duration - 1);
  return {
    stimulus: step(amplitude, onset),
    duration,
    onset,
    description: `Every cell receives a step of ${fmt(amplitude)} pA from t = ${fmt(onset)} ms, for ${fmt(duration)} ms.`
  };
}

/** One compared cell's run and statistics. */
export interface CompareRun2007 {
  index: number;
  id: CellId2007;
  trace: Trace2007 | null;
  error: string | null;
}

/** The options of one compared cell's run: its cell, the shared current and run length, the method, 0.25 ms. */
export function comparedOptions(
  id: CellId2007,
  shared: ReturnType<typeof sharedStimulus>,
  method: "book" | "adaptive"
): Simulate2007Options {
  const p = CELLS_2007[id];
  return {cell: p.cell, special: p.special, current: shared.stimulus, duration: shared.duration, method, dt: 0.25};
}

/** Runs one compared cell (errors become messages). */
export function runCompared(
  index: number,
  id: CellId2007,
  shared: ReturnType<typeof sharedStimulus>,
  method: "book" | "adaptive"
): CompareRun2007 {
  try {
    const trace = simulate2007(comparedOptions(id, shared, method));
    return {index, id, trace, error: null};
  } catch (e) {
    return {index, id, trace: null, error: e instanceof Error ? e.message : String(e)};
  }
}

/** One row of the statistics table: a label, its meaning and one value per cell. */
export interface StatsRow2007 {
  label: string;
  note: string;
  values: string[];
}

/** The statistics from the onset to the end of the run: spikes, rate, latency, mean ISI, CV, adaptation, pattern. */
export function statsRows2007(runs: CompareRun2007[], onset: number, end: number): StatsRow2007[] {
  const stats = runs.map((r) => (r.trace ? spikeStatistics(r.trace.spikes, {start: onset, end, onset}) : null));
  const patterns = runs.map((r) => {
    if (!r.trace) return "—";
    const res = classifyFiringPattern(r.trace.spikes, {start: onset, end, onset});
    return res.spikesPerBurst && res.pattern === "bursting"
      ? `bursting (${res.spikesPerBurst} per burst)`
      : res.pattern;
  });
  const col = (f: (s: NonNullable<(typeof stats)[number]>) => number | null, unit = "") =>
    stats.map((s) => (s ? (f(s) === null ? "—" : `${fmt(f(s), 3)}${unit}`) : "—"));
  return [
    {label: "Spikes", note: "count after the onset", values: stats.map((s) => (s ? String(s.count) : "—"))},
    {label: "Rate (Hz)", note: "spikes per second", values: col((s) => s.rate)},
    {label: "First-spike latency (ms)", note: "from the onset", values: col((s) => s.latency)},
    {label: "Mean ISI (ms)", note: "inter-spike interval", values: col((s) => s.meanIsi)},
    {label: "CV", note: "ISI spread ÷ mean", values: col((s) => s.cv)},
    {label: "Adaptation", note: "> 0: intervals lengthen", values: col((s) => s.adaptation)},
    {label: "Firing pattern", note: "classifyFiringPattern", values: patterns}
  ];
}
