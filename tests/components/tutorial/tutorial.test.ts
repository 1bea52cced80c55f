// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {CLASSES, FEATURES, detectBursts, restState, simulate, spikeStatistics, step} from "../../../lib/index.js";
import {CHAPTERS} from "../../../src/components/tutorial/chapters.js";
import {IsiChart} from "../../../src/components/charts/isiChart.js";
import {
  ContentsList,
  TryIt,
  accurateOptions,
  accurateRun,
  explorerHref,
  kickThreshold,
  live,
  passage,
  prose,
  RunPlaceNote,
  simulateLater,
  tutorialRun,
  tutorialRunner,
  zooHref
} from "../../../src/components/tutorial/tutorial.js";
import {LatencyComparison} from "../../../src/components/tutorial/latencyComparison.js";
import {parseState} from "../../../src/state/urlState.js";
import {Cancelled} from "../../../src/workers/workerRunner.js";

describe("accurateOptions(id, changes)", () => {
  it("is the preset integrated accurately, with the changed parameters merged", () => {
    const options = accurateOptions("RS", {params: {a: 0.1}, duration: 300});
    expect(options.method).toBe("adaptive");
    expect(options.dt).toBe(2 ** -5);
    expect(options.params).toEqual({a: 0.1, b: 0.2, c: -65, d: 8});
    expect(options.duration).toBe(300);
    expect(options.current).toBe(CLASSES.RS.current);
  });

  it("starts u on the nullcline of the run's own b, unless the preset starts elsewhere (R) or u0 is given", () => {
    expect(accurateOptions("RS", {params: {b: 0.25}}).u0).toBe(0.25 * -63);
    expect(accurateOptions("RS", {params: {b: 0.25}, v0: -70}).u0).toBe(0.25 * -70);
    expect(accurateOptions("RS", {u0: -3}).u0).toBe(-3);
    expect(accurateOptions("R", {params: {b: 0.5}}).u0).toBe(FEATURES.R.u0);
  });

  it("rejects an unknown preset by name", () => {
    expect(() => accurateOptions("XX" as never)).toThrow(/unknown preset "XX"/);
  });
});

describe("the science the chapters quote", () => {
  it("chapter 2: faster recovery (a = 0.1) fires more and adapts less than RS's a = 0.02", () => {
    const slow = accurateRun("RS", {duration: 300}).spikes.length;
    const fast = accurateRun("RS", {params: {a: 0.1}, duration: 300}).spikes.length;
    expect(fast).toBeGreaterThan(2 * slow);
  });

  it("chapter 1: raising the cut-off from 30 to 100 mV delays RS's first spike by less than 0.5 ms", () => {
    const at30 = accurateRun("RS").spikes[0];
    const at100 = accurateRun("RS", {vPeak: 100}).spikes[0];
    expect(at100 - at30).toBeGreaterThan(0);
    expect(at100 - at30).toBeLessThan(0.5);
  });
});

// The answers of the chapters' Predict prompts, so a change in the library that breaks one fails here.
describe("the Predict answers of chapters 3-5", () => {
  const reboundSpikes = (b: number) => {
    const rest = restState({a: 0.03, b, c: -60, d: 4}, 0)!;
    return accurateRun("M", {params: {a: 0.03, b}, v0: rest.v, u0: rest.u, current: step(-15, 20, 25), duration: 200})
      .spikes.length;
  };

  it("chapter 3: a resonator (b = 0.25 > a) fires a rebound spike after inhibition, an integrator (b = −0.1) does not", () => {
    expect(reboundSpikes(0.25)).toBeGreaterThanOrEqual(1);
    expect(reboundSpikes(-0.1)).toBe(0);
  });

  it("chapter 4: raising c from −65 to −50 mV (d = 2) turns single spikes into bursts; halving d lengthens them", () => {
    expect(detectBursts(accurateRun("CH", {params: {c: -65}, duration: 300}).spikes).bursts).toHaveLength(0);
    const bursts = detectBursts(accurateRun("CH", {duration: 300}).spikes);
    expect(bursts.bursts.length).toBeGreaterThanOrEqual(3);
    const median = (d: number) => {
      const n = detectBursts(accurateRun("CH", {params: {c: -50, d}, duration: 300}).spikes).spikesPerBurst.sort(
        (x, y) => x - y
      );
      return n[n.length >> 1];
    };
    expect(median(2)).toBeGreaterThan(median(4));
  });

  it("chapter 5: with d = 0 the RS cell does not adapt; with d = 8 its intervals lengthen", () => {
    const stats = (d: number) =>
      spikeStatistics(accurateRun("RS", {params: {d}, duration: 300}).spikes, {start: 15, end: 300});
    expect(Math.abs(stats(0).adaptation!)).toBeLessThan(0.01);
    const eight = stats(8);
    expect(eight.adaptation!).toBeGreaterThan(0.05);
    expect(eight.isis[eight.isis.length - 1]).toBeGreaterThan(3 * eight.isis[0]);
  });
});

describe("kickThreshold(params, I)", () => {
  const rs = {a: 0.02, b: 0.2, c: -65, d: 8};

  it("lies between the frozen-u threshold and the saddle (closed forms), and separates firing from rest", () => {
    const found = kickThreshold(rs, 0)!;
    // At I = 0 the rest state is (−70, −14) and the saddle v = −50 (docs/science.md §4 with b = 0.2). With u frozen
    // at −14, 0.04v² + 5v + 154 = 0 has its unstable root at −55: a kick faster than u must pass it.
    expect(found.rest.v).toBeCloseTo(-70, 10);
    expect(found.saddle.v).toBeCloseTo(-50, 10);
    expect(found.threshold).toBeGreaterThan(-55);
    expect(found.threshold).toBeLessThan(-50);
    const fires = (v0: number) => simulate({params: rs, v0, u0: -14, current: 0, duration: 80}).spikes.length > 0;
    expect(fires(found.threshold + 0.05)).toBe(true);
    expect(fires(found.threshold - 0.05)).toBe(false);
  });

  it("moves down as the current rises, and is null without a rest state (above I_sn = 4)", () => {
    expect(kickThreshold(rs, 3)!.threshold).toBeLessThan(kickThreshold(rs, 0)!.threshold - 3);
    expect(kickThreshold(rs, 4.1)).toBeNull();
  });
});

describe("links and live numbers", () => {
  it("links the explorer at a preset with changes, which the explorer reads back", () => {
    const href = explorerHref("RS", {a: 0.1});
    expect(href.startsWith("../?class=RS&")).toBe(true);
    const {state, notices} = parseState(href.slice(3), {...CLASSES, ...FEATURES});
    expect(notices).toEqual([]);
    expect(state).toMatchObject({cls: "RS", a: 0.1, b: 0.2, c: -65, d: 8, method: "adaptive", protocol: true});
  });

  it("links a zoo panel by its id", () => {
    expect(zooHref("C")).toBe("../zoo#panel-C");
    expect(zooHref("RS")).toBe("../zoo#panel-RS");
  });

  it("formats live values with their unit, a dash for a missing number, words as they are", () => {
    expect(live(-64.4128, "mV").textContent).toBe("−64.4 mV");
    expect(live(null, "ms").textContent).toBe("— ms");
    expect(live("a resonator").textContent).toBe("a resonator");
    expect(live(3).className).toBe("live");
  });

  it("lists closing links with their notes", () => {
    const list = TryIt([
      {href: "../zoo#panel-A", text: "Tonic spiking", note: "panel A"},
      {href: "../", text: "Explorer"}
    ]);
    expect(Array.from(list.querySelectorAll("a"), (a) => a.getAttribute("href"))).toEqual(["../zoo#panel-A", "../"]);
    expect(list.textContent).toBe("Tonic spiking: panel AExplorer");
  });

  it("builds a paragraph of text and live numbers, as parts or as a tagged template", () => {
    const p = passage("A fires at ", live(12.345, "ms"), ".");
    expect(p.tagName).toBe("P");
    expect(p.textContent).toBe("A fires at 12.3 ms.");
    const q = prose`In ${285} ms: ${live(0.1875, "", 2)} and ${"words"}.`;
    expect(q.textContent).toBe("In 285 ms: 0.19 and words.");
    // Only the measured number is a live span (the answer's checkable numbers; e2e/predict.e2e.ts reads them).
    expect(Array.from(q.querySelectorAll(".live"), (x) => x.textContent)).toEqual(["0.19"]);
  });

  it("LatencyComparison draws each neuron's latency line, rings the quoted points and quotes them", () => {
    const series = [
      {
        label: "G (integrator)",
        points: [0.05, 0.1, 1, 10].map((percent) => ({percent, latency: 400 / (1 + percent)})),
        quoted: {percent: 0.1, latency: 363.6}
      },
      {
        label: "H (resonator)",
        points: [0.05, 0.1, 1, 10].map((percent) => ({percent, latency: 30})),
        quoted: {percent: 0.1, latency: 30}
      }
    ];
    const figure = LatencyComparison(series, {width: 400});
    expect(figure.querySelector("h3")?.textContent).toBe(
      "First-spike latency near rheobase: G (integrator) and H (resonator)"
    );
    expect(figure.querySelectorAll(".chart-legend li")).toHaveLength(2);
    expect(figure.querySelector("figcaption")?.textContent).toContain(
      "Ringed: G (integrator): 363.6 ms at 0.1 % above rheobase; H (resonator): 30 ms at 0.1 % above rheobase."
    );
    expect(figure.querySelectorAll("svg circle")).toHaveLength(2);
  });

  it("lists every chapter in the contents, linked by slug, with its summary", () => {
    const list = ContentsList(CHAPTERS);
    expect(list.querySelectorAll("li")).toHaveLength(CHAPTERS.length);
    expect(list.querySelector("li a")?.getAttribute("href")).toBe("./model");
    expect(list.querySelector("li .summary")?.textContent).toBe(CHAPTERS[0].summary);
  });
});

describe("IsiChart(series, {width})", () => {
  it("draws one dot per interval, a legend only for several series, and a text alternative with the ISIs", () => {
    const one = IsiChart([{spikes: [10, 15, 25, 40], label: "run", color: "#000"}], {width: 400});
    expect(one.querySelector("h3")?.textContent).toBe("Inter-spike intervals");
    expect(one.querySelectorAll("circle")).toHaveLength(3);
    expect(one.querySelector(".chart-legend")).toBeNull();
    const svg = one.querySelector("svg[role=img]")!;
    expect(svg.getAttribute("aria-label")).toMatch(/inter-spike interval in ms against its number/);
    expect(svg.getAttribute("aria-description")).toBe("run: 5, 10, 15 ms.");
    const two = IsiChart(
      [
        {spikes: [0, 5], label: "A", color: "#000"},
        {spikes: [1], label: "B", color: "#f00"}
      ],
      {width: 400}
    );
    expect(two.querySelectorAll(".chart-legend li")).toHaveLength(2);
    expect(two.querySelector("svg[role=img]")!.getAttribute("aria-description")).toBe(
      "A: 5 ms. B: fewer than two spikes."
    );
  });
});

describe("the chapters' runs on the shared runner", () => {
  it("tutorialRun gives accurateRun's trace; a newer run of a key replaces its waiting one", async () => {
    const runner = tutorialRunner();
    expect(tutorialRunner()).toBe(runner);
    // The first run starts at once; the second waits for it and is replaced by the third.
    const first = tutorialRun("run", "RS", {params: {d: 2}, duration: 100});
    const second = tutorialRun("run", "RS", {params: {d: 3}, duration: 100});
    const third = tutorialRun("run", "RS", {params: {d: 4}, duration: 100});
    const other = tutorialRun("reference", "RS", {duration: 100});
    await expect(second).rejects.toBeInstanceOf(Cancelled);
    expect((await first).spikes).toEqual(accurateRun("RS", {params: {d: 2}, duration: 100}).spikes);
    expect((await third).spikes).toEqual(accurateRun("RS", {params: {d: 4}, duration: 100}).spikes);
    expect((await other).spikes).toEqual(accurateRun("RS", {duration: 100}).spikes);
    // jsdom has no Web Workers: the runs happened on the main thread, and the runner says why.
    expect(runner.status()).toMatchObject({place: "main thread", fallback: "this browser has no Web Workers"});
    const euler = {params: CLASSES.RS.params, current: 10, duration: 50, method: "euler" as const, dt: 0.25};
    expect(runner.runsAtOnce(euler)).toBe(true);
    expect((await simulateLater("euler", euler)).spikes).toEqual(simulate(euler).spikes);
    expect(RunPlaceNote().textContent).toBe(
      "This chapter's simulations run on the main thread (this browser has no Web Workers)."
    );
  });
});
