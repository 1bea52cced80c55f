// @vitest-environment jsdom
import {PANEL_MAX_SPIKES} from "../../../src/components/spikeCaps.js";
import {join, dirname} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import * as lib from "../../../lib/index.js";
import {CLASSES, FEATURES, simulate} from "../../../lib/index.js";
import {FEATURE_IDS, parseState, presetState} from "../../../src/state/urlState.js";
import {backgroundOf, departures} from "../../../src/components/zoo/zooBadges.js";
import {ZooGallery} from "../../../src/components/zoo/zooGallery.js";
import {OverBudget} from "../../../src/workers/sharedRunner.js";
import {Cancelled} from "../../../src/workers/workerRunner.js";
import {ZOO_ADVICE} from "../../../src/workers/zooRunner.js";
import {modeFromSearch} from "../../../src/state/zooState.js";
import {
  accurateOptions,
  changeSentence,
  explorerHrefForPanel,
  publishedOptions,
  summarize,
  zooEntries,
  type RunSummary
} from "../../../src/components/zoo/zooModel.js";
import {ZooPanel, panelChart} from "../../../src/components/zoo/zooPanel.js";
import {expectSnapshot} from "../fixtures.js";

const PRESETS = {...CLASSES, ...FEATURES};
const entries = zooEntries(FEATURES, CLASSES);
const output = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "output");

/** Both runs of a panel, as the gallery makes them. */
function runs(id: string) {
  const entry = entries.find((e) => e.id === id)!;
  const published = simulate(publishedOptions(entry.preset));
  const accurate = simulate(accurateOptions(entry.preset));
  return {
    entry,
    published,
    accurate,
    sentence: changeSentence(entry.preset, summarize(published), summarize(accurate))
  };
}

describe("departures(preset)", () => {
  it("derives the badges from the equation and the parameters", () => {
    const kinds = Object.fromEntries(entries.map((e) => [e.id, e.departures.map((d) => d.kind)]));
    expect(kinds.G).toEqual(["quadratic"]);
    expect(kinds.L).toEqual(["quadratic"]);
    expect(kinds.R).toEqual(["u-equation"]);
    expect(kinds.S).toEqual(["negative-a"]);
    expect(kinds.T).toEqual(["negative-a"]);
    const marked = entries.filter((e) => e.departures.length).map((e) => e.id);
    expect(marked).toEqual(["G", "L", "R", "S", "T"]);
  });

  it("says what the variant is, with numbers from the library", () => {
    const [g] = departures(FEATURES.G);
    expect(g.badge).toBe("quadratic 4.1v + 108");
    expect(g.detail).toContain("0.04v² + 4.1v + 108");
    expect(g.detail).toContain("from 22.56 to 2.25");
    expect(departures(FEATURES.R)[0].detail).toContain("u₀ = −16");
    const [t] = departures(FEATURES.T);
    expect(t.badge).toBe("a < 0, background I = 80");
    expect(t.detail).toContain("b = −1, d = −2");
    expect(backgroundOf(FEATURES.S)).toBe(80);
    expect(backgroundOf(FEATURES.A)).toBeNull();
  });

  it("marks a non-standard preset made up here (no list of letters)", () => {
    const custom = {params: {a: -0.01, b: 0.2, c: -65, d: 2}, equation: {f: 4.5}, duration: 10, current: 5};
    expect(departures(custom).map((d) => d.kind)).toEqual(["quadratic", "negative-a"]);
  });
});

describe("changeSentence(preset, published, accurate)", () => {
  it("gives the numbers of both runs", () => {
    const q = runs("Q");
    expect(q.published.spikes.length).toBe(1);
    expect(q.accurate.spikes.length).toBeGreaterThan(1);
    expect(q.sentence).toMatch(new RegExp(`^Accurate integration: ${q.accurate.spikes.length} spikes instead of 1;`));
    expect(q.sentence).toContain("b = 0.18");
    const a = runs("A");
    expect(a.published.spikes.length).toBe(a.accurate.spikes.length);
    expect(a.sentence).toContain(`the same ${a.published.spikes.length} spikes`);
    expect(a.sentence).toContain("the pattern survives");
  });

  it("shows panel T's run-away as the finding it is", () => {
    const t = runs("T");
    expect(t.accurate.spikes.length).toBe(PANEL_MAX_SPIKES);
    expect(t.accurate.warnings.join(" ")).toMatch(/spike budget/);
    expect(t.sentence).toMatch(/^Accurate integration runs away: 5,000 spikes by \d+(\.\d+)? ms/);
    expect(t.sentence).toContain("artefact of τ = 0.5 ms");
  });

  it("handles silence and a published run without spikes", () => {
    const none: RunSummary = {
      spikes: 0,
      first: null,
      last: null,
      meanIsi: null,
      lastIsi: null,
      budget: false,
      end: 100,
      warnings: []
    };
    expect(changeSentence({id: "X", dt: 0.25, duration: 100}, none, none)).toMatch(/no spike either way/);
    const two: RunSummary = {...none, spikes: 2, first: 10, last: 20, meanIsi: 10, lastIsi: 10};
    expect(changeSentence({id: "X", dt: 0.25, duration: 100}, none, two)).toBe(
      "Accurate integration: 2 spikes instead of 0; the first at 10 ms."
    );
  });

  it("reads the same for every panel as last reviewed (tests/output/zooSentences.txt)", async () => {
    const text = entries.map((e) => `${e.id}: ${runs(e.id).sentence}`).join("\n") + "\n";
    await expect(text).toMatchFileSnapshot(join(output, "zooSentences.txt"));
  });
});

describe("explorerHrefForPanel(id, presets, method)", () => {
  it("opens every panel in the explorer with its full state, without a notice", () => {
    for (const e of entries) {
      for (const method of ["paper2004", "adaptive"] as const) {
        const href = explorerHrefForPanel(e.id, PRESETS, method);
        expect(href.startsWith("./?class=")).toBe(true);
        const {state, notices} = parseState(href.slice(2), PRESETS);
        expect(notices).toEqual([]);
        const p = e.preset;
        expect(state).toMatchObject({
          cls: e.id,
          a: p.params.a,
          b: p.params.b,
          c: p.params.c,
          d: p.params.d,
          v0: p.v0,
          T: p.duration,
          dt: p.dt,
          method
        });
        expect(state.u0).toBeCloseTo(p.u0 ?? p.params.b * (p.v0 ?? -65), 9);
        expect(state).toEqual(presetState(e.id, PRESETS, {method, dt: p.dt!}));
      }
    }
  });
});

describe("parseState with the 2004 features", () => {
  it("accepts A–T only when the presets include them, and their own τ as dt", () => {
    for (const id of FEATURE_IDS)
      expect(parseState(`?class=${id}`, PRESETS)).toMatchObject({state: {cls: id}, notices: []});
    expect(parseState("?class=Q", CLASSES)).toMatchObject({
      state: {cls: "RS"},
      notices: [expect.stringMatching(/Unknown neuron class “Q”/)]
    });
    expect(parseState("?class=Q&dt=0.1", PRESETS)).toMatchObject({state: {dt: 0.1}, notices: []});
    expect(parseState("?class=A&dt=0.1", PRESETS)).toMatchObject({
      state: {dt: 0.125},
      notices: [expect.stringMatching(/not offered/)]
    });
    for (const hostile of ["__proto__", "constructor", "toString", "a", "U", "Q "]) {
      expect(parseState(`?class=${encodeURIComponent(hostile)}`, PRESETS).state.cls).toBe("RS");
    }
  });
});

describe("ZooPanel and the gallery", () => {
  it("draws a panel's traces and stimulus in each mode", async () => {
    const q = runs("Q");
    const hrefs = {
      published: explorerHrefForPanel("Q", PRESETS, "paper2004"),
      accurate: explorerHrefForPanel("Q", PRESETS, "adaptive")
    };
    const view = {mode: "overlay" as const, published: q.published, accurate: q.accurate, sentence: q.sentence, hrefs};
    const panel = ZooPanel(q.entry, view);
    expect(panel.querySelector("h3")?.textContent).toBe("Q depolarizing after-potential (DAP)");
    expect(panel.querySelector(".zoo-change")?.textContent).toBe(q.sentence);
    expect(panel.querySelector<HTMLAnchorElement>(".zoo-link-published")?.getAttribute("href")).toContain(
      "method=paper2004"
    );
    const svg = panel.querySelector("svg")!;
    expect(svg.querySelectorAll("[data-run]")).toHaveLength(3);
    expect(svg.getAttribute("aria-label")).toContain("overlaid");
    await expectSnapshot(svg, "zooPanelQ.svg");
    expect(panelChart(q.entry, {...view, mode: "published"}).querySelector("[data-run=accurate]")).toBeNull();
    expect(panelChart(q.entry, {...view, mode: "accurate"}).querySelector("[data-run=published]")).toBeNull();
    expect(panelChart(q.entry, {...view, mode: "accurate", accurate: null}).getAttribute("aria-label")).toContain(
      "being computed"
    );
  });

  it("overlays panel J with its subthreshold oscillation after 55 ms magnified, as figure1.m does, and no other panel", async () => {
    const j = runs("J");
    const view = {
      mode: "overlay" as const,
      published: j.published,
      accurate: j.accurate,
      sentence: j.sentence,
      hrefs: {published: "", accurate: ""}
    };
    const svg = panelChart(j.entry, view);
    const inset = svg.querySelectorAll("[data-run=magnified]");
    expect(inset).toHaveLength(2); // one per shown run
    // The inset starts at t = 55 ms: x = 55/200 of the 400-wide viewBox.
    expect(Number(/^M([\d.]+),/.exec(inset[0].getAttribute("d")!)![1])).toBeCloseTo(110, 0);
    const factor = Number(/magnified ([\d.]+) times/.exec(svg.getAttribute("aria-label")!)![1]);
    expect(factor).toBeGreaterThan(5); // the oscillation spans ~1 mV of the ~100 mV axis
    expect(panelChart(j.entry, {...view, mode: "published"}).querySelectorAll("[data-run=magnified]")).toHaveLength(1);
    const q = runs("Q");
    expect(
      panelChart(q.entry, {...view, published: q.published, accurate: q.accurate}).querySelector("[data-run=magnified]")
    ).toBeNull();
  });

  it("renders the first row, then every panel, then every accurate run, yielding in between", async () => {
    let yields = 0;
    let firstAt = -1;
    const gallery = new ZooGallery({
      entries,
      presets: PRESETS,
      lib,
      yieldTask: async () => void ++yields,
      onFirstPanels: () => (firstAt = document.querySelectorAll(".zoo-panel").length)
    });
    document.body.replaceChildren(gallery.controls, gallery.sections.features, gallery.sections.classes);
    const started = gallery.start();
    expect(document.querySelectorAll(".zoo-panel")).toHaveLength(4);
    await started;
    expect(firstAt).toBe(4);
    expect(yields).toBeGreaterThanOrEqual(28 + 6);
    expect(gallery.sections.features.querySelectorAll(".zoo-panel")).toHaveLength(20);
    expect(gallery.sections.classes.querySelectorAll(".zoo-panel")).toHaveLength(8);
    expect(gallery.progress.value).toBe(28);
    expect(document.querySelectorAll(".zoo-panel[data-state=done]")).toHaveLength(28);
    expect(gallery.controls.dataset.done).toBe("true");
    const q = document.querySelector<HTMLElement>(".zoo-panel[data-id=Q]")!;
    expect(q.dataset.publishedSpikes).toBe("1");
    expect(Number(q.dataset.accurateSpikes)).toBeGreaterThan(1);
    // Labels from the library's classifier, when it has one.
    if ("classifyFiringPattern" in lib)
      expect(q.querySelector(".zoo-scale")?.textContent).toMatch(/as published: 1 spike, \w+/);
    gallery.setMode("accurate");
    expect(q.dataset.mode).toBe("accurate");
    expect(q.querySelector("[data-run=published]")).toBeNull();
    expect(document.querySelector<HTMLInputElement>(".zoo-mode input[value=accurate]")?.checked).toBe(true);
  });

  it("stops when cancelled", async () => {
    const stop = {cancel: () => {}};
    const gallery: ZooGallery = new ZooGallery({
      entries,
      presets: PRESETS,
      lib,
      yieldTask: async () => stop.cancel(),
      onFirstPanels: () => {}
    });
    stop.cancel = () => gallery.cancel();
    document.body.replaceChildren(gallery.controls, gallery.sections.features, gallery.sections.classes);
    await gallery.start();
    expect(document.querySelectorAll(".zoo-panel")).toHaveLength(4);
  });

  it("reads the mode from the address", () => {
    expect(modeFromSearch("?mode=overlay")).toBe("overlay");
    expect(modeFromSearch("?mode=%3Cscript%3E")).toBeNull();
    expect(modeFromSearch("")).toBeNull();
  });
});

/** A gallery whose accurate runs are `runAccurate`'s, on a runner whose status is `status`. */
function galleryRunning(
  runAccurate: ConstructorParameters<typeof ZooGallery>[0]["runAccurate"],
  status: ReturnType<NonNullable<ConstructorParameters<typeof ZooGallery>[0]["runStatus"]>>
): ZooGallery {
  return new ZooGallery({
    entries,
    presets: PRESETS,
    lib,
    yieldTask: async () => {},
    onFirstPanels: () => {},
    runAccurate,
    runStatus: () => status
  });
}

describe("the gallery's accurate runs on the shared runner", () => {
  it("a panel whose run is stopped at its time budget says so and what to change; the others go on", async () => {
    const asked: string[] = [];
    const gallery = galleryRunning(
      (options, id) => {
        asked.push(id);
        return id === "T" ? Promise.reject(new OverBudget(10_000, ZOO_ADVICE)) : Promise.resolve(simulate(options));
      },
      {place: "worker", fallback: null}
    );
    document.body.replaceChildren(gallery.controls, gallery.sections.features, gallery.sections.classes);
    await gallery.start();
    expect(asked).toEqual(entries.map((e) => e.id));
    const t = document.querySelector<HTMLElement>(".zoo-panel[data-id=T]")!;
    expect(t.dataset.state).toBe("stopped");
    expect(t.querySelector(".zoo-change")?.textContent).toBe(
      `No accurate run: This run was stopped after 10 s, its time budget: ${ZOO_ADVICE}`
    );
    expect(t.querySelector(".zoo-change")?.getAttribute("role")).toBe("status");
    // The published run stays drawn.
    expect(t.querySelector("[data-run=published]")).not.toBeNull();
    gallery.setMode("accurate");
    expect(t.querySelector(".zoo-scale")?.textContent).toContain("accurate: not computed");
    expect(t.querySelector("svg")?.getAttribute("aria-label")).toContain("no accurate run: it was stopped");
    expect(document.querySelectorAll(".zoo-panel[data-state=done]")).toHaveLength(27);
    expect(gallery.progress.value).toBe(28);
    expect(gallery.controls.dataset).toMatchObject({done: "true", stopped: "1"});
    expect(gallery.status.textContent).toMatch(
      /^27 of 28 panels integrated accurately; no accurate run for T \(its panel says why\) \([\d.]+ s, in a background worker\)\.$/
    );
  });

  it("says where the runs happened, and stops when the runner cancels them (the page goes away)", async () => {
    const gallery = galleryRunning(
      (options, id) => (id === "C" ? Promise.reject(new Cancelled()) : Promise.resolve(simulate(options))),
      {place: "main thread", fallback: "this browser has no Web Workers"}
    );
    document.body.replaceChildren(gallery.controls, gallery.sections.features, gallery.sections.classes);
    await gallery.start();
    expect(gallery.status.textContent).toBe(
      "Integrating accurately on the main thread (this browser has no Web Workers): 2 of 28 panels…"
    );
    expect(gallery.controls.dataset.done).toBeUndefined();
    expect(document.querySelectorAll(".zoo-panel[data-state=done]")).toHaveLength(2);
  });
});
