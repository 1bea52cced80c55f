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
 * Makes `node` the only content of `box` (null: empties it), touching the document only when it is not that
 * already: a chart redrawn in place and shown again is then not taken out and put back, which made Chromium lay
 * it out anew.
 */
export function showIn(box: Element, node: Node | null): void {
  if (node === null) {
    if (box.firstChild) box.replaceChildren();
  } else if (box.childNodes.length !== 1 || box.firstChild !== node) box.replaceChildren(node);
}
