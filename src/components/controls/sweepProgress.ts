/** The f–I sweep's progress as a page shows it. */

/** A progress bar with a text label for a running sweep (role progressbar via <progress>). */
export function sweepProgress(done: number, total: number, what = "currents"): HTMLElement {
  const box = document.createElement("div");
  box.className = "sweep-progress";
  const bar = document.createElement("progress");
  bar.max = total;
  bar.value = done;
  bar.setAttribute("aria-label", "f–I sweep progress");
  const text = document.createElement("span");
  text.textContent = ` Sweeping in a background worker: ${done} of ${total} ${what} simulated…`;
  box.append(bar, text);
  return box;
}
