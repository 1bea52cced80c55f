/**
 * The power spectrum of a population rate (Welch's method), to show a network's rhythms: net.m's raster has
 * alpha (~10 Hz) and gamma (~40 Hz) episodes (docs/science.md §2.2).
 */
import {checkNumber, describe} from "../validate.js";

/** Options of {@link populationSpectrum}. */
export interface SpectrumOptions {
  /** Sampling interval of the series (ms); default 1 (net.m's step: one rate bin per ms). */
  dt?: number;
  /**
   * Samples per segment (an integer ≥ 8); default 256 (256 ms at dt = 1: 3.9-Hz resolution). Segments overlap by
   * half; a series shorter than one segment is one segment. Longer segments: finer frequencies, more noise.
   */
  segment?: number;
}

/** A one-sided power spectral density. */
export interface Spectrum {
  /** Frequencies (Hz), 0 … the Nyquist frequency 1000/(2·dt), evenly spaced. */
  frequency: Float64Array;
  /** Power spectral density at each frequency ((units of the series)² per Hz, e.g. Hz²/Hz for a rate in Hz). */
  power: Float64Array;
  /** Segments averaged. */
  segments: number;
}

/**
 * Welch's estimate of the power spectral density of `series` (e.g. `simulateNetwork(…).rate.excitatory`):
 * the series' mean removed, Hann-windowed segments overlapping by half, each zero-padded to a power of two and
 * transformed (radix-2 FFT), their periodograms averaged and scaled so that the power integrates over frequency
 * to the series' variance (Parseval, up to the window's leakage).
 */
export function populationSpectrum(series: ArrayLike<number>, options: SpectrumOptions = {}): Spectrum {
  if (typeof series !== "object" || series === null || typeof series.length !== "number") {
    throw new TypeError(`series: must be an array of numbers, got ${describe(series)}`);
  }
  const n = series.length;
  if (n < 8) throw new RangeError(`series: needs at least 8 samples, got ${n}`);
  const dtRaw = Object.hasOwn(options, "dt") ? options.dt : undefined;
  const segmentRaw = Object.hasOwn(options, "segment") ? options.segment : undefined;
  const dt = dtRaw === undefined ? 1 : checkNumber(dtRaw, "dt", {min: 0, minExclusive: true});
  const segment =
    segmentRaw === undefined ? 256 : checkNumber(segmentRaw, "segment", {min: 8, max: 1 << 20, integer: true});
  let mean = 0;
  for (let i = 0; i < n; i++) mean += checkNumber(series[i], `series[${i}]`);
  mean /= n;

  const length = Math.min(segment, n);
  let size = 1;
  while (size < length) size *= 2;
  const window = Float64Array.from({length}, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 0.5)) / length));
  const windowPower = window.reduce((sum, w) => sum + w * w, 0);
  const hop = Math.max(1, length >> 1);
  const bins = size / 2 + 1;
  const power = new Float64Array(bins);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  let segments = 0;
  for (let start = 0; start + length <= n; start += hop) {
    re.fill(0);
    im.fill(0);
    for (let i = 0; i < length; i++) re[i] = (series[start + i]! - mean) * window[i]!;
    fft(re, im);
    for (let f = 0; f < bins; f++) power[f] = power[f]! + re[f]! * re[f]! + im[f]! * im[f]!;
    segments++;
  }
  const rate = 1000 / dt; // samples per second
  for (let f = 0; f < bins; f++) {
    const oneSided = f === 0 || f === size / 2 ? 1 : 2;
    power[f] = (oneSided * power[f]!) / (segments * rate * windowPower);
  }
  const frequency = Float64Array.from({length: bins}, (_, f) => (f * rate) / size);
  return {frequency, power, segments};
}

/** The frequency (Hz) of the largest power within [min, max] Hz (NaN when no frequency of the spectrum is there). */
export function spectrumPeak(spectrum: Spectrum, min = 0, max = Infinity): number {
  let best = NaN;
  let bestPower = -Infinity;
  for (let f = 0; f < spectrum.frequency.length; f++) {
    const hz = spectrum.frequency[f]!;
    if (hz >= min && hz <= max && spectrum.power[f]! > bestPower) {
      bestPower = spectrum.power[f]!;
      best = hz;
    }
  }
  return best;
}

/** In-place radix-2 decimation-in-time FFT of (re, im); the length must be a power of two. */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len *= 2) {
    const angle = (-2 * Math.PI) / len;
    for (let start = 0; start < n; start += len) {
      for (let k = 0; k < len / 2; k++) {
        const wr = Math.cos(angle * k);
        const wi = Math.sin(angle * k);
        const a = start + k;
        const b = a + len / 2;
        const xr = re[b]! * wr - im[b]! * wi;
        const xi = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - xr;
        im[b] = im[a]! - xi;
        re[a] = re[a]! + xr;
        im[a] = im[a]! + xi;
      }
    }
  }
}
