/**
 * The cell classes of Izhikevich (2003), Fig. 2, as complete `simulate` options: parameters, initial states,
 * durations, step sizes and currents of the author's figure1.m (docs/science.md §2.1), including its strict
 * inequalities (`t > T1`), so `simulate(CLASSES.RS)` redraws the published panel with method "paper2004" at
 * τ = 0.25 ms.
 */
import type {Params} from "../models/izhikevich2003.js";
import type {ProtocolSegment} from "../stimuli/index.js";
import {published, type Preset} from "./published.js";

/** Identifiers of the 2003 classes. */
export type ClassId = "RS" | "IB" | "CH" | "FS" | "TC" | "TC_burst" | "RZ" | "LTS";

/** figure1.m's step for the 2003 classes (ms). */
const TAU = 0.25;

/** A 2003 class: figure1.m's τ = 0.25 ms, u0 = b·v0 and step currents with strict inequalities. */
function preset2003(
  id: ClassId,
  name: string,
  description: string,
  params: Params,
  v0: number,
  duration: number,
  baseline: number,
  steps: {t0: number; t1: number | null; value: number}[]
): Preset {
  const segments = steps.map((s): ProtocolSegment => ({...s, kind: "step", closed: "open"}));
  return published(id, name, description, params, {v0, dt: TAU, duration}, baseline, segments);
}

/** The 2003 classes keyed by id (Izhikevich 2003, Fig. 2; figure1.m, first figure). */
export const CLASSES: Readonly<Record<ClassId, Preset>> = Object.freeze({
  RS: preset2003(
    "RS",
    "regular spiking (RS)",
    "Excitatory cortical cell: tonic spikes whose rate adapts under a sustained input.",
    {a: 0.02, b: 0.2, c: -65, d: 8},
    -63,
    150,
    0,
    [{t0: 15, t1: null, value: 14}]
  ),
  IB: preset2003(
    "IB",
    "intrinsically bursting (IB)",
    "Fires a burst of spikes at onset, then switches to single spikes.",
    {a: 0.02, b: 0.2, c: -55, d: 4},
    -70,
    150,
    0,
    [{t0: 15, t1: null, value: 11}]
  ),
  CH: preset2003(
    "CH",
    "chattering (CH)",
    "Fires stereotyped high-frequency bursts at a steady rhythm.",
    {a: 0.02, b: 0.2, c: -50, d: 2},
    -70,
    150,
    0,
    [{t0: 15, t1: null, value: 10}]
  ),
  FS: preset2003(
    "FS",
    "fast spiking (FS)",
    "Inhibitory interneuron: fast recovery gives high-rate spiking with little adaptation.",
    {a: 0.1, b: 0.2, c: -65, d: 2},
    -70,
    150,
    0,
    [{t0: 15, t1: null, value: 10}]
  ),
  TC: preset2003(
    "TC",
    "thalamo-cortical (TC), depolarised",
    "Thalamic relay cell started depolarised: tonic spiking under a small input.",
    {a: 0.02, b: 0.25, c: -65, d: 0.05},
    -63,
    150,
    0,
    [{t0: 30, t1: null, value: 1.5}]
  ),
  TC_burst: preset2003(
    "TC_burst",
    "thalamo-cortical (TC), hyperpolarised",
    "Thalamic relay cell held hyperpolarised, then released: a rebound burst.",
    {a: 0.02, b: 0.25, c: -65, d: 0.05},
    -87,
    150,
    -25,
    [{t0: 45, t1: null, value: 0}]
  ),
  RZ: preset2003(
    "RZ",
    "resonator (RZ)",
    "Damped subthreshold oscillations; fires when a brief pulse arrives in resonance.",
    {a: 0.1, b: 0.26, c: -65, d: 2},
    -70,
    100,
    -2,
    [
      {t0: 10, t1: null, value: -0.5},
      {t0: 60, t1: 65, value: 10}
    ]
  ),
  LTS: preset2003(
    "LTS",
    "low-threshold spiking (LTS)",
    "Inhibitory interneuron with a low threshold: high-rate spikes with adaptation.",
    {a: 0.02, b: 0.25, c: -65, d: 2},
    -63,
    250,
    0,
    [{t0: 25, t1: null, value: 10}]
  )
});

/** The 2003 class ids in display order (Fig. 2's order). */
export const CLASS_IDS: readonly ClassId[] = Object.freeze(Object.keys(CLASSES) as ClassId[]);
