/**
 * What each 2007 cell's name promises, and the test current each card opens at: the first of izhi2007.m's
 * test currents (in increasing order) at which the book's run does what the name says. izhi2007.m's own first
 * current is not always such a current: IB's 290 pA lies below its Andronov–Hopf current I_AH = 347.7 pA, so
 * the cell rests. The behaviours are read from the spikes with the library's classifier and burst detector.
 */
import {CELLS_2007, cell2007At} from "../../lib/presets/cells2007.js";
import {bifurcationCurrents2007} from "../../lib/models/izhikevich2007.js";
import {classifyFiringPattern} from "../../lib/analysis/classifyFiringPattern.js";
import {detectBursts} from "../../lib/analysis/bursts.js";
import {simulate2007} from "../../lib/simulate2007.js";
import type {CellId2007} from "../../lib/index.js";
import {fmt} from "../charts/chart.js";
import {HOLD_MS, shortName} from "./cells2007Model.js";

/** The kinds of behaviour the cells' names promise. */
export type Behaviour = "repetitive" | "burst-then-tonic" | "bursting" | "rebound-burst";

/** What each cell's name says it does. */
export const NAMED_BEHAVIOUR: Readonly<Record<CellId2007, Behaviour>> = Object.freeze({
  RS2007: "repetitive",
  IB2007: "burst-then-tonic",
  CH2007: "bursting",
  LTS2007: "repetitive",
  FS2007: "repetitive",
  TC2007: "repetitive",
  RTN2007: "repetitive",
  TC2007_burst: "rebound-burst",
  RTN2007_burst: "burst-then-tonic"
});

/** The behaviours in words (for the card's sentence). */
export const BEHAVIOUR_TEXT: Readonly<Record<Behaviour, string>> = Object.freeze({
  repetitive: "fires repetitively (tonic or adapting, at least 3 spikes)",
  "burst-then-tonic": "fires a burst at onset, then single spikes",
  bursting: "fires repetitive bursts",
  "rebound-burst": "fires a burst of at least 3 spikes on release"
});

/** Whether spike times (ms) in [start, end) show `behaviour`. */
export function shows(behaviour: Behaviour, spikes: ArrayLike<number>, start: number, end: number): boolean {
  const s = Array.from(spikes).filter((t) => t >= start && t < end);
  if (behaviour === "repetitive") {
    if (s.length < 3) return false;
    const {pattern} = classifyFiringPattern(s, {start, end, onset: start});
    return pattern === "tonic" || pattern === "adapting";
  }
  if (behaviour === "bursting") return classifyFiringPattern(s, {start, end, onset: start}).pattern === "bursting";
  if (s.length < 3) return false;
  if (behaviour === "rebound-burst") {
    // One burst on release that then stops (the classifier's "phasic", with its spikes per burst).
    const r = classifyFiringPattern(s, {start, end, onset: start});
    return (r.pattern === "phasic" || r.pattern === "bursting") && (r.spikesPerBurst ?? 1) >= 3;
  }
  const {bursts} = detectBursts(s);
  const first = bursts[0];
  if (!first || first.start !== s[0]) return false;
  // Burst, then at least two spikes outside any burst.
  return bursts.length === 1 && s.filter((t) => t > first.end).length >= 2;
}

/** Where the test current starts (ms): after the hyperpolarising hold for the burst-mode variants. */
const onsetOf = (id: CellId2007) => (id.endsWith("_burst") ? HOLD_MS : 0);

/** Whether the book's run of `id` at `current` (pA) does what the cell's name says. */
export function firesAsNamed(id: CellId2007, current: number): boolean {
  const p = cell2007At(id, current);
  return shows(NAMED_BEHAVIOUR[id], simulate2007(p).spikes, onsetOf(id), p.duration);
}

/** The test current (pA) a card opens at: the first, in increasing order, at which the cell fires as named. */
export function namedCurrent(id: CellId2007): number {
  const currents = [...CELLS_2007[id].testCurrents].sort((a, b) => a - b);
  return currents.find((I) => firesAsNamed(id, I)) ?? CELLS_2007[id].testCurrents[0]!;
}

/**
 * Why a card opens where it does, when that is not izhi2007.m's first test current: what the cell does there,
 * and, for the plain model, the rest state's bifurcation current that explains it.
 */
export function openingNote(id: CellId2007, current: number): string | null {
  const p = CELLS_2007[id];
  const first = p.testCurrents[0]!;
  if (current === first) return null;
  const spikes = simulate2007(cell2007At(id, first)).spikes.length;
  let why = "";
  if (!p.special.cubicU && !p.special.bBelow) {
    const f = bifurcationCurrents2007(p.cell);
    const loss = f.IAH ?? f.Isn;
    const name = f.IAH !== null ? "I_AH" : "I_sn";
    if (first < loss) why = ` (below ${name} = ${fmt(loss)} pA, where the rest state is lost)`;
  }
  return (
    `Opened at ${fmt(current)} pA, the first of izhi2007.m's test currents at which ${shortName(id)} ` +
    `${BEHAVIOUR_TEXT[NAMED_BEHAVIOUR[id]]}. At izhi2007.m's first test current, ${fmt(first)} pA${why}, ` +
    `the book's run gives ${spikes} spike${spikes === 1 ? "" : "s"}.`
  );
}

/** The classifier's label of spikes in [start, end), with spikes per burst where it counts them. */
function label(spikes: ArrayLike<number>, start: number, end: number): string {
  const s = Array.from(spikes).filter((t) => t >= start && t < end);
  const r = classifyFiringPattern(s, {start, end, onset: start});
  return r.spikesPerBurst !== undefined && (r.pattern === "bursting" || r.pattern === "mixed")
    ? `${r.pattern} (${r.spikesPerBurst} per burst)`
    : r.pattern;
}

/**
 * Where the book's Euler loop and the accurate integration disagree about what the cell does at `current`, a
 * sentence that says so (null where they agree): first on the named behaviour, then on the classifier's label.
 */
export function methodsDisagreement(
  id: CellId2007,
  current: number,
  book: ArrayLike<number>,
  accurate: ArrayLike<number>
): string | null {
  const {duration} = cell2007At(id, current);
  const start = onsetOf(id);
  const behaviour = NAMED_BEHAVIOUR[id];
  const named = [shows(behaviour, book, start, duration), shows(behaviour, accurate, start, duration)];
  if (named[0] !== named[1]) {
    return (
      `Book and accurate integration disagree at ${fmt(current)} pA: the book's run ${named[0] ? "does" : "does not do"} ` +
      `what the name says (${BEHAVIOUR_TEXT[behaviour]}), the accurate one ${named[1] ? "does" : "does not"}.`
    );
  }
  const labels = [label(book, start, duration), label(accurate, start, duration)];
  if (labels[0] !== labels[1])
    return `Book and accurate integration disagree on the pattern at ${fmt(current)} pA: the book's run is ${labels[0]}, the accurate one ${labels[1]}.`;
  return null;
}
