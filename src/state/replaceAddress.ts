/**
 * Rewriting the address bar without a new history entry: every page keeps its view in its address and
 * rewrites it as the reader changes things (syncUrl in store.ts, the atlas, the scratchpad, the 2007 cells, the
 * zoo's mode).
 */

/** Form controls that still take part in the browser's own saving of their values into the history entry. */
const SAVED = ["form", "input", "select", "textarea"].map((tag) => `${tag}:not([autocomplete])`).join(", ");

/**
 * Replaces the current history entry's address with `url` (path, query and hash); returns false when the
 * browser refused (too many calls in a short time), which leaves the previous address.
 *
 * The page's form controls are first opted out of the browser's form restoration (autocomplete="off"): a page's
 * state lives in its address, not in its controls' remembered values, and Chromium otherwise saves the value of
 * every control into the history entry at each rewrite. On the explorer (114 controls) that was half the cost
 * of a rewrite (2.1 → 0.8 ms in the page, headless Chromium), paid about once a second during a drag.
 */
export function replaceAddress(url: string): boolean {
  for (const control of document.querySelectorAll(SAVED)) control.setAttribute("autocomplete", "off");
  try {
    history.replaceState(history.state, "", url);
    return true;
  } catch {
    return false;
  }
}
