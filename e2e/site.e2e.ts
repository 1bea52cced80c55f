// Site-wide checks for every page of the built site. Pages are discovered from dist/**/*.html, so a new
// page is covered as soon as it is built. For each page:
//   - no console errors and no uncaught page errors (Framework logs failing cells with console.error);
//   - no request to any host but the test server (the site must work offline);
//   - it has a visible <h1>;
//   - at a 390×844 (phone) viewport the document does not scroll horizontally;
//   - at desktop and phone widths no form control is collapsed (e.g. a stylesheet that did not load).
import {readdirSync} from "node:fs";
import {dirname, join, relative, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {expect, test, type Page} from "@playwright/test";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

/** Clean URL paths of the built pages: index.html -> /, foo.html -> /foo, dir/index.html -> /dir/. */
function builtPages(dir = dist): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.name.startsWith("_") || entry.name.startsWith(".")) continue; // Framework's assets
    const path = join(dir, entry.name);
    if (entry.isDirectory()) pages.push(...builtPages(path));
    else if (entry.isFile() && entry.name.endsWith(".html")) {
      const url = "/" + relative(dist, path).split(sep).join("/");
      pages.push(url.endsWith("/index.html") ? url.slice(0, -"index.html".length) : url.slice(0, -".html".length));
    }
  }
  return pages.sort();
}

const pages = builtPages();

test("the built site has pages", () => {
  expect(pages).toContain("/");
});

interface Observed {
  errors: string[];
  foreign: string[];
}

/** Opens a page, recording console errors, page errors and requests to other hosts; waits until idle. */
async function open(page: Page, path: string, baseURL: string | undefined): Promise<Observed> {
  const origin = new URL(baseURL ?? "http://127.0.0.1:4321").origin;
  const observed: Observed = {errors: [], foreign: []};
  page.on("console", (message) => {
    if (message.type() === "error") {
      const {url, lineNumber} = message.location();
      observed.errors.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ""}`);
    }
  });
  page.on("pageerror", (error) => observed.errors.push(`page error: ${error.stack ?? error.message}`));
  // Requests the page (and its workers) make; Chromium's own background requests are not page requests.
  page.on("request", (request) => {
    const url = request.url();
    if (!/^(https?|wss?):/i.test(url)) return; // data:, blob:, about:
    if (new URL(url).origin !== origin) observed.foreign.push(`${request.method()} ${url}`);
  });
  const response = await page.goto(path, {waitUntil: "load"});
  expect(response?.status(), `HTTP status of ${path}`).toBe(200);
  await page.waitForLoadState("networkidle");
  // Let Framework's reactive cells settle (charts render after the first frames).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForLoadState("networkidle");
  return observed;
}

for (const path of pages) {
  test.describe(`page ${path}`, () => {
    test("loads without console errors, page errors or requests to other hosts", async ({page, baseURL}) => {
      const observed = await open(page, path, baseURL);
      expect(observed.errors, "console and page errors").toEqual([]);
      expect(observed.foreign, "requests to hosts other than the test server").toEqual([]);
    });

    test("has an <h1>", async ({page, baseURL}) => {
      await open(page, path, baseURL);
      await expect(page.locator("h1").first()).toBeVisible();
    });

    for (const [width, height] of [
      [1280, 1000],
      [390, 844]
    ]) {
      test(`form controls have a usable size at ${width}×${height}`, async ({page, baseURL}) => {
        await page.setViewportSize({width, height});
        await open(page, path, baseURL);
        const collapsed = await page.evaluate(() => {
          const minimum = (e: Element) =>
            e instanceof HTMLInputElement && e.type === "range"
              ? 80
              : e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement
                ? 40
                : e instanceof HTMLInputElement &&
                    ["number", "text", "search", "email", "url", "tel", "date", "time"].includes(e.type)
                  ? 40
                  : 0;
          return [...document.querySelectorAll("input, select, textarea")]
            .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden")
            .map((e) => ({e, width: e.getBoundingClientRect().width, min: minimum(e)}))
            .filter(({width, min}) => width < min)
            .map(({e, width, min}) => {
              const label =
                e.getAttribute("aria-label") ??
                e.closest("form")?.querySelector("label")?.textContent ??
                e.getAttribute("name") ??
                "";
              return `${e.tagName.toLowerCase()}[type=${e.getAttribute("type") ?? ""}] "${label.trim()}": ${Math.round(width)} px wide (< ${min})`;
            });
        });
        expect(collapsed, "form controls narrower than usable").toEqual([]);
      });
    }

    test("does not scroll horizontally at 390×844", async ({page, baseURL}) => {
      await page.setViewportSize({width: 390, height: 844});
      await open(page, path, baseURL);
      const {scrollWidth, innerWidth} = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth
      }));
      expect(scrollWidth, `document width at a ${innerWidth}px-wide viewport`).toBeLessThanOrEqual(innerWidth);
    });
  });
}
