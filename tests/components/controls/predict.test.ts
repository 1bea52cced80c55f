// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {AnswerPending, Predict, verdictText} from "../../../src/components/controls/predict.js";

const choices = ["Faster", "Slower", "No change"];
const radios = (form: HTMLElement) => Array.from(form.querySelectorAll<HTMLInputElement>("input[type=radio]"));
const button = (form: HTMLElement) => form.querySelector("button") as HTMLButtonElement;
const answerRegion = (form: HTMLElement) => form.querySelector("[role=status]") as HTMLElement;

describe("Predict({question, choices, answer, reveal})", () => {
  it("renders the question as a legend over one labelled radio per choice, and an empty live region", () => {
    const form = Predict({question: "Which way?", choices, answer: 0, reveal: "Because."});
    expect(form.tagName).toBe("FORM");
    expect(form.querySelector("fieldset > legend")?.textContent).toBe("Which way?");
    const inputs = radios(form);
    expect(inputs.map((r) => r.parentElement?.textContent?.trim())).toEqual(choices);
    expect(new Set(inputs.map((r) => r.name)).size).toBe(1);
    expect(button(form).type).toBe("button");
    expect(button(form).textContent).toBe("Reveal");
    expect(answerRegion(form).getAttribute("aria-live")).toBe("polite");
    expect(answerRegion(form).textContent).toBe("");
  });

  it("gives separate radio groups to separate prompts", () => {
    const one = Predict({question: "Q1", choices, answer: 0, reveal: "x"});
    const two = Predict({question: "Q2", choices, answer: 0, reveal: "x"});
    expect(radios(one)[0].name).not.toBe(radios(two)[0].name);
  });

  it("says a right choice is right and shows the explanation", () => {
    const form = Predict({question: "Q", choices, answer: 1, reveal: "Recovery is slower."});
    radios(form)[1].checked = true;
    button(form).click();
    expect(answerRegion(form).textContent).toBe("Right: “Slower”.Recovery is slower.");
    expect(radios(form)[1].parentElement?.classList.contains("predict-right")).toBe(true);
    expect(form.querySelector(".predict-wrong")).toBeNull();
  });

  it("says a wrong choice is wrong, naming both the pick and the answer", () => {
    const form = Predict({question: "Q", choices, answer: 1, reveal: "Because."});
    radios(form)[2].checked = true;
    button(form).click();
    expect(answerRegion(form).querySelector(".predict-verdict")?.textContent).toBe(
      "Not quite: you chose “No change”; the answer is “Slower”."
    );
    expect(radios(form)[2].parentElement?.classList.contains("predict-wrong")).toBe(true);
    expect(radios(form)[1].parentElement?.classList.contains("predict-right")).toBe(true);
  });

  it("reveals without a choice too", () => {
    expect(verdictText(-1, 0, choices)).toBe("You made no prediction. The answer: “Faster”.");
  });

  it("calls a reveal function at each reveal, so live numbers are current", () => {
    let value = 1;
    const form = Predict({question: "Q", choices, answer: 0, reveal: () => `rate ${value} Hz`});
    button(form).click();
    expect(answerRegion(form).querySelector(".predict-explanation")?.textContent).toBe("rate 1 Hz");
    value = 2;
    radios(form)[0].checked = true;
    button(form).click();
    expect(answerRegion(form).querySelector(".predict-explanation")?.textContent).toBe("rate 2 Hz");
    expect(answerRegion(form).querySelector(".predict-verdict")?.textContent).toBe("Right: “Faster”.");
  });

  it("accepts a DOM node from the reveal function", () => {
    const node = document.createElement("strong");
    node.textContent = "bold";
    const form = Predict({question: "Q", choices, answer: 0, reveal: () => node});
    button(form).click();
    expect(answerRegion(form).querySelector("strong")).toBe(node);
  });

  it("shows the error when the reveal function fails, rather than a blank", () => {
    const form = Predict({
      question: "Q",
      choices,
      answer: 0,
      reveal: () => {
        throw new Error("no trace");
      }
    });
    button(form).click();
    expect(answerRegion(form).querySelector(".predict-error")?.textContent).toMatch(/could not be computed: no trace/);
  });

  it("rejects bad options with a message naming the field and the value", () => {
    const ok = {question: "Q", choices, answer: 0, reveal: "x"};
    expect(() => Predict({...ok, answer: 3})).toThrow(/Predict: answer: must be a finite integer ≥ 0 and ≤ 2, got 3/);
    expect(() => Predict({...ok, answer: 0.5})).toThrow(/answer/);
    expect(() => Predict({...ok, choices: ["only"]})).toThrow(/choices must be an array of at least two/);
    expect(() => Predict({...ok, question: ""})).toThrow(/question must be a non-empty string, got ""/);
    expect(() => Predict({...ok, reveal: 3 as unknown as string})).toThrow(
      /reveal must be a string or a function, got 3/
    );
    expect(() => Predict({...ok, answr: 1} as unknown as typeof ok)).toThrow(/unknown key "answr"/);
  });

  it("is an input whose value turns true at the first reveal, announced by one input event", () => {
    const form = Predict({question: "Q", choices, answer: 0, reveal: "x"});
    const seen: boolean[] = [];
    form.addEventListener("input", () => seen.push(form.value));
    expect(form.value).toBe(false);
    radios(form)[2].checked = true;
    radios(form)[2].dispatchEvent(new Event("input", {bubbles: true}));
    expect(seen).toEqual([]); // choosing is not committing
    button(form).click();
    button(form).click(); // "Reveal again" does not announce again
    expect(form.value).toBe(true);
    expect(seen).toEqual([true]);
  });
});

describe("AnswerPending(what)", () => {
  it("says what will appear and when, in a note of class answer-pending", () => {
    const note = AnswerPending("The chart of both runs");
    expect(note.className).toBe("answer-pending");
    expect(note.textContent).toBe(
      "The chart of both runs appears here once you have answered the question above and pressed Reveal."
    );
  });
});
