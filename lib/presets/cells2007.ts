/**
 * The book's cells (Izhikevich 2007, ch. 8) as complete `simulate2007` options, with the parameters, durations
 * and test currents of OSB's izhi2007.m (protocols.json `izh2007_cells`, docs/science.md §3). Each preset runs the
 * first test current as a step from t = 0 with method "book" at τ = 0.25 ms, v0 = vr, u0 = 0, so
 * `simulate2007(CELLS_2007.RS2007)` redraws izhi2007.m's first panel.
 */
import type {Cell2007, Special2007} from "../models/izhikevich2007.js";
import type {Simulate2007Options} from "../simulate2007.js";
import {step, sum, type Stimulus} from "../stimuli/index.js";

/** Identifiers of the book's cells (protocols.json ids) and the burst-mode variants. */
export type CellId2007 =
  "RS2007" | "IB2007" | "CH2007" | "LTS2007" | "FS2007" | "TC2007" | "RTN2007" | "TC2007_burst" | "RTN2007_burst";

/** A named, described, complete options object for `simulate2007`, with the protocol's test currents (pA). */
export interface Preset2007 extends Simulate2007Options {
  id: CellId2007;
  name: string;
  description: string;
  cell: Cell2007;
  special: Special2007;
  current: Stimulus;
  duration: number;
  method: "book";
  dt: number;
  testCurrents: number[];
}

/** izhi2007.m's step (ms). */
const TAU = 0.25;

function cell2007(
  id: CellId2007,
  name: string,
  description: string,
  cell: Cell2007,
  special: Special2007,
  testCurrents: number[],
  duration: number,
  current: Stimulus = step(testCurrents[0], 0)
): Preset2007 {
  return {id, name, description, cell, special, current, duration, method: "book", dt: TAU, testCurrents};
}

// TC: izhi2007.m sets b from the new v every step (0 above −65 mV, 15 at or below), so the b it starts with
// (15) is never used; cell.b holds the branch above the kink.
const TC_CELL: Cell2007 = {C: 200, k: 1.6, vr: -60, vt: -50, vpeak: 35, a: 0.01, b: 0, c: -60, d: 10};
const TC_SPECIAL: Special2007 = {vpeakU: 0.1, cU: -0.1, bBelow: {v: -65, b: 15}};
const RTN_CELL: Cell2007 = {C: 40, k: 0.25, vr: -65, vt: -45, vpeak: 0, a: 0.015, b: 2, c: -55, d: 50};
const RTN_SPECIAL: Special2007 = {bBelow: {v: -65, b: 10}};
/** izhi2007.m's burst mode: a 120-ms hyperpolarising hold that brings v to about −80 mV (ms). */
const HOLD = 120;

/** The seven cells of the book (and two burst-mode variants), keyed by id. */
export const CELLS_2007: Readonly<Record<CellId2007, Preset2007>> = Object.freeze({
  RS2007: cell2007(
    "RS2007",
    "Regular spiking (RS) L5 pyramidal",
    "Layer 5 regular-spiking pyramidal cell, book Fig. 8.12: adapting tonic spikes.",
    {C: 100, k: 0.7, vr: -60, vt: -40, vpeak: 35, a: 0.03, b: -2, c: -50, d: 100},
    {},
    [60, 70, 85, 100],
    520
  ),
  IB2007: cell2007(
    "IB2007",
    "Intrinsically bursting (IB) L5",
    "Layer 5 intrinsically bursting cell, book Fig. 8.19: an initial burst, then tonic spikes.",
    {C: 150, k: 1.2, vr: -75, vt: -45, vpeak: 50, a: 0.01, b: 5, c: -56, d: 130},
    {},
    [290, 370, 500, 550],
    600
  ),
  CH2007: cell2007(
    "CH2007",
    "Chattering (CH) cat V1",
    "Cat primary visual cortex chattering cell, book Fig. 8.23: fast rhythmic bursts.",
    {C: 50, k: 1.5, vr: -60, vt: -40, vpeak: 25, a: 0.03, b: 1, c: -40, d: 150},
    {},
    [200, 300, 400, 600],
    210
  ),
  LTS2007: cell2007(
    "LTS2007",
    "Low-threshold spiking (LTS) interneuron",
    "Rat barrel cortex LTS interneuron, book Fig. 8.25: cut-off 40 − 0.1u, reset −53 + 0.04u, u capped at 670 pA.",
    {C: 100, k: 1, vr: -56, vt: -42, vpeak: 40, a: 0.03, b: 8, c: -53, d: 20},
    {vpeakU: -0.1, cU: 0.04, uCap: 670},
    [100, 125, 200, 300],
    320
  ),
  // FS: U(v) replaces b(v − vr), so b is unused (izhi2007.m's −2 is dead); d = 0: no u increment at the reset
  // (izhi2007.m passes vb = −55 through its d slot).
  FS2007: cell2007(
    "FS2007",
    "Fast spiking (FS) L5 interneuron",
    "Rat visual cortex L5 fast-spiking interneuron, book Fig. 8.27: u' = a(U(v) − u), U = 0.025(v + 55)³ above −55 mV.",
    {C: 20, k: 1, vr: -55, vt: -40, vpeak: 25, a: 0.2, b: 0, c: -45, d: 0},
    {cubicU: {vb: -55, k: 0.025}},
    [73.2, 100, 200, 400],
    100
  ),
  TC2007: cell2007(
    "TC2007",
    "Thalamocortical (TC) relay, tonic mode",
    "Cat dLGN relay cell, book Fig. 8.31: b = 15 below −65 mV else 0; cut-off 35 + 0.1u, reset −60 − 0.1u.",
    TC_CELL,
    TC_SPECIAL,
    [50, 100, 150],
    650
  ),
  RTN2007: cell2007(
    "RTN2007",
    "Reticular thalamic nucleus (RTN), tonic mode",
    "Rat RTN cell, book Fig. 8.32: b = 10 below −65 mV else 2.",
    RTN_CELL,
    RTN_SPECIAL,
    [50, 70, 110],
    650
  ),
  TC2007_burst: cell2007(
    "TC2007_burst",
    "Thalamocortical (TC) relay, burst mode",
    "TC held at −1200 pA for 120 ms (v near −80 mV), then released to 0 pA: a rebound burst.",
    TC_CELL,
    TC_SPECIAL,
    [0, 50, 100],
    650 + HOLD,
    step(-1200, 0, HOLD)
  ),
  RTN2007_burst: cell2007(
    "RTN2007_burst",
    "Reticular thalamic nucleus (RTN), burst mode",
    "RTN held at −350 pA for 120 ms, then stepped to 30 pA: a burst, then tonic spikes.",
    RTN_CELL,
    RTN_SPECIAL,
    [30, 50, 90],
    720 + HOLD,
    sum(step(-350, 0, HOLD), step(30, HOLD))
  )
});

/** The book's cell ids in display order (the book's order, then the burst-mode variants). */
export const CELL_IDS_2007: readonly CellId2007[] = Object.freeze(Object.keys(CELLS_2007) as CellId2007[]);

/**
 * The preset `id` run at another of its test currents (pA) with the same protocol: for the burst variants the
 * 120-ms hold is kept and `current` follows it.
 */
export function cell2007At(id: CellId2007, current: number): Preset2007 {
  const p = CELLS_2007[id];
  const burst = id.endsWith("_burst");
  const hold = id === "TC2007_burst" ? -1200 : -350;
  return {...p, current: burst ? sum(step(hold, 0, HOLD), step(current, HOLD)) : step(current, 0)};
}
