// @vitest-environment jsdom
// showIn: a box's content changes only when what it shows changes, so a chart redrawn in place and shown again
// is never taken out of the page. setOptions: a menu is rebuilt only when its options change. setText: text is
// written only when it changes, into the element's one text node. setValue and setChecked: a form control's value
// or checked state is written only when it changes.
import {describe, expect, it, vi} from "vitest";
import {setChecked, setOptions, setText, setValue, showIn} from "../../src/components/dom.js";

/** The mutations of `node` and everything in it that `change` made. */
function mutationsDuring(node: Node, change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(node, {childList: true, subtree: true, characterData: true});
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

/** showIn(box, node), returning the mutations of the box's children it caused. */
const mutationsOf = (box: Element, node: Node | null) => mutationsDuring(box, () => showIn(box, node));

describe("showIn", () => {
  it("puts a node in an empty box, then leaves the box alone when shown the same node again", () => {
    const box = document.createElement("div");
    const chart = document.createElement("figure");
    expect(mutationsOf(box, chart)).toHaveLength(1);
    expect([...box.childNodes]).toEqual([chart]);
    expect(mutationsOf(box, chart)).toHaveLength(0);
    expect([...box.childNodes]).toEqual([chart]);
  });

  it("replaces the content with another node, and empties the box for null", () => {
    const box = document.createElement("div");
    const chart = document.createElement("figure");
    const message = document.createElement("p");
    showIn(box, chart);
    expect(mutationsOf(box, message)).toHaveLength(1);
    expect([...box.childNodes]).toEqual([message]);
    expect(mutationsOf(box, null)).toHaveLength(1);
    expect(box.childNodes).toHaveLength(0);
    expect(mutationsOf(box, null)).toHaveLength(0);
  });

  it("replaces a box holding the node among others by the node alone", () => {
    const box = document.createElement("div");
    const chart = document.createElement("figure");
    box.append(chart, document.createElement("span"));
    showIn(box, chart);
    expect([...box.childNodes]).toEqual([chart]);
  });
});

describe("setOptions", () => {
  const options = (...pairs: [string, string][]) => pairs.map(([value, text]) => ({value, text}));

  /** The mutations setOptions(select, list) made to the menu. */
  const mutationsOfMenu = (select: HTMLSelectElement, list: {value: string; text: string}[]) =>
    mutationsDuring(select, () => setOptions(select, list));

  it("fills a menu, leaves it alone when given the same options, and rebuilds it when they change", () => {
    const select = document.createElement("select");
    expect(mutationsOfMenu(select, options(["dc", "a constant current"], ["step", "a step"]))).toHaveLength(1);
    select.value = "step";
    expect(mutationsOfMenu(select, options(["dc", "a constant current"], ["step", "a step"]))).toHaveLength(0);
    expect(select.value).toBe("step");
    expect(mutationsOfMenu(select, options(["dc", "a constant current"], ["step", "a longer step"]))).toHaveLength(1);
    expect([...select.options].map((o) => `${o.value}: ${o.textContent}`)).toEqual([
      "dc: a constant current",
      "step: a longer step"
    ]);
    expect(mutationsOfMenu(select, options(["dc", "a constant current"]))).toHaveLength(1);
    expect(select.options).toHaveLength(1);
  });

  it("replaces options grouped in an optgroup by plain ones", () => {
    const select = document.createElement("select");
    const group = document.createElement("optgroup");
    group.append(Object.assign(document.createElement("option"), {value: "RS", textContent: "RS"}));
    select.append(group);
    setOptions(select, options(["RS", "RS"]));
    expect(select.querySelector("optgroup")).toBeNull();
    expect(select.options).toHaveLength(1);
  });
});

describe("setText", () => {
  /** The mutations setText(node, text) caused. */
  const mutations = (node: Element, text: string) => mutationsDuring(node, () => setText(node, text));

  it("leaves the same text alone, and changes a text node's data in place", () => {
    const p = document.createElement("p");
    expect(mutations(p, "a = 0.02").map((r) => r.type)).toEqual(["childList"]);
    const node = p.firstChild;
    expect(mutations(p, "a = 0.02")).toHaveLength(0);
    expect(mutations(p, "a = 0.03").map((r) => r.type)).toEqual(["characterData"]);
    expect(p.firstChild).toBe(node);
    expect(p.textContent).toBe("a = 0.03");
  });

  it("replaces mixed content with the text", () => {
    const p = document.createElement("p");
    p.append("x ", document.createElement("b"));
    setText(p, "plain");
    expect(p.childNodes).toHaveLength(1);
    expect(p.textContent).toBe("plain");
    setText(p, "");
    expect(p.textContent).toBe("");
  });
});

describe("setValue and setChecked", () => {
  it("write a menu's value only when it changes", () => {
    const menu = document.createElement("select");
    setOptions(menu, [
      {value: "dc", text: "a constant current"},
      {value: "step", text: "a step"}
    ]);
    const writes = vi.spyOn(HTMLSelectElement.prototype, "value", "set");
    try {
      setValue(menu, "dc"); // the value it already has (the first option)
      expect(writes).toHaveBeenCalledTimes(0);
      setValue(menu, "step");
      expect(writes).toHaveBeenCalledTimes(1);
      expect(menu.value).toBe("step");
      setValue(menu, "step");
      expect(writes).toHaveBeenCalledTimes(1);
    } finally {
      writes.mockRestore();
    }
  });

  it("write a box's checked state only when it changes", () => {
    const box = document.createElement("input");
    box.type = "checkbox";
    const writes = vi.spyOn(HTMLInputElement.prototype, "checked", "set");
    try {
      setChecked(box, false);
      expect(writes).toHaveBeenCalledTimes(0);
      setChecked(box, true);
      expect(box.checked).toBe(true);
      setChecked(box, true);
      expect(writes).toHaveBeenCalledTimes(1);
    } finally {
      writes.mockRestore();
    }
  });
});
