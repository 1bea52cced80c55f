/**
 * The network's raster on a canvas, drawn as spikes arrive: a wrapping 1-s window (t in ms on x, neuron index on
 * y, excitatory neurons below the inhibitory ones), cleared when the network's time enters the next second.
 * Each spike is one small rectangle, so a 10,000-neuron second (about 10⁵ spikes) costs a few ms in all.
 */
import {el} from "../dom.js";

/** The raster's window (ms). */
export const RASTER_WINDOW = 1000;

/** Colours of the two populations (also the legend's and the rate chart's). */
export const POPULATION_COLORS = Object.freeze({excitatory: "#2f6db5", inhibitory: "#d1453b"});

const MARGIN = Object.freeze({top: 8, right: 10, bottom: 34, left: 56});

/** Where the plot area is in the canvas (CSS px) and the network's size: the raster's geometry. */
export interface RasterGeometry {
  width: number;
  height: number;
  n: number;
}

/** The first time label (ms) of the 1-s window that holds spike time `t` (net.m's labels run from 1). */
export function windowStart(t: number): number {
  return Math.floor((t - 1) / RASTER_WINDOW) * RASTER_WINDOW;
}

/** x (CSS px) of spike time `t` in its window. */
export function timeToX(t: number, g: RasterGeometry): number {
  const plot = g.width - MARGIN.left - MARGIN.right;
  return MARGIN.left + (((t - 1) % RASTER_WINDOW) / RASTER_WINDOW) * plot;
}

/** y (CSS px) of the middle of neuron `i`'s row: neuron 0 at the bottom. */
export function neuronToY(i: number, g: RasterGeometry): number {
  const plot = g.height - MARGIN.top - MARGIN.bottom;
  return MARGIN.top + plot - ((i + 0.5) / g.n) * plot;
}

/** The neuron whose row holds y (CSS px), or −1 outside the plot area. */
export function yToNeuron(y: number, g: RasterGeometry): number {
  const plot = g.height - MARGIN.top - MARGIN.bottom;
  const fraction = (MARGIN.top + plot - y) / plot;
  if (fraction < 0 || fraction >= 1) return -1;
  return Math.min(g.n - 1, Math.floor(fraction * g.n));
}

/** A spike of the window (one chunk's columns). */
interface Columns {
  neuron: Int32Array;
  time: Float64Array;
}

/** The raster element: `add` draws a chunk's spikes; `reset` starts a new network; `onPick` reports clicks. */
export interface Raster extends HTMLElement {
  reset(n: number, ne: number): void;
  add(spikes: Columns): void;
  /** Spikes drawn in the current window (tests and readouts). */
  readonly spikesInWindow: number;
  /** The spikes drawn in the current window, in the order they arrived, and the network's size. */
  windowSpikes(): Columns & {n: number; ne: number};
  /** The raster as drawn now, on a new canvas at `scale` × its CSS pixels over white (for a download). */
  snapshot(scale: number): HTMLCanvasElement;
}

/**
 * A canvas raster. `onPick(neuron)` is called when the reader clicks a spike or a row (the spike nearest the
 * click within a few px, else the row's neuron).
 */
export function RasterCanvas(onPick: (neuron: number) => void, {height = 360} = {}): Raster {
  const canvas = el("canvas", {className: "network-raster-canvas"});
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", "Raster of the network's spikes: time (ms) against neuron index");
  const legend = el(
    "p",
    {className: "network-legend"},
    el("span", {className: "network-swatch network-swatch-e"}),
    " excitatory neurons (0 … ne − 1)   ",
    el("span", {className: "network-swatch network-swatch-i"}),
    " inhibitory neurons (ne … N − 1)   · click a spike or a row to see that neuron"
  );
  const root = el("figure", {className: "network-raster"}, canvas, legend) as unknown as Raster;
  const ctx = canvas.getContext("2d");
  let n = 1;
  let ne = 1;
  let start = 0; // the window's first time label − 1 (ms)
  let chunks: Columns[] = [];
  let count = 0;
  let geometry: RasterGeometry = {width: 600, height, n};

  const dot = () => ({
    w: Math.max(1, (geometry.width - MARGIN.left - MARGIN.right) / RASTER_WINDOW),
    h: Math.max(1, Math.min(3, (geometry.height - MARGIN.top - MARGIN.bottom) / n))
  });

  function drawAxes(ctx: CanvasRenderingContext2D | null): void {
    if (!ctx) return;
    const {width: w, height: h} = geometry;
    ctx.clearRect(0, 0, w, h);
    const style = getComputedStyle(root);
    const ink = style.color || "#333";
    ctx.font = `11px ${style.fontFamily || "sans-serif"}`;
    ctx.fillStyle = ink;
    ctx.strokeStyle = ink;
    ctx.lineWidth = 1;
    const bottom = h - MARGIN.bottom;
    ctx.beginPath();
    ctx.moveTo(MARGIN.left - 0.5, MARGIN.top);
    ctx.lineTo(MARGIN.left - 0.5, bottom + 0.5);
    ctx.lineTo(w - MARGIN.right, bottom + 0.5);
    ctx.stroke();
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    const step = w < 500 ? 250 : 200;
    for (let t = 0; t <= RASTER_WINDOW; t += step) {
      const x = MARGIN.left + (t / RASTER_WINDOW) * (w - MARGIN.left - MARGIN.right);
      ctx.fillRect(Math.round(x), bottom, 1, 4);
      ctx.textAlign = t === RASTER_WINDOW ? "right" : "center"; // the last label stays inside the canvas
      ctx.fillText(String(start + t), t === RASTER_WINDOW ? x + 4 : x, bottom + 6);
    }
    ctx.textAlign = "center";
    ctx.fillText("t (ms)", (MARGIN.left + w - MARGIN.right) / 2, bottom + 20);
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const i of new Set([0, ne, n])) {
      const y = i === n ? MARGIN.top : neuronToY(i - 0.5, geometry);
      ctx.fillRect(MARGIN.left - 5, Math.round(y), 4, 1);
      ctx.fillText(String(i), MARGIN.left - 7, y);
    }
    ctx.save();
    ctx.translate(12, (MARGIN.top + bottom) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = "center";
    ctx.fillText("neuron", 0, 0);
    ctx.restore();
  }

  function draw(ctx: CanvasRenderingContext2D | null, spikes: Columns): void {
    if (!ctx) return;
    const {w, h} = dot();
    let color = "";
    for (let s = 0; s < spikes.neuron.length; s++) {
      const i = spikes.neuron[s]!;
      const next = i < ne ? POPULATION_COLORS.excitatory : POPULATION_COLORS.inhibitory;
      if (next !== color) ctx.fillStyle = color = next;
      ctx.fillRect(timeToX(spikes.time[s]!, geometry), neuronToY(i, geometry) - h / 2, w, h);
    }
  }

  function layout(): void {
    const width = Math.max(200, Math.floor(root.clientWidth || 600));
    const h = width < 500 ? Math.min(height, 280) : height;
    geometry = {width, height: h, n};
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(h * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${h}px`;
    ctx?.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawAxes(ctx);
    for (const c of chunks) draw(ctx, c);
  }

  function snapshot(scale: number): HTMLCanvasElement {
    const picture = document.createElement("canvas");
    picture.width = Math.round(geometry.width * scale);
    picture.height = Math.round(geometry.height * scale);
    const context = picture.getContext("2d");
    if (!context) throw new Error("this browser cannot draw on a canvas");
    context.setTransform(scale, 0, 0, scale, 0, 0);
    drawAxes(context);
    context.globalCompositeOperation = "destination-over"; // white behind what is drawn, not over it
    context.fillStyle = "white";
    context.fillRect(0, 0, geometry.width, geometry.height);
    context.globalCompositeOperation = "source-over";
    for (const c of chunks) draw(context, c);
    return picture;
  }

  function windowSpikes(): Columns & {n: number; ne: number} {
    const neuron = new Int32Array(count);
    const time = new Float64Array(count);
    let at = 0;
    for (const c of chunks) {
      neuron.set(c.neuron, at);
      time.set(c.time, at);
      at += c.neuron.length;
    }
    return {neuron, time, n, ne};
  }

  /** Splits a chunk at window boundaries: a new window clears the raster. */
  function add(spikes: Columns): void {
    let s = 0;
    const total = spikes.neuron.length;
    while (s < total) {
      const w = windowStart(spikes.time[s]!);
      if (w !== start) {
        start = w;
        chunks = [];
        count = 0;
        drawAxes(ctx);
      }
      let e = s;
      while (e < total && spikes.time[e]! <= start + RASTER_WINDOW) e++;
      const part = {neuron: spikes.neuron.subarray(s, e), time: spikes.time.subarray(s, e)};
      chunks.push(part);
      count += e - s;
      draw(ctx, part);
      s = e;
    }
  }

  /** The spike drawn nearest (x, y) within 4 px, else the row's neuron. */
  function pick(x: number, y: number): number {
    let best = -1;
    let bestDistance = 16;
    for (const c of chunks) {
      for (let s = 0; s < c.neuron.length; s++) {
        const dx = timeToX(c.time[s]!, geometry) - x;
        if (dx > 4 || dx < -4) continue;
        const dy = neuronToY(c.neuron[s]!, geometry) - y;
        const d = dx * dx + dy * dy;
        if (d < bestDistance) {
          bestDistance = d;
          best = c.neuron[s]!;
        }
      }
    }
    return best >= 0 ? best : yToNeuron(y, geometry);
  }

  canvas.addEventListener("click", (event) => {
    const box = canvas.getBoundingClientRect();
    const neuron = pick(event.clientX - box.left, event.clientY - box.top);
    if (neuron >= 0) onPick(neuron);
  });

  Object.assign(root, {
    reset(size: number, excitatory: number) {
      n = Math.max(1, size);
      ne = excitatory;
      start = 0;
      chunks = [];
      count = 0;
      layout();
    },
    add,
    windowSpikes,
    snapshot
  });
  Object.defineProperty(root, "spikesInWindow", {get: () => count});
  if (typeof ResizeObserver !== "undefined") {
    let last = 0;
    new ResizeObserver(() => {
      const width = Math.floor(root.clientWidth);
      if (width !== last) {
        last = width;
        layout();
      }
    }).observe(root);
  }
  return root;
}
