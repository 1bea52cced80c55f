// @vitest-environment jsdom
// The print mirror: each control gets a print-only span with "label = value", written when the page opens and
// again when it is about to print (not at every input).
import {describe, expect, it} from "vitest";
import {mirrorControlsForPrint} from "../../../src/components/controls/printValues.js";

/** An Inputs-like range form: a label, a slider and its number box. */
function rangeForm(label: string, value: number): HTMLFormElement {
  const form = document.createElement("form");
  form.innerHTML = `<label>${label}</label><div><input type="number" value="${value}"><input type="range" value="${value}"></div>`;
  return form;
}

const printed = () => [...document.querySelectorAll(".print-value")].map((s) => s.textContent);

describe("mirrorControlsForPrint", () => {
  it("writes one span per control pair when the page opens, and the values as they are when it prints", () => {
    document.body.replaceChildren(rangeForm("a (1/ms)", 0.02));
    mirrorControlsForPrint(document);
    expect(printed()).toEqual(["a (1/ms) = 0.02"]);

    const box = document.querySelector<HTMLInputElement>("input[type=number]")!;
    box.value = "0.05";
    box.dispatchEvent(new Event("input", {bubbles: true}));
    // A control added after the page opened.
    const select = document.createElement("select");
    select.setAttribute("aria-label", "Method");
    select.append(new Option("accurate", "adaptive", true, true));
    document.body.append(select);

    window.dispatchEvent(new Event("beforeprint"));
    expect(printed()).toEqual(["a (1/ms) = 0.05", "Method = accurate"]);
    // A second print writes nothing twice.
    window.dispatchEvent(new Event("beforeprint"));
    expect(document.querySelectorAll(".print-value")).toHaveLength(2);
  });
});
