// Browser tests of the site's navigation (the header bar, src/components/nav/siteNav.ts; the lab's pager):
// every built page links to every other page; the current page is marked; the tutorial and lab dropdowns work
// from the keyboard; the header stays one row of at most 44 px on a desktop and collapses into one menu
// button on a phone; and a malformed address (query or hash) never breaks a page.
import {readdirSync} from "node:fs";
import {dirname, join, relative, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {expect, test} from "@playwright/test";
import {watch} from "./watch.js";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

/** Clean URL paths of the built pages (as in site.e2e.ts). */
function builtPages(dir = dist): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
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

test("from every built page a link leads to every other page, and the page itself is marked", async ({request}) => {
  expect(pages.length).toBeGreaterThan(10);
  // The header is static HTML, in every page as served: read the links from the HTML itself.
  for (const path of pages) {
    const url = new URL(path, "http://site.test");
    const html = await (await request.get(path)).text();
    const hrefs = [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"[^>]*>/g)].map((m) => m[0]!);
    const targets = hrefs.map((tag) => new URL(/href="([^"]*)"/.exec(tag)![1]!.replaceAll("&amp;", "&"), url).pathname);
    const missing = pages.filter((other) => other !== path && !targets.includes(other));
    expect(missing, `pages ${path} does not link to`).toEqual([]);
    const marked = hrefs.filter((tag) => tag.includes('aria-current="page"'));
    expect(marked, `the current-page mark on ${path}`).toHaveLength(1);
    expect(new URL(/href="([^"]*)"/.exec(marked[0]!)![1]!, url).pathname).toBe(path);
  }
});

test("the header is one row of at most 44 px on a desktop, and the dropdowns work from the keyboard", async ({
  page
}) => {
  const problems = watch(page);
  await page.setViewportSize({width: 1280, height: 800});
  await page.goto("/lab/orbits");
  const header = page.locator("#observablehq-header");
  const box = await header.boundingBox();
  expect(box!.height).toBeLessThanOrEqual(44);
  // Every section is visible at once; the lab's group is marked as holding the current page.
  for (const name of ["Explorer", "Zoo", "Compare", "2007 cells", "Methods"])
    await expect(header.getByRole("link", {name, exact: true})).toBeVisible();
  await expect(header.locator("details.site-nav-group[data-current] > summary")).toHaveText("Lab");
  await expect(header.getByRole("button", {name: "Menu"})).toBeHidden();
  // Keyboard: focus "Tutorial", open it with Enter, reach a chapter, close with Escape.
  const tutorial = header.locator("summary", {hasText: "Tutorial"});
  await tutorial.focus();
  await page.keyboard.press("Enter");
  const chapter = header.getByRole("link", {name: "3. b: how u couples to v"});
  await expect(chapter).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(header.getByRole("link", {name: "Contents"})).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(chapter).toBeHidden();
  await expect(tutorial).toBeFocused();
  // Opening one dropdown closes the other.
  await header.locator("summary", {hasText: "Lab"}).click();
  await expect(header.getByRole("link", {name: "Numerics"})).toBeVisible();
  await tutorial.click();
  await expect(header.getByRole("link", {name: "Numerics"})).toBeHidden();
  // Follow a link from the dropdown.
  await header.getByRole("link", {name: "3. b: how u couples to v"}).click();
  await expect(page).toHaveURL(/\/tutorial\/coupling$/);
  await expect(page.locator('.site-nav a[aria-current="page"]')).toHaveText("3. b: how u couples to v");
  expect(problems).toEqual([]);
});

test("on a 390 px phone the header is one menu button that opens every link", async ({page}) => {
  const problems = watch(page);
  await page.setViewportSize({width: 390, height: 844});
  await page.goto("/cells2007");
  const header = page.locator("#observablehq-header");
  const menu = header.getByRole("button", {name: "Menu"});
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(header.getByRole("link", {name: "Zoo", exact: true})).toBeHidden();
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(60);
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(header.getByRole("link", {name: "Zoo", exact: true})).toBeVisible();
  await header.locator("summary", {hasText: "Lab"}).click();
  await expect(header.getByRole("link", {name: "Behaviour atlas"})).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await header.getByRole("link", {name: "Behaviour atlas"}).click();
  await expect(page).toHaveURL(/\/lab\/atlas$/);
  expect(problems).toEqual([]);
});

test("the lab's pages have previous and next links in order; the other pages have none", async ({page}) => {
  const lab = ["/lab/chaos", "/lab/orbits", "/lab/atlas", "/lab/numerics"];
  for (const [k, path] of lab.entries()) {
    await page.goto(path, {waitUntil: "domcontentloaded"});
    const rel = async (r: string) => {
      const link = page.locator(`#observablehq-footer a[rel=${r}]`);
      return (await link.count()) ? new URL(await link.evaluate((a: HTMLAnchorElement) => a.href)).pathname : null;
    };
    expect(await rel("prev")).toBe(lab[k - 1] ?? null);
    expect(await rel("next")).toBe(lab[k + 1] ?? null);
  }
  for (const path of ["/", "/zoo", "/methods"]) {
    await page.goto(path, {waitUntil: "domcontentloaded"});
    await expect(page.locator("#observablehq-footer a[rel]")).toHaveCount(0);
  }
});

for (const path of pages) {
  test(`a malformed query or hash breaks no page: ${path}`, async ({page}) => {
    const problems = watch(page);
    await page.goto(`${path}?%E0%A4%A=%E0%A4%A&class=%E0%A4%A#%E0%A4%A`);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("h1").first()).toBeVisible();
    expect(problems).toEqual([]);
  });
}
