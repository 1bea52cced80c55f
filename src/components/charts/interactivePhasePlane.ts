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
 *   - playback: a Play/Pause button and a time slider move a marker along the trajectory in time.
 *
 * It behaves like an Observable input: `element.value` is the initial state {v0, u0} (mV, units of I), and
 * choosing a new one dispatches an "input" event, so `view(InteractivePhasePlane(...))` works on a page.
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
 *   v0, u0; vPeak (default 30); vDomain, uDomain (a fixed extent, so clicks do not rescale it); field (draw the direction field; default true); timeChart (HTMLElement|null);
 *   duration (ms, the time axis of the v(t) chart it draws; default the trace's end); invalidation (Promise);
 *   title, caption, ariaLabel, ariaDescription (as every chart).
 */
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import type {Equation, Params} from "../../lib/models/izhikevich2003.js";
import type {Equilibrium} from "../../lib/analysis/equilibria.js";
import type {Separatrix} from "../../lib/analysis/separatrix.js";
import {nullclines as computeNullclines} from "../../lib/analysis/nullclines.js";
import {COLORS, TIME_MARGINS, axesMark, figure, fmt, pathMark, type FigureOptions} from "./chart.js";
import {MARGINS, equilibriumMark, phaseDomain, phaseLegend, planePlot, trajectoryPath} from "./phasePlane.js";
import {VoltageTrace, type TimeSeries} from "./voltageTrace.js";

/** The initial state chosen on the plane: the element's value. */
export interface InitialState {
  /** v at t = 0 (mV). */
  v0: number;
  /** u at t = 0 (units of I). */
  u0: number;
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
  invalidation?: Promise<unknown>;
}

/** The element: a div holding the plane, the playback controls and (unless given one) the v(t) chart. */
export type InteractivePhasePlaneElement = HTMLDivElement & {value: InitialState};

export const SEPARATRIX_COLOR = "#7b3294";
const HIGHLIGHT_COLOR = "#e7298a";
const FIELD_COLOR = "#9aa";
/** Grid spacing of the direction field (px) and the arrows' length (px). */
const FIELD_SPACING = 30;
const ARROW = 10;
/** Playback shows the whole run in about this long (ms of wall time). */
const PLAYBACK_MS = 6000;

type Scale = {apply: (x: number) => number; invert: (x: number) => number};

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

/** A linear map from data to pixels, from the plane's domains and margins (cheaper than Plot's scale per point). */
interface Frame {
  vDomain: [number, number];
  uDomain: [number, number];
}

/**
 * Arrows [v0, u0, v1, u1, …] as two paths (shafts, which may be dashed, and solid heads), in tenths of a pixel
 * drawn at scale(0.1) like chart.ts's pathMark: integers are cheap to format.
 */
function arrowsMark(
  segments: Float64Array,
  {vDomain, uDomain}: Frame,
  {
    stroke,
    dash,
    head = 4,
    width = 1,
    label
  }: {stroke: string; dash?: string; head?: number; width?: number; label: string}
) {
  return (
    _i: unknown,
    _s: unknown,
    _v: unknown,
    dim: {
      width: number;
      height: number;
      marginLeft: number;
      marginRight: number;
      marginTop: number;
      marginBottom: number;
    },
    context: {document: Document}
  ) => {
    const kx = (10 * (dim.width - dim.marginLeft - dim.marginRight)) / (vDomain[1] - vDomain[0]);
    const ky = (-10 * (dim.height - dim.marginTop - dim.marginBottom)) / (uDomain[1] - uDomain[0]);
    const bx = 10 * dim.marginLeft - kx * vDomain[0];
    const by = 10 * (dim.height - dim.marginBottom) - ky * uDomain[0];
    const h = 10 * head;
    const g = context.document.createElementNS("http://www.w3.org/2000/svg", "g");
    g.setAttribute("aria-label", label);
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
    for (const [d, dashed] of [
      [shafts, true],
      [heads, false]
    ] as const) {
      const p = context.document.createElementNS("http://www.w3.org/2000/svg", "path");
      p.setAttribute("d", d);
      p.setAttribute("transform", "scale(0.1)");
      p.setAttribute("vector-effect", "non-scaling-stroke");
      p.setAttribute("fill", "none");
      p.setAttribute("stroke", stroke);
      p.setAttribute("stroke-width", String(width));
      if (dashed && dash) p.setAttribute("stroke-dasharray", dash);
      g.append(p);
    }
    return g;
  };
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

/** The phase plane of a run, interactive; see the module's comment for what it does and its options. */
export function InteractivePhasePlane(
  trace: TimeSeries,
  options: InteractivePhasePlaneOptions
): InteractivePhasePlaneElement {
  const {
    width,
    height = Math.round(Math.min(width, 480) * 0.8),
    params,
    equation,
    I,
    equilibria,
    separatrix = null,
    v0,
    u0,
    vPeak = 30,
    field = true,
    timeChart = null,
    invalidation,
    title = "Phase plane (v, u)",
    caption,
    ariaLabel,
    ariaDescription
  } = options;
  const n = Math.min(trace.t.length, trace.v.length, trace.u.length);
  const tEnd = n ? trace.t[n - 1] : 0;
  const duration = options.duration ?? tEnd;

  const auto = phaseDomain(trace, params, equilibria, vPeak);
  const breaks = auto.breaks;
  const vDomain: [number, number] = options.vDomain ? [...options.vDomain] : auto.vDomain;
  const uDomain: [number, number] = options.uDomain ? [...options.uDomain] : auto.uDomain;
  // Keep the chosen start inside an automatic plane, so the reader sees where the run begins.
  if (!options.vDomain && v0 >= vDomain[0] - 50 && v0 < vDomain[0]) vDomain[0] = Math.floor(v0 - 5);
  if (!options.uDomain && u0 < uDomain[0] && u0 > uDomain[0] - 50) uDomain[0] = u0 - 1;
  if (!options.uDomain && u0 > uDomain[1] && u0 < uDomain[1] + 50) uDomain[1] = u0 + 1;
  const innerW = Math.max(1, width - MARGINS.marginLeft - MARGINS.marginRight);
  const innerH = Math.max(1, height - MARGINS.marginTop - MARGINS.marginBottom);
  const nc = computeNullclines(params, I, {vMin: vDomain[0], vMax: vDomain[1], n: 161, equation});
  const path = trajectoryPath(trace, breaks, {width, height, vDomain, uDomain, tolerance: 1.5, params, vPeak});
  const jumps = new Float64Array(4 * breaks.length);
  breaks.forEach((k, j) => jumps.set([vPeak, trace.u[k] - params.d, params.c, trace.u[k]], 4 * j));

  const marks: Plot.Markish[] = [axesMark({xLabel: "v (mV)", yLabel: "u (same units as I)"})];
  if (field)
    marks.push(
      arrowsMark(
        directionField(params, equation, I, vDomain, uDomain, innerW, innerH),
        {vDomain, uDomain},
        {stroke: FIELD_COLOR, head: 3, label: "direction field"}
      )
    );
  marks.push(
    Plot.ruleX([params.c], {stroke: COLORS.reset, strokeDasharray: "5,4"}),
    Plot.ruleX([vPeak], {stroke: "#bbb", strokeDasharray: "2,3"}),
    pathMark(nc.v, nc.vNullcline, {stroke: COLORS.vNullcline, strokeWidth: 2, clip: true, ariaLabel: "v-nullcline"})
  );
  if (nc.uNullcline)
    marks.push(
      pathMark(nc.v, nc.uNullcline, {stroke: COLORS.uNullcline, strokeWidth: 2, clip: true, ariaLabel: "u-nullcline"})
    );
  else if (nc.uNullclineV !== null)
    marks.push(Plot.ruleX([nc.uNullclineV], {stroke: COLORS.uNullcline, strokeWidth: 2}));
  if (separatrix) {
    const [b1, b2] = separatrix.branches;
    const SX = new Float64Array(b1.v.length + b2.v.length + 1);
    const SY = new Float64Array(SX.length);
    // Branch 1 reversed, then branch 2: one curve through the saddle.
    for (let k = 0; k < b1.v.length; k++) {
      SX[k] = b1.v[b1.v.length - 1 - k];
      SY[k] = b1.u[b1.v.length - 1 - k];
    }
    SX.set(b2.v, b1.v.length);
    SY.set(b2.u, b1.v.length);
    marks.push(
      pathMark(SX.subarray(0, SX.length - 1), SY.subarray(0, SY.length - 1), {
        stroke: SEPARATRIX_COLOR,
        strokeWidth: 2,
        strokeDasharray: "7,3",
        clip: true,
        ariaLabel: "separatrix"
      })
    );
  }
  marks.push(
    arrowsMark(jumps, {vDomain, uDomain}, {stroke: COLORS.jump, dash: "3,3", head: 5, label: "reset jumps"}),
    pathMark(path.X, path.Y, {stroke: COLORS.trajectory, strokeWidth: 1.1, clip: true, ariaLabel: "trajectory"}),
    equilibriumMark(equilibria, {label: equilibriumLabel})
  );
  const svg = planePlot({width, height, vDomain, uDomain}, marks) as SVGSVGElement & {scale(name: string): Scale};
  const x = svg.scale("x");
  const y = svg.scale("y");

  const eqText = equilibria.length
    ? equilibria.map(equilibriumLabel).join("; ")
    : "no equilibrium: the nullclines do not cross, so the neuron cannot rest";
  const fig = figure(svg, {
    title,
    legend: phaseLegend(document, equilibria, nc.uNullcline !== null || nc.uNullclineV !== null, [
      ...(separatrix ? [{label: "separatrix (threshold)", color: SEPARATRIX_COLOR, dash: "7,3"}] : []),
      {label: "highlighted time window", color: HIGHLIGHT_COLOR}
    ]),
    caption:
      caption ??
      `Nullclines and direction field for I = ${fmt(I)}. ${separatrix ? "The dashed purple curve through the saddle is the threshold: states to one side return to rest, states to the other fire. " : ""}Dashed arrows are the reset jumps from the ${fmt(vPeak)} mV cut-off to v = c, u + d. Click or tap to start the run from that state.`,
    ariaLabel:
      ariaLabel ??
      `Interactive phase plane of u against v in mV, for I = ${fmt(I)}, with ${equilibria.length} equilibri${equilibria.length === 1 ? "um" : "a"}${separatrix ? ", the separatrix" : ""} and ${breaks.length} reset jump${breaks.length === 1 ? "" : "s"}. The run starts at v = ${fmt(v0)} mV, u = ${fmt(u0)}. Focus and use the arrow keys and Enter to choose a new initial state.`,
    ariaDescription: ariaDescription ?? `Equilibria: ${eqText}.`,
    className: "phase-plane phase-plane-interactive"
  });
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

  // Overlays drawn by hand on top of Plot's marks, updated without redrawing the chart.
  const overlay = d3.select(svg).append("g").attr("class", "ipp-overlay").attr("pointer-events", "none");
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
  const inFrame = (px: number, py: number) =>
    px >= MARGINS.marginLeft &&
    px <= width - MARGINS.marginRight &&
    py >= MARGINS.marginTop &&
    py <= height - MARGINS.marginBottom;
  const place = (v: number, u: number) => [x.apply(v), y.apply(u)] as const;
  const showStart = (v: number, u: number) => {
    const [px, py] = place(v, u);
    start
      .attr("cx", px)
      .attr("cy", py)
      .attr("display", inFrame(px, py) ? null : "none");
  };
  showStart(v0, u0);

  const element = document.createElement("div") as unknown as InteractivePhasePlaneElement;
  element.className = "ipp";
  element.value = {v0, u0};
  const choose = (v: number, u: number) => {
    // v must stay below the cut-off; round to the explorer's steps (0.1 mV, 0.01).
    const v0 = Math.round(Math.min(v, vPeak - 0.1) * 10) / 10;
    const u0 = Math.round(u * 100) / 100;
    element.value = {v0, u0};
    showStart(v0, u0);
    element.dispatchEvent(new Event("input", {bubbles: true}));
  };
  svg.addEventListener("click", (event) => {
    const [px, py] = d3.pointer(event, svg);
    if (inFrame(px, py)) choose(x.invert(px), y.invert(py));
  });

  // Keyboard: a crosshair moved by the arrow keys; Enter chooses it.
  let crossV = v0;
  let crossU = u0;
  const drawCross = () => {
    const [px, py] = place(crossV, crossU);
    cross.attr("d", `M${px - 9},${py}H${px + 9}M${px},${py - 9}V${py + 9}`).attr("display", null);
    status.textContent = `Crosshair at v = ${fmt(crossV)} mV, u = ${fmt(crossU)}: Enter starts the run here.`;
  };
  svg.addEventListener("focus", (event) => event.target === svg && drawCross());
  svg.addEventListener("blur", () => cross.attr("display", "none"));
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
    const e = equilibria[Number(target.getAttribute("data-index"))];
    if (!e) return;
    const [px, py] = place(e.v, e.u);
    tooltip.textContent = equilibriumLabel(e);
    tooltip.hidden = false;
    tooltip.style.left = `${Math.min(px, width - 200)}px`;
    tooltip.style.top = `${py + 12}px`;
  };
  const hideTip = () => (tooltip.hidden = true);
  svg.addEventListener("pointerover", (event) => showTip(event.target));
  svg.addEventListener("pointerout", hideTip);
  svg.addEventListener("focusin", (event) => showTip(event.target));
  svg.addEventListener("focusout", hideTip);

  // Time: the marker, the cursor on v(t), the highlighted window, playback.
  const status = document.createElement("p");
  status.className = "ipp-status";
  status.setAttribute("aria-live", "polite");
  let now = 0;
  let span: [number, number] | null = null;
  const sampleAt = (t: number) => (n ? Math.max(0, Math.min(n - 1, d3.bisectLeft(trace.t, t))) : 0);
  const drawHighlight = () => {
    if (!span) return highlight.attr("d", null);
    const [t0, t1] = span;
    let d = "";
    let pen = false;
    for (let j = 0; j < path.X.length; j++) {
      const k = path.sample[j];
      const t = k >= 0 ? trace.t[k] : NaN;
      if (!(t >= t0 && t <= t1) || path.X[j] !== path.X[j]) {
        pen = false;
        continue;
      }
      d += `${pen ? "L" : "M"}${x.apply(path.X[j]).toFixed(1)},${y.apply(path.Y[j]).toFixed(1)}`;
      pen = true;
    }
    highlight.attr("d", d || null);
  };
  // A native range input: the plane is rebuilt on every explorer update, and Inputs.range costs ~0.7 ms to build.
  const slider = Object.assign(document.createElement("input"), {
    type: "range",
    min: "0",
    max: String(Math.max(tEnd, 1e-9)),
    step: String(Math.max(tEnd / 1000, 1e-3)),
    value: "0"
  });
  const time = document.createElement("label");
  time.className = "ipp-time";
  time.append("Time (ms) ", slider);
  const readout = document.createElement("output");
  readout.className = "ipp-readout";
  const linked: {cursor: (t: number) => void; brush: (w: [number, number] | null) => void}[] = [];
  const setTime = (t: number, fromSlider = false) => {
    now = Math.max(0, Math.min(tEnd, t));
    const k = sampleAt(now);
    const [px, py] = n ? place(Math.min(trace.v[k], vPeak), trace.u[k]) : [NaN, NaN];
    marker
      .attr("cx", px)
      .attr("cy", py)
      .attr("display", inFrame(px, py) ? null : "none");
    readout.textContent = n ? `t = ${fmt(trace.t[k], 5)} ms: v = ${fmt(trace.v[k])} mV, u = ${fmt(trace.u[k])}` : "";
    if (!fromSlider) slider.valueAsNumber = now;
    for (const l of linked) l.cursor(now);
  };
  const setWindow = (w: [number, number] | null, fromBrush = false) => {
    span = w && w[1] > w[0] ? w : null;
    drawHighlight();
    status.textContent = span ? `Highlighted: the trajectory from t = ${fmt(span[0])} to ${fmt(span[1])} ms.` : "";
    if (!fromBrush) for (const l of linked) l.brush(span);
  };
  slider.addEventListener("input", () => setTime(slider.valueAsNumber, true));

  const play = document.createElement("button");
  play.type = "button";
  play.className = "ipp-play";
  play.textContent = "Play";
  let frame = 0;
  let last = 0;
  const stop = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    play.textContent = "Play";
    play.setAttribute("aria-pressed", "false");
  };
  const tick = (stamp: number) => {
    if (!element.isConnected && last !== 0) return stop();
    const step = last ? ((stamp - last) * tEnd) / PLAYBACK_MS : 0;
    last = stamp;
    setTime(now + step);
    if (now >= tEnd) return stop();
    frame = requestAnimationFrame(tick);
  };
  play.addEventListener("click", () => {
    if (frame) return stop();
    if (now >= tEnd) setTime(0);
    last = 0;
    play.textContent = "Pause";
    play.setAttribute("aria-pressed", "true");
    frame = requestAnimationFrame(tick);
  });
  invalidation?.then(stop);

  const controls = document.createElement("div");
  controls.className = "ipp-controls";
  controls.append(play, time, readout);
  element.append(fig, controls, status);

  const chart =
    timeChart ??
    VoltageTrace(trace, {
      width,
      height: 180,
      xDomain: [0, Math.max(duration, tEnd) || 1],
      vPeak,
      title: "v(t), linked to the phase plane",
      caption:
        "Drag across v(t) to highlight that time window of the trajectory; the cursor is the marker's time. Keyboard: arrows move the cursor, Shift+arrows stretch the window, Escape clears it."
    });
  if (!timeChart) element.append(chart);
  const link = linkTimeChart(chart, {
    onBrush: (w) => setWindow(w, true),
    onCursor: (t) => setTime(t),
    end: tEnd
  });
  if (link) linked.push(link);
  setTime(0);
  return element;
}

/** The current link of each time chart, so a new link removes the old one's listeners. */
const LINKS = new WeakMap<SVGSVGElement, AbortController>();

/** What {@link linkTimeChart} calls back with. */
interface LinkOptions {
  onBrush: (window: [number, number] | null) => void;
  onCursor: (t: number) => void;
  end: number;
}

/**
 * Adds a time cursor and a d3 brush to a Plot time chart (a figure whose graphic is a Plot svg with an x scale
 * in ms and the time charts' margins), replacing any previous link. Returns the functions that move the cursor
 * and the brush from outside, or null if the chart has no time scale.
 */
export function linkTimeChart(chart: HTMLElement, {onBrush, onCursor, end}: LinkOptions) {
  const svg = chart.querySelector('svg[role="img"]') as
    (SVGSVGElement & {scale?: (name: string) => Scale | undefined}) | null;
  const x = svg?.scale?.("x");
  if (!svg || !x) return null;
  // A chart outlives the planes linked to it (the explorer redraws the plane alone): drop the previous link.
  svg.querySelector(":scope > g.ipp-link")?.remove();
  LINKS.get(svg)?.abort();
  const link = new AbortController();
  LINKS.set(svg, link);
  const w = Number(svg.getAttribute("width"));
  const h = Number(svg.getAttribute("height"));
  const g = d3.select(svg).append("g").attr("class", "ipp-link");
  const cursor = g
    .append("line")
    .attr("class", "ipp-cursor")
    .attr("y1", TIME_MARGINS.marginTop)
    .attr("y2", h - TIME_MARGINS.marginBottom)
    .attr("stroke", HIGHLIGHT_COLOR)
    .attr("stroke-width", 1.5)
    .attr("pointer-events", "none");
  let now = 0;
  let anchor: number | null = null;
  let current: [number, number] | null = null;
  const brush = d3
    .brushX()
    .extent([
      [TIME_MARGINS.marginLeft, TIME_MARGINS.marginTop],
      [w - TIME_MARGINS.marginRight, h - TIME_MARGINS.marginBottom]
    ])
    .keyModifiers(false)
    .on("brush end", (event: d3.D3BrushEvent<unknown>) => {
      if (!event.sourceEvent) return; // moved from code
      const s = event.selection as [number, number] | null;
      current = s ? [x.invert(s[0]), x.invert(s[1])] : null;
      onBrush(current);
    });
  const brushG = g.append("g").attr("class", "ipp-brush").call(brush);
  const moveBrush = (window: [number, number] | null) => {
    current = window;
    brushG.call(brush.move, window ? [x.apply(window[0]), x.apply(window[1])] : null);
  };
  // Keyboard: the chart is focusable; arrows move the cursor, Shift+arrows stretch the window, Escape clears it.
  svg.setAttribute("tabindex", "0");
  svg.setAttribute("aria-keyshortcuts", "ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight Escape");
  svg.addEventListener(
    "keydown",
    (event) => {
      const step = end / 100;
      if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
        const next = Math.max(0, Math.min(end, now + (event.key === "ArrowLeft" ? -step : step)));
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
    cursor: (t: number) => {
      now = t;
      const px = x.apply(t);
      cursor.attr("x1", px).attr("x2", px);
    },
    brush: (window: [number, number] | null) => {
      if (window?.[0] !== current?.[0] || window?.[1] !== current?.[1]) moveBrush(window);
    }
  };
}
