// Browser tests of the explorer (src/index.md) on the built site: controls drive the charts, the address
// round-trips the view, hostile addresses are defused, the page fits a phone, and errors are shown.
import {expect, test, type Page} from "@playwright/test";
import {watch} from "./watch.js";

const MEASURE = "explorer:update";

/** Console errors and page errors of a page, and dialogs it opened (there must be none). */

/** Number of "explorer:update" measures so far. */
const updates = (page: Page) => page.evaluate((name) => performance.getEntriesByName(name, "measure").length, MEASURE);

/** Opens the explorer with a query and waits for its first update. */
async function open(page: Page, query = ""): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction((name) => performance.getEntriesByName(name, "measure").length > 0, MEASURE);
}

/** Everything the charts and readouts show, to tell whether an update changed them. */
const charts = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("figure.explorer-chart, .readouts")].map((e) => e.outerHTML).join("\n")
  );

/** The whole state of the controls, as the reader sees it. */
const controls = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(".wb-controls input, .wb-controls select")].map(
      (input) =>
        input instanceof HTMLInputElement && (input.type === "checkbox" || input.type === "radio")
          ? input.checked
          : input.value
    )
  );

/** Presses a key on a slider (focused as by keyboard) and waits until the page has finished its update. */
async function step(page: Page, slider: ReturnType<Page["locator"]>, key = "ArrowRight"): Promise<void> {
  const before = await updates(page);
  await slider.focus();
  await page.keyboard.press(key);
  await page.waitForFunction(
    ([name, n]) => performance.getEntriesByName(name as string, "measure").length > (n as number),
    [MEASURE, before]
  );
}

test("the explorer loads with every chart, caption and readout, and no console error", async ({page}) => {
  const problems = watch(page);
  await open(page);
  await expect(page.locator("h1")).toHaveText("Izhikevich neuron explorer");
  for (const title of [
    "Membrane potential v(t)",
    "Recovery variable u(t)",
    "Input current I(t)",
    "Phase plane (v, u)"
  ]) {
    const figure = page.locator("figure.explorer-chart", {has: page.locator("h3", {hasText: title})});
    await expect(figure).toBeVisible();
    await expect(figure.locator("figcaption")).not.toBeEmpty();
    // The interactive phase plane's graphic is an application (click and keys set the state) in a positioned box.
    await expect(figure.locator(":scope > svg[role=img], :scope > .ipp-plane > svg[role=application]")).toHaveAttribute(
      "aria-label",
      /.+/
    );
  }
  await expect(page.locator(".spike-readout")).toContainText("Spikes");
  await expect(page.locator(".stability-readout")).toContainText("I_sn (saddle-node)");
  await expect(page.locator(".stability-readout")).toContainText("I_AH (Andronov–Hopf)");
  await expect(page.locator("#url-notice")).toBeHidden();
  // Units: I is never labelled in mV.
  const text = await page.locator("main").innerText();
  expect(text).not.toMatch(/I \(mV\)/);
  expect(problems).toEqual([]);
});

test("each slider changes the charts", async ({page}) => {
  test.setTimeout(120_000);
  const problems = watch(page);
  // Every stimulus component on and a long run, so that every stimulus slider acts on I(t).
  await open(page, "?T=400&dc=1&step=1&pulses=1&ramp=1&rampOff=300&noise=1");
  const sliders = page.locator("input[type=range]");
  const count = await sliders.count();
  expect(count).toBeGreaterThanOrEqual(6 + 2 + 1 + 1 + 3 + 5 + 4 + 4);
  for (let i = 0; i < count; ++i) {
    const slider = sliders.nth(i);
    const name = await slider.getAttribute("aria-label");
    const {value, max} = await slider.evaluate((input: HTMLInputElement) => ({value: +input.value, max: +input.max}));
    const before = await charts(page);
    await slider.focus();
    await page.keyboard.press(value >= max ? "ArrowLeft" : "ArrowRight");
    await expect
      .poll(() => charts(page), {message: `the charts after moving "${name}"`, timeout: 5000})
      .not.toBe(before);
  }
  expect(problems).toEqual([]);
});

test("choosing a class loads it, keeps the method, and updates the charts and the address", async ({page}) => {
  const problems = watch(page);
  await open(page);
  for (const [id, v0] of [
    ["FS", "-70"],
    ["TC_burst", "-87"],
    ["RZ", "-70"],
    ["LTS", "-63"],
    ["RS", "-63"]
  ]) {
    const before = await charts(page);
    const n = await updates(page);
    await page.locator(`.class-menu input[value="${id}"]`).check();
    await page.waitForFunction(
      ([name, k]) => performance.getEntriesByName(name as string, "measure").length > (k as number),
      [MEASURE, n]
    );
    expect(await charts(page)).not.toBe(before);
    await expect(page.locator('input[type=range][aria-label^="v₀"]')).toHaveValue(v0);
    await expect(page.locator(".stimulus-controls .protocol")).toContainText(`protocol of ${id.replace("_", " ")}:`);
    await expect(page.locator(".numerics select option:checked")).toHaveText("adaptive");
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get("class"))).toBe(id);
  }
  await expect(page.locator(".stimulus-controls .protocol")).toContainText("protocol of RS: 14 for t > 15 ms");
  expect(problems).toEqual([]);
});

test("the published scheme is one click away, and reset brings the preset back", async ({page}) => {
  const problems = watch(page);
  await open(page, "?class=CH");
  await page.getByRole("button", {name: "As published"}).click();
  await expect(page.locator(".numerics select option:checked")).toHaveText("paper2004");
  await expect(page.locator(".numerics-status")).toContainText("as published");
  await expect.poll(() => page.evaluate(() => location.search)).toContain("method=paper2004");
  expect(await page.evaluate(() => new URLSearchParams(location.search).get("dt"))).toBe("0.25");

  const c = page.locator('input[type=range][aria-label^="c ("]');
  await step(page, c);
  await expect(c).toHaveValue("-49.9");
  await expect(page.locator('form.modified input[type=range][aria-label^="c ("]')).toHaveCount(1);
  await page.getByRole("button", {name: "Reset to preset"}).click();
  await expect(c).toHaveValue("-50");
  await expect(page.locator("form.modified")).toHaveCount(0);
  await expect(page.locator(".numerics select option:checked")).toHaveText("adaptive");
  expect(problems).toEqual([]);
});

test("the address reproduces the view exactly", async ({page, context}) => {
  const problems = watch(page);
  await open(page);
  await page.locator('.class-menu input[value="IB"]').check();
  await page.getByRole("tab", {name: "Numerics"}).click();
  await page.locator(".numerics select").selectOption("rk4");
  await page.getByRole("tab", {name: "Neuron"}).click();
  await step(page, page.locator('input[type=range][aria-label^="a ("]'));
  await step(page, page.locator('input[type=range][aria-label^="d ("]'), "ArrowLeft");
  await page.getByRole("tab", {name: "Stimulus"}).click();
  await page.locator('.stimulus-part input[data-key="pulses"]').check();
  await step(page, page.locator('input[type=range][aria-label="Pulse train: count"]'));
  await page.locator(".phase-time input[type=range]").fill("40");
  await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get("tI"))).toBe("40");
  await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get("pulseN"))).toBe("6");
  const address = page.url();
  const state = await controls(page);
  const view = await charts(page);

  const copy = await context.newPage();
  const copyProblems = watch(copy);
  await copy.goto(address);
  await copy.waitForFunction((name) => performance.getEntriesByName(name, "measure").length > 0, MEASURE);
  await expect(copy.locator("#url-notice")).toBeHidden();
  expect(await controls(copy)).toEqual(state);
  expect(await charts(copy)).toBe(view);
  expect(problems).toEqual([]);
  expect(copyProblems).toEqual([]);
});

test("a hostile address shows a notice, uses defaults or clamped values, and injects nothing", async ({page}) => {
  const problems = watch(page);
  const query =
    "?class=%3Cscript%3Ealert(1)%3C%2Fscript%3E&a=1e308&b=NaN&c=-1e999&dt=-0.5&T=%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E" +
    "&method=%22%3E%3Csvg%20onload%3Dalert(3)%3E&%3Cimg%20src%3Dx%20onerror%3Dalert(4)%3E=1&dc=javascript:alert(5)&v0=0x10";
  await open(page, query);
  const notice = page.locator("#url-notice");
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute("role", "status");
  await expect(notice).toContainText("Unknown neuron class “<script>alert(1)</script>”");
  await expect(notice).toContainText("a = 1e308 is outside");
  // Ten problems: eight lines are shown, the last says how many more there are.
  await expect(notice).toContainText("and 3 more");
  await expect(notice.locator("li")).toHaveCount(8);
  // Defaults (class RS, b, c, v0, T, dt, method: "-1e999" is not a decimal number) and a clamp (a).
  await expect(page.locator('.class-menu input[value="RS"]')).toBeChecked();
  await expect(page.locator('input[type=range][aria-label^="a ("]')).toHaveValue("1");
  await expect(page.locator('input[type=range][aria-label^="b ("]')).toHaveValue("0.2");
  await expect(page.locator('input[type=range][aria-label^="c ("]')).toHaveValue("-65");
  await expect(page.locator('input[type=range][aria-label^="v₀"]')).toHaveValue("-63");
  await expect(page.locator('input[type=range][aria-label^="Duration"]')).toHaveValue("150");
  await expect(page.locator(".numerics select option:checked")).toHaveText("adaptive");
  await expect(page.locator('input[type=range][aria-label^="dt"]')).toHaveValue("5");
  // Nothing was injected: no element came from the address, no script ran.
  expect(await page.locator("main script, main img, main iframe, #url-notice *:not(p, ul, li)").count()).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll("img, svg[onload], [onerror]").length)).toBe(0);
  await expect(page.locator("figure.explorer-chart").first()).toBeVisible();
  expect(problems).toEqual([]);
});

test("every chart fits a 390-px phone without horizontal scrolling", async ({page}) => {
  await page.setViewportSize({width: 390, height: 844});
  const problems = watch(page);
  await open(page, "?T=1000");
  for (const figure of await page.locator("figure.explorer-chart").all()) {
    await figure.scrollIntoViewIfNeeded();
    await expect(figure).toBeVisible();
    const box = (await figure.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(problems).toEqual([]);
});

test("each slider's number box shows its whole value, on a desktop and on a phone", async ({page}) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({width, height: 844});
    // Six characters, the longest these sliders take (a has three decimals; u₀ = b·v₀ two).
    await open(page, "?class=CH&a=-0.055&u0=-16.25&v0=-63.5");
    const boxes = await page.evaluate(() => {
      const context = document.createElement("canvas").getContext("2d")!;
      return [...document.querySelectorAll<HTMLInputElement>(".wb-controls input[type=number]")]
        .filter((box) => box.parentElement?.querySelector("input[type=range]") && box.offsetParent)
        .map((box) => {
          const style = getComputedStyle(box);
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          // Chromium's spin buttons take about 15 px of the box unless its appearance is a plain text field.
          const spinner = style.appearance === "textfield" ? 0 : 15;
          const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - spinner;
          const range = box.parentElement!.querySelector("input[type=range]")!.getBoundingClientRect();
          const panel = box.closest(".wb-panel")!.getBoundingClientRect();
          return {
            value: box.value,
            fits: context.measureText(box.value).width <= room,
            rangeInside: range.width >= 60 && range.right <= panel.right + 1
          };
        });
    });
    expect(boxes.map((b) => b.value)).toEqual(expect.arrayContaining(["-0.055", "-16.25", "-63.5"]));
    for (const box of boxes) expect({width, ...box}).toEqual({width, value: box.value, fits: true, rangeInside: true});
  }
});

test("the controls work by keyboard alone, with a visible focus", async ({page}) => {
  const problems = watch(page);
  await open(page);
  // Tab from the class menu's checked radio to the buttons; arrows move between classes.
  await page.locator('.class-menu input[value="RS"]').focus();
  const n = await updates(page);
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction(
    ([name, k]) => performance.getEntriesByName(name as string, "measure").length > (k as number),
    [MEASURE, n]
  );
  await expect(page.locator('.class-menu input[value="IB"]')).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", {name: "Reset to preset"})).toBeFocused();
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
  const slider = page.locator('input[type=range][aria-label^="b ("]');
  await step(page, slider, "ArrowLeft");
  await expect(slider).toHaveValue("0.199");
  expect(await slider.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  expect(problems).toEqual([]);
});

test("a run's warnings are shown", async ({page}) => {
  const problems = watch(page);
  // A reset above the spike's start with a negative d fires without end: the run stops at its spike budget.
  await open(page, "?c=-30&d=-25&T=1000&protocol=0&dc=1&dcI=40");
  await expect(page.locator(".explorer-warning")).toBeVisible();
  await expect(page.locator(".explorer-warning")).toContainText("Warning from the simulation");
  await expect(page.locator(".explorer-warning")).toContainText("spike budget");
  await expect(page.locator("figure.explorer-chart")).toHaveCount(4);
  expect(problems).toEqual([]);
});

test("a run stopped at its spike budget names the budget control, which raises it and keeps it in the address", async ({
  page
}) => {
  const problems = watch(page);
  // The runaway of the test above, with a budget of 1,000 spikes in the address.
  await open(page, "?c=-30&d=-25&T=1000&protocol=0&dc=1&dcI=40&budget=1000");
  const warning = page.locator(".explorer-warning");
  await expect(warning).toContainText("spike budget of 1000 spikes was reached");
  await expect(warning).toContainText("raise the spike budget (Numerics tab) to go on");
  await expect(warning).not.toContainText("maxSpikes");
  const tOf = async () => Number((await warning.innerText()).match(/reached at t = ([\d.]+) ms/)![1]);
  const before = await tOf();
  // The readout counts over the time the run reached, not the 1000 ms asked for.
  const readout = await page.locator(".spike-readout").innerText();
  const reached = readout.match(/1000 in ([\d.]+) ms \(the run stopped there, before the 1000 ms asked for\)/);
  expect(reached).not.toBeNull();
  expect(Math.abs(Number(reached![1]) - before)).toBeLessThan(0.01);
  // The control sits in the Numerics tab, labelled in the reader's words; the warning's button shows it and
  // focuses it, and it is typed by keyboard alone.
  const budget = page.getByRole("spinbutton", {name: "Spike budget (spikes per run)"});
  await expect(budget).toBeHidden();
  await warning.getByRole("button", {name: "Show the spike budget"}).click();
  await expect(budget).toBeVisible();
  await expect(budget).toBeFocused();
  await expect(page.getByRole("tab", {name: "Numerics"})).toHaveAttribute("aria-selected", "true");
  await expect(budget).toHaveValue("1000");
  const n = await updates(page);
  await page.keyboard.press("Control+A");
  await page.keyboard.type("5000");
  await page.keyboard.press("Tab");
  await page.waitForFunction(
    ([name, k]) => performance.getEntriesByName(name as string, "measure").length > (k as number),
    [MEASURE, n]
  );
  await expect(page).toHaveURL(/[?&]budget=5000(&|$)/);
  await expect(warning).toContainText("spike budget of 5000 spikes was reached");
  expect(await tOf()).toBeGreaterThan(before);
  // An arrow key steps it by 1,000; back at the default it leaves the address.
  await budget.focus();
  await page.keyboard.press("ArrowUp");
  await expect(page).toHaveURL(/[?&]budget=6000(&|$)/);
  await budget.fill("100000");
  await budget.press("Enter");
  await expect(page).not.toHaveURL(/budget=/);
  expect(problems).toEqual([]);
});

test("each update is measured (the timing itself is the benchmark's: npm run bench:browser)", async ({page}) => {
  await open(page, "?T=1000&dt=0.03125");
  const slider = page.locator('input[type=range][aria-label^="a ("]');
  for (let i = 0; i < 10; ++i) await step(page, slider, i < 5 ? "ArrowRight" : "ArrowLeft");
  const durations = await page.evaluate(
    (name) => performance.getEntriesByName(name, "measure").map((e) => e.duration),
    MEASURE
  );
  expect(durations.length).toBeGreaterThanOrEqual(11);
  for (const ms of durations) expect(ms).toBeGreaterThanOrEqual(0);
});
