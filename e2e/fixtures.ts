import { test as base, expect, type Browser, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const demoPassword = "demo-password";

/** Every page a test opens must log no console errors and no uncaught exceptions. */
export const test = base.extend<{ consoleErrors: string[]; closeOwnContexts: void }>({
  // Contexts a test opens itself (a second party's browser) live as long as the worker's browser
  // unless closed: left open, each stays in the demo room and takes every later test's traffic.
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(
        browser
          .contexts()
          .filter((c) => !before.has(c))
          .map((c) => c.close().catch(() => undefined)),
      );
    },
    { auto: true },
  ],
  consoleErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      context.on("page", (page) => watch(page, errors));
      await use(errors);
      expect(errors, "console errors on the page").toEqual([]);
    },
    { auto: true },
  ],
});

export function watch(page: Page, errors: string[]) {
  page.on("console", (msg) => {
    // A 4xx answer (wrong password, invalid form) is expected behaviour that tests assert on;
    // the browser still logs it as an error. Server errors (5xx) are never expected.
    if (msg.type() === "error" && !/status of 4\d\d/.test(msg.text())) errors.push(msg.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
}

export { expect };

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

export async function logIn(page: Page, email: string, password = demoPassword) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** A clause paragraph's text as its author wrote it, without other people's caret labels. */
export function textOf(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".remote-cursor").forEach((c) => c.remove());
    return copy.textContent ?? "";
  });
}

/**
 * Puts the caret after a paragraph's last character, as a click right of its last line does.
 * The End key alone only reaches the end of the visual line, which moves with the layout.
 */
export async function clickAtEndOf(paragraph: Locator) {
  const box = await paragraph.boundingBox();
  if (!box) throw new Error("the paragraph is not on screen");
  await paragraph.click({ position: { x: box.width - 1, y: box.height - 4 } });
  await paragraph.page().keyboard.press("End");
}

/** The clause whose heading says `heading`. */
export const clause = (page: Page, heading: string) => page.locator(".clause", { has: page.locator(".clause-heading", { hasText: heading }) });

/** A fresh browser context logged in as `email`, on the demo negotiation, connected. */
export async function openDemoAs(browser: Browser, errors: string[], email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  watch(page, errors);
  await logIn(page, email);
  await page.getByRole("link", { name: /Acme Retail ⇄ Nimbus Cloud/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  return page;
}
