import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, openDemoAs, textOf, clause } from "./fixtures";

/**
 * Puts the page's collaboration socket behind a switch, like pulling the network cable: the
 * traffic goes to the real server while "online", and the socket drops and cannot reconnect while
 * "offline". (Chromium's offline emulation leaves open WebSockets running.)
 */
async function networkSwitch(page: Page) {
  let online = true;
  const open = new Set<{ close: () => Promise<void> }>();
  await page.routeWebSocket(/\/collab\//, (ws) => {
    if (!online) return void ws.close({ code: 4000, reason: "offline" });
    ws.connectToServer();
    open.add(ws);
  });
  return {
    async goOffline() {
      online = false;
      for (const ws of open) await ws.close();
      open.clear();
    },
    goOnline() {
      online = true;
    },
  };
}

test("buyer and supplier type in the same clause and see each other's text and cursor", async ({ browser, consoleErrors }) => {
  const buyer = await openDemoAs(browser, consoleErrors, "buyer@demo.test");
  const supplier = await openDemoAs(browser, consoleErrors, "supplier@demo.test");
  await expectAccessible(buyer);

  const buyerClause = clause(buyer, "Security contacts and governance meetings").locator("p").first();
  await buyerClause.click();
  await buyer.keyboard.press("End");
  await buyer.keyboard.type(" Buyer adds this.");
  const supplierClause = clause(supplier, "Security contacts and governance meetings").locator("p").first();
  await expect(supplierClause).toContainText("Buyer adds this.");

  await supplierClause.click();
  await supplier.keyboard.press("Home");
  await supplier.keyboard.type("Supplier: ");
  await expect(buyerClause).toContainText("Supplier: ");
  await expect(buyerClause).toContainText("Buyer adds this.");

  // Each sees the other's caret, labelled with the name the server vouches for (first: another
  // test may have the same demo members in this negotiation at the same time).
  await expect(buyer.locator(".remote-cursor-label", { hasText: "Sam Supplier (Nimbus Cloud)" }).first()).toBeVisible();
  await expect(supplier.locator(".remote-cursor-label", { hasText: "Bea Buyer (Acme Retail)" }).first()).toBeVisible();
  // And the presence bar lists both.
  await expect(buyer.getByText("Sam Supplier (Nimbus Cloud), Supplier")).toBeAttached();
});

test("an edit made offline is kept, counted, survives a reload and merges when the connection returns", async ({ browser, consoleErrors }) => {
  const buyer = await openDemoAs(browser, consoleErrors, "buyer@demo.test");
  const supplier = await openDemoAs(browser, consoleErrors, "supplier@demo.test");
  // The supplier edits the clause heading, the buyer its text: two places, so the merged result is
  // unambiguous (y-prosemirror may interleave two runs typed at the very same spot).
  const buyerText = clause(buyer, "Audit rights");
  const supplierText = clause(supplier, "Audit rights");

  const network = await networkSwitch(supplier);
  await supplier.reload();
  await expect(supplier.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  await network.goOffline();
  await expect(supplier.getByRole("status").filter({ hasText: "Reconnecting" })).toBeVisible({ timeout: 15_000 });
  await supplierText.locator(".clause-heading").click();
  await supplier.keyboard.press("End");
  await supplier.keyboard.type(" Offline supplier edit.");
  await expect(supplier.getByRole("status").filter({ hasText: /Reconnecting — \d+ changes? not yet sent/ })).toBeVisible();

  // Still offline, the page is reloaded: the edit comes back from this device's copy.
  await supplier.reload();
  await expect.poll(() => textOf(clause(supplier, "Audit rights").locator(".clause-heading"))).toContain("Offline supplier edit.");
  await expect(supplier.getByRole("status").filter({ hasText: /Reconnecting — \d+ changes? not yet sent/ })).toBeVisible();

  await buyerText.locator("p").first().click();
  await buyer.keyboard.press("End");
  await buyer.keyboard.type(" Online buyer edit.");

  network.goOnline();
  await expect(supplier.getByRole("status").filter({ hasText: "Connected" })).toBeVisible({ timeout: 20_000 });
  for (const text of [buyerText, supplierText]) {
    await expect.poll(() => textOf(text)).toContain("Offline supplier edit.");
    await expect.poll(() => textOf(text)).toContain("Online buyer edit.");
  }
  expect(await textOf(buyerText)).toBe(await textOf(supplierText));
});

test("an observer sees the schedule read-only and cannot type into it", async ({ browser, consoleErrors }) => {
  const observer = await openDemoAs(browser, consoleErrors, "observer@demo.test");
  await expect(observer.getByText("Read only")).toBeVisible();
  await expect(observer.getByRole("toolbar")).toHaveCount(0);
  const text = clause(observer, "Encryption").locator("p").first();
  const before = await text.textContent();
  await text.click();
  await observer.keyboard.type("observer typing");
  await expect(text).toHaveText(before!);
  await expect(observer.getByRole("textbox", { name: "Security schedule editor" })).toHaveAttribute("contenteditable", "false");
  await expectAccessible(observer);
});
