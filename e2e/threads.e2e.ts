import type { Browser, Page } from "@playwright/test";
import { test, expect, expectAccessible, logIn, watch } from "./fixtures";

async function openDemoAs(browser: Browser, errors: string[], email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "en-GB", viewport: { width: 1400, height: 1000 } })).newPage();
  watch(page, errors);
  await logIn(page, email);
  await page.getByRole("link", { name: /Acme Retail ⇄ Nimbus Cloud/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  return page;
}

const clause = (page: Page, heading: string) => page.locator(".clause", { has: page.locator(".clause-heading", { hasText: heading }) });
const panel = (page: Page) => page.getByRole("region", { name: /^Threads on|^All threads/ });

/** Selects one word of a clause's text the way a mouse would, so the editor sees the selection. */
async function selectWord(page: Page, heading: string, word: string) {
  await clause(page, heading)
    .locator("p")
    .first()
    .evaluate((p, w) => {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(w);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + w.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`no "${w}" in the clause`);
    }, word);
}

test("supplier and buyer discuss clause 2.1 live; internal notes stay internal; a quote follows the other party's edit", async ({ browser, consoleErrors }) => {
  const supplier = await openDemoAs(browser, consoleErrors, "supplier@demo.test");
  const buyer = await openDemoAs(browser, consoleErrors, "buyer@demo.test");
  const mfa = "Multi-factor authentication"; // clause 2.1 of the demo schedule

  // The supplier quotes a word of clause 2.1 and opens its threads from the keyboard.
  await clause(supplier, mfa).locator("p").first().click();
  await selectWord(supplier, mfa, "administrative");
  await supplier.keyboard.press("Control+Alt+m");
  await expect(panel(supplier)).toHaveAccessibleName(/Threads on 2\.1 Multi-factor authentication/);
  await expect(panel(supplier).getByText("Quoting: “administrative”")).toBeVisible();
  await panel(supplier).getByLabel("Start a thread on this clause").fill("Does **administrative** include our on-call engineers?");
  await panel(supplier).getByRole("button", { name: "Start thread" }).click();
  await expect(panel(supplier).getByRole("article").getByText("Does administrative include our on-call engineers?")).toBeVisible();
  await expectAccessible(supplier);

  // The buyer sees the marker count change live, opens the thread from it and replies.
  const buyerMarker = clause(buyer, mfa).getByRole("button", { name: "Comments on this clause: 1 open. Open the threads." });
  await expect(buyerMarker).toBeVisible();
  await buyerMarker.click();
  const buyerThread = panel(buyer).getByRole("article").filter({ hasText: "on-call engineers" });
  await buyerThread.getByLabel("Reply").fill("Yes, everyone with admin rights.");
  await buyerThread.getByRole("button", { name: "Send reply" }).click();
  const supplierThread = panel(supplier).getByRole("article").filter({ hasText: "on-call engineers" });
  await expect(supplierThread.getByText("Yes, everyone with admin rights.")).toBeVisible();

  // The buyer edits the clause before the quoted word; the supplier's highlight still marks that word.
  await clause(buyer, mfa).locator("p").first().click();
  await buyer.keyboard.press("Home");
  await buyer.keyboard.type("In short: ");
  await expect(clause(supplier, mfa).locator("p").first()).toContainText("In short: ");
  await expect(clause(supplier, mfa).locator(".thread-quote")).toHaveText("administrative");

  // The supplier resolves it; the buyer sees who did.
  await supplierThread.getByRole("button", { name: "Resolve", exact: true }).click();
  await panel(buyer).getByRole("button", { name: "Resolved", exact: true }).click();
  await expect(panel(buyer).getByText(/Resolved by Sam Supplier \(Nimbus Cloud\)/)).toBeVisible();

  // An internal buyer note, then a shared one: when the supplier has the shared one, it would have the internal one too.
  await panel(buyer).getByRole("button", { name: "Open", exact: true }).click();
  await panel(buyer).getByLabel("Start a thread on this clause").fill("Internal: we can live without SSO.");
  await panel(buyer).getByLabel("Only my party (internal note)").check();
  await panel(buyer).getByRole("button", { name: "Start thread" }).click();
  await expect(panel(buyer).getByRole("article").getByText("Internal: we can live without SSO.")).toBeVisible();
  await panel(buyer).getByLabel("Start a thread on this clause").fill("Shared: please list the admin roles.");
  await panel(buyer).getByLabel("Everyone in this negotiation").check();
  await panel(buyer).getByRole("button", { name: "Start thread" }).click();
  await panel(supplier).getByRole("button", { name: "Open", exact: true }).click();
  await expect(panel(supplier).getByRole("article").getByText("Shared: please list the admin roles.")).toBeVisible();
  await expect(supplier.getByText("Internal: we can live without SSO.")).toHaveCount(0);
  await panel(supplier).getByRole("button", { name: "Internal", exact: true }).click();
  await expect(panel(supplier).getByRole("article")).toHaveCount(0);
});
