// Browser tests of the network page (src/network.md): the 2003 network starts and runs in a worker (the raster
// gets spikes, the rate readout changes), pauses (no new spikes while paused), takes a control's change while
// running without restarting, opens a neuron in the explorer, and stays responsive with 10,000 neurons (no
// main-thread task over 50 ms, from a PerformanceObserver registered before the page loads).
import {expect, test, type Page} from "@playwright/test";
import {NETWORK_2003, simulateNetwork} from "../lib/index.js";
import {watch} from "./watch.js";

/** The live view's counters: spikes received, network time (ms), network size and the readout's mean rate (Hz). */
async function counters(page: Page) {
  return page.locator(".network-live").evaluate((live: HTMLElement) => ({
    spikes: Number(live.dataset.spikes ?? 0),
    time: Number(live.dataset.time ?? 0),
    n: Number(live.dataset.n ?? 0),
    rate: Number(live.querySelector<HTMLElement>(".network-readout")?.dataset.rate ?? NaN)
  }));
}

/** Sets an Inputs range through its number box, as a reader typing a value. */
async function setRange(page: Page, label: string, value: number): Promise<void> {
  const form = page.locator("form", {has: page.locator("label", {hasText: label})}).first();
  const box = form.locator("input[type=number]");
  await box.fill(String(value));
  await box.press("Enter");
}

async function open(page: Page): Promise<void> {
  await page.goto("/network");
  await expect(page.locator(".network-live")).toBeVisible();
  await expect.poll(async () => (await counters(page)).spikes, {timeout: 20_000}).toBeGreaterThan(0);
}

test("the network starts and runs: the raster gets spikes and the rate readout changes", async ({page}) => {
  const problems = watch(page);
  await open(page);
  await expect(page.locator(".network-notice")).toBeHidden(); // a worker runs it
  await expect.poll(async () => (await counters(page)).rate, {timeout: 10_000}).toBeGreaterThan(0);
  const first = await counters(page);
  await expect.poll(async () => (await counters(page)).time, {timeout: 20_000}).toBeGreaterThan(first.time + 300);
  await expect.poll(async () => (await counters(page)).rate, {timeout: 10_000}).not.toBe(first.rate);
  const later = await counters(page);
  expect(later.spikes).toBeGreaterThan(first.spikes);
  // net.m's network fires at a few Hz per neuron.
  expect(later.rate).toBeGreaterThan(1);
  expect(later.rate).toBeLessThan(30);
  await expect(page.locator(".network-spectrum svg")).toBeVisible();
  expect(problems).toEqual([]);
});

test("the page's network is the library's: the same seed fires the same spikes in a worker, on the main thread and in Node", async ({
  browser
}) => {
  for (const withWorker of [true, false]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Without the Worker API the page runs the network on the main thread, in small chunks.
    if (!withWorker) await page.addInitScript(() => Reflect.deleteProperty(globalThis, "Worker"));
    await open(page);
    await page.getByRole("button", {name: "Pause"}).click();
    await page.waitForTimeout(500); // a chunk in flight when pausing still arrives
    const {time, spikes} = await counters(page);
    expect(time).toBeGreaterThan(0);
    // net.m's network, seed 0 (the page's default), simulated here in Node for the time the page reached.
    expect(spikes).toBe(simulateNetwork({...NETWORK_2003, duration: time}).spikes.neuron.length);
    await context.close();
  }
});

test("pause stops the spikes; step 1 ms advances by one step; play resumes", async ({page}) => {
  const problems = watch(page);
  await open(page);
  await page.getByRole("button", {name: "Pause"}).click();
  await page.waitForTimeout(300); // a chunk in flight when pausing still arrives
  const paused = await counters(page);
  await page.waitForTimeout(1500);
  expect(await counters(page)).toEqual(paused);
  await page.getByRole("button", {name: "Step 1 ms"}).click();
  await expect.poll(async () => (await counters(page)).time).toBe(paused.time + 1);
  await page.getByRole("button", {name: "Play"}).click();
  await expect.poll(async () => (await counters(page)).time, {timeout: 20_000}).toBeGreaterThan(paused.time + 100);
  expect(problems).toEqual([]);
});

test("a noise scale changed while running takes effect without a restart", async ({page}) => {
  const problems = watch(page);
  await open(page);
  const status = await page.locator(".network-status").textContent();
  const before = await counters(page);
  // Without thalamic noise net.m's network falls silent within a few hundred ms.
  await setRange(page, "excitatory noise scale", 0);
  await setRange(page, "inhibitory noise scale", 0);
  const changed = await counters(page);
  await expect.poll(async () => (await counters(page)).time, {timeout: 30_000}).toBeGreaterThan(changed.time + 1500);
  const after = await counters(page);
  expect(after.rate).toBeLessThan(0.5);
  // The same network went on: its clock kept counting and the status line names the same network.
  expect(after.time).toBeGreaterThan(before.time);
  expect(after.spikes).toBeGreaterThan(before.spikes);
  expect(await page.locator(".network-status").textContent()).toBe(status);
  expect(problems).toEqual([]);
});

test("a click on the raster opens that neuron's parameters in the explorer", async ({page}) => {
  const problems = watch(page);
  await open(page);
  const canvas = page.locator(".network-raster-canvas");
  const box = (await canvas.boundingBox())!;
  await canvas.click({position: {x: box.width / 2, y: box.height * 0.3}});
  const link = page.locator(".network-neuron-panel a", {hasText: /Open neuron \d+ in the explorer/});
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  const params = new URL(href!, "http://site.test/network").searchParams;
  for (const key of ["class", "a", "b", "c", "d"]) expect(params.get(key)).not.toBeNull();
  expect(params.get("dc")).toBe("1");
  // The row 30 % from the top is an excitatory neuron (they fill the lower 80 %): c in −65 … −50 mV, d in 2 … 8.
  expect(Number(params.get("c"))).toBeGreaterThanOrEqual(-65);
  expect(Number(params.get("c"))).toBeLessThanOrEqual(-50);
  await link.click();
  await expect(page).toHaveURL(/\/\?class=/);
  expect(problems).toEqual([]);
});

test("with 10,000 neurons the page stays responsive: no main-thread task over 50 ms", async ({page}) => {
  test.setTimeout(90_000);
  await page.addInitScript(() => {
    const w = window as unknown as {longTasks: number[]};
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({type: "longtask", buffered: true});
  });
  const problems = watch(page);
  await open(page);
  await page.getByRole("radio", {name: "sparse"}).check();
  await setRange(page, "neurons N", 10_000);
  await expect.poll(async () => (await counters(page)).n, {timeout: 30_000}).toBe(10_000);
  await expect.poll(async () => (await counters(page)).spikes, {timeout: 30_000}).toBeGreaterThan(0);
  // From here on: the 10,000-neuron network runs for a few seconds.
  await page.evaluate(() => ((window as unknown as {longTasks: number[]}).longTasks = []));
  const start = await counters(page);
  await page.waitForTimeout(4000);
  const end = await counters(page);
  expect(end.time).toBeGreaterThan(start.time);
  expect(end.spikes).toBeGreaterThan(start.spikes);
  const longTasks = await page.evaluate(() => (window as unknown as {longTasks: number[]}).longTasks);
  expect(longTasks.filter((d) => d > 50)).toEqual([]);
  expect(problems).toEqual([]);
});
