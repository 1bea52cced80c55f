/**
 * The page's side of the scratchpad's sandbox: one sandboxed iframe per run of a cell. The iframe has
 * `sandbox="allow-scripts"` and no `allow-same-origin`, so its origin is opaque: the cell's code cannot read
 * the page, its storage or its cookies, open windows or navigate the page, and (by the iframe's
 * Content-Security-Policy) cannot make requests. It runs in a process of its own, so a runaway loop does not
 * freeze the page, and stopping a run simply discards the iframe.
 *
 * The library, Plot and the runtime arrive as one script's text (the site's build bundles them), posted into
 * the iframe, which evaluates it (so the iframe itself makes no request). Everything the iframe sends back is checked: only
 * a height and the outcome of the run, shown by the page as text.
 */

/** How a run ended. */
export type Outcome = {kind: "ok"; ms: number} | {kind: "error"; message: string; ms: number} | {kind: "stopped"};

/** A run in progress: `done` settles once, when it ends or is stopped. */
export interface SandboxRun {
  frame: HTMLIFrameElement;
  done: Promise<Outcome>;
  /** Discards the iframe (ending any code still running in it). */
  stop(): void;
}

const MAX_HEIGHT = 5000;
const MIN_HEIGHT = 40;

/**
 * The iframe's document. Its script waits for one "run" message from the page, evaluates the bundle and hands
 * over to the runtime (sandboxRuntime.ts). The CSP allows only the inline script, eval (the bundle, and a cell
 * is compiled with the AsyncFunction constructor), inline styles and data:/blob: images: no request anywhere.
 */
export const SANDBOX_DOCUMENT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:">
<style>
:root { color-scheme: light; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
html, body { margin: 0; background: #fff; color: #1b1e23; }
body { padding: 0.5rem 0.25rem; overflow-x: auto; }
pre { margin: 0.25rem 0; white-space: pre-wrap; word-break: break-word; font: 13px/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
pre.error { color: #b3261e; }
p.empty { margin: 0.25rem 0; color: #5b6370; }
svg { max-width: 100%; height: auto; }
</style></head>
<body><div id="out"></div>
<script type="module">
let started = false;
const post = (message) => parent.postMessage(message, "*");
addEventListener("message", async (event) => {
  if (started || event.source !== parent || !event.data || event.data.type !== "run") return;
  started = true;
  const out = document.getElementById("out");
  try {
    const sandbox = (0, eval)(event.data.bundle + ";\\nscratchpadSandbox");
    await sandbox.runCell(event.data.body, sandbox.lib, sandbox.Plot, out, post);
  } catch (error) {
    const pre = document.createElement("pre");
    pre.className = "error";
    pre.textContent = String(error);
    out.append(pre);
    post({type: "done", ok: false, error: String(error), ms: 0});
  }
});
post({type: "ready"});
</script></body></html>`;

/** Starts running `body` (a prepared cell, see cellSource.ts) in a new sandboxed iframe placed in `container`. */
export function startRun(
  container: HTMLElement,
  bundle: string,
  body: string,
  label = "Output of the cell"
): SandboxRun {
  const frame = document.createElement("iframe");
  frame.setAttribute("sandbox", "allow-scripts");
  frame.className = "scratchpad-frame";
  frame.title = label;
  frame.srcdoc = SANDBOX_DOCUMENT;
  // Keep the old output's height until the new one reports its own, so the page does not jump.
  frame.style.height = `${Math.max(MIN_HEIGHT, container.getBoundingClientRect().height)}px`;

  let settle!: (outcome: Outcome) => void;
  let settled = false;
  const done = new Promise<Outcome>((resolve) => (settle = resolve));
  const finish = (outcome: Outcome) => {
    if (settled) return;
    settled = true;
    settle(outcome);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow || !frame.isConnected) return;
    const message: unknown = event.data;
    if (typeof message !== "object" || message === null) return;
    const {type, height, ok, error, ms} = message as Record<string, unknown>;
    if (type === "ready") frame.contentWindow!.postMessage({type: "run", bundle, body}, "*");
    else if (type === "size" && typeof height === "number" && Number.isFinite(height)) {
      frame.style.height = `${Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(height)))}px`;
    } else if (type === "done") {
      const time = typeof ms === "number" && Number.isFinite(ms) ? ms : 0;
      finish(
        ok === true
          ? {kind: "ok", ms: time}
          : {kind: "error", message: String(error ?? "unknown error").slice(0, 2000), ms: time}
      );
    }
  };
  window.addEventListener("message", onMessage);
  container.replaceChildren(frame);

  return {
    frame,
    done,
    stop() {
      window.removeEventListener("message", onMessage);
      frame.remove();
      finish({kind: "stopped"});
    }
  };
}
