// Browser tests of the tutorial (src/tutorial/) on the built site: the contents page links every chapter,
// and each link answers; each of chapters 1–5 renders without console errors, moving its first slider redraws the
// chart beside it and changes the live numbers in the text, its Predict prompt reveals by keyboard, its
// chapter navigation works, and it fits a phone.
import {expect, test, type Page} from "@playwright/test";
import {CHAPTERS} from "../src/components/tutorial/chapters.js";
import {watch} from "./watch.js";

/** Chapters 1–5 (this test's), each with the label of the slider to move. */
const MINE: {slug: string; slider: string}[] = [
  {slug: "model", slider: "Step current I"},
  {slug: "recovery-rate", slider: "a (1/ms)"},
  {slug: "coupling", slider: "b (sensitivity of u to v)"},
  {slug: "reset", slider: "c (mV)"},
  {slug: "adaptation", slider: "d (jump of u)"}
];

/**
 * Opens a page; on a chapter, answers its prompts unless asked not to, since a chart that answers a prompt is
 * drawn only after the reveal (e2e/predict.e2e.ts checks that).
 */
async function open(page: Page, path: string, {reveal = true} = {}): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expect(page.locator("h1").first()).toBeVisible();
  if (!reveal) return;
  for (const prompt of await page.locator("form.predict").all()) {
    await prompt.getByRole("button", {name: "Reveal"}).click();
    await expect(prompt.locator(".predict-explanation")).not.toBeEmpty();
  }
  await expect(page.locator(".answer-pending")).toHaveCount(0);
}

test("the contents page lists all chapters in order and links every one", async ({page}) => {
  const problems = watch(page);
  await open(page, "/tutorial/");
  const links = page.locator(".tutorial-contents li > a");
  await expect(links).toHaveText(CHAPTERS.map((c) => c.title));
  for (const [k, chapter] of CHAPTERS.entries()) {
    await expect(links.nth(k)).toHaveAttribute("href", `./${chapter.slug}`);
    const response = await page.request.get(`/tutorial/${chapter.slug}`);
    expect(response.status(), chapter.slug).toBe(200);
  }
  await links.first().click();
  await expect(page).toHaveURL(/\/tutorial\/model$/);
  expect(problems).toEqual([]);
});

for (const [index, {slug, slider}] of MINE.entries()) {
  const chapter = CHAPTERS.find((c) => c.slug === slug)!;
  test.describe(`chapter ${index + 1}: ${slug}`, () => {
    test("renders with titled, labelled charts and no console error", async ({page}) => {
      const problems = watch(page);
      await open(page, `/tutorial/${slug}`);
      await expect(page.locator("h1").first()).toHaveText(chapter.title);
      const charts = page.locator("figure svg[role=img]");
      await expect(charts.first()).toBeVisible();
      for (const svg of await charts.all()) expect(await svg.getAttribute("aria-label")).toBeTruthy();
      for (const fig of await page.locator("figure.explorer-chart").all())
        await expect(fig.locator("h3")).not.toBeEmpty();
      await expect(page.locator(".live").first()).toBeVisible();
      expect(await page.locator(".live").allTextContents()).not.toContain("NaN");
      await expect(page.locator(".tutorial-try a").first()).toBeVisible();
      // Every prompt's explanation computes (its numbers come from live runs at reveal time).
      for (const prompt of await page.locator("form.predict").all()) {
        await prompt.locator("button").click();
        await expect(prompt.locator(".predict-explanation")).not.toBeEmpty();
        await expect(prompt.locator(".predict-error")).toHaveCount(0);
        expect(await prompt.locator(".predict-explanation").textContent()).not.toMatch(/NaN|undefined|—/);
      }
      expect(problems).toEqual([]);
    });

    test("moving the slider redraws the chart beside it and changes the numbers in the text", async ({page}) => {
      const problems = watch(page);
      await open(page, `/tutorial/${slug}`);
      // Observable Inputs label the number box; the range input sits beside it in the same form.
      const range = page
        .locator("form", {has: page.locator("label", {hasText: slider})})
        .locator("input[type=range]")
        .first();
      const row = page.locator(".explorer-row", {has: range});
      const chart = row.locator(".explorer-charts figure svg[role=img]").first();
      await expect(chart).toBeVisible();
      const before = {chart: await chart.innerHTML(), numbers: await page.locator(".live").allTextContents()};
      await range.focus();
      for (let k = 0; k < 15; ++k) await page.keyboard.press("ArrowRight");
      await expect.poll(async () => chart.innerHTML()).not.toBe(before.chart);
      await expect.poll(async () => page.locator(".live").allTextContents()).not.toEqual(before.numbers);
      expect(problems).toEqual([]);
    });

    test("the Predict prompt reveals by keyboard", async ({page}) => {
      await open(page, `/tutorial/${slug}`, {reveal: false});
      const prompt = page.locator("form.predict").first();
      await prompt.locator("input[type=radio]").first().focus();
      await page.keyboard.press("Space");
      await expect(prompt.locator("input[type=radio]").first()).toBeChecked();
      await page.keyboard.press("Tab");
      await expect(prompt.locator("button")).toBeFocused();
      await page.keyboard.press("Enter");
      const answer = prompt.locator("[role=status]");
      await expect(answer.locator(".predict-verdict")).toHaveText(/^(Right|Not quite)/);
      await expect(answer.locator(".predict-explanation")).not.toBeEmpty();
      await expect(answer.locator(".predict-error")).toHaveCount(0);
    });

    test("the chapter navigation links to the neighbours and the contents", async ({page}) => {
      await open(page, `/tutorial/${slug}`);
      const navs = page.locator("nav.chapter-nav");
      await expect(navs).toHaveCount(2);
      const next = CHAPTERS[CHAPTERS.indexOf(chapter) + 1];
      if (next) {
        await navs.first().locator("a[rel=next]").click();
        await expect(page).toHaveURL(new RegExp(`/tutorial/${next.slug}$`));
        await page.goBack();
      }
      await navs.last().locator(".chapter-nav-contents a").click();
      await expect(page).toHaveURL(/\/tutorial\/$/);
    });

    test("fits a phone (390 px) without horizontal scrolling", async ({page}) => {
      await page.setViewportSize({width: 390, height: 844});
      await open(page, `/tutorial/${slug}`);
      await expect(page.locator("figure svg[role=img]").first()).toBeVisible();
      const {scrollWidth, innerWidth} = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    });
  });
}

test("chapter 3: a click on the phase plane starts the run from there", async ({page}) => {
  const problems = watch(page);
  await open(page, "/tutorial/coupling");
  const svg = page.locator(".ipp-plane > svg").first();
  await expect(svg).toBeVisible();
  const caption = page.locator(".explorer-charts figure figcaption").first();
  await expect(caption).toContainText("starting from v = −64.41 mV");
  const box = (await svg.boundingBox())!;
  await svg.click({position: {x: 0.5 * box.width, y: 0.3 * box.height}});
  await expect(caption).not.toContainText("starting from v = −64.41 mV");
  await expect(caption).toContainText("starting from v = ");
  expect(problems).toEqual([]);
});

test("a chapter's slider runs go to a background worker, and the chapter says where its runs happen", async ({
  page
}) => {
  const problems = watch(page);
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await open(page, "/tutorial/adaptation");
  await expect(page.locator(".tutorial-run-place")).toHaveText(
    "This chapter's simulations run in a background worker, each within a time budget."
  );
  expect(workers.some((url) => url.includes("zoo.worker"))).toBe(true);
  expect(problems).toEqual([]);
});

test("without the Worker API a chapter runs on the main thread, its slider still redraws, and it says why", async ({
  page
}) => {
  const problems = watch(page);
  await page.addInitScript(() => {
    delete (window as unknown as {Worker?: unknown}).Worker;
  });
  await open(page, "/tutorial/reset");
  await expect(page.locator(".tutorial-run-place")).toHaveText(
    "This chapter's simulations run on the main thread (this browser has no Web Workers)."
  );
  const range = page.locator("form", {has: page.locator("label", {hasText: "c (mV)"})}).locator("input[type=range]");
  const chart = page.locator(".explorer-row", {has: range}).locator(".explorer-charts figure svg[role=img]").first();
  const before = await chart.innerHTML();
  await range.first().focus();
  for (let k = 0; k < 5; ++k) await page.keyboard.press("ArrowRight");
  await expect.poll(async () => chart.innerHTML()).not.toBe(before);
  expect(problems).toEqual([]);
});
