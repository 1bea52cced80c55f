/**
 * The site's header bar (Framework's `header` option, rendered at build time for each page): the sections,
 * the tutorial's chapters and the lab's pages as keyboard-accessible dropdowns, the current page marked with
 * aria-current="page". On a phone the bar collapses into one menu button (src/components/nav/navClient.ts
 * opens it; src/styles/nav.css lays it out). Plain HTML, no request to any other host.
 */
import {CHAPTERS} from "../tutorial/chapters.js";

/** One link of the header: its clean path (as Framework names pages) and its text. */
export interface NavLink {
  path: string;
  name: string;
}

/** A group of pages shown as a dropdown. */
export interface NavGroup {
  name: string;
  pages: NavLink[];
}

/** The dynamics lab's pages, in reading order (also the order of their prev/next links). */
export const LAB_PAGES: readonly NavLink[] = Object.freeze([
  {name: "Is it chaos?", path: "/lab/chaos"},
  {name: "Orbit diagrams", path: "/lab/orbits"},
  {name: "Behaviour atlas", path: "/lab/atlas"},
  {name: "Numerics", path: "/lab/numerics"}
]);

/** The tutorial's contents page and its chapters, numbered. */
export const TUTORIAL_PAGES: readonly NavLink[] = Object.freeze([
  {name: "Contents", path: "/tutorial/"},
  ...CHAPTERS.map((c, i) => ({name: `${i + 1}. ${c.title}`, path: `/tutorial/${c.slug}`}))
]);

/** The header's entries, left to right: single pages and the two dropdowns. */
export const NAV: readonly (NavLink | NavGroup)[] = Object.freeze([
  {name: "Explorer", path: "/"},
  {name: "Zoo", path: "/zoo"},
  {name: "Compare", path: "/compare"},
  {name: "2007 cells", path: "/cells2007"},
  {name: "Network", path: "/network"},
  {name: "Tutorial", pages: [...TUTORIAL_PAGES]},
  {name: "Lab", pages: [...LAB_PAGES]},
  {name: "Scratchpad", path: "/scratchpad"},
  {name: "Methods", path: "/methods"}
]);

/** A page path as Framework passes it ("/index", "/tutorial/index", "/zoo") in the header's form ("/", "/tutorial/"). */
export function cleanPath(path: string): string {
  const bare = path.replace(/[?#].*$/, "").replace(/\.html$/, "");
  return bare.endsWith("/index") ? bare.slice(0, -"index".length) : bare === "" ? "/" : bare;
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})[c]!);

function link({path, name}: NavLink, current: string): string {
  const here = path === current ? ' aria-current="page"' : "";
  return `<a href="${path}"${here}>${escape(name)}</a>`;
}

/** The header's HTML for the page at `path` (Framework's page path, e.g. "/lab/atlas" or "/index"). */
export function siteHeader(path: string): string {
  const current = cleanPath(path);
  const items = NAV.map((entry) => {
    if (!("pages" in entry)) return `<li>${link(entry, current)}</li>`;
    const inside = entry.pages.some((p) => p.path === current);
    return (
      `<li><details class="site-nav-group"${inside ? ' data-current=""' : ""}>` +
      `<summary>${escape(entry.name)}</summary>` +
      `<ul>${entry.pages.map((p) => `<li>${link(p, current)}</li>`).join("")}</ul></details></li>`
    );
  });
  return (
    `<nav class="site-nav" aria-label="Site">` +
    `<a class="site-nav-title" href="/">Izhikevich explorer</a>` +
    `<button type="button" class="site-nav-toggle" aria-expanded="false" aria-controls="site-nav-list">Menu</button>` +
    `<ul id="site-nav-list" class="site-nav-list">${items.join("")}</ul>` +
    `</nav>` +
    `<script type="module" src="/components/nav/navClient.js"></script>`
  );
}
