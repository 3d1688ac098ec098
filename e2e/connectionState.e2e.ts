import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, openDemoAs, textOf, clause } from "./fixtures";

/** The bound the indicator keeps (issue #13): a lost connection shows, with the unsent count, within 2 s of typing. */
const noticedWithinMs = 2000;

/** The visible indicator; the status role (for screen readers) carries the same words once they settle. */
const indicator = (page: Page) => page.locator(".connection-status");

/**
 * Lets the page's collaboration socket go dead without closing: frames stop flowing both ways and
 * new sockets open but never reach the server, like a network that silently drops packets. Only
 * the heartbeat can notice that.
 */
async function silentNetwork(page: Page) {
  let cut = false;
  await page.routeWebSocket(/\/collab\//, (ws) => {
    if (cut) return; // opens, and nothing ever answers
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      if (!cut) server.send(message);
    });
    server.onMessage((message) => {
      if (!cut) ws.send(message);
    });
  });
  return {
    cut: () => void (cut = true),
    restore: () => void (cut = false),
  };
}

/** Puts the caret at the end of a clause's first paragraph (which loads that clause's side panel). */
async function caretAtEndOf(page: Page, heading: string) {
  await clause(page, heading).locator("p").first().click();
  await page.keyboard.press("End");
}

test("offline shows the unsent count within 2 s of typing, and back online ends in all changes saved", async ({ browser, consoleErrors }) => {
  const buyer = await openDemoAs(browser, consoleErrors, "buyer@demo.test");
  const supplier = await openDemoAs(browser, consoleErrors, "supplier@demo.test");
  await expect(indicator(supplier)).toHaveText("Connected — all changes saved");

  // In the clause first: the network goes while someone is typing in one.
  await caretAtEndOf(supplier, "Personnel screening and awareness");
  await supplier.waitForLoadState("networkidle");
  await supplier.context().setOffline(true);
  await supplier.keyboard.type(" Typed offline.");
  await expect(indicator(supplier)).toHaveText(/^Offline — \d+ changes not yet sent$/, { timeout: noticedWithinMs });
  // Screen readers hear it once the count stops changing, not at every keystroke.
  await expect(supplier.getByRole("status").filter({ hasText: /Offline — \d+ changes not yet sent/ })).toBeAttached();
  await expectAccessible(supplier);
  expect(await textOf(clause(buyer, "Personnel screening and awareness"))).not.toContain("Typed offline.");

  await supplier.context().setOffline(false);
  await expect(indicator(supplier)).toHaveText("Connected — all changes saved");
  await expect.poll(() => textOf(clause(buyer, "Personnel screening and awareness"))).toContain("Typed offline.");
});

test("a socket that silently stops answering is noticed within 2 s of typing, and the changes arrive once it answers again", async ({
  browser,
  consoleErrors,
}) => {
  const buyer = await openDemoAs(browser, consoleErrors, "buyer@demo.test");
  const supplier = await openDemoAs(browser, consoleErrors, "supplier@demo.test");
  const network = await silentNetwork(supplier);
  await supplier.reload();
  await expect(indicator(supplier)).toHaveText("Connected — all changes saved");

  await caretAtEndOf(supplier, "Penetration testing");
  network.cut();
  await supplier.keyboard.type(" Sent into the void.");
  await expect(indicator(supplier)).toHaveText(/^Reconnecting — \d+ changes not yet sent$/, { timeout: noticedWithinMs });

  network.restore();
  // The sockets tried meanwhile went nowhere, each given longer than the last before it counts as dead.
  await expect(indicator(supplier)).toHaveText("Connected — all changes saved", { timeout: 30_000 });
  await expect.poll(() => textOf(clause(buyer, "Penetration testing"))).toContain("Sent into the void.");
});
