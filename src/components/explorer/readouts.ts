/**
 * Readouts beside the charts: spike count, rate and ISIs of a run; the rest state's type and the
 * bifurcation currents I_sn and I_AH. Plain text in a definition list (no markup from data). Each readout's
 * `update(...)` (the arguments that made it) rewrites its text in place, so a slider step changes words, not
 * elements.
 */
import {fmt} from "../charts/chart.js";
import {setText} from "../dom.js";
import type {PhaseAnalysis, SpikeStats} from "./explorer.js";

/** A readout's element; `update` takes the arguments of the function that made it. */
export type Readout<A extends unknown[]> = HTMLElement & {update: (...args: A) => void};

/** Sets a definition list's terms and values, reusing its dt and dd elements and writing only changed text. */
function setRows(dl: HTMLElement, rows: [string, string][]): void {
  const cells = dl.children;
  while (cells.length > 2 * rows.length) cells[cells.length - 1].remove();
  rows.forEach(([term, value], i) => {
    for (const [k, tag, content] of [
      [2 * i, "dt", term],
      [2 * i + 1, "dd", value]
    ] as const) {
      const el = cells[k] ?? dl.appendChild(document.createElement(tag));
      setText(el, content);
    }
  });
}

/** A definition list drawn by `rows(...args)`, with `update(...args)`. */
function readout<A extends unknown[]>(
  rows: (...args: A) => [string, string][],
  className: string,
  label: (...args: A) => string,
  args: A
): Readout<A> {
  const dl = document.createElement("dl") as unknown as Readout<A>;
  dl.className = `readouts ${className}`;
  dl.update = (...next: A) => {
    setRows(dl, rows(...next));
    if (dl.getAttribute("aria-label") !== label(...next)) dl.setAttribute("aria-label", label(...next));
  };
  dl.update(...args);
  return dl;
}

/**
 * Spike count, mean rate (Hz) and the inter-spike intervals (ms) of a run. The rate is the count over the time
 * the run covered, [0, reached): a run that stopped early (`reached` < `duration`) says so and is not diluted
 * by time it never simulated.
 */
export function SpikeReadout(
  stats: SpikeStats | null,
  options: {duration: number; reached?: number}
): Readout<[SpikeStats | null, {duration: number; reached?: number}]> {
  return readout(spikeRows, "spike-readout", () => "Spike statistics", [stats, options]);
}

function spikeRows(
  stats: SpikeStats | null,
  {duration, reached = duration}: {duration: number; reached?: number}
): [string, string][] {
  if (!stats) return [["Spikes", "—"]];
  const isis = Array.from(stats.isis.subarray(0, 12), (x) => fmt(x, 3));
  const early = reached < duration;
  return [
    [
      "Spikes",
      early
        ? `${stats.count} in ${fmt(reached, 5)} ms (the run stopped there, before the ${fmt(duration)} ms asked for)`
        : `${stats.count} in ${fmt(duration)} ms`
    ],
    ["Rate", `${fmt(stats.rate, 3)} Hz${early ? ` over those ${fmt(reached, 5)} ms` : ""}`],
    [
      "ISIs (ms)",
      stats.isis.length ? `${isis.join(", ")}${stats.isis.length > 12 ? `, … (${stats.isis.length} in all)` : ""}` : "—"
    ],
    [
      "Mean ISI, CV",
      stats.meanIsi === null ? "—" : `${fmt(stats.meanIsi, 3)} ms, ${stats.cv === null ? "—" : fmt(stats.cv, 2)}`
    ]
  ];
}

/** The rest state at the phase plane's I, and I_sn and I_AH of the parameters. */
export function StabilityReadout(analysis: PhaseAnalysis | null): Readout<[PhaseAnalysis | null]> {
  return readout(
    stabilityRows,
    "stability-readout",
    (analysis) => (analysis ? "Stability of the rest state" : "Stability"),
    [analysis]
  );
}

function stabilityRows(analysis: PhaseAnalysis | null): [string, string][] {
  if (!analysis) return [["Rest state", "—"]];
  const rest = analysis.rest;
  const rows: [string, string][] = [
    [
      `Rest state at I = ${fmt(analysis.I)}`,
      rest
        ? `${rest.type} at v = ${fmt(rest.v)} mV`
        : analysis.equilibria.length
          ? `none stable (${analysis.equilibria.map((e) => e.type).join(", ")})`
          : "none: no equilibrium, the neuron cannot rest"
    ],
    ["I_sn (saddle-node)", analysis.saddleNode === null ? "none" : fmt(analysis.saddleNode, 6)],
    ["I_AH (Andronov–Hopf)", analysis.hopf === null ? "none" : fmt(analysis.hopf, 6)]
  ];
  for (const e of analysis.errors) rows.push(["Note", e]);
  return rows;
}

/** What {@link RunStatus} needs of the runner. */
interface StatusSource {
  onStatus(
    listener: (status: {busy: boolean; duration: number; place: string; fallback?: string | null}) => void
  ): void;
}

/** A run shorter than this (ms) in the background does not show the line (a slider drag would make it flicker). */
export const STATUS_DELAY_MS = 250;

/**
 * A status line that says when a run is being computed in the background (in a worker), shown once the run
 * has taken {@link STATUS_DELAY_MS}; and, when the runs cannot go to a worker, that they run on the main thread
 * and why. Its `data-state` is "busy" or "idle" at once; `data-place` is where the last run happened.
 */
export function RunStatus(runner: StatusSource): HTMLElement {
  const line = document.createElement("p");
  line.className = "run-status";
  line.setAttribute("role", "status");
  line.dataset.state = "idle";
  line.hidden = true;
  let reveal: ReturnType<typeof setTimeout> | null = null;
  runner.onStatus(({busy, duration, place, fallback}) => {
    line.dataset.state = busy ? "busy" : "idle";
    line.dataset.place = place;
    if (reveal !== null) clearTimeout(reveal);
    reveal = null;
    const where = fallback
      ? ` on the main thread (${fallback}); the page may pause until it is done`
      : " in the background";
    // The text is rewritten only when it changes: a drag over worker runs reports several times per step.
    const text = busy
      ? `Computing the ${fmt(duration)}-ms run${where}; the charts show the previous one until it is done.`
      : fallback
        ? `Runs are computed on the main thread: ${fallback}.`
        : "";
    setText(line, text);
    if (busy) reveal = setTimeout(() => (line.hidden = false), STATUS_DELAY_MS);
    else line.hidden = !fallback;
  });
  return line;
}
