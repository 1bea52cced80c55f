/**
 * The interactive phase plane (v, u): the static phase plane's nullclines, equilibria, trajectory and reset
 * jumps, plus
 *   - a direction field (arrows on a grid, all the same length: they show the direction of the flow only);
 *   - the threshold separatrix (the saddle's stable manifold, from the library's `separatrix`);
 *   - the reset jumps as dashed arrows from (vPeak, u) to (c, u + d);
 *   - equilibria that are keyboard stops, with a tooltip giving their type and eigenvalues on hover and focus;
 *   - a click or tap on the plane choosing the initial state (also by keyboard: focus the plane, move the
 *     crosshair with the arrow keys, Shift for bigger steps, Enter to choose);
 *   - a v(t) chart linked to the plane: its time cursor is the marker's time, and brushing a time window on it
 *     (drag; or by keyboard: arrows move the cursor, Shift+arrows stretch the window, Escape clears it)
 *     highlights that part of the trajectory;
 *   - playback: a Play/Pause button and a time slider move a marker along the trajectory in time;
 *   - optionally a faint "ghost" trajectory behind the run (e.g. the preset's run while a slider is moved).
 *
 * It behaves like an Observable input: `element.value` is the initial state {v0, u0} (mV, units of I), and
 * choosing a new one dispatches an "input" event, so `view(InteractivePhasePlane(...))` works on a page. Its
 * own controls (the time slider) do not let their "input" events out, so a page's listener hears only choices.
 *
 * `element.update(trace, options)` (the constructor's arguments) redraws it in place: each layer is recomputed
 * only when what it depends on changed (the field and nullclines: a, b, the equation, I, the extent and size;
 * the separatrix: the object given; the trajectory and jumps: the trace), and playback, the chosen state and
 * the link to v(t) carry over.
 *
 *   const state = view(InteractivePhasePlane(trace, {
 *     width, params, equation, I,                       // what the nullclines and the field are drawn for
 *     equilibria: equilibria(params, I, equation),      // from the library
 *     separatrix: separatrix(params, I, {equation}),    // from the library, or null
 *     v0, u0,                                           // the run's initial state (the element's value)
 *     timeChart,        // optional: an existing v(t) figure (VoltageTrace) to link; else one is drawn below
 *     invalidation      // stops playback when the cell reruns
 *   }));
 *
 * Options (all but width, params, I, equilibria, v0 and u0 optional):
 *   width, height (px; default min(width, 480)·0.8); params {a, b, c, d}; equation (as for the library);
 *   I (the current the nullclines and field are drawn for); equilibria; separatrix (null: none drawn);
 *   v0, u0; vPeak (default 30); vDomain, uDomain (a fixed extent, so clicks do not rescale it); field (draw the
 *   direction field; default true); timeChart (HTMLElement|null); duration (ms, the time axis of the v(t)
 *   chart it draws; default the trace's end); ghost ({t, v, u} of an earlier run, drawn faint; null by default;
 *   `jumps: false` leaves out its reset jumps, `params` gives its c and d when they differ); ghostLabel (its
 *   legend entry; default "faint: the starting point"); invalidation (Promise); title, caption, ariaLabel,
 *   ariaDescription (as every chart).
 */
import {bisectLeft} from "d3-array";
import {brushX, type D3BrushEvent} from "d3-brush";
import {scaleLinear} from "d3-scale";
import {pointer, select} from "d3-selection";
import type {Equation, Params} from "../../lib/models/izhikevich2003.js";
import type {Equilibrium} from "../../lib/analysis/equilibria.js";
import type {Separatrix} from "../../lib/analysis/separatrix.js";
import {nullclines as computeNullclines} from "../../lib/analysis/nullclines.js";
import {COLORS, TIME_MARGINS, figure, fmt, type FigureOptions} from "./chart.js";
import {MARGINS, equilibriumMark, phaseDomain, phaseLegend, trajectoryPath, type TrajectoryPath} from "./phasePlane.js";
import {
  Axes,
  Polyline,
  Memo,
  ScaleMemo,
  Rule,
  attr,
  exposeScales,
  frameScales,
  plotSvg,
  sizeSvg,
  svgElement,
  syncLayers,
  type Frame,
  type Linear
} from "./retained.js";
import {runDownload, setChartDownload} from "./chartDownload.js";
import {setText} from "../dom.js";
import type {RunDisplay} from "../explorer/runDisplay.js";
import {CHART_UPDATE, GHOST_LABEL, setFigure} from "./timeChart.js";
import {VoltageTrace, type TimeSeries, type VoltageTraceElement, type VoltageTraceOptions} from "./voltageTrace.js";

/** The initial state chosen on the plane: the element's value. */
export interface InitialState {
  /** v at t = 0 (mV). */
  v0: number;
  /** u at t = 0 (units of I). */
  u0: number;
}

/** An earlier run drawn faint behind the plane's run. */
export interface PhaseGhost {
  t: ArrayLike<number>;
  v: Float64Array;
  u: Float64Array;
  /** Draw its reset jumps (faint, dashed); default true. */
  jumps?: boolean;
  /** Its reset c and d, when they differ from the plane's (the jumps' geometry). */
  params?: {c: number; d: number};
  /** Its drawing, prepared with the run (see runDisplay.ts). */
  display?: RunDisplay;
}

export interface InteractivePhasePlaneOptions extends FigureOptions {
  width: number;
  height?: number;
  params: Params;
  equation?: Partial<Equation>;
  I: number;
  equilibria: Equilibrium[];
  separatrix?: Separatrix | null;
  v0: number;
  u0: number;
  vPeak?: number;
  /** Fixed extent of the plane (mV; units of I); default from the trajectory, equilibria, reset and cut-off. */
  vDomain?: [number, number];
  uDomain?: [number, number];
  field?: boolean;
  timeChart?: HTMLElement | null;
  duration?: number;
  ghost?: PhaseGhost | null;
  ghostLabel?: string;
  invalidation?: Promise<unknown>;
}

/** The element: a div holding the plane, the playback controls and (unless given one) the v(t) chart. */
export type InteractivePhasePlaneElement = HTMLDivElement & {
  value: InitialState;
  /** Redraws the plane in place for a new run and options (the constructor's arguments). */
  update: (trace: TimeSeries, options: InteractivePhasePlaneOptions) => void;
};

export const SEPARATRIX_COLOR = "#7b3294";
const HIGHLIGHT_COLOR = "#e7298a";
const FIELD_COLOR = "#9aa";
const GHOST_COLOR = "#9aa3ad";
/** Grid spacing of the direction field (px) and the arrows' length (px). */
const FIELD_SPACING = 30;
const ARROW = 10;
/** Playback shows the whole run in about this long (ms of wall time). */
const PLAYBACK_MS = 6000;

/** The plane's height (px) for its width, unless given. */
export function planeHeight(width: number): number {
  return Math.round(Math.min(width, 480) * 0.8);
}

/** A complex eigenvalue for people: "−0.62", "0.01 ± 0.24i". */
function eigenText(e: Equilibrium): string {
  const [l1, l2] = e.eigenvalues;
  if (l1.im !== 0) return `${fmt(l1.re, 3)} ± ${fmt(Math.abs(l1.im), 3)}i per ms`;
  return `${fmt(l1.re, 3)} and ${fmt(l2.re, 3)} per ms`;
}

/** What the tooltip and the screen reader say about an equilibrium. */
export function equilibriumLabel(e: Equilibrium): string {
  return `${e.type} at v = ${fmt(e.v)} mV, u = ${fmt(e.u)}; eigenvalues ${eigenText(e)}`;
}

/**
 * Arrows [v0, u0, v1, u1, …] as two paths (shafts, which may be dashed, and solid heads), in tenths of a pixel
 * drawn at scale(0.1) like the polylines: integers are cheap to format.
 */
class Arrows {
  readonly g: SVGGElement;
  private readonly shafts: SVGPathElement;
  private readonly heads: SVGPathElement;

  constructor(
    document: Document,
    {stroke, dash, width = 1, label}: {stroke: string; dash?: string; width?: number; label: string},
    private readonly head: number
  ) {
    this.g = svgElement(document, "g", {"aria-label": label});
    const path = (dashed: boolean) => {
      const p = svgElement(document, "path", {
        transform: "scale(0.1)",
        "vector-effect": "non-scaling-stroke",
        fill: "none",
        stroke,
        "stroke-width": String(width)
      });
      if (dashed && dash) p.setAttribute("stroke-dasharray", dash);
      return p;
    };
    this.shafts = path(true);
    this.heads = path(false);
    this.g.append(this.shafts, this.heads);
  }

  update(segments: ArrayLike<number>, x: Linear, y: Linear): void {
    const [kx, bx] = tenths(x);
    const [ky, by] = tenths(y);
    const h = 10 * this.head;
    let shafts = "";
    let heads = "";
    for (let k = 0; k + 3 < segments.length; k += 4) {
      const x0 = Math.round(kx * segments[k] + bx),
        y0 = Math.round(ky * segments[k + 1] + by);
      const x1 = Math.round(kx * segments[k + 2] + bx),
        y1 = Math.round(ky * segments[k + 3] + by);
      const len = Math.hypot(x1 - x0, y1 - y0);
      if (!(len > 0)) continue;
      const ux = (x1 - x0) / len,
        uy = (y1 - y0) / len;
      shafts += "M" + x0 + "," + y0 + "L" + x1 + "," + y1;
      const hx = x1 - h * ux,
        hy = y1 - h * uy;
      heads +=
        "M" +
        Math.round(hx - 0.5 * h * uy) +
        "," +
        Math.round(hy + 0.5 * h * ux) +
        "L" +
        x1 +
        "," +
        y1 +
        "L" +
        Math.round(hx + 0.5 * h * uy) +
        "," +
        Math.round(hy - 0.5 * h * ux);
    }
    attr(this.shafts, "d", shafts);
    attr(this.heads, "d", heads);
  }
}

/** A linear scale in tenths of a pixel as [k, b]: 10·scale(x) = k·x + b. */
function tenths(s: Linear): [number, number] {
  const [d0, d1] = s.domain();
  const [r0, r1] = s.range();
  const k = (10 * (r1 - r0)) / (d1 - d0);
  return [k, 10 * r0 - k * d0];
}

/**
 * The direction field on a grid of about FIELD_SPACING px, as segments [v0, u0, v1, u1, …] in data units whose
 * drawn length is ARROW px: (v', u') converted to pixels, normalised, centred on the grid point.
 */
function directionField(
  params: Params,
  equation: Partial<Equation> | undefined,
  I: number,
  vDomain: [number, number],
  uDomain: [number, number],
  innerW: number,
  innerH: number
): Float64Array {
  const {e = 0.04, f = 5, g = 140, u: ueq = "standard"} = equation ?? {};
  const {a, b} = params;
  const kx = innerW / (vDomain[1] - vDomain[0]); // px per mV
  const ky = innerH / (uDomain[1] - uDomain[0]); // px per unit of u (upwards)
  const nx = Math.max(2, Math.round(innerW / FIELD_SPACING));
  const ny = Math.max(2, Math.round(innerH / FIELD_SPACING));
  const out = new Float64Array(4 * nx * ny);
  let m = 0;
  for (let i = 0; i < nx; i++) {
    const v = vDomain[0] + ((i + 0.5) / nx) * (vDomain[1] - vDomain[0]);
    for (let j = 0; j < ny; j++) {
      const u = uDomain[0] + ((j + 0.5) / ny) * (uDomain[1] - uDomain[0]);
      const dv = (e * v + f) * v + g - u + I;
      const du = ueq === "standard" ? a * (b * v - u) : a * b * (v + 65);
      const px = dv * kx,
        py = du * ky;
      const len = Math.hypot(px, py);
      if (!(len > 0)) continue;
      const hv = (0.5 * ARROW * px) / len / kx,
        hu = (0.5 * ARROW * py) / len / ky;
      out[m++] = v - hv;
      out[m++] = u - hu;
      out[m++] = v + hv;
      out[m++] = u + hu;
    }
  }
  return out.subarray(0, m);
}

/** The separatrix's two branches as one curve through the saddle (branch 1 reversed, then branch 2). */
function separatrixCurve(separatrix: Separatrix): {X: Float64Array; Y: Float64Array} {
  const [b1, b2] = separatrix.branches;
  const X = new Float64Array(b1.v.length + b2.v.length);
  const Y = new Float64Array(X.length);
  for (let k = 0; k < b1.v.length; k++) {
    X[k] = b1.v[b1.v.length - 1 - k];
    Y[k] = b1.u[b1.v.length - 1 - k];
  }
  X.set(b2.v, b1.v.length);
  Y.set(b2.u, b1.v.length);
  return {X, Y};
}

/**
 * A run's thinned trajectory (runDisplay.ts), when it was prepared for a plot at least this size (px): the plane
 * decimates those samples instead of all of them.
 */
function thinnedPath(display: RunDisplay | undefined, innerW: number, innerH: number): Uint32Array | undefined {
  return display && display.planeWidth >= innerW && display.planeHeight >= innerH ? display.path : undefined;
}

/** The phase plane of a run, interactive; see the module's comment for what it does and its options. */
export function InteractivePhasePlane(
  trace: TimeSeries,
  options: InteractivePhasePlaneOptions
): InteractivePhasePlaneElement {
  // What the listeners read: the latest drawing's run, scales and options.
  let run = trace;
  let opts = options;
  let n = 0;
  let tEnd = 0;
  let vPeak = 30;
  let frame: Frame = {...MARGINS, width: 1, height: 1};
  let vDomain: [number, number] = [0, 1];
  let uDomain: [number, number] = [0, 1];
  let x: Linear = scaleLinear();
  let y: Linear = scaleLinear();
  let path: TrajectoryPath | null = null;

  const svg = plotSvg(document);
  exposeScales(svg, () => ({x, y}));
  const axes = new Axes(document, {xLabel: "v (mV)", yLabel: "u (same units as I)"});
  const field = new Arrows(document, {stroke: FIELD_COLOR, label: "direction field"}, 3);
  const resetRule = new Rule(document, "x", {stroke: COLORS.reset, strokeDasharray: "5,4"});
  const peakRule = new Rule(document, "x", {stroke: "#bbb", strokeDasharray: "2,3"});
  const vNull = new Polyline(document, {stroke: COLORS.vNullcline, strokeWidth: 2, ariaLabel: "v-nullcline"});
  const uNull = new Polyline(document, {stroke: COLORS.uNullcline, strokeWidth: 2, ariaLabel: "u-nullcline"});
  const uNullRule = new Rule(document, "x", {stroke: COLORS.uNullcline, strokeWidth: 2});
  const sepLine = new Polyline(document, {
    stroke: SEPARATRIX_COLOR,
    strokeWidth: 2,
    strokeDasharray: "7,3",
    ariaLabel: "separatrix"
  });
  const ghostJumps = new Polyline(document, {
    stroke: GHOST_COLOR,
    strokeWidth: 1,
    strokeOpacity: 0.6,
    strokeDasharray: "3,3",
    ariaLabel: "ghost reset jumps"
  });
  const ghostLine = new Polyline(document, {stroke: GHOST_COLOR, strokeWidth: 1, ariaLabel: "ghost trajectory"});
  const jumps = new Arrows(document, {stroke: COLORS.jump, dash: "3,3", label: "reset jumps"}, 5);
  const trajectory = new Polyline(document, {stroke: COLORS.trajectory, strokeWidth: 1.1, ariaLabel: "trajectory"});
  let equilibriaG: SVGElement = svgElement(document, "g");

  // Overlays drawn by hand on top of the layers, updated without redrawing them.
  const overlay = select(svg).append("g").attr("class", "ipp-overlay").attr("pointer-events", "none");
  const highlight = overlay
    .append("path")
    .attr("class", "ipp-highlight")
    .attr("fill", "none")
    .attr("stroke", HIGHLIGHT_COLOR)
    .attr("stroke-width", 3)
    .attr("stroke-linecap", "round")
    .attr("aria-label", "highlighted part of the trajectory");
  const start = overlay
    .append("circle")
    .attr("class", "ipp-start")
    .attr("r", 5)
    .attr("fill", "white")
    .attr("stroke", "#111")
    .attr("stroke-width", 2);
  const marker = overlay
    .append("circle")
    .attr("class", "ipp-marker")
    .attr("r", 5)
    .attr("fill", HIGHLIGHT_COLOR)
    .attr("stroke", "white")
    .attr("stroke-width", 1.5);
  const cross = overlay
    .append("path")
    .attr("class", "ipp-crosshair")
    .attr("stroke", "#111")
    .attr("stroke-width", 1)
    .attr("display", "none");

  const fig = figure(svg, {className: "phase-plane phase-plane-interactive"});
  let legend: HTMLElement | null = null;
  let legendKey = "";
  svg.setAttribute("role", "application");
  svg.setAttribute("aria-roledescription", "phase plane");
  svg.setAttribute("tabindex", "0");

  // The plane and its tooltip share a positioned box.
  const box = document.createElement("div");
  box.className = "ipp-plane";
  svg.replaceWith(box);
  box.append(svg);
  const tooltip = document.createElement("div");
  tooltip.className = "ipp-tooltip";
  tooltip.setAttribute("role", "tooltip");
  tooltip.hidden = true;
  box.append(tooltip);

  const inFrame = (px: number, py: number) =>
    px >= frame.marginLeft &&
    px <= frame.width - frame.marginRight &&
    py >= frame.marginTop &&
    py <= frame.height - frame.marginBottom;
  const place = (v: number, u: number) => [x(v), y(u)] as const;
  const showStart = (v: number, u: number) => {
    const [px, py] = place(v, u);
    start
      .attr("cx", px)
      .attr("cy", py)
      .attr("display", inFrame(px, py) ? null : "none");
  };

  const element = document.createElement("div") as unknown as InteractivePhasePlaneElement;
  element.className = "ipp";
  const choose = (v: number, u: number) => {
    // v must stay below the cut-off; round to the explorer's steps (0.1 mV, 0.01).
    const v0 = Math.round(Math.min(v, vPeak - 0.1) * 10) / 10;
    const u0 = Math.round(u * 100) / 100;
    element.value = {v0, u0};
    showStart(v0, u0);
    element.dispatchEvent(new Event("input", {bubbles: true}));
  };
  svg.addEventListener("click", (event) => {
    const [px, py] = pointer(event, svg);
    if (inFrame(px, py)) choose(x.invert(px), y.invert(py));
  });

  // Keyboard: a crosshair moved by the arrow keys; Enter chooses it.
  let crossV = 0;
  let crossU = 0;
  let crossShown = false;
  const status = document.createElement("p");
  status.className = "ipp-status";
  status.setAttribute("aria-live", "polite");
  const drawCross = () => {
    const [px, py] = place(crossV, crossU);
    cross.attr("d", `M${px - 9},${py}H${px + 9}M${px},${py - 9}V${py + 9}`).attr("display", null);
    crossShown = true;
    status.textContent = `Crosshair at v = ${fmt(crossV)} mV, u = ${fmt(crossU)}: Enter starts the run here.`;
  };
  svg.addEventListener("focus", (event) => event.target === svg && drawCross());
  svg.addEventListener("blur", () => {
    cross.attr("display", "none");
    crossShown = false;
  });
  svg.addEventListener("keydown", (event) => {
    if (event.target !== svg) return;
    const big = event.shiftKey ? 10 : 1;
    const dv = ((vDomain[1] - vDomain[0]) / 100) * big;
    const du = ((uDomain[1] - uDomain[0]) / 100) * big;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-dv, 0],
      ArrowRight: [dv, 0],
      ArrowUp: [0, du],
      ArrowDown: [0, -du]
    };
    if (event.key in moves) {
      crossV = Math.max(vDomain[0], Math.min(vPeak - 0.1, crossV + moves[event.key][0]));
      crossU = Math.max(uDomain[0], Math.min(uDomain[1], crossU + moves[event.key][1]));
      drawCross();
    } else if (event.key === "Enter" || event.key === " ") {
      choose(crossV, crossU);
    } else return;
    event.preventDefault();
  });

  // Equilibria: tooltip on hover and focus.
  const showTip = (target: EventTarget | null) => {
    if (!(target instanceof SVGElement) || !target.classList.contains("equilibrium")) return;
    const e = opts.equilibria[Number(target.getAttribute("data-index"))];
    if (!e) return;
    const [px, py] = place(e.v, e.u);
    tooltip.textContent = equilibriumLabel(e);
    tooltip.hidden = false;
    tooltip.style.left = `${Math.min(px, frame.width - 200)}px`;
    tooltip.style.top = `${py + 12}px`;
  };
  const hideTip = () => (tooltip.hidden = true);
  svg.addEventListener("pointerover", (event) => showTip(event.target));
  svg.addEventListener("pointerout", hideTip);
  svg.addEventListener("focusin", (event) => showTip(event.target));
  svg.addEventListener("focusout", hideTip);

  // Time: the marker, the cursor on v(t), the highlighted window, playback.
  let now = 0;
  let span: [number, number] | null = null;
  const sampleAt = (t: number) => (n ? Math.max(0, Math.min(n - 1, bisectLeft(run.t, t))) : 0);
  const drawHighlight = () => {
    if (!span || !path) return highlight.attr("d", null);
    const [t0, t1] = span;
    let d = "";
    let pen = false;
    for (let j = 0; j < path.X.length; j++) {
      const k = path.sample[j];
      const t = k >= 0 ? run.t[k] : NaN;
      if (!(t >= t0 && t <= t1) || path.X[j] !== path.X[j]) {
        pen = false;
        continue;
      }
      d += `${pen ? "L" : "M"}${x(path.X[j]).toFixed(1)},${y(path.Y[j]).toFixed(1)}`;
      pen = true;
    }
    highlight.attr("d", d || null);
  };
  // A native range input: cheaper to build and to update than Inputs.range.
  const slider = Object.assign(document.createElement("input"), {type: "range", min: "0", value: "0"});
  const time = document.createElement("label");
  time.className = "ipp-time";
  time.append("Time (ms) ", slider);
  const readout = document.createElement("output");
  readout.className = "ipp-readout";
  let link: ReturnType<typeof linkTimeChart> = null;
  const setTime = (t: number, fromSlider = false) => {
    now = Math.max(0, Math.min(tEnd, t));
    const k = sampleAt(now);
    // A run with no samples (a chart made before its first run) has no marker to place.
    if (n) {
      const [px, py] = place(Math.min(run.v[k], vPeak), run.u[k]);
      marker
        .attr("cx", px)
        .attr("cy", py)
        .attr("display", inFrame(px, py) ? null : "none");
    } else marker.attr("display", "none");
    setText(readout, n ? `t = ${fmt(run.t[k], 5)} ms: v = ${fmt(run.v[k])} mV, u = ${fmt(run.u[k])}` : "");
    if (!fromSlider) slider.valueAsNumber = now;
    link?.cursor(now);
  };
  const setWindow = (w: [number, number] | null, fromBrush = false) => {
    span = w && w[1] > w[0] ? w : null;
    drawHighlight();
    setText(status, span ? `Highlighted: the trajectory from t = ${fmt(span[0])} to ${fmt(span[1])} ms.` : "");
    if (!fromBrush) link?.brush(span);
  };
  slider.addEventListener("input", (event) => {
    // The slider is the plane's own control, not a choice of initial state: its "input" must not reach a
    // listener on the element (a page that re-simulates on "input" would rebuild the plane at t = 0).
    event.stopPropagation();
    setTime(slider.valueAsNumber, true);
  });

  const play = document.createElement("button");
  play.type = "button";
  play.className = "ipp-play";
  play.textContent = "Play";
  let frameId = 0;
  let last = 0;
  const stop = () => {
    cancelAnimationFrame(frameId);
    frameId = 0;
    play.textContent = "Play";
    play.setAttribute("aria-pressed", "false");
  };
  const tick = (stamp: number) => {
    if (!element.isConnected && last !== 0) return stop();
    const step = last ? ((stamp - last) * tEnd) / PLAYBACK_MS : 0;
    last = stamp;
    setTime(now + step);
    if (now >= tEnd) return stop();
    frameId = requestAnimationFrame(tick);
  };
  play.addEventListener("click", () => {
    if (frameId) return stop();
    if (now >= tEnd) setTime(0);
    last = 0;
    play.textContent = "Pause";
    play.setAttribute("aria-pressed", "true");
    frameId = requestAnimationFrame(tick);
  });
  const invalidations = new WeakSet<Promise<unknown>>();

  const controls = document.createElement("div");
  controls.className = "ipp-controls";
  controls.append(play, time, readout);
  element.append(fig, controls, status);

  // The v(t) chart: the one given, or one drawn (and updated) here.
  let ownChart: VoltageTraceElement | null = null;
  let linkedChart: HTMLElement | null = null;

  // Layers recomputed only when what they depend on changes.
  const fieldMemo = new Memo<Float64Array>();
  const ncMemo = new Memo<ReturnType<typeof computeNullclines>>();
  const sepMemo = new Memo<{X: Float64Array; Y: Float64Array} | null>();
  const pathMemo = new Memo<{path: TrajectoryPath; jumps: Float64Array; breaks: number}>();
  // The ghost stays while a slider moves, but the plane's domain follows the run: its path thinned for one view
  // is kept for the next unless that view is over a quarter finer (a long ghost's thinning was half the redraw).
  const ghostMemo = new ScaleMemo<TrajectoryPath | null>(1.25);
  const ghostDomainMemo = new Memo<ReturnType<typeof phaseDomain> | null>();
  const eqMemo = new Memo<SVGElement>();

  const draw = (trace: TimeSeries, options: InteractivePhasePlaneOptions) => {
    const {
      width,
      height = planeHeight(width),
      params,
      equation,
      I,
      equilibria,
      separatrix = null,
      v0,
      u0,
      field: drawField = true,
      timeChart = null,
      invalidation,
      ghost = null,
      ghostLabel = GHOST_LABEL,
      title = "Phase plane (v, u)",
      caption,
      ariaLabel,
      ariaDescription
    } = options;
    const previous = opts === options && run === trace ? null : opts;
    run = trace;
    opts = options;
    vPeak = options.vPeak ?? 30;
    n = Math.min(trace.t.length, trace.v.length, trace.u.length);
    tEnd = n ? trace.t[n - 1] : 0;
    const duration = options.duration ?? tEnd;

    // The extent: given, or from the run (and the ghost, so both are in view).
    const auto = phaseDomain(trace, params, equilibria, vPeak, undefined, trace.display?.extent);
    const ghostParams = ghost?.params ?? params;
    // Keyed by the ghost's samples, not the object around them (a page may wrap the same run anew each time).
    const ghostRun = [ghost?.v, ghost?.u];
    const ghostAuto = ghostDomainMemo.get([...ghostRun, ghostParams.c, ghostParams.d, vPeak], () =>
      ghost ? phaseDomain(ghost, ghostParams, [], vPeak, undefined, ghost.display?.extent) : null
    );
    const autoV: [number, number] = ghostAuto
      ? [Math.min(auto.vDomain[0], ghostAuto.vDomain[0]), Math.max(auto.vDomain[1], ghostAuto.vDomain[1])]
      : auto.vDomain;
    const autoU: [number, number] = ghostAuto
      ? [Math.min(auto.uDomain[0], ghostAuto.uDomain[0]), Math.max(auto.uDomain[1], ghostAuto.uDomain[1])]
      : auto.uDomain;
    vDomain = options.vDomain ? [...options.vDomain] : autoV;
    uDomain = options.uDomain ? [...options.uDomain] : autoU;
    // Keep the chosen start inside an automatic plane, so the reader sees where the run begins.
    if (!options.vDomain && v0 >= vDomain[0] - 50 && v0 < vDomain[0]) vDomain[0] = Math.floor(v0 - 5);
    if (!options.uDomain && u0 < uDomain[0] && u0 > uDomain[0] - 50) uDomain[0] = u0 - 1;
    if (!options.uDomain && u0 > uDomain[1] && u0 < uDomain[1] + 50) uDomain[1] = u0 + 1;
    frame = {...MARGINS, width, height};
    ({x, y} = frameScales(frame, vDomain, uDomain));
    sizeSvg(svg, frame);
    const innerW = Math.max(1, width - MARGINS.marginLeft - MARGINS.marginRight);
    const innerH = Math.max(1, height - MARGINS.marginTop - MARGINS.marginBottom);
    const view = [width, height, ...vDomain, ...uDomain];
    const eq = [equation?.e, equation?.f, equation?.g, equation?.u];

    axes.update(x, y, frame);
    if (drawField) {
      const segments = fieldMemo.get([params.a, params.b, ...eq, I, ...view], () =>
        directionField(params, equation, I, vDomain, uDomain, innerW, innerH)
      );
      field.update(segments, x, y);
    }
    resetRule.update(params.c, x, y, frame);
    peakRule.update(vPeak, x, y, frame);
    const nc = ncMemo.get([params.a, params.b, ...eq, I, vDomain[0], vDomain[1]], () =>
      computeNullclines(params, I, {vMin: vDomain[0], vMax: vDomain[1], n: 161, equation})
    );
    vNull.update(nc.v, nc.vNullcline, nc.v.length, x, y, frame);
    if (nc.uNullcline) uNull.update(nc.v, nc.uNullcline, nc.v.length, x, y, frame);
    uNullRule.update(nc.uNullcline ? null : nc.uNullclineV, x, y, frame);
    const sep = sepMemo.get([separatrix], () => (separatrix ? separatrixCurve(separatrix) : null));
    if (sep) sepLine.update(sep.X, sep.Y, sep.X.length, x, y, frame);
    const scale: [number, number] = [innerW / (vDomain[1] - vDomain[0]), innerH / (uDomain[1] - uDomain[0])];
    const ghostPath = ghostMemo.get([...ghostRun, ghostParams.c, ghostParams.d, vPeak], view, scale, () => ({
      value:
        ghost && ghostAuto
          ? trajectoryPath(ghost, ghostAuto.breaks, {
              width,
              height,
              vDomain,
              uDomain,
              tolerance: 1.5,
              params: ghostParams,
              vPeak,
              subset: thinnedPath(ghost.display, innerW, innerH)
            })
          : null,
      // Only a path of the whole ghost holds in another view (its overdraw test lumps points outside together).
      portable:
        !!ghostAuto &&
        vDomain[0] <= ghostAuto.vDomain[0] &&
        vDomain[1] >= ghostAuto.vDomain[1] &&
        uDomain[0] <= ghostAuto.uDomain[0] &&
        uDomain[1] >= ghostAuto.uDomain[1]
    }));
    const showGhostJumps = !!ghostPath && ghost?.jumps !== false;
    if (ghostPath) {
      ghostLine.update(ghostPath.X, ghostPath.Y, ghostPath.X.length, x, y, frame);
      if (showGhostJumps) ghostJumps.update(ghostPath.JX, ghostPath.JY, ghostPath.JX.length, x, y, frame);
    }
    const orbit = pathMemo.get([trace, params.c, params.d, vPeak, ...view], () => {
      const breaks = auto.breaks;
      const segments = new Float64Array(4 * breaks.length);
      breaks.forEach((k, j) => segments.set([vPeak, trace.u[k] - params.d, params.c, trace.u[k]], 4 * j));
      return {
        path: trajectoryPath(trace, breaks, {
          width,
          height,
          vDomain,
          uDomain,
          tolerance: 1.5,
          params,
          vPeak,
          subset: thinnedPath(trace.display, innerW, innerH)
        }),
        jumps: segments,
        breaks: breaks.length
      };
    });
    path = orbit.path;
    jumps.update(orbit.jumps, x, y);
    trajectory.update(path.X, path.Y, path.X.length, x, y, frame);
    const eqKey = equilibria.map((e) => `${e.type}:${e.v}:${e.u}:${equilibriumLabel(e)}`).join(";");
    const eqG = eqMemo.get([eqKey, ...view], () =>
      equilibriumMark(equilibria, {label: equilibriumLabel})(null, {x, y}, null, frame, {document})
    );
    if (eqG !== equilibriaG) {
      equilibriaG.remove();
      equilibriaG = eqG;
    }
    syncLayers(
      svg,
      [
        [axes.g, true],
        [field.g, drawField],
        [resetRule.g, true],
        [peakRule.g, true],
        [vNull.el, true],
        [uNull.el, nc.uNullcline !== null],
        [uNullRule.g, !nc.uNullcline && nc.uNullclineV !== null],
        [sepLine.el, sep !== null],
        [ghostJumps.el, showGhostJumps],
        [ghostLine.el, ghostPath !== null],
        [jumps.g, true],
        [trajectory.el, true],
        [equilibriaG, true]
      ],
      overlay.node()!
    );

    // Legend, caption and text alternatives.
    const extra = [
      ...(separatrix ? [{label: "separatrix (threshold)", color: SEPARATRIX_COLOR, dash: "7,3"}] : []),
      ...(ghost ? [{label: ghostLabel, color: GHOST_COLOR}] : []),
      {label: "highlighted time window", color: HIGHLIGHT_COLOR}
    ];
    const hasU = nc.uNullcline !== null || nc.uNullclineV !== null;
    const key = JSON.stringify([[...new Set(equilibria.map((e) => e.type))], hasU, extra]);
    if (key !== legendKey) {
      const next = phaseLegend(document, equilibria, hasU, extra);
      if (legend) legend.replaceWith(next);
      else box.before(next);
      [legend, legendKey] = [next, key];
    }
    const eqText = equilibria.length
      ? equilibria.map(equilibriumLabel).join("; ")
      : "no equilibrium: the nullclines do not cross, so the neuron cannot rest";
    if (options.download !== false) setChartDownload(fig, {...runDownload(trace), ...options.download});
    setFigure(fig, svg, {
      title,
      caption:
        caption ??
        `Nullclines and direction field for I = ${fmt(I)}. ${separatrix ? "The dashed purple curve through the saddle is the threshold: states to one side return to rest, states to the other fire. " : ""}Dashed arrows are the reset jumps from the ${fmt(vPeak)} mV cut-off to v = c, u + d. Click or tap to start the run from that state.`,
      ariaLabel:
        ariaLabel ??
        `Interactive phase plane of u against v in mV, for I = ${fmt(I)}, with ${equilibria.length} equilibri${equilibria.length === 1 ? "um" : "a"}${separatrix ? ", the separatrix" : ""} and ${orbit.breaks} reset jump${orbit.breaks === 1 ? "" : "s"}. The run starts at v = ${fmt(v0)} mV, u = ${fmt(u0)}. Focus and use the arrow keys and Enter to choose a new initial state.`,
      ariaDescription: ariaDescription ?? `Equilibria: ${eqText}.`
    });

    // The chosen state, the crosshair and the time controls carry over.
    element.value = {v0, u0};
    showStart(v0, u0);
    if (!previous || previous.v0 !== v0 || previous.u0 !== u0) [crossV, crossU] = [v0, u0];
    if (crossShown) drawCross();
    attr(slider, "max", String(Math.max(tEnd, 1e-9)));
    attr(slider, "step", String(Math.max(tEnd / 1000, 1e-3)));
    if (invalidation && !invalidations.has(invalidation)) {
      invalidations.add(invalidation);
      invalidation.then(stop);
    }

    // The linked v(t) chart: updated here if it is the plane's own; linked once per chart.
    const chartOptions: VoltageTraceOptions = {
      width,
      height: 180,
      xDomain: [0, Math.max(duration, tEnd) || 1],
      vPeak,
      ghost: ghost && {t: ghost.t, v: ghost.v},
      ghostLabel,
      title: "v(t), linked to the phase plane",
      caption:
        "Drag across v(t) to highlight that time window of the trajectory; the cursor is the marker's time. Keyboard: arrows move the cursor, Shift+arrows stretch the window, Escape clears it."
    };
    let chart = timeChart;
    if (!chart) {
      if (ownChart) ownChart.update(trace, chartOptions);
      else element.append((ownChart = VoltageTrace(trace, chartOptions)));
      chart = ownChart;
    } else if (ownChart) {
      ownChart.remove();
      ownChart = null;
    }
    if (chart !== linkedChart) {
      linkedChart = chart;
      link = linkTimeChart(chart, {
        onBrush: (w) => setWindow(w, true),
        onCursor: (t) => setTime(t),
        end: () => tEnd
      });
    }
    setTime(now);
    setWindow(span);
  };

  element.update = draw;
  draw(trace, options);
  return element;
}

/** The current link of each time chart, so a new link removes the old one's listeners. */
const LINKS = new WeakMap<SVGSVGElement, AbortController>();

/** What {@link linkTimeChart} calls back with. */
interface LinkOptions {
  onBrush: (window: [number, number] | null) => void;
  onCursor: (t: number) => void;
  /** The end of the run (ms), or a function giving the current one. */
  end: number | (() => number);
}

type ChartScale = {apply: (x: number) => number; invert: (x: number) => number};

/**
 * Adds a time cursor and a d3 brush to a time chart (a figure whose graphic has Plot's `scale("x")` in ms and
 * the time charts' margins), replacing any previous link. The link follows the chart's updates (its scale and
 * size are read again after each). Returns the functions that move the cursor and the brush from outside, or
 * null if the chart has no time scale.
 */
export function linkTimeChart(chart: HTMLElement, {onBrush, onCursor, end}: LinkOptions) {
  const svg = chart.querySelector('svg[role="img"]') as
    (SVGSVGElement & {scale?: (name: string) => ChartScale | undefined}) | null;
  if (!svg?.scale?.("x")) return null;
  const x = () => svg.scale!("x")!;
  const endOf = typeof end === "function" ? end : () => end;
  // A chart outlives the planes linked to it: drop the previous link.
  svg.querySelector(":scope > g.ipp-link")?.remove();
  LINKS.get(svg)?.abort();
  const link = new AbortController();
  LINKS.set(svg, link);
  const g = select(svg).append("g").attr("class", "ipp-link");
  const cursor = g
    .append("line")
    .attr("class", "ipp-cursor")
    .attr("stroke", HIGHLIGHT_COLOR)
    .attr("stroke-width", 1.5)
    .attr("pointer-events", "none");
  let now = 0;
  let anchor: number | null = null;
  let current: [number, number] | null = null;
  const brush = brushX()
    .keyModifiers(false)
    .on("brush end", (event: D3BrushEvent<unknown>) => {
      if (!event.sourceEvent) return; // moved from code
      const s = event.selection as [number, number] | null;
      current = s ? [x().invert(s[0]), x().invert(s[1])] : null;
      onBrush(current);
    });
  const brushG = g.append("g").attr("class", "ipp-brush");
  const moveBrush = (window: [number, number] | null) => {
    current = window;
    brushG.call(brush.move, window ? [x().apply(window[0]), x().apply(window[1])] : null);
  };
  const moveCursor = (t: number) => {
    now = t;
    const px = x().apply(t);
    cursor.attr("x1", px).attr("x2", px);
  };
  // The chart's size: read now and after each of its updates; the cursor's height and the brush's area follow it
  // when it changes (d3 rewrites the brush's overlay at each call, and the chart updates at every step of a drag).
  let size = "";
  const fit = () => {
    const w = Number(svg.getAttribute("width"));
    const h = Number(svg.getAttribute("height"));
    if (`${w}×${h}` === size) return;
    size = `${w}×${h}`;
    cursor.attr("y1", TIME_MARGINS.marginTop).attr("y2", h - TIME_MARGINS.marginBottom);
    brush.extent([
      [TIME_MARGINS.marginLeft, TIME_MARGINS.marginTop],
      [w - TIME_MARGINS.marginRight, h - TIME_MARGINS.marginBottom]
    ]);
    brushG.call(brush);
  };
  fit();
  chart.addEventListener(
    CHART_UPDATE,
    () => {
      fit();
      // The time axis may have changed: the cursor and a highlighted window are placed again.
      moveCursor(now);
      if (current) moveBrush(current);
      // Keep the link on top of the chart's layers.
      if (svg.lastElementChild !== g.node()) svg.append(g.node()!);
    },
    {signal: link.signal}
  );
  // Keyboard: the chart is focusable; arrows move the cursor, Shift+arrows stretch the window, Escape clears it.
  svg.setAttribute("tabindex", "0");
  svg.setAttribute("aria-keyshortcuts", "ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight Escape");
  svg.addEventListener(
    "keydown",
    (event) => {
      const span = endOf();
      const step = span / 100;
      if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
        const next = Math.max(0, Math.min(span, now + (event.key === "ArrowLeft" ? -step : step)));
        if (event.shiftKey) {
          anchor ??= now;
          const window: [number, number] = [Math.min(anchor, next), Math.max(anchor, next)];
          moveBrush(window);
          onBrush(window);
        } else anchor = null;
        onCursor(next);
      } else if (event.key === "Escape") {
        anchor = null;
        moveBrush(null);
        onBrush(null);
      } else return;
      event.preventDefault();
    },
    {signal: link.signal}
  );
  return {
    cursor: moveCursor,
    brush: (window: [number, number] | null) => {
      if (window?.[0] !== current?.[0] || window?.[1] !== current?.[1]) moveBrush(window);
    }
  };
}
