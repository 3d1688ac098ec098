import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, clickAtEndOf, textOf } from "./fixtures";
import { runs, twoPartyNegotiation } from "./twoParties";

const schedule = [
  { heading: "Backups", body: "The Supplier backs up Buyer Data daily and tests a restore every quarter." },
  { heading: "Incident notification", body: "The Supplier notifies the Buyer of any security incident within 24 hours." },
];
const change = " Copies are kept for 90 days.";

const clause = (page: Page, heading: string) => page.locator(".schedule-editor .clause", { has: page.locator(".clause-heading", { hasText: heading }) });
const paragraph = (page: Page, heading: string) => clause(page, heading).locator("p").first();
const inserted = (page: Page, heading: string) => clause(page, heading).locator("ins.proposal-ins");
const badge = (page: Page, heading: string) => clause(page, heading).locator(".agreement-badge");
const panel = (page: Page) => page.getByRole("tabpanel");
const proposalsOnClause = (page: Page) => page.getByRole("region", { name: "Proposals on this clause" });

async function agree(page: Page, heading: string) {
  await paragraph(page, heading).click();
  await page.getByRole("tab", { name: /^Clause/ }).click();
  const region = page.getByRole("region", { name: "Agreement on this clause" });
  await region.getByRole("button", { name: "Agree to this clause" }).click();
  await expect(region.getByText("Your party agrees to this text.")).toBeVisible();
}

async function agreeStructure(page: Page) {
  await page.locator(".schedule-editor .section-heading").click();
  const region = page.getByRole("region", { name: "Agreement on the schedule structure" });
  await region.getByRole("button", { name: "Agree to the structure" }).click();
  await expect(region.getByText("Your party agrees to this structure.")).toBeVisible();
}

async function signOff(page: Page, org: string, expected: RegExp) {
  await page.getByRole("link", { name: "Agreement, versions and sign-off" }).click();
  await page.getByRole("button", { name: `Sign off for ${org}` }).click();
  await expect(page.getByRole("status").filter({ hasText: expected })).toBeVisible();
}

test("the supplier proposes a change to an agreed clause with a reason; the buyer discusses it in its thread, accepts it; both agree again and sign the accepted text", async ({
  browser,
  consoleErrors,
}, testInfo) => {
  test.slow(); // two parties from an empty schedule to a signed agreement, with a discussion on the way
  const { buyer, supplier, id } = await twoPartyNegotiation(browser, consoleErrors, schedule, "Sign-off story");
  for (const { heading } of schedule) {
    await agree(buyer, heading);
    await agree(supplier, heading);
  }
  await agreeStructure(buyer);
  await agreeStructure(supplier);
  await expect(buyer.getByRole("tab", { name: /^Progress/ })).toHaveAccessibleName("Progress 3/3");
  await expect(buyer.getByText("Way of working: Edit together")).toBeVisible();

  // Typing in the agreed clause, even editing together, becomes a proposal; the supplier gives it a reason.
  await clickAtEndOf(paragraph(supplier, "Backups"));
  await supplier.keyboard.type(change);
  await runs(inserted(supplier, "Backups")).toBe(change);
  const mine = proposalsOnClause(supplier).getByRole("listitem").filter({ hasText: change.trim() });
  await mine.getByText("Add a reason").click();
  await mine.getByLabel("Why this change").fill("Matches our retention policy.");
  await mine.getByRole("button", { name: "Save reason" }).click();
  await expect(mine).toContainText("Reason: Matches our retention policy.");
  const proposalId = await mine.getAttribute("data-proposal-id");

  // The buyer sees it inline; a link to the proposal opens its clause with the proposal focused.
  await runs(inserted(buyer, "Backups")).toBe(change);
  await expect(badge(buyer, "Backups")).toHaveText("Proposal open");
  await buyer.goto(`/negotiations/${id}?proposal=${proposalId}`);
  await expect(buyer.getByRole("tab", { name: "Clause" })).toHaveAttribute("aria-selected", "true");
  const item = proposalsOnClause(buyer).locator(`li[data-proposal-id="${proposalId}"]`);
  await expect(item).toBeFocused();
  await expect(item).toContainText("Sam Supplier (Nimbus Cloud)");
  await expect(item).toContainText(`Insert: ${change.trim()}`);
  await expect(item).toContainText("Reason: Matches our retention policy.");
  await expect(buyer.getByRole("tab", { name: /^Proposals/ })).toHaveAccessibleName("Proposals 1");

  // "Discuss" starts the proposal's thread, on its clause, quoting it.
  await item.getByRole("button", { name: "Discuss" }).click();
  const composer = panel(buyer).getByLabel("Start a thread on this proposal by Sam Supplier (Nimbus Cloud)");
  await expect(composer).toBeFocused();
  await expect(panel(buyer).locator(".new-proposal-thread")).toContainText(`Quoting: “${change}”`);
  await composer.fill("Why 90 days and not 30?");
  await panel(buyer).getByRole("button", { name: "Start thread" }).click();
  const buyerThread = panel(buyer).locator("article.thread", { hasText: "Why 90 days and not 30?" });
  await expect(buyerThread).toBeFocused();
  await expect(buyerThread).toContainText("On a proposal by Sam Supplier (Nimbus Cloud) to insert:");
  await expect(buyerThread).toContainText("Still open.");
  await expect(buyer.getByRole("heading", { name: "Threads on 1.1 Backups" })).toBeVisible();
  await expect(item.getByRole("button", { name: "Discuss (1 comment)" })).toBeVisible();
  await expectAccessible(buyer);

  // The supplier sees the comment arrive, in the clause's threads and on the proposal, and answers.
  const supplierThread = panel(supplier).locator("article.thread", { hasText: "Why 90 days and not 30?" });
  await expect(supplierThread).toBeVisible();
  await mine.getByRole("button", { name: "Discuss (1 comment)" }).click();
  await expect(supplierThread).toBeFocused();
  await supplierThread.getByLabel("Reply").fill("Our regulator asks for 90 days.");
  await supplierThread.getByRole("button", { name: "Send reply" }).click();
  await expect(buyerThread).toContainText("Our regulator asks for 90 days.");
  await expect(item.getByRole("button", { name: "Discuss (2 comments)" })).toBeVisible();
  await buyer.screenshot({ path: testInfo.outputPath("proposal-thread.png") });

  // Accepted from the Proposals tab: plain text for both, the thread says so, the clause needs agreeing again.
  await buyer.getByRole("tab", { name: /^Proposals/ }).click();
  await panel(buyer).getByRole("listitem").filter({ hasText: change.trim() }).getByRole("button", { name: "Accept" }).click();
  for (const page of [buyer, supplier]) {
    await expect(inserted(page, "Backups")).toHaveCount(0);
    await expect(badge(page, "Backups")).toHaveText("Changed since agreed");
  }
  expect(await textOf(paragraph(supplier, "Backups"))).toBe(schedule[0]!.body + change);
  await expect(supplierThread).toContainText(/Accepted by Bea Buyer \(Acme Retail\), /);
  await expect(supplierThread).toContainText("Our regulator asks for 90 days.");
  await supplier.screenshot({ path: testInfo.outputPath("proposal-thread-accepted.png") });
  await expect(buyer.getByRole("tab", { name: /^Progress/ })).toHaveAccessibleName("Progress 2/3");

  // Two more proposals, in the other agreed clause: the buyer rejects them at once.
  await clickAtEndOf(paragraph(supplier, "Incident notification"));
  await supplier.keyboard.type(" Within four hours.");
  await paragraph(supplier, "Incident notification").click({ position: { x: 2, y: 8 } });
  await supplier.keyboard.press("Home");
  await supplier.keyboard.type("Promptly: ");
  await expect(inserted(buyer, "Incident notification")).toHaveCount(2);
  await expect(buyer.getByRole("tab", { name: /^Proposals/ })).toHaveAccessibleName("Proposals 2");
  const several = panel(buyer).getByRole("group", { name: "Decide several at once" });
  await expect(several.getByRole("button", { name: "Accept all by Sam Supplier (Nimbus Cloud)" })).toBeVisible();
  await expect(several.getByRole("button", { name: "Reject all by Sam Supplier (Nimbus Cloud)" })).toBeVisible();
  await expectAccessible(buyer);
  await buyer.screenshot({ path: testInfo.outputPath("proposals-bulk.png") });
  await paragraph(buyer, "Incident notification").click();
  await buyer.getByRole("tab", { name: "Clause" }).click();
  await proposalsOnClause(buyer).getByRole("button", { name: "Reject all in this clause" }).click();
  const confirm = buyer.getByRole("dialog", { name: "Reject all 2 proposals in clause 1.2?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Reject all" }).click();
  await expect(proposalsOnClause(buyer).getByRole("status")).toHaveText("2 proposals rejected.");
  for (const page of [buyer, supplier]) {
    await expect(inserted(page, "Incident notification")).toHaveCount(0);
    await expect(badge(page, "Incident notification")).toHaveText("Agreed");
  }
  expect(await textOf(paragraph(buyer, "Incident notification"))).toBe(schedule[1]!.body);

  // Agreed again by both, and signed: the agreement in force holds the accepted words.
  await agree(supplier, "Backups");
  await agree(buyer, "Backups");
  await expect(buyer.getByRole("tab", { name: /^Progress/ })).toHaveAccessibleName("Progress 3/3");
  await signOff(buyer, "Acme Retail", /Your sign-off is recorded/);
  await signOff(supplier, "Nimbus Cloud", /Both parties have signed off/);
  await supplier.getByRole("region", { name: "Effective agreements" }).getByRole("link", { name: "Version 1: Effective agreement", exact: true }).click();
  await expect(supplier.getByRole("heading", { level: 1 })).toHaveText("Version 1: Effective agreement");
  await expect(supplier.locator(".clause", { hasText: "Backups" })).toContainText(schedule[0]!.body + change);
  await expect(supplier.locator(".clause", { hasText: "Incident notification" })).toContainText(schedule[1]!.body);
  await expect(supplier.locator(".clause", { hasText: "Incident notification" })).not.toContainText("four hours");
});
