/**
 * The explorer's workbench: the sizes of its charts for the width of the page's main column (Framework's
 * reactive `width`). The breakpoints and column widths are the ones src/styles/explorer.css lays out with
 * container queries on the same column, so a chart's width is the width of the grid cell it sits in:
 *
 *   wide   (≥ 1000 px): controls | v(t), u(t), I(t) | phase plane    — everything on one screen
 *   medium (≥ 720 px):  controls | time charts, then the phase plane below them
 *   narrow:             v(t) (kept in view while the controls scroll), controls, the other charts, the plane
 */

/** Column widths (px) shared with the stylesheet. */
export const WORKBENCH = {wide: 1000, medium: 720, controls: 280, gap: 20} as const;

/** The sizes of the explorer's charts (px). */
export interface WorkbenchSizes {
  layout: "wide" | "medium" | "narrow";
  /** Width of v(t), u(t) and I(t), which share one time axis. */
  traceWidth: number;
  /** Heights of v(t), u(t) and I(t). */
  vHeight: number;
  uHeight: number;
  iHeight: number;
  /** Width of the phase plane (its height follows from it). */
  planeWidth: number;
}

/** The charts' sizes for a main column `width` px wide. */
export function workbenchSizes(width: number): WorkbenchSizes {
  const w = Math.max(280, Math.floor(width));
  const {controls, gap} = WORKBENCH;
  if (w >= WORKBENCH.wide) {
    const rest = w - controls - 2 * gap;
    const planeWidth = Math.round(Math.min(440, Math.max(320, rest * 0.42)));
    return {layout: "wide", traceWidth: rest - planeWidth, vHeight: 190, uHeight: 120, iHeight: 100, planeWidth};
  }
  if (w >= WORKBENCH.medium) {
    const traceWidth = w - controls - gap;
    return {
      layout: "medium",
      traceWidth,
      vHeight: 200,
      uHeight: 130,
      iHeight: 110,
      planeWidth: Math.min(traceWidth, 520)
    };
  }
  return {layout: "narrow", traceWidth: w, vHeight: 160, uHeight: 130, iHeight: 110, planeWidth: w};
}
