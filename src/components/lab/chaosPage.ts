/**
 * The figures and the table of the "Is it chaos?" page, each built from a worker's analysis (or a run) and the
 * page's width. The verdict itself is decided in lib/scans/chaosVerdict.ts; this module only lays it out.
 */
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import type {LyapunovResult, NearbyResult, Trace} from "../../lib/index.js";
import type {Conclusion, RunSummary} from "../../lib/scans/chaosVerdict.js";
import type {ChaosAnalysis, MethodRun} from "../../workers/labJobs.js";
import {COLORS, figure, fmt} from "../charts/chart.js";
import {voltagePlot} from "../charts/voltagePlot.js";
import {RUN_COLORS, cobwebChart, divergenceChart, returnMapChart, segmentsChart} from "../charts/chaosCharts.js";
import {TWIN_SEPARATION} from "../../workers/labJobs.js";

/** The neuron form's values (a, b, c, d, I), any of which may be blank. */
export interface NeuronForm {
  a: number;
  b: number;
  c: number;
  d: number;
  I: number;
}

/** The neuron the page analyses, and whether every field of the form holds a number. */
export function formNeuron(form: NeuronForm) {
  return {
    valid: Object.values(form).every((x) => Number.isFinite(x)),
    neuron: {params: {a: form.a, b: form.b, c: form.c, d: form.d}, current: form.I}
  };
}

/** The coarse run's 600 ms of v(t), or a note that the form is incomplete. */
export function CoarseTrace(
  coarse: Trace | null,
  {method, dtExponent, dt, width}: {method: string; dtExponent: number; dt: number; width: number}
) {
  if (!coarse) return html`<p class="lab-fails">Every parameter needs a number.</p>`;
  return figure(
    voltagePlot([{t: coarse.t, v: coarse.v, color: COLORS.v, ariaLabel: "v(t)"}], {
      width,
      height: 220,
      xDomain: [0, 600],
      yDomain: [-90, 35],
      vPeak: 30
    }),
    {
      title: `v(t) with ${method === "euler" ? "forward Euler" : "figure1.m's loop"} at dt = 2^−${dtExponent} = ${fmt(dt)} ms`,
      caption: `${coarse.spikes.length} spikes in 600 ms. ${coarse.warnings.join(" ")}`,
      ariaLabel: `Membrane potential over 600 ms, ${coarse.spikes.length} spikes`,
      ariaDescription: "The irregular trace: spikes at uneven intervals."
    }
  );
}

/** A common domain for every ISI return map of the runs (ms): 0 to 5% above the longest ISI. */
export function commonIsiDomain(runs: MethodRun[]): [number, number] {
  const all = runs.flatMap((r) =>
    Array.from(r.spikes)
      .slice(1)
      .map((t, i) => t - r.spikes[i])
  );
  return all.length ? [0, Math.max(...all) * 1.05] : [0, 1];
}

/** The return map of the coarse run over the accurate one's, with how many distinct ISIs each has. */
export function IsiReturnMap(
  runs: MethodRun[],
  summaries: RunSummary[],
  dt: number,
  domain: [number, number],
  width: number
) {
  return returnMapChart(
    [
      {label: `${runs[0].label}`, spikes: runs[0].spikes, color: RUN_COLORS[0]},
      {label: "accurate", spikes: runs[2].spikes, color: RUN_COLORS[2]}
    ],
    width,
    {
      title: "ISIₙ₊₁ against ISIₙ over 2 s",
      caption: `Coarse run: ${summaries[0].spikes} spikes, ${summaries[0].distinctIsis} distinct ISIs${summaries[0].onGrid ? `, every one a whole number of ${fmt(dt)}-ms steps` : ""}. Accurate run: ${summaries[2].spikes} spikes, ${summaries[2].distinctIsis} distinct ISIs.`,
      ariaLabel: "Scatter of each inter-spike interval against the next, coarse and accurate runs",
      domain
    }
  );
}

/** The accurate reset map with its fixed points and a cobweb of the orbit. */
export function ResetMapCobweb(analysis: ChaosAnalysis, width: number) {
  const fixedText = analysis.fixedPoints.length
    ? analysis.fixedPoints
        .map(
          (p) =>
            `u = ${fmt(p.u)} (slope ${fmt(p.slope, 3)}, ${p.stable ? "stable" : "unstable"}, ISI ${fmt(p.period)} ms)`
        )
        .join("; ")
    : "none in this range";
  return cobwebChart(analysis.graph, analysis.resets, analysis.fixedPoints, width, {
    title: "Reset map uₙ → uₙ₊₁ (accurate integration)",
    caption: `Fixed points: ${fixedText}. Gaps in the curve: from there the neuron does not spike again within 500 ms.`,
    ariaLabel: "The reset map as a curve against the diagonal, with a cobweb of the orbit",
    ariaDescription: `Fixed points: ${fixedText}.`
  });
}

/** |Δu| after each reset of two accurate runs started TWIN_SEPARATION apart, with the fitted growth. */
export function TwinDivergence(nearby: NearbyResult, width: number) {
  const slope = nearby.slope;
  return divergenceChart(nearby, TWIN_SEPARATION, null, width, {
    title: "|Δu| after each reset, two accurate runs 10⁻⁶ apart",
    caption:
      slope === null
        ? "Too few resets before the difference saturated (or vanished) to fit a rate."
        : `Fitted growth before saturation: ln|Δu| changes by ${fmt(slope, 3)} per spike (${slope > 0 ? "diverging" : "converging"}).`,
    ariaLabel: "Log of the difference in u after each reset between two nearby runs"
  });
}

/** Spike rasters of the accurate run and its twin over the first 400 ms. */
export function TwinRaster(run: MethodRun, summary: RunSummary, width: number) {
  const rows = [
    ...Array.from(
      run.spikes.filter((t) => t < 400),
      (t) => ({t, run: "u₀"})
    ),
    ...Array.from(
      run.twinSpikes.filter((t) => t < 400),
      (t) => ({t, run: "u₀ + 10⁻⁶"})
    )
  ];
  return figure(
    Plot.plot({
      width,
      height: 110,
      marginLeft: 80,
      x: {label: "t (ms)", domain: [0, 400]},
      y: {label: null, domain: ["u₀", "u₀ + 10⁻⁶"]},
      marks: [Plot.tickX(rows, {x: "t", y: "run", stroke: "run"})]
    }),
    {
      title: "Spike times of the two accurate runs (first 400 ms)",
      caption:
        summary.twinSplit === null
          ? "The two trains stay together."
          : `They part (by more than 1 ms) at spike ${summary.twinSplit + 1}.`,
      ariaLabel: "Two spike rasters, one per run"
    }
  );
}

/** The per-spike exponent of each segment of the Lyapunov run. */
export function LyapunovSegments(lyap: LyapunovResult, width: number) {
  return segmentsChart(lyap.segments.perSpike, "exponent per spike", width, {
    title: "Per-spike exponent in each of the 10 segments",
    caption:
      "Dots: segments; dashed: their mean; the grey line is 0. Segments on both sides of 0 would mean the sign is not settled.",
    ariaLabel: "Per-segment Lyapunov exponent estimates"
  });
}

/** One ISI return map per integration, side by side, on a common domain. */
export function MethodReturnMaps(runs: MethodRun[], summaries: RunSummary[], domain: [number, number], width: number) {
  return html`<div class="lab-grid">
    ${runs.map((run, i) =>
      returnMapChart([{label: run.label, spikes: run.spikes, color: RUN_COLORS[i]}], width, {
        title: run.method === "adaptive" ? "accurate (adaptive)" : `${run.method}, dt = ${fmt(run.dt)} ms`,
        caption: `${summaries[i].spikes} spikes, CV ${fmt(summaries[i].cv, 3)}`,
        ariaLabel: `ISI return map, ${run.label}`,
        domain
      })
    )}
  </div>`;
}

/** Each run's statistics and, for each conclusion, whether the run supports it. */
export function VerdictTable(runs: MethodRun[], summaries: RunSummary[], verdicts: Conclusion[]) {
  const mark = (ok: boolean) =>
    ok ? html`<span class="lab-holds">yes</span>` : html`<span class="lab-fails">no</span>`;
  return html`<div class="lab-table">
    <table>
      <thead>
        <tr>
          <th>over 2 s</th>
          ${runs.map((r) => html`<th>${r.method === "adaptive" ? "accurate" : `${r.method} ${fmt(r.dt)} ms`}</th>`)}
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>spikes</td>
          ${summaries.map((s) => html`<td>${s.spikes}</td>`)}
        </tr>
        <tr>
          <td>mean ISI (ms)</td>
          ${summaries.map((s) => html`<td>${fmt(s.meanIsi)}</td>`)}
        </tr>
        <tr>
          <td>distinct ISIs</td>
          ${summaries.map((s) => html`<td>${s.distinctIsis}</td>`)}
        </tr>
        ${verdicts.map(
          (v) =>
            html`<tr>
              <td>${v.claim}</td>
              ${v.holds.map((h) => html`<td>${mark(h)}</td>`)}
            </tr>`
        )}
      </tbody>
    </table>
  </div>`;
}
