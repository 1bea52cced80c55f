/**
 * Controls print as their values: next to every slider, number box, menu or text field of a page, a
 * print-only span (class "print-value", hidden on screen by src/styles/print.css) repeats the control's
 * value, "a = 0.02", as it is when the page prints. Sliders that Observable Inputs pairs with a number box get
 * one span for the pair. Generic: controls a page added after it loaded get their spans when it prints.
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
  if (span.textContent !== text) span.textContent = text;
}

/**
 * Mirrors every control of `root` now, and again whenever the page is about to print: just before printing
 * ("beforeprint") and when print media starts to apply (a print preview, or print emulation). Between prints
 * nothing is done: keeping the spans in step at every input, and watching the page for new controls, cost each
 * step of a slider drag a task and a scan of the nodes its charts added, for spans nobody sees on screen.
 */
export function mirrorControlsForPrint(root: Document): void {
  const scan = () => {
    for (const control of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>(SELECTOR)) {
      if (control.closest(".site-nav")) continue;
      const shown = representative(control);
      if (shown) mirror(shown);
    }
  };
  scan();
  const view = root.defaultView;
  view?.addEventListener("beforeprint", scan);
  view?.matchMedia?.("print").addEventListener?.("change", (event) => {
    if (event.matches) scan();
  });
}
