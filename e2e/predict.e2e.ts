// Browser test of every chapter's "predict, then reveal" prompts on the built site: before the reader
// answers, the page shows none of the measured numbers the answer quotes (its .live spans; the page's own
// live readouts of the controls' current state, which the reader sets, do not count) and holds back the
// charts that answer it; after Reveal, those charts are drawn and every measured number of the answer can be
// read elsewhere on the page.
import {expect, test, type Locator, type Page} from "@playwright/test";
import {CHAPTERS} from "../src/components/tutorial/chapters.js";
import {watch} from "./watch.js";

/** Per chapter, per prompt (in page order): how many held-back parts the reveal draws. */
const GATES: Record<string, number[]> = {
  model: [2],
  "recovery-rate": [0],
  coupling: [2],
  reset: [0, 0],
  adaptation: [0],
  input: [1],
  "phase-plane": [1],
  excitability: [1]
};

/** Chapters whose answers quote only counts (integers), which this test does not look for. */
const COUNTS_ONLY = new Set(["reset"]);

/**
 * Numbers the answer quotes that the page shows only for another setting of a control: the control to set
 * (by its label) and the option to choose before looking for them.
 */
const CHOOSE: Record<string, {label: string; option: string}> = {
  excitability: {label: "Neuron", option: "H — Class 2 excitable (2004)"}
};

/** Measured numbers (with a decimal point) in a text, as the page writes them (U+2212 for minus). */
function measured(text: string): string[] {
  return [...new Set(text.match(/[−-]?\d+\.\d+/g) ?? [])];
}

/** Whether `n` occurs in `text` as a whole number (not as part of a longer one). */
function contains(text: string, n: string): boolean {
  const escaped = n.replace(/[.]/g, "\\.");
  return new RegExp(`(?<![\\d.])${escaped}(?![\\d])`).test(text);
}

/**
 * The page's visible text, without the prompts (their questions and answers) and, if asked, without the live
 * readouts; figure captions, legends and prose all count.
 */
async function visibleText(page: Page, {live}: {live: boolean}): Promise<string> {
  return page.evaluate((withLive) => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("form.predict, script, style")) continue;
      if (!withLive && parent.closest(".live")) continue;
      if (!parent.checkVisibility()) continue;
      parts.push(node.textContent ?? "");
    }
    return parts.join(" ");
  }, live);
}

async function open(page: Page, slug: string): Promise<void> {
  await page.goto(`/tutorial/${slug}`);
  await page.waitForLoadState("networkidle");
  await expect(page.locator("form.predict").first()).toBeVisible();
}

for (const chapter of CHAPTERS) {
  test(`chapter "${chapter.slug}": nothing a prompt reveals is on the page before the reader answers`, async ({
    page
  }) => {
    test.setTimeout(120_000);
    const problems = watch(page);
    await open(page, chapter.slug);
    const prompts = page.locator("form.predict");
    const gates = GATES[chapter.slug]!;
    await expect(prompts).toHaveCount(gates.length);
    let checked = 0;
    for (const [k, gate] of gates.entries()) {
      const prompt: Locator = prompts.nth(k);
      // The held-back parts appear as the chapter's runs come back (some in a worker): wait for them.
      await expect
        .poll(() => page.locator(".answer-pending").count(), {message: "held-back parts before the reveal"})
        .toBeGreaterThanOrEqual(gate);
      const pending = await page.locator(".answer-pending").count();
      const before = await visibleText(page, {live: false});
      const question = (await prompt.locator("fieldset").textContent()) ?? "";

      await prompt.locator("input[type=radio]").first().check();
      await prompt.getByRole("button", {name: "Reveal"}).click();
      const explanation = prompt.locator(".predict-explanation");
      await expect(explanation).not.toBeEmpty();
      await expect(prompt.locator(".predict-error")).toHaveCount(0);
      await expect(page.locator(".answer-pending")).toHaveCount(pending - gate, {timeout: 30_000});

      // The answer's measured numbers are its live spans (settings it names, like b = −0.1, are plain text).
      const quoted = measured((await explanation.locator(".live").allTextContents()).join(" ")).filter(
        (n) => !contains(question, n)
      );
      for (const n of quoted) expect(contains(before, n), `${n} was on the page before the reveal`).toBe(false);
      checked += quoted.length;

      const choose = CHOOSE[chapter.slug];
      if (choose) await page.getByLabel(choose.label).selectOption(choose.option);
      for (const n of quoted) {
        await expect
          .poll(async () => contains(await visibleText(page, {live: true}), n), {
            message: `${n}, quoted by the answer, can be read on the page after the reveal`,
            timeout: 30_000
          })
          .toBe(true);
      }
    }
    if (!COUNTS_ONLY.has(chapter.slug)) expect(checked, "measured numbers quoted by the answers").toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
}
