/** The f–I sweep's progress as a page shows it. */

/** A progress display that can be brought up to date in place. */
export interface SweepProgress extends HTMLElement {
  /** Shows `done` of `total` (and where the sweep runs), changing only what differs from what is shown. */
  update(done: number, total: number, fallback?: string | null): void;
}

/**
 * A progress bar with a text label for a running sweep (role progressbar via <progress>); `fallback` is why it
 * runs on the main thread instead of a background worker (null: in the worker). A page that hears of progress
 * often calls `update` on one element rather than making a new one per message: no new nodes to lay out.
 */
export function sweepProgress(
  done: number,
  total: number,
  what = "currents",
  fallback: string | null = null
): SweepProgress {
  const box = document.createElement("div");
  box.className = "sweep-progress";
  const bar = document.createElement("progress");
  bar.setAttribute("aria-label", "f–I sweep progress");
  const text = document.createElement("span");
  const label = document.createTextNode("");
  text.append(label);
  box.append(bar, text);
  const update = (done: number, total: number, fallback: string | null = null) => {
    if (bar.max !== total) bar.max = total;
    if (bar.value !== done) bar.value = done;
    const where = fallback ? `on the main thread (${fallback})` : "in a background worker";
    // Before the first report (a sweep starting, or waiting for a slider to rest) there is no count to give.
    const words =
      done > 0 ? ` Sweeping ${where}: ${done} of ${total} ${what} simulated…` : ` Starting the sweep ${where}…`;
    if (label.data !== words) label.data = words;
  };
  update(done, total, fallback);
  return Object.assign(box, {update});
}
