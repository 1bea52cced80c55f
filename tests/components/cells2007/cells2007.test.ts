// @vitest-environment jsdom
import {afterEach, describe, expect, it, vi} from "vitest";
import {CELLS_2007} from "../../../lib/index.js";
import {
  CellTrace,
  OverlayCells,
  PhasePlanes2007,
  StackedCells,
  StatsTable2007,
  jumps2007,
  vDomain
} from "../../../src/components/charts/cells2007Charts.js";
import {
  bifurcationText,
  differenceSentence,
  parameterRows,
  runCell,
  runCompared,
  sharedStimulus,
  shortName,
  specialRules,
  statsRows2007,
  type CompareRun2007
} from "../../../src/components/cells2007/cells2007Model.js";
import {
  CELL_IDS_2007,
  DEFAULT_COMPARE_2007,
  checkCells,
  parseCompare2007,
  serializeCompare2007,
  type Compare2007State
} from "../../../src/state/cells2007State.js";
import {
  CELL_NAMES,
  CellCard,
  CompareTools2007,
  RunPlaceLine
} from "../../../src/components/cells2007/cells2007Panels.js";
import {
  CELLS2007_ADVICE,
  cells2007Runner,
  execute,
  mainThreadRunner,
  queuedRunner,
  workerRunner,
  type RunRequest
} from "../../../src/workers/cells2007Runner.js";
import {OverBudget} from "../../../src/workers/sharedRunner.js";
import {Cancelled} from "../../../src/workers/workerRunner.js";
import {fakeWorkers} from "../../workers/fakeWorker.js";
import {expectSnapshot, syntheticTrace} from "../fixtures.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("cells and their descriptions", () => {
  it("lists the seven cells in the book's order, then the burst presets", () => {
    expect(CELL_IDS_2007.map(shortName)).toEqual(["RS", "IB", "CH", "LTS", "FS", "TC", "RTN", "TC burst", "RTN burst"]);
    expect([...CELL_IDS_2007].sort()).toEqual(Object.keys(CELLS_2007).sort());
  });

  it("gives the nine parameters with units, the special ones as formulas", () => {
    const rs = parameterRows(CELLS_2007.RS2007);
    expect(rs.map((r) => r.name)).toEqual(["C", "k", "vr", "vt", "vpeak", "a", "b", "c", "d"]);
    expect(rs.map((r) => r.unit)).toEqual(["pF", "nS/mV", "mV", "mV", "mV", "1/ms", "nS", "mV", "pA"]);
    expect(rs.find((r) => r.name === "b")?.value).toBe("−2");
    const lts = Object.fromEntries(parameterRows(CELLS_2007.LTS2007).map((r) => [r.name, r.value]));
    expect(lts.vpeak).toBe("40 − 0.1·u");
    expect(lts.c).toBe("−53 + 0.04·u");
    const tc = Object.fromEntries(parameterRows(CELLS_2007.TC2007).map((r) => [r.name, r.value]));
    expect(tc.b).toBe("15 if v ≤ −65 mV, else 0");
    expect(tc.vpeak).toBe("35 + 0.1·u");
    expect(Object.fromEntries(parameterRows(CELLS_2007.FS2007).map((r) => [r.name, r.value])).b).toMatch(/U\(v\)/);
  });

  it("states the special rules in words", () => {
    expect(specialRules(CELLS_2007.RS2007)).toEqual([]);
    const lts = specialRules(CELLS_2007.LTS2007).join(" ");
    expect(lts).toContain("min(u + d, 670 pA)");
    expect(lts).toContain("40 − 0.1·u mV");
    expect(specialRules(CELLS_2007.FS2007).join(" ")).toContain("0.025(v + 55)³");
    expect(specialRules(CELLS_2007.RTN2007).join(" ")).toContain("10 nS while v ≤ −65 mV, 2 nS above");
    expect(specialRules(CELLS_2007.TC2007_burst).join(" ")).toContain("−1200 pA for 120 ms");
  });

  it("gives the closed-form bifurcation currents of docs/science.md §3", () => {
    expect(bifurcationText(CELLS_2007.RS2007)).toMatch(/I_sn = 51\.4\d* pA.*saddle-node/);
    expect(bifurcationText(CELLS_2007.CH2007)).toMatch(/I_sn = 160\.2/);
    expect(bifurcationText(CELLS_2007.IB2007)).toMatch(/I_AH = 347\.7 pA.*I_sn = 350\.2 pA.*Andronov–Hopf/);
    expect(bifurcationText(CELLS_2007.LTS2007)).toMatch(/I_AH = 114\.8 pA.*I_sn = 121 pA.*resonator/);
    expect(bifurcationText(CELLS_2007.TC2007)).toMatch(/I_sn = 40 pA/);
    expect(bifurcationText(CELLS_2007.FS2007)).toMatch(/No closed-form/);
    expect(bifurcationText(CELLS_2007.RTN2007)).toMatch(/kink/);
  });
});

describe("book vs accurate", () => {
  it("CH at 200 pA: 5 spikes as published, 6 accurately integrated, said with the numbers", () => {
    const run = runCell("CH2007", 200);
    expect(run.book.spikes.length).toBe(5);
    expect(run.adaptive.spikes.length).toBe(6);
    expect(run.book.t.length).toBe(run.adaptive.t.length);
    expect(differenceSentence(run)).toBe(
      "CH at 200 pA: the book's Euler loop (τ = 0.25 ms) gives 5 spikes, the accurate integration 6 spikes; integrated accurately the cell gains 1 spike."
    );
  });

  it("says when the two agree", () => {
    const s = {spikes: [1, 2]};
    expect(differenceSentence({id: "RS2007", current: 60, book: s, adaptive: s})).toBe(
      "RS at 60 pA: both methods give 2 spikes."
    );
    expect(
      differenceSentence({id: "FS2007", current: 400, book: {spikes: [1, 2, 3]}, adaptive: {spikes: [1]}})
    ).toContain("loses 2 spikes");
  });
});

describe("comparison logic", () => {
  it("accepts 2–4 known cells only", () => {
    expect(checkCells(["RS2007", "FS2007"])).toHaveLength(2);
    expect(checkCells(["RS2007", "FS2007", "CH2007", "TC2007_burst"])).toHaveLength(4);
    expect(() => checkCells(["RS2007"])).toThrow(/1 given; allowed: 2 to 4/);
    expect(() => checkCells(["RS2007", "IB2007", "CH2007", "LTS2007", "FS2007"])).toThrow(/5 given/);
    expect(() => checkCells(["RS2007", "XX"])).toThrow(/unknown cell "XX"/);
  });

  it("builds the shared current from a test current or a clamped step", () => {
    const ch = sharedStimulus({kind: "test", id: "CH2007", current: 300});
    expect(ch).toMatchObject({duration: 210, onset: 0});
    expect(ch.description).toContain("300 pA");
    expect(sharedStimulus({kind: "test", id: "TC2007_burst", current: 50})).toMatchObject({duration: 770, onset: 120});
    const s = sharedStimulus({kind: "step", amplitude: 5000, onset: 900, duration: 100});
    expect(s.description).toBe("Every cell receives a step of 2000 pA from t = 99 ms, for 100 ms.");
    expect(sharedStimulus({kind: "step", amplitude: NaN, onset: 10, duration: 100}).description).toContain("−2000 pA");
  });

  it("runs the compared cells and tabulates their statistics with units", () => {
    const shared = sharedStimulus({kind: "test", id: "CH2007", current: 200});
    const runs = [
      runCompared(0, "CH2007", shared, "book"),
      runCompared(1, "CH2007", shared, "adaptive"),
      runCompared(2, "IB2007", shared, "book")
    ];
    const rows = statsRows2007(runs, shared.onset, shared.duration);
    expect(rows.map((r) => r.label)).toEqual([
      "Spikes",
      "Rate (Hz)",
      "First-spike latency (ms)",
      "Mean ISI (ms)",
      "CV",
      "Adaptation",
      "Firing pattern"
    ]);
    expect(rows[0]!.values).toEqual(["5", "6", "0"]);
    expect(rows[3]!.values[2]).toBe("—");
    expect(rows[6]!.values[2]).toBe("silent");
    const failed: CompareRun2007 = {index: 0, id: "RS2007", trace: null, error: "boom"};
    expect(statsRows2007([failed], 0, 100).every((r) => r.values[0] === "—")).toBe(true);
  });
});

/** Synthetic, deterministic traces in the library's shape (not the library's integrators). */
function fakeTrace(duration = 100) {
  return {...syntheticTrace(duration), method: "book" as const, dt: 0.25, steps: duration * 4, warnings: []};
}

describe("charts", () => {
  it("draws one cell's trace as book, accurate or overlay, with a title and aria-label", async () => {
    const book = fakeTrace();
    const accurate = {
      ...fakeTrace(),
      v: fakeTrace().v.map((v, i) => (i % 7 ? v : v - 1)),
      spikes: fakeTrace().spikes.slice(1)
    };
    for (const view of ["book", "adaptive"] as const) {
      const f = CellTrace(book, accurate, {width: 500, view, label: "CH at 200 pA"});
      expect(f.querySelectorAll("path[vector-effect]")).toHaveLength(1);
      expect(f.querySelector("h3")?.textContent).toMatch(/^CH at 200 pA: v\(t\)/);
    }
    const f = CellTrace(book, accurate, {width: 500, view: "overlay", label: "CH at 200 pA"});
    const svg = f.querySelector("svg[role=img]") as SVGSVGElement;
    expect(svg.getAttribute("aria-label")).toMatch(
      /membrane potential v in mV of CH at 200 pA against time t from 0 to 100 ms, book \(\d+ spikes\) and accurate/
    );
    expect(f.querySelectorAll(".cells2007-legend li")).toHaveLength(2);
    expect(svg.textContent).toContain("t (ms)");
    expect(svg.textContent).toContain("v (mV)");
    await expectSnapshot(svg, "cells2007Overlay.svg");
  });

  it("stacks or overlays the compared cells on one time axis and tabulates them", () => {
    const runs: CompareRun2007[] = ["RS2007", "IB2007", "FS2007"].map((id, index) => ({
      index,
      id: id as "RS2007",
      trace: fakeTrace(),
      error: null
    }));
    const stack = StackedCells(runs, {width: 400, names: CELL_NAMES});
    expect(stack.querySelectorAll("figure")).toHaveLength(3);
    expect(new Set([...stack.querySelectorAll(".axes path")].map((p) => p.getAttribute("d"))).size).toBeLessThanOrEqual(
      2
    );
    const overlay = OverlayCells(runs, {width: 400, names: CELL_NAMES});
    expect(overlay.querySelector("svg[role=img]")?.getAttribute("aria-label")).toMatch(/of 3 cells/);
    const table = StatsTable2007(runs, statsRows2007(runs, 0, 100), "caption");
    expect(table.querySelectorAll("thead th")).toHaveLength(4);
    expect(table.querySelectorAll("tbody tr")).toHaveLength(7);
    expect(vDomain([null])).toEqual([-90, 40]);
  });
});

describe("runner", () => {
  it("runs a cell or a compared cell the same way the worker does", async () => {
    const book = await mainThreadRunner({kind: "cell", id: "CH2007", current: 200, method: "book"});
    expect(book.spikes.length).toBe(5);
    const t = execute({
      kind: "compare",
      id: "CH2007",
      shared: {kind: "test", id: "CH2007", current: 200},
      method: "adaptive"
    });
    expect(t.spikes.length).toBe(6);
  });

  it("talks to a worker by message, and falls back to the main thread when the worker fails", async () => {
    class FakeWorker extends EventTarget {
      constructor(private fail: boolean) {
        super();
      }
      terminate() {}
      postMessage({key, request}: {key: number; request: Parameters<typeof execute>[0]}) {
        queueMicrotask(() => {
          if (this.fail) this.dispatchEvent(new Event("error"));
          else this.dispatchEvent(Object.assign(new Event("message"), {data: {key, result: execute(request)}}));
        });
      }
    }
    const ok = workerRunner(new FakeWorker(false) as unknown as Worker);
    expect((await ok({kind: "cell", id: "CH2007", current: 200, method: "adaptive"})).spikes.length).toBe(6);
    const broken = workerRunner(new FakeWorker(true) as unknown as Worker);
    expect((await broken({kind: "cell", id: "CH2007", current: 200, method: "book"})).spikes.length).toBe(5);
    expect((await broken({kind: "cell", id: "RS2007", current: 60, method: "book"})).spikes.length).toBe(2);
  });
});

describe("panels", () => {
  it("a card runs its cell in a later task and follows its controls", async () => {
    vi.useFakeTimers();
    const card = CellCard("CH2007");
    expect(card.querySelector("h2")?.textContent).toBe(CELLS_2007.CH2007.name);
    expect(card.querySelector("figure")).toBeNull();
    await vi.runAllTimersAsync();
    const counts = card.querySelector(".cells2007-counts") as HTMLElement;
    expect(counts.dataset.spikes).toBe("5");
    const accurate = card.querySelector('input[value="adaptive"]') as HTMLInputElement;
    accurate.checked = true;
    accurate.dispatchEvent(new Event("change"));
    expect(counts.dataset.spikes).toBe("6");
    const select = card.querySelector("select") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(["200 pA", "300 pA", "400 pA", "600 pA"]);
  });

  it("the comparison shows 2–4 cell menus and one column per cell", async () => {
    vi.useFakeTimers();
    const tools = CompareTools2007();
    await vi.runAllTimersAsync();
    expect(tools.querySelectorAll("table.cells2007-stats thead th")).toHaveLength(4);
    const count = tools.querySelector("#cells2007-count") as HTMLSelectElement;
    for (const n of [2, 4]) {
      count.value = String(n);
      count.dispatchEvent(new Event("change"));
      await vi.runAllTimersAsync();
      expect(tools.querySelectorAll(".cells2007-slot:not([hidden])")).toHaveLength(n);
      expect(tools.querySelectorAll(".cells2007-stack figure")).toHaveLength(n);
    }
  });
});

describe("the comparison in the address", () => {
  it("round-trips every state: test currents, a step, methods, overlay", () => {
    const states: Compare2007State[] = [
      DEFAULT_COMPARE_2007,
      {
        cells: ["FS2007", "LTS2007"],
        current: {kind: "test", id: "TC2007_burst", current: CELLS_2007.TC2007_burst.testCurrents[0]},
        method: "adaptive",
        overlay: true
      },
      {
        cells: ["RS2007", "IB2007", "CH2007", "RTN2007"],
        current: {kind: "step", amplitude: -150.5, onset: 12, duration: 480},
        method: "book",
        overlay: false
      }
    ];
    for (const state of states) {
      const {state: back, notices} = parseCompare2007(serializeCompare2007(state));
      expect(notices).toEqual([]);
      expect(back).toEqual(state);
    }
  });

  it("keeps the defaults and says why for each setting it cannot use", () => {
    const {state, notices} = parseCompare2007(
      "?cells=RS2007&current=CH2007:301&method=rk4&overlay=yes&color=red&amp=5"
    );
    expect(state).toEqual(DEFAULT_COMPARE_2007);
    expect(notices).toHaveLength(6);
    expect(notices.join("\\n")).toMatch(/Cells “RS2007”: cells: 1 given; allowed: 2 to 4/);
    expect(notices.join("\\n")).toMatch(/Current “CH2007:301”/);
    expect(notices.join("\\n")).toMatch(/Method “rk4”/);
    expect(notices.join("\\n")).toMatch(/Ignored unknown setting: “color”/);
    const step = parseCompare2007("?current=step&amp=99999&on=x&T=50");
    expect(step.state.current).toEqual({kind: "step", amplitude: 2000, onset: 20, duration: 50});
    expect(step.notices).toHaveLength(2);
    expect(parseCompare2007("?cells=RS2007,<script>").notices[0]).toMatch(/unknown cell "<script>"/);
  });
});

describe("phase planes of the compared cells", () => {
  it("draws nullclines, equilibria, the orbit and one reset jump per spike, with the book's moving reset for LTS and TC", () => {
    const shared = sharedStimulus({kind: "test", id: "LTS2007", current: 200});
    const runs = (["RS2007", "LTS2007", "FS2007", "TC2007"] as const).map((id, i) =>
      runCompared(i, id, shared, "adaptive")
    );
    const grid = PhasePlanes2007(runs, {width: 700});
    const figures = grid.querySelectorAll("figure.phase-plane");
    expect(figures).toHaveLength(4);
    for (const [i, f] of [...figures].entries()) {
      expect(f.querySelector("svg[role=img]")?.getAttribute("aria-label")).toMatch(
        /u in pA against v in mV.*I = 200 pA/
      );
      expect(f.querySelector("[aria-label=v-nullcline]")).not.toBeNull();
      expect(f.querySelector("[aria-label=u-nullcline]")).not.toBeNull();
      expect(f.querySelector("svg[role=img]")?.getAttribute("aria-label")).toContain(
        `${runs[i].trace!.spikes.length} reset jump`
      );
    }
    // LTS: the reset moves with u (v ← −53 + 0.04u) and u is capped at 670 pA.
    const lts = runs[1];
    const jumps = jumps2007(lts.trace!, CELLS_2007.LTS2007.cell, CELLS_2007.LTS2007.special);
    expect(jumps).toHaveLength(lts.trace!.spikes.length);
    for (const j of jumps) {
      expect(j.to[0]).toBeCloseTo(-53 + 0.04 * j.from[1], 9);
      expect(j.to[1]).toBeLessThanOrEqual(670);
      expect(j.from[0]).toBeGreaterThan(j.to[0]); // from the apex down to the reset
    }
  });
});

describe("the page's shared runner", () => {
  it("runs the book's loop at once, the accurate runs in the worker within a budget, each key queued", async () => {
    vi.useFakeTimers();
    const {make, workers} = fakeWorkers<RunRequest>(execute);
    const shared = cells2007Runner(make, 2000);
    const run = queuedRunner(shared);
    const book = await run({kind: "cell", id: "CH2007", current: 200, method: "book"});
    expect(book.spikes.length).toBe(5);
    expect(workers).toHaveLength(0);
    expect(shared.status().place).toBe("main thread");
    const outcome = (p: Promise<unknown>) =>
      p.then(
        (value) => ({value}),
        (error: unknown) => ({error})
      );
    const first = outcome(run({kind: "cell", id: "CH2007", current: 200, method: "adaptive"}, "card CH"));
    const second = outcome(run({kind: "cell", id: "RS2007", current: 60, method: "adaptive"}, "card RS"));
    expect(shared.status()).toMatchObject({busy: true, place: "worker"});
    // The first accurate run never answers: it is stopped at its budget; the second goes on in a fresh worker.
    await vi.advanceTimersByTimeAsync(2000);
    expect(((await first) as {error: Error}).error.message).toBe(
      `This run was stopped after 2 s, its time budget: ${CELLS2007_ADVICE}`
    );
    workers[1]!.deliver();
    expect(((await second) as {value: {spikes: Float64Array}}).value.spikes).toEqual(
      execute({kind: "cell", id: "RS2007", current: 60, method: "adaptive"}).spikes
    );
  });

  it("a card whose run is stopped at its budget says so in the card; a cancelled one says nothing", async () => {
    vi.useFakeTimers();
    const stopped = CellCard("CH2007", (request) =>
      request.method === "adaptive"
        ? Promise.reject(new OverBudget(10_000, CELLS2007_ADVICE))
        : mainThreadRunner(request)
    );
    await vi.runAllTimersAsync();
    expect(stopped.querySelector(".cells2007-error")?.textContent).toBe(
      `Could not run CH at 200 pA: This run was stopped after 10 s, its time budget: ${CELLS2007_ADVICE}`
    );
    const cancelled = CellCard("CH2007", () => Promise.reject(new Cancelled()));
    await vi.runAllTimersAsync();
    expect(cancelled.querySelector(".cells2007-error")).toBeNull();
  });

  it("says where the runs happen", () => {
    const line = RunPlaceLine((listener) =>
      listener({busy: false, duration: 0, place: "main thread", fallback: "this browser has no Web Workers"})
    );
    expect(line.textContent).toMatch(
      /^The accurate runs happen on the main thread \(this browser has no Web Workers\)/
    );
    expect(line.dataset.place).toBe("main thread");
  });
});
