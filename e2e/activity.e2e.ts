import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, clause, openDemoAs } from "./fixtures";

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications, / });

/** The unread count the bell announces, from its accessible name. */
async function unreadOf(page: Page): Promise<number> {
  const label = (await bell(page).getAttribute("aria-label")) ?? "";
  return label.includes("none unread") ? 0 : Number(label.match(/(\d+) unread/)![1]);
}

test("a supplier's agreement reaches the buyer's bell and both activity panels within seconds, without a reload", async ({ browser, consoleErrors }) => {
  const buyer = await openDemoAs(browser, consoleErrors, "buyer@demo.test");
  const supplier = await openDemoAs(browser, consoleErrors, "supplier@demo.test");
  const before = await unreadOf(buyer);

  await clause(supplier, "Audit rights").locator("p").first().click();
  const panel = supplier.getByRole("region", { name: "Agreement on this clause" });
  await panel.getByRole("button", { name: "Agree to this clause" }).click();
  await expect(panel.getByText("Your party agrees to this text.")).toBeVisible();

  // The bound the issue sets: a few seconds, over the socket (the fallback poll is a minute).
  await expect.poll(() => unreadOf(buyer), { timeout: 5_000 }).toBeGreaterThan(before);
  // The Activity tab of each side panel lists it too (already there, or opened now).
  for (const page of [buyer, supplier]) await page.getByRole("tab", { name: "Activity" }).click();
  const activity = buyer.getByRole("region", { name: "Activity" });
  await expect(activity.getByRole("listitem").first()).toContainText("Sam Supplier (Nimbus Cloud)");
  await expect(activity.getByRole("listitem").first()).toContainText(/Agreed to clause [\d.]+ Audit rights for the Supplier/);
  await expect(supplier.getByRole("region", { name: "Activity" }).getByRole("listitem").first()).toContainText(/Audit rights/);

  await bell(buyer).click();
  const popover = buyer.locator(".bell-panel");
  await expect(popover.getByRole("listitem").first()).toContainText("Agreed to clause");
  await expectAccessible(buyer);
  await buyer.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(bell(buyer)).toBeFocused();

  // Other tests' members comment meanwhile: follow this very entry, and check it alone.
  const entry = () =>
    popover
      .getByRole("listitem")
      .filter({ hasText: /Audit rights/ })
      .first();
  await bell(buyer).click();
  await expect(entry()).toContainText("New");
  await entry().getByRole("link").click();
  await expect(buyer).toHaveURL(/\?clause=[a-z2-7]+$/);
  await bell(buyer).click();
  await expect(entry()).not.toContainText("New");
  await buyer.keyboard.press("Escape");

  for (const width of [1366, 960, 390]) {
    await buyer.setViewportSize({ width, height: 900 });
    await bell(buyer).click();
    await buyer.screenshot({ path: `test-results/activity-bell-${width}.png` });
    await bell(buyer).click();
    // The deep link above opened the Clause tab; on narrow screens the panel is a drawer.
    const showPanel = buyer.getByRole("button", { name: "Show side panel" });
    if (await showPanel.isVisible()) await showPanel.click();
    await buyer.getByRole("tab", { name: "Activity" }).click();
    await expect(activity).toBeVisible();
    await buyer.screenshot({ path: `test-results/activity-panel-${width}.png` });
  }
  await buyer.goto("/notifications");
  await expectAccessible(buyer);
  await buyer.screenshot({ path: "test-results/activity-notifications-390.png", fullPage: true });
});

test("mentions are picked by keyboard from the members who may see the thread, and notify exactly that member", async ({ browser, consoleErrors }) => {
  const buyer = await openDemoAs(browser, consoleErrors, "buyer@demo.test");
  const advisor = await openDemoAs(browser, consoleErrors, "advisor@demo.test");
  const before = await unreadOf(advisor);
  await clause(buyer, "Encryption").locator("p").first().click();
  await buyer.keyboard.press("Control+Alt+m");
  const threads = buyer.getByRole("region", { name: /^Threads on/ });
  const box = threads.getByRole("textbox", { name: "Start a thread on this clause" });
  const combobox = threads.getByRole("combobox", { name: "Members to mention" }).first();

  // An internal note: only the buyer's own party could be mentioned, and the buyer is alone in it.
  await threads.getByLabel("Only my party (internal note)").check();
  await box.pressSequentially("Note for @");
  await expect(combobox).toHaveAttribute("aria-expanded", "false");
  await box.fill("");

  await threads.getByLabel("Everyone in this negotiation").check();
  await box.pressSequentially("Please check, @");
  await expect(combobox).toHaveAttribute("aria-expanded", "true");
  const options = threads.getByRole("listbox", { name: "Members to mention" }).getByRole("option");
  await expect(options).toHaveCount(3);
  expect((await options.allTextContents()).sort()).toEqual(["Ada Advisor (sector body)", "Oscar Observer", "Sam Supplier (Nimbus Cloud)"]);
  await expectAccessible(buyer);
  await box.press("Escape");
  await expect(combobox).toHaveAttribute("aria-expanded", "false");
  await box.press("Backspace");
  await box.pressSequentially("@A");
  await expect(options).toHaveText(["Ada Advisor (sector body)"]);
  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id"))!);
  await box.press("Enter");
  await expect(box).toHaveValue(/^Please check, @\[Ada Advisor \(sector body\)\]\(user:[a-z2-7]+\) $/);
  await box.pressSequentially("the key lengths.");
  await threads.getByRole("button", { name: "Start thread" }).click();
  await expect(threads.locator(".mention").first()).toHaveText("@Ada Advisor (sector body)");

  await expect.poll(() => unreadOf(advisor), { timeout: 5_000 }).toBeGreaterThan(before);
  await bell(advisor).click();
  // Other tests' moves reach the advisor too (they share the demo members): find this mention.
  const latest = advisor.locator(".bell-panel").getByRole("listitem").filter({ hasText: "the key lengths." }).first();
  await expect(latest).toContainText("Bea Buyer (Acme Retail) mentioned you");
  await expect(latest.locator("blockquote")).toHaveText("Please check, @Ada Advisor (sector body) the key lengths.");
  for (const width of [1366, 390]) {
    await buyer.setViewportSize({ width, height: 900 });
    await box.pressSequentially(" @");
    await threads.scrollIntoViewIfNeeded();
    await buyer.screenshot({ path: `test-results/activity-mention-${width}.png` });
    await box.press("Escape");
  }
});
