// Browser tests of the explorer as one screen (src/index.md): what is in view on opening at desktop and phone
// sizes, v(t) kept in view while a phone scrolls through the controls, the ghost of the preset, and a 10-s run
// computed in the background while the page keeps answering.
import {expect, test, type Locator, type Page} from "@playwright/test";
import {watch} from "./watch.js";

const MEASURE = "explorer:update";

async function open(page: Page, query = ""): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction((name) => performance.getEntriesByName(name, "measure").length > 0, MEASURE);
}

/** The share of an element's area inside the viewport (0 to 1). */
const inView = (locator: Locator) =>
  locator.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
    const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    return r.width * r.height ? (w * h) / (r.width * r.height) : 0;
  });

const figure = (page: Page, title: string) =>
  page
    .locator("figure.explorer-chart", {has: page.locator("h3", {hasText: title})})
    .locator('svg[role="img"], svg[role="application"]');

test.describe("at 1280×800", () => {
  test.use({viewport: {width: 1280, height: 800}});

  test("v(t), the phase plane and the parameter sliders are in view on opening, without scrolling", async ({page}) => {
    const problems = watch(page);
    await open(page);
    expect(await inView(figure(page, "Membrane potential v(t)"))).toBeGreaterThan(0.5);
    expect(await inView(figure(page, "Recovery variable u(t)"))).toBeGreaterThan(0.5);
    expect(await inView(figure(page, "Phase plane (v, u)"))).toBeGreaterThan(0.5);
    for (const p of ["a", "b", "c", "d"])
      expect(await inView(page.locator(`input[type=range][aria-label^="${p} ("]`))).toBeGreaterThan(0.5);
    expect(await inView(page.locator('.class-menu input[value="RS"]'))).toBe(1);
    // Side by side: the sliders left of v(t), the plane right of it.
    const box = async (l: Locator) => (await l.boundingBox())!;
    const v = await box(figure(page, "Membrane potential v(t)"));
    const plane = await box(figure(page, "Phase plane (v, u)"));
    const a = await box(page.locator('input[type=range][aria-label^="a ("]'));
    expect(a.x + a.width).toBeLessThan(v.x);
    expect(v.x + v.width).toBeLessThan(plane.x);
    // The stimulus editor is one tab away, in the same column beside I(t).
    await page.getByRole("tab", {name: "Stimulus"}).click();
    const dc = page.locator('.stimulus-part input[data-key="dc"]');
    expect(await inView(dc)).toBe(1);
    expect(await inView(figure(page, "Input current I(t)"))).toBeGreaterThan(0.5);
    expect(problems).toEqual([]);
  });

  test("the controls' tabs work by keyboard", async ({page}) => {
    await open(page);
    await page.getByRole("tab", {name: "Neuron"}).focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("tab", {name: "Stimulus"})).toBeFocused();
    await expect(page.locator("#wb-stimulus")).toBeVisible();
    await expect(page.locator("#wb-neuron")).toBeHidden();
    await page.keyboard.press("End");
    await expect(page.getByRole("tab", {name: "Numerics"})).toHaveAttribute("aria-selected", "true");
    await expect(page.locator(".numerics select")).toBeVisible();
  });
});

test.describe("at 390×844", () => {
  test.use({viewport: {width: 390, height: 844}});

  test("v(t) is on the first screen and stays in view while the controls scroll", async ({page}) => {
    const problems = watch(page);
    await open(page);
    const v = figure(page, "Membrane potential v(t)");
    expect(await inView(v)).toBeGreaterThan(0.5);
    // Scroll the d slider into view: v(t) is still on screen, above it.
    const d = page.locator('input[type=range][aria-label^="d ("]');
    await d.scrollIntoViewIfNeeded();
    expect(await inView(d)).toBe(1);
    expect(await inView(v)).toBeGreaterThan(0.9);
    const vBox = (await v.boundingBox())!;
    const dBox = (await d.boundingBox())!;
    expect(vBox.y + vBox.height).toBeLessThanOrEqual(dBox.y);
    // Not under the site's header bar, which sticks to the top too.
    const header = (await page.locator("#observablehq-header").boundingBox())!;
    expect(vBox.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
    // Past the controls, it scrolls away with them: the phase plane is not covered.
    const plane = figure(page, "Phase plane (v, u)");
    await plane.scrollIntoViewIfNeeded();
    expect(await inView(plane)).toBeGreaterThan(0.5);
    const planeBox = (await plane.boundingBox())!;
    const vNow = (await v.boundingBox())!;
    expect(vNow.y + vNow.height <= planeBox.y || vNow.y >= planeBox.y + planeBox.height).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });
});

test("a 10-s run is computed in the background while the page keeps answering", async ({page}) => {
  const problems = watch(page);
  // Long tasks, and the times the status line said a run was in the background.
  await page.addInitScript(() => {
    const w = window as unknown as {longTasks: [number, number][]; busy: [number, number][]};
    w.longTasks = [];
    w.busy = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push([entry.startTime, entry.duration]);
    }).observe({type: "longtask", buffered: true});
    new MutationObserver(() => {
      const state = document.querySelector(".run-status")?.getAttribute("data-state");
      const last = w.busy.at(-1);
      if (state === "busy" && (!last || last[1] >= 0)) w.busy.push([performance.now(), -1]);
      if (state === "idle" && last && last[1] < 0) last[1] = performance.now();
    }).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-state"]});
  });
  // 10 s of a neuron with a = −0.1 (u grows without bound): the accurate method takes seconds to spend its step
  // budget, in the worker, so the run is reliably still in the background when the slider moves.
  test.setTimeout(150_000);
  await page.goto("/?a=-0.1&T=10000");
  const status = page.locator(".run-status");
  const slider = page.locator('input[type=range][aria-label^="b ("]');
  await page.waitForFunction(() => document.querySelector(".run-status")?.getAttribute("data-state") === "busy", null, {
    polling: "raf"
  });
  await expect(status).toContainText("10000-ms run in the background");
  // While it runs, a slider answers at once, and the address follows it.
  await slider.evaluate((input) =>
    input.addEventListener(
      "input",
      () => {
        const state = document.querySelector(".run-status")!.getAttribute("data-state");
        const w = window as unknown as {stateAtInput: string | null; inputAt: number};
        w.stateAtInput = state;
        w.inputAt = performance.now();
      },
      {once: true}
    )
  );
  await slider.focus();
  await page.keyboard.press("ArrowLeft");
  await expect
    .poll(() => page.evaluate(() => (window as unknown as {stateAtInput?: string}).stateAtInput))
    .toBe("busy");
  await expect(slider).toHaveValue("0.199");
  await expect(page).toHaveURL(/[?&]b=0\.199(&|$)/);
  // The newest setting wins: the charts end up showing the run with b = 0.199 on the 10-s axis.
  await expect(status).toHaveAttribute("data-state", "idle", {timeout: 120_000});
  await expect(page.locator(".spike-readout")).toContainText("Spikes");
  await expect(page).toHaveURL(/[?&]T=10000(&|$)/);
  const axis = page.locator("figure.explorer-chart", {hasText: "Membrane potential"}).locator("text");
  await expect(axis.filter({hasText: /^10,?000$/})).toHaveCount(1);
  // No freeze from the slider's input until the runs left the background: no main-thread task anywhere near
  // the seconds a 10-s run takes (how fast the page loads and draws is the benchmarks' business, not this test's).
  const blocked = await page.evaluate(() => {
    const w = window as unknown as {longTasks: [number, number][]; busy: [number, number][]; inputAt: number};
    return w.longTasks.filter(
      ([start]) => start >= w.inputAt && w.busy.some(([from, to]) => start >= from && start < to)
    );
  });
  expect(blocked.filter(([, duration]) => duration >= 1000)).toEqual([]);
  expect(problems).toEqual([]);
});

test("the preset's run stays faint behind the new one while a slider is away from the preset", async ({page}) => {
  const problems = watch(page);
  await open(page);
  /** The ghost lines drawn (with a path) in v(t), u(t) and the phase plane. */
  const ghosts = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('svg[aria-label="ghost"] path, svg[aria-label="ghost trajectory"] path')]
        .filter((p) => (p.getAttribute("d") ?? "").length > 20)
        .map((p) => p.closest("figure")?.querySelector("h3")?.textContent)
    );
  expect(await ghosts()).toEqual([]);
  const d = page.locator('input[type=range][aria-label^="d ("]');
  await d.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(/[?&]d=7\.95(&|$)/);
  await expect.poll(ghosts).toEqual(["Membrane potential v(t)", "Recovery variable u(t)", "Phase plane (v, u)"]);
  await expect(page.locator("figure.explorer-chart", {hasText: "Membrane potential"})).toContainText(
    /faint grey: the preset's own run/i
  );
  // The ghost is the preset's run: its path is the one drawn for the preset itself.
  const ghostPath = await page.locator('svg[aria-label="ghost"] path').first().getAttribute("d");
  await page.getByRole("button", {name: "Reset to preset"}).click();
  await expect.poll(ghosts).toEqual([]);
  const livePath = await page
    .locator("figure.explorer-chart", {hasText: "Membrane potential"})
    .locator('svg[aria-label="line"] path')
    .first()
    .getAttribute("d");
  expect(livePath).toBe(ghostPath);
  expect(problems).toEqual([]);
});

test("the charts and readouts are updated in place: a parameter or a stimulus change keeps their elements", async ({
  page
}) => {
  const problems = watch(page);
  await open(page, "?dc=1");
  // Mark each chart's figure and each readout; a rebuilt one would come back without the mark.
  const KEPT = "figure.explorer-chart, .ipp, dl.readouts";
  const marked = () =>
    page.evaluate((kept) => [...document.querySelectorAll(kept)].map((f) => f.hasAttribute("data-kept")), KEPT);
  const count = await page.evaluate((kept) => {
    const charts = [...document.querySelectorAll(kept)];
    for (const chart of charts) chart.setAttribute("data-kept", "");
    return charts.length;
  }, KEPT);
  expect(count).toBeGreaterThanOrEqual(6); // v(t), u(t), I(t), the phase plane and the two readouts
  const updates = () => page.evaluate((name) => performance.getEntriesByName(name, "measure").length, MEASURE);
  for (const [tab, slider] of [
    ["Neuron", 'input[type=range][aria-label^="a ("]'],
    ["Stimulus", 'input[type=range][aria-label^="DC: I"]']
  ]) {
    await page.getByRole("tab", {name: tab}).click();
    const before = await updates();
    await page.locator(slider).focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(updates).toBeGreaterThan(before);
    expect(await marked()).toEqual(Array(count).fill(true));
  }
  expect(problems).toEqual([]);
});
