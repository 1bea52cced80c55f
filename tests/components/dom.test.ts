// @vitest-environment jsdom
// showIn: a box's content changes only when what it shows changes, so a chart redrawn in place and shown again
// is never taken out of the page.
import {describe, expect, it} from "vitest";
import {showIn} from "../../src/components/dom.js";

/** showIn(box, node), returning the mutations of the box's children it caused. */
function mutationsOf(box: Element, node: Node | null): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(box, {childList: true});
  showIn(box, node);
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

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
