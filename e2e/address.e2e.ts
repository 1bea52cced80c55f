// Browser tests of the address parsers and the controls on the built site (issue 15, reproductions 3, 5, 6
// and 7): a bad address gives a notice and the charts, never an error in their place; a notice cannot be
// reversed or flooded by the address; a typed value outside a slider's range is clamped where the reader
// sees it, and the model (the address the page writes) follows; the 2007 page's links round-trip.
import {expect, test, type Page} from "@playwright/test";
import {watch} from "./watch.js";

/** Opens the explorer with a query and waits for its first update. */
async function openExplorer(page: Page, query: string): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => performance.getEntriesByName("explorer:update", "measure").length > 0);
}

/** The explorer shows its four charts and no error in their place. */
async function expectCharts(page: Page): Promise<void> {
  await expect(page.locator(".explorer-error")).toHaveCount(0);
  await expect(page.locator("figure.explorer-chart:visible")).toHaveCount(4);
  for (const figure of await page.locator("figure.explorer-chart:visible").all())
    await expect(figure.locator("svg").first()).toBeVisible();
}

/** A setting of the page's address (what the page wrote: the model's state). */
const setting = (page: Page, key: string) => page.evaluate((k) => new URL(location.href).searchParams.get(k), key);

test.describe("controls can only express valid states (reproductions 3 and 7)", () => {
  test("/?v0=30 clamps v₀ below the cut-off with a notice, and shows the charts", async ({page}) => {
    const problems = watch(page);
    await openExplorer(page, "?v0=30");
    await expect(page.locator("#url-notice")).toContainText("v0 = 30 is outside -100…29.9; using 29.9.");
    await expectCharts(page);
    const v0 = page.locator('input[type=range][aria-label^="v₀"]');
    await expect(v0).toHaveValue("29.9");
    expect(Number(await v0.getAttribute("max"))).toBeLessThan(30);
    expect(problems).toEqual([]);
  });

  test("/?step=1&stepOn=900&stepOff=10 clamps the step's end with a notice, and shows the charts", async ({page}) => {
    const problems = watch(page);
    await openExplorer(page, "?step=1&stepOn=900&stepOff=10");
    await expect(page.locator("#url-notice")).toContainText("a step cannot end before it starts; using stepOff = 900");
    await expectCharts(page);
    await page.getByRole("tab", {name: "Stimulus"}).click();
    await expect(page.locator('form[data-key="stepOn"] input[type=range]')).toHaveValue("900");
    await expect(page.locator('form[data-key="stepOff"] input[type=range]')).toHaveValue("900");
    // Moving the end before the start pulls the start along: the controls never express an inverted window.
    const off = page.locator('form[data-key="stepOff"] input[type=number]');
    await off.fill("100");
    await off.press("Tab");
    await expect(page.locator('form[data-key="stepOn"] input[type=range]')).toHaveValue("100");
    await expect.poll(() => setting(page, "stepOn")).toBe("100");
    await expectCharts(page);
    expect(problems).toEqual([]);
  });

  test("typing −1e308 in the a box: thumb, box and model agree on −0.1", async ({page}) => {
    const problems = watch(page);
    await openExplorer(page, "?T=50");
    const box = page.locator('form[data-key="a"] input[type=number]');
    const thumb = page.locator('form[data-key="a"] input[type=range]');
    await box.fill("-1e308");
    await box.press("Tab");
    await expect(box).toHaveValue("-0.1");
    await expect(thumb).toHaveValue("-0.1");
    await expect.poll(() => setting(page, "a")).toBe("-0.1");
    await expectCharts(page);
    // A value off the step grid is snapped the same way.
    await box.fill("0.0234");
    await box.press("Tab");
    await expect(box).toHaveValue("0.023");
    await expect(thumb).toHaveValue("0.023");
    await expect.poll(() => setting(page, "a")).toBe("0.023");
    expect(problems).toEqual([]);
  });
});

test.describe("notices cannot be spoofed or flooded (reproduction 6)", () => {
  test("bidirectional and control characters in a value are stripped from the notice", async ({page}) => {
    const problems = watch(page);
    await openExplorer(page, "?class=RS%E2%80%AE%E2%81%A6evil%E2%80%8F%C2%85x&T=50");
    const notice = page.locator("#url-notice");
    await expect(notice).toContainText("Unknown neuron class “RSevilx”; showing RS instead.");
    const text = (await notice.textContent()) ?? "";
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    await expectCharts(page);
    expect(problems).toEqual([]);
  });

  test("1,000 repeated settings give a short notice, not 65 identical lines", async ({page}) => {
    const problems = watch(page);
    await openExplorer(page, `?${Array.from({length: 1000}, () => "class=RS").join("&")}`);
    const notice = page.locator("#url-notice");
    await expect(notice).toContainText("appears more than once");
    expect(await notice.locator("li").count()).toBeLessThanOrEqual(8);
    expect((await notice.boundingBox())!.height).toBeLessThan(300);
    await expectCharts(page);
    // Many different unknown settings are capped too.
    await openExplorer(page, `?${Array.from({length: 60}, (_, i) => `k${i}=1&a=x${i}`).join("&")}`);
    expect(await notice.locator("li").count()).toBeLessThanOrEqual(8);
    expect(problems).toEqual([]);
  });
});

test.describe("the 2007 page's links round-trip (reproduction 5)", () => {
  const tools = (page: Page) => page.locator(".cells2007-compare[data-ready]");

  test("bad numbers, an inverted step and a malformed current are named in notices", async ({page}) => {
    const problems = watch(page);
    await page.goto("/cells2007?current=step&amp=0x7D0&on=500&T=20");
    const notice = page.locator("#url-notice");
    await expect(notice).toContainText("The step's amplitude (pA) “0x7D0” is not a number");
    await expect(notice).toContainText("must come before the end of the run (20 ms); 19 ms was used");
    await expect(tools(page).locator("table.cells2007-stats")).toBeVisible();
    await page.goto("/cells2007?cells=RS2007,FS2007&current=CH2007:300:junk");
    await expect(page.locator("#url-notice")).toContainText("Current “CH2007:300:junk”");
    await expect(tools(page).locator("table.cells2007-stats")).toBeVisible();
    await page.goto("/cells2007?current=step&amp=1e%2B308");
    await expect(page.locator("#url-notice")).toContainText("1e+308 is outside -2000 to 2000; 2000 was used");
    expect(problems).toEqual([]);
  });

  test("typing 1e308 pA writes the 2000 pA the page runs, and the link reopens it", async ({page}) => {
    const problems = watch(page);
    await page.goto("/cells2007");
    await tools(page).locator("#cells2007-current").selectOption("step");
    const amp = page.locator("#cells2007-step-amplitude");
    await amp.fill("1e308");
    await amp.press("Enter");
    await amp.blur();
    await expect(page).toHaveURL(/amp=2000&/);
    const link = page.url();
    await page.goto(link);
    await expect(page.locator("#url-notice")).toBeHidden();
    await expect(page.locator("#cells2007-step-amplitude")).toHaveValue("2000");
    await expect(page).toHaveURL(link);
    expect(problems).toEqual([]);
  });

  // Needs the page's number boxes to clamp on commit: cells2007Panels.ts's numberInput calling
  // clampNumberBox(input, [min, max]) from components/controls/controls.ts (asked of the page's owner).
  test("typing 1e308 pA shows the clamped 2000 pA in the box", async ({page}) => {
    await page.goto("/cells2007");
    await tools(page).locator("#cells2007-current").selectOption("step");
    const amp = page.locator("#cells2007-step-amplitude");
    await amp.fill("1e308");
    await amp.press("Enter");
    await amp.blur();
    await expect(amp).toHaveValue("2000");
  });
});
