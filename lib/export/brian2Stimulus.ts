/**
 * A stimulus as a Brian2 expression that gives, at every step of a fixed-step run, the very current the library
 * uses there. Brian2 evaluates the current at t = k·dt (k = `t_in_timesteps`, the clock's integer step), as the
 * library's fixed-step methods do, so:
 *
 * - windows become integer tests on k (`int(t_in_timesteps >= 320)`), with the first and last sample of each window
 *   found by the library's own window rule, so rounding of t in seconds cannot move an edge by a step;
 * - smooth kinds (ramp, sine, chirp) are their formula in t_ms = k·dt, the same arithmetic as the library's;
 * - dc and step are their value; a regular pulse train is a modulo test on k; an overlay of such windowed parts
 *   picks its last active layer with the same tests;
 * - seeded noise, irregular pulse trains and other overlays are a `TimedArray` of the library's own samples on the
 *   run's grid (for noise: the very samples the library drew, each held for as many steps as it lasts).
 *
 * Numbers are in the library's current units (mV/ms for the 2003 model, pA for the 2007 model); the caller adds
 * the Brian2 unit.
 */
import {compileStimulus, type Stimulus, type StimulusPart} from "../stimuli/index.js";
import {endsIn, partInterval, windowRange, type Window} from "../stimuli/window.js";
import {py, pyList} from "./python.js";

/** A sampled part carried as a TimedArray: its Python name and its values on the run's grid. */
export interface SampledPart {
  name: string;
  values: Float64Array;
  /** What it holds, for a comment. */
  what: string;
}

/** The current as a Brian2 expression (no unit) and the sampled parts it refers to. */
export interface Brian2Current {
  expression: string;
  sampled: SampledPart[];
}

/** The integer step of the Brian2 clock. */
const K = "t_in_timesteps";

/**
 * The Brian2 expression of `current` on the grid t = k·dt, k = 0..samples − 1.
 *
 * @param current - a validated stimulus
 * @param dt - the run's step (ms)
 * @param samples - the number of samples of the run (steps + 1)
 */
export function brian2Current(current: Stimulus, dt: number, samples: number): Brian2Current {
  const sampled: SampledPart[] = [];
  const tMs = `(${K}*${py(dt)})`;

  const gate = (a: number, b: number): string[] => {
    if (a >= b) return ["0"];
    const tests: string[] = [];
    if (a > 0) tests.push(`int(${K} >= ${a})`);
    if (b < samples) tests.push(`int(${K} < ${b})`);
    return tests;
  };
  const windowOf = (part: Window, start: number) => {
    const w = partInterval(part, start);
    return windowRange(w.lo, w.hi, w.loIn, w.hiIn, 0, dt, samples);
  };
  const sample = (part: StimulusPart, what: string): string => {
    const values = new Float64Array(samples);
    compileStimulus(part, (samples - 1) * dt).fill(values, 0, dt);
    const name = `I_sampled_${sampled.length}`;
    sampled.push({name, values, what});
    return `${name}(t)`;
  };

  /** A part that is one formula inside one window: its value and the tests of its window ([] = always on). */
  const windowed = (part: StimulusPart): {value: string; tests: string[]} | null => {
    switch (part.kind) {
      case "dc":
        return {value: py(part.value), tests: []};
      case "step":
        return {value: py(part.value), tests: gate(...windowOf(part, part.start))};
      case "ramp": {
        const value = `(${py(part.from)} + ${py(part.slope)}*(${tMs} - ${py(part.start)}))`;
        return {value, tests: gate(...windowOf(part, part.start))};
      }
      case "sine": {
        const start = part.start ?? -Infinity;
        const origin = start === -Infinity ? 0 : start;
        const omega = (2 * Math.PI * part.frequency) / 1000;
        const value = `(${py(part.amplitude)}*sin(${py(omega)}*(${tMs} - ${py(origin)}) + ${py(part.phase ?? 0)}) + ${py(part.offset ?? 0)})`;
        return {value, tests: gate(...windowOf(part, start))};
      }
      case "chirp": {
        const c1 = (2 * Math.PI * part.f0) / 1000;
        const c2 = (Math.PI * (part.f1 - part.f0)) / (1000 * (part.end - part.start));
        const s = `(${tMs} - ${py(part.start)})`;
        return {
          value: `${py(part.amplitude)}*sin(${s}*(${py(c1)} + ${py(c2)}*${s}))`,
          tests: gate(...windowOf(part, part.start))
        };
      }
      default:
        return null;
    }
  };

  /**
   * An overlay of windowed parts: the last active layer, as on·value + (1 − on)·(the layers below), with on 0 or 1,
   * which gives the layer's value exactly. Other layers (groups, pulses, noise): null, sampled instead.
   */
  const overlayTerm = (part: Extract<StimulusPart, {kind: "overlay"}>): string | null => {
    const layers = part.parts.map(windowed);
    if (layers.some((layer) => layer === null)) return null;
    let below = "0";
    for (const layer of layers) {
      const {value, tests} = layer!;
      if (tests.length === 0) below = value;
      else if (tests[0] !== "0") {
        const on = tests.join("*");
        below = below === "0" ? `${value}*${on}` : `${value}*${on} + (1 - ${on})*(${below})`;
      }
    }
    return below;
  };

  const term = (part: StimulusPart): string => {
    const leaf = windowed(part);
    if (leaf) return [leaf.value, ...leaf.tests].join("*");
    switch (part.kind) {
      case "pulses":
        return pulseTerm(part) ?? sample(part, `pulse train of ${py(part.amplitude)}`);
      case "noise":
        return sample(part, `Ornstein–Uhlenbeck noise, seed ${part.seed}: the library's samples`);
      case "sum":
        return part.parts.length ? `(${part.parts.map(term).join(" + ")})` : "0";
      case "overlay":
        return overlayTerm(part) ?? sample(part, "overlay (the last active layer)");
      default:
        throw new TypeError(`current: cannot export a part of kind ${JSON.stringify(part.kind)}`);
    }
  };

  /** A pulse train whose pulses all cover the same number of steps at a constant spacing: a modulo test on k. */
  const pulseTerm = (part: Extract<StimulusPart, {kind: "pulses"}>): string | null => {
    const {loIn, hiIn} = endsIn(part.closed ?? "left");
    const last = part.count === undefined || part.count === null ? Infinity : part.count - 1;
    const ranges: [number, number][] = [];
    for (let m = 0; m <= last; m++) {
      const s = part.start + m * part.period;
      if (s > (samples - 1) * dt) break;
      const r = windowRange(s, s + part.width, loIn, hiIn, 0, dt, samples);
      if (r[1] > r[0]) ranges.push(r);
    }
    if (ranges.length === 0) return "0";
    const width = ranges[0][1] - ranges[0][0];
    const spacing = ranges.length > 1 ? ranges[1][0] - ranges[0][0] : samples;
    // The last pulse may be cut by the end of the run; overlapping pulses (width = period) break the pattern.
    const cut = (i: number, b: number) => i === ranges.length - 1 && b === samples;
    const regular = ranges.every(
      ([a, b], i) => (b - a === width || (cut(i, b) && b - a < width)) && a === ranges[0][0] + i * spacing
    );
    if (!regular || width > spacing) return null;
    const first = ranges[0][0];
    const end = ranges[ranges.length - 1][1];
    const inPulse = ranges.length > 1 ? [`int((${K} - ${first}) % ${spacing} < ${width})`] : [];
    return [py(part.amplitude), ...gate(first, end), ...inPulse].join("*");
  };

  return {expression: term(typeof current === "number" ? {kind: "dc", value: current} : current), sampled};
}

/** The Python lines that define the sampled parts as TimedArrays on the clock's grid (none: an empty string). */
export function sampledPartsCode(current: Brian2Current): string {
  return current.sampled
    .map(
      ({name, values, what}) =>
        `# ${what}, one value per step of ${"defaultclock.dt"} from t = 0\n` +
        `${name} = TimedArray(${pyList(values)}, dt=defaultclock.dt)\n`
    )
    .join("\n");
}
