/**
 * One small "Download" menu per chart: the figure as SVG or PNG (twice the screen's pixels), each carrying
 * what it shows (title, the page's address, which holds every setting, and the chart's own description:
 * parameters, stimulus) in an SVG <desc> or PNG text chunks; and, where the chart knows it, the data behind it
 * as CSV and JSON. The menu is built when first opened, so charts that are redrawn often pay nothing for it.
 */
import {spikesToCSV, toCSV, type TraceData} from "../../lib/export/csv.js";
import {pngWithText} from "../../lib/export/pngText.js";

/** What a chart offers for download beyond its picture. Each function is called at download time. */
export interface ChartDownload {
  /** File name stem, e.g. "membrane-potential" (default: from the figure's title). */
  name?: string;
  /** What the chart shows (parameters, stimulus, method…), written into the SVG and PNG and the JSON. */
  describe?: () => Record<string, unknown>;
  /** The data behind the chart as CSV text. */
  csv?: () => string;
  /** A second table, the run's spike times, as CSV text. */
  spikesCsv?: () => string;
  /** The data behind the chart, as a JSON-ready value. */
  json?: () => unknown;
  /** A picture drawn under the svg (a canvas, e.g. the atlas's cells), placed in the svg's coordinates. */
  underlay?: () => Underlay | null;
  /** For a chart drawn on a canvas alone (no svg): the picture at twice its CSS pixels, for the PNG. */
  picture?: () => HTMLCanvasElement;
}

/** An image (a data: URL) and where it goes in the svg's coordinates. */
export interface Underlay {
  href: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The downloads of a chart drawn from one run: its samples and spike times as CSV, all of it as JSON. */
export function runDownload(trace: TraceData): ChartDownload {
  return {
    csv: () => toCSV(trace),
    spikesCsv: () => spikesToCSV(trace),
    json: () => ({
      t: Array.from(trace.t),
      v: Array.from(trace.v),
      u: Array.from(trace.u),
      I: Array.from(trace.I),
      spikes: Array.from(trace.spikes)
    })
  };
}

/** A figure's download settings, read when the menu opens (a retained chart replaces them at each update). */
const settings = new WeakMap<HTMLElement, ChartDownload>();

/** Gives `fig` its download menu (once) and sets what the menu offers. */
export function setChartDownload(fig: HTMLElement, download: ChartDownload = {}): void {
  settings.set(fig, download);
  if (fig.querySelector(":scope > details.chart-download")) return;
  fig.append(downloadMenu(fig));
}

/** "Membrane potential v(t)" → "membrane-potential-v-t". */
export function fileStem(title: string): string {
  const stem = title
    .normalize("NFKD")
    .replace(/[^\w]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
  return stem || "chart";
}

function downloadMenu(fig: HTMLElement): HTMLDetailsElement {
  const document = fig.ownerDocument;
  const menu = document.createElement("details");
  menu.className = "chart-download";
  const summary = document.createElement("summary");
  summary.textContent = "Download";
  summary.setAttribute("aria-label", "Download this chart or its data");
  menu.append(summary);
  menu.addEventListener("toggle", () => {
    if (!menu.open) return;
    menu.querySelector(".chart-download-items")?.remove();
    menu.append(menuItems(fig));
  });
  // Escape closes the menu and gives the focus back to its summary.
  menu.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      summary.focus();
    }
  });
  return menu;
}

function menuItems(fig: HTMLElement): HTMLElement {
  const document = fig.ownerDocument;
  const download = settings.get(fig) ?? {};
  const box = document.createElement("div");
  box.className = "chart-download-items";
  const button = (label: string, description: string, action: () => Promise<void> | void) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.title = description;
    b.addEventListener("click", async () => {
      b.disabled = true;
      try {
        await action();
        status.textContent = "";
      } catch (e) {
        status.textContent = `Could not make the file: ${e instanceof Error ? e.message : e}`;
      } finally {
        b.disabled = false;
      }
    });
    box.append(b);
  };
  const status = document.createElement("span");
  status.className = "chart-download-status";
  status.setAttribute("role", "status");
  const svg = chartSvg(fig);
  const stem = download.name ?? fileStem(fig.querySelector(":scope > h3")?.textContent ?? "chart");
  if (svg instanceof SVGSVGElement) {
    const underlay = () => download.underlay?.() ?? null;
    button("SVG", "The chart as a vector image", () => save(`${stem}.svg`, svgBlob(svg, provenance(fig), underlay())));
    button("PNG", "The chart as an image at twice the screen's pixels", async () =>
      save(`${stem}.png`, await pngBlob(svg, provenance(fig), underlay()))
    );
  } else if (download.picture) {
    const picture = download.picture;
    button("PNG", "The chart as an image at twice the screen's pixels", async () =>
      save(`${stem}.png`, await canvasPng(picture(), provenance(fig)))
    );
  }
  if (download.csv) {
    const csv = download.csv;
    button("CSV", "The data behind the chart, as comma-separated values", () =>
      save(`${stem}.csv`, new Blob([csv()], {type: "text/csv"}))
    );
  }
  if (download.spikesCsv) {
    const csv = download.spikesCsv;
    button("CSV, spike times", "The spike times (ms), as comma-separated values", () =>
      save(`${stem}-spikes.csv`, new Blob([csv()], {type: "text/csv"}))
    );
  }
  if (download.json || download.describe) {
    button("JSON", "What the chart shows and the data behind it, as JSON", () =>
      save(
        `${stem}.json`,
        new Blob([JSON.stringify({...provenance(fig), data: download.json?.()}, typedArraysAsLists, 1)], {
          type: "application/json"
        })
      )
    );
  }
  box.append(status);
  return box;
}

/** The chart's own svg: the largest in the figure (legends draw small swatches as svgs too). */
export function chartSvg(fig: HTMLElement): SVGSVGElement | null {
  let best: SVGSVGElement | null = null;
  let bestArea = -1;
  for (const svg of fig.querySelectorAll("svg")) {
    if (svg.closest(".chart-download")) continue;
    const {width, height} = size(svg);
    if (width * height > bestArea) [best, bestArea] = [svg, width * height];
  }
  return best;
}

/** JSON.stringify writes a typed array as an object keyed "0", "1", …: write it as a list instead. */
function typedArraysAsLists(_key: string, value: unknown): unknown {
  return ArrayBuffer.isView(value) && !(value instanceof DataView)
    ? Array.from(value as unknown as ArrayLike<number>)
    : value;
}

/** What a file made from `fig` records about it: the title, the page's address and the chart's description. */
export function provenance(fig: HTMLElement): Record<string, unknown> {
  const download = settings.get(fig) ?? {};
  return {
    title: fig.querySelector(":scope > h3")?.textContent ?? "",
    caption: fig.querySelector(":scope > figcaption")?.textContent ?? "",
    page: fig.ownerDocument.defaultView?.location.href ?? "",
    ...download.describe?.()
  };
}

/** A standalone copy of a chart's svg: namespaced, sized, on white, with `about` as JSON in its <desc>. */
export function standaloneSvg(
  svg: SVGSVGElement,
  about: Record<string, unknown>,
  underlay: Underlay | null = null
): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const document = svg.ownerDocument;
  const ns = "http://www.w3.org/2000/svg";
  const {width, height} = size(svg);
  // (The serializer writes the svg namespace itself; setting xmlns as well would write it twice.)
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  if (!copy.getAttribute("viewBox")) copy.setAttribute("viewBox", `0 0 ${width} ${height}`);
  // The page's text colour (currentColor) and background, which a file opened alone does not have.
  copy.style.color = getComputedStyle(svg).color || "black";
  copy.style.background = "white";
  const desc = document.createElementNS(ns, "desc");
  desc.textContent = JSON.stringify(about);
  const background = document.createElementNS(ns, "rect");
  for (const [k, v] of Object.entries({x: "0", y: "0", width: "100%", height: "100%", fill: "white"}))
    background.setAttribute(k, v);
  copy.prepend(desc, background);
  if (underlay) {
    const image = document.createElementNS(ns, "image");
    for (const [k, v] of Object.entries(underlay)) image.setAttribute(k, String(v));
    image.setAttribute("preserveAspectRatio", "none");
    image.setAttribute("style", "image-rendering: pixelated");
    background.after(image);
  }
  return new XMLSerializer().serializeToString(copy);
}

function size(svg: SVGSVGElement): {width: number; height: number} {
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute("width")) || Math.round(box.width) || 640;
  const height = Number(svg.getAttribute("height")) || Math.round(box.height) || 400;
  return {width, height};
}

function svgBlob(svg: SVGSVGElement, about: Record<string, unknown>, underlay: Underlay | null = null): Blob {
  return new Blob([standaloneSvg(svg, about, underlay)], {type: "image/svg+xml"});
}

/** The chart drawn at twice its size on a canvas, as PNG bytes with `about` in text chunks. */
async function pngBlob(
  svg: SVGSVGElement,
  about: Record<string, unknown>,
  underlay: Underlay | null = null
): Promise<Blob> {
  const {width, height} = size(svg);
  const url = URL.createObjectURL(svgBlob(svg, about, underlay));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser cannot draw on a canvas");
    context.fillStyle = "white";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await canvasPng(canvas, about);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A canvas as PNG bytes with `about` in text chunks. */
async function canvasPng(canvas: HTMLCanvasElement, about: Record<string, unknown>): Promise<Blob> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("the browser could not encode the PNG");
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const text = {
    Title: String(about.title ?? ""),
    Description: JSON.stringify(about),
    Software: "Izhikevich explorer"
  };
  return new Blob([pngWithText(bytes, text)], {type: "image/png"});
}

/** Hands `blob` to the browser as a download named `name`. */
function save(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL; give it a moment before letting go of the data.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
