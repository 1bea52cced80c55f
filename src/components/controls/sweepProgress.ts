/** The f–I sweep's progress as a page shows it. */

/**
 * A progress bar with a text label for a running sweep (role progressbar via <progress>); `fallback` is why it
 * runs on the main thread instead of a background worker (null: in the worker).
 */
export function sweepProgress(
  done: number,
  total: number,
  what = "currents",
  fallback: string | null = null
): HTMLElement {
  const box = document.createElement("div");
  box.className = "sweep-progress";
  const bar = document.createElement("progress");
  bar.max = total;
  bar.value = done;
  bar.setAttribute("aria-label", "f–I sweep progress");
  const text = document.createElement("span");
  const where = fallback ? `on the main thread (${fallback})` : "in a background worker";
  text.textContent = ` Sweeping ${where}: ${done} of ${total} ${what} simulated…`;
  box.append(bar, text);
  return box;
}
