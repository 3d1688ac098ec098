import { test, expect, expectAccessible, logIn, watch } from "./fixtures";

test("the public knowledge base: search in either language, open an entry, switch views", async ({ page }) => {
  await page.goto("/knowledge");
  await expect(page.getByRole("heading", { level: 1, name: "Knowledge base" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Search the knowledge base (English or Dutch)").fill("datalekken");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("status")).toContainText("match “datalekken”");
  await page.getByRole("link", { name: "Incident and data breach notification" }).click();
  await expect(page.getByRole("tab", { name: "For the buyer" })).toHaveAttribute("aria-selected", "true");
  await page.getByRole("tab", { name: "Law and standards" }).click();
  await expect(page.getByRole("tabpanel")).toContainText("NIS2");
  await expectAccessible(page);
});

test("the sidebar explains the clause under the cursor, from the reader's side first", async ({ page }) => {
  await logIn(page, "supplier@demo.test");
  await page.getByRole("link", { name: /Acme Retail ⇄ Nimbus Cloud/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  const sidebar = page.getByRole("region", { name: "What this clause is about" });
  await expect(sidebar).toContainText("Put the cursor in a clause");
  await page
    .locator(".clause", { has: page.locator(".clause-heading", { hasText: "Incident notification" }) })
    .locator("p")
    .first()
    .click();
  await expect(sidebar.getByRole("heading", { name: "Incident and data breach notification" })).toBeVisible();
  await expect(sidebar.getByRole("tab", { name: "For the supplier" })).toHaveAttribute("aria-selected", "true");
  await page
    .locator(".clause", { has: page.locator(".clause-heading", { hasText: "Encryption" }) })
    .locator("p")
    .first()
    .click();
  await expect(sidebar.getByRole("heading", { level: 3 })).not.toHaveText("Incident and data breach notification");
  await expectAccessible(page);
});

test("a clause from the catalogue is inserted at the chosen level and reaches the other party live", async ({ page, browser, consoleErrors }) => {
  const other = await (await browser.newContext({ locale: "en-GB" })).newPage();
  watch(other, consoleErrors);
  await logIn(other, "supplier@demo.test");
  await other.getByRole("link", { name: /Acme Retail ⇄ Nimbus Cloud/ }).click();
  await logIn(page, "advisor@demo.test");
  await page.getByRole("link", { name: /Acme Retail ⇄ Nimbus Cloud/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  await page
    .locator(".clause", { has: page.locator(".clause-heading", { hasText: "Personnel screening" }) })
    .locator("p")
    .first()
    .click();
  const sidebar = page.getByRole("region", { name: "What this clause is about" });
  await sidebar.getByText("Add or link a requirement from the knowledge base").click();
  await sidebar.getByLabel("Search the knowledge base (English or Dutch)").fill("back-ups");
  await sidebar.getByLabel("Level").selectOption("strict");
  await sidebar.getByRole("button", { name: "Insert after this clause Backups", exact: true }).click();
  // The strict sample text, under the requirement's title, right after the clause holding the cursor.
  const inserted = (p: typeof page) => p.locator(".clause").filter({ hasText: "offline or immutable" });
  await expect(inserted(page)).toHaveCount(1);
  await expect(inserted(page).locator(".clause-heading")).toHaveText("Backups");
  await expect(page.locator(".clause").filter({ hasText: "Personnel screening" }).locator("xpath=following-sibling::*[1]")).toContainText(
    "offline or immutable",
  );
  await expect(sidebar.getByRole("heading", { level: 3, name: "Backups" })).toBeVisible();
  await expect(inserted(other)).toHaveCount(1);
  await expectAccessible(page);
});

test("glossary terms in clause text explain themselves on hover and when the cursor is in them", async ({ page }) => {
  await logIn(page, "buyer@demo.test");
  await page.getByRole("link", { name: /Acme Retail ⇄ Nimbus Cloud/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  const encryption = page.locator(".clause", { has: page.locator(".clause-heading", { hasText: "Encryption" }) });
  const tls = encryption.locator(".glossary-term", { hasText: "TLS" });
  const hint = page.getByRole("tooltip");
  await tls.hover();
  await expect(hint).toContainText("Transport Layer Security");
  await tls.click();
  await page.mouse.move(0, 0);
  // The pointer has left; the cursor standing in the term keeps the definition shown.
  await expect(hint).toContainText("Transport Layer Security");
  await page.keyboard.press("End");
  await expect(hint).toBeHidden();
  const sidebar = page.getByRole("region", { name: "What this clause is about" });
  await sidebar.getByText("Terms in this clause (1)").click();
  await expect(sidebar.locator("dt")).toHaveText(["TLS (Transport Layer Security)"]);
  await expectAccessible(page);
});

test("coverage shows a missing NIS2 element; inserting it covers it for both parties", async ({ page, browser, consoleErrors }) => {
  const supplier = await (await browser.newContext({ locale: "en-GB" })).newPage();
  watch(supplier, consoleErrors);
  await logIn(supplier, "supplier@demo.test");
  await supplier.getByRole("link", { name: /Acme Retail ⇄ Nimbus Cloud/ }).click();
  await logIn(page, "buyer@demo.test");
  await page.getByRole("link", { name: /Acme Retail ⇄ Nimbus Cloud/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();

  for (const p of [page, supplier]) await p.getByRole("tab", { name: "Coverage" }).click();
  const training = (p: typeof page) => p.getByRole("region", { name: "Coverage of the law" }).getByRole("listitem").filter({ hasText: "NIS2 Art. 21(2)(g)" });
  await expect(training(page)).toContainText("Missing:");
  await expect(training(supplier)).toContainText("Missing:");
  await expectAccessible(page);

  await training(page).getByRole("button", { name: "Insert “Security awareness, cyber hygiene and training”" }).click();
  await expect(training(page)).toContainText("Covered:");
  await expect(training(page)).toContainText("Security awareness, cyber hygiene and training");
  await expect(training(supplier)).toContainText("Covered:");
  await expect(training(supplier)).toContainText("Security awareness, cyber hygiene and training");

  // Coverage follows the wording (decision 037): weakened, the clause is no longer green for anyone.
  const inserted = page
    .locator(".clause", { has: page.locator(".clause-heading", { hasText: "Security awareness, cyber hygiene and training" }) })
    .locator("p")
    .first();
  await inserted.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Attendance is optional.");
  for (const p of [page, supplier]) {
    await expect(training(p)).toContainText("Edited — check:");
    await expect(training(p)).not.toContainText("Covered:");
    await training(p)
      .getByText(/Show the changes/)
      .click();
    await expect(training(p).locator("ins")).toContainText("Attendance is optional.");
  }
  // The demo's own MFA wording is not the knowledge base's: someone has to check it.
  const mfa = supplier
    .getByRole("region", { name: "Coverage of the law" })
    .getByRole("listitem")
    .filter({ hasText: "NIS2 Art. 21(2)(j) Multi-factor or continuous authentication" });
  await expect(mfa).toContainText("Edited — check:");
  await expectAccessible(supplier);
  for (const width of [1366, 960, 390]) {
    await supplier.setViewportSize({ width, height: 900 });
    await supplier.screenshot({ path: `test-results/coverage-${width}.png`, fullPage: true });
  }
  await supplier.setViewportSize({ width: 1366, height: 900 });

  // A regime the setup did not select can still be checked on request.
  const coverage = page.getByRole("region", { name: "Coverage of the law" });
  const doraSummary = coverage.locator("summary", { hasText: "DORA Regulation" });
  await expect(doraSummary).toHaveCount(0);
  await coverage.getByLabel(/DORA Regulation/).check();
  await expect(doraSummary).toContainText(/\d+ of 15 elements covered/);
});
