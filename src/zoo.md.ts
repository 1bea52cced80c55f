/**
 * Page loader of /zoo (Framework runs it with tsx at build and preview time and serves what it prints as the
 * page's Markdown). It prints src/zoo.md.in with the gallery's first row pre-rendered as static HTML, so the
 * first panels are visible at the first paint, before any script has loaded; the gallery then replaces them in
 * place with live panels drawn from the same library calls (ZooGallery.renderFirstRow, here under jsdom).
 * Edit the page's text in src/zoo.md.in (the dev server reloads on changes to this file only).
 */
import {readFileSync} from "node:fs";
import {JSDOM} from "jsdom";

const MARKER = "<!-- FIRST ROW: src/zoo.md.ts puts the features grid here, with its first row pre-rendered. -->";

const {window} = new JSDOM("");
Object.assign(globalThis, {document: window.document});

const {simulate} = await import("./lib/simulate.js");
const {CLASSES} = await import("./lib/presets/classes2003.js");
const {FEATURES} = await import("./lib/presets/features2004.js");
const {classifyFiringPattern} = await import("./lib/analysis/classifyFiringPattern.js");
const {zooEntries} = await import("./components/zoo/zooModel.js");
const {ZooGallery} = await import("./components/zoo/zooGallery.js");

const gallery = new ZooGallery({
  entries: zooEntries(FEATURES, CLASSES),
  presets: {...CLASSES, ...FEATURES},
  lib: {simulate, classifyFiringPattern},
  mode: "published"
});
gallery.renderFirstRow();
const grid = gallery.sections.features;
grid.id = "zoo-features";
grid.dataset.prerendered = "true";

const page = readFileSync(new URL("./zoo.md.in", import.meta.url), "utf8");
if (!page.includes(MARKER)) throw new Error(`src/zoo.md.in: the marker ${MARKER} is missing`);
// One line of HTML (no blank line inside), so Markdown keeps it as a single HTML block.
process.stdout.write(page.replace(MARKER, grid.outerHTML.replace(/\n\s*\n/g, "\n")));
