/**
 * Messages the page shows: notices about the link (role="status", id "url-notice"), the warnings of a run,
 * and an error in place of the charts. All text is set with textContent, never parsed as markup.
 */
import {tidyNotices} from "../state/address.js";

/**
 * The notice element for a parsed URL: hidden when there is nothing to say. The notices are shown tidied (the
 * one place this happens): control and bidirectional characters stripped, so a crafted value cannot reverse
 * the page's own words; identical lines once, with their count; at most eight lines.
 */
export function UrlNotice(raw: readonly string[]): HTMLElement {
  const notices = tidyNotices(raw);
  const box = document.createElement("div");
  box.id = "url-notice";
  box.className = "explorer-notice";
  box.setAttribute("role", "status");
  if (notices.length) {
    const p = document.createElement("p");
    p.textContent = "Some settings in this link could not be used as given:";
    const ul = document.createElement("ul");
    for (const notice of notices) {
      const li = document.createElement("li");
      li.textContent = notice;
      ul.append(li);
    }
    box.append(p, ul);
  } else box.hidden = true;
  return box;
}

/** A button a warning offers, e.g. to bring the control it names into view. */
export interface WarningAction {
  label: string;
  /** Shown only when some warning matches. */
  when: RegExp;
  onClick: () => void;
}

/**
 * The warnings of a run (trace.warnings), visibly; an empty, hidden element when there are none. With `action`,
 * a button after them when one of them matches `action.when`.
 */
export function RunWarnings(warnings: string[] | null | undefined, action?: WarningAction): HTMLElement {
  const box = document.createElement("div");
  box.className = "explorer-warning";
  box.setAttribute("role", "status");
  if (warnings?.length) {
    const title = document.createElement("strong");
    title.textContent = warnings.length === 1 ? "Warning from the simulation: " : "Warnings from the simulation:";
    box.append(title);
    if (warnings.length === 1) box.append(warnings[0]);
    else {
      const ul = document.createElement("ul");
      for (const w of warnings) {
        const li = document.createElement("li");
        li.textContent = w;
        ul.append(li);
      }
      box.append(ul);
    }
    if (action && warnings.some((w) => action.when.test(w))) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "explorer-button warning-action";
      button.textContent = action.label;
      button.addEventListener("click", action.onClick);
      box.append(" ", button);
    }
  } else box.hidden = true;
  return box;
}

/**
 * A run's warnings in the reader's words where the page offers the control a warning names: the library's
 * "(raise maxSpikes to go on)" becomes "(raise <control> to go on)", e.g. "the spike budget (Numerics)".
 */
export function nameBudgetControl(warnings: string[] | null | undefined, control: string): string[] | undefined {
  return adviseOnBudget(warnings, `raise ${control} to go on`);
}

/** The library's spike-budget warnings with its advice ("raise maxSpikes to go on") replaced by `advice`. */
export function adviseOnBudget(warnings: string[] | null | undefined, advice: string): string[] | undefined {
  return warnings?.map((w) => w.replace(/\(raise maxSpikes to go on\)/g, `(${advice})`));
}

/** An error message shown in place of the charts. */
export function RunError(message: string): HTMLElement {
  const box = document.createElement("div");
  box.className = "explorer-error";
  box.setAttribute("role", "alert");
  const title = document.createElement("strong");
  title.textContent = "The model could not be run with these settings: ";
  box.append(title, message);
  return box;
}

/** A place on the page for a message that is rebuilt only when it changes (see {@link MessageBox}). */
export interface MessageBox extends HTMLDivElement {
  /**
   * Shows what `make` builds (null: nothing), unless `key` is the key shown already: a page's messages follow
   * every step of a drag, while their text rarely changes with it.
   */
  show(key: string, make: () => Node | null): void;
}

/**
 * An empty box, displayed once by a page, whose content {@link MessageBox.show} replaces only when its key
 * changes: a message displayed anew at each run was taken out of the page and put back, a layout each time.
 */
export function MessageBox(): MessageBox {
  const box = document.createElement("div");
  let shown: string | null = null;
  const show = (key: string, make: () => Node | null) => {
    if (key === shown) return;
    shown = key;
    const content = make();
    box.replaceChildren(...(content ? [content] : []));
  };
  return Object.assign(box, {show});
}

/** Renders with `render`; if it throws, shows the error's message instead (never a blank or broken page). */
export function guard(render: () => Node): Node {
  try {
    return render();
  } catch (e) {
    return RunError(e instanceof Error ? e.message : String(e));
  }
}
