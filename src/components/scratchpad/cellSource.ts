/**
 * A scratchpad cell's code as the sandbox runs it: the body of an async function. Two rewrites, both on the
 * top level of the cell (found with the JavaScript parser CodeMirror already ships):
 *  - `import … from "…"` of the library or of Observable Plot (the only modules the sandbox has) becomes a
 *    declaration that takes the names from the sandbox's `__import`, so code exported from the explorer runs as
 *    it is; any other module is an error;
 *  - a last statement that is an expression becomes `return (…)`, so its value is shown below the cell, as in
 *    an Observable notebook.
 * Pure: no DOM, testable in Node. A cell that does not parse is passed on unchanged, so the sandbox reports
 * the engine's own SyntaxError.
 */
import {javascriptLanguage} from "@codemirror/lang-javascript";

/** Which of the sandbox's two modules an import names. */
export type ModuleKind = "lib" | "plot";

/** The module an import specifier names, or null when the sandbox has no such module. */
export function moduleKind(specifier: string): ModuleKind | null {
  if (specifier === "@observablehq/plot") return "plot";
  // The library under its package name or as a path to its public surface (lib/index.js, src/lib/index.ts…).
  if (/izhikevich/i.test(specifier) || /(^|\/)lib(\/index(\.[cm]?[jt]s)?)?$/.test(specifier)) return "lib";
  return null;
}

/** One import declaration as a declaration for the sandbox, or an error message. */
export function rewriteImport(text: string): {code: string} | {error: string} {
  const bare = /^import\s*(["'])(.*?)\1\s*;?\s*$/s.exec(text);
  if (bare) {
    return moduleKind(bare[2]!) ? {code: ""} : {error: `cannot import "${bare[2]}": ${ONLY}`};
  }
  const match = /^import\s+([\s\S]*?)\s+from\s*(["'])(.*?)\2\s*;?\s*$/.exec(text);
  if (!match) return {error: `cannot read this import: ${text.trim()}`};
  const [, clause, , specifier] = match as unknown as [string, string, string, string];
  const kind = moduleKind(specifier);
  if (!kind) return {error: `cannot import "${specifier}": ${ONLY}`};
  const from = (names: string[]) => `__import(${JSON.stringify(kind)}, ${JSON.stringify(names)})`;
  const declarations: string[] = [];
  // `D`, `* as X`, `{a, b as c}`, or a default followed by one of the other two.
  let rest = clause.trim();
  const lead = /^([A-Za-z_$][\w$]*)\s*(?:,\s*|$)/.exec(rest);
  if (lead && !rest.startsWith("{")) {
    declarations.push(`const ${lead[1]} = ${from([])};`);
    rest = rest.slice(lead[0].length).trim();
  }
  if (rest.startsWith("*")) {
    const namespace = /^\*\s*as\s+([A-Za-z_$][\w$]*)$/.exec(rest);
    if (!namespace) return {error: `cannot read this import: ${text.trim()}`};
    declarations.push(`const ${namespace[1]} = ${from([])};`);
  } else if (rest.startsWith("{")) {
    const inner = /^\{([\s\S]*)\}$/.exec(rest);
    if (!inner) return {error: `cannot read this import: ${text.trim()}`};
    const pairs: [string, string][] = [];
    for (const part of inner[1]!.split(",")) {
      const item = part.trim();
      if (!item) continue;
      const named = /^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/.exec(item);
      if (!named) return {error: `cannot read this import: ${text.trim()}`};
      pairs.push([named[1]!, named[2] ?? named[1]!]);
    }
    const fields = pairs.map(([name, local]) => (name === local ? name : `${name}: ${local}`));
    declarations.push(`const {${fields.join(", ")}} = ${from(pairs.map(([name]) => name))};`);
  } else if (rest) return {error: `cannot read this import: ${text.trim()}`};
  return {code: declarations.join(" ")};
}

const ONLY = "the scratchpad has the library and @observablehq/plot only";

/** The cell's code as an async function body (see the module comment). */
export function cellBody(code: string): string {
  const tree = javascriptLanguage.parser.parse(code);
  let broken = false;
  tree.iterate({
    enter(node) {
      if (node.type.isError) broken = true;
      return !broken;
    }
  });
  if (broken) return code;
  const statements: {name: string; from: number; to: number; firstChild: {from: number; to: number} | null}[] = [];
  for (let node = tree.topNode.firstChild; node; node = node.nextSibling) {
    if (node.type.name === "LineComment" || node.type.name === "BlockComment") continue;
    const child = node.firstChild;
    statements.push({
      name: node.type.name,
      from: node.from,
      to: node.to,
      firstChild: child && {from: child.from, to: child.to}
    });
  }
  const edits: {from: number; to: number; text: string}[] = [];
  for (const s of statements) {
    if (s.name !== "ImportDeclaration") continue;
    const rewritten = rewriteImport(code.slice(s.from, s.to));
    if ("error" in rewritten) return `throw new Error(${JSON.stringify(rewritten.error)});`;
    edits.push({from: s.from, to: s.to, text: rewritten.code});
  }
  const last = statements.at(-1);
  if (last?.name === "ExpressionStatement" && last.firstChild) {
    const expression = code.slice(last.firstChild.from, last.firstChild.to);
    edits.push({from: last.from, to: last.to, text: `return (${expression}\n);`});
  }
  let body = code;
  for (const edit of edits.sort((a, b) => b.from - a.from))
    body = body.slice(0, edit.from) + edit.text + body.slice(edit.to);
  return body;
}
