// Browser tests of the comparison page (/compare): 2–4 neurons render their charts and statistics, the
// shared current drives every trace, the overlay switch works by keyboard, the state lives in the URL,
// and a phone-sized viewport does not scroll sideways.
import {expect, test, type Page} from "@playwright/test";

/** Opens /compare with a query, collecting console and page errors; waits for the charts. */
async function open(page: Page, search: string): Promise<string[]> {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`/compare${search}`, {waitUntil: "networkidle"});
  await expect(page.locator("table.compare-stats")).toBeVisible();
  return errors;
}

/** The path data of each stacked v(t) trace. */
async function tracePaths(page: Page): Promise<string[]> {
  return page
    .locator(".compare-stack figure path[vector-effect]")
    .evaluateAll((paths) => paths.map((p) => p.getAttribute("d") ?? ""));
}

for (const kinds of [
  ["RS", "FS"],
  ["A", "custom", "TC_burst"],
  ["CH", "IB", "G", "custom"]
]) {
  test(`renders ${kinds.length} neurons (${kinds.join(", ")}) with their charts and statistics`, async ({page}) => {
    const search = "?" + kinds.map((k, i) => `n${i + 1}=${k}`).join("&");
    const errors = await open(page, search);
    const n = kinds.length;
    await expect(page.locator(".compare-stack figure")).toHaveCount(n);
    await expect(page.locator(".compare-phase-grid figure")).toHaveCount(n);
    await expect(page.locator("table.compare-stats thead th")).toHaveCount(n + 1);
    for (const figure of await page.locator("figure").all()) {
      await expect(figure.locator("h3")).not.toBeEmpty();
      await expect(figure.locator("svg[role=img]")).toHaveAttribute("aria-label", /.+/);
    }
    const spikes = await page
      .locator("table.compare-stats tbody tr")
      .filter({hasText: /^Spikes/})
      .first()
      .locator("td")
      .allTextContents();
    expect(spikes).toHaveLength(n);
    expect(errors).toEqual([]);
    // Custom neurons show their sliders; the count menu shows the number of neurons.
    await expect(page.locator(".compare-custom:visible")).toHaveCount(kinds.filter((k) => k === "custom").length);
    await expect(page.locator("#compare-count")).toHaveValue(String(n));
  });
}

test("changing the shared current changes every trace, and the URL", async ({page}) => {
  const errors = await open(page, "?n1=RS&n2=IB&n3=FS&stim=dc&I=5&T=100");
  const before = await tracePaths(page);
  expect(before).toHaveLength(3);
  await page.locator("#compare-stimulus").selectOption("pulses");
  await expect.poll(async () => (await tracePaths(page)).every((d, i) => d !== before[i])).toBe(true);
  await expect.poll(() => page.evaluate(() => location.search)).toContain("stim=pulses");
  // A slider moved by keyboard changes the traces again.
  const middle = await tracePaths(page);
  const slider = page.locator('input[type=range][aria-label="Current: I (mV/ms)"]');
  await slider.focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(async () => (await tracePaths(page)).every((d, i) => d !== middle[i])).toBe(true);
  await expect.poll(() => page.evaluate(() => location.search)).toContain("I=7");
  expect(errors).toEqual([]);
});

test("a drag of the shared current redraws the charts in place: none is taken out of the page and put back", async ({
  page
}) => {
  const errors = await open(page, "?n1=RS&n2=IB&n3=FS&stim=dc&I=5&T=100");
  // Record every chart taken out of the document (re-showing a chart removes it first, then lays it out anew).
  await page.evaluate(() => {
    const removed: string[] = ((window as unknown as {removedCharts: string[]}).removedCharts = []);
    const CHARTS = ".compare-stack, .compare-current, .compare-phase-grid, table.compare-stats";
    new MutationObserver((records) => {
      for (const r of records)
        for (const node of r.removedNodes)
          if (node instanceof Element && (node.matches(CHARTS) || node.querySelector(CHARTS)))
            removed.push(node.tagName);
    }).observe(document.body, {childList: true, subtree: true});
  });
  const before = await tracePaths(page);
  await page.locator('input[type=range][aria-label="Current: I (mV/ms)"]').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(async () => (await tracePaths(page)).every((d, i) => d !== before[i])).toBe(true);
  await expect(page.locator("table.compare-stats")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as {removedCharts: string[]}).removedCharts)).toEqual([]);
  expect(errors).toEqual([]);
});

test("the overlay switch draws all traces on one chart with a legend, by keyboard", async ({page}) => {
  const errors = await open(page, "?n1=RS&n2=IB&n3=CH&n4=FS");
  await expect(page.locator(".compare-stack figure")).toHaveCount(4);
  await page.locator("#compare-overlay").focus();
  await page.keyboard.press("Space");
  await expect(page.locator("figure.compare-overlay")).toHaveCount(1);
  await expect(page.locator(".compare-stack")).toHaveCount(0);
  await expect(page.locator("figure.compare-overlay .compare-legend li")).toHaveCount(4);
  await expect(page.locator("figure.compare-overlay svg[role=img] path[vector-effect]")).toHaveCount(4);
  await expect.poll(() => page.evaluate(() => location.search)).toContain("overlay=1");
  await page.keyboard.press("Space");
  await expect(page.locator(".compare-stack figure")).toHaveCount(4);
  expect(errors).toEqual([]);
});

test("choosing neurons and the method by keyboard re-runs the comparison", async ({page}) => {
  await open(page, "?n1=RS&n2=FS");
  await page.locator("#compare-count").selectOption("4");
  await expect(page.locator(".compare-stack figure")).toHaveCount(4);
  await page.locator("#compare-neuron-2").selectOption("custom");
  await expect(page.locator(".compare-custom:visible")).toHaveCount(1);
  await page.locator("input[name=compare-method][value=paper2004]").check();
  await expect
    .poll(() => page.evaluate(() => location.search))
    .toMatch(/n2=custom&a2=0\.1&b2=0\.2&c2=-65&d2=2.*method=paper2004/);
  await expect(page.locator("table.compare-stats caption")).toContainText("as published");
});

test("opens the explorer's state from an explorer link", async ({page}) => {
  const errors = await open(page, "?class=CH&a=0.02&b=0.2&c=-50&d=4&v0=-70&u0=-14&T=150&dt=0.03125&method=adaptive");
  await expect(page.locator(".compare-stack figure h3").first()).toContainText("1 · explorer");
  await expect(page.locator("#compare-neuron-1")).toHaveValue("explorer");
  await expect(page.locator("#url-notice")).toBeHidden();
  expect(errors).toEqual([]);
});

test("ignored settings are reported as text", async ({page}) => {
  const errors = await open(page, "?n1=%3Cimg%20src%3Dx%3E&n2=FS&I=abc&stim=dc");
  const notice = page.locator("#url-notice");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("Unknown neuron “<img src=x>”");
  await expect(notice).toContainText("“abc” is not a number for I");
  await expect(notice.locator("img")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("four neurons at 390×844 do not scroll sideways, and the phase planes stack", async ({page}) => {
  await page.setViewportSize({width: 390, height: 844});
  const errors = await open(page, "?n1=CH&n2=custom&n3=F&n4=T&stim=pulses");
  await expect(page.locator(".compare-phase-grid figure")).toHaveCount(4);
  const {scrollWidth, innerWidth} = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  const lefts = await page
    .locator(".compare-phase-grid figure")
    .evaluateAll((fs) => fs.map((f) => Math.round(f.getBoundingClientRect().left)));
  expect(new Set(lefts).size).toBe(1);
  // The table fits without its own scrolling too.
  const table = await page
    .locator(".compare-table-wrap")
    .evaluate((w) => ({scroll: w.scrollWidth, client: w.clientWidth}));
  expect(table.scroll).toBeLessThanOrEqual(table.client);
  expect(errors).toEqual([]);
});

test("the same RS run has the same rate here and in the explorer, and the window is stated", async ({page}) => {
  const errors = await open(page, "?n1=RS&n2=FS&stim=protocol1");
  const rate = page.locator("table.compare-stats tbody tr").filter({hasText: /^Rate \(Hz\)/});
  const here = (await rate.locator("td").first().textContent())!.trim();
  await expect(rate.locator("th")).toContainText("over [0, time reached], as in the explorer");
  await expect(page.getByText("over [0, time reached] (the run's duration")).toBeVisible();
  await page.goto("/?class=RS", {waitUntil: "networkidle"});
  const readout = page.locator("dl.spike-readout dt", {hasText: /^Rate$/}).locator("xpath=following-sibling::dd[1]");
  await expect(readout).toHaveText(`${here} Hz`);
  expect(errors).toEqual([]);
});

test("the classifier's label agrees with the statistics beside it (RS: tonic, no burst)", async ({page}) => {
  await open(page, "?n1=RS&n2=RZ&stim=protocol1");
  const row = (label: RegExp) =>
    page.locator("table.compare-stats tbody tr").filter({hasText: label}).first().locator("td").allTextContents();
  const [rsPattern] = await row(/^Firing pattern/);
  expect(rsPattern).toBe("tonic");
  const [late] = await row(/^Late adaptation index/);
  expect(Number(late.replace("−", "-"))).toBeLessThan(0.1);
  expect((await row(/^Bursts/))[0]).toBe("0");
});

test("on a phone, chart text is at least 11 px, labels do not overlap, and a neuron is named once", async ({page}) => {
  await page.setViewportSize({width: 390, height: 844});
  await open(page, "?n1=RS&n2=FS&n3=CH");
  await expect(page.locator(".compare-phase-grid figure")).toHaveCount(3);
  const report = await page.evaluate(() => {
    const small: string[] = [];
    const overlaps: string[] = [];
    for (const svg of document.querySelectorAll(
      ".compare-stack svg, .compare-overlay svg, .compare-current svg, .compare-phase-grid svg"
    )) {
      const texts = [...svg.querySelectorAll("text")].filter(
        (t) => (t.textContent ?? "").trim() && t.getClientRects().length
      );
      for (const t of texts) {
        const size = parseFloat(getComputedStyle(t).fontSize);
        if (size < 11) small.push(`${t.textContent} (${size}px)`);
      }
      const boxes = texts.map((t) => ({text: t.textContent, r: t.getBoundingClientRect()}));
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!.r, boxes[j]!.r];
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > 1) overlaps.push(`${boxes[i]!.text} / ${boxes[j]!.text}`);
        }
    }
    return {small, overlaps};
  });
  expect(report.small).toEqual([]);
  expect(report.overlaps).toEqual([]);
  await page.locator("#compare-overlay").check();
  const legend = page.locator(".compare-legend li");
  await expect(legend.first()).toHaveText("1 · RS, regular spiking");
});
