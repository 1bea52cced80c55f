// Browser tests of the 2007-cells page (/cells2007): every cell renders its card and chart without console
// errors, switching the integration method changes a spike count (CH at 200 pA: 5 book, 6 accurate), the
// comparison accepts 2–4 cells by keyboard and lives in the address, and a phone-sized viewport does not scroll
// sideways.
import {expect, test, type Page} from "@playwright/test";

const CELLS = ["RS2007", "IB2007", "CH2007", "LTS2007", "FS2007", "TC2007", "RTN2007", "TC2007_burst", "RTN2007_burst"];

async function open(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/cells2007", {waitUntil: "networkidle"});
  await expect(page.locator(".cells2007-card[data-ready]")).toHaveCount(CELLS.length);
  await expect(page.locator(".cells2007-compare[data-ready] table.cells2007-stats")).toBeVisible();
  return errors;
}

test("renders every cell with its parameters, chart and counts, without console errors", async ({page}) => {
  const errors = await open(page);
  for (const id of CELLS) {
    const card = page.locator(`.cells2007-card[data-cell="${id}"]`);
    await expect(card.locator("h2")).not.toBeEmpty();
    await expect(card.locator("table.cells2007-params tbody tr")).toHaveCount(9);
    await expect(card.locator("figure h3")).not.toBeEmpty();
    await expect(card.locator("figure svg[role=img]")).toHaveAttribute("aria-label", /membrane potential v in mV/);
    await expect(card.locator("figure path[vector-effect]")).toHaveCount(1);
    await expect(card.locator(".cells2007-counts")).toHaveText(/^Spikes: \d+ \(book\)\.$/);
  }
  await expect(page.locator("h1")).toHaveText("Cells of the 2007 book");
  expect(errors).toEqual([]);
});

test("switching the method changes CH's spike count at 200 pA (5 book, 6 accurate), and overlay draws both", async ({
  page
}) => {
  const errors = await open(page);
  const card = page.locator('.cells2007-card[data-cell="CH2007"]');
  await expect(card.locator("#cells2007-CH2007-current")).toHaveValue("200");
  const counts = card.locator(".cells2007-counts");
  await expect(counts).toHaveAttribute("data-spikes", "5");
  await expect(card.locator(".cells2007-sentence")).toContainText("5 spikes");
  await expect(card.locator(".cells2007-sentence")).toContainText("6 spikes");
  // By keyboard: focus the "book" radio and move to "accurately integrated".
  await card.locator('input[type=radio][value="book"]').focus();
  await page.keyboard.press("ArrowRight");
  await expect(counts).toHaveAttribute("data-spikes", "6");
  await page.keyboard.press("ArrowRight");
  await expect(card.locator("figure path[vector-effect]")).toHaveCount(2);
  await expect(card.locator(".cells2007-legend li")).toHaveCount(2);
  // Another test current re-runs the cell.
  await card.locator("#cells2007-CH2007-current").selectOption("600");
  await expect(counts).toHaveText(/22 \(book\), 23 \(accurate\)/);
  expect(errors).toEqual([]);
});

test("the comparison accepts 2, 3 and 4 cells, stacked or overlaid, with a phase plane and a statistics column each", async ({
  page
}) => {
  const errors = await open(page);
  const tools = page.locator(".cells2007-compare");
  for (const n of [2, 4, 3]) {
    await tools.locator("#cells2007-count").selectOption(String(n));
    await expect(tools.locator(".cells2007-stack figure")).toHaveCount(n);
    await expect(tools.locator(".cells2007-compare-phases figure.phase-plane")).toHaveCount(n);
    await expect(tools.locator(".cells2007-compare-phases svg[role=img]").first()).toHaveAttribute(
      "aria-label",
      /u in pA against v in mV/
    );
    await expect(tools.locator("table.cells2007-stats thead th")).toHaveCount(n + 1);
    await expect(tools.locator("table.cells2007-stats tbody tr")).toHaveCount(7);
  }
  await tools.locator("#cells2007-cell-3").selectOption("FS2007");
  await expect(tools.locator(".cells2007-stack figure").nth(2).locator("h3")).toHaveText(/3 · FS/);
  // A step the reader sets.
  await tools.locator("#cells2007-current").selectOption("step");
  await tools.locator("#cells2007-step-amplitude").fill("400");
  await tools.locator("#cells2007-step-amplitude").press("Enter");
  await tools.locator("#cells2007-step-amplitude").blur();
  await expect(tools.locator(".cells2007-summary")).toContainText("400 pA");
  await tools.locator("#cells2007-overlay").focus();
  await page.keyboard.press("Space");
  await expect(tools.locator("figure.cells2007-overlay path[vector-effect]")).toHaveCount(3);
  await expect(tools.locator("figure.cells2007-overlay svg[role=img]")).toHaveAttribute("aria-label", /of 3 cells/);
  expect(errors).toEqual([]);
});

test("390×844: no horizontal scrolling", async ({page}) => {
  await page.setViewportSize({width: 390, height: 844});
  const errors = await open(page);
  await page.locator("#cells2007-count").selectOption("4");
  await expect(page.locator(".cells2007-stack figure")).toHaveCount(4);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
  expect(overflow).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});

test("the comparison lives in the address: a link restores it, a change rewrites it, a bad link explains itself", async ({
  page
}) => {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto("/cells2007?cells=FS2007,LTS2007&current=step&amp=300&on=10&T=200&method=adaptive&overlay=1");
  const compare = page.locator(".cells2007-compare[data-ready]");
  await expect(compare.locator("table.cells2007-stats")).toBeVisible();
  await expect(page.locator("#cells2007-count")).toHaveValue("2");
  await expect(page.locator("#cells2007-cell-1")).toHaveValue("FS2007");
  await expect(page.locator("#cells2007-cell-2")).toHaveValue("LTS2007");
  await expect(page.locator("#cells2007-current")).toHaveValue("step");
  await expect(page.locator("#cells2007-step-amplitude")).toHaveValue("300");
  await expect(page.locator("#cells2007-overlay")).toBeChecked();
  await expect(page.locator("#url-notice")).toBeHidden();
  await page.locator("#cells2007-cell-2").selectOption("CH2007");
  await expect(page).toHaveURL(/cells=FS2007%2CCH2007&current=step&amp=300&on=10&T=200&method=adaptive&overlay=1/);
  await page.reload();
  await expect(page.locator("#cells2007-cell-2")).toHaveValue("CH2007");
  await page.goto("/cells2007?cells=RS2007,nope&method=rk4");
  await expect(page.locator("#url-notice")).toContainText("unknown cell");
  await expect(page.locator("#url-notice")).toContainText("Method “rk4”");
  await expect(page.locator("#cells2007-count")).toHaveValue("3");
  expect(errors).toEqual([]);
});

test("every cell opens where it does what its name says: IB at 500 pA, bursting, not silent at 290 pA", async ({
  page
}) => {
  const errors = await open(page);
  const ib = page.locator('.cells2007-card[data-cell="IB2007"]');
  await expect(ib.locator("#cells2007-IB2007-current")).toHaveValue("500");
  await expect(ib.locator(".cells2007-counts")).toHaveAttribute("data-spikes", "8");
  await expect(ib.locator(".cells2007-opening")).toContainText("290 pA (below I_AH = 347.7 pA");
  // Every cell fires (none opens silent).
  for (const id of CELLS) {
    const spikes = Number(
      await page.locator(`.cells2007-card[data-cell="${id}"] .cells2007-counts`).getAttribute("data-spikes")
    );
    expect(spikes, id).toBeGreaterThanOrEqual(3);
  }
  // CH at 600 pA: the book's loop fires irregularly, the accurate run bursts; the card says so.
  const ch = page.locator('.cells2007-card[data-cell="CH2007"]');
  await expect(ch.locator(".cells2007-disagreement")).toBeHidden();
  await ch.locator("#cells2007-CH2007-current").selectOption("600");
  await expect(ch.locator(".cells2007-disagreement")).toContainText(
    "Book and accurate integration disagree at 600 pA: the book's run does not do what the name says (fires repetitive bursts), the accurate one does."
  );
  // The comparison's default: RS, IB and FS under IB's 500 pA, none silent.
  const tools = page.locator(".cells2007-compare");
  await expect(tools.locator(".cells2007-summary")).toContainText("IB's test current: a 500 pA step");
  await expect(tools.locator(".cells2007-stack figure h3")).toHaveText([/1 · RS/, /2 · IB/, /3 · FS/]);
  expect(errors).toEqual([]);
});

test("says where its runs happen: the accurate runs in a background worker", async ({page}) => {
  const errors = await open(page);
  await expect(page.locator(".cells2007-run-place")).toHaveText(/^The accurate runs happen in a background worker/);
  await expect(page.locator(".cells2007-run-place")).toHaveAttribute("data-state", "idle");
  expect(errors).toEqual([]);
});

test("without the Worker API every card and the comparison run on the main thread, and the page says so", async ({
  page
}) => {
  await page.addInitScript(() => {
    delete (window as unknown as {Worker?: unknown}).Worker;
  });
  const errors = await open(page);
  await expect(page.locator(".cells2007-card .cells2007-error")).toHaveCount(0);
  await expect(page.locator('.cells2007-card[data-cell="CH2007"] .cells2007-counts')).toHaveText("Spikes: 5 (book).");
  await page.locator('.cells2007-card[data-cell="CH2007"] input[value="adaptive"]').check();
  await expect(page.locator('.cells2007-card[data-cell="CH2007"] .cells2007-counts')).toHaveText(
    "Spikes: 6 (accurate)."
  );
  await expect(page.locator(".cells2007-run-place")).toHaveText(
    /^The accurate runs happen on the main thread \(this browser has no Web Workers\)/
  );
  expect(errors).toEqual([]);
});
