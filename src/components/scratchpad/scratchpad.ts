/**
 * The scratchpad page's assembly: a list of cells, each a code editor with Run, Stop and Remove buttons, a
 * status line and its output (a sandboxed iframe, see sandboxFrame.ts), and a button that adds a cell. The
 * cells' code is mirrored into the address and localStorage (src/state/scratchpadState.ts) as the reader types.
 * Code from a link is shown with a notice and runs only when the reader asks.
 */
import type {EditorView} from "codemirror";
import {replaceAddress} from "../../state/replaceAddress.js";
import {serializeCells, storeCells} from "../../state/scratchpadState.js";
import {el} from "../dom.js";
import {cellBody} from "./cellSource.js";
import {CodeEditor} from "./codeEditor.js";
import {startRun, type SandboxRun} from "./sandboxFrame.js";

export interface ScratchpadOptions {
  /** The cells' code to start with. */
  cells: string[];
  /** True when the code came from a link: then nothing runs until the reader presses Run. */
  fromLink: boolean;
  /** Notices about the link (cells that could not be read), shown as text. */
  notices?: string[];
  /** The text of the sandbox's module (the library, Plot and the runtime); fetched on the first run. */
  bundle: () => Promise<string>;
  /** Where the code is kept; null when the browser offers no storage. */
  storage: Storage | null;
}

interface Cell {
  section: HTMLElement;
  heading: HTMLElement;
  editor: EditorView;
  run: () => Promise<void>;
  remove: HTMLButtonElement;
}

const SAVE_DELAY = 250;

/** The scratchpad: notice, cells and the Add button, in one element. */
export function Scratchpad({cells: initial, fromLink, notices = [], bundle, storage}: ScratchpadOptions): HTMLElement {
  let bundleText: Promise<string> | null = null;
  // Fetched once; a failed fetch is forgotten, so the next Run tries again.
  const loadBundle = () =>
    (bundleText ??= bundle().catch((error: unknown) => {
      bundleText = null;
      throw error;
    }));

  const cells: Cell[] = [];
  const list = el("div", {className: "scratchpad-cells"});
  const addButton = el("button", {type: "button", className: "scratchpad-button", textContent: "Add a cell"});
  const root = el("div", {className: "scratchpad"});

  const notice = el("div", {className: "scratchpad-notice", id: "scratchpad-notice"});
  notice.setAttribute("role", "status");
  if (fromLink) {
    notice.append(
      el("strong", {textContent: "This link brought code with it, and none of it has run. "}),
      "Read it first; then press Run on a cell (or Shift+Enter in its editor) to run it in its sandbox."
    );
  }
  if (notices.length) notice.append(el("ul", {}, ...notices.map((text) => el("li", {textContent: text}))));
  notice.hidden = !fromLink && !notices.length;

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      const codes = cells.map((c) => c.editor.state.doc.toString());
      storeCells(storage, codes);
      replaceAddress(`${location.pathname}${location.search}#${serializeCells(codes)}`);
    }, SAVE_DELAY);
  };

  const renumber = () => {
    cells.forEach((cell, i) => {
      cell.heading.textContent = `Cell ${i + 1}`;
      cell.section.setAttribute("aria-label", `Cell ${i + 1}`);
      cell.editor.contentDOM.setAttribute("aria-label", `Code of cell ${i + 1}`);
      cell.remove.disabled = cells.length === 1;
    });
  };

  function makeCell(code: string): Cell {
    const heading = el("h3", {className: "scratchpad-cell-title"});
    const runButton = el("button", {type: "button", className: "scratchpad-button scratchpad-run", textContent: "Run"});
    const stopButton = el("button", {
      type: "button",
      className: "scratchpad-button scratchpad-stop",
      textContent: "Stop",
      disabled: true
    });
    const removeButton = el("button", {
      type: "button",
      className: "scratchpad-button scratchpad-remove",
      textContent: "Remove"
    });
    const status = el("p", {className: "scratchpad-status", textContent: "Not run yet: press Run or Shift+Enter."});
    status.setAttribute("role", "status");
    const output = el("div", {className: "scratchpad-output"});
    // The run in progress (a token, so a newer run or Stop supersedes it) and the sandbox showing the output.
    let active: object | null = null;
    let sandbox: SandboxRun | null = null;
    const setStatus = (text: string, error = false) => {
      status.className = error ? "scratchpad-status scratchpad-error" : "scratchpad-status";
      status.textContent = text;
    };

    const stop = () => {
      if (!active) return;
      active = null;
      sandbox?.stop();
      sandbox = null;
      stopButton.disabled = true;
      setStatus("Stopped: the cell's sandbox was discarded. Run starts a fresh one.");
    };

    const run = async () => {
      const token = {};
      active = token;
      stopButton.disabled = false;
      setStatus("Running…");
      let text: string;
      try {
        text = await loadBundle();
      } catch (error) {
        if (active !== token) return;
        active = null;
        stopButton.disabled = true;
        setStatus(
          `The library could not be loaded into the sandbox: ${error instanceof Error ? error.message : String(error)}`,
          true
        );
        return;
      }
      if (active !== token) return;
      // A new sandbox for every run: nothing is left over from the last one, which is discarded.
      const previous = sandbox;
      const started = startRun(output, text, cellBody(editor.state.doc.toString()), `Output of ${heading.textContent}`);
      sandbox = started;
      previous?.stop();
      const outcome = await started.done;
      if (active !== token) return;
      active = null;
      stopButton.disabled = true;
      if (outcome.kind === "ok") setStatus(`Ran in ${Math.round(outcome.ms)} ms.`);
      else if (outcome.kind === "error") setStatus(`Error: ${outcome.message}`, true);
    };

    const discard = () => {
      active = null;
      sandbox?.stop();
      sandbox = null;
    };

    const editor = CodeEditor(code, {label: "Code of the cell", onChange: save, onRun: () => void run()});
    const section = el(
      "section",
      {className: "scratchpad-cell"},
      el(
        "div",
        {className: "scratchpad-cell-bar"},
        heading,
        el("div", {className: "scratchpad-cell-actions"}, runButton, stopButton, removeButton)
      ),
      editor.dom,
      status,
      output
    );
    const cell: Cell = {section, heading, editor, run, remove: removeButton};
    runButton.addEventListener("click", () => void run());
    stopButton.addEventListener("click", () => {
      stop();
      output.replaceChildren();
      runButton.focus();
    });
    removeButton.addEventListener("click", () => {
      const index = cells.indexOf(cell);
      if (index < 0 || cells.length === 1) return;
      discard();
      cells.splice(index, 1);
      section.remove();
      renumber();
      save();
      (cells[index - 1] ?? cells[0])!.editor.focus();
    });
    return cell;
  }

  const add = (code: string) => {
    const cell = makeCell(code);
    cells.push(cell);
    list.append(cell.section);
    renumber();
    return cell;
  };

  for (const code of initial) add(code);
  addButton.addEventListener("click", () => {
    add("").editor.focus();
    save();
  });

  root.append(notice, list, el("div", {className: "scratchpad-footer"}, addButton));
  return root;
}
