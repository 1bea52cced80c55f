/**
 * The twenty firing patterns of Izhikevich (2004), Fig. 1, as complete `simulate` options (docs/science.md §2.3).
 */
import {published, type Preset} from "./published.js";

/** Panel letters of Izhikevich (2004), Fig. 1. */
export type FeatureId =
  "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I" | "J" | "K" | "L" | "M" | "N" | "O" | "P" | "Q" | "R" | "S" | "T";

/**
 * The twenty firing patterns of Izhikevich (2004), Fig. 1, keyed by panel letter, exactly as figure1.m draws
 * them (docs/science.md §2.3): each panel's own step τ, duration and current with figure1.m's strict or closed
 * inequalities. Panels G and L use figure1.m's quadratic 0.04v² + 4.1v + 108 and R its u-equation
 * u' = a·b·(v + 65) with u0 = −16; these are part of the options, not special cases in the simulator.
 * L's first pulses start at T1 = 100/11 ms (the numbers below are those doubles).
 */
export const FEATURES: Readonly<Record<FeatureId, Preset>> = Object.freeze({
  A: published(
    "A",
    "tonic spiking",
    "Fires spikes at a steady rate for as long as the input lasts.",
    {a: 0.02, b: 0.2, c: -65, d: 6},
    {v0: -70, dt: 0.25, duration: 100},
    0,
    [{t0: 10, t1: null, kind: "step", value: 14, closed: "open"}]
  ),
  B: published(
    "B",
    "phasic spiking",
    "Fires a single spike at the onset of the input, then stays silent.",
    {a: 0.02, b: 0.25, c: -65, d: 6},
    {v0: -64, dt: 0.25, duration: 200},
    0,
    [{t0: 20, t1: null, kind: "step", value: 0.5, closed: "open"}]
  ),
  C: published(
    "C",
    "tonic bursting",
    "Fires periodic bursts of spikes under a constant input.",
    {a: 0.02, b: 0.2, c: -50, d: 2},
    {v0: -70, dt: 0.25, duration: 220},
    0,
    [{t0: 22, t1: null, kind: "step", value: 15, closed: "open"}]
  ),
  D: published(
    "D",
    "phasic bursting",
    "Fires one burst at the onset of the input, then stays silent.",
    {a: 0.02, b: 0.25, c: -55, d: 0.05},
    {v0: -64, dt: 0.2, duration: 200},
    0,
    [{t0: 20, t1: null, kind: "step", value: 0.6, closed: "open"}]
  ),
  E: published(
    "E",
    "mixed mode",
    "Fires a burst at onset, then switches to tonic spikes.",
    {a: 0.02, b: 0.2, c: -55, d: 4},
    {v0: -70, dt: 0.25, duration: 160},
    0,
    [{t0: 16, t1: null, kind: "step", value: 10, closed: "open"}]
  ),
  F: published(
    "F",
    "spike frequency adaptation",
    "Spikes at a high rate at first, then ever more slowly.",
    {a: 0.01, b: 0.2, c: -65, d: 8},
    {v0: -70, dt: 0.25, duration: 85},
    0,
    [{t0: 8.5, t1: null, kind: "step", value: 30, closed: "open"}]
  ),
  G: published(
    "G",
    "Class 1 excitability",
    "Rate rises from near zero as a slow ramp grows (saddle-node onset).",
    {a: 0.02, b: -0.1, c: -55, d: 6},
    {v0: -60, equation: {e: 0.04, f: 4.1, g: 108, u: "standard"}, dt: 0.25, duration: 300},
    0,
    [{t0: 30, t1: null, kind: "ramp", start: 0, slope: 0.075, closed: "open"}]
  ),
  H: published(
    "H",
    "Class 2 excitability",
    "Starts firing at a finite rate when a ramp crosses threshold (Hopf onset).",
    {a: 0.2, b: 0.26, c: -65, d: 0},
    {v0: -64, dt: 0.25, duration: 300},
    -0.5,
    [{t0: 30, t1: null, kind: "ramp", start: -0.5, slope: 0.015, closed: "open"}]
  ),
  I: published(
    "I",
    "spike latency",
    "A barely suprathreshold pulse is followed by a spike only after a long delay.",
    {a: 0.02, b: 0.2, c: -65, d: 6},
    {v0: -70, dt: 0.2, duration: 100},
    0,
    [{t0: 10, t1: 13, kind: "step", value: 7.04, closed: "open"}]
  ),
  J: published(
    "J",
    "subthreshold oscillations",
    "After a brief pulse, v rings with damped subthreshold oscillations.",
    {a: 0.05, b: 0.26, c: -60, d: 0},
    {v0: -62, dt: 0.25, duration: 200},
    0,
    [{t0: 20, t1: 25, kind: "step", value: 2, closed: "open"}]
  ),
  K: published(
    "K",
    "resonator",
    "Fires only when two brief pulses arrive at its resonant interval.",
    {a: 0.1, b: 0.26, c: -60, d: -1},
    {v0: -62, dt: 0.25, duration: 400},
    0,
    [
      {t0: 40, t1: 44, kind: "step", value: 0.65, closed: "open"},
      {t0: 60, t1: 64, kind: "step", value: 0.65, closed: "open"},
      {t0: 280, t1: 284, kind: "step", value: 0.65, closed: "open"},
      {t0: 320, t1: 324, kind: "step", value: 0.65, closed: "open"}
    ]
  ),
  L: published(
    "L",
    "integrator",
    "Fires only when two brief pulses arrive close together in time.",
    {a: 0.02, b: -0.1, c: -55, d: 6},
    {v0: -60, equation: {e: 0.04, f: 4.1, g: 108, u: "standard"}, dt: 0.25, duration: 100},
    0,
    [
      {t0: 9.090909090909092, t1: 11.090909090909092, kind: "step", value: 9, closed: "open"},
      {t0: 14.090909090909092, t1: 16.090909090909093, kind: "step", value: 9, closed: "open"},
      {t0: 70, t1: 72, kind: "step", value: 9, closed: "open"},
      {t0: 80, t1: 82, kind: "step", value: 9, closed: "open"}
    ]
  ),
  M: published(
    "M",
    "rebound spike",
    "A spike follows the release from a brief inhibition.",
    {a: 0.03, b: 0.25, c: -60, d: 4},
    {v0: -64, dt: 0.2, duration: 200},
    0,
    [{t0: 20, t1: 25, kind: "step", value: -15, closed: "open"}]
  ),
  N: published(
    "N",
    "rebound burst",
    "A burst follows the release from a brief inhibition.",
    {a: 0.03, b: 0.25, c: -52, d: 0},
    {v0: -64, dt: 0.2, duration: 200},
    0,
    [{t0: 20, t1: 25, kind: "step", value: -15, closed: "open"}]
  ),
  O: published(
    "O",
    "threshold variability",
    "A weak pulse fires only if a brief inhibition preceded it.",
    {a: 0.03, b: 0.25, c: -60, d: 4},
    {v0: -64, dt: 0.25, duration: 100},
    0,
    [
      {t0: 10, t1: 15, kind: "step", value: 1, closed: "open"},
      {t0: 80, t1: 85, kind: "step", value: 1, closed: "open"},
      {t0: 70, t1: 75, kind: "step", value: -6, closed: "open"}
    ]
  ),
  P: published(
    "P",
    "bistability",
    "A pulse switches tonic spiking on; a later pulse switches it off.",
    {a: 0.1, b: 0.26, c: -60, d: 0},
    {v0: -61, dt: 0.25, duration: 300},
    0.24,
    [
      {t0: 37.5, t1: 42.5, kind: "step", value: 1.24, closed: "open"},
      {t0: 216, t1: 221, kind: "step", value: 1.24, closed: "open"}
    ]
  ),
  Q: published(
    "Q",
    "depolarizing after-potential (DAP)",
    "After a spike, v stays elevated for a while (a depolarising after-potential).",
    {a: 1, b: 0.2, c: -60, d: -21},
    {v0: -70, dt: 0.1, duration: 50},
    0,
    [{t0: 9, t1: 11, kind: "step", value: 20, closed: "open"}]
  ),
  R: published(
    "R",
    "accommodation",
    "A slow ramp does not fire it; a fast rise of the same size does.",
    {a: 0.02, b: 1, c: -55, d: 4},
    {v0: -65, u0: -16, equation: {e: 0.04, f: 5, g: 140, u: "accommodation"}, dt: 0.5, duration: 400},
    0,
    [
      {t0: 0, t1: 200, kind: "ramp", start: 0, slope: 0.04, closed: "open"},
      {t0: 300, t1: 312.5, kind: "ramp", start: 0, slope: 0.32, closed: "open"}
    ]
  ),
  S: published(
    "S",
    "inhibition-induced spiking",
    "Fires while inhibited (the current drops from 80 to 75), silent otherwise.",
    {a: -0.02, b: -1, c: -60, d: 8},
    {v0: -63.8, dt: 0.5, duration: 350},
    80,
    [{t0: 50, t1: 250, kind: "step", value: 75, closed: "both"}]
  ),
  T: published(
    "T",
    "inhibition-induced bursting",
    "Bursts while inhibited (the current drops from 80 to 75), silent otherwise.",
    {a: -0.026, b: -1, c: -45, d: -2},
    {v0: -63.8, dt: 0.5, duration: 350},
    80,
    [{t0: 50, t1: 250, kind: "step", value: 75, closed: "both"}]
  )
});

/** The 2004 panel letters in display order (A to T). */
export const FEATURE_IDS: readonly FeatureId[] = Object.freeze(Object.keys(FEATURES) as FeatureId[]);
