// The print layout (src/styles/print.css, src/components/controls/printValues.ts), checked in Chromium's print
// emulation on a tutorial chapter at the width of an A4 page's printable area: no navigation chrome, no
// element wider than the page, and every slider printed as its value ("a (1/ms) = 0.02"), also after a change.
import {expect, test} from "@playwright/test";
import {watch} from "./watch.js";

/** A4's printable width at 96 px per inch with 1 cm margins: (210 − 20) mm. */
const A4_PRINTABLE = Math.floor(((210 - 20) / 25.4) * 96);

test("a chapter prints within the page, without navigation, with controls as values", async ({page}) => {
  const problems = watch(page);
  await page.setViewportSize({width: A4_PRINTABLE, height: 1000});
  await page.goto("/tutorial/reset");
  await page.waitForLoadState("networkidle");
  // Move a slider on screen first: the print shows the value the reader chose.
  const d = page.locator('form:has(> label:text-is("d (jump of u)")) input[type=range]');
  const chart = page.locator(".explorer-row", {has: d}).locator("figure svg[role=img]").first();
  const before = await chart.innerHTML();
  await d.fill("4.5");
  await d.dispatchEvent("input");
  // Until the chapter has redrawn, Framework shows a loading indicator where a cell is pending (a CI run caught
  // one straddling the page's right edge): the print is checked once the chart has changed and nothing is pending.
  await expect.poll(() => chart.innerHTML()).not.toBe(before);
  await expect(page.locator("observablehq-loading")).toHaveCount(0);
  // As a browser prints: "beforeprint", then the print layout (print emulation alone fires no beforeprint).
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({media: "print"});

  await expect(page.locator("#observablehq-header")).toBeHidden();
  await expect(page.locator("#observablehq-footer")).toBeHidden();
  await expect(page.locator('input[type="range"]').first()).toBeHidden();

  const values = await page
    .locator(".print-value")
    .evaluateAll((spans) => spans.filter((s) => s.getClientRects().length > 0).map((s) => s.textContent));
  expect(values).toContain("c (mV) = -65");
  expect(values).toContain("d (jump of u) = 4.5");

  const wide = await page.evaluate((limit) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > limit + 1 || r.left < -1))
        out.push(
          `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""}: ${Math.round(r.left)}–${Math.round(r.right)}`
        );
    }
    return {out, scrollWidth: document.documentElement.scrollWidth};
  }, A4_PRINTABLE);
  expect(wide.out, "elements wider than the printed page").toEqual([]);
  expect(wide.scrollWidth).toBeLessThanOrEqual(A4_PRINTABLE);

  // On screen the spans are hidden again.
  await page.emulateMedia({media: "screen"});
  await expect(page.locator(".print-value").first()).toBeHidden();
  await expect(page.locator("#observablehq-header")).toBeVisible();
  expect(problems).toEqual([]);
});

test("the explorer's controls print as values too", async ({page}) => {
  await page.setViewportSize({width: A4_PRINTABLE, height: 1000});
  await page.goto("/");
  await page.waitForFunction(() => performance.getEntriesByName("explorer:update", "measure").length > 0);
  // Print emulation without "beforeprint" (a print preview): the page writes the values when print media
  // applies, at its next frame.
  await page.emulateMedia({media: "print"});
  const printed = () =>
    page
      .locator(".print-value")
      .evaluateAll((spans) => spans.filter((s) => s.getClientRects().length > 0).map((s) => s.textContent ?? ""));
  await expect
    .poll(async () => (await printed()).some((v) => /^a\b.* = 0\.02$/.test(v)), {message: "a = 0.02 in print"})
    .toBe(true);
  await expect(page.locator('input[type="range"]:visible')).toHaveCount(0);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(A4_PRINTABLE);
});
