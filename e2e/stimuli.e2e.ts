// Browser tests of the explorer's stimulus panel (src/index.md) on the built site: every stimulus kind is
// switched on by keyboard, changes I(t), is written to the address and comes back from it; a part that is off
// shows its controls greyed out and disabled while its checkbox stays in the keyboard's path.
import {expect, test, type Locator, type Page} from "@playwright/test";
import {watch} from "./watch.js";

const MEASURE = "explorer:update";

/** The switchable parts in the panel's order, each with one of its sliders (aria-label) and that slider's key. */
const PARTS = [
  {key: "dc", slider: "DC: I (mV/ms)", param: "dcI"},
  {key: "step", slider: "Step: I (mV/ms)", param: "stepI"},
  {key: "pulses", slider: "Pulse train: amplitude (mV/ms)", param: "pulseI"},
  {key: "ramp", slider: "Ramp: I at start (mV/ms)", param: "rampI"},
  {key: "noise", slider: "Noise: σ (mV/ms)", param: "noiseS"},
  {key: "sine", slider: "Sine: frequency (Hz)", param: "sineF"},
  {key: "chirp", slider: "Chirp: frequency at end (Hz)", param: "chirpF1"}
] as const;

const updates = (page: Page) => page.evaluate((name) => performance.getEntriesByName(name, "measure").length, MEASURE);

/** Opens a page of the explorer, waits for its first update, and brings the stimulus panel into view. */
async function open(page: Page, address: string): Promise<void> {
  await page.goto(address);
  await page.waitForFunction((name) => performance.getEntriesByName(name, "measure").length > 0, MEASURE);
  const tab = page.getByRole("tab", {name: "Stimulus"}); // the panel may sit in a tab of the controls
  if (await tab.count()) await tab.click();
  await expect(page.locator(".stimulus-controls")).toBeVisible();
}

/** Does something and waits until the page has finished the update it caused. */
async function andWait(page: Page, act: () => Promise<void>): Promise<void> {
  const before = await updates(page);
  await act();
  await page.waitForFunction(
    ([name, n]) => performance.getEntriesByName(name as string, "measure").length > (n as number),
    [MEASURE, before]
  );
}

/** The input-current chart, as drawn. */
const currentChart = (page: Page) =>
  page.locator("figure", {has: page.locator("h3", {hasText: "I(t)"})}).evaluate((figure) => figure.outerHTML);

/** The stimulus panel's controls as the reader sees them: each checkbox and slider with its state. */
const panel = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>(".stimulus-controls input")].map(
      (input) =>
        `${input.dataset.key ?? input.getAttribute("aria-label") ?? input.type}=${input.type === "checkbox" ? input.checked : input.value}:${input.disabled ? "disabled" : "enabled"}`
    )
  );

const param = (page: Page, key: string) => page.evaluate((k) => new URLSearchParams(location.search).get(k), key);

const part = (page: Page, key: string): Locator => page.locator(`.stimulus-part[data-part="${key}"]`);

test("a part that is off has its controls disabled, and the keyboard goes from checkbox to checkbox", async ({
  page
}) => {
  const problems = watch(page);
  await open(page, "/?class=RZ");
  for (const {key} of PARTS) {
    const fieldset = part(page, key);
    await expect(fieldset).toHaveClass(/\boff\b/);
    await expect(fieldset.locator(`input[data-key="${key}"]`)).toBeEnabled();
    await expect(fieldset.locator(`input[data-key="${key}"]`)).not.toBeChecked();
    const sliders = fieldset.locator("input[type=range], input[type=number]");
    expect(await sliders.count()).toBeGreaterThan(0);
    for (const slider of await sliders.all()) {
      await expect(slider).toBeDisabled();
      await expect(slider).toBeVisible(); // greyed out, not hidden: the reader sees what switching it on adds
    }
    expect(
      Number(
        await fieldset
          .locator("form")
          .first()
          .evaluate((f) => getComputedStyle(f).opacity)
      )
    ).toBeLessThan(1);
  }
  // Tab skips the disabled sliders: from one part's checkbox straight to the next one's.
  await part(page, PARTS[0].key).locator("input[type=checkbox]").focus();
  for (const {key} of PARTS.slice(1)) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key)).toBe(key);
  }
  expect(problems).toEqual([]);
});

test("every stimulus kind, switched on by keyboard, changes I(t), goes into the address and comes back from it", async ({
  page
}) => {
  test.setTimeout(90_000);
  const problems = watch(page);
  // RZ without its protocol: I(t) is whatever the panel adds.
  await open(page, "/?class=RZ&protocol=0");
  for (const {key, slider, param: name} of PARTS) {
    const fieldset = part(page, key);
    let before = await currentChart(page);
    await andWait(page, async () => {
      await fieldset.locator("input[type=checkbox]").focus();
      await page.keyboard.press("Space");
    });
    await expect(fieldset).not.toHaveClass(/\boff\b/);
    expect(
      await fieldset
        .locator("form")
        .first()
        .evaluate((f) => getComputedStyle(f).opacity)
    ).toBe("1");
    expect(await currentChart(page), `I(t) after switching on ${key}`).not.toBe(before);
    await expect.poll(() => param(page, key), {message: `${key} in the address`}).toBe("1");

    // Its sliders now work, by keyboard too.
    const range = page.locator(`input[type=range][aria-label="${slider}"]`);
    await expect(range).toBeEnabled();
    const from = await range.inputValue();
    before = await currentChart(page);
    await andWait(page, async () => {
      await range.focus();
      await page.keyboard.press("ArrowRight");
    });
    const to = await range.inputValue();
    expect(Number(to), slider).toBeGreaterThan(Number(from));
    expect(await currentChart(page), `I(t) after moving ${slider}`).not.toBe(before);
    await expect.poll(() => param(page, name), {message: `${name} in the address`}).toBe(to);
  }

  // The address alone brings back the same panel and the same I(t): all seven parts, summed.
  const address = page.url();
  const state = await panel(page);
  const drawn = await currentChart(page);
  expect(state.filter((s) => s.endsWith(":disabled"))).toEqual([]);
  await open(page, address);
  await expect(page.locator("#url-notice")).toBeHidden();
  expect(await panel(page)).toEqual(state);
  expect(await currentChart(page)).toBe(drawn);
  expect(problems).toEqual([]);
});
