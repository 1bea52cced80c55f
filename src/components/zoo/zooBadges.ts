/**
 * Where a published protocol departs from the standard equations of Izhikevich (2003), derived from the
 * preset itself (its `equation`, its parameters and its current), not from a list of panel letters:
 *
 * - a quadratic other than 0.04v² + 5v + 140 (figure1.m's panels G and L: 0.04v² + 4.1v + 108);
 * - the accommodation u-equation u′ = a·b·(v + 65) (panel R);
 * - a negative a, i.e. a recovery variable that amplifies itself instead of recovering, shown with the other
 *   negative parameters and the constant background current such panels need (panels S and T: I = 80).
 *
 * Used by the gallery's badges and by the explorer's note on the chosen preset.
 */
import {bifurcationCurrents} from "../../lib/analysis/bifurcationCurrents.js";
import {STANDARD_EQUATION} from "../../lib/models/izhikevich2003.js";
import {compileStimulus, type Stimulus} from "../../lib/stimuli/index.js";
import type {Equation, Params} from "../../lib/models/izhikevich2003.js";
import {fmt} from "../charts/chart.js";

/** What a departure reads from a preset (the library's CLASSES and FEATURES entries fit). */
export interface DeparturePreset {
  params: Params;
  equation?: Partial<Equation>;
  u0?: number;
  v0?: number;
  current?: Stimulus;
  duration: number;
}

/** One departure from the standard equations: a short badge and a plain sentence. */
export interface Departure {
  kind: "quadratic" | "u-equation" | "negative-a";
  /** A few words for the badge, e.g. "quadratic 4.1v + 108". */
  badge: string;
  /** A sentence saying what the preset uses instead and what it means. */
  detail: string;
}

/** A signed term "+ 4.1v" / "− 3v" for an equation shown as text. */
function term(x: number, suffix = ""): string {
  return `${x < 0 ? "−" : "+"} ${fmt(Math.abs(x), 6)}${suffix}`;
}

/** The fold current I_sn of params under an equation, or null if it cannot be computed. */
function saddleNode(params: Params, equation: Partial<Equation>): number | null {
  try {
    return bifurcationCurrents(params, equation).saddleNode;
  } catch {
    return null;
  }
}

/** The departures of a preset from the standard equations (empty for a standard one). */
export function departures(preset: DeparturePreset): Departure[] {
  const out: Departure[] = [];
  const eq = {...STANDARD_EQUATION, ...(preset.equation ?? {})};
  const {a, b, d} = preset.params;
  if (eq.e !== STANDARD_EQUATION.e || eq.f !== STANDARD_EQUATION.f || eq.g !== STANDARD_EQUATION.g) {
    const quadratic = `${fmt(eq.e, 6)}v² ${term(eq.f, "v")} ${term(eq.g)}`;
    const own = saddleNode(preset.params, {...eq, u: "standard"});
    const standard = saddleNode(preset.params, {...STANDARD_EQUATION});
    const threshold =
      own !== null && standard !== null
        ? ` It lowers the constant current at which the rest state disappears (I_sn) from ${fmt(standard)} to ${fmt(own)}.`
        : "";
    out.push({
      kind: "quadratic",
      badge: `quadratic ${fmt(eq.f, 6)}v ${term(eq.g)}`,
      detail: `figure1.m uses v′ = ${quadratic} − u + I here instead of the standard 0.04v² + 5v + 140.${threshold}`
    });
  }
  if (eq.u === "accommodation") {
    const u0 = preset.u0 !== undefined ? ` and starts from u₀ = ${fmt(preset.u0)}` : "";
    out.push({
      kind: "u-equation",
      badge: "u′ = a·b·(v + 65)",
      detail: `figure1.m uses u′ = a·b·(v + 65) here (no −u term) instead of the standard u′ = a(bv − u)${u0}.`
    });
  }
  if (a < 0) {
    const others = [b < 0 ? `b = ${fmt(b)}` : "", d < 0 ? `d = ${fmt(d)}` : ""].filter(Boolean);
    const background = backgroundOf(preset);
    out.push({
      kind: "negative-a",
      badge: `a < 0${background !== null ? `, background I = ${fmt(background)}` : ""}`,
      detail:
        `A negative a = ${fmt(a)}${others.length ? ` (with ${others.join(", ")})` : ""}: u amplifies itself instead of recovering.` +
        (background !== null
          ? ` The cell sits on a constant background current I = ${fmt(background)}; inhibition is a drop below it.`
          : "")
    });
  }
  return out;
}

/** The constant current a preset starts with, if it is not zero (e.g. 80 for S and T), else null. */
export function backgroundOf(preset: Pick<DeparturePreset, "current" | "duration">): number | null {
  const current = preset.current ?? 0;
  let value: number;
  try {
    value = typeof current === "number" ? current : compileStimulus(current, preset.duration).value(0);
  } catch {
    return null;
  }
  return Number.isFinite(value) && value !== 0 ? value : null;
}
