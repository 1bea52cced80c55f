/**
 * The network page's two Plot charts: the population rates over the last second and the power spectrum of the
 * whole population's rate with the alpha and gamma bands marked. Each returns one SVG; the page redraws them a
 * few times a second, not per chunk.
 */
import * as Plot from "@observablehq/plot";
import type {Spectrum} from "../../lib/index.js";
import {BANDS, type RatePoint} from "./rateHistory.js";
import {POPULATION_COLORS} from "./rasterCanvas.js";

const MARGINS = {marginLeft: 56, marginRight: 14, marginTop: 16, marginBottom: 36} as const;

/** Population rates (Hz per neuron, in bins of a few ms) against t (ms). */
export function rateChart(points: RatePoint[], {width = 640, height = 200} = {}): SVGSVGElement | HTMLElement {
  const last = points.length ? points[points.length - 1]!.t : 1000;
  return Plot.plot({
    width,
    height,
    ...MARGINS,
    x: {label: "t (ms)", domain: [Math.max(0, last - 1000), Math.max(1000, last)]},
    // Before any spike the rates are all 0: a fixed 0–10 Hz scale, not a degenerate [0, 0].
    y: {
      label: "rate (Hz per neuron)",
      grid: true,
      zero: true,
      domain: points.some((p) => p.rate > 0) ? undefined : [0, 10]
    },
    color: {
      domain: ["excitatory", "inhibitory"],
      range: [POPULATION_COLORS.excitatory, POPULATION_COLORS.inhibitory],
      legend: false
    },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(points, {x: "t", y: "rate", stroke: "population", strokeWidth: 1, curve: "step"})
    ]
  });
}

/** Power spectral density ((Hz)²/Hz) of the population rate against frequency (Hz), 0–100 Hz, bands shaded. */
export function spectrumChart(
  spectrum: Spectrum | null,
  {width = 640, height = 200} = {}
): SVGSVGElement | HTMLElement {
  const rows: {f: number; p: number}[] = [];
  if (spectrum) {
    for (let k = 0; k < spectrum.frequency.length; k++) {
      const f = spectrum.frequency[k]!;
      if (f > 0 && f <= 100) rows.push({f, p: spectrum.power[k]!});
    }
  }
  return Plot.plot({
    width,
    height,
    ...MARGINS,
    x: {label: "frequency (Hz)", domain: [0, 100]},
    y: {label: "power ((Hz)²/Hz)", grid: true, zero: true, domain: rows.some((r) => r.p > 0) ? undefined : [0, 1]},
    marks: [
      Plot.rectX(BANDS, {x1: "min", x2: "max", fill: "#e9c46a", fillOpacity: 0.3}),
      Plot.text(BANDS, {
        x: (b: (typeof BANDS)[number]) => (b.min + b.max) / 2,
        frameAnchor: "top",
        dy: 4,
        text: (b: (typeof BANDS)[number]) => `${b.name} ${b.min}–${b.max} Hz`
      }),
      Plot.ruleY([0]),
      Plot.lineY(rows, {x: "f", y: "p", stroke: "currentColor"})
    ]
  });
}
