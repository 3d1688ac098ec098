import type { Browser, Page } from "@playwright/test";
import { test, expect, expectAccessible, clickAtEndOf, textOf } from "./fixtures";
import { runs, twoPartyNegotiation } from "./twoParties";

const schedule = [
  { heading: "Backups", body: "The Supplier backs up Buyer Data daily and tests a restore every quarter." },
  { heading: "Incident notification", body: "The Supplier notifies the Buyer of any security incident within 24 hours." },
];

const negotiationFor = (browser: Browser, errors: string[]) => twoPartyNegotiation(browser, errors, schedule, "Proposals");

const clause = (page: Page, heading: string) => page.locator(".schedule-editor .clause", { has: page.locator(".clause-heading", { hasText: heading }) });
const inserted = (page: Page, heading: string) => clause(page, heading).locator("ins.proposal-ins");
const struck = (page: Page, heading: string) => clause(page, heading).locator("del.proposal-del");

async function agree(page: Page, heading: string) {
  await clause(page, heading).locator("p").first().click();
  const panel = page.getByRole("region", { name: "Agreement on this clause" });
  await panel.getByRole("button", { name: "Agree to this clause" }).click();
  await expect(panel.getByText("Your party agrees to this text.")).toBeVisible();
}

/** The caret at the end of the clause's first paragraph. */
const toEndOf = (page: Page, heading: string) => clickAtEndOf(clause(page, heading).locator("p").first());

test("a clause both parties agreed changes only by proposals, in edit-together mode too: shown to both inline, undone by its author", async ({
  browser,
  consoleErrors,
}, testInfo) => {
  const { buyer, supplier } = await negotiationFor(browser, consoleErrors);
  for (const page of [buyer, supplier]) await expect(page.getByText("Way of working: Edit together")).toBeVisible();
  await agree(buyer, "Backups");
  await agree(supplier, "Backups");
  await expect(clause(buyer, "Backups").locator(".agreement-badge")).toHaveText("Agreed");
  const before = await textOf(clause(buyer, "Backups").locator("p").first());

  await toEndOf(supplier, "Backups");
  await expect(supplier.getByRole("note").filter({ hasText: "Both parties agreed this clause: what you change in it becomes a proposal." })).toBeVisible();
  // A list has no proposal form: the toolbar says so by being unavailable here.
  await expect(supplier.getByRole("button", { name: "Bulleted list" })).toBeDisabled();
  await supplier.keyboard.type(" Copies are kept for 90 days.");
  await runs(inserted(supplier, "Backups")).toBe(" Copies are kept for 90 days.");
  await runs(inserted(buyer, "Backups")).toBe(" Copies are kept for 90 days.");
  // Deleting agreed text strikes it through instead of removing it.
  for (let i = 0; i < " Copies are kept for 90 days.".length; i++) await supplier.keyboard.press("ArrowLeft");
  await supplier.keyboard.press("Shift+ArrowLeft");
  await supplier.keyboard.press("Shift+ArrowLeft");
  await supplier.keyboard.press("Delete");
  await runs(struck(buyer, "Backups")).toBe(before.slice(-2));
  expect(await textOf(clause(buyer, "Backups").locator("p").first())).toBe(`${before} Copies are kept for 90 days.`);
  await expectAccessible(buyer);
  await buyer.screenshot({ path: testInfo.outputPath("proposals-inline.png") });

  // Undo takes the proposals back, for everyone. How many undo steps the typing made depends on
  // its pace (the undo manager groups what comes within half a second), so undo until it is gone.
  await supplier.keyboard.press("Control+z");
  await expect(struck(buyer, "Backups")).toHaveCount(0);
  await expect(async () => {
    await supplier.keyboard.press("Control+z");
    await expect(inserted(buyer, "Backups")).toHaveCount(0, { timeout: 1000 });
  }).toPass();
  expect(await textOf(clause(buyer, "Backups").locator("p").first())).toBe(before);
  await expect(clause(buyer, "Backups").locator(".agreement-badge")).toHaveText("Agreed");

  // A clause not agreed by both is still edited directly.
  await toEndOf(supplier, "Incident notification");
  await supplier.keyboard.type(" Directly.");
  await expect(clause(buyer, "Incident notification").locator("p").first()).toContainText("Directly.");
  await expect(inserted(buyer, "Incident notification")).toHaveCount(0);
});

test("owners switch to proposing; the supplier's typing shows to the buyer in the supplier's colour; accepting makes it plain for both, rejecting removes it", async ({
  browser,
  consoleErrors,
}, testInfo) => {
  test.slow(); // two parties, a switch of mode, decisions, three widths
  const { buyer, supplier } = await negotiationFor(browser, consoleErrors);
  await supplier.getByRole("button", { name: "Switch to proposing changes" }).click();
  for (const page of [supplier, buyer]) await expect(page.getByText("Way of working: Propose changes")).toBeVisible();
  await expect(buyer.getByRole("button", { name: "Switch to editing together" })).toBeVisible();

  await toEndOf(supplier, "Incident notification");
  await supplier.keyboard.type(" Within four hours.");
  const proposed = inserted(buyer, "Incident notification");
  await runs(proposed).toBe(" Within four hours.");
  // The clause's margin says a proposal waits on it, for both sides.
  for (const page of [buyer, supplier]) await expect(clause(page, "Incident notification").locator(".agreement-badge")).toHaveText("Proposal open");
  await expect(proposed.locator(".proposal-by-supplier")).toHaveCount(1);
  await expect(proposed.locator(".proposal-by-supplier")).toHaveAttribute("title", /^Supplier: insertion proposed by Sam Supplier \(Nimbus Cloud\), /);

  // The keyboard's tooltip: the caret in the proposal says who made it.
  await proposed.click();
  await expect(buyer.locator(".proposal-hint")).toHaveText(/^Supplier: insertion proposed by Sam Supplier \(Nimbus Cloud\), /);
  // Turning agreed text into a list has no proposal form yet: the edit is dropped, and the supplier is told.
  await supplier.keyboard.press("Control+Shift+8");
  await expect(supplier.getByText("a new list or removing a whole section cannot be proposed yet", { exact: false })).toBeVisible();
  await expect(clause(supplier, "Incident notification").locator("ul")).toHaveCount(0);
  await expect(clause(buyer, "Incident notification").locator("p")).toHaveCount(1);

  const tab = buyer.getByRole("tab", { name: /^Proposals/ });
  await expect(tab).toHaveAccessibleName("Proposals 1");
  await tab.click();
  const panel = buyer.getByRole("tabpanel");
  const item = panel.getByRole("listitem").filter({ hasText: "Within four hours." });
  await expect(item).toContainText("Sam Supplier (Nimbus Cloud)");
  await expect(item).toContainText("Supplier");
  await expect(item).toContainText("Insert:");
  // Only the author withdraws; only the other party decides.
  await expect(item.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  await expectAccessible(buyer);
  for (const width of [1366, 960, 390]) {
    await buyer.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    if (width < 1100 && !(await panel.isVisible())) await buyer.getByRole("button", { name: "Show side panel" }).click();
    await buyer.screenshot({ path: testInfo.outputPath(`proposals-${width}.png`) });
  }
  await buyer.setViewportSize({ width: 1366, height: 900 });
  await item.getByRole("button", { name: "Accept" }).click();

  for (const page of [buyer, supplier]) {
    await expect(inserted(page, "Incident notification")).toHaveCount(0);
    await expect(clause(page, "Incident notification").locator("p").first()).toContainText("Within four hours.");
  }
  await expect(tab).toHaveAccessibleName("Proposals");
  await expect(clause(buyer, "Incident notification").locator(".agreement-badge")).not.toHaveText("Proposal open");

  // A proposed deletion, rejected: the text stays as it was.
  const before = await textOf(clause(buyer, "Backups").locator("p").first());
  await toEndOf(supplier, "Backups");
  for (let i = 0; i < 4; i++) await supplier.keyboard.press("Backspace");
  await runs(struck(buyer, "Backups")).toBe(before.slice(-4));
  await panel
    .getByRole("listitem")
    .filter({ hasText: before.slice(-4) })
    .getByRole("button", { name: "Reject" })
    .click();
  for (const page of [buyer, supplier]) {
    await expect(struck(page, "Backups")).toHaveCount(0);
    expect(await textOf(clause(page, "Backups").locator("p").first())).toBe(before);
  }
  await expectAccessible(supplier);
});

test("proposing, bold on agreed words is a formatting proposal: shown to both, listed with what it changes, rejected back to plain", async ({
  browser,
  consoleErrors,
}, testInfo) => {
  const { buyer, supplier } = await negotiationFor(browser, consoleErrors);
  await supplier.getByRole("button", { name: "Switch to proposing changes" }).click();
  await expect(buyer.getByText("Way of working: Propose changes")).toBeVisible();
  const body = (page: Page) => clause(page, "Backups").locator("p").first();
  // Select "daily" by keyboard and make it bold.
  await toEndOf(supplier, "Backups");
  await supplier.keyboard.press("Home");
  for (let i = 0; i < "The Supplier backs up Buyer Data ".length; i++) await supplier.keyboard.press("ArrowRight");
  for (let i = 0; i < "daily".length; i++) await supplier.keyboard.press("Shift+ArrowRight");
  await expect(supplier.getByRole("button", { name: "Bold" })).toBeEnabled();
  await supplier.keyboard.press("Control+b");
  for (const page of [supplier, buyer]) {
    await expect(body(page).locator("strong")).toHaveText("daily");
    await expect(body(page).locator(".proposal-fmt")).toHaveText("daily");
  }
  await expect(body(buyer).locator(".proposal-fmt .proposal-by-supplier")).toHaveAttribute(
    "title",
    /^Supplier: formatting change proposed by Sam Supplier \(Nimbus Cloud\), /,
  );
  await expect(clause(buyer, "Backups").locator(".agreement-badge")).toHaveText("Proposal open");

  const tab = buyer.getByRole("tab", { name: /^Proposals/ });
  await tab.click();
  const item = buyer.getByRole("tabpanel").getByRole("listitem").filter({ hasText: "daily" });
  await expect(item).toContainText("Formatting (bold on): daily");
  await expectAccessible(buyer);
  await buyer.screenshot({ path: testInfo.outputPath("proposals-formatting.png") });
  await item.getByRole("button", { name: "Reject" }).click();
  for (const page of [buyer, supplier]) {
    await expect(body(page).locator(".proposal-fmt")).toHaveCount(0);
    await expect(body(page).locator("strong")).toHaveCount(0);
    expect(await textOf(body(page))).toBe(schedule[0]!.body);
  }
});

test("proposing, Enter starts a new paragraph as a proposal: the buyer accepts one and rejects a split, and the text is as decided for both; a table likewise", async ({
  browser,
  consoleErrors,
}, testInfo) => {
  test.slow(); // two parties, a switch of mode, three decisions
  const { buyer, supplier } = await negotiationFor(browser, consoleErrors);
  await supplier.getByRole("button", { name: "Switch to proposing changes" }).click();
  await expect(buyer.getByText("Way of working: Propose changes")).toBeVisible();
  const paragraphs = (page: Page) => clause(page, "Backups").locator("p");

  await toEndOf(supplier, "Backups");
  await supplier.keyboard.press("Enter");
  await supplier.keyboard.type("Backups are kept for 30 days.");
  const added = paragraphs(buyer).nth(1);
  await expect.poll(() => textOf(added)).toBe("Backups are kept for 30 days.");
  await expect(added).toHaveClass(/proposal-block proposal-by-supplier/);
  await expect(added).toHaveAttribute("title", /^Supplier: new paragraph proposed by Sam Supplier \(Nimbus Cloud\), /);
  expect(await textOf(paragraphs(buyer).first())).toBe(schedule[0]!.body);
  await expect(clause(buyer, "Backups").locator(".agreement-badge")).toHaveText("Proposal open");

  // Enter in the middle: the rest of the sentence struck here and proposed as the next paragraph.
  await toEndOf(supplier, "Incident notification");
  await supplier.keyboard.press("Home");
  for (let i = 0; i < "The Supplier notifies the Buyer".length; i++) await supplier.keyboard.press("ArrowRight");
  await supplier.keyboard.press("Enter");
  const split = clause(buyer, "Incident notification").locator("p");
  await expect(split).toHaveCount(2);
  await expect(split.first().locator("del.proposal-del")).toHaveText(" of any security incident within 24 hours.");
  await expect(split.nth(1)).toHaveClass(/proposal-block/);
  expect(await textOf(split.nth(1))).toBe(" of any security incident within 24 hours.");

  await buyer.getByRole("tab", { name: /^Proposals/ }).click();
  const list = buyer.getByRole("tabpanel");
  const item = list.getByRole("listitem").filter({ hasText: "New paragraph: Backups are kept for 30 days." });
  await expect(item).toBeVisible();
  await expectAccessible(buyer);
  await buyer.screenshot({ path: testInfo.outputPath("proposals-new-paragraph.png") });
  await item.getByRole("button", { name: "Accept" }).click();
  for (const text of ["New paragraph: of any security incident", "Delete: of any security incident"])
    await list.getByRole("listitem").filter({ hasText: text }).getByRole("button", { name: "Reject" }).click();
  for (const page of [buyer, supplier]) {
    await expect(paragraphs(page)).toHaveCount(2);
    await expect(paragraphs(page).nth(1)).not.toHaveClass(/proposal-block/);
    await expect(paragraphs(page).nth(1).locator("ins")).toHaveCount(0);
    expect(await textOf(paragraphs(page).nth(1))).toBe("Backups are kept for 30 days.");
    await expect(clause(page, "Incident notification").locator("p")).toHaveCount(1);
    expect(await textOf(clause(page, "Incident notification").locator("p"))).toBe(schedule[1]!.body);
    await expect(clause(page, "Incident notification").locator(".proposal-by")).toHaveCount(0);
  }

  // A table is proposed the same way: what is typed in its cells is the one proposal.
  await toEndOf(supplier, "Incident notification");
  await supplier.getByRole("button", { name: "Insert table" }).click();
  await expect(clause(supplier, "Incident notification").locator("table.block-proposed-insert")).toHaveAttribute("title", /new table proposed by/);
  await supplier.keyboard.press("ArrowDown");
  await supplier.keyboard.type("RPO");
  await expect(clause(buyer, "Incident notification").locator("table.block-proposed-insert")).toHaveClass(/proposal-by-supplier/);
  await expect(list.getByRole("listitem").filter({ hasText: "New table: RPO" })).toBeVisible();
});

test("proposing, New section proposes the section with its clause as one proposal; the buyer accepts it and it is plain for both", async ({
  browser,
  consoleErrors,
}) => {
  const { buyer, supplier } = await negotiationFor(browser, consoleErrors);
  await supplier.getByRole("button", { name: "Switch to proposing changes" }).click();
  await expect(buyer.getByText("Way of working: Propose changes")).toBeVisible();
  await toEndOf(supplier, "Backups");
  await supplier.getByRole("button", { name: "New section" }).click();
  await supplier.keyboard.type("Logging");
  const section = (page: Page) => page.locator(".schedule-editor section", { has: page.locator(".section-heading", { hasText: "Logging" }) });
  // Once the server's record of the proposal is in (the bar's tooltip redraws the section), on into its clause.
  await expect(section(supplier)).toHaveAttribute("title", /new section proposed by Sam Supplier/);
  await supplier.keyboard.press("ArrowDown");
  await supplier.keyboard.type("Retention");
  await expect(section(supplier).locator(".clause-heading")).toHaveText("Retention");
  await supplier.keyboard.press("ArrowDown");
  await supplier.keyboard.type("Logs are kept for a year.");
  await expect.poll(() => textOf(clause(buyer, "Retention").locator("p"))).toBe("Logs are kept for a year.");
  await expect(section(buyer)).toHaveClass(/proposal-block proposal-by-supplier/);
  await expect(section(buyer)).toHaveAttribute("title", /^Supplier: new section proposed by Sam Supplier \(Nimbus Cloud\), /);
  await expect(clause(buyer, "Retention").locator(".agreement-badge")).toHaveText("Proposal open");

  await buyer.getByRole("tab", { name: /^Proposals/ }).click();
  const items = buyer.getByRole("tabpanel").getByRole("listitem");
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("Add this section: Logging");
  await items.first().getByRole("button", { name: "Accept" }).click();
  for (const page of [buyer, supplier]) {
    await expect(section(page)).not.toHaveClass(/proposal-block/);
    await expect(clause(page, "Retention")).not.toHaveClass(/clause-proposed-insert/);
    await expect(section(page).locator("ins, .proposal-by")).toHaveCount(0);
  }
  await expectAccessible(buyer);
});

test("proposing, a new clause and a clause's removal are proposals too: written freely by their author, accepted or rejected by the other side", async ({
  browser,
  consoleErrors,
}) => {
  test.slow(); // two parties, a switch of mode, four decisions
  const { buyer, supplier } = await negotiationFor(browser, consoleErrors);
  await supplier.getByRole("button", { name: "Switch to proposing changes" }).click();
  for (const page of [supplier, buyer]) await expect(page.getByText("Way of working: Propose changes")).toBeVisible();

  // A new clause: the supplier writes it as they like, new paragraph included; it is one proposal.
  await toEndOf(supplier, "Backups");
  await supplier.keyboard.press("Control+Enter");
  await supplier.keyboard.type("Logging");
  await supplier.keyboard.press("ArrowDown");
  await supplier.keyboard.type("Security events are logged.");
  await supplier.keyboard.press("Enter");
  await supplier.keyboard.type("Logs are kept for a year.");
  const added = clause(buyer, "Logging");
  await expect.poll(() => textOf(added.locator("p").last())).toBe("Logs are kept for a year.");
  expect(await textOf(added.locator("p").first())).toBe("Security events are logged.");
  await expect(added).toHaveClass(/clause-proposed-insert/);
  await expect(added).toHaveClass(/proposal-by-supplier/);
  await expect(added).toHaveAttribute("title", /^Supplier: new clause proposed by Sam Supplier \(Nimbus Cloud\), /);
  for (const page of [buyer, supplier]) await expect(clause(page, "Logging").locator(".agreement-badge")).toHaveText("Proposal open");

  // Removing a clause proposes its removal: it stays, struck through, until the other side decides.
  await clause(supplier, "Incident notification").locator("p").first().click();
  supplier.once("dialog", (dialog) => void dialog.accept());
  await supplier.getByRole("button", { name: "Delete clause" }).click();
  await expect(clause(buyer, "Incident notification")).toHaveClass(/clause-proposed-delete/);
  await expect(clause(buyer, "Incident notification")).toHaveAttribute("title", /^Supplier: removal of this clause proposed by Sam Supplier/);

  const tab = buyer.getByRole("tab", { name: /^Proposals/ });
  await expect(tab).toHaveAccessibleName("Proposals 2");
  await tab.click();
  const panel = buyer.getByRole("tabpanel");
  const addition = panel.getByRole("listitem").filter({ hasText: "Add this clause" });
  await expect(addition).toContainText("Logging");
  const removal = panel.getByRole("listitem").filter({ hasText: "Remove this clause" });
  await expect(removal).toContainText("Incident notification");
  await expectAccessible(buyer);

  await addition.getByRole("button", { name: "Accept" }).click();
  for (const page of [buyer, supplier]) {
    await expect(clause(page, "Logging")).not.toHaveClass(/proposal-clause|clause-proposed/);
    await expect(clause(page, "Logging").locator("p")).toHaveCount(2);
  }
  await removal.getByRole("button", { name: "Reject" }).click();
  for (const page of [buyer, supplier]) await expect(clause(page, "Incident notification")).not.toHaveClass(/clause-proposed-delete/);

  // Proposed again and accepted, the clause goes for both.
  await clause(supplier, "Incident notification").locator("p").first().click();
  supplier.once("dialog", (dialog) => void dialog.accept());
  await supplier.getByRole("button", { name: "Delete clause" }).click();
  await panel.getByRole("listitem").filter({ hasText: "Remove this clause" }).getByRole("button", { name: "Accept" }).click();
  for (const page of [buyer, supplier]) await expect(clause(page, "Incident notification")).toHaveCount(0);
  await expect(tab).toHaveAccessibleName("Proposals");
});

test("proposing, a moved clause is a proposal: the buyer sees it moved, with where it stood, and rejecting puts it back", async ({
  browser,
  consoleErrors,
}) => {
  test.slow(); // two parties, a switch of mode, a decision
  const { buyer, supplier } = await negotiationFor(browser, consoleErrors);
  await supplier.getByRole("button", { name: "Switch to proposing changes" }).click();
  for (const page of [supplier, buyer]) await expect(page.getByText("Way of working: Propose changes")).toBeVisible();
  const headings = (page: Page) => page.locator(".schedule-editor .clause-heading").allTextContents();

  await clause(supplier, "Backups").locator("p").first().click();
  await supplier.getByRole("button", { name: "Move clause down" }).click();
  await expect.poll(() => headings(buyer)).toEqual(["Incident notification", "Backups"]);
  const moved = clause(buyer, "Backups");
  await expect(moved).toHaveClass(/clause-proposed-move/);
  await expect(moved).toHaveClass(/proposal-by-supplier/);
  await expect(moved).toHaveAttribute("title", /^Supplier: move of this clause proposed by Sam Supplier \(Nimbus Cloud\), /);
  await expect(moved.locator(".proposal-moved-label")).toHaveText("Proposed moved from the start of section 1 by Sam Supplier (Nimbus Cloud)");
  for (const page of [buyer, supplier]) await expect(clause(page, "Backups").locator(".agreement-badge")).toHaveText("Proposal open");

  const tab = buyer.getByRole("tab", { name: /^Proposals/ });
  await expect(tab).toHaveAccessibleName("Proposals 1");
  await tab.click();
  const item = buyer.getByRole("tabpanel").getByRole("listitem").filter({ hasText: "Move this clause" });
  await expect(item).toContainText("Backups");
  await expect(item).toContainText("Sam Supplier (Nimbus Cloud)");
  await expectAccessible(buyer);
  await item.getByRole("button", { name: "Reject" }).click();
  for (const page of [buyer, supplier]) {
    await expect.poll(() => headings(page)).toEqual(["Backups", "Incident notification"]);
    await expect(clause(page, "Backups")).not.toHaveClass(/clause-proposed-move|proposal-clause/);
    await expect(clause(page, "Backups").locator(".proposal-moved-label")).toHaveCount(0);
  }
  await expect(tab).toHaveAccessibleName("Proposals");
});
