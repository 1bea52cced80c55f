// Browser tests of the behaviour atlas (src/lab/atlas.md) on the built site: the three default maps render
// at once without console errors; a change of a control recomputes the map in workers; a click (and Enter)
// on a cell opens the explorer in that cell's state; cancel stops a computation; the page fits a phone.
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
  await current.fill("0");
  await current.dispatchEvent("input");
  await expect(map).toHaveAttribute("data-state", "running");
  await expect(map).toHaveAttribute("data-state", "done", {timeout: 30_000});
  await expect(map.locator(".atlas-box")).toHaveAttribute(
    "aria-description",
    "Share of cells by behaviour: silent 100%."
  );
  expect(problems).toEqual([]);
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
