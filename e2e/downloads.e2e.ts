// Every chart's "Download" menu: a valid SVG and PNG that say what they show, and CSV whose rows are the run.
import {readFileSync} from "node:fs";
import {expect, test, type Locator, type Page} from "@playwright/test";
import {CLASSES, FEATURES, simulate} from "../lib/index.js";
import {pngText} from "../lib/export/pngText.js";
import {optionsOf} from "../src/components/explorer/explorer.js";
import {parseState} from "../src/state/urlState.js";
import {watch} from "./watch.js";

/** Opens a chart's menu and downloads the item labelled `label`; returns the file's name and bytes. */
async function download(page: Page, figure: Locator, label: string): Promise<{name: string; bytes: Buffer}> {
  const menu = figure.locator(":scope > details.chart-download");
  if (!(await menu.evaluate((d: HTMLDetailsElement) => d.open))) await menu.locator("summary").click();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    menu.getByRole("button", {name: label, exact: true}).click()
  ]);
  const path = await file.path();
  return {name: file.suggestedFilename(), bytes: readFileSync(path)};
}

/** The width and height of a PNG, as the browser decodes it. */
function pngSize(page: Page, bytes: Buffer): Promise<number[]> {
  return page.evaluate(async (b64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    return [image.naturalWidth, image.naturalHeight];
  }, bytes.toString("base64"));
}

test("the explorer's v(t) downloads as SVG, PNG, CSV and JSON that carry the run and its settings", async ({page}) => {
  const problems = watch(page);
  const search = "?class=RS&T=100";
  await page.goto(`/${search}`);
  const figure = page.locator("figure", {has: page.getByRole("heading", {name: "Membrane potential v(t)"})});
  await expect(figure.locator("svg path").first()).toBeVisible();

  const svg = await download(page, figure, "SVG");
  expect(svg.name).toBe("membrane-potential-v-t.svg");
  const text = svg.bytes.toString("utf8");
  const parsed = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, "image/svg+xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      ns: doc.documentElement.namespaceURI,
      desc: doc.querySelector("desc")?.textContent ?? "",
      paths: doc.querySelectorAll("path").length
    };
  }, text);
  expect(parsed.error).toBeNull();
  expect(parsed.ns).toBe("http://www.w3.org/2000/svg");
  expect(parsed.paths).toBeGreaterThan(2);
  const about = JSON.parse(parsed.desc);
  expect(about.title).toBe("Membrane potential v(t)");
  expect(about.page).toContain(search.slice(1));

  const png = await download(page, figure, "PNG");
  expect(png.name).toBe("membrane-potential-v-t.png");
  const chunks = pngText(new Uint8Array(png.bytes)); // also checks every chunk's CRC
  expect(JSON.parse(chunks.Description!).page).toContain(search.slice(1));
  // The PNG decodes, at twice the chart's size.
  const box = await figure
    .locator("svg")
    .first()
    .evaluate((s) => [s.getAttribute("width"), s.getAttribute("height")]);
  const size = await pngSize(page, png.bytes);
  expect(size).toEqual([2 * Number(box[0]), 2 * Number(box[1])]);

  // The CSV's rows are the run: the explorer's own settings, simulated here in Node, give the same numbers
  // (to 1e-9: the browser's V8 and Node's may round the adaptive method's last digits differently).
  const near = (got: number[], want: number[]) =>
    got.forEach((x, i) => expect(Math.abs(x - want[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want[i]))));
  const csv = (await download(page, figure, "CSV")).bytes.toString("utf8").trimEnd().split("\n");
  const {state} = parseState(search, {...CLASSES, ...FEATURES});
  const trace = simulate(
    optionsOf(state, ({...CLASSES, ...FEATURES} as Record<string, Parameters<typeof optionsOf>[1]>)[state.cls])
  );
  expect(csv[0]).toBe("t,v,u,I");
  expect(csv.length - 1).toBe(trace.t.length);
  for (const k of [0, 1, Math.floor(trace.t.length / 2), trace.t.length - 1]) {
    near(csv[k + 1].split(",").map(Number), [trace.t[k], trace.v[k], trace.u[k], trace.I[k]]);
  }
  const spikes = (await download(page, figure, "CSV, spike times")).bytes.toString("utf8").trimEnd().split("\n");
  expect(spikes.length - 1).toBe(trace.spikes.length);
  near(spikes.slice(1).map(Number), Array.from(trace.spikes));

  const json = JSON.parse((await download(page, figure, "JSON")).bytes.toString("utf8"));
  expect(json.data.v).toHaveLength(trace.v.length);
  expect(json.page).toContain(search.slice(1));
  expect(problems).toEqual([]);
});

test("the download menu works from the keyboard and closes with Escape", async ({page}) => {
  await page.goto("/");
  const figure = page.locator("figure", {has: page.getByRole("heading", {name: "Membrane potential v(t)"})});
  const menu = figure.locator(":scope > details.chart-download");
  await menu.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(menu.getByRole("button", {name: "SVG", exact: true})).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(menu.getByRole("button", {name: "SVG", exact: true})).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).not.toHaveAttribute("open");
  await expect(menu.locator("summary")).toBeFocused();
});

test("a zoo panel downloads its run as CSV, and its picture as SVG", async ({page}) => {
  await page.goto("/zoo");
  const panel = page.locator("article#panel-A");
  await expect(panel.locator(".zoo-plot svg")).toBeVisible();
  const csv = (await download(page, panel, "CSV")).bytes.toString("utf8").trimEnd().split("\n");
  expect(csv[0]).toBe("t,v,I");
  const spikes = Number(await panel.getAttribute("data-published-spikes"));
  const spikeRows = (await download(page, panel, "CSV, spike times")).bytes.toString("utf8").trimEnd().split("\n");
  expect(spikeRows.length - 1).toBe(spikes);
  const svg = await download(page, panel, "SVG");
  expect(svg.name).toMatch(/\.svg$/);
  expect(svg.bytes.toString("utf8")).toContain("<desc>");
});

test("this view as code: the explorer's run as a Brian2 script, and as JavaScript opened in the scratchpad", async ({
  page
}) => {
  const problems = watch(page);
  await page.goto("/?class=FS&T=100");
  const panel = page.locator("details.code-panel");
  await panel.locator("summary").click();
  const code = panel.locator("pre code");
  await expect(code).toContainText("simulate(");
  await expect(code).toContainText(`"a": 0.1`);
  await panel.getByLabel("Brian2 (Python)").check();
  await expect(code).toContainText("neuron = NeuronGroup(");
  await expect(code).toContainText("run(100*ms)");
  await panel.getByLabel("NEST (Python)").check();
  await expect(code).toContainText('nest.Create("izhikevich"');
  await panel.getByLabel("JavaScript").check();
  const href = await panel.getByRole("link", {name: "Open in the scratchpad"}).getAttribute("href");
  await page.goto(new URL(href!, page.url()).href);
  // The code arrives as text in the editor; it does not run until the reader presses Run.
  await expect(page.locator(".cm-content").first()).toContainText("import {simulate");
  expect(problems).toEqual([]);
});

test("the comparison's code panel writes the chosen neuron", async ({page}) => {
  await page.goto("/compare");
  const panel = page.locator("details.code-panel");
  await panel.locator("summary").click();
  const menu = panel.locator("select.code-panel-item");
  await expect(menu.locator("option")).not.toHaveCount(0);
  const labels = await menu.locator("option").allTextContents();
  expect(labels.length).toBeGreaterThan(1);
  await menu.selectOption({index: 1});
  await expect(panel.locator("pre code")).toContainText("simulate(");
});

test("an atlas map downloads its cells as CSV, and its picture with the cells in it", async ({page}) => {
  await page.goto("/lab/atlas");
  const figure = page.locator("#atlas-cd figure.atlas-figure");
  await expect(figure.locator("canvas.atlas-cells")).toBeVisible();
  const rows = (await download(page, figure, "CSV")).bytes.toString("utf8").trimEnd().split("\n");
  expect(rows[0]).toBe("c,d,label,spikes_per_burst");
  const n = await figure.locator("canvas.atlas-cells").evaluate((c: HTMLCanvasElement) => c.width * c.height);
  expect(rows.length - 1).toBe(n);
  expect(
    rows.slice(1).every((r) => /,(tonic|bursting|phasic|mixed|accelerating|adapting|irregular|silent|runaway),/.test(r))
  ).toBe(true);
  const svg = (await download(page, figure, "SVG")).bytes.toString("utf8");
  expect(svg).toMatch(/<image [^>]*href="data:image\/png;base64,/);
});

test("the network's raster downloads its window's spikes as CSV, and its picture as a PNG at twice its size", async ({
  page
}) => {
  const problems = watch(page);
  await page.goto("/network");
  const raster = page.locator("figure.network-raster");
  const inWindow = () => raster.evaluate((r) => (r as unknown as {spikesInWindow: number}).spikesInWindow);
  await expect.poll(inWindow, {timeout: 20_000}).toBeGreaterThan(0);
  await page.getByRole("button", {name: "Pause"}).click();
  await page.waitForTimeout(500); // a chunk in flight when pausing still arrives
  const rows = (await download(page, raster, "CSV")).bytes.toString("utf8").trimEnd().split("\n");
  expect(rows[0]).toBe("t_ms,neuron,population");
  expect(rows.length - 1).toBe(await inWindow());
  // net.m's network: 800 excitatory neurons, then 200 inhibitory ones.
  for (const row of rows.slice(1)) {
    const [t, neuron, population] = row.split(",");
    expect(Number(t)).toBeGreaterThan(0);
    expect(population).toBe(Number(neuron) < 800 ? "excitatory" : "inhibitory");
  }
  const png = await download(page, raster, "PNG");
  expect(png.name).toBe("network-raster.png");
  const about = JSON.parse(pngText(new Uint8Array(png.bytes)).Description!);
  expect(about.page).toContain("/network");
  expect([about.n, about.ne]).toEqual([1000, 800]);
  const css = await raster.locator("canvas").evaluate((c) => [c.clientWidth, c.clientHeight]);
  const size = await pngSize(page, png.bytes);
  expect(size).toEqual([2 * css[0], 2 * css[1]]);
  expect(problems).toEqual([]);
});
