/** The small DOM helpers the components share. */

/** An element with `props` assigned (className, textContent, type, …) and `children` appended. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/**
 * Sets an element's text, touching the document only when it differs, and then by changing its one text node in
 * place: assigning textContent replaces the node even with the same text, and the pages rewrite their notes and
 * readouts at every step of a drag.
 */
export function setText(node: Element, text: string): void {
  if (node.textContent === text) return;
  const only = node.firstChild;
  if (only !== null && only === node.lastChild && only.nodeType === Node.TEXT_NODE) (only as Text).data = text;
  else node.textContent = text;
}

/**
 * Sets a form control's value only when it differs: a script's write of a menu's value, even of the value it
 * already has, makes Chromium's autofill run a task of its own ("FormControlDidChange") that forces style and
 * layout. The comparison page wrote two menus' values at every step of a drag: two such tasks per step, about
 * 6 ms of the main thread's time (headless Chromium, 2 cores).
 */
export function setValue(control: HTMLSelectElement | HTMLInputElement, value: string): void {
  if (control.value !== value) control.value = value;
}

/** Checks or unchecks a box or radio only when that changes it (see {@link setValue}). */
export function setChecked(input: HTMLInputElement, checked: boolean): void {
  if (input.checked !== checked) input.checked = checked;
}

/**
 * Gives a menu these options (value and text), rebuilding them only when they differ from its own: pages refill
 * their menus at every update, and an unchanged menu rebuilt at each step of a slider drag was work for nothing.
 * The menu's value is left to the caller.
 */
export function setOptions(select: HTMLSelectElement, options: readonly {value: string; text: string}[]): void {
  const own = select.options;
  const same =
    own.length === options.length &&
    options.every(
      (o, i) => own[i].value === o.value && own[i].textContent === o.text && own[i].parentElement === select
    );
  if (!same) select.replaceChildren(...options.map((o) => el("option", {value: o.value, textContent: o.text})));
}

/**
 * Makes `node` the only content of `box` (null: empties it), touching the document only when it is not that
 * already: a chart redrawn in place and shown again is then not taken out and put back, which made Chromium lay
 * it out anew.
 */
export function showIn(box: Element, node: Node | null): void {
  if (node === null) {
    if (box.firstChild) box.replaceChildren();
  } else if (box.childNodes.length !== 1 || box.firstChild !== node) box.replaceChildren(node);
}
