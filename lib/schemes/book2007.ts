/**
 * The loop of izhi2007.m (Open Source Brain's transcription of Izhikevich 2007, "Dynamical Systems in
 * Neuroscience", ch. 8), transcribed literally with its quirks so it stays bit-exact: see docs/science.md §3.
 */
import {KINK_B_BELOW, KINK_CUBIC} from "../models/izhikevich2007.js";
import {blowUpReason, spikeBudgetReason, type KernelResult, type Run2007} from "../integrators/run.js";

/**
 * The loop of OSB's izhi2007.m (docs/science.md §3), operation for operation in MATLAB's left-to-right order:
 *
 *   v⁺ = v + τ·(k(v − vr)(v − vt) − u + I)/C
 *   u⁺ = u + τa·(b(v − vr) − u)            with the OLD v; quirks:
 *     - TC/RTN (bBelow): b is chosen from the NEW v⁺ (bBelow.b when v⁺ ≤ bBelow.v);
 *     - FS (cubicU): the branch is chosen from the NEW v⁺ (U = 0 when v⁺ < vb) but U is evaluated at the OLD v;
 *   spike test on v⁺ against vpeak + vpeakU·u⁺: `>=` for the plain cells, strict `>` when vpeakU is given
 *   (izhi2007.m's LTS and TC branches);
 *   reset v ← c + cU·u⁺; u ← u⁺ + d, or with uCap (LTS) izhi2007.m's `if ((u+d)<670)` on the WHOLE vector:
 *   true only if every stored u so far (and u⁺, and the not-yet-written zeros) plus d is below the cap,
 *   else u ← uCap.
 *
 * Departure from izhi2007.m: it writes the apex into the sample BEFORE the spike (`v(i) = vpeak`) and shows the
 * reset value at the spike sample; here, as everywhere in the library, the spike sample holds the apex and the
 * reset state is carried on. States and spike steps are otherwise identical.
 */
export function book2007(run: Run2007): KernelResult {
  const {model: m, dt: tau, steps, I, v: V, u: U, spikes} = run;
  const {C, k, vr, vt, vpeak, a, b, c, d, vpeakU, cU, uCap, kink, kinkV, kinkB} = m;
  const strict = m.movingPeak;
  const capped = uCap !== Infinity;
  const ta = tau * a;
  let v = V[0];
  let u = U[0];
  let uMax = u; // the largest stored u: izhi2007.m's vector test of the cap depends on it
  for (let i = 0; i < steps; i++) {
    const vNew = v + (tau * (k * (v - vr) * (v - vt) - u + I[i])) / C;
    let uNew: number;
    if (kink === KINK_CUBIC) {
      const x = v - kinkV;
      uNew = vNew < kinkV ? u + ta * (0 - u) : u + ta * (kinkB * x ** 3 - u); // `**` like MATLAB's `.^`
    } else {
      const bb = kink === KINK_B_BELOW && !(vNew > kinkV) ? kinkB : b;
      uNew = u + ta * (bb * (v - vr) - u);
    }
    const peak = vpeak + vpeakU * uNew;
    if (strict ? vNew > peak : vNew >= peak) {
      V[i + 1] = peak;
      v = c + cU * uNew;
      if (capped) {
        const history = uMax > uNew ? uMax : uNew;
        const zerosAhead = i + 1 < steps; // entries izhi2007.m has not written yet are 0
        u = history + d < uCap && (!zerosAhead || d < uCap) ? uNew + d : uCap;
      } else {
        u = uNew + d;
      }
      U[i + 1] = u;
      if (!spikes.push((i + 1) * tau))
        return {last: i + 1, steps: i + 1, reason: spikeBudgetReason((i + 1) * tau, spikes.budget)};
    } else {
      v = vNew;
      u = uNew;
      V[i + 1] = v;
      U[i + 1] = u;
    }
    if (u > uMax) uMax = u;
    if (!Number.isFinite(v + u)) return {last: i, steps: i + 1, reason: blowUpReason((i + 1) * tau)};
  }
  return {last: steps, steps};
}
