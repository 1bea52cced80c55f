// Browser tests of the lab pages (src/lab/chaos.md, orbits.md, numerics.md) on the built site: each renders
// without console errors, its controls change its charts, the workers report progress and can be cancelled,
// and the pages fit a phone.
import {expect, test, type Page} from "@playwright/test";
import {watch} from "./watch.js";

const job = (page: Page, label: string) => page.locator(`.lab-job[aria-label="${label}"]`);

test("chaos: the analysis and the exponents run in workers and the chaotic set comes out chaotic", async ({page}) => {
  const problems = watch(page);
  await page.goto("/lab/chaos");
  await expect(page.locator("h1")).toHaveText("Is it chaos?");
  await expect(job(page, "Analysis")).toHaveAttribute("data-state", "done", {timeout: 30_000});
  await expect(job(page, "Exponents")).toHaveAttribute("data-state", "done", {timeout: 30_000});
  await expect(page.locator(".lab-readout")).toContainText(/Per spike: \d/);
  await expect(page.getByText("Yes, this is chaos, and not an artefact.")).toBeVisible();
  await expect(page.locator("figure svg[role=img]").first()).toBeVisible();
  expect(await page.locator("figure h3").count()).toBeGreaterThanOrEqual(7);
  expect(problems).toEqual([]);
});

test("chaos: changing the step changes the trace; the exponents show progress and can be cancelled", async ({page}) => {
  const problems = watch(page);
  await page.goto("/lab/chaos");
  const lyap = job(page, "Exponents");
  await expect(lyap).toHaveAttribute("data-state", "done", {timeout: 30_000});
  const title = page.locator("figure h3").first();
  await expect(title).toContainText("dt = 2^−5");
  const k = page.getByRole("spinbutton", {name: /dt = 2\^−k ms, k/});
  await k.fill("6");
  await k.press("Enter");
  await expect(title).toContainText("dt = 2^−6");
  // A long run: progress moves, then Cancel stops it.
  await expect(lyap).toHaveAttribute("data-state", "done", {timeout: 30_000});
  await page.getByRole("combobox", {name: "spikes counted"}).selectOption({label: "20,000"});
  await expect(lyap).toHaveAttribute("data-state", "running");
  await expect(lyap.locator("progress")).not.toHaveAttribute("value", "0", {timeout: 20_000});
  await lyap.getByRole("button", {name: "Cancel"}).click();
  await expect(lyap).toHaveAttribute("data-state", "cancelled");
  await expect(lyap.getByRole("button", {name: "Cancel"})).toBeDisabled();
  await expect(page.locator(".lab-readout")).toContainText(/Per spike: \d/);
  expect(problems).toEqual([]);
});

test("orbits: the default diagram renders with points; another parameter redraws it and marks features", async ({
  page
}) => {
  const problems = watch(page);
  await page.goto("/lab/orbits");
  await expect(page.locator("h1")).toHaveText("Orbit diagrams");
  const control = job(page, "Diagram");
  await expect(control).toHaveAttribute("data-state", "done", {timeout: 40_000});
  const chart = page.locator("figure").filter({hasText: "against I (mV/ms)"});
  await expect(chart.locator("svg[role=img] circle").first()).toBeAttached();
  expect(await chart.locator("svg[role=img] circle").count()).toBeGreaterThan(500);
  // Base A with I swept marks A (I = 14) and I (7.04) only if they fall in range: widen the range.
  await page.getByRole("combobox", {name: "base neuron"}).selectOption({label: "A: tonic spiking, I 14"});
  await page.getByLabel("from", {exact: true}).fill("5");
  await page.getByLabel("to", {exact: true}).fill("16");
  await page.getByLabel("to", {exact: true}).press("Tab");
  await expect(control).toHaveAttribute("data-state", "done", {timeout: 40_000});
  await expect(page.getByText(/A \(tonic spiking\) at 14, I \(spike latency\) at 7\.04/)).toBeVisible();
  expect(problems).toEqual([]);
});

test("numerics: convergence orders, the panel table and the cut-off render; the panel choice redraws", async ({
  page
}) => {
  const problems = watch(page);
  await page.goto("/lab/numerics");
  await expect(page.locator("h1")).toHaveText("Numerics");
  await expect(page.locator("figcaption").first()).toContainText(
    /forward Euler: fitted order 0\.9\d*.*RK4, spikes located in the step: fitted order 4\.\d/
  );
  await expect(page.locator(".lab-table tbody tr")).toHaveCount(20);
  await expect(job(page, "Both runs")).toHaveAttribute("data-state", "done", {timeout: 30_000});
  await expect(page.locator("figure h3").filter({hasText: "Panel Q"})).toBeVisible();
  await page.getByRole("combobox", {name: "panel"}).selectOption({label: "T: inhibition-induced bursting"});
  await expect(page.locator("figure h3").filter({hasText: "Panel T"})).toBeVisible({timeout: 30_000});
  // Unticking a method removes its line.
  const lines = page.locator("figure").filter({hasText: "Spike-time error against step"}).locator("path[stroke]");
  const before = await lines.count();
  await page.getByRole("checkbox", {name: "RK4, spikes located in the step"}).uncheck();
  await expect.poll(() => lines.count()).toBeLessThan(before);
  expect(problems).toEqual([]);
});

test("the lab pages fit a phone (390 px) without horizontal scrolling", async ({page}) => {
  await page.setViewportSize({width: 390, height: 844});
  for (const path of ["/lab/chaos", "/lab/orbits", "/lab/numerics"]) {
    await page.goto(path);
    await expect(page.locator(".lab-job").first()).toHaveAttribute("data-state", "done", {timeout: 40_000});
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test("orbits: the default diagram's y-axis fits the orbit, far values sit at its edge, and y from/to set it", async ({
  page
}) => {
  const problems = watch(page);
  await page.goto("/lab/orbits");
  await expect(job(page, "Diagram")).toHaveAttribute("data-state", "done", {timeout: 60_000});
  const svg = page.locator("svg[data-beyond]");
  // The chaotic set's orbit lies between about −120 and −95; near I = −96 u at reset falls to about −340,
  // which used to stretch the axis and squash the orbit into one row.
  const yMin = Number(await svg.getAttribute("data-y-min"));
  const yMax = Number(await svg.getAttribute("data-y-max"));
  expect(yMin).toBeGreaterThan(-150);
  expect(yMax - yMin).toBeLessThan(50);
  expect(Number(await svg.getAttribute("data-beyond"))).toBeGreaterThan(0);
  await expect(svg.locator(".orbit-beyond path").first()).toBeVisible();
  await expect(page.locator("figure:has(svg[data-beyond]) figcaption")).toContainText(
    /below it are drawn at its edge as red triangles/
  );
  // The reader's range: redraws at once (no new run), and says so.
  await page.getByRole("spinbutton", {name: "y from"}).fill("-400");
  await page.getByRole("spinbutton", {name: "y to"}).fill("-90");
  await page.getByRole("spinbutton", {name: "y to"}).press("Enter");
  await expect(svg).toHaveAttribute("data-y-min", "-400");
  await expect(page.locator("svg[data-beyond]")).toHaveAttribute("data-beyond", "0");
  await expect(page.locator("figure:has(svg[data-beyond]) figcaption")).toContainText("as set");
  expect(problems).toEqual([]);
});
