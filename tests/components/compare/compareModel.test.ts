import {describe, expect, it} from "vitest";
import * as lib from "../../../lib/index.js";
import {ADAPTING_MIN_INDEX, CLASSES, FEATURES} from "../../../lib/index.js";
import {
  burstsOf,
  compare,
  compareWith,
  firstChange,
  neuronOf,
  optionsFor,
  rateWindowEnd,
  sharedStimulus,
  statsRows,
  type CompareRun
} from "../../../src/components/compare/compareModel.js";
import {defaultCompareState, parseCompareState, type CompareState} from "../../../src/state/compareState.js";
import {Cancelled} from "../../../src/workers/workerRunner.js";
import {OverBudget} from "../../../src/workers/sharedRunner.js";

const catalog = {classes: CLASSES, features: FEATURES};
const state = (search: string): CompareState => parseCompareState(search, catalog).state;

describe("the shared stimulus", () => {
  it("builds a DC, a step and a pulse train from the page's parameters", () => {
    const neurons = [neuronOf({kind: "RS", a: 0, b: 0, c: -65, d: 0}, 0, {explorer: null}, catalog)];
    const dc = sharedStimulus(state("?n1=RS&n2=FS&stim=dc&I=7&T=300"), neurons, lib);
    expect(dc).toMatchObject({current: {kind: "dc", value: 7}, duration: 300, onset: 0, phaseI: 7});
    const step = sharedStimulus(state("?n1=RS&n2=FS&stim=step&I=5&on=40&off=90&T=120"), neurons, lib);
    expect(step).toMatchObject({current: {kind: "step", value: 5, start: 40, end: 90}, duration: 120, onset: 40});
    expect(step.description).toBe("A step of I = 5 from 40 to 90 ms, in a run of 120 ms.");
    const pulses = sharedStimulus(
      state("?n1=RS&n2=FS&stim=pulses&I=20&on=10&width=80&period=50&count=2"),
      neurons,
      lib
    );
    // A pulse never outlasts its period.
    expect(pulses.current).toEqual({kind: "pulses", amplitude: 20, start: 10, width: 50, period: 50, count: 2});
  });

  it("shares one neuron's protocol with its duration, and finds its onset", () => {
    const s = state("?n1=CH&n2=TC_burst&stim=protocol2");
    const neurons = s.neurons.map((slot, i) => neuronOf(slot, i, s, catalog));
    const shared = sharedStimulus(s, neurons, lib);
    expect(shared.current).toBe(CLASSES.TC_burst.current);
    expect(shared.duration).toBe(150);
    expect(shared.onset).toBeCloseTo(45, 5);
    expect(shared.description).toMatch(/^The protocol of neuron 2 \(TC burst\): I = /);
    expect(sharedStimulus({...s, stim: "protocol1"}, neurons, lib).onset).toBeCloseTo(15, 5);
  });

  it("firstChange locates a breakpoint to a microsecond, and gives 0 for a constant", () => {
    expect(firstChange((t) => (t > 12.3456 ? 1 : 0), 100)).toBeCloseTo(12.3456, 5);
    expect(firstChange(() => 3, 100)).toBe(0);
  });
});

describe("compare(state, catalog, lib)", () => {
  it("runs every neuron with the same current, the page's method and step", () => {
    const s = state("?n1=RS&n2=FS&n3=custom&a3=0.02&b3=0.2&c3=-50&d3=2&stim=dc&I=10&T=100&method=paper2004");
    const c = compare(s, catalog, lib);
    expect(c.error).toBeNull();
    expect(c.runs).toHaveLength(3);
    for (const r of c.runs) {
      expect(r.error).toBeNull();
      expect(r.options).toMatchObject({current: {kind: "dc", value: 10}, duration: 100, method: "paper2004", dt: 0.25});
      expect(r.trace!.spikes.length).toBeGreaterThan(0);
      expect(Array.from(r.trace!.I.subarray(0, 5))).toEqual([10, 10, 10, 10, 10]);
    }
    // FS fires faster than RS under the same current.
    expect(c.runs[1].stats!.count).toBeGreaterThan(c.runs[0].stats!.count);
    expect(optionsFor(c.neurons[0], c.stimulus!, "adaptive").dt).toBe(2 ** -5);
  });

  it("runs a 2004 panel as published with its own step τ from figure1.m (Q: 0.1 ms, R: 0.5 ms)", () => {
    const c = compare(state("?n1=Q&n2=R&n3=RS&stim=dc&I=10&T=50&method=paper2004"), catalog, lib);
    expect(c.runs.map((r) => r.options.dt)).toEqual([0.1, 0.5, 0.25]);
    expect(c.runs.map((r) => r.trace!.dt)).toEqual([0.1, 0.5, 0.25]);
  });

  it("keeps each preset's own equation and start state (panel G's quadratic)", () => {
    const s = state("?n1=G&n2=A&stim=protocol1");
    const c = compare(s, catalog, lib);
    expect(c.runs[0].options.equation).toEqual(FEATURES.G.equation);
    expect(c.runs[0].options.v0).toBe(-60);
    expect(c.runs[1].options.equation).toBeUndefined();
    expect(c.stimulus!.duration).toBe(300);
  });

  it("changing the current changes every trace", () => {
    const a = compare(state("?n1=RS&n2=IB&n3=FS&stim=dc&I=5&T=100"), catalog, lib);
    const b = compare(state("?n1=RS&n2=IB&n3=FS&stim=dc&I=15&T=100"), catalog, lib);
    for (let i = 0; i < 3; i++) expect(Array.from(b.runs[i].trace!.v)).not.toEqual(Array.from(a.runs[i].trace!.v));
  });

  it("stops a runaway neuron within its spike budget and says so", () => {
    const c = compare(state("?n1=T&n2=S&stim=protocol1"), catalog, lib);
    expect(c.runs[0].trace).not.toBeNull();
    expect(c.runs[0].trace!.spikes.length).toBeLessThanOrEqual(20_000);
  }, 20_000);
});

describe("statsRows(runs)", () => {
  it("gives counts, rates, latency, ISIs, CV and adaptation per neuron, with dashes where undefined", () => {
    const c = compare(
      state("?n1=RS&n2=custom&a2=0.02&b2=0.2&c2=-65&d2=8&stim=step&I=1&on=10&off=1000&T=100"),
      catalog,
      lib
    );
    const rows = statsRows(c.runs);
    const labels = rows.map((r) => r.label);
    for (const label of [
      "Spikes",
      "Rate (Hz)",
      "First-spike latency (ms)",
      "Mean ISI (ms)",
      "CV of ISIs",
      "Adaptation index"
    ])
      expect(labels).toContain(label);
    for (const row of rows) expect(row.values).toHaveLength(2);
    // I = 1 is below RS's rheobase: silent, so latency, ISI, CV and adaptation are undefined.
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r.values]));
    expect(byLabel["Spikes"]).toEqual(["0", "0"]);
    expect(byLabel["First-spike latency (ms)"]).toEqual(["—", "—"]);
    expect(byLabel["CV of ISIs"]).toEqual(["—", "—"]);
  });

  it("adds the burst rows when the library detects bursts", () => {
    const c = compare(state("?n1=CH&n2=RS&stim=protocol1"), catalog, lib);
    const rows = statsRows(c.runs);
    const hasBursts = typeof (lib as Record<string, unknown>).detectBursts === "function";
    expect(rows.some((r) => r.label === "Spikes per burst")).toBe(hasBursts);
    const withoutLibrary = c.runs.map((r): CompareRun => ({...r, bursts: null, pattern: null, decision: null}));
    expect(statsRows(withoutLibrary).some((r) => r.label === "Bursts" || r.label === "Firing pattern")).toBe(false);
  });

  it("reads bursts from a detector's result in either shape", () => {
    const spikes = Float64Array.of(1, 2, 3, 50, 51);
    expect(burstsOf(spikes, {})).toBeNull();
    expect(
      burstsOf(spikes, {
        detectBursts: () => ({
          bursts: [
            {start: 1, end: 3, count: 3},
            {start: 50, end: 51, count: 2}
          ]
        })
      })
    ).toEqual({count: 2, meanSize: 2.5});
    expect(burstsOf(spikes, {detectBursts: () => [[1, 2, 3]]})).toEqual({count: 1, meanSize: 3});
    expect(burstsOf(spikes, {detectBursts: () => "nonsense"})).toBeNull();
    expect(
      burstsOf(spikes, {
        detectBursts: () => {
          throw new Error("x");
        }
      })
    ).toBeNull();
  });

  it("rates every run over [0, time reached], as the explorer does, and says so", () => {
    // RS with a step from t = 20 ms: 200 ms simulated; the rate counts every spike over the whole 200 ms.
    const c = compare(state("?n1=RS&n2=FS&stim=step&I=10&on=20&off=200&T=200"), catalog, lib);
    for (const r of c.runs) {
      const all = r.trace!.spikes.length;
      expect(r.rate).toBeCloseTo((all * 1000) / 200, 9);
      // Not the rate over [onset, end] (the other statistics' window), which is higher.
      expect(r.rate!).toBeLessThan(r.stats!.rate!);
    }
    const rate = statsRows(c.runs).find((row) => row.label === "Rate (Hz)")!;
    expect(rate.note).toBe("all spikes of the run ÷ the time simulated, over [0, time reached], as in the explorer");
    expect(rate.values).toEqual(c.runs.map((r) => String(+r.rate!.toPrecision(3))));
  });

  it("a run stopped early is rated over the time it reached, keeping its last spike", () => {
    const trace = {t: Float64Array.of(0, 1, 2, 3), spikes: Float64Array.of(1, 3), dt: 1};
    expect(rateWindowEnd(trace, 100)).toBeGreaterThan(3);
    expect(rateWindowEnd(trace, 100)).toBeLessThan(3 + 1e-12);
    // A sample grid that ends within one step of the duration reached it.
    expect(rateWindowEnd({...trace, spikes: Float64Array.of(1)}, 3.5)).toBe(3.5);
  });

  it("shows, beside the classifier's label, the numbers that decided it", () => {
    // Each neuron under its own published protocol (the first neuron's), then one table of the three.
    const [rs, ch, rz] = ["RS", "CH", "RZ"].map(
      (id) => compare(state(`?n1=${id}&n2=FS&stim=protocol1`), catalog, lib).runs[0]
    );
    const rows = Object.fromEntries(statsRows([rs, ch, rz]).map((r) => [r.label, r.values]));
    const number = (text: string) => Number(text.replace("−", "-"));
    expect(rows["Firing pattern"]).toEqual(["tonic", "bursting", "phasic"]);
    // RS's whole-train index is high (its first interval is short) but the late one, which decides, is low,
    // and its opening doublet is not counted as a burst.
    expect(number(rows["Adaptation index"][0])).toBeGreaterThanOrEqual(ADAPTING_MIN_INDEX);
    expect(number(rows["Late adaptation index"][0])).toBeLessThan(ADAPTING_MIN_INDEX);
    expect(rows["Bursts"][0]).toBe("0");
    expect(rows["Spikes per burst"][0]).toBe("—");
    // CH: the bursts the label names; RZ: the doublet that answers its pulse.
    expect(number(rows["Bursts"][1])).toBeGreaterThanOrEqual(2);
    expect(rows["Bursts"][2]).toBe("1");
    expect(rows["Spikes per burst"][2]).toBe("2");
  });

  it("names a class once: its id, then its name without the id again", () => {
    const s = state("?n1=RS&n2=TC_burst&n3=A");
    const labels = s.neurons.map((slot, i) => neuronOf(slot, i, s, catalog).label);
    expect(labels).toEqual([
      "RS, regular spiking",
      "TC burst, thalamo-cortical, hyperpolarised",
      "Fig. 1A, tonic spiking"
    ]);
  });

  it("the default comparison runs without an error", () => {
    const c = compare(defaultCompareState(catalog), catalog, lib);
    expect(c.runs.map((r) => r.error)).toEqual([null, null, null]);
  });
});

describe("compareWith(state, catalog, lib, runner)", () => {
  const s = state("?n1=RS&n2=IB&n3=FS&stim=dc&I=5&T=100");
  const same = (x: CompareRun[], y: CompareRun[]) =>
    expect(x.map((r) => [r.error, Array.from(r.trace?.spikes ?? []), r.rate])).toEqual(
      y.map((r) => [r.error, Array.from(r.trace?.spikes ?? []), r.rate])
    );

  it("gives compare's runs, whether the runner computes them at once or later", async () => {
    const direct = compare(s, catalog, lib);
    const atOnce = compareWith(s, catalog, lib, {run: (o) => lib.simulate(o)});
    expect(atOnce).not.toBeInstanceOf(Promise);
    same((atOnce as ReturnType<typeof compare>).runs, direct.runs);
    const later = compareWith(s, catalog, lib, {run: (o) => Promise.resolve(lib.simulate(o))});
    expect(later).toBeInstanceOf(Promise);
    same((await later).runs, direct.runs);
  });

  it("runs the neurons one after the other, a run over the budget becoming that neuron's message", async () => {
    const started: number[] = [];
    const c = await compareWith(s, catalog, lib, {
      run: (o) => {
        started.push(o.params.a);
        return started.length === 2
          ? Promise.reject(new OverBudget(10_000, "choose a shorter duration"))
          : lib.simulate(o);
      }
    });
    expect(started).toHaveLength(3);
    expect(c.runs.map((r) => r.error)).toEqual([
      null,
      "This run was stopped after 10 s, its time budget: choose a shorter duration",
      null
    ]);
    expect(c.runs[2]!.trace).not.toBeNull();
  });

  it("stops an older comparison on the same runner from asking for more runs", async () => {
    let release: (() => void) | null = null;
    const asked: number[] = [];
    const runner = {
      run: (o: Parameters<typeof lib.simulate>[0]) => {
        asked.push(o.duration);
        // The older comparison's first run is late; everything else is at once.
        if (o.duration === 100 && asked.length === 1)
          return new Promise<ReturnType<typeof lib.simulate>>((resolve) => (release = () => resolve(lib.simulate(o))));
        return lib.simulate(o);
      }
    };
    const older = compareWith(s, catalog, lib, runner);
    const newer = compareWith(state("?n1=RS&n2=IB&n3=FS&stim=dc&I=5&T=50"), catalog, lib, runner);
    expect(newer).not.toBeInstanceOf(Promise);
    release!();
    await expect(older).rejects.toBeInstanceOf(Cancelled);
    expect(asked).toEqual([100, 50, 50, 50]);
  });

  it("rejects with Cancelled when a newer comparison overtakes it", async () => {
    const c = compareWith(s, catalog, lib, {run: () => Promise.reject(new Cancelled())});
    await expect(c).rejects.toBeInstanceOf(Cancelled);
  });
});
