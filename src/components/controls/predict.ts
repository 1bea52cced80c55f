/**
 * "Predict, then reveal": a question with radio choices and a Reveal button. The reader commits to a guess,
 * presses Reveal, and is told whether the guess was right, followed by the explanation.
 *
 *   Predict({
 *     question: "If a doubles, will the neuron adapt faster or slower?",
 *     choices: ["Faster", "Slower", "No change"],
 *     answer: 0,                                  // index into choices
 *     reveal: () => `It adapts faster: the first ISI is ${fmt(isi)} ms.`   // or a plain string
 *   })
 *
 * - `reveal` may be a string or a function returning a Node or a string; the function is called each time
 *   Reveal is pressed, so the explanation can quote live numbers computed by the library at that moment.
 *   If it throws, the error message is shown in place of the explanation (never a silent blank).
 * - Markup: <form class="predict"> holding a <fieldset> (legend = question, one labelled radio per choice),
 *   a <button type="button"> "Reveal" and an output region with role="status" and aria-live="polite", so a
 *   screen reader announces the verdict. Everything is native form controls: Tab reaches the radios and the
 *   button, arrow keys move between choices, Enter or Space presses the button.
 * - After a reveal the right choice carries the class "predict-right" (and a wrong pick "predict-wrong");
 *   the reader may change the choice and reveal again.
 * - The form is also an input whose `value` says whether it has been revealed (false, then true): the first
 *   Reveal dispatches an "input" event, so a page can hold back the chart that answers the question until the
 *   reader has committed (`const answered = view(Predict(…))`, then `answered ? chart : AnswerPending(…)`).
 *   Choosing a radio does not change the value, and its own input event stays inside the form.
 */
import {checkKeys, checkNumber, describe} from "../../lib/validate.js";

export interface PredictOptions {
  /** The question, shown as the fieldset's legend. */
  question: string;
  /** At least two choices, shown as radio buttons in this order. */
  choices: string[];
  /** Index of the right choice in `choices`. */
  answer: number;
  /** The explanation shown after the verdict; a function is called at reveal time. */
  reveal: string | (() => Node | string);
}

let instances = 0;

export function Predict(options: PredictOptions): HTMLFormElement & {readonly value: boolean} {
  const {question, choices, answer, reveal} = checkOptions(options);
  const id = `predict-${++instances}`;

  const form = document.createElement("form");
  form.className = "predict";
  form.addEventListener("submit", (event) => event.preventDefault());
  let revealed = false;
  Object.defineProperty(form, "value", {get: () => revealed, enumerable: true});

  const fieldset = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = question;
  fieldset.append(legend);
  const radios = choices.map((text, index) => {
    const label = document.createElement("label");
    label.className = "predict-choice";
    const radio = document.createElement("input");
    radio.type = "radio";
    radio.name = id;
    radio.value = String(index);
    label.append(radio, " ", text);
    fieldset.append(label);
    return radio;
  });
  // A radio's own input event would reach listeners on the form as a change of the form's value.
  fieldset.addEventListener("input", (event) => event.stopPropagation());

  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Reveal";
  const output = document.createElement("div");
  output.className = "predict-answer";
  output.id = `${id}-answer`;
  output.setAttribute("role", "status");
  output.setAttribute("aria-live", "polite");
  button.setAttribute("aria-controls", output.id);

  button.addEventListener("click", () => {
    const chosen = radios.findIndex((r) => r.checked);
    radios.forEach((radio, index) => {
      const label = radio.parentElement as HTMLElement;
      label.classList.toggle("predict-right", index === answer);
      label.classList.toggle("predict-wrong", index === chosen && chosen !== answer);
    });
    const verdict = document.createElement("p");
    verdict.className = "predict-verdict";
    verdict.textContent = verdictText(chosen, answer, choices);
    output.replaceChildren(verdict, explanation(reveal));
    button.textContent = "Reveal again";
    form.classList.add("predict-revealed");
    if (!revealed) {
      revealed = true;
      form.dispatchEvent(new Event("input", {bubbles: true}));
    }
  });

  form.append(fieldset, button, output);
  return form as HTMLFormElement & {readonly value: boolean};
}

/**
 * What stands in place of a chart or a passage that answers a question, until the reader has revealed it:
 * a short note saying what will appear there (class "answer-pending", for tests and print).
 */
export function AnswerPending(what: string): HTMLParagraphElement {
  const note = document.createElement("p");
  note.className = "answer-pending";
  note.textContent = `${what} appears here once you have answered the question above and pressed Reveal.`;
  return note;
}

/** The sentence saying whether the reader's pick (-1 for none) was right. */
export function verdictText(chosen: number, answer: number, choices: readonly string[]): string {
  const right = `“${choices[answer]}”`;
  if (chosen < 0) return `You made no prediction. The answer: ${right}.`;
  if (chosen === answer) return `Right: ${right}.`;
  return `Not quite: you chose “${choices[chosen]}”; the answer is ${right}.`;
}

function explanation(reveal: PredictOptions["reveal"]): HTMLElement {
  const box = document.createElement("div");
  box.className = "predict-explanation";
  try {
    const content = typeof reveal === "function" ? reveal() : reveal;
    if (typeof content !== "string" && !(content instanceof Node)) {
      throw new TypeError(`Predict: reveal() must return a string or a DOM node, got ${describe(content)}`);
    }
    box.append(content);
  } catch (error) {
    box.classList.add("predict-error");
    box.textContent = `The explanation could not be computed: ${(error as Error).message}`;
  }
  return box;
}

function checkOptions(options: PredictOptions): PredictOptions {
  checkKeys(options, "Predict options", ["question", "choices", "answer", "reveal"]);
  const {question, choices, answer, reveal} = options;
  if (typeof question !== "string" || !question.trim()) {
    throw new TypeError(`Predict: question must be a non-empty string, got ${describe(question)}`);
  }
  if (!Array.isArray(choices) || choices.length < 2 || !choices.every((c) => typeof c === "string" && c.trim())) {
    throw new TypeError(
      `Predict: choices must be an array of at least two non-empty strings, got ${describe(choices)}`
    );
  }
  checkNumber(answer, "Predict: answer", {min: 0, max: choices.length - 1, integer: true});
  if (typeof reveal !== "string" && typeof reveal !== "function") {
    throw new TypeError(`Predict: reveal must be a string or a function, got ${describe(reveal)}`);
  }
  return options;
}
