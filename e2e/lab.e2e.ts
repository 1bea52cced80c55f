// Browser tests of the lab pages (src/lab/chaos.md, orbits.md, numerics.md) on the built site: each renders
// without console errors, its controls change its charts, the workers report progress and can be cancelled,
// and the pages fit a phone.
import {expect, test, type Page} from "@playwright/test";

function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => message.type() === "error" && problems.push(`console.error: ${message.text()}`));
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

const job = (page: Page, label: string) => page.locator(".lab-job").filter({has: page.getByRole("button", {name: label})});

test("chaos: the analysis and the exponents run in workers and the chaotic set comes out chaotic", async ({page}) => {
  const problems = watch(page);
  await page.goto("/lab/chaos");
  await expect(page.locator("h1")).toHaveText("Is it chaos?");
  await expect(job(page, "Re-run the analysis")).toHaveAttribute("data-state", "done", {timeout: 30_000});
  await expect(job(page, "Compute exponents")).toHaveAttribute("data-state", "done", {timeout: 30_000});
  await expect(page.locator(".lab-readout")).toContainText(/Per spike: \d/);
  await expect(page.getByText("Yes, this is chaos, and not an artefact.")).toBeVisible();
  await expect(page.locator("figure svg[role=img]").first()).toBeVisible();
  expect(await page.locator("figure h3").count()).toBeGreaterThanOrEqual(7);
  expect(problems).toEqual([]);
});
