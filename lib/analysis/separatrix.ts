/**
 * The threshold of the Izhikevich model as a curve, not a voltage: the stable manifold of the saddle.
 *
 * States on one side of this curve return to rest, states on the other side run away into a spike (until the
 * reset). It is the set of states that flow INTO the saddle, so it is traced by starting a hair's breadth from
 * the saddle along its stable eigenvector and integrating BACKWARDS in time: the backward flow pushes points
 * away from the saddle along the manifold. Backward time knows no reset, so the flow is smooth and an accurate
 * adaptive Runge–Kutta (the Dormand–Prince 5(4) stepper of the "adaptive" method, with negative steps) traces it.
 *
 * v in mV, u in the units of I (mV/ms), t in ms.
 */
import {Dopri5} from "../integrators/dopri5.js";
import {ACCEPTED, Dopri5Driver, MIN_STEP} from "../integrators/dopri5Driver.js";
import {
  dudt,
  dvdt,
  makeModel,
  resolveEquation,
  type Equation,
  type Model,
  type Params
} from "../models/izhikevich2003.js";
import {compileStimulus} from "../stimuli/index.js";
import {checkKeys, checkNumber} from "../validate.js";
import {equilibria, type Equilibrium} from "./equilibria.js";

/** Options of {@link separatrix}. */
export interface SeparatrixOptions {
  /** v extent (mV) of the box a branch stops at; default [−100, 40] (the plane the model lives in). */
  vRange?: [number, number];
  /** u extent of the box a branch stops at (units of I); default saddle u ± max(40, 2·|saddle u − other equilibrium's u|). */
  uRange?: [number, number];
  /** Longest backward time (ms) per branch; default 2000. Stops branches that wind onto a cycle. */
  maxTime?: number;
  /** The equation; defaults e 0.04, f 5, g 140, u "standard" (2004 G/L: f 4.1, g 108). */
  equation?: Partial<Equation>;
  /** Error tolerance (relative and absolute) per step; default 1e-10. */
  tolerance?: number;
  /** Distance (in v, mV, scaled along the eigenvector) of the first point from the saddle; default 1e-6. */
  offset?: number;
  /** Largest distance between stored points, in units of the box diagonal; default 0.005 (smooth curves). */
  resolution?: number;
}

/** One branch of the stable manifold, from the saddle outwards, in backward time. */
export interface SeparatrixBranch {
  /** v (mV) along the branch; v[0] is the saddle itself. */
  v: Float64Array;
  /** u (units of I) along the branch; u[0] is the saddle itself. */
  u: Float64Array;
  /** The (backward) time of each point (ms, ≤ 0): the flow takes −t[k] ms from point k to (near) the saddle. */
  t: Float64Array;
  /** Why the branch ends: it left the box, reached maxTime (or the point budget), or the step size collapsed. */
  stop: "box" | "maxTime" | "step";
}

/** The saddle and both branches of its stable manifold. */
export interface Separatrix {
  saddle: Equilibrium;
  /** The stable eigenvalue (1/ms, < 0): how fast states on the separatrix approach the saddle. */
  stableEigenvalue: number;
  /** The unit stable eigenvector (v, u) the branches start along (+ and −). */
  direction: [number, number];
  branches: [SeparatrixBranch, SeparatrixBranch];
}

const OPTION_KEYS = ["vRange", "uRange", "maxTime", "equation", "tolerance", "offset", "resolution"];
const MAX_POINTS = 20_000;

function checkRange(value: unknown, field: string): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new TypeError(
      `${field}: must be a pair [min, max] of finite numbers, got ${Array.isArray(value) ? `an array of ${value.length}` : typeof value}`
    );
  }
  const lo = checkNumber(value[0], `${field}[0]`);
  const hi = checkNumber(value[1], `${field}[1]`, {min: lo, minExclusive: true});
  return [lo, hi];
}

/**
 * The saddle's stable manifold (the threshold separatrix) at constant current I.
 *
 * Returns `null` when there is no saddle: above the fold I_sn (no equilibria), exactly at the fold (a
 * saddle-node, whose "manifold" is degenerate), for a < 0 with no saddle, and for the "accommodation"
 * u-equation (2004 Fig. 1R) whose single equilibrium at v = −65 has det = a·b > 0 for a·b > 0, i.e. is never a
 * saddle (with a·b < 0 it is one, and its manifold is returned).
 *
 * Each branch starts at the saddle itself (point 0), then saddle ± offset·(stable eigenvector), and is
 * integrated backwards until it leaves the box vRange × uRange (the first point outside is kept, so a drawing
 * clipped to the box reaches its edge), or after maxTime ms, or if the step size collapses.
 *
 * @param params - a, b (c, d ignored: the reset is not part of the flow).
 * @param I - constant input current (mV/ms).
 * @throws RangeError/TypeError naming the field, the value and what is allowed.
 */
export function separatrix(params: Params, I: number, options: SeparatrixOptions = {}): Separatrix | null {
  const o = checkKeys(options, "options", OPTION_KEYS) as SeparatrixOptions;
  const p = checkKeys(params, "params", ["a", "b", "c", "d"]);
  const a = checkNumber(p.a, "params.a");
  const b = checkNumber(p.b, "params.b");
  const current = checkNumber(I, "I");
  const equation = resolveEquation(o.equation, "options.equation");
  const maxTime =
    o.maxTime === undefined ? 2000 : checkNumber(o.maxTime, "options.maxTime", {min: 0, minExclusive: true});
  const tolerance =
    o.tolerance === undefined ? 1e-10 : checkNumber(o.tolerance, "options.tolerance", {min: 1e-14, max: 1e-3});
  const offset =
    o.offset === undefined ? 1e-6 : checkNumber(o.offset, "options.offset", {min: 0, minExclusive: true, max: 1});
  const resolution =
    o.resolution === undefined ? 0.005 : checkNumber(o.resolution, "options.resolution", {min: 1e-5, max: 0.5});
  const vRange = o.vRange === undefined ? ([-100, 40] as [number, number]) : checkRange(o.vRange, "options.vRange");
  const userU = o.uRange === undefined ? null : checkRange(o.uRange, "options.uRange");

  const points = equilibria({a, b, c: 0, d: 0}, current, equation);
  const saddle = points.find((q) => q.type === "saddle");
  if (!saddle) return null;
  const rest = points.find((q) => q !== saddle);
  const uSpan = Math.max(40, rest ? 2 * Math.abs(saddle.u - rest.u) : 0);
  const uRange = userU ?? ([saddle.u - uSpan, saddle.u + uSpan] as [number, number]);

  // Stable eigenvalue: the negative one of the real pair (a saddle has λ₁ > 0 > λ₂, eigenvalues [larger, smaller]).
  const lambda = saddle.eigenvalues[1].re;
  // (J − λ)x = 0 with J's first row [2ev + f, −1]: x = (1, 2ev + f − λ). Normalised so the offset is a length.
  const j11 = 2 * equation.e * saddle.v + equation.f;
  const norm = Math.hypot(1, j11 - lambda);
  const direction: [number, number] = [1 / norm, (j11 - lambda) / norm];

  const model = makeModel({a, b, c: 0, d: 0}, equation);
  const stepper = new Dopri5(model, compileStimulus(current), tolerance, true);
  stepper.I0 = current;
  const box = {vRange, uRange, maxLength: resolution * Math.hypot(vRange[1] - vRange[0], uRange[1] - uRange[0])};
  const branch = (sign: number) =>
    traceBranch(
      stepper,
      model,
      current,
      saddle,
      saddle.v + sign * offset * direction[0],
      saddle.u + sign * offset * direction[1],
      box,
      maxTime,
      lambda
    );
  return {saddle, stableEigenvalue: lambda, direction, branches: [branch(1), branch(-1)]};
}

interface Box {
  vRange: [number, number];
  uRange: [number, number];
  /** Longest distance between stored points (v and u taken as one plane). */
  maxLength: number;
}

/** Integrates backwards from (v, u) and stores the points; the saddle is point 0. */
function traceBranch(
  stepper: Dopri5,
  m: Model,
  I: number,
  saddle: Equilibrium,
  v0: number,
  u0: number,
  box: Box,
  maxTime: number,
  lambda: number
): SeparatrixBranch {
  const V = [saddle.v, v0];
  const U = [saddle.u, u0];
  // Times are measured from the offset point (t = 0): −t[k] is how long the flow takes from point k back to it.
  const T = [0, 0];
  let v = v0;
  let u = u0;
  let t = 0;
  // Backwards in time, starting with a step of about a tenth of the stable time scale; a step that moves farther
  // than maxLength is shortened, so stored points stay close enough to draw a smooth curve.
  const driver = new Dopri5Driver({h0: Math.min(1, 0.1 / Math.abs(lambda)), direction: -1});
  driver.stop = -maxTime; // don't step past maxTime
  let kv = dvdt(m, v, u, I);
  let ku = dudt(m, v, u);
  let stop: SeparatrixBranch["stop"] = "maxTime";
  while (V.length < MAX_POINTS) {
    if (-t >= maxTime) break;
    if (driver.advance(stepper, t, v, u, kv, ku) !== ACCEPTED) {
      stop = "step";
      break;
    }
    const moved = Math.hypot(stepper.v - v, stepper.u - u);
    if (moved > box.maxLength) {
      // Too far for a smooth drawing: retry from the same point with a step shortened in proportion.
      driver.h = driver.taken * Math.max(0.1, (0.9 * box.maxLength) / moved);
      if (driver.h < MIN_STEP) {
        stop = "step";
        break;
      }
      continue;
    }
    t -= driver.taken;
    v = stepper.v;
    u = stepper.u;
    kv = stepper.k7v;
    ku = stepper.k7u;
    V.push(v);
    U.push(u);
    T.push(t);
    if (v < box.vRange[0] || v > box.vRange[1] || u < box.uRange[0] || u > box.uRange[1]) {
      stop = "box";
      break;
    }
  }
  return {v: Float64Array.from(V), u: Float64Array.from(U), t: Float64Array.from(T), stop};
}

/**
 * Where the separatrix crosses the horizontal line u = const (e.g. the rest state's u): the v values (mV),
 * ascending, linearly interpolated between stored points. For u = u_rest the crossing to the right of rest is
 * the threshold of an instantaneous voltage kick from rest (u unchanged by the kick).
 */
export function separatrixCrossings(sep: Separatrix, u: number): number[] {
  checkNumber(u, "u");
  const out: number[] = [];
  for (const br of sep.branches) {
    for (let k = 0; k + 1 < br.u.length; k++) {
      const u0 = br.u[k],
        u1 = br.u[k + 1];
      if (u0 === u1 ? u0 === u : (u0 - u) * (u1 - u) <= 0 && u1 !== u) {
        out.push(u0 === u1 ? br.v[k] : br.v[k] + ((u - u0) / (u1 - u0)) * (br.v[k + 1] - br.v[k]));
      }
    }
  }
  return out.sort((p, q) => p - q);
}
