/**
 * One cell's code editor: CodeMirror 6 with JavaScript highlighting. Shift+Enter runs the cell; Tab is left to
 * the browser (it moves the focus on), so the page stays usable from the keyboard.
 */
import {javascript} from "@codemirror/lang-javascript";
import {EditorView, basicSetup} from "codemirror";

export interface CodeEditorOptions {
  /** The editor's accessible name, e.g. "Code of cell 1". */
  label: string;
  /** Called with the new text after every change. */
  onChange?: (code: string) => void;
  /** Called on Shift+Enter. */
  onRun?: () => void;
}

/** A CodeMirror editor holding `code`. */
export function CodeEditor(code: string, {label, onChange, onRun}: CodeEditorOptions): EditorView {
  const view = new EditorView({
    doc: code,
    extensions: [
      // Before basicSetup, so it takes precedence over its Shift+Enter (a new line).
      EditorView.domEventHandlers({
        keydown(event) {
          if (event.key !== "Enter" || !event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return false;
          event.preventDefault();
          onRun?.();
          return true;
        }
      }),
      basicSetup,
      javascript(),
      EditorView.lineWrapping,
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange?.(update.state.doc.toString());
      })
    ]
  });
  // Set on the element itself (not through a facet), so the page can rename a cell when cells are removed.
  view.contentDOM.setAttribute("aria-label", label);
  return view;
}
