// @vitest-environment jsdom
// jsdom cannot run Observable Inputs' sliders (its forms refuse the accessor Inputs defines for `value`), so
// these tests drive a stand-in with the same contract: a number box and a thumb, a `value` that changes only
// when the box holds a valid number, and a thumb that moves to the nearest value in range. The real sliders
// are tested in the browser (e2e/address.e2e.ts).
import {describe, expect, it} from "vitest";
import {
  clampNumberBox,
  followTypedValue,
  showValue,
  type RangeForm
} from "../../../src/components/controls/controls.js";
import {clampToSpec, type NumberSpec} from "../../../src/state/address.js";

/** A stand-in for Inputs.range([min, max], {step, value}). */
function fakeRange(spec: NumberSpec, initial: number): RangeForm {
  const root = document.createElement("div") as unknown as RangeForm;
  const box = document.createElement("input");
  box.type = "number";
  Object.assign(box, {min: String(spec.min), max: String(spec.max), step: String(spec.step)});
  const thumb = document.createElement("input");
  thumb.type = "range";
  Object.assign(thumb, {min: String(spec.min), max: String(spec.max), step: String(spec.step)});
  root.append(box, thumb);
  let value = initial;
  box.addEventListener("input", (event) => {
    const x = box.valueAsNumber;
    if (Number.isFinite(x)) thumb.value = String(clampToSpec(x, spec));
    if (Number.isFinite(x) && box.checkValidity()) value = x;
    else event.stopPropagation();
  });
  Object.defineProperty(root, "value", {
    get: () => value,
    set: (v: number) => {
      value = clampToSpec(v, spec);
      box.value = String(value);
      thumb.value = String(value);
    }
  });
  root.value = initial;
  return root;
}

const A: NumberSpec = {min: -0.1, max: 1, step: 0.001, label: "a"};

/** A slider bound to a model value the way the explorer's controls bind theirs. */
function bound(spec: NumberSpec, initial: number) {
  const model = {value: initial};
  const form = fakeRange(spec, initial);
  const set = (x: number) => (model.value = clampToSpec(x, spec));
  form.addEventListener("input", () => set(form.value));
  followTypedValue(
    form,
    (x) => clampToSpec(x, spec),
    set,
    () => model.value
  );
  document.body.replaceChildren(form);
  const box = form.querySelector<HTMLInputElement>("input[type=number]")!;
  const thumb = form.querySelector<HTMLInputElement>("input[type=range]")!;
  return {model, form, box, thumb};
}

function type(box: HTMLInputElement, text: string, commit = true): void {
  box.focus();
  box.value = text;
  box.dispatchEvent(new Event("input", {bubbles: true}));
  if (commit) box.dispatchEvent(new Event("change", {bubbles: true}));
}

describe("followTypedValue(form, clamp, apply, current)", () => {
  it("a typed value outside the range is clamped visibly: thumb, box and model agree (−1e308 in a)", () => {
    const {model, form, box, thumb} = bound(A, 0.02);
    type(box, "-1e308", false);
    // While the reader types, the model follows the thumb; the box keeps the typed text until committed.
    expect(model.value).toBe(-0.1);
    expect(thumb.valueAsNumber).toBe(-0.1);
    expect(box.value).toBe("-1e308");
    box.dispatchEvent(new Event("change", {bubbles: true}));
    expect(box.valueAsNumber).toBe(-0.1);
    expect(form.value).toBe(-0.1);
  });

  it("snaps a value off the step grid, and restores the value in use when the box is committed empty", () => {
    const {model, box, thumb} = bound(A, 0.02);
    type(box, "0.0234");
    expect(model.value).toBe(0.023);
    expect(thumb.valueAsNumber).toBe(0.023);
    expect(box.valueAsNumber).toBe(0.023);
    type(box, "");
    expect(model.value).toBe(0.023);
    expect(box.valueAsNumber).toBe(0.023);
  });

  it("leaves valid values to the form's own input event", () => {
    const {model, box} = bound(A, 0.02);
    type(box, "0.5");
    expect(model.value).toBe(0.5);
    expect(box.valueAsNumber).toBe(0.5);
  });
});

describe("showValue(form, value)", () => {
  it("moves thumb and box, but never rewrites a box the reader is typing in", () => {
    const {form, box, thumb} = bound(A, 0.02);
    showValue(form, 0.3);
    expect([box.valueAsNumber, thumb.valueAsNumber]).toEqual([0.3, 0.3]);
    box.focus();
    box.value = "0.7";
    showValue(form, 0.4);
    expect(box.value).toBe("0.7");
    box.blur();
    showValue(form, 0.4);
    expect(box.valueAsNumber).toBe(0.4);
  });
});

describe("clampNumberBox(input, [min, max])", () => {
  it("puts the committed value within range before the page's own change listener reads it", () => {
    const input = document.createElement("input");
    input.type = "number";
    input.value = "200";
    clampNumberBox(input, [-2000, 2000]);
    const seen: number[] = [];
    input.addEventListener("change", () => seen.push(Number(input.value)));
    for (const text of ["1e308", "-1e308", "", "150"]) {
      input.value = text;
      input.dispatchEvent(new Event("change"));
    }
    expect(seen).toEqual([2000, -2000, -2000, 150]);
  });
});
