// Observable Framework configuration. The site must work offline: no Google Fonts (globalStylesheets is
// empty; fonts and the Inputs stylesheet are shipped from src/assets, see scripts/assets.mjs).
export default {
  title: "Izhikevich explorer",
  root: "src",
  pages: [{name: "Explorer", path: "/"}],
  globalStylesheets: [],
  head: '<link rel="stylesheet" href="./assets/generated/site.css">',
  footer: "Izhikevich explorer — simple model of spiking neurons (Izhikevich 2003, 2004).",
  search: false,
  toc: false,
  pager: false
};
