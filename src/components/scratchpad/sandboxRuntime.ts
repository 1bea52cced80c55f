/**
 * The scratchpad's runtime inside the sandboxed iframe (bundled with the library and Plot by
 * src/data/scratchpad-lib.js.ts; never loaded by the page itself). It runs one prepared cell (see cellSource.ts):
 * the library's exports, `Plot`, `display` and `width` are in scope; every displayed value and the returned
 * value are shown in the iframe's document, and an error as a readable message. The iframe reports its
 * document's height and the outcome to the page by postMessage.
 */

/** What the sandbox tells the page: its content height (px), and the outcome of the run. */
export type SandboxMessage =
  | {type: "size"; height: number}
  | {type: "done"; ok: true; ms: number}
  | {type: "done"; ok: false; error: string; ms: number};

const MAX_ITEMS = 20;
const MAX_TEXT = 20_000;

/** A readable one-value text: strings as they are, arrays and typed arrays abridged, objects as JSON-like text. */
export function formatValue(value: unknown, depth = 0): string {
  if (typeof value === "string") return depth === 0 ? value : JSON.stringify(value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function") return `ƒ ${value.name || "(anonymous)"}()`;
  if (typeof value === "symbol") return value.toString();
  if (value === null || typeof value !== "object") return String(value);
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof Date) return value.toISOString();
  const inner = (v: unknown) =>
    depth >= 2 ? (typeof v === "object" && v !== null ? "…" : formatValue(v, 3)) : formatValue(v, depth + 1);
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const list = value as ArrayLike<unknown>;
    const shown = Array.from({length: Math.min(list.length, MAX_ITEMS)}, (_, i) => inner(list[i]));
    if (list.length > MAX_ITEMS) shown.push(`… ${list.length - MAX_ITEMS} more`);
    const name = Array.isArray(value) ? "" : `${value.constructor.name}(${list.length}) `;
    return `${name}[${shown.join(", ")}]`;
  }
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  const shown = entries.slice(0, MAX_ITEMS).map(([k, v]) => `${String(k)}: ${inner(v)}`);
  if (entries.length > MAX_ITEMS) shown.push(`… ${entries.length - MAX_ITEMS} more`);
  const name = value.constructor && value.constructor !== Object ? `${value.constructor.name} ` : "";
  return `${name}{${shown.join(", ")}}`;
}

/** The message of anything thrown: "TypeError: …" for errors, the value's text otherwise. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `Thrown: ${formatValue(error)}`;
}

/** Shows one value in `out`: a node as it is, anything else as text. */
function show(out: HTMLElement, value: unknown): void {
  if (value instanceof Node) out.append(value);
  else {
    const pre = document.createElement("pre");
    const text = formatValue(value);
    pre.textContent = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
    out.append(pre);
  }
}

function showError(out: HTMLElement, message: string): void {
  const pre = document.createElement("pre");
  pre.className = "error";
  pre.setAttribute("role", "alert");
  pre.textContent = message;
  out.append(pre);
}

/** The names the runtime itself puts in a cell's scope. */
const RESERVED = new Set(["__lib", "__import", "Plot", "display", "width"]);
const isIdentifier = (name: string) => /^[A-Za-z_$][\w$]*$/.test(name) && !RESERVED.has(name);

/**
 * Runs the prepared cell `body` (an async function body) with the library's exports in scope, shows its
 * output in `out` and reports to `post`. The body runs in a block of its own, so it may redeclare any name.
 */
export async function runCell(
  body: string,
  lib: Record<string, unknown>,
  Plot: unknown,
  out: HTMLElement,
  post: (message: SandboxMessage) => void
): Promise<void> {
  // The height is reported after each output and on every resize. (Chromium does not render an iframe of
  // another origin while it is off screen, so the resize observer alone would wait until it is scrolled to.)
  const report = () => post({type: "size", height: Math.ceil(document.documentElement.scrollHeight)});
  new ResizeObserver(report).observe(document.body);
  const start = performance.now();
  const fail = (message: string) => {
    showError(out, message);
    report();
  };
  // Errors after the cell returned (a timer, a promise nobody awaited) are shown too.
  addEventListener("error", (event) =>
    fail(event.error === undefined ? String(event.message) : errorMessage(event.error))
  );
  addEventListener("unhandledrejection", (event) => fail(errorMessage(event.reason)));
  const names = Object.keys(lib).filter(isIdentifier);
  const display = (value: unknown) => {
    show(out, value);
    report();
    return value;
  };
  const width = Math.max(200, out.clientWidth || document.body.clientWidth);
  // What a rewritten `import` receives (cellSource.ts): the module, after checking the names it asks for.
  const modules = {lib, plot: Plot as Record<string, unknown>};
  const importer = (kind: "lib" | "plot", names: string[]) => {
    const module = modules[kind];
    const missing = names.filter((name) => !(name in module));
    const where = kind === "lib" ? "the library" : "@observablehq/plot";
    if (missing.length) throw new SyntaxError(`${missing.join(", ")}: not exported by ${where}`);
    return module;
  };
  try {
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...args: unknown[]) => Promise<unknown>;
    const run = new AsyncFunction(
      "__lib",
      "__import",
      "Plot",
      "display",
      "width",
      `const {${names.join(", ")}} = __lib;\n{\n${body}\n}`
    );
    const value = await run(lib, importer, Plot, display, width);
    if (value !== undefined) show(out, value);
    else if (!out.hasChildNodes())
      out.append(
        Object.assign(document.createElement("p"), {
          className: "empty",
          textContent: "Done (the cell returned no value)."
        })
      );
    report();
    post({type: "done", ok: true, ms: performance.now() - start});
  } catch (error) {
    const message = errorMessage(error);
    fail(message);
    post({type: "done", ok: false, error: message, ms: performance.now() - start});
  }
}
