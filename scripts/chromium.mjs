// How this project launches Debian's Chromium, shared by the browser tests, the browser benchmark and the
// screenshot script. The background-networking flags keep Chromium from calling Google's hosts at start-up,
// which this machine's closed network refuses (Chromium tries them at every start).

/** The Chromium binary: Debian's, unless CHROMIUM_PATH names another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launch flags for headless runs as root on a machine without a GPU or outside network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic"
];
