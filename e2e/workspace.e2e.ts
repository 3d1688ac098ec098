import type { Locator, Page } from "@playwright/test";
import { test, expect, expectAccessible, logIn, clause } from "./fixtures";

const widths = [
  { width: 1366, height: 768 },
  { width: 960, height: 900 },
  { width: 390, height: 844 },
];

async function openDemo(page: Page, email = "buyer@demo.test") {
  await logIn(page, email);
  await page.getByRole("link", { name: /Acme Retail ⇄ Nimbus Cloud/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
}

/** Wholly inside the viewport, and how tall. */
async function inViewport(page: Page, locator: Locator) {
  const box = (await locator.boundingBox())!;
  const viewport = page.viewportSize()!;
  return { inside: box.y >= 0 && box.x >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width, height: box.height };
}

for (const size of widths) {
  test(`at ${size.width}px a clause's marker opens its tab with a usable comment box and its Agree button in sight`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    await openDemo(page);
    const panel = page.getByRole("complementary", { name: "Clause, threads and progress" });
    // Wide screens show the panel beside the document; narrower ones keep it closed until asked for.
    if (size.width >= 1100) await expect(panel).toBeVisible();
    else await expect(panel).toBeHidden();

    await clause(page, "Audit rights")
      .getByRole("button", { name: /Comments on this clause/ })
      .click();
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("tab", { name: "Clause" })).toHaveAttribute("aria-selected", "true");
    await expect(panel.getByRole("heading", { name: "Threads on 1.3 Audit rights" })).toBeVisible();
    const composer = panel.getByLabel("Start a thread on this clause");
    await expect(composer).toBeFocused();
    const box = await inViewport(page, composer);
    expect(box.inside, "the comment box is on screen").toBe(true);
    expect(box.height, "the comment box is not a strip").toBeGreaterThanOrEqual(60);
    await composer.fill("Once a year is enough for us too, as long as the report is recent.\nWe would like the auditor to be independent.");
    expect((await composer.boundingBox())!.height).toBeGreaterThanOrEqual(60);
    // The whole composer (box, who can read it, the button) fits a 120 px minimum of room.
    const form = panel.locator("form.new-thread");
    expect((await form.boundingBox())!.height).toBeGreaterThanOrEqual(120);

    const agree = panel.getByRole("button", { name: "Agree to this clause" });
    await agree.scrollIntoViewIfNeeded();
    expect((await inViewport(page, agree)).inside, "the Agree button is in sight without scrolling the document").toBe(true);
    await page.screenshot({ path: testInfo.outputPath(`workspace-${size.width}.png`) });
    await expectAccessible(page);
  });
}

test("a deep link opens the clause and focuses the thread; the chosen tab is kept", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDemo(page);
  const panel = page.getByRole("complementary", { name: "Clause, threads and progress" });
  await clause(page, "Personnel screening")
    .getByRole("button", { name: /Comments on this clause/ })
    .click();
  await panel.getByLabel("Start a thread on this clause").fill("Which roles does screening cover?");
  await panel.getByRole("button", { name: "Start thread" }).click();
  const thread = panel.locator("article.thread", { hasText: "Which roles does screening cover?" });
  await expect(thread).toBeVisible();
  const threadId = await thread.getAttribute("data-thread-id");
  const clauseId = await clause(page, "Personnel screening").getAttribute("data-id");

  // Away from that clause and onto another tab, then the link.
  await panel.getByRole("tab", { name: /Coverage/ }).click();
  await page.goto(`${new URL(page.url()).pathname}?clause=${clauseId}&thread=${threadId}`);
  await expect(panel.getByRole("tab", { name: "Clause" })).toHaveAttribute("aria-selected", "true");
  await expect(panel.getByRole("heading", { name: "Threads on 1.4 Personnel screening and awareness" })).toBeVisible();
  await expect(panel.locator(`article[data-thread-id="${threadId}"]`)).toBeFocused();

  // The tab chosen last is the one shown on the next visit.
  await panel.getByRole("tab", { name: /Progress/ }).click();
  await page.goto(new URL(page.url()).pathname);
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  await expect(panel.getByRole("tab", { name: /Progress/ })).toHaveAttribute("aria-selected", "true");
  await expect(panel.getByRole("heading", { name: "Agreement progress" })).toBeVisible();
});

test("keyboard only: from the text to Agree and to the comment box in one shortcut, a few Tabs, and back with Escape", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDemo(page);
  const panel = page.getByRole("complementary", { name: "Clause, threads and progress" });
  await clause(page, "Security contacts").locator("p").first().click();
  const editor = page.getByRole("textbox", { name: "Security schedule editor" });
  await expect(editor).toBeFocused();

  await page.keyboard.press("Control+Alt+A");
  await expect(panel.getByRole("button", { name: "Agree to this clause" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(editor).toBeFocused();

  await page.keyboard.press("Control+Alt+M");
  await expect(panel.getByLabel("Start a thread on this clause")).toBeFocused();
  await expect(panel.getByRole("heading", { name: "Threads on 1.2 Security contacts and governance meetings" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(editor).toBeFocused();

  // Tab: one clause marker (not one per clause), the panel's tabs, then the clause's controls.
  const reached: string[] = [];
  for (let i = 0; i < 6 && !reached.includes("Agree to this clause"); i++) {
    await page.keyboard.press("Tab");
    reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ""));
  }
  expect(reached).toContain("Agree to this clause");
  expect(reached.length).toBeLessThanOrEqual(5);

  // The arrow keys walk the markers; Enter opens that clause's comment box.
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(page.locator(".thread-marker:focus")).toHaveCount(1);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("heading", { name: "Threads on 1.3 Audit rights" })).toBeVisible();
  await expect(panel.getByLabel("Start a thread on this clause")).toBeFocused();

  // "?" away from text opens the list of shortcuts.
  await page.keyboard.press("Escape");
  await page.getByRole("tab", { name: "Clause" }).focus();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help.getByRole("cell", { name: "Control+Alt+M" })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});

test("on a narrow screen the panel is a drawer: it closes with its button or Escape and gives the keyboard back", async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 900 });
  await openDemo(page, "supplier@demo.test");
  const panel = page.getByRole("complementary", { name: "Clause, threads and progress" });
  const toggle = page.getByRole("button", { name: "Show side panel" });
  await toggle.click();
  await expect(panel).toBeVisible();
  await panel.getByRole("tab", { name: /Coverage/ }).click();
  await expect(panel.getByRole("heading", { name: /Coverage/ }).first()).toBeVisible();
  await panel.getByRole("button", { name: "Close side panel" }).first().click();
  await expect(panel).toBeHidden();
  await page.getByRole("button", { name: "Show side panel" }).click();
  await panel.getByRole("tab", { name: /Threads/ }).focus();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(page.getByRole("textbox", { name: "Security schedule editor" })).toBeFocused();
});
