/**
 * The recent population activity of a running network: spikes per 1-ms step of each population, for the last
 * `capacity` ms, turned into rates (Hz per neuron) and the rate's power spectrum for the page's charts.
 */
import {populationSpectrum, spectrumPeak} from "../../lib/network/populationSpectrum.js";
import type {NetworkChunk, Spectrum} from "../../lib/index.js";

/** The alpha and gamma bands the page marks on the spectrum (Hz), docs/science.md §2.2. */
export const BANDS = Object.freeze([
  Object.freeze({name: "alpha", min: 8, max: 13}),
  Object.freeze({name: "gamma", min: 30, max: 80})
]);

/** One bin of the rate series. */
export interface RatePoint {
  /** End of the bin (ms): spikes with this time label. */
  t: number;
  /** Hz per neuron of the population. */
  rate: number;
  population: "excitatory" | "inhibitory" | "all";
}

export class RateHistory {
  private readonly e: Int32Array;
  private readonly i: Int32Array;
  /** Steps recorded so far (the network's time, ms, when the history started with it). */
  private steps = 0;

  constructor(
    private readonly ne: number,
    private readonly ni: number,
    readonly capacity = 2048
  ) {
    this.e = new Int32Array(capacity);
    this.i = new Int32Array(capacity);
  }

  /** Network time (ms) at the end of the last chunk added. */
  get time(): number {
    return this.steps;
  }

  /** Adds a chunk's per-step counts (chunks must arrive in order, from time 0). */
  add(chunk: NetworkChunk): void {
    const {excitatory, inhibitory} = chunk.counts;
    for (let m = 0; m < excitatory.length; m++) {
      const slot = (chunk.from + m) % this.capacity;
      this.e[slot] = excitatory[m]!;
      this.i[slot] = inhibitory[m]!;
    }
    this.steps = chunk.to;
  }

  /** The last `ms` steps (at most what is held), oldest first: counts per step of each population. */
  private recent(ms: number): {from: number; e: Int32Array; i: Int32Array} {
    const length = Math.min(ms, this.steps, this.capacity);
    const from = this.steps - length;
    const e = new Int32Array(length);
    const i = new Int32Array(length);
    for (let k = 0; k < length; k++) {
      const slot = (from + k) % this.capacity;
      e[k] = this.e[slot]!;
      i[k] = this.i[slot]!;
    }
    return {from, e, i};
  }

  /** Mean rate (Hz per neuron) over the last `ms` steps: all neurons and per population; NaN before any step. */
  meanRate(ms = 1000): {all: number; excitatory: number; inhibitory: number} {
    const {e, i} = this.recent(ms);
    const seconds = e.length / 1000;
    const sum = (x: Int32Array) => x.reduce((s, c) => s + c, 0);
    const se = sum(e);
    const si = sum(i);
    return {
      all: (se + si) / (this.ne + this.ni) / seconds,
      excitatory: this.ne > 0 ? se / this.ne / seconds : 0,
      inhibitory: this.ni > 0 ? si / this.ni / seconds : 0
    };
  }

  /**
   * The rate of each population over the last `ms` steps in bins of `bin` ms (Hz per neuron: spikes in the bin
   * / population size / bin duration), as rows for Plot; `t` is the bin's last step. Partial bins are left out.
   */
  rates(ms = 1000, bin = 1): RatePoint[] {
    const {from, e, i} = this.recent(ms);
    const points: RatePoint[] = [];
    const skip = e.length % bin; // align bins to the newest step
    for (let k = skip; k + bin <= e.length; k += bin) {
      let se = 0;
      let si = 0;
      for (let m = k; m < k + bin; m++) {
        se += e[m]!;
        si += i[m]!;
      }
      const t = from + k + bin;
      if (this.ne > 0) points.push({t, rate: (1000 * se) / (bin * this.ne), population: "excitatory"});
      if (this.ni > 0) points.push({t, rate: (1000 * si) / (bin * this.ni), population: "inhibitory"});
    }
    return points;
  }

  /**
   * The power spectrum of the whole population's rate (Hz per neuron, 1-ms bins) over the last `ms` steps
   * (Welch, 256-ms segments), and its peak frequency in each band; null before 256 ms have run.
   */
  spectrum(ms = 2048): {spectrum: Spectrum; peaks: Record<string, number>} | null {
    const {e, i} = this.recent(ms);
    if (e.length < 256) return null;
    const n = this.ne + this.ni;
    const rate = Float64Array.from(e, (c, k) => (1000 * (c + i[k]!)) / n);
    const spectrum = populationSpectrum(rate, {segment: 256});
    const peaks: Record<string, number> = {};
    for (const band of BANDS) peaks[band.name] = spectrumPeak(spectrum, band.min, band.max);
    return {spectrum, peaks};
  }
}
