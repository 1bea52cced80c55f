/**
 * Chart widths for the explorer's rows. The rows put a 300-px controls column and a 24-px gap beside the
 * charts when the main column is at least 760 px wide (the container query in scripts/assets.mjs, site.css);
 * below that, controls stack above full-width charts.
 */
export const WIDE = 760;
export const CONTROLS_WIDTH = 300;
export const GAP = 24;

/** The width of a chart in an explorer row, given Framework's reactive `width` (of <main>). */
export function chartWidth(width: number): number {
  const w = width >= WIDE ? width - CONTROLS_WIDTH - GAP : width;
  return Math.max(240, Math.floor(w));
}
