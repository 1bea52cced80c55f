/**
 * A tab list for panels written in a page's markup: the page holds the panels (elements with ids, whatever
 * cells they contain) and this control shows one at a time. It follows the ARIA tabs pattern: arrow keys,
 * Home and End move between the tabs, and the chosen tab's panel is the only one shown.
 */
import {el} from "../dom.js";

/** One tab: its label and the id of the panel element it shows. */
export interface Tab {
  label: string;
  panel: string;
}

/** The tab list element; `select(panelId)` shows a panel from code (e.g. a warning's "show me" link). */
export type TabsElement = HTMLDivElement & {select: (panel: string, focus?: boolean) => void};

/**
 * The tab list for `tabs` (the first is shown). Panels are looked up by id each time, so they may be added to
 * the page after the tab list (a page's cells run in any order).
 */
export function Tabs(tabs: Tab[], {label}: {label: string}): TabsElement {
  const list = el("div", {className: "tabs"}) as TabsElement;
  list.setAttribute("role", "tablist");
  list.setAttribute("aria-label", label);
  const buttons = tabs.map(({label, panel}, i) => {
    const button = el("button", {type: "button", className: "tab", textContent: label});
    button.setAttribute("role", "tab");
    button.id = `tab-${panel}`;
    button.setAttribute("aria-controls", panel);
    button.addEventListener("click", () => select(i, false));
    return button;
  });
  let current = 0;
  function select(index: number, focus: boolean) {
    current = index;
    tabs.forEach(({panel}, i) => {
      const chosen = i === index;
      buttons[i].setAttribute("aria-selected", String(chosen));
      buttons[i].tabIndex = chosen ? 0 : -1;
      const element = document.getElementById(panel);
      if (element) {
        element.hidden = !chosen;
        element.setAttribute("role", "tabpanel");
        element.setAttribute("aria-labelledby", buttons[i].id);
      }
    });
    if (focus) buttons[index].focus();
  }
  list.addEventListener("keydown", (event) => {
    const n = tabs.length;
    const next =
      event.key === "ArrowRight"
        ? (current + 1) % n
        : event.key === "ArrowLeft"
          ? (current + n - 1) % n
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? n - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    select(next, true);
  });
  list.append(...buttons);
  list.select = (panel, focus = true) => {
    const index = tabs.findIndex((t) => t.panel === panel);
    if (index >= 0) select(index, focus);
  };
  // The panels may not be in the document yet: select once now and again when the page has settled.
  select(0, false);
  requestAnimationFrame(() => select(current, false));
  return list;
}
