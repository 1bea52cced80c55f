// Browser tests of the behaviour atlas (src/lab/atlas.md) on the built site: the three default maps render
// at once without console errors; a change of a control recomputes the map in workers (and, without workers, on
// the main thread with the same cells); a click (and Enter) on a cell opens the explorer in that cell's state,
// and Back brings the map back as it was (its settings live in the address); cancel stops a computation; the
// page fits a phone, with labels that neither overlap nor shrink below 11 px.
import {expect, test, type Page} from "@playwright/test";
import {watch} from "./watch.js";

/** The share of the map's canvas pixels that are painted (opaque). */
async function painted(page: Page, id: string): Promise<number> {
  return page.locator(`#atlas-${id} canvas.atlas-cells`).evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    let opaque = 0;
    for (let k = 3; k < data.length; k += 4) if (data[k] === 255) opaque++;
    return opaque / (canvas.width * canvas.height);
  });
}

test("the three default maps render at once, with legend, marks and the agreement section", async ({page}) => {
  const problems = watch(page);
  await page.goto("/lab/atlas");
  await expect(page.locator("h1")).toHaveText("Behaviour atlas");
  for (const id of ["cd", "ab", "Id"]) {
    const map = page.locator(`#atlas-${id}`);
    await expect(map.locator("figure h3")).toBeVisible();
    await expect(map.locator(".atlas-legend")).toContainText("bursting, spikes per burst");
    await expect(map.locator("canvas.atlas-cells")).toHaveJSProperty("width", 64);
    expect(await painted(page, id)).toBe(1);
    await expect(map.locator(".atlas-status")).toHaveText("Computed at build time.");
  }
  // The 2003 classes RS, IB and CH sit on the (c, d) map.
  await expect(page.locator("#atlas-cd svg text").filter({hasText: /(^|, )RS(,|$)/})).toHaveCount(1);
  await expect(page.locator("#atlas-cd svg text").filter({hasText: /(^|, )CH(,|$)/})).toHaveCount(1);
  await expect(page.locator("#atlas-cd .atlas-box")).toHaveAttribute("aria-description", /tonic \d/);
  await expect(page.getByText(/give the same label on \d+ of 12288 cells/)).toBeVisible();
  await expect(page.getByText(/The \d+ cells where they disagree/)).toBeVisible();
  await expect(page.locator(".atlas-table tbody tr").first()).toBeVisible();
  expect(problems).toEqual([]);
});

test("a change of a control recomputes the map in workers, progressively", async ({page}) => {
  const problems = watch(page);
  await page.goto("/lab/atlas");
  const map = page.locator("#atlas-cd");
  await map.locator("select").first().selectOption({label: "32 × 32"});
  await expect(map).toHaveAttribute("data-state", "done", {timeout: 30_000});
  await expect(map.locator("canvas.atlas-cells")).toHaveJSProperty("width", 32);
  expect(await painted(page, "cd")).toBe(1);
  // The workers ran the WebAssembly SIMD kernel (Chromium has it), not the JavaScript fallback.
  await expect(map.locator(".atlas-status")).toContainText(
    /Done: 1024 cells in [\d.]+ s \(\d workers?, WebAssembly SIMD kernel\)/
  );
  await expect(map.locator("progress")).toHaveJSProperty("value", 1);
  // A current change recomputes too: I = 0 leaves every neuron of the (c, d) map silent.
  const current = map.getByLabel("I (DC, mV/ms)");
  const runs = async () =>
    ((await map.getAttribute("data-history")) ?? "").split(" ").filter((x) => x === "running").length;
  const before = await runs();
  await current.fill("0");
  await current.dispatchEvent("input");
  // The map records the states it went through: a fast map may be "running" for less than one poll. (The field's
  // input may arrive as two events, whose second restarts the first run: at least one more run, then.)
  await expect.poll(runs).toBeGreaterThan(before);
  await expect(map).toHaveAttribute("data-state", "done", {timeout: 30_000});
  expect(await map.getAttribute("data-history")).toMatch(/running done$/);
  await expect(map.locator(".atlas-box")).toHaveAttribute(
    "aria-description",
    "Share of cells by behaviour: silent 100%."
  );
  expect(problems).toEqual([]);
});

test("without workers the map is computed on the main thread, cell for cell as in the workers", async ({browser}) => {
  test.setTimeout(90_000);
  /** The 32 × 32 (c, d) map's pixels, and the status line, with the page's own workers or with none. */
  const map32 = async (workers: boolean) => {
    const page = await browser.newPage();
    const problems = watch(page);
    if (!workers) await page.addInitScript(() => delete (window as {Worker?: unknown}).Worker);
    await page.goto("/lab/atlas");
    const map = page.locator("#atlas-cd");
    await map.locator("select").first().selectOption({label: "32 × 32"});
    await expect(map).toHaveAttribute("data-state", "done", {timeout: 60_000});
    const pixels = await map
      .locator("canvas.atlas-cells")
      .evaluate((canvas: HTMLCanvasElement) => [
        ...canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data
      ]);
    const status = await map.locator(".atlas-status").textContent();
    expect(problems).toEqual([]);
    await page.close();
    return {pixels, status};
  };
  const inWorkers = await map32(true);
  const onPage = await map32(false);
  expect(inWorkers.status).toMatch(/\d workers?, WebAssembly SIMD kernel/);
  expect(onPage.status).toMatch(/the main thread, since this browser has no Web Workers, WebAssembly SIMD kernel/);
  expect(onPage.pixels.length).toBe(32 * 32 * 4);
  expect(onPage.pixels).toEqual(inWorkers.pixels);
});

test("clicking a cell opens the explorer with that neuron; Enter does the same from the keyboard", async ({page}) => {
  const problems = watch(page);
  await page.goto("/lab/atlas");
  const box = page.locator("#atlas-cd .atlas-box");
  // The cell at 0.25 of the width and 0.5 of the height of the cell area: i = 16, j = 31 of 64.
  await box.scrollIntoViewIfNeeded();
  const area = await page.locator("#atlas-cd canvas.atlas-cells").boundingBox();
  const readout = page.locator("#atlas-cd .atlas-readout");
  await page.mouse.move(area!.x + area!.width * 0.25 + 1, area!.y + area!.height * 0.5 - 1);
  await expect(readout).toContainText(/c = -69\.8, d = 5\.08: \w+/);
  const href = await readout.locator("a").getAttribute("href");
  expect(href).toContain("c=-69.8");
  await page.mouse.click(area!.x + area!.width * 0.25 + 1, area!.y + area!.height * 0.5 - 1);
  await page.waitForURL(/\/\?class=/);
  const url = new URL(page.url());
  expect(url.pathname).toBe("/");
  const q = url.searchParams;
  expect([q.get("a"), q.get("b"), q.get("c"), q.get("d")]).toEqual(["0.02", "0.2", "-69.8", "5.08"]);
  expect([
    q.get("dc"),
    q.get("dcI"),
    q.get("protocol"),
    q.get("T"),
    q.get("dt"),
    q.get("method"),
    q.get("v0"),
    q.get("u0")
  ]).toEqual(["1", "10", "0", "1000", "0.03125", "euler", "-65", "-13"]);
  await expect(page.locator("h1")).toBeVisible();

  // Keyboard: focus the (a, b) map, move right twice and up once, press Enter.
  await page.goto("/lab/atlas");
  const ab = page.locator("#atlas-ab .atlas-box");
  await ab.focus();
  const before = await page.locator("#atlas-ab .atlas-readout").textContent();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowUp");
  const after = await page.locator("#atlas-ab .atlas-readout").textContent();
  expect(after).not.toBe(before);
  const expected = await page.locator("#atlas-ab .atlas-readout a").getAttribute("href");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/\?class=/);
  expect(new URL(page.url()).search).toBe(new URL(expected!, "http://x/lab/atlas").search);
  expect(problems).toEqual([]);
});

test("cancel stops a computation and keeps what was drawn", async ({page}) => {
  const problems = watch(page);
  await page.goto("/lab/atlas");
  const map = page.locator("#atlas-Id");
  await map.locator("select").first().selectOption({label: "200 × 200"});
  await expect(map).toHaveAttribute("data-state", "running");
  await map.getByRole("button", {name: "Cancel"}).click();
  await expect(map).toHaveAttribute("data-state", "cancelled");
  await expect(map.locator(".atlas-status")).toContainText(/Cancelled after \d+ of 200 rows/);
  await expect(map.getByRole("button", {name: "Cancel"})).toBeDisabled();
  const share = await painted(page, "Id");
  expect(share).toBeLessThan(1);
  await page.waitForTimeout(1000);
  expect(await painted(page, "Id")).toBe(share); // nothing arrives after cancel
  expect(problems).toEqual([]);
});

test("the atlas fits a phone (390 px) and its maps stay usable", async ({page}) => {
  const problems = watch(page);
  await page.setViewportSize({width: 390, height: 844});
  await page.goto("/lab/atlas");
  await expect(page.locator("#atlas-cd canvas.atlas-cells")).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await page.locator("#atlas-cd .atlas-box").boundingBox();
  expect(box!.width).toBeGreaterThan(300);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(problems).toEqual([]);
});

test("the map's settings live in the address: after a cell opens the explorer, Back restores the map", async ({
  page
}) => {
  const problems = watch(page);
  await page.goto("/lab/atlas");
  const map = page.locator("#atlas-cd");
  const current = map.getByLabel("I (DC, mV/ms)");
  await current.fill("14");
  await current.dispatchEvent("input");
  await expect(page).toHaveURL(/\?cd\.I=14$/);
  await expect(map).toHaveAttribute("data-state", "done", {timeout: 30_000});
  const shares = await map.locator(".atlas-box").getAttribute("aria-description");
  await expect(map.locator("figure")).toContainText("I = 14");
  // Open a cell, then go back.
  await map.locator(".atlas-box").scrollIntoViewIfNeeded();
  const area = await map.locator("canvas.atlas-cells").boundingBox();
  await page.mouse.click(area!.x + area!.width * 0.5, area!.y + area!.height * 0.5);
  await page.waitForURL(/\/\?class=/);
  expect(new URL(page.url()).searchParams.get("dcI")).toBe("14");
  await page.goBack();
  await expect(page).toHaveURL(/\/lab\/atlas\?cd\.I=14$/);
  await expect(page.locator("#atlas-cd").getByLabel("I (DC, mV/ms)")).toHaveValue("14");
  await expect(page.locator("#atlas-cd")).toHaveAttribute("data-state", "done", {timeout: 30_000});
  await expect(page.locator("#atlas-cd .atlas-box")).toHaveAttribute("aria-description", shares!);
  // The other maps kept their build-time defaults.
  await expect(page.locator("#atlas-ab .atlas-status")).toHaveText("Computed at build time.");
  // A bad setting in a link is named, and the map keeps its default.
  await page.goto("/lab/atlas?cd.I=abc");
  await expect(page.locator("#url-notice")).toContainText("cd.I: expected a number");
  await expect(page.locator("#atlas-cd .atlas-status")).toHaveText("Computed at build time.");
  expect(problems).toEqual([]);
});

test("the marks' labels never overlap, and every label is at least 11 px on a phone", async ({page}) => {
  for (const [width, height] of [
    [1280, 900],
    [390, 844]
  ]) {
    await page.setViewportSize({width, height});
    await page.goto("/lab/atlas");
    for (const id of ["cd", "ab", "Id"]) {
      const svg = page.locator(`#atlas-${id} svg.atlas-chart`);
      await expect(svg).toBeVisible();
      const {sizes, overlaps} = await svg.evaluate((el: SVGSVGElement) => {
        const scale = el.getBoundingClientRect().width / el.viewBox.baseVal.width;
        const texts = [...el.querySelectorAll("text")].filter((t) => t.textContent?.trim());
        const sizes = texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
        // Mark labels: the text of the marks' groups (not the axes).
        const labels = [...el.querySelectorAll("g[aria-label=text] text")].map((t) => t.getBoundingClientRect());
        const overlaps: string[] = [];
        for (let i = 0; i < labels.length; i++)
          for (let j = i + 1; j < labels.length; j++) {
            const [a, b] = [labels[i]!, labels[j]!];
            if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
              overlaps.push(`${i}/${j}`);
          }
        return {sizes, overlaps};
      });
      expect(Math.min(...sizes), `smallest label of ${id} at ${width} px`).toBeGreaterThanOrEqual(11);
      expect(overlaps, `overlapping labels of ${id} at ${width} px`).toEqual([]);
    }
  }
});
