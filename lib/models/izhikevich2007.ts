/**
 * The generalised Izhikevich (2007) model ("Dynamical Systems in Neuroscience", ch. 8) as data, plus its
 * right-hand side and the closed-form bifurcation currents of its rest state. See docs/science.md §3.
 *
 *   C·v' = k(v − vr)(v − vt) − u + I          u' = a(b(v − vr) − u)
 *   if v ≥ vpeak: v ← c, u ← u + d
 *
 * Units: C pF, k nS/mV, v mV, I pA, t ms, a 1/ms, b nS, d pA, u pA. The cell-specific rules of the book
 * (LTS, FS, TC, RTN) are expressed as data in {@link Special2007}, never as closures, so a cell can be saved,
 * compared and validated like any other options object.
 */
import {checkKeys, checkNumber} from "../validate.js";

/** The nine parameters of the 2007 model. */
export interface Cell2007 {
  /** Membrane capacitance (pF), > 0. */
  C: number;
  /** Gain of the quadratic (nS/mV), > 0. */
  k: number;
  /** Resting potential (mV). */
  vr: number;
  /** Instantaneous threshold potential (mV). */
  vt: number;
  /** Spike cut-off (mV): v is reset when it reaches vpeak (+ vpeakU·u with {@link Special2007.vpeakU}). */
  vpeak: number;
  /** Rate of the recovery variable (1/ms). */
  a: number;
  /** Sensitivity of u to v − vr (nS); the value above the threshold when {@link Special2007.bBelow} is set. */
  b: number;
  /** Reset potential (mV). */
  c: number;
  /** Increment of u at a spike (pA). */
  d: number;
}

/**
 * The book's cell-specific rules as data. Absent fields mean the plain model.
 */
export interface Special2007 {
  /** Cap of u at the reset (pA): u ← min(u + d, uCap) (LTS: 670). */
  uCap?: number;
  /** The cut-off moves with u (mV/pA): spike when v ≥ vpeak + vpeakU·u (LTS −0.1, TC +0.1). */
  vpeakU?: number;
  /** The reset moves with u (mV/pA): v ← c + cU·u, u taken before its increment (LTS 0.04, TC −0.1). */
  cU?: number;
  /** A second b (nS) used while v ≤ `v` (mV); `cell.b` applies above (TC: 15 below −65, else 0; RTN: 10 / 2). */
  bBelow?: {v: number; b: number};
  /**
   * FS: u' = a(U(v) − u) with U(v) = 0 for v < vb and k·(v − vb)³ otherwise (vb mV, k pA/mV³; FS −55, 0.025).
   * Replaces b(v − vr), so `cell.b` is unused.
   */
  cubicU?: {vb: number; k: number};
}

const CELL_KEYS = ["C", "k", "vr", "vt", "vpeak", "a", "b", "c", "d"] as const;

/** Checks a cell and returns a copy holding only its nine parameters. */
export function checkCell2007(cell: unknown, field = "cell"): Cell2007 {
  const p = checkKeys(cell, field, CELL_KEYS);
  const out = {} as Record<(typeof CELL_KEYS)[number], number>;
  for (const key of CELL_KEYS) {
    if (p[key] === undefined) throw new TypeError(`${field}.${key}: required (a finite number)`);
    // C and k must be positive: C divides, and k > 0 makes v blow up to the cut-off (the spike upstroke).
    const positive = key === "C" || key === "k";
    out[key] = checkNumber(p[key], `${field}.${key}`, positive ? {min: 0, minExclusive: true} : {});
  }
  return out;
}

/** Checks the special rules and returns a copy; throws for unknown keys, bad numbers or a contradictory pair. */
export function checkSpecial2007(special: unknown, field = "special"): Special2007 {
  if (special === undefined) return {};
  const s = checkKeys(special, field, ["uCap", "vpeakU", "cU", "bBelow", "cubicU"]);
  const out: Special2007 = {};
  if (s.uCap !== undefined) out.uCap = checkNumber(s.uCap, `${field}.uCap`);
  if (s.vpeakU !== undefined) out.vpeakU = checkNumber(s.vpeakU, `${field}.vpeakU`);
  if (s.cU !== undefined) out.cU = checkNumber(s.cU, `${field}.cU`);
  if (s.bBelow !== undefined) {
    const q = checkKeys(s.bBelow, `${field}.bBelow`, ["v", "b"]);
    out.bBelow = {v: checkNumber(q.v, `${field}.bBelow.v`), b: checkNumber(q.b, `${field}.bBelow.b`)};
  }
  if (s.cubicU !== undefined) {
    const q = checkKeys(s.cubicU, `${field}.cubicU`, ["vb", "k"]);
    out.cubicU = {vb: checkNumber(q.vb, `${field}.cubicU.vb`), k: checkNumber(q.k, `${field}.cubicU.k`)};
  }
  if (out.bBelow && out.cubicU) {
    throw new RangeError(
      `${field}.bBelow: cannot be combined with ${field}.cubicU (U(v) replaces b·(v − vr)); allowed: one of them`
    );
  }
  return out;
}

/** How u' is formed: the plain b, a second b below a threshold (TC, RTN), or the cubic U(v) (FS). */
/** Which piecewise u-rule a model has: {@link KINK_NONE}, {@link KINK_B_BELOW} or {@link KINK_CUBIC}. */
export type Kink = 0 | 1 | 2;
/** No kink: u' = a(b(v − vr) − u). */
export const KINK_NONE = 0;
/** TC/RTN: b switches at bBelow.v. */
export const KINK_B_BELOW = 1;
/** FS: u' = a(U(v) − u) with the cubic U. */
export const KINK_CUBIC = 2;

/**
 * Everything the kernels need, flattened into numbers so hot loops read plain fields. The nine cell fields
 * keep the units of {@link Cell2007}; the rest come from {@link Special2007}.
 */
export interface Model2007 extends Cell2007 {
  /** Slope of the cut-off in u (mV/pA); 0 when the cut-off does not move with u. */
  vpeakU: number;
  /** Whether `special.vpeakU` was given (izhi2007.m's LTS/TC branch tests v > threshold strictly). */
  movingPeak: boolean;
  /** Slope of the reset in u (mV/pA); 0 for the plain reset. */
  cU: number;
  /** Cap of u at the reset (pA); +Infinity without a cap. */
  uCap: number;
  kink: Kink;
  /** The kink's voltage (mV): bBelow.v or cubicU.vb. */
  kinkV: number;
  /** bBelow.b (nS) or cubicU.k (pA/mV³). */
  kinkB: number;
}

/** Flattens a checked cell and its special rules. */
export function makeModel2007(cell: Cell2007, special: Special2007): Model2007 {
  const kink: Kink = special.bBelow ? KINK_B_BELOW : special.cubicU ? KINK_CUBIC : KINK_NONE;
  return {
    ...cell,
    vpeakU: special.vpeakU ?? 0,
    movingPeak: special.vpeakU !== undefined,
    cU: special.cU ?? 0,
    uCap: special.uCap ?? Infinity,
    kink,
    kinkV: special.bBelow ? special.bBelow.v : special.cubicU ? special.cubicU.vb : 0,
    kinkB: special.bBelow ? special.bBelow.b : special.cubicU ? special.cubicU.k : 0
  };
}

/** The cut-off (mV) at recovery u: vpeak + vpeakU·u. */
export function spikeThreshold2007(m: Model2007, u: number): number {
  return m.vpeak + m.vpeakU * u;
}

/** v' (mV/ms) at (v, u) under the current I (pA). */
export function dvdt2007(m: Model2007, v: number, u: number, I: number): number {
  return (m.k * (v - m.vr) * (v - m.vt) - u + I) / m.C;
}

/**
 * u' (pA/ms) at (v, u) on a given branch of the piecewise rule. `low` selects bBelow.b (TC/RTN) or U = 0 (FS);
 * the branch is passed rather than read from v so an integrator can hold it fixed across a step and switch it
 * exactly at the located kink.
 */
export function dudt2007(m: Model2007, v: number, u: number, low: boolean): number {
  if (m.kink === KINK_CUBIC) {
    const x = v - m.kinkV;
    return m.a * ((low ? 0 : m.kinkB * x * x * x) - u);
  }
  return m.a * ((m.kink === KINK_B_BELOW && low ? m.kinkB : m.b) * (v - m.vr) - u);
}

/** The branch the rules of docs/science.md §3 assign to v: b below when v ≤ bBelow.v; U = 0 when v < vb. */
export function lowBranch2007(m: Model2007, v: number): boolean {
  if (m.kink === KINK_B_BELOW) return v <= m.kinkV;
  if (m.kink === KINK_CUBIC) return v < m.kinkV;
  return false;
}

/** The rest state's bifurcations under DC current, from {@link bifurcationCurrents2007}. */
export interface Bifurcations2007 {
  /** Saddle-node (fold) current (pA): the two equilibria merge and vanish. */
  Isn: number;
  /** Voltage of the fold (mV). */
  vsn: number;
  /** Andronov–Hopf current (pA) on the rest branch, or null when the fold comes first (a(b − aC) ≤ 0). */
  IAH: number | null;
  /** Voltage of the Hopf point (mV), or null. */
  vAH: number | null;
  /** How rest is lost as I rises: "saddle-node" (integrator) or "Andronov-Hopf" (resonator). */
  restLoss: "saddle-node" | "Andronov-Hopf";
}

/**
 * Closed-form bifurcation currents of the rest state for the plain 2007 model (pA, mV).
 *
 * With x = v − vr and Δ = vt − vr, equilibria satisfy u = b·x and k·x² − (kΔ + b)·x + I = 0, so they vanish
 * in a fold at x_sn = (kΔ + b)/(2k), I_sn = (kΔ + b)²/(4k). The Jacobian [[k(2x − Δ)/C, −1/C], [ab, −a]] has
 * trace 0 at x_AH = (Δ + aC/k)/2 and determinant a(b − aC)/C there, so the Hopf point exists on the rest
 * branch iff a(b − aC) > 0, at I_AH = I_sn − (b − aC)²/(4k).
 *
 * The special rules are not included: pass the b of the branch that holds near rest (TC near vr: b = 0 gives
 * 40 pA); FS's cubic U(v) has no such closed form.
 */
export function bifurcationCurrents2007(cell: Pick<Cell2007, "C" | "k" | "vr" | "vt" | "a" | "b">): Bifurcations2007 {
  const {C, k, vr, vt, a, b} = cell;
  const s = k * (vt - vr) + b;
  const Isn = (s * s) / (4 * k);
  const vsn = vr + s / (2 * k);
  const hopf = a * (b - a * C) > 0;
  const gap = b - a * C;
  return {
    Isn,
    vsn,
    IAH: hopf ? Isn - (gap * gap) / (4 * k) : null,
    vAH: hopf ? vr + (vt - vr + (a * C) / k) / 2 : null,
    restLoss: hopf ? "Andronov-Hopf" : "saddle-node"
  };
}
