/**
 * Controls print as their values: next to every slider, number box, menu or text field of a page, a
 * print-only span (class "print-value", hidden on screen by src/styles/print.css) repeats the control's
 * current value, "a = 0.02", and follows it as it changes. Sliders that Observable Inputs pairs with a number
 * box get one span for the pair. Generic: it watches the page for controls added later (pages render their
 * cells after load).
 */

/** The controls whose value is not visible in print as it is (checkboxes and radios print as they are). */
const SELECTOR = 'input[type="range"], input[type="number"], input[type="text"], input:not([type]), select';

/** The label text of a control: its <label for>, the label it sits in, or that of its Inputs form. */
export function controlLabel(control: HTMLInputElement | HTMLSelectElement): string {
  const own = control.labels?.[0]?.textContent?.trim();
  if (own) return own;
  const form = control.closest("form");
  const formLabel = form?.querySelector(":scope > label")?.textContent?.trim();
  if (formLabel) return formLabel;
  return control.getAttribute("aria-label")?.trim() ?? "";
}

/** The value as a reader would read it: a menu's selected option text, else the field's value. */
export function controlValue(control: HTMLInputElement | HTMLSelectElement): string {
  if (control instanceof HTMLSelectElement)
    return [...control.selectedOptions].map((o) => o.textContent?.trim() ?? o.value).join(", ");
  return control.value;
}

/** The control that speaks for a pair: Inputs.range's number box stands for its slider. */
function representative(control: HTMLInputElement | HTMLSelectElement): HTMLInputElement | HTMLSelectElement | null {
  if (control instanceof HTMLInputElement && control.type === "range") {
    const twin = control.parentElement?.querySelector<HTMLInputElement>('input[type="number"]');
    if (twin) return null; // the number box beside it carries the value
  }
  return control;
}

function spanFor(control: HTMLInputElement | HTMLSelectElement): HTMLSpanElement {
  const next = control.nextElementSibling;
  if (next instanceof HTMLSpanElement && next.classList.contains("print-value")) return next;
  const span = control.ownerDocument.createElement("span");
  span.className = "print-value";
  span.setAttribute("aria-hidden", "true");
  control.after(span);
  return span;
}

/** Writes "label = value" into the control's print span. */
export function mirror(control: HTMLInputElement | HTMLSelectElement): void {
  const label = controlLabel(control);
  const value = controlValue(control);
  const text = label ? `${label} = ${value}` : value;
  const span = spanFor(control);
  if (span.textContent !== text) span.textContent = text; // no needless mutation: the observer below would rescan
}

/** Mirrors every control of `root` now, on every change, and for controls added later. */
export function mirrorControlsForPrint(root: Document): void {
  const scan = () => {
    for (const control of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>(SELECTOR)) {
      if (control.closest(".site-nav")) continue;
      const shown = representative(control);
      if (shown) mirror(shown);
    }
  };
  const update = (e: Event) => {
    const target = e.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    if (!target.matches(SELECTOR)) return;
    const shown =
      representative(target) ?? target.parentElement?.querySelector<HTMLInputElement>('input[type="number"]');
    // After the page's own handlers: Inputs.range copies the slider into its number box in its listener.
    if (shown) setTimeout(() => mirror(shown), 0);
  };
  root.addEventListener("input", update, true);
  root.addEventListener("change", update, true);
  let pending = false;
  // Only nodes that bring controls need a scan: charts redrawing their text (every slider step) do not.
  const bringsControls = (r: MutationRecord) =>
    [...r.addedNodes].some((n) => n instanceof Element && (n.matches(SELECTOR) || n.querySelector(SELECTOR) !== null));
  new MutationObserver((records) => {
    if (pending || !records.some(bringsControls)) return;
    pending = true;
    // Batch a burst of changes (a cell rendering) into one scan on the next frame.
    requestAnimationFrame(() => {
      pending = false;
      scan();
    });
  }).observe(root.body, {childList: true, subtree: true});
  scan();
  // A value set by script (not by the reader) fires no event: rescan just before printing.
  globalThis.addEventListener?.("beforeprint", scan);
}
