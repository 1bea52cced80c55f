/**
 * The header's behaviour in the browser (loaded by the header itself, see siteNav.ts): the phone's menu
 * button opens and closes the list; a dropdown closes on Escape, on a click elsewhere, or when another opens.
 * It also starts the print mirror of the page's controls (printValues.ts), since every page has the header.
 */
import {mirrorControlsForPrint} from "../controls/printValues.js";

function setUp(): void {
  const nav = document.querySelector<HTMLElement>(".site-nav");
  if (!nav) return;
  const toggle = nav.querySelector<HTMLButtonElement>(".site-nav-toggle");
  const groups = [...nav.querySelectorAll<HTMLDetailsElement>("details.site-nav-group")];
  const setOpen = (open: boolean) => {
    nav.classList.toggle("open", open);
    toggle?.setAttribute("aria-expanded", String(open));
  };
  toggle?.addEventListener("click", () => setOpen(!nav.classList.contains("open")));
  for (const group of groups) {
    group.addEventListener("toggle", () => {
      if (group.open) for (const other of groups) if (other !== group) other.open = false;
    });
  }
  document.addEventListener("click", (e) => {
    if (e.target instanceof Node && nav.contains(e.target)) return;
    for (const group of groups) group.open = false;
    setOpen(false);
  });
  nav.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    const open = groups.find((g) => g.open);
    if (open) {
      open.open = false;
      open.querySelector("summary")?.focus();
    } else if (nav.classList.contains("open")) {
      setOpen(false);
      toggle?.focus();
    }
  });
}

setUp();
mirrorControlsForPrint(document);
