// @vitest-environment jsdom
// The numerics page's log axes: ticks written as numbers (0.001, 10⁻⁶), never with SI prefixes ("1m", "10µ",
// "1n" would read as milli-, micro- and nano- units of the axis's ms or mV), and thinned so labels never overlap.
import {describe, expect, it} from "vitest";
import {
  ConvergenceFigure,
  CutoffFigure,
  logTickLabel,
  logTicks,
  type Convergence
} from "../../../src/components/lab/numericsPage.js";

const DTS = Array.from({length: 12}, (_, k) => 0.5 / 2 ** k); // 0.5 ms down to 2⁻¹³ ms, as the page runs them
const conv: Convergence = {
  protocol: "RS, I = 10",
  referenceSpikes: 10,
  methods: [
    {method: "euler", points: DTS.map((dt) => ({dt, error: 20 * dt, spikes: 10})), order: 1, fitted: DTS},
    {method: "rk4", points: DTS.map((dt) => ({dt, error: 0.1 * dt ** 4, spikes: 10})), order: 4, fitted: DTS}
  ]
};
const tickTexts = (figure: Element) =>
  [...figure.querySelectorAll("svg[role=img] text")].map((t) => t.textContent ?? "").filter((t) => /\d/.test(t));

describe("the numerics page's log axes", () => {
  it("labels powers of ten as decimals from 0.001 to 10000 and with a superscript exponent beyond", () => {
    expect([1e-9, 3e-6, 1e-4, 0.001, 0.03, 1, 300, 1e4, 1e6].map(logTickLabel)).toEqual([
      "10⁻⁹",
      "3×10⁻⁶",
      "10⁻⁴",
      "0.001",
      "0.03",
      "1",
      "300",
      "10000",
      "10⁶"
    ]);
  });

  it("keeps ticks inside the data and at least a label's width apart", () => {
    const ticks = logTicks(DTS, 230);
    expect(ticks).toEqual([0.001, 0.01, 0.1]);
    for (const t of ticks) expect(t).toBeGreaterThanOrEqual(Math.min(...DTS));
    // 12 decades on a 100-px axis: at most 100 / 56 → 2 labels.
    expect(logTicks([1e-10, 10], 100).length).toBeLessThanOrEqual(2);
    // A short range gets 1-3 steps: 30 to 1000 mV.
    expect(logTicks([30, 1000], 600)).toEqual([30, 100, 300, 1000]);
  });

  for (const width of [310, 1000]) {
    it(`draws no SI-prefixed tick on the convergence and cut-off charts (${width} px)`, () => {
      const texts = [
        ...tickTexts(ConvergenceFigure(conv, ["euler", "rk4"], width)),
        ...tickTexts(
          CutoffFigure({protocol: "FS", points: [30, 100, 1000].map((vPeak) => ({vPeak, spikes: 5, first: 1}))}, width)
        )
      ];
      expect(texts.length).toBeGreaterThan(4);
      for (const t of texts) expect(t, t).not.toMatch(/\d\s*[mµnpk]$/);
    });
  }
});
