/**
 * "This view as code": a folded panel that shows what the page shows as a runnable program — JavaScript with
 * this library, a Brian2 script or a PyNEST script — with Copy and Download buttons. The code is made only
 * while the panel is open, so a slider drag costs nothing while it is closed.
 */
import {el, setOptions, setValue} from "../dom.js";

export type CodeTarget = "javascript" | "brian2" | "nest";

/** Where the panel's code comes from. */
export interface CodeSource {
  /** The program for `target` and the chosen item (may throw: the message is shown instead of code). */
  code: (target: CodeTarget, item: number) => string;
  /** What the view holds several of (e.g. the compared neurons): the reader picks one; none for one thing. */
  items?: string[];
  /** File name stem of a download, e.g. "explorer-RS". */
  name: string;
  /** The scratchpad's address with this JavaScript code in it (no link when absent). */
  scratchpad?: (code: string) => string;
}

export type CodePanelElement = HTMLDetailsElement & {update: (source: CodeSource) => void};

const TARGETS: {target: CodeTarget; label: string; extension: string; type: string}[] = [
  {target: "javascript", label: "JavaScript", extension: "mjs", type: "text/javascript"},
  {target: "brian2", label: "Brian2 (Python)", extension: "py", type: "text/x-python"},
  {target: "nest", label: "NEST (Python)", extension: "py", type: "text/x-python"}
];

let panels = 0;

/** The panel, closed; `update(source)` gives it the page's current state. */
export function CodePanel(
  source: CodeSource,
  {summary = "This view as code"}: {summary?: string} = {}
): CodePanelElement {
  const id = `code-panel-${++panels}`;
  const panel = el("details", {className: "code-panel"}) as CodePanelElement;
  const choices = el("fieldset", {className: "code-panel-targets"}, el("legend", {textContent: "Language"}));
  let target: CodeTarget = "javascript";
  for (const t of TARGETS) {
    const input = el("input", {type: "radio", name: id, value: t.target, checked: t.target === target});
    input.addEventListener("change", () => {
      target = t.target;
      show();
    });
    choices.append(el("label", {}, input, ` ${t.label}`));
  }
  // Which of several items (e.g. the compared neurons) the code is for; kept across updates.
  let item = 0;
  const itemMenu = el("select", {className: "code-panel-item"});
  itemMenu.setAttribute("aria-label", "Which one");
  itemMenu.addEventListener("change", () => {
    item = Number(itemMenu.value);
    show();
  });
  const itemLabel = el("label", {className: "code-panel-items"}, "For ", itemMenu);
  const code = el("code");
  const pre = el("pre", {className: "code-panel-code", tabIndex: 0}, code);
  pre.setAttribute("aria-label", "The code");
  const status = el("span", {className: "code-panel-status"});
  status.setAttribute("role", "status");
  const copy = el("button", {type: "button", textContent: "Copy"});
  const download = el("button", {type: "button", textContent: "Download"});
  const open = el("a", {className: "code-panel-open", textContent: "Open in the scratchpad"});
  const actions = el("div", {className: "code-panel-actions"}, copy, download, open, status);
  panel.append(el("summary", {textContent: summary}), choices, itemLabel, actions, pre);

  let current = source;
  let text = "";
  fillItems();

  /** The menu of items (e.g. the compared neurons), shown only when there are several. */
  function fillItems(): void {
    const items = current.items ?? [];
    itemLabel.hidden = items.length < 2;
    if (item >= items.length) item = 0;
    setOptions(
      itemMenu,
      items.map((label, i) => ({value: String(i), text: label}))
    );
    if (items.length) setValue(itemMenu, String(item));
  }
  function show(): void {
    if (!panel.open) return;
    const spec = TARGETS.find((t) => t.target === target)!;
    fillItems();
    try {
      text = current.code(target, item);
      code.textContent = text;
      pre.classList.remove("code-panel-error");
      copy.disabled = download.disabled = false;
    } catch (e) {
      text = "";
      code.textContent = `This view cannot be written as ${spec.label} code: ${e instanceof Error ? e.message : e}`;
      pre.classList.add("code-panel-error");
      copy.disabled = download.disabled = true;
    }
    const href = target === "javascript" && text && current.scratchpad ? current.scratchpad(text) : "";
    open.hidden = !href;
    if (href) open.href = href;
    status.textContent = "";
  }
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = "Copied.";
    } catch {
      // No clipboard permission (e.g. an insecure context): select the code so the reader can copy it.
      getSelection()?.selectAllChildren(code);
      status.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
    }
  });
  download.addEventListener("click", () => {
    const spec = TARGETS.find((t) => t.target === target)!;
    const url = URL.createObjectURL(new Blob([text], {type: spec.type}));
    const a = el("a", {
      href: url,
      download: `${current.name}${target === "javascript" ? "" : `-${target}`}.${spec.extension}`
    });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  panel.addEventListener("toggle", show);
  // Writing the code checks the options by running them, so while the panel is open a drag's updates are
  // gathered: the code follows a quarter of a second after the last one.
  let pending: ReturnType<typeof setTimeout> | undefined;
  panel.update = (next) => {
    current = next;
    fillItems();
    clearTimeout(pending);
    if (panel.open) pending = setTimeout(show, 250);
  };
  return panel;
}
