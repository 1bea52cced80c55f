// Shared by browser tests: collects a page's console errors, uncaught page errors and dialogs (dismissed), to
// assert none occurred.
import type {Page} from "@playwright/test";

export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => message.type() === "error" && problems.push(`console.error: ${message.text()}`));
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}
