// Browser tests of the scratchpad (/scratchpad): a cell runs in its sandboxed iframe and shows its chart; Stop
// ends an endless loop by discarding the iframe; code from a link waits for Run; markup injected through a
// link's code never executes in the page; the code survives a reload (localStorage) and a shared link.
import {expect, test, type Locator, type Page} from "@playwright/test";
import {CLASSES, simulate} from "../lib/index.js";
import {serializeCells} from "../src/state/scratchpadState.js";
import {watch} from "./watch.js";

// Playwright's trace snapshots every frame and waits forever on an iframe whose loop never yields (the Stop
// test), so this file records no trace. (Without tracing, clicking Stop takes about 0.3 s in Chromium.)
test.use({trace: "off"});

/** The n-th cell (0-based) and its parts. */
function cell(page: Page, n = 0) {
  const section = page.locator(".scratchpad-cell").nth(n);
  return {
    section,
    editor: section.locator(".cm-content"),
    run: section.getByRole("button", {name: "Run"}),
    stop: section.getByRole("button", {name: "Stop"}),
    status: section.locator(".scratchpad-status"),
    frames: section.locator("iframe"),
    output: section.frameLocator("iframe")
  };
}

/** Replaces an editor's code, as a reader pasting it would. */
async function setCode(page: Page, editor: Locator, code: string): Promise<void> {
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(code);
}

/** Records requests to any host but the test server. */
function foreignRequests(page: Page, baseURL: string | undefined): string[] {
  const origin = new URL(baseURL ?? "http://127.0.0.1:4321").origin;
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (/^(https?|wss?):/i.test(url) && new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

test("Run runs the example cell and shows its chart of v against t; Run draws a new chart", async ({page, baseURL}) => {
  const problems = watch(page);
  const foreign = foreignRequests(page, baseURL);
  await page.goto("/scratchpad");
  const first = cell(page);
  await expect(first.status).toHaveText(/Not run yet/);
  await first.run.click();
  await expect(first.status).toHaveText(/Ran in \d+ ms/);
  await expect(first.output.locator("svg g[aria-label=line] path")).toHaveCount(1);
  await expect(first.output.locator("svg")).toContainText("v (mV)");
  await expect(first.output.locator("svg")).toContainText("t (ms)");

  // A cell of the reader's own: the library's spike times of FS, drawn as dots; the frame is sized to its chart.
  await setCode(
    page,
    first.editor,
    `const trace = simulate({...CLASSES.FS, method: "euler"});\nPlot.plot({width, height: 300, marks: [Plot.dot(trace.spikes, {x: (t) => t, y: 0})]})`
  );
  await first.run.click();
  await expect(first.status).toHaveText(/Ran in \d+ ms/);
  await expect(first.output.locator("svg g[aria-label=dot] circle").first()).toBeAttached();
  const circles = await first.output.locator("svg g[aria-label=dot] circle").count();
  // One dot per spike the library computes for the same options.
  expect(circles).toBe(simulate({...CLASSES.FS, method: "euler"}).spikes.length);
  expect(circles).toBeGreaterThan(5);
  await expect.poll(async () => (await first.frames.boundingBox())?.height ?? 0).toBeGreaterThan(280);
  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
});

test("a cell's value is shown as text, and an error as a readable message", async ({page}) => {
  await page.goto("/scratchpad");
  const first = cell(page);
  await expect(first.editor).toBeVisible();
  await setCode(page, first.editor, "const trace = simulate(CLASSES.RS);\ntrace.spikes.length");
  await first.run.click();
  await expect(first.output.locator("pre")).toHaveText(/^\d+$/);
  await setCode(page, first.editor, "simulate({params: {a: 0.02, b: 0.2, c: -65, d: 8}})");
  await first.run.click();
  await expect(first.status).toHaveText(/^Error: TypeError: duration: required/);
  await expect(first.output.locator("pre.error")).toHaveText(/duration: required/);
  await setCode(page, first.editor, "1 +");
  await first.run.click();
  await expect(first.status).toHaveText(/^Error: SyntaxError/);
});

test.describe("an endless loop", () => {
  test("Stop ends a while (true) {} cell by discarding its sandbox; the next run gets a fresh one", async ({page}) => {
    const problems = watch(page);
    await page.goto("/scratchpad");
    const first = cell(page);
    await expect(first.editor).toBeVisible();
    await setCode(page, first.editor, "while (true) {}");
    await first.run.click();
    await expect(first.status).toHaveText("Running…");
    await expect(first.stop).toBeEnabled();
    // The page itself stays responsive while the loop runs (the sandbox has a process of its own).
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
    await first.stop.click();
    await expect(first.status).toHaveText(/^Stopped/);
    await expect(first.frames).toHaveCount(0);
    await expect(first.stop).toBeDisabled();

    await setCode(page, first.editor, "6 * 7");
    await first.editor.press("Shift+Enter");
    await expect(first.status).toHaveText(/Ran in/);
    await expect(first.output.locator("pre")).toHaveText("42");
    expect(problems).toEqual([]);
  });
});

test("code from a link is shown with a notice and does not run until Run is pressed", async ({page}) => {
  const problems = watch(page);
  await page.goto(`/scratchpad#${serializeCells(["const answer = 6 * 7;\nanswer", "'second cell'"])}`);
  await expect(page.locator("#scratchpad-notice")).toBeVisible();
  await expect(page.locator("#scratchpad-notice")).toContainText("none of it has run");
  await expect(page.locator(".scratchpad-cell")).toHaveCount(2);
  await expect(cell(page, 0).editor).toContainText("const answer = 6 * 7;");
  await page.waitForTimeout(1000);
  await expect(page.locator(".scratchpad iframe")).toHaveCount(0);
  await expect(cell(page, 0).status).toHaveText(/Not run yet/);

  await cell(page, 0).run.click();
  await expect(cell(page, 0).output.locator("pre")).toHaveText("42");
  // Only the cell the reader ran has run.
  await expect(cell(page, 1).frames).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("markup injected through a link's code never executes in the page, before or after Run", async ({page}) => {
  // Markup that would run if the page ever parsed the code as HTML, and code that tries to reach the page.
  const payload = `</script><script>window.__injected = "script";</script><img src="data:," onerror="window.__injected = 'img'">`;
  const injected = [
    `const payload = \`${payload}\`;`,
    `try { parent.__injected = "parent"; } catch (e) {}`,
    `try { parent.document.body.insertAdjacentHTML("beforeend", payload); } catch (e) {}`,
    `try { parent.localStorage.setItem("x", "1"); } catch (e) {}`,
    `try { top.location.href = "about:blank#escaped"; } catch (e) {}`,
    `document.body.insertAdjacentHTML("beforeend", payload);`,
    `payload`
  ].join("\n");
  await page.goto(`/scratchpad#${serializeCells([injected])}`);
  await expect(page.locator("#scratchpad-notice")).toBeVisible();
  // The code is text in the editor, and nothing in the page's document came from it.
  await expect(cell(page).editor).toContainText(`<script>window.__injected = "script";</script>`);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as {__injected?: unknown}).__injected)).toBeUndefined();
  expect(
    await page
      .locator("body script:not([src])")
      .evaluateAll((s) => s.filter((e) => e.textContent?.includes("__injected")).length)
  ).toBe(0);
  expect(await page.locator("body img[onerror], body svg[onload]").count()).toBe(0);

  // Run it: it does run (its value, the payload, is shown as text), in the sandbox, which cannot reach the page.
  await cell(page).run.click();
  await expect(cell(page).status).toHaveText(/Ran in/);
  await expect(cell(page).output.locator("pre")).toHaveText(payload);
  await page.waitForTimeout(500);
  expect(new URL(page.url()).pathname).toBe("/scratchpad");
  expect(await page.evaluate(() => (window as unknown as {__injected?: unknown}).__injected)).toBeUndefined();
  expect(await page.evaluate(() => localStorage.getItem("x"))).toBeNull();
});

test("the code survives a reload (localStorage) and travels in a shared link", async ({page, browser}) => {
  await page.goto("/scratchpad");
  const first = cell(page);
  await expect(first.editor).toBeVisible();
  const code = "// mine\nconst trace = simulate({...CLASSES.CH, duration: 100});\ntrace.spikes.length";
  await setCode(page, first.editor, code);
  await page.getByRole("button", {name: "Add a cell"}).click();
  await expect(page.locator(".scratchpad-cell")).toHaveCount(2);
  await page.keyboard.insertText("'two'");
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${serializeCells([code, "'two'"])}`);
  const shared = page.url();

  // A reload without the hash reads the stored cells; they are the reader's own, so they wait for Run.
  await page.goto("/scratchpad");
  await expect(page.locator(".scratchpad-cell")).toHaveCount(2);
  await expect(cell(page, 0).editor).toHaveText(code.split("\n").join(""));
  await expect(cell(page, 1).editor).toHaveText("'two'");
  await expect(page.locator("#scratchpad-notice")).toBeHidden();

  // The shared link, in another browser profile with empty storage.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(shared);
  await expect(fresh.locator(".scratchpad-cell")).toHaveCount(2);
  await expect(cell(fresh, 0).editor).toContainText("// mine");
  await expect(fresh.locator("#scratchpad-notice")).toBeVisible();
  await other.close();

  // Removing a cell is kept too.
  await cell(page, 1).section.getByRole("button", {name: "Remove"}).click();
  await expect(page.locator(".scratchpad-cell")).toHaveCount(1);
  await expect(cell(page, 0).section.getByRole("button", {name: "Remove"})).toBeDisabled();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${serializeCells([code])}`);
});
