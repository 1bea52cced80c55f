// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import * as lib from "../../../lib/index.js";
import {CLASSES} from "../../../lib/index.js";
import {
  INPUT_SLICE,
  analysePhase,
  InputBuffers,
  inputInSlices,
  inputOf,
  optionsOf,
  runState,
  stimulusOf
} from "../../../src/components/explorer/explorer.js";
import {
  MessageBox,
  RunError,
  RunWarnings,
  UrlNotice,
  adviseOnBudget,
  nameBudgetControl
} from "../../../src/components/messages.js";
import {SpikeReadout, StabilityReadout} from "../../../src/components/explorer/readouts.js";
import {presetState} from "../../../src/state/urlState.js";

describe("stimulusOf(state, protocol)", () => {
  const rs = presetState("RS", CLASSES);
  it("is the class's exact protocol when only it is checked", () => {
    expect(stimulusOf(rs, CLASSES.RS.current)).toBe(CLASSES.RS.current);
    expect(stimulusOf({...rs, protocol: false}, CLASSES.RS.current)).toBe(0);
  });

  it("sums the checked components with the protocol", () => {
    const state = {...rs, dc: true, dcI: 2, pulses: true, noise: true};
    expect(stimulusOf(state, CLASSES.RS.current)).toEqual({
      kind: "sum",
      parts: [
        CLASSES.RS.current,
        {kind: "dc", value: 2},
        {kind: "pulses", amplitude: 10, start: 20, width: 5, period: 50, count: 5},
        {kind: "noise", mean: 0, sigma: 2, tau: 5, seed: 1, dt: 0.1}
      ]
    });
  });
});

describe("stimulusOf(state, protocol): every kind the panel offers", () => {
  const off = {...presetState("RZ", CLASSES), protocol: false};
  it("turns each checkbox into the library's part, with the panel's settings", () => {
    const s = {
      ...off,
      ...{dcI: 1.5, stepI: 3, stepOn: 10, stepOff: 20, pulseI: 4, pulseOn: 2, pulseW: 1, pulseP: 10, pulseN: 2},
      ...{rampI: -1, rampS: 0.01, rampOn: 5, rampOff: 50, noiseM: 0.5, noiseS: 1, noiseTau: 2, noiseSeed: 7},
      ...{sineA: 0.5, sineF: 25, sineOn: 10, sineOff: 90},
      ...{chirpA: 0.75, chirpF0: 5, chirpF1: 55, chirpOn: 0, chirpOff: 100}
    };
    const expected = {
      dc: {kind: "dc", value: 1.5},
      step: {kind: "step", value: 3, start: 10, end: 20},
      pulses: {kind: "pulses", amplitude: 4, start: 2, width: 1, period: 10, count: 2},
      ramp: {kind: "ramp", from: -1, slope: 0.01, start: 5, end: 50},
      noise: {kind: "noise", mean: 0.5, sigma: 1, tau: 2, seed: 7, dt: 0.1},
      sine: {kind: "sine", amplitude: 0.5, frequency: 25, start: 10, end: 90},
      chirp: {kind: "chirp", amplitude: 0.75, f0: 5, f1: 55, start: 0, end: 100}
    } as const;
    for (const [key, part] of Object.entries(expected)) {
      const stimulus = stimulusOf({...s, [key]: true}, CLASSES.RZ.current);
      expect(stimulus, key).toEqual(part);
      expect(() => lib.compileStimulus(stimulus, s.T), key).not.toThrow(); // the library accepts it
    }
    expect(stimulusOf(off, CLASSES.RZ.current)).toBe(0);
  });

  it("sums the sine and the chirp with the protocol, value for value", () => {
    const state = {...presetState("RZ", CLASSES), sine: true, chirp: true, chirpOff: 80};
    const sum = lib.compileStimulus(stimulusOf(state, CLASSES.RZ.current), state.T);
    const parts = [
      CLASSES.RZ.current!,
      stimulusOf({...state, protocol: false, chirp: false}, undefined),
      stimulusOf({...state, protocol: false, sine: false}, undefined)
    ].map((p) => lib.compileStimulus(p, state.T));
    for (const t of [5, 12.3, 40, 62, 79.9, 95]) {
      const each = parts.map((p) => p.value(t));
      expect(sum.value(t), `t = ${t}`).toBeCloseTo((Number.isNaN(each[2]) ? 0 : each[2]) + each[0] + each[1], 12);
    }
  });
});

describe("the sine's and the chirp's defaults show the resonator's preferred frequency (RZ)", () => {
  // RZ's rest is a stable focus: its damped oscillation's frequency (Hz) is Im λ/(2π)·1000 at the holding
  // current of its protocol (docs/science.md §2.1: −0.5 after t = 10 ms).
  const rz = {...presetState("RZ", CLASSES), T: 1000};
  const holding = lib.compileStimulus(CLASSES.RZ.current!, rz.T).value(500);
  const focus = lib.equilibria(CLASSES.RZ.params, holding).find((e) => e.type === "stable focus")!;
  const preferred = (Math.abs(focus.eigenvalues[0].im) / (2 * Math.PI)) * 1000;
  const spikes = (state: typeof rz) => runState(state, CLASSES, lib).trace!.spikes;
  const protocolAlone = spikes(rz).length;

  it("the sine sits near that frequency and makes RZ fire about once per cycle, unlike at twice it", () => {
    expect(Math.abs(rz.sineF - preferred) / preferred).toBeLessThan(0.25);
    const cycles = (rz.sineF * (rz.sineOff - rz.sineOn)) / 1000;
    expect(spikes({...rz, sine: true}).length - protocolAlone).toBeGreaterThan(0.7 * cycles);
    expect(spikes({...rz, sine: true, sineF: 2 * rz.sineF}).length - protocolAlone).toBeLessThanOrEqual(2);
  });

  it("the chirp sweeps through it, and RZ fires only while the sweep is near it", () => {
    expect(rz.chirpF0).toBeLessThan(preferred);
    expect(rz.chirpF1).toBeGreaterThan(1.5 * preferred);
    const frequencyAt = (t: number) =>
      rz.chirpF0 + ((rz.chirpF1 - rz.chirpF0) * (t - rz.chirpOn)) / (rz.chirpOff - rz.chirpOn);
    const driven = Array.from(spikes({...rz, chirp: true})).map(frequencyAt);
    expect(driven.length - protocolAlone).toBeGreaterThan(5);
    const median = [...driven].sort((x, y) => x - y)[Math.floor(driven.length / 2)];
    expect(Math.abs(median - preferred) / preferred).toBeLessThan(0.4);
    expect(Math.max(...driven)).toBeLessThan(1.6 * preferred); // silent at the fast end of the sweep
  });
});

describe("runState(state, presets, lib)", () => {
  it("runs the class as the library's simulate does", () => {
    const state = presetState("FS", CLASSES);
    const run = runState(state, CLASSES, lib);
    const trace = lib.simulate(optionsOf(state, CLASSES.FS));
    expect(run.error).toBeNull();
    expect(Array.from(run.trace!.spikes)).toEqual(Array.from(trace.spikes));
    expect(run.stats!.count).toBe(trace.spikes.length);
  });

  it("passes the spike budget as maxSpikes (the library's default unless raised)", () => {
    const rs = presetState("RS", CLASSES);
    expect(optionsOf(rs, CLASSES.RS).maxSpikes).toBe(lib.DEFAULTS.maxSpikes);
    expect(optionsOf({...rs, budget: 5000}, CLASSES.RS).maxSpikes).toBe(5000);
  });

  it("stops a runaway run at the budget, and names the page's control in the warning", () => {
    // A reset above the spike's start with a negative d fires without end.
    const runaway = {...presetState("RS", CLASSES), c: -30, d: -25, T: 1000, protocol: false, dc: true, dcI: 40};
    const small = runState({...runaway, budget: 1000}, CLASSES, lib);
    const large = runState({...runaway, budget: 2000}, CLASSES, lib);
    expect(small.trace!.spikes.length).toBe(1000);
    expect(large.trace!.spikes.length).toBe(2000);
    expect(large.trace!.t.at(-1)!).toBeGreaterThan(small.trace!.t.at(-1)!);
    const [warning] = nameBudgetControl(small.trace!.warnings, "the spike budget (Numerics)")!;
    expect(warning).toMatch(/spike budget of 1000 spikes was reached/);
    expect(warning).toMatch(/\(raise the spike budget \(Numerics\) to go on\)$/);
    expect(warning).not.toMatch(/maxSpikes/);
    expect(nameBudgetControl(undefined, "x")).toBeUndefined();
    // The comparison page, whose budget is fixed, points to the explorer's control instead.
    const [advice] = adviseOnBudget(small.trace!.warnings, "the explorer's spike budget goes higher")!;
    expect(advice).toMatch(/\(the explorer's spike budget goes higher\)$/);
    expect(advice).not.toMatch(/maxSpikes/);
  });

  it("turns a library error into a message instead of throwing", () => {
    const run = runState({...presetState("RS", CLASSES), v0: 30}, CLASSES, lib);
    expect(run.trace).toBeNull();
    expect(run.error).toMatch(/v0/);
  });
});

describe("inputInSlices(state, presets, lib, start, invalidation, wait)", () => {
  // A long input at a small dt with every kind whose value changes between samples, and edges between them.
  const long = {
    ...presetState("CH", CLASSES),
    T: 1000,
    dt: 2 ** -10,
    dc: true,
    dcI: 40,
    step: true,
    stepOn: 333.3,
    stepOff: 777.7,
    noise: true,
    noiseS: 20,
    noiseTau: 0.5,
    sine: true,
    chirp: true
  };

  it("fills a long input one slice per task, bit for bit what inputOf computes at once", async () => {
    let waits = 0;
    const sliced = await inputInSlices(long, CLASSES, lib, 0, undefined, async () => void waits++);
    const whole = inputOf(long, CLASSES, lib);
    expect(whole.t.length).toBe(1_024_001);
    expect(waits).toBe(Math.ceil(whole.t.length / INPUT_SLICE));
    expect(sliced.error).toBeNull();
    expect(Buffer.from(sliced.I.buffer).equals(Buffer.from(whole.I.buffer))).toBe(true);
    expect(Buffer.from(sliced.t.buffer).equals(Buffer.from(whole.t.buffer))).toBe(true);
    expect(sliced.value(500)).toBe(whole.value(500));
  });

  it("computes a short input at once, and reports a bad stimulus as inputOf does", async () => {
    let waits = 0;
    const wait = async () => void waits++;
    const short = await inputInSlices(presetState("RS", CLASSES), CLASSES, lib, 0, undefined, wait);
    expect(Array.from(short.I)).toEqual(Array.from(inputOf(presetState("RS", CLASSES), CLASSES, lib).I));
    const bad = {...long, step: true, stepOn: 900, stepOff: 10};
    const failed = await inputInSlices(bad, CLASSES, lib, 0, undefined, wait);
    expect(failed.error).toBe(inputOf(bad, CLASSES, lib).error);
    expect(failed.error).toMatch(/must be ≥ start/);
    expect(waits).toBe(0);
  });

  it("writes inputs filled at once into two sets of buffers in turn: each equals a fresh input, none overwrites the one before", async () => {
    const buffers = new InputBuffers();
    const noWait = async () => {};
    const states = [
      {...presetState("RS", CLASSES), dc: true, dcI: 3},
      {...presetState("RS", CLASSES), dc: true, dcI: 4, sine: true},
      {...presetState("RS", CLASSES), dc: true, dcI: 5, T: 120, dt: 0.5},
      {...presetState("RS", CLASSES), dc: true, dcI: 6, sine: true} // the second one's grid: t kept as it is
    ];
    const inputs = [];
    for (const state of states) {
      const input = await inputInSlices(state, CLASSES, lib, 0, undefined, noWait, buffers);
      const fresh = inputOf(state, CLASSES, lib);
      expect(Array.from(input.t)).toEqual(Array.from(fresh.t));
      expect(Array.from(input.I)).toEqual(Array.from(fresh.I));
      inputs.push({input, I: Array.from(fresh.I)});
      // The input before this one is intact.
      if (inputs.length > 1) expect(Array.from(inputs.at(-2)!.input.I)).toEqual(inputs.at(-2)!.I);
    }
    // The third input reuses the first one's memory (a different grid: t is rewritten), the fourth the second's.
    expect(inputs[2].input.I.buffer).toBe(inputs[0].input.I.buffer);
    expect(inputs[2].input.t.buffer).toBe(inputs[0].input.t.buffer);
    expect(inputs[3].input.t.buffer).toBe(inputs[1].input.t.buffer);
    // A long input gets columns of its own.
    const sliced = await inputInSlices(long, CLASSES, lib, 0, undefined, noWait, buffers);
    expect([inputs[0].input.I.buffer, inputs[1].input.I.buffer]).not.toContain(sliced.I.buffer);
  });

  it("stops filling once its cell is invalidated (a newer setting)", async () => {
    let invalidate!: () => void;
    const invalidation = new Promise<void>((resolve) => (invalidate = resolve));
    let waits = 0;
    const wait = async () => {
      if (++waits === 2) invalidate();
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    const input = await inputInSlices(long, CLASSES, lib, 0, invalidation, wait);
    expect(waits).toBe(2);
    expect(input.t[INPUT_SLICE + 1]).toBe(0); // the second slice was never filled
  });
});

describe("analysePhase(run, input, tI, lib)", () => {
  it("takes I from the stimulus at the chosen time, by default the end of the run", () => {
    const state = presetState("RS", CLASSES);
    const run = runState(state, CLASSES, lib);
    const input = inputOf(state, CLASSES, lib);
    const end = analysePhase(run, input, null, lib)!;
    expect(end).toMatchObject({t: 150, atEnd: true, I: 14, equilibria: [], rest: null, saddleNode: 4});
    expect(end.hopf).toBeCloseTo(3.7975, 9);
    const early = analysePhase(run, input, 10, lib)!;
    expect(early).toMatchObject({t: 10, atEnd: false, I: 0});
    expect(early.rest?.type).toMatch(/^stable/);
    expect(input.I[Math.round(20 / state.dt)]).toBe(14);
  });

  it("reuses the separatrix while only c or d move, and recomputes it when a, b or I do", () => {
    let calls = 0;
    const counting = {
      ...lib,
      separatrix: (...args: Parameters<typeof lib.separatrix>) => {
        calls++;
        return lib.separatrix(...args);
      }
    };
    const phaseOf = (changes: Partial<ReturnType<typeof presetState>>) => {
      const state = {...presetState("RS", CLASSES), ...changes};
      return analysePhase(runState(state, CLASSES, counting), inputOf(state, CLASSES, counting), 10, counting)!;
    };
    const first = phaseOf({});
    expect(first.separatrix).not.toBeNull();
    const n = calls;
    expect(phaseOf({c: -50, d: 2}).separatrix).toBe(first.separatrix); // same object: not recomputed
    expect(calls).toBe(n);
    const other = phaseOf({a: 0.03});
    expect(calls).toBe(n + 1);
    expect(other.separatrix!.saddle.v).toBeCloseTo(first.separatrix!.saddle.v, 12); // the saddle does not depend on a
    expect(other.separatrix!.branches[0].v).not.toEqual(first.separatrix!.branches[0].v);
  });
});

describe("messages and readouts", () => {
  it("render untrusted text as text, never as markup", () => {
    const hostile = "<img src=x onerror=alert(1)>";
    for (const element of [UrlNotice([hostile]), RunWarnings([hostile]), RunError(hostile)]) {
      expect(element.textContent).toContain(hostile);
      expect(element.querySelector("img")).toBeNull();
    }
    expect(UrlNotice([]).hidden).toBe(true);
    expect(UrlNotice(["x"]).getAttribute("role")).toBe("status");
    expect(UrlNotice(["x"]).id).toBe("url-notice");
    expect(RunWarnings([]).hidden).toBe(true);
  });

  it("in a MessageBox, are rebuilt only when their key changes", () => {
    const box = MessageBox();
    let built = 0;
    const warnings = (text: string) => () => {
      built++;
      return RunWarnings([text]);
    };
    box.show("budget", warnings("the spike budget ran out"));
    const shown = box.firstChild;
    box.show("budget", warnings("the spike budget ran out"));
    expect(built).toBe(1);
    expect(box.firstChild).toBe(shown);
    box.show("blow-up", warnings("v blew up"));
    expect(built).toBe(2);
    expect(box.textContent).toContain("v blew up");
    box.show("", () => null);
    expect(box.childNodes).toHaveLength(0);
  });

  it("show the spike statistics and the stability of the rest state", () => {
    const state = presetState("RS", CLASSES);
    const run = runState(state, CLASSES, lib);
    const spikes = SpikeReadout(run.stats, {duration: 150}).textContent;
    expect(spikes).toContain(`Spikes${run.stats!.count} in 150 ms`);
    expect(spikes).toContain("Hz");
    const stability = StabilityReadout(analysePhase(run, inputOf(state, CLASSES, lib), 10, lib)).textContent;
    expect(stability).toMatch(/Rest state at I = 0stable (node|focus) at v = −\d/);
    expect(stability).toContain("I_sn (saddle-node)4");
    expect(stability).toContain("I_AH (Andronov–Hopf)3.7975");
  });

  it("are rewritten in place: an update equals a fresh readout, in the same list and cells", () => {
    const state = presetState("RS", CLASSES);
    const run = runState(state, CLASSES, lib);
    const spikes = SpikeReadout(null, {duration: 0});
    spikes.update(run.stats, {duration: 150});
    const first = spikes.querySelector("dd");
    expect(spikes.outerHTML).toBe(SpikeReadout(run.stats, {duration: 150}).outerHTML);
    const other = runState({...state, d: 2}, CLASSES, lib);
    spikes.update(other.stats, {duration: 150, reached: 100});
    expect(spikes.querySelector("dd")).toBe(first);
    expect(spikes.outerHTML).toBe(SpikeReadout(other.stats, {duration: 150, reached: 100}).outerHTML);
    spikes.update(null, {duration: 0}); // back to one row
    expect(spikes.outerHTML).toBe(SpikeReadout(null, {duration: 0}).outerHTML);
    const phase = analysePhase(run, inputOf(state, CLASSES, lib), 10, lib);
    const stability = StabilityReadout(null);
    stability.update(phase);
    expect(stability.outerHTML).toBe(StabilityReadout(phase).outerHTML);
  });
});
