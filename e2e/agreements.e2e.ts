import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { test, expect, expectAccessible, logIn, watch } from "./fixtures";

const pilot = "Backup service pilot — three-clause schedule";

async function openPilotAs(browser: Browser, errors: string[], email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "en-GB", acceptDownloads: true })).newPage();
  watch(page, errors);
  await logIn(page, email);
  await page.getByRole("link", { name: pilot }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  return page;
}

const clause = (page: Page, heading: string) => page.locator(".schedule-editor .clause", { has: page.locator(".clause-heading", { hasText: heading }) });
/** The Progress tab names the count of agreed units (clauses and the structure). */
const progress = (page: Page) => page.getByRole("tab", { name: /^Progress/ });
const structureBadge = (page: Page) => page.locator(".schedule-editor .schedule-section > .agreement-badge");

async function agree(page: Page, heading: string) {
  await clause(page, heading).locator("p").first().click();
  await page.getByRole("tab", { name: /^Clause/ }).click();
  const panel = page.getByRole("region", { name: "Agreement on this clause" });
  await panel.getByRole("button", { name: "Agree to this clause" }).click();
  await expect(panel.getByText("Your party agrees to this text.")).toBeVisible();
}

/** The section headings, their order and which clauses they hold: agreed from a section heading. */
async function agreeStructure(page: Page) {
  await page.locator(".schedule-editor .section-heading").click();
  const panel = page.getByRole("region", { name: "Agreement on the schedule structure" });
  await panel.getByRole("button", { name: "Agree to the structure" }).click();
  await expect(panel.getByText("Your party agrees to this structure.")).toBeVisible();
}

async function signOff(page: Page, org: string, expected: RegExp) {
  await page.getByRole("link", { name: "Agreement, versions and sign-off" }).click();
  await page.getByRole("button", { name: `Sign off for ${org}` }).click();
  await expect(page.getByRole("status").filter({ hasText: expected })).toBeVisible();
}

test("both parties agree every clause and the structure and sign off; an amendment needs only what changed re-agreed; the redline and the sign-off screen name what changed", async ({
  browser,
  consoleErrors,
}) => {
  test.slow(); // one long story: two rounds of agreeing and signing, redline, versions, export
  const buyer = await openPilotAs(browser, consoleErrors, "buyer@demo.test");
  const supplier = await openPilotAs(browser, consoleErrors, "supplier@demo.test");
  await expect(progress(buyer)).toHaveAccessibleName("Progress 0/4");
  await progress(buyer).click();
  await expect(buyer.getByRole("region", { name: "Agreement progress" })).toContainText("0 of 4 agreed (clauses and structure)");
  await buyer.getByRole("tab", { name: "Clause" }).click();

  // Agreeing clause by clause; the other side's margin follows live.
  await agree(buyer, "Backups");
  await expect(clause(supplier, "Backups").locator(".agreement-badge")).toHaveText("Agreed by buyer");
  await agree(supplier, "Backups");
  await expect(clause(buyer, "Backups").locator(".agreement-badge")).toHaveText("Agreed");
  for (const heading of ["Incident notification", "Return and deletion of data"]) {
    await agree(buyer, heading);
    await agree(supplier, heading);
  }
  await expect(progress(buyer)).toHaveAccessibleName("Progress 3/4");
  await agreeStructure(buyer);
  await expect(structureBadge(supplier)).toHaveText("Structure: Agreed by buyer");
  await agreeStructure(supplier);
  await expect(progress(buyer)).toHaveAccessibleName("Progress 4/4");
  await expectAccessible(buyer);

  await signOff(buyer, "Acme Retail", /Your sign-off is recorded/);
  // Signed once: the button gives way to what happened, and posting again is refused.
  await expect(buyer.getByRole("button", { name: "Sign off for Acme Retail" })).toHaveCount(0);
  await expect(buyer.getByText("Signed for Acme Retail: waiting for the other party")).toBeVisible();
  await expect(buyer.getByText("acceptance record, not a qualified electronic signature", { exact: false })).toBeVisible();
  await expectAccessible(buyer);
  await signOff(supplier, "Nimbus Cloud", /Both parties have signed off/);
  await expect(supplier.getByRole("region", { name: "Effective agreements" }).getByRole("listitem")).toHaveCount(1);

  // The agreement in force is read-only for everyone.
  await buyer.getByRole("link", { name: `← ${pilot}` }).click();
  await expect(buyer.getByRole("note").filter({ hasText: "In force since" })).toBeVisible();
  await expect(buyer.getByRole("textbox", { name: "Security schedule editor" })).toHaveAttribute("aria-readonly", "true");

  // The supplier opens an amendment round and changes one clause.
  // Opening a round asks first; cancelling (Escape) changes nothing.
  await supplier.getByRole("button", { name: "Open an amendment round" }).click();
  const confirmRound = supplier.getByRole("dialog", { name: "Open a new round?" });
  await expect(confirmRound).toBeVisible();
  await expect(confirmRound.getByRole("button", { name: "Cancel" })).toBeFocused();
  await supplier.keyboard.press("Escape");
  await expect(confirmRound).toBeHidden();
  await supplier.getByRole("button", { name: "Open an amendment round" }).click();
  await confirmRound.getByRole("button", { name: "Yes, open the round" }).click();
  await expect(supplier.getByRole("status").filter({ hasText: "An amendment round is open" })).toBeVisible();
  await supplier.getByRole("link", { name: `← ${pilot}` }).click();
  await expect(supplier.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  // Both editors say the round is open and which signed text binds meanwhile; the buyer's live.
  for (const page of [supplier, buyer]) {
    const roundNote = page.getByRole("note").filter({ hasText: /^Amendment round 1 is open since / });
    await expect(roundNote).toContainText("Version 1: Effective agreement stays in force until both parties sign the new text.");
    await expect(page.getByRole("note").filter({ hasText: "In force since" })).toHaveCount(0);
  }
  await expectAccessible(buyer);
  await clause(supplier, "Incident notification").locator("p").first().click();
  await supplier.keyboard.press("End");
  await supplier.keyboard.type(" Updated for the pilot.");
  // The clause is agreed, so the supplier's words are a proposal: the buyer accepts it into the text.
  await expect(clause(buyer, "Incident notification").locator("ins.proposal-ins")).toContainText("Updated for the pilot.");
  await buyer.getByRole("tab", { name: /^Proposals/ }).click();
  await buyer.getByRole("tabpanel").getByRole("listitem").filter({ hasText: "Updated for the pilot." }).getByRole("button", { name: "Accept" }).click();
  await expect(clause(buyer, "Incident notification").locator("ins.proposal-ins")).toHaveCount(0);
  await expect(clause(buyer, "Incident notification").locator(".agreement-badge")).toHaveText("Changed since agreed");
  await expect(clause(buyer, "Backups").locator(".agreement-badge")).toHaveText("Agreed");
  await expect(progress(buyer)).toHaveAccessibleName("Progress 3/4");
  // A section heading is in no clause: changing it reopens the structure instead.
  await supplier.locator(".schedule-editor .section-heading").click();
  await supplier.keyboard.press("End");
  await supplier.keyboard.type(" (amended)");
  await expect(structureBadge(buyer)).toHaveText("Structure: Changed since agreed");
  await expect(progress(buyer)).toHaveAccessibleName("Progress 2/4");

  // The redline against the agreement in force shows the supplier's words, attributed.
  await buyer.goto(buyer.url().replace(/\?.*$/, "") + "/changes");
  const changed = buyer.locator(".clause", { hasText: "Incident notification" });
  // However the words were split into insertions, each one names the supplier.
  const insertions = changed.locator("ins");
  await expect(insertions.first()).toContainText("Updated");
  await expect(insertions.last()).toContainText("pilot.");
  for (const title of await insertions.evaluateAll((els) => els.map((e) => e.getAttribute("title")))) {
    expect(title).toBe("inserted by Sam Supplier (Nimbus Cloud), Supplier");
  }
  await expect(changed).toContainText("Changed by: Sam Supplier (Nimbus Cloud) (Supplier)");
  await expect(buyer.getByText("1 clause changed; 2 unchanged.")).toBeVisible();
  const structure = buyer.getByRole("region", { name: "Schedule structure: headings and order" });
  await expect(structure).toContainText("Heading of section 1: “Backup service pilot” became “Backup service pilot (amended)”");
  await expect(structure).toContainText("Changed by: Sam Supplier (Nimbus Cloud) (Supplier)");
  await expectAccessible(buyer);

  // Only what changed needs agreeing again, then both sign the amended text.
  await agree(supplier, "Incident notification");
  await agreeStructure(supplier);
  await buyer.goBack();
  await agree(buyer, "Incident notification");
  await agreeStructure(buyer);
  await expect(progress(buyer)).toHaveAccessibleName("Progress 4/4");
  // The sign-off screen says exactly what is signed beyond the agreement in force.
  await buyer.getByRole("link", { name: "Agreement, versions and sign-off" }).click();
  const since = buyer.getByRole("region", { name: "What you sign: changes since the agreement in force" });
  await expect(since.getByRole("listitem")).toHaveText([
    "Heading of section 1: “Backup service pilot” became “Backup service pilot (amended)”",
    "Clause 1.2 Incident notification: Changed",
  ]);
  await expectAccessible(buyer);
  await buyer.getByRole("button", { name: "Sign off for Acme Retail" }).click();
  await expect(buyer.getByRole("status").filter({ hasText: /Your sign-off is recorded/ })).toBeVisible();
  await signOff(supplier, "Nimbus Cloud", /Both parties have signed off/);
  const history = supplier.getByRole("region", { name: "Effective agreements" }).getByRole("listitem");
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText("in force");

  // The exported agreement carries the amended clause and its status.
  const download = supplier.waitForEvent("download");
  await supplier.getByRole("link", { name: "Markdown Version 2: Effective agreement, amendment 1" }).click();
  const file = await readFile((await (await download).path())!, "utf8");
  expect(file).toContain("## 1. Backup service pilot (amended)");
  expect(file).toContain("### 1.2 Incident notification");
  expect(file).toContain("Updated for the pilot.");
  expect(file).toContain("*Status: Agreed — ");
  expect(file).toContain("Signed off for Nimbus Cloud (Supplier) by Sam Supplier (Nimbus Cloud)");

  // Versions read back, compare clause by clause, and the audit log records it all.
  await supplier.getByRole("region", { name: "Effective agreements" }).getByRole("link", { name: "Version 1: Effective agreement", exact: true }).click();
  await expect(supplier.getByRole("heading", { level: 1 })).toHaveText("Version 1: Effective agreement");
  await expect(supplier.locator(".clause", { hasText: "Incident notification" })).not.toContainText("Updated for the pilot.");
  await expectAccessible(supplier);
  await supplier.goBack();
  await supplier.getByLabel("Compare").selectOption({ label: "Version 1: Effective agreement" });
  await supplier.getByLabel("with").selectOption({ label: "Version 2: Effective agreement, amendment 1" });
  await supplier.getByRole("button", { name: "Compare" }).click();
  await expect(supplier.getByRole("heading", { level: 2, name: /1\.2 Incident notification Changed/ })).toBeVisible();
  await expect(supplier.locator(".schedule-readonly ins").first()).toContainText("Updated");
  await expect(supplier.getByRole("region", { name: "Schedule structure: headings and order" })).toContainText(
    "“Backup service pilot” became “Backup service pilot (amended)”",
  );
  await expectAccessible(supplier);
  await supplier.goBack();
  await supplier.getByRole("link", { name: "Audit log" }).click();
  await expect(supplier.getByRole("row").filter({ hasText: "Opened amendment round 1" })).toBeVisible();
  await expect(supplier.getByRole("row").filter({ hasText: "Signed off for the Supplier (round 1)" })).toBeVisible();
  await expect(supplier.getByRole("row").filter({ hasText: "Exported Version 2: Effective agreement, amendment 1 as MD" })).toBeVisible();
  await expectAccessible(supplier);

  // A review date soon puts the agreement on the dashboard's review list.
  await supplier.goBack();
  const soon = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await supplier.getByLabel("Review date").fill(soon);
  await supplier.getByRole("button", { name: "Set review date" }).click();
  await expect(supplier.getByRole("status").filter({ hasText: "The review date is saved." })).toBeVisible();
  // The day chosen, as a date: not a moment with a time and zone.
  const soonAsDay = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(Date.parse(`${soon}T00:00:00Z`));
  await expect(supplier.getByText(`Next review due: ${soonAsDay}.`, { exact: true })).toBeVisible();
  await supplier.goto("/dashboard?show=review");
  await expect(supplier.getByRole("row", { name: new RegExp(pilot) }).getByRole("link", { name: `Review due ${soonAsDay}`, exact: true })).toBeVisible();
  await expect(supplier.getByRole("row", { name: new RegExp(pilot) })).toContainText("Signed and in force");

  // Nobody makes the "due for review" move: the server does, within seconds, and both sides hear of it.
  await supplier
    .getByRole("row", { name: new RegExp(pilot) })
    .getByRole("link", { name: `Review due ${soonAsDay}`, exact: true })
    .click();
  await supplier.getByRole("link", { name: "Audit log" }).click();
  await expect(supplier.getByRole("row").filter({ hasText: `Set the review date to ${soonAsDay}` })).toBeVisible();
  await expect(async () => {
    await supplier.reload();
    await expect(supplier.getByRole("row").filter({ hasText: `The agreement is due for review (${soonAsDay})` })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});
