// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import * as lib from "../../../lib/index.js";
import {CLASSES, FEATURES, simulate, type SimulateOptions, type Trace} from "../../../lib/index.js";
import {
  ghostAhead,
  ghostRunOf,
  ghostState,
  runState,
  startRun,
  timeReached,
  type Run
} from "../../../src/components/explorer/explorer.js";
import {SpikeReadout} from "../../../src/components/explorer/readouts.js";
import {prepareDisplay, type RunDisplay} from "../../../src/components/explorer/runDisplay.js";
import {decimateMinMax} from "../../../lib/decimate.js";
import {WORKBENCH, workbenchSizes} from "../../../src/components/explorer/workbenchLayout.js";
import {RunWarnings} from "../../../src/components/messages.js";
import {Tabs} from "../../../src/components/controls/tabs.js";
import {presetState} from "../../../src/state/urlState.js";

const PRESETS = {...CLASSES, ...FEATURES};

/** A runner that runs at once and counts its runs. */
function countingRunner() {
  const runner = {
    runs: 0,
    runsAtOnce: () => true,
    run(options: SimulateOptions): Trace {
      runner.runs++;
      return simulate(options);
    }
  };
  return runner;
}

describe("a run stopped at its spike budget", () => {
  // Panel T (inhibition-induced bursting) as published fires without end in the accurate integration (u falls
  // without bound); a budget of 1,000 spikes stops it early.
  const state = {...presetState("T", PRESETS), budget: 1000};
  const run = runState(state, PRESETS, lib);

  it("reports the time it reached, before the duration asked for", () => {
    expect(run.trace).not.toBeNull();
    expect(run.stoppedEarly).toBe(true);
    expect(run.reached).toBeLessThan(state.T);
    expect(run.reached).toBe(timeReached(run.trace!));
    expect(run.reached).toBe(run.trace!.spikes[999]);
  });

  it("gives the rate over that time, not over the duration", () => {
    expect(run.stats!.count).toBe(1000);
    expect(Math.abs(run.stats!.rate / ((1000 * 1000) / run.reached) - 1)).toBeLessThan(1e-12);
    const text = SpikeReadout(run.stats, {duration: state.T, reached: run.reached}).textContent!;
    expect(text).toContain("the run stopped there");
    expect(text).toMatch(/Hz over those/);
  });

  it("a run that reaches its duration reports the duration", () => {
    const full = runState(presetState("RS", PRESETS), PRESETS, lib);
    expect(full.stoppedEarly).toBe(false);
    expect(full.reached).toBe(full.state.T);
    expect(SpikeReadout(full.stats, {duration: full.state.T, reached: full.reached}).textContent).not.toContain(
      "stopped"
    );
  });
});

describe("startRun", () => {
  it("is the same Run as runState when the runner runs at once", () => {
    const state = presetState("RS", PRESETS);
    const now = startRun(state, PRESETS, countingRunner(), lib) as Run;
    expect(now).not.toBeInstanceOf(Promise);
    expect(Array.from(now.trace!.spikes)).toEqual(Array.from(runState(state, PRESETS, lib).trace!.spikes));
  });

  it("turns a library error into the Run's error, at once or later", async () => {
    const bad = {...presetState("RS", PRESETS), dt: NaN};
    expect((startRun(bad, PRESETS, countingRunner(), lib) as Run).error).toMatch(/dt/);
    const later = {runsAtOnce: () => false, run: (o: SimulateOptions) => Promise.resolve().then(() => simulate(o))};
    expect((await startRun(bad, PRESETS, later, lib)).error).toMatch(/dt/);
  });
});

describe("the ghost of the preset", () => {
  const rs = presetState("RS", PRESETS);

  it("is absent while every slider is at its preset", () => {
    expect(ghostState(rs, PRESETS)).toBeNull();
    expect(ghostState({...rs, dcI: 7, T: 300}, PRESETS)).toBeNull();
  });

  it("is the preset's neuron under the current stimulus and numerics once a slider moves", () => {
    const moved = {...rs, d: 2, dc: true, T: 300};
    expect(ghostState(moved, PRESETS)).toEqual({...moved, d: rs.d});
  });

  it("is computed once while a slider is dragged", () => {
    const runner = countingRunner();
    const a = ghostRunOf({...rs, d: 2}, PRESETS, runner, lib) as Run;
    const b = ghostRunOf({...rs, d: 3}, PRESETS, runner, lib) as Run;
    expect(runner.runs).toBe(1);
    expect(b).toBe(a);
    expect(Array.from(a.trace!.spikes)).toEqual(Array.from(runState(rs, PRESETS, lib).trace!.spikes));
  });

  it("can be computed ahead at the preset, so the first step away runs no ghost simulation", () => {
    const runner = countingRunner();
    const state = {...rs, T: 211}; // a duration of its own: no other test's ghost is cached for it
    ghostAhead(state, PRESETS, runner, lib);
    expect(runner.runs).toBe(1);
    ghostAhead(state, PRESETS, runner, lib); // cached
    expect(runner.runs).toBe(1);
    const ghost = ghostRunOf({...state, a: 0.03}, PRESETS, runner, lib) as Run;
    expect(runner.runs).toBe(1);
    expect(Array.from(ghost.trace!.spikes)).toEqual(Array.from(runState(state, PRESETS, lib).trace!.spikes));
    // Away from the preset a ghost is drawn already: nothing to do.
    ghostAhead({...state, a: 0.03, T: 212}, PRESETS, runner, lib);
    expect(runner.runs).toBe(1);
  });

  it("at the preset is the run on screen, kept as a copy: no simulation, and columns of its own", () => {
    const runner = countingRunner();
    const state = {...rs, T: 214};
    const onScreen = startRun(state, PRESETS, runner, lib) as Run;
    ghostAhead(state, PRESETS, runner, lib, onScreen);
    expect(runner.runs).toBe(1);
    const v = Array.from(onScreen.trace!.v);
    onScreen.trace!.v.fill(0); // the explorer's runner writes a later run into the screen run's columns
    const ghost = ghostRunOf({...state, a: 0.03}, PRESETS, runner, lib) as Run;
    expect(runner.runs).toBe(1);
    expect(Array.from(ghost.trace!.v)).toEqual(v);
    expect(ghost.state.a).toBe(rs.a);
    // A run on screen that is not the preset's (here: another duration) is not taken for it.
    ghostAhead({...rs, T: 215}, PRESETS, runner, lib, onScreen);
    expect(runner.runs).toBe(2);
  });

  it("at the preset is left alone when its run is too long for a frame (no copy of a worker's million samples)", () => {
    const runner = countingRunner();
    const state = {...rs, T: 216};
    const onScreen = startRun(state, PRESETS, runner, lib) as Run;
    ghostAhead(state, PRESETS, {...runner, runsAtOnce: () => false}, lib, onScreen);
    ghostRunOf({...state, a: 0.03}, PRESETS, runner, lib);
    expect(runner.runs).toBe(2); // the first step away computes it
  });

  it("computed ahead, comes with its drawing prepared for the charts, as a worker's run does", () => {
    const spec = {columns: 300, x0: 0, x1: 213, planeWidth: 400, planeHeight: 300};
    const runner = Object.assign(countingRunner(), {display: spec});
    const state = {...rs, T: 213};
    ghostAhead(state, PRESETS, runner, lib);
    const ghost = ghostRunOf({...state, a: 0.03}, PRESETS, runner, lib) as Run;
    const trace = ghost.trace as Trace & {display?: RunDisplay};
    expect(trace.display).toEqual(prepareDisplay(trace, spec, {c: rs.c, d: rs.d, vPeak: ghost.options.vPeak ?? 30}));
    expect(Array.from(trace.display!.v)).toEqual(
      Array.from(decimateMinMax(trace.t, trace.v, {columns: 300, x0: 0, x1: 213}))
    );
  });

  it("does not hold the charts up when it runs in the background: null first, then the run", async () => {
    const later = {
      runsAtOnce: () => false,
      run: (o: SimulateOptions) => new Promise<Trace>((resolve) => setTimeout(() => resolve(simulate(o)), 5))
    };
    const ghost = ghostRunOf({...rs, c: -60, T: 123}, PRESETS, later, lib) as AsyncGenerator<Run | null>;
    expect(typeof ghost.next).toBe("function");
    expect((await ghost.next()).value).toBeNull();
    const run = (await ghost.next()).value as Run;
    expect(run.state.c).toBe(rs.c);
    expect(run.trace!.t.at(-1)).toBe(123);
  });
});

describe("the budget warning's button", () => {
  it("is offered when a warning names the spike budget, and calls back", () => {
    let clicked = 0;
    const action = {label: "Show the spike budget", when: /spike budget/, onClick: () => clicked++};
    const box = RunWarnings(["the spike budget of 10 spikes was reached at t = 5 ms"], action);
    const button = box.querySelector("button")!;
    expect(button.textContent).toBe("Show the spike budget");
    button.click();
    expect(clicked).toBe(1);
    expect(RunWarnings(["the run diverged"], action).querySelector("button")).toBeNull();
  });
});

describe("workbenchSizes", () => {
  it("puts controls, traces and plane side by side when wide, and fills the width", () => {
    const s = workbenchSizes(1216);
    expect(s.layout).toBe("wide");
    expect(WORKBENCH.controls + s.traceWidth + s.planeWidth + 2 * WORKBENCH.gap).toBe(1216);
    expect(s.planeWidth).toBeGreaterThanOrEqual(320);
    expect(s.planeWidth).toBeLessThanOrEqual(440);
  });

  it("stacks on a phone, every chart the full width", () => {
    const s = workbenchSizes(358);
    expect(s.layout).toBe("narrow");
    expect(s.traceWidth).toBe(358);
    expect(s.planeWidth).toBe(358);
  });
});

describe("Tabs", () => {
  it("shows one panel at a time, by click and by arrow keys", () => {
    document.body.innerHTML = `<div id="p1"></div><div id="p2"></div>`;
    const tabs = Tabs(
      [
        {label: "One", panel: "p1"},
        {label: "Two", panel: "p2"}
      ],
      {label: "Controls"}
    );
    document.body.append(tabs);
    const [one, two] = [...tabs.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(document.getElementById("p1")!.hidden).toBe(false);
    expect(document.getElementById("p2")!.hidden).toBe(true);
    two.click();
    expect(two.getAttribute("aria-selected")).toBe("true");
    expect(document.getElementById("p1")!.hidden).toBe(true);
    one.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowLeft", bubbles: true}));
    expect(document.activeElement).toBe(one);
    expect(document.getElementById("p1")!.hidden).toBe(false);
    tabs.select("p2");
    expect(document.getElementById("p2")!.hidden).toBe(false);
    expect(document.getElementById("p2")!.getAttribute("aria-labelledby")).toBe(two.id);
  });
});
