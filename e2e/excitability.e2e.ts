// Browser tests of chapters 6 (src/tutorial/input.md) and 8 (src/tutorial/excitability.md): they render
// without console errors, controls change the charts, the f–I sweep runs in a worker with a progress bar while
// a slider stays responsive, and the pages fit a phone.
import {expect, test, type Page} from "@playwright/test";

function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => message.type() === "error" && problems.push(`console.error: ${message.text()}`));
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** The range input of an Inputs.range whose label matches. */
const sliderByLabel = (page: Page, label: string | RegExp) => page.locator("form", {has: page.locator("label", {hasText: label})}).locator("input[type=range]").first();
const html = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => e.outerHTML);

/** Changes a range input through the keyboard, as a reader would. */
async function press(page: Page, label: string | RegExp, key: string, times = 1): Promise<void> {
  const slider = sliderByLabel(page, label);
  await slider.focus();
  for (let k = 0; k < times; k++) await page.keyboard.press(key);
}

test.describe("chapter 8: excitability", () => {
  test("renders the f–I curve from the worker, the verdict, the diagram and the links, without errors", async ({page}) => {
    const problems = watch(page);
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.goto("/tutorial/excitability");
    await expect(page.locator("h1")).toHaveText("Excitability");
    await expect(page.locator("figure.fi-chart")).toBeVisible({timeout: 20_000});
    await expect(page.locator("figure.fi-chart h3")).toContainText("f–I curve of G");
    await expect(page.locator(".verdict")).toHaveText("class 1");
    await expect(page.locator("figure.bifurcation-chart svg[role=img]")).toHaveAttribute("aria-label", /saddle-node \(SN\) at I = 2\.25/);
    expect(workers.some((url) => url.includes("excitability.worker"))).toBe(true);
    await expect(page.locator('a[href="../zoo#panel-P"]')).toBeVisible();
    await expect(page.locator("a[href^='../?']").first()).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("choosing H re-sweeps to a Class 2 verdict; the diagram shows the Hopf point", async ({page}) => {
    const problems = watch(page);
    await page.goto("/tutorial/excitability");
    await expect(page.locator("figure.fi-chart")).toBeVisible({timeout: 20_000});
    await page.getByRole("combobox", {name: "Neuron"}).selectOption({index: 1});
    await expect(page.locator("figure.fi-chart h3")).toContainText("f–I curve of H", {timeout: 20_000});
    await expect(page.locator(".verdict")).toHaveText("class 2", {timeout: 20_000});
    await expect(page.locator("figure.bifurcation-chart svg[role=img]")).toHaveAttribute("aria-label", /subcritical Andronov–Hopf \(AH\) at I = 0\.4,/);
    expect(problems).toEqual([]);
  });

  test("the sweep shows progress while the current slider keeps redrawing the diagram", async ({page}) => {
    const problems = watch(page);
    await page.goto("/tutorial/excitability");
    await expect(page.locator("figure.fi-chart")).toBeVisible({timeout: 20_000});
    // Choose P and move b: each change starts a new sweep in the worker (cancelling the previous one).
    await page.getByRole("combobox", {name: "Neuron"}).selectOption({index: 2});
    await press(page, /^b \(sensitivity/, "ArrowLeft");
    await expect(page.locator(".sweep-progress progress")).toBeVisible();
    const before = await html(page, "figure.bifurcation-chart");
    const t0 = Date.now();
    await press(page, /Constant current I/, "ArrowRight", 5);
    await expect.poll(() => html(page, "figure.bifurcation-chart")).not.toBe(before);
    const elapsed = Date.now() - t0;
    // The sweep was still running when the diagram had already followed the slider.
    await expect(page.locator(".sweep-progress progress")).toBeVisible();
    expect(elapsed).toBeLessThan(2000);
    await expect(page.locator("figure.fi-chart")).toBeVisible({timeout: 30_000});
    expect(problems).toEqual([]);
  });

  test("fits a phone (390 px) without horizontal scrolling", async ({page}) => {
    await page.setViewportSize({width: 390, height: 800});
    await page.goto("/tutorial/excitability");
    await expect(page.locator("figure.fi-chart")).toBeVisible({timeout: 20_000});
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
