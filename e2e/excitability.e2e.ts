// Browser tests of chapters 6 (src/tutorial/input.md) and 8 (src/tutorial/excitability.md): they render
// without console errors, controls change the charts, the f–I sweep runs in a worker with a progress bar while
// a slider stays responsive, and the pages fit a phone.
import {expect, test, type Page} from "@playwright/test";
import {watch} from "./watch.js";

/** The range input of an Inputs.range whose label matches. */
const sliderByLabel = (page: Page, label: string | RegExp) =>
  page
    .locator("form", {has: page.locator("label", {hasText: label})})
    .locator("input[type=range]")
    .first();
const html = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((e) => e.outerHTML);

/** Changes a range input through the keyboard, as a reader would. */
async function press(page: Page, label: string | RegExp, key: string, times = 1): Promise<void> {
  const slider = sliderByLabel(page, label);
  await slider.focus();
  for (let k = 0; k < times; k++) await page.keyboard.press(key);
}

/** Opens chapter 8 and waits for the first f–I sweep (panel G) to be drawn. */
async function openChapter8(page: Page): Promise<void> {
  await page.goto("/tutorial/excitability");
  await expect(page.locator("figure.fi-chart")).toBeVisible({timeout: 20_000});
}

test.describe("chapter 8: excitability", () => {
  test("renders the f–I curve from the worker, the verdict, the diagram and the links, without errors", async ({
    page
  }) => {
    const problems = watch(page);
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await openChapter8(page);
    await expect(page.locator("h1")).toHaveText("Excitability");
    await expect(page.locator("figure.fi-chart h3")).toContainText("f–I curve of G");
    await expect(page.locator(".verdict")).toHaveText("class 1");
    await expect(page.locator("figure.bifurcation-chart svg[role=img]")).toHaveAttribute(
      "aria-label",
      /saddle-node \(SN\) at I = 2\.25/
    );
    expect(workers.some((url) => url.includes("excitability.worker"))).toBe(true);
    await expect(page.locator('a[href="../zoo#panel-P"]')).toBeVisible();
    await expect(page.locator("a[href^='../?']").first()).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("choosing H re-sweeps to a Class 2 verdict; the diagram shows the Hopf point", async ({page}) => {
    const problems = watch(page);
    await openChapter8(page);
    await page.getByRole("combobox", {name: "Neuron"}).selectOption({index: 1});
    await expect(page.locator("figure.fi-chart h3")).toContainText("f–I curve of H", {timeout: 20_000});
    await expect(page.locator(".verdict")).toHaveText("class 2", {timeout: 20_000});
    await expect(page.locator("figure.bifurcation-chart svg[role=img]")).toHaveAttribute(
      "aria-label",
      /subcritical Andronov–Hopf \(AH\) at I = 0\.4,/
    );
    expect(problems).toEqual([]);
  });

  test("the sweep shows progress while the current slider keeps redrawing the diagram", async ({page}) => {
    const problems = watch(page);
    await openChapter8(page);
    // Choose P and move b: each change starts a new sweep in the worker (cancelling the previous one).
    await page.getByRole("combobox", {name: "Neuron"}).selectOption({index: 2});
    await press(page, /^b \(sensitivity/, "ArrowLeft");
    await expect(page.locator(".sweep-progress progress")).toBeVisible();
    // Move the current slider once, in the page, and wait for the redraw of the diagram while the sweep runs
    // (how long the redraw takes is measured by the benchmark, npm run bench:browser).
    const result = await page.evaluate(
      () =>
        new Promise<{running: boolean; stale: boolean}>((resolve) => {
          const form = [...document.querySelectorAll("form")].find((f) =>
            f.textContent?.includes("Constant current I")
          )!;
          const input = form.querySelector<HTMLInputElement>("input[type=range]")!;
          const target = document.querySelector("figure.bifurcation-chart")!.parentElement!;
          const observer = new MutationObserver(() => {
            observer.disconnect();
            resolve({
              running: document.querySelector(".sweep-progress") !== null,
              stale: document.querySelector(".fi-result.fi-stale figure.fi-chart") !== null
            });
          });
          // The diagram is redrawn in place: its caption's text changes, or its parts are replaced.
          observer.observe(target, {childList: true, subtree: true, characterData: true});
          input.value = String(Number(input.value) + 5 * Number(input.step));
          input.dispatchEvent(new Event("input", {bubbles: true}));
        })
    );
    // The diagram followed the slider while the sweep was still running in the worker.
    expect(result.running).toBe(true);
    // Meanwhile the last curve stays in place, faded under the progress bar; then the new one replaces it.
    expect(result.stale).toBe(true);
    await expect(page.locator(".fi-result:not(.fi-stale) figure.fi-chart")).toBeVisible({timeout: 30_000});
    await expect(page.locator(".sweep-progress")).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test("steps of b keep one worker, update one progress bar in place, and the last value of b is the one drawn", async ({
    page
  }) => {
    const problems = watch(page);
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await openChapter8(page);
    // Every progress bar the page puts in, recorded in the page as it happens: a sweep after a step of b lasts
    // about 200 ms, too short to catch its bar from here between two steps.
    await page.evaluate(() => {
      const w = window as unknown as {bars: Element[]};
      w.bars = [];
      new MutationObserver(() => {
        const bar = document.querySelector(".sweep-progress");
        if (bar && !w.bars.includes(bar)) w.bars.push(bar);
      }).observe(document.body, {childList: true, subtree: true});
    });
    await press(page, /^b \(sensitivity/, "ArrowRight", 6);
    // The steps came while a sweep was running: one bar, the same element, showed each new sweep's progress.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as {bars: Element[]}).bars.length))
      .toBeGreaterThan(0);
    // The chart that comes is the last setting's. The slider's value is final once the presses are dispatched;
    // the diagram, redrawn on the next frame, may not be yet (reading its title here once gave the fifth step's b
    // while the f–I chart rightly showed the sixth's), so both charts are awaited with the last b.
    const value = Number(await sliderByLabel(page, /^b \(sensitivity/).inputValue());
    expect(value).toBeCloseTo(-0.04, 10); // G's b of −0.1, six steps of 0.01 up
    const b = "(b = \u22120.04)";
    await expect(page.locator("figure.bifurcation-chart h3")).toContainText(b);
    await expect(page.locator("figure.fi-chart h3")).toContainText(b, {timeout: 20_000});
    expect(await page.evaluate(() => (window as unknown as {bars: Element[]}).bars.length)).toBe(1);
    expect(workers.filter((url) => url.includes("excitability.worker"))).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  test("without the Worker API the sweep runs on the page in many short steps, to the same verdict", async ({page}) => {
    test.setTimeout(90_000);
    const problems = watch(page);
    await page.addInitScript(() => {
      delete (window as unknown as {Worker?: unknown}).Worker;
      // Every progress count the page showed: a sweep cut into slices shows counts between its slices, one long
      // task only the last. How many depends on the machine's speed (slices of 40 ms: about one per 40 ms of
      // sweeping, a count only after each), so any count before the last is the test.
      const w = window as unknown as {shown: Set<string>};
      w.shown = new Set();
      new MutationObserver(() => {
        const text = document.querySelector(".sweep-progress")?.textContent;
        const match = text && /(\d+) of (\d+) currents/.exec(text);
        if (match) w.shown.add(match[1]!);
      }).observe(document, {subtree: true, childList: true, characterData: true});
    });
    await openChapter8(page);
    await expect(page.locator(".verdict")).toHaveText("class 1");
    await expect(page.locator("figure.fi-chart")).toContainText(
      "Swept on the main thread (this browser has no Web Workers)"
    );
    const shown = await page.evaluate(() => [...(window as unknown as {shown: Set<string>}).shown].map(Number));
    expect(shown.filter((n) => n > 0 && n < 82).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  test("fits a phone (390 px) without horizontal scrolling", async ({page}) => {
    await page.setViewportSize({width: 390, height: 800});
    await openChapter8(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("chapter 6: the input current", () => {
  test("renders every chart with a title and text alternative, and the controls change them, without errors", async ({
    page
  }) => {
    const problems = watch(page);
    await page.goto("/tutorial/input");
    await expect(page.locator("h1")).toHaveText("The input current");
    const figures = page.locator("main figure");
    await expect(figures).toHaveCount(5, {timeout: 20_000});
    for (const fig of await figures.all()) {
      await expect(fig.locator("h3")).not.toBeEmpty();
      await expect(fig.locator("[role=img]")).toHaveAttribute("aria-label", /.+/);
    }
    // The kind of input changes v(t) and I(t).
    const before = await html(page, "main figure");
    await page.getByRole("radio", {name: "ramp"}).check();
    await expect(page.locator("main figure h3").first()).toContainText("ramp");
    expect(await html(page, "main figure")).not.toBe(before);
    // The amplitude slider redraws v(t).
    const beforeA = await html(page, "main figure");
    await press(page, "Amplitude A", "ArrowRight", 10);
    await expect.poll(() => html(page, "main figure")).not.toBe(beforeA);
    // The neuron menu recomputes the rheobase chart; the latency slider moves the ring and v(t).
    await page.getByRole("combobox", {name: "Neuron"}).selectOption({index: 3});
    await expect(page.locator("main figure h3", {hasText: "Rheobase of G"})).toBeVisible();
    const beforeL = await html(page, "main figure:nth-of-type(1)");
    const latency = page.locator("figure", {hasText: "First-spike latency of G"});
    const ring = await latency.innerHTML();
    await press(page, /Step above rheobase/, "ArrowRight", 20);
    await expect.poll(() => latency.innerHTML()).not.toBe(ring);
    expect(beforeL).toBeTruthy();
    // Predict, then reveal: quotes numbers computed at that moment.
    await page.getByRole("radio", {name: /^G: its latency/}).check();
    await page.getByRole("button", {name: "Reveal"}).click();
    await expect(page.locator(".predict-answer")).toContainText(/G's first spike comes after \d/);
    // The reveal draws both panels' latencies, so the quoted numbers can be read off the page.
    const answer = page.locator("figure", {hasText: "First-spike latency near rheobase"});
    await expect(answer).toBeVisible({timeout: 20_000});
    await expect(answer.locator("figcaption")).toContainText(
      /G \(integrator\): \d[\d.]* ms at 0\.1 % above rheobase; H \(resonator\): \d/
    );
    expect(problems).toEqual([]);
  });

  test("fits a phone (390 px) without horizontal scrolling", async ({page}) => {
    await page.setViewportSize({width: 390, height: 800});
    await page.goto("/tutorial/input");
    await expect(page.locator("main figure")).toHaveCount(5, {timeout: 20_000});
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
