/**
 * One panel of the neuron zoo: letter, name and one-line description, badges where the protocol departs from
 * the standard equations, a small v(t) trace with its stimulus I(t) underneath (as in the paper), a sentence
 * on what changes under accurate integration, and links that open the panel in the explorer.
 *
 * The charts are plain SVG on a fixed 400 × 132 viewBox stretched to the panel's width (lines keep their
 * width with vector-effect), so a panel needs no measurement and its markup is the same at every width.
 */
import {rowsToCSV} from "../../lib/export/csv.js";
import {setChartDownload} from "../charts/chartDownload.js";
import {COLORS, decimated, extentOf, fmt} from "../charts/chart.js";
import type {ZooEntry, ZooMode} from "./zooModel.js";
import {el} from "../dom.js";

/** What a chart reads from a run (a library Trace fits). */
export interface PanelTrace {
  t: Float64Array;
  v: Float64Array;
  I: Float64Array;
  spikes: Float64Array;
}

/** Everything a panel shows besides its entry. */
export interface PanelView {
  mode: ZooMode;
  published: PanelTrace;
  /** The accurate run, or null while it is being computed. */
  accurate: PanelTrace | null;
  /** The sentence on what changes (null while the accurate run is pending). */
  sentence: string | null;
  /**
   * Why there is no accurate run (it failed, or was stopped at its time budget, in words that say what to
   * change); absent or null while it is pending or once it is done.
   */
  failure?: string | null;
  /** Firing-pattern labels of the two runs, when a classifier is available. */
  labels?: {published?: string; accurate?: string};
  /** Addresses of the explorer with this panel as published and accurately integrated. */
  hrefs: {published: string; accurate: string};
}

/** Colours of the two runs (the accurate run in the explorer's v colour). */
export const ZOO_COLORS = {published: "#c2571a", accurate: COLORS.v, I: COLORS.I} as const;

const SVG = "http://www.w3.org/2000/svg";
const W = 400;
const V_TOP = 4;
const V_HEIGHT = 92;
const I_TOP = 104;
const I_HEIGHT = 24;
const H = I_TOP + I_HEIGHT + 4;

function svgEl(tag: string, attributes: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  return node;
}

/** SVG path data of (t, y) decimated to the viewBox's columns and mapped to [top, top + height]. */
function pathOf(
  t: Float64Array,
  y: Float64Array,
  x1: number,
  [y0, y1]: [number, number],
  top: number,
  height: number
): string {
  const {X, Y} = decimated(t, y, W, [0, x1]);
  let d = "";
  for (let i = 0; i < X.length; ++i) {
    const px = (X[i] / x1) * W;
    const py = top + height - ((Y[i] - y0) / (y1 - y0 || 1)) * height;
    d += `${i ? "L" : "M"}${Math.round(px * 10) / 10},${Math.round(py * 10) / 10}`;
  }
  return d;
}

function line(d: string, stroke: string, extra: Record<string, string | number> = {}): SVGElement {
  return svgEl("path", {
    d,
    fill: "none",
    stroke,
    "stroke-width": 1.2,
    "stroke-linejoin": "round",
    "vector-effect": "non-scaling-stroke",
    ...extra
  });
}

/**
 * figure1.m overlays panel J with a magnified copy of VV(220:end), its subthreshold oscillation after the
 * spike: VV(220) is the state after 220 steps of τ = 0.25 ms, t = 55 ms. Drawn in the empty band above the
 * trace, stretched to the band's height.
 */
export const MAGNIFIED: Readonly<Record<string, {from: number}>> = Object.freeze({J: {from: 55}});
const INSET_TOP = 20;
const INSET_HEIGHT = 34;

/** The inset's paths (one per shown run) and its magnification relative to the main trace. */
function magnifiedInset(
  runs: PanelTrace[],
  from: number,
  x1: number,
  vDomain: [number, number]
): {paths: string[]; factor: number} | null {
  const windows = runs.map((run) => {
    let k = 0;
    while (k < run.t.length && run.t[k] < from) k++;
    return {t: run.t.subarray(k), v: run.v.subarray(k)};
  });
  let lo = Infinity;
  let hi = -Infinity;
  for (const w of windows) {
    const [a, b] = extentOf(w.v, Infinity, -Infinity);
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  if (!(hi > lo)) return null;
  return {
    paths: windows.map((w) => pathOf(w.t, w.v, x1, [lo, hi], INSET_TOP, INSET_HEIGHT)),
    factor: INSET_HEIGHT / (hi - lo) / (V_HEIGHT / (vDomain[1] - vDomain[0]))
  };
}

/** The v(t) and I(t) chart of a panel in a mode (the published run stands in while the accurate one is pending). */
export function panelChart(entry: ZooEntry, view: PanelView): SVGSVGElement {
  const {published, accurate, mode} = view;
  const x1 = entry.preset.duration;
  const vPeak = entry.preset.vPeak ?? 30;
  const shown =
    mode === "published"
      ? [published]
      : mode === "accurate"
        ? [accurate ?? published]
        : accurate
          ? [published, accurate]
          : [published];
  let lo = Infinity;
  for (const run of shown) lo = Math.min(lo, extentOf(run.v, -80, vPeak)[0]);
  const vDomain: [number, number] = [Math.floor(Math.min(lo, vPeak - 40) / 10) * 10, vPeak + 2];
  const [i0, i1] = extentOf(published.I, 0, 0);
  const pad = i1 > i0 ? 0.1 * (i1 - i0) : 1;
  const iDomain: [number, number] = [i0 - pad, i1 + pad];

  const svg = svgEl("svg", {
    viewBox: `0 0 ${W} ${H}`,
    preserveAspectRatio: "none",
    class: "zoo-chart"
  }) as SVGSVGElement;
  const apex = V_TOP + V_HEIGHT - ((vPeak - vDomain[0]) / (vDomain[1] - vDomain[0])) * V_HEIGHT;
  svg.append(
    svgEl("path", {
      d: `M0,${Math.round(apex * 10) / 10}H${W}`,
      stroke: "#999",
      "stroke-dasharray": "2,3",
      "vector-effect": "non-scaling-stroke",
      class: "zoo-apex"
    })
  );
  const pending = (mode === "accurate" || mode === "overlay") && !accurate;
  if (mode !== "accurate" || !accurate) {
    const stroke = mode === "accurate" ? "#bbb" : ZOO_COLORS.published;
    svg.append(
      line(pathOf(published.t, published.v, x1, vDomain, V_TOP, V_HEIGHT), stroke, {
        "data-run": "published",
        ...(mode === "overlay" && accurate ? {"stroke-width": 2.2, "stroke-opacity": 0.55} : {})
      })
    );
  }
  if (accurate && mode !== "published") {
    svg.append(
      line(pathOf(accurate.t, accurate.v, x1, vDomain, V_TOP, V_HEIGHT), ZOO_COLORS.accurate, {
        "data-run": "accurate",
        "stroke-width": mode === "overlay" ? 1 : 1.2
      })
    );
  }
  svg.append(
    line(pathOf(published.t, published.I, x1, iDomain, I_TOP, I_HEIGHT), ZOO_COLORS.I, {
      "data-run": "current",
      "stroke-width": 1
    })
  );
  const magnified = MAGNIFIED[entry.id];
  const inset = magnified ? magnifiedInset(shown, magnified.from, x1, vDomain) : null;
  if (inset) {
    const colors =
      shown.length === 2
        ? [ZOO_COLORS.published, ZOO_COLORS.accurate]
        : [mode === "accurate" && accurate ? ZOO_COLORS.accurate : ZOO_COLORS.published];
    inset.paths.forEach((d, i) =>
      svg.append(line(d, colors[i], {"data-run": "magnified", "stroke-width": 0.8, "stroke-dasharray": "3,1.5"}))
    );
  }

  const count = (run: PanelTrace) =>
    `${run.spikes.length.toLocaleString("en-US")} spike${run.spikes.length === 1 ? "" : "s"}`;
  const what =
    mode === "published"
      ? `as published, ${count(published)}`
      : pending
        ? `as published, ${count(published)} (${view.failure ? "no accurate run: it was stopped" : "the accurate run is being computed"})`
        : mode === "accurate"
          ? `accurately integrated, ${count(accurate!)}`
          : `as published (${count(published)}) and accurately integrated (${count(accurate!)}) overlaid`;
  svg.setAttribute("role", "img");
  svg.setAttribute(
    "aria-label",
    `Membrane potential v (mV) of panel ${entry.id} from 0 to ${fmt(x1)} ms, ${what}; below it the input current I from ${fmt(i0)} to ${fmt(i1)}.` +
      (inset
        ? ` Dashed above the trace, as in the paper: v after ${fmt(magnified!.from)} ms magnified ${fmt(inset.factor, 2)} times.`
        : "")
  );
  return svg;
}

/** The badges of a panel's departures from the standard equations (each with its sentence as a tooltip). */
function badges(entry: ZooEntry): HTMLElement | null {
  if (!entry.departures.length) return null;
  return el(
    "p",
    {className: "zoo-badges"},
    ...entry.departures.map((d) => {
      const badge = el("span", {className: `zoo-badge zoo-badge-${d.kind}`, textContent: d.badge, title: d.detail});
      badge.setAttribute("aria-label", `Departs from the standard equations: ${d.detail}`);
      return badge;
    })
  );
}

/** A panel's element (an article) with its header; call {@link updatePanel} to fill in its chart and sentence. */
export function ZooPanel(entry: ZooEntry, view: PanelView): HTMLElement {
  const p = entry.preset;
  const heading = el(
    "h3",
    {className: "zoo-title"},
    el("span", {className: "zoo-letter", textContent: entry.id.replace("_", " ")}),
    " ",
    el("span", {className: "zoo-name", textContent: p.name})
  );
  const article = el(
    "article",
    {className: "zoo-panel"},
    heading,
    el("p", {className: "zoo-description", textContent: p.description})
  );
  article.dataset.id = entry.id;
  article.id = `panel-${entry.id}`; // a link such as /zoo#panel-G reaches it
  const b = badges(entry);
  if (b) article.append(b);
  article.append(
    el("div", {className: "zoo-plot"}),
    el("p", {className: "zoo-scale"}),
    el("p", {className: "zoo-change"}),
    el(
      "p",
      {className: "zoo-links"},
      "Open in the explorer: ",
      el("a", {className: "zoo-link-published", href: view.hrefs.published, textContent: "as published"}),
      " · ",
      el("a", {className: "zoo-link-accurate", href: view.hrefs.accurate, textContent: "accurately integrated"})
    )
  );
  updatePanel(article, entry, view);
  return article;
}

/** Redraws a panel's chart, scale line and sentence for a view (a mode switch, or the accurate run arriving). */
export function updatePanel(article: HTMLElement, entry: ZooEntry, view: PanelView): void {
  article.dataset.mode = view.mode;
  article.dataset.state = view.accurate ? "done" : view.failure ? "stopped" : "pending";
  article.dataset.publishedSpikes = String(view.published.spikes.length);
  if (view.accurate) article.dataset.accurateSpikes = String(view.accurate.spikes.length);
  article.querySelector(".zoo-plot")!.replaceChildren(panelChart(entry, view));
  // The Download menu offers the run shown (the accurate one when it is shown alone), and both as JSON.
  const shown = view.mode === "accurate" && view.accurate ? view.accurate : view.published;
  setChartDownload(article, {
    name: `zoo-${entry.id}-${shown === view.published ? "published" : "accurate"}`,
    csv: () =>
      rowsToCSV(
        ["t", "v", "I"],
        Array.from(shown.t, (t, k) => [t, shown.v[k], shown.I[k]])
      ),
    spikesCsv: () =>
      rowsToCSV(
        ["spike"],
        Array.from(shown.spikes, (s) => [s])
      ),
    json: () => ({published: view.published, accurate: view.accurate})
  });
  const p = entry.preset;
  const label = (which: "published" | "accurate") => (view.labels?.[which] ? `, ${view.labels[which]}` : "");
  const n = (run: PanelTrace) =>
    `${run.spikes.length.toLocaleString("en-US")} spike${run.spikes.length === 1 ? "" : "s"}`;
  const scale = article.querySelector(".zoo-scale")!;
  const legend: (Node | string)[] = [`0–${fmt(p.duration)} ms, τ = ${fmt(p.dt ?? 0.25)} ms. `];
  const key = (which: "published" | "accurate", text: string) =>
    el("span", {className: `zoo-key zoo-key-${which}`, textContent: text});
  if (view.mode !== "accurate")
    legend.push(key("published", `as published: ${n(view.published)}${label("published")}`));
  if (view.mode === "overlay") legend.push("; ");
  if (view.mode !== "published")
    legend.push(
      view.accurate
        ? key("accurate", `accurate: ${n(view.accurate)}${label("accurate")}`)
        : view.failure
          ? "accurate: not computed"
          : "accurate: computing…"
    );
  if (MAGNIFIED[entry.id])
    legend.push(`. Dashed, above: v after ${fmt(MAGNIFIED[entry.id].from)} ms magnified, as the paper overlays it.`);
  scale.replaceChildren(...legend);
  const change = article.querySelector(".zoo-change")!;
  change.textContent =
    view.sentence ?? (view.failure ? `No accurate run: ${view.failure}` : "Accurate integration: computing…");
  change.classList.toggle("zoo-runaway", view.sentence?.includes("runs away") ?? false);
  change.classList.toggle("zoo-stopped", !view.sentence && !!view.failure);
  if (!view.sentence && view.failure) change.setAttribute("role", "status");
  else change.removeAttribute("role");
}
