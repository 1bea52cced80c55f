// Browser tests of the interactive phase plane (src/components/charts/interactivePhasePlane.ts) in chapter 7
// (src/tutorial/phase-plane.md) and in the explorer (src/index.md): click and keyboard set the initial state and
// re-simulate, brushing v(t) highlights the trajectory, equilibria explain themselves on hover and focus,
// playback moves the marker, and the chapter fits a phone.
import {expect, test, type Locator, type Page} from "@playwright/test";
import {watch} from "./watch.js";

/** The data coordinates (v, u) of a pixel of a plane, from the chart's own scales. */
function invert(plane: Locator, px: number, py: number): Promise<[number, number]> {
  return plane.locator(".ipp-plane > svg").evaluate(
    (svg, [px, py]) => {
      const s = svg as unknown as {scale(name: string): {invert(x: number): number}};
      return [s.scale("x").invert(px), s.scale("y").invert(py)] as [number, number];
    },
    [px, py]
  );
}

/** The state shown at t = 0 by the plane's readout ("t = 0 ms: v = … mV, u = …"). */
async function startReadout(plane: Locator): Promise<[number, number]> {
  await expect(plane.locator(".ipp-readout")).toHaveText(/t = 0 ms/); // once the first run is drawn
  const text = (await plane.locator(".ipp-readout").textContent()) ?? "";
  const m = /t = 0 ms: v = (\S+) mV, u = (\S+)/.exec(text.replace(/−/g, "-"));
  if (!m) throw new Error(`unexpected readout: ${text}`);
  return [Number(m[1]), Number(m[2])];
}

/** Drags across a time chart from fraction `from` to fraction `to` of its width (a brush). */
async function brush(page: Page, chart: Locator, from: number, to: number): Promise<void> {
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + from * box.width, box.y + 0.5 * box.height);
  await page.mouse.down();
  await page.mouse.move(box.x + to * box.width, box.y + 0.5 * box.height, {steps: 5});
  await page.mouse.up();
}

const chapterPlane = (page: Page) => page.locator("div.ipp").first();

test("chapter 7 renders its planes, separatrix, text and links without console errors", async ({page}) => {
  const problems = watch(page);
  await page.goto("/tutorial/phase-plane");
  await expect(page.locator("h1")).toHaveText("The phase plane");
  await expect(page.locator("div.ipp")).toHaveCount(2);
  const plane = chapterPlane(page);
  await expect(plane.locator("h3").first()).toHaveText("Phase plane (v, u)");
  await expect(plane.locator(".ipp-plane > svg")).toHaveAttribute(
    "aria-label",
    /Interactive phase plane of u against v in mV/
  );
  await expect(plane.locator("figcaption").first()).toContainText("threshold");
  // The separatrix, both nullclines, the direction field and two equilibria (RS at I = 0) are drawn.
  for (const label of ["separatrix", "v-nullcline", "u-nullcline", "direction field", "trajectory"]) {
    await expect(plane.locator(`[aria-label="${label}"] path`).first()).toHaveAttribute("d", /M/);
  }
  await expect(plane.locator(".equilibrium")).toHaveCount(2);
  await expect(page.locator(".predict")).toHaveCount(1);
  await expect(page.locator('a[href^="../?"]').first()).toBeVisible();
  await expect(page.locator('a[href^="../zoo#panel-"]').first()).toBeVisible();
  expect(problems).toEqual([]);
});

test("a click on the plane sets the initial state and re-simulates from there", async ({page}) => {
  const problems = watch(page);
  await page.goto("/tutorial/phase-plane");
  const plane = chapterPlane(page);
  const svg = plane.locator(".ipp-plane > svg");
  await expect(svg).toBeVisible();
  const box = (await svg.boundingBox())!;
  const spikesBefore = await page.locator(".live").allTextContents();
  // A point right of the separatrix, below the saddle: it fires.
  const px = 0.62 * box.width;
  const py = 0.75 * box.height;
  const [v, u] = await invert(plane, px, py);
  // One pixel in data units (the plane has a fixed extent): the state must be within 2 px of the click.
  const [v1, u1] = await invert(plane, px + 1, py + 1);
  const [dv, du] = [2 * Math.abs(v1 - v), 2 * Math.abs(u1 - u)];
  await svg.click({position: {x: px, y: py}});
  await expect.poll(async () => Math.abs((await startReadout(chapterPlane(page)))[0] - v)).toBeLessThan(dv);
  const [v0, u0] = await startReadout(chapterPlane(page));
  expect(Math.abs(v0 - v)).toBeLessThan(dv);
  expect(Math.abs(u0 - u)).toBeLessThan(du);
  // The start marker sits where we clicked (the new plane's scales may differ: compare in mV).
  const start = chapterPlane(page).locator(".ipp-start");
  const [sv, su] = await invert(
    chapterPlane(page),
    Number(await start.getAttribute("cx")),
    Number(await start.getAttribute("cy"))
  );
  expect(Math.abs(sv - v)).toBeLessThan(dv);
  expect(Math.abs(su - u)).toBeLessThan(du);
  expect(await page.locator(".live").allTextContents()).not.toEqual(spikesBefore);
  expect(problems).toEqual([]);
});

test("keyboard: arrows move the crosshair and Enter starts the run there", async ({page}) => {
  await page.goto("/tutorial/phase-plane");
  const plane = chapterPlane(page);
  const [v0] = await startReadout(plane);
  await plane.locator(".ipp-plane > svg").focus();
  await expect(plane.locator(".ipp-crosshair")).toBeVisible();
  for (let k = 0; k < 5; k++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await startReadout(chapterPlane(page)))[0]).toBeGreaterThan(v0 + 3);
});

test("hover and focus on an equilibrium show its type and eigenvalues", async ({page}) => {
  await page.goto("/tutorial/phase-plane");
  const plane = chapterPlane(page);
  const tooltip = plane.locator(".ipp-tooltip");
  await expect(tooltip).toBeHidden();
  await plane.locator(".equilibrium").nth(1).hover();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(/saddle at v = −50 mV, u = −10; eigenvalues 0\.996 and −0\.0161 per ms/);
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  await plane.locator(".equilibrium").first().focus();
  await expect(tooltip).toContainText(/stable node at v = −70 mV, u = −14; eigenvalues/);
  await expect(plane.locator(".equilibrium").first()).toHaveAttribute("aria-label", /stable node .* eigenvalues/);
});

test("brushing a window of v(t) highlights that part of the trajectory; keyboard too", async ({page}) => {
  await page.goto("/tutorial/phase-plane");
  const plane = page.locator("div.ipp").nth(1); // the reset section: RS with its step current
  const vt = plane.locator("figure", {has: page.locator("h3", {hasText: "v(t), linked"})}).locator('svg[role="img"]');
  await expect(vt).toBeVisible();
  const highlight = plane.locator(".ipp-highlight");
  expect(await highlight.getAttribute("d")).toBeNull();
  await brush(page, vt, 0.3, 0.5);
  await expect(highlight).toHaveAttribute("d", /M.*L/);
  await expect(plane.locator(".ipp-status")).toContainText(/Highlighted: the trajectory from t = \S+ to \S+ ms/);
  // The highlight is part of the trajectory: each of its points is a point of the drawn trajectory (whose path
  // is in tenths of a pixel), and it is shorter than the whole.
  const {inside, total, all} = await plane.evaluate((root) => {
    const points = (d: string, k: number) =>
      d
        .split(/[ML]/)
        .filter(Boolean)
        .map((p) =>
          p
            .split(",")
            .map((x) => Math.round(Number(x) * k))
            .join(",")
        );
    const trajectory = new Set(points(root.querySelector('[aria-label="trajectory"] path')!.getAttribute("d")!, 1));
    const lit = points(root.querySelector(".ipp-highlight")!.getAttribute("d")!, 10);
    return {inside: lit.filter((p) => trajectory.has(p)).length, total: lit.length, all: trajectory.size};
  });
  expect(total).toBeGreaterThan(3);
  expect(inside).toBe(total);
  expect(total).toBeLessThan(all);
  // Escape clears; Shift+arrows make a window from the cursor.
  await vt.focus();
  await page.keyboard.press("Escape");
  await expect(highlight).not.toHaveAttribute("d", /M/);
  for (let k = 0; k < 10; k++) await page.keyboard.press("ArrowRight");
  for (let k = 0; k < 10; k++) await page.keyboard.press("Shift+ArrowRight");
  await expect(highlight).toHaveAttribute("d", /M.*L/);
  await expect(plane.locator(".ipp-status")).toContainText(/from t = 15 to 30 ms/);
});

test("playback moves the marker along the trajectory and the cursor along v(t)", async ({page}) => {
  await page.goto("/tutorial/phase-plane");
  const plane = page.locator("div.ipp").nth(1);
  const marker = plane.locator(".ipp-marker");
  const x0 = await marker.getAttribute("cx");
  await plane.locator(".ipp-play").click();
  await expect(plane.locator(".ipp-play")).toHaveText("Pause");
  await expect.poll(() => marker.getAttribute("cx")).not.toBe(x0);
  await plane.locator(".ipp-play").click();
  await expect(plane.locator(".ipp-play")).toHaveText("Play");
  const readout = await plane.locator(".ipp-readout").textContent();
  expect(readout).toMatch(/^t = [1-9]/);
  const cursor = Number(await plane.locator(".ipp-cursor").getAttribute("x1"));
  expect(cursor).toBeGreaterThan(52); // moved off the time axis' origin
  // The time slider moves the marker too (keyboard).
  await plane.locator(".ipp-time input[type=range]").fill("100");
  await expect(plane.locator(".ipp-readout")).toContainText(/^t = 100(\.\d+)? ms/);
});

test("the explorer: a click on the plane sets v0 and u0 in the address and re-simulates", async ({page}) => {
  const problems = watch(page);
  await page.goto("/?class=RS");
  await page.waitForFunction(() => performance.getEntriesByName("explorer:update", "measure").length > 0);
  const plane = page.locator("div.ipp");
  const svg = plane.locator(".ipp-plane > svg");
  await expect(svg).toBeVisible();
  const box = (await svg.boundingBox())!;
  // Whole pixels: the browser reports the click at integer coordinates.
  const [px, py] = [Math.round(0.3 * box.width), Math.round(0.6 * box.height)];
  const [v, u] = await invert(plane, px, py);
  const uPerPixel = Math.abs((await invert(plane, px, py + 1))[1] - u);
  await svg.click({position: {x: px, y: py}});
  await expect.poll(() => Number(new URL(page.url()).searchParams.get("v0"))).toBeCloseTo(v, 0);
  // u0 is kept to the explorer's 0.01 step: within a pixel of where the click landed.
  expect(Math.abs(Number(new URL(page.url()).searchParams.get("u0")) - u)).toBeLessThanOrEqual(uPerPixel + 0.01);
  await expect.poll(async () => (await startReadout(page.locator("div.ipp")))[0]).toBeCloseTo(v, 0);
  // Brushing the explorer's own v(t) highlights the trajectory.
  const vt = page
    .locator("figure.explorer-chart", {has: page.locator("h3", {hasText: "Membrane potential v(t)"})})
    .locator('svg[role="img"]');
  await brush(page, vt, 0.4, 0.7);
  await expect(page.locator(".ipp-highlight")).toHaveAttribute("d", /M.*L/);
  expect(problems).toEqual([]);
});

test("chapter 7 fits a 390-px phone without horizontal scrolling", async ({page}) => {
  await page.setViewportSize({width: 390, height: 844});
  await page.goto("/tutorial/phase-plane");
  await expect(page.locator("div.ipp")).toHaveCount(2);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
  expect(overflow).toBeLessThanOrEqual(0);
  // A tap sets the state on a phone too.
  const plane = chapterPlane(page);
  const svg = plane.locator(".ipp-plane > svg");
  const box = (await svg.boundingBox())!;
  const [v] = await invert(plane, 0.5 * box.width, 0.5 * box.height);
  await svg.click({position: {x: 0.5 * box.width, y: 0.5 * box.height}});
  await expect.poll(async () => (await startReadout(chapterPlane(page)))[0]).toBeCloseTo(v, 0);
});

/**
 * Reveals the page's predict prompts (a chart that answers one is drawn only after the reveal); the chapters
 * this is used on have at least one, so wait for it to be drawn first.
 */
async function revealAll(page: Page): Promise<void> {
  await page.locator("form.predict").first().waitFor();
  for (const prompt of await page.locator("form.predict").all()) {
    const reveal = prompt.getByRole("button", {name: "Reveal"});
    if (await reveal.count()) await reveal.click();
  }
}

// The plane's own Time slider is not a choice of initial state: on pages that re-simulate on the plane's
// "input" event it used to rebuild the plane, so the slider snapped back to t = 0 (issue 12, item 2).
for (const [path, nth] of [
  ["/tutorial/coupling", 0],
  ["/tutorial/phase-plane", 0],
  ["/tutorial/phase-plane", 1]
] as const) {
  test(`the Time slider keeps its value (${path}, plane ${nth + 1})`, async ({page}) => {
    const problems = watch(page);
    await page.goto(path);
    await revealAll(page);
    const plane = page.locator("div.ipp").nth(nth);
    const slider = plane.locator(".ipp-time input[type=range]");
    await slider.scrollIntoViewIfNeeded();
    const max = Number(await slider.getAttribute("max"));
    // Keyboard: one step to the right.
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect(plane.locator(".ipp-readout")).not.toHaveText(/^t = 0 ms/);
    // A click in the middle of the track.
    await slider.click();
    await expect.poll(() => slider.evaluate((s) => (s as HTMLInputElement).valueAsNumber)).toBeGreaterThan(0.3 * max);
    // Give a page that reacts to the plane's "input" time to rebuild it, then look again.
    await page.waitForTimeout(500);
    expect(await slider.evaluate((s) => (s as HTMLInputElement).valueAsNumber)).toBeGreaterThan(0.3 * max);
    await expect(plane.locator(".ipp-readout")).toHaveText(/^t = [1-9]/);
    expect(problems).toEqual([]);
  });
}

test("every y tick label of the explorer's charts fits its chart, minus sign included (panel T's u(t))", async ({
  page
}) => {
  await page.goto("/?class=T");
  await page.waitForFunction(() => performance.getEntriesByName("explorer:update", "measure").length > 0);
  const labels = await page.evaluate(() =>
    [...document.querySelectorAll("figure.explorer-chart svg[role] .axes text[dy='0.32em']")].map((t) => ({
      text: t.textContent ?? "",
      left: (t as SVGTextElement).getBBox().x
    }))
  );
  expect(labels.length).toBeGreaterThan(5);
  for (const {text, left} of labels) expect(left, text).toBeGreaterThanOrEqual(0);
  // u of T reaches about −200,000: its labels are negative and say so.
  expect(labels.some(({text}) => /^−\d+(\.\d+)?k$/.test(text))).toBe(true);
});
