/**
 * The equilibrium bifurcation diagram of the Izhikevich (2003) model against the constant current I, in
 * closed form (docs/science.md §4): the branches of equilibria v±(I) with their stability, the saddle-node
 * (fold) point and the Andronov–Hopf point with its first Lyapunov coefficient. No integration: every number
 * comes from `equilibria` (equilibria.ts) and `bifurcationCurrents` (bifurcationCurrents.ts), so the diagram
 * and the phase plane agree.
 *
 * Units: I in the paper's units (a current normalised by capacitance, mV/ms), v in mV, u in mV/ms,
 * eigenvalues in 1/ms, ω in rad/ms.
 */
import {resolveEquation} from "../models/izhikevich2003.js";
import type {Equation, Params} from "../models/izhikevich2003.js";
import {checkKeys, checkNumber} from "../validate.js";
import {bifurcationCurrents} from "./bifurcationCurrents.js";
import {equilibria, type EquilibriumType} from "./equilibria.js";

/** Stability of a stretch of a branch, as the diagram draws it. */
export type BranchStability = "stable" | "unstable" | "saddle";

/** One point of a branch. */
export interface BranchPoint {
  /** Current (mV/ms). */
  I: number;
  /** Membrane potential of the equilibrium (mV). */
  v: number;
  /** Recovery variable of the equilibrium (mV/ms). */
  u: number;
  /** Node / focus / saddle classification from `equilibria` (equilibria.ts). */
  type: EquilibriumType;
  /** Largest real part of the eigenvalues (1/ms): the growth rate of small perturbations. */
  growth: number;
}

/** A maximal stretch of one branch with one stability; consecutive segments share their end point. */
export interface BranchSegment {
  /** "lower" (the smaller root v₋), "upper" (v₊), or "single" (accommodation variant: v = −65). */
  branch: "lower" | "upper" | "single";
  stability: BranchStability;
  points: BranchPoint[];
}

/** The saddle-node (fold) point: where the two branches meet and end. */
export interface SaddleNodePoint {
  /** I_sn = (f − b)²/(4e) − g (mV/ms). */
  I: number;
  /** v_sn = (b − f)/(2e) (mV). */
  v: number;
  /** u = b·v_sn (mV/ms). */
  u: number;
}

/** The Andronov–Hopf point on the node/focus branch. */
export interface HopfPoint {
  /** I_AH = I_sn − (b − a)²/(4e) (mV/ms). */
  I: number;
  /** v_AH = (a − f)/(2e) (mV). */
  v: number;
  /** u = b·v_AH (mV/ms). */
  u: number;
  /** Angular frequency of the eigenvalues ±iω at the Hopf point (rad/ms): ω = √(a(b − a)). */
  omega: number;
  /** Period of the small oscillation at onset (ms): 2π/ω. */
  period: number;
  /** First Lyapunov coefficient l1 = e²·a/((1 + ab)·ω³) (docs/science.md §4). */
  l1: number;
  /** sign(l1) > 0: "subcritical" (an unstable cycle shrinks onto the rest), < 0: "supercritical". */
  criticality: "subcritical" | "supercritical";
}

/** Options of {@link equilibriumBifurcation}. */
export interface BifurcationDiagramOptions {
  /** The quadratic's coefficients and the u-equation; defaults 0.04, 5, 140, "standard". */
  equation?: Partial<Equation>;
  /** Lowest current (mV/ms); default: a margin below the lowest special point (or I_sn − 10). */
  from?: number;
  /** Highest current (mV/ms); default: a margin above I_sn. Must be > from. */
  to?: number;
  /** Number of evenly spaced currents (integer 2…100000), to which I_sn and I_AH are added; default 401. */
  count?: number;
}

/** The diagram: segments of the branches with their stability, and the special points. */
export interface BifurcationDiagram {
  /** The current range actually used (mV/ms). */
  from: number;
  to: number;
  /** The branches cut where the stability changes, in order of branch then I. */
  segments: BranchSegment[];
  /** The fold, or null (accommodation variant, or outside [from, to]). */
  saddleNode: SaddleNodePoint | null;
  /** The Hopf point, or null (none exists, accommodation variant, or outside [from, to]). */
  hopf: HopfPoint | null;
  /** Which bifurcation destroys the rest state (from `bifurcationCurrents`). */
  restLoss: "saddle-node" | "andronov-hopf" | null;
  /** What the reader should know about this diagram (e.g. that the accommodation variant has no bifurcation). */
  notes: string[];
}

const FN = "equilibriumBifurcation";

/** Stability family of an equilibrium type (the degenerate types go with the side they separate). */
export function stabilityOf(type: EquilibriumType): BranchStability {
  if (type === "saddle") return "saddle";
  if (type === "stable node" || type === "stable focus") return "stable";
  return "unstable";
}

/**
 * The equilibria against I, with the fold and Hopf points.
 *
 * Standard u-equation: for I < I_sn two branches v₋ < v₊ (roots of e·v² + (f − b)·v + g + I = 0, u = b·v);
 * for a > 0 the upper one is a saddle and the lower one a node/focus that is stable below I_AH (or up to
 * I_sn if there is no Hopf point); for a < 0 the roles swap (docs/science.md §4). The grid always contains I_sn
 * and I_AH exactly when they lie in range, so the segments end on the special points.
 *
 * Accommodation variant (u' = a·b·(v + 65)): one branch v = −65 for every I, of one type (tr and det do not
 * depend on I), and no bifurcation at all; `notes` says so.
 *
 * @throws RangeError/TypeError naming the field, the value and what is allowed.
 */
export function equilibriumBifurcation(params: Params, options: BifurcationDiagramOptions = {}): BifurcationDiagram {
  const o = checkKeys(options, `${FN}: options`, ["equation", "from", "to", "count"]) as BifurcationDiagramOptions;
  const equation = resolveEquation(o.equation, `${FN}: options.equation`);
  const bif = bifurcationCurrents(params, equation); // checks params.a, params.b and e > 0
  const {a, b} = params;
  const special = [bif.saddleNode, bif.hopf].filter((x): x is number => x !== null);
  const span = special.length ? Math.max(1, 2 * (Math.max(...special) - Math.min(...special))) : 10;
  const from =
    o.from === undefined
      ? special.length
        ? Math.min(...special) - span
        : -10
      : checkNumber(o.from, `${FN}: options.from`);
  const to =
    o.to === undefined
      ? special.length
        ? Math.max(...special) + span / 4
        : 10
      : checkNumber(o.to, `${FN}: options.to`);
  if (!(to > from)) throw new RangeError(`${FN}: options.to must be a finite number > from (${from}), got ${to}`);
  const count =
    o.count === undefined ? 401 : checkNumber(o.count, `${FN}: options.count`, {min: 2, max: 100_000, integer: true});

  // The even grid plus the special points themselves; grid points within rounding of a special point give way
  // to it, so a segment ends exactly on I_sn or I_AH.
  const inRange = special.filter((x) => x >= from && x <= to);
  const near = 1e-9 * (to - from);
  const grid: number[] = [...inRange];
  for (let k = 0; k < count; k++) {
    const I = k === count - 1 ? to : from + ((to - from) * k) / (count - 1);
    if (!inRange.some((x) => Math.abs(x - I) <= near)) grid.push(I);
  }
  grid.sort((p, q) => p - q);

  const lower: BranchPoint[] = [];
  const upper: BranchPoint[] = [];
  for (let i = 0; i < grid.length; i++) {
    const I = grid[i]!;
    if (i > 0 && I === grid[i - 1]) continue; // I_sn = I_AH (Bogdanov–Takens)
    const eqs = equilibria(params, I, equation);
    const points = eqs.map((p) => ({I, v: p.v, u: p.u, type: p.type, growth: p.eigenvalues[0].re}));
    if (points.length === 2) {
      lower.push(points[0]!);
      upper.push(points[1]!);
    } else if (points.length === 1) {
      // The fold (both branches end here) or the single accommodation equilibrium.
      lower.push(points[0]!);
      if (equation.u === "standard") upper.push(points[0]!);
    }
  }

  const notes: string[] = [];
  let saddleNode: SaddleNodePoint | null = null;
  let hopf: HopfPoint | null = null;
  if (equation.u === "accommodation") {
    notes.push(
      "With the accommodation u-equation (u' = a·b·(v + 65)) the only equilibrium is v = −65 mV for every I, with the same eigenvalues for every I: there is no saddle-node and no Hopf bifurcation in I."
    );
  } else {
    if (bif.saddleNode! >= from && bif.saddleNode! <= to) {
      saddleNode = {I: bif.saddleNode!, v: bif.vSaddleNode!, u: b * bif.vSaddleNode!};
    } else notes.push(`The saddle-node current I_sn = ${bif.saddleNode} lies outside the range [${from}, ${to}].`);
    if (bif.hopf !== null) {
      if (bif.hopf >= from && bif.hopf <= to) {
        const omega = bif.hopfFrequency!;
        const l1 = (equation.e * equation.e * a) / ((1 + a * b) * omega ** 3);
        hopf = {
          I: bif.hopf,
          v: bif.vHopf!,
          u: b * bif.vHopf!,
          omega,
          period: (2 * Math.PI) / omega,
          l1,
          criticality: l1 > 0 ? "subcritical" : "supercritical"
        };
      } else notes.push(`The Andronov–Hopf current I_AH = ${bif.hopf} lies outside the range [${from}, ${to}].`);
    } else
      notes.push(
        "There is no Andronov–Hopf point: a(b − a) ≤ 0, so the eigenvalues never cross the imaginary axis as a complex pair."
      );
  }

  const segments = [...split("lower", lower, equation), ...split("upper", upper, equation)];
  return {from, to, segments, saddleNode, hopf, restLoss: bif.restLoss, notes};
}

/**
 * Cuts a branch into stretches of one stability. Consecutive stretches share their boundary point, and a
 * degenerate point (the fold or a centre) closes one stretch and opens the next, so the drawn curve is unbroken.
 */
function split(name: "lower" | "upper", points: BranchPoint[], equation: Equation): BranchSegment[] {
  if (equation.u === "accommodation" && name === "upper") return [];
  const branch = equation.u === "accommodation" ? "single" : name;
  const segments: BranchSegment[] = [];
  let current: BranchSegment | null = null;
  let boundary: BranchPoint | null = null;
  let last: BranchPoint | null = null;
  for (const p of points) {
    if (p.type === "center" || p.type === "saddle-node") {
      current?.points.push(p);
      current = null;
      boundary = p;
      continue;
    }
    const stability = stabilityOf(p.type);
    if (!current || current.stability !== stability) {
      const start = boundary ?? last;
      current = {branch, stability, points: start ? [start] : []};
      segments.push(current);
    }
    boundary = null;
    current.points.push(p);
    last = p;
  }
  return segments;
}
